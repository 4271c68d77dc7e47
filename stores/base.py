"""What every graph store offers, and the errors and values both stores share."""

from __future__ import annotations

import re
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


@runtime_checkable
class Store(Protocol):
    """A graph store the query layer and the loaders use."""

    backend: str

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None,
             row_cap: int | None = None) -> QueryResult:
        """Run a read-only query; a write is refused with :class:`ReadOnlyViolation`."""
        ...

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        """Run a write query in a transaction of its own (loaders only)."""
        ...

    def close(self) -> None: ...


# Clauses that may not reach a store through a read-only entry point. The stores refuse writes
# themselves (read transactions, GRAPH.RO_QUERY); this early check gives one clear message for
# both and also stops LOAD CSV, which reads server-side files even in a read transaction, and
# TERMINATE TRANSACTIONS, which a read transaction allows (it would cancel other users' queries).
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|LOAD\s+CSV|FOREACH|TERMINATE\s+TRANSACTIONS?)\b"
    r"|\bCALL\s+(db|dbms|apoc|gds|algo)\.(?!"
    r"labels|relationshipTypes|propertyKeys|indexes|constraints|schema\.visualization)",
    re.IGNORECASE,
)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def refuse_writes(query: str) -> None:
    """Refuse a query that contains a writing clause (strings and comments are not looked at).

    >>> refuse_writes("MATCH (n) RETURN n.name AS create")
    >>> refuse_writes("MATCH (n) WHERE n.t = 'SET x' RETURN n")
    >>> refuse_writes("MATCH (n) DETACH DELETE n")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    stores.base.ReadOnlyViolation: ...
    """
    bare = _STRINGS_AND_COMMENTS.sub(" ", query)
    bare = re.sub(r"\bAS\s+\w+", " ", bare, flags=re.IGNORECASE)
    match = _WRITE_CLAUSES.search(bare)
    if match:
        raise ReadOnlyViolation(
            f"refused: '{match.group(0).strip()}' writes or reads outside the graph; this entry point is read-only"
        )
