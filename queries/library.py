"""Named Cypher queries: one file each under ``queries/cypher/``, loaded by name, run read-only.

A query file starts with a header of ``//`` comment lines::

    // purpose: what the query answers
    // params: $id — an article id, e.g. ECL:38
    // columns: id, text_zh, …

The same file runs unchanged on the embedded store and on Neo4j (the common dialect).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lawgraph.stores.base import QueryResult, Store, StoreError, consistent_read

from lawgraph.errors import LawgraphError
from lawgraph.settings import ROW_CAP

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class UnknownQuery(LawgraphError, KeyError):
    """No query of that name."""


class MissingParameter(LawgraphError, ValueError):
    """A query was run without one of its $params."""


class ResultTruncated(StoreError):
    """A query's result was cut at the row cap where the whole result is needed (reasoning over it)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    purpose: str
    params_doc: str
    columns: list[str]
    params: list[str] = field(default_factory=list)
    path: Path | None = None


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        key, _, value = line[2:].strip().partition(":")
        if value:
            header[key.strip().lower()] = (header.get(key.strip().lower(), "") + " " + value.strip()).strip()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//")).strip()
    params = sorted(set(_PARAM.findall(body)))
    columns = [c.strip() for c in header.get("columns", "").split(",") if c.strip()]
    return NamedQuery(path.stem, body, header.get("purpose", ""), header.get("params", ""), columns, params, path)


@cache
def all_queries(directory: Path = CYPHER_DIR) -> dict[str, NamedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    queries = all_queries()
    if name not in queries:
        raise UnknownQuery(f"no query named {name!r}; known: {', '.join(queries)}")
    return queries[name]


class QueryLibrary:
    """Runs named queries on a store (read-only, with a time limit and the row cap).

    :meth:`result` returns the rows with ``truncated`` set when the row cap cut them (for display, which
    flags it); :meth:`run` returns the rows only when they are complete and raises
    :class:`ResultTruncated` otherwise, so nothing reasons from a cut result without knowing.
    """

    def __init__(self, store: Store, timeout_ms: int = 10_000, row_cap: int = ROW_CAP) -> None:
        self.store = store
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self._complete(name, self.result(name, **params))

    def result(self, name: str, **params: Any) -> QueryResult:
        text, used = _statement(name, params)
        return self.store.read(text, used, timeout_ms=self.timeout_ms, row_cap=self.row_cap)

    def run_together(self, calls: Mapping[str, Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """Several named queries (name → its parameters) on one state of the graph: one read transaction
        (:meth:`stores.base.Store.read_batch`), repeated if a load completed meanwhile
        (:func:`stores.base.consistent_read`: Neo4j's read transactions are read-committed, not snapshots),
        so the answers come from one load. Rows as :meth:`run` gives them: complete, or :class:`ResultTruncated`."""
        statements = [_statement(name, params) for name, params in calls.items()]
        answers = consistent_read(self.store, lambda: self.store.read_batch(
            statements, timeout_ms=self.timeout_ms, row_cap=self.row_cap))
        return {name: self._complete(name, answer) for name, answer in zip(calls, answers, strict=True)}

    def _complete(self, name: str, result: QueryResult) -> list[dict[str, Any]]:
        if result.truncated:
            raise ResultTruncated(f"query {name!r} returned more than {self.row_cap:,} rows (the row cap): "
                                  "the answer would rest on a cut result; raise LAWGRAPH_ROW_CAP")
        return result.rows


def _statement(name: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The text of query ``name`` and the parameters it uses; a missing one is refused."""
    query = get_query(name)
    missing = [p for p in query.params if p not in params]
    if missing:
        raise MissingParameter(f"query {name!r} needs ${', $'.join(missing)} ({query.params_doc})")
    return query.text, {k: v for k, v in params.items() if k in query.params}
