"""What every graph store offers, and the errors and values both stores share."""

from __future__ import annotations

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
