"""What every graph store offers, and the errors and values both stores share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from lawgraph.errors import EnvironmentProblem


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
    """A graph store the query layer and the loaders use."""

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

    def close(self) -> None: ...
