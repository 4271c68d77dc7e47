"""What every graph store offers, and the errors and values both stores share."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from lawgraph.graph.loading import LOAD_RUN_LABEL, Batch, Loader

from lawgraph.errors import EnvironmentProblem

__all__ = ["Batch", "Loader", "QueryResult", "QueryTimeout", "ReadOnlyViolation", "Store", "StoreError",
           "consistent_read", "load_meta"]


class StoreError(EnvironmentProblem):
    """A store could not answer (connection, syntax, timeout …); the message is safe to show."""


class ReadOnlyViolation(StoreError):
    """A query tried to write through a read-only entry point."""

    exit_code = 2  # bad input, not a failing store


class QueryTimeout(StoreError):
    """A query ran longer than its time limit."""


@dataclass
class QueryResult:
    """Rows as plain dicts, the column names, and whether the row cap cut the result."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    notes: list[str] = field(default_factory=list)


#: one read query and its parameters, for :meth:`Store.read_batch`
ReadQuery = tuple[str, Mapping[str, Any]]


@runtime_checkable
class Store(Protocol):
    """A graph store the query layer reads and a :class:`Loader` of its own (``loader()``) writes."""

    backend: str

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None,
             row_cap: int | None = None) -> QueryResult:
        """Run a read-only query; a write is refused with :class:`ReadOnlyViolation`."""
        ...

    def read_batch(self, statements: Sequence[ReadQuery], *, timeout_ms: int | None = None,
                   row_cap: int | None = None) -> list[QueryResult]:
        """Run several read-only queries on one state of the graph (one read transaction); results in order.

        No write lands between the queries on the embedded store (one ``MULTI``/``EXEC``); on Neo4j they run
        in one read transaction (Neo4j's isolation is read-committed). ``timeout_ms`` bounds each query on
        the embedded store and the whole transaction on Neo4j; ``row_cap`` applies to each result, and each
        result's ``elapsed_ms`` is the time of the whole batch.
        """
        ...

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        """Run a write query in a transaction of its own (loaders only)."""
        ...

    def meta(self) -> dict[str, Any]:
        """The last complete load's record (``load_id``, ``fingerprint``, counts …); ``{}`` if none."""
        ...

    def loader(self) -> Loader:
        """A loader for one load into this store (see :mod:`lawgraph.graph.loading`)."""
        ...

    def close(self) -> None: ...


#: the record of the last complete load: one ``LoadRun`` node, kept in the graph by both stores
META_QUERY = f"MATCH (r:{LOAD_RUN_LABEL}) RETURN properties(r) AS meta LIMIT 1"


def load_meta(meta: dict[str, Any], load_id: str) -> dict[str, Any]:
    """The properties of a load's ``LoadRun`` node: the scalar entries of ``meta``, the id, the time.

    >>> record = load_meta({"fingerprint": "ab", "paths": ["x"], "nodes": 2}, "l1")
    >>> sorted(record), record["load_id"]
    (['fingerprint', 'load_id', 'loaded_at', 'nodes', 'status'], 'l1')
    """
    kept = {k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool))}
    return {**kept, "load_id": load_id, "status": "complete", "loaded_at": time.time()}


def consistent_read[T](store: Store, read: Callable[[], T], attempts: int = 5) -> T:
    """``read()`` — any number of queries — answered from one load: run again if a load completed meanwhile.

    A load becomes visible in one step (a swap, a commit), but a reader that runs several queries (or
    one on Neo4j, whose reads are read-committed, across the commit) could see the old graph in one
    and the new in the next; the load id recorded before and after tells, and the read is repeated.
    """
    for _ in range(attempts):
        before = store.meta().get("load_id")
        result = read()
        if store.meta().get("load_id") == before:
            return result
    raise StoreError(f"the store was reloaded during each of {attempts} attempts to read it; try again")
