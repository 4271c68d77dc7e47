"""The dashboard's one store per process, the query library over it, and cached results.

Pages never open a store: they call :func:`rows` (a named query of ``queries/cypher``),
:func:`outcome_report` (:func:`queries.outcomes.outcomes`) or, in the Cypher console only,
:func:`run_console`. The store is opened once per process (``st.cache_resource``, closed when
the cache is cleared); results are cached with ``st.cache_data`` because the graph the dashboard
reads does not change under it (the embedded store is rebuilt only by ``lawgraph load``/start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from lawgraph.dashboard.backend import backend_summary as describe_backend
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcomes import OutcomeReport, outcomes
from lawgraph.stores.base import QueryResult, Store

from lawgraph.settings import Settings


def settings() -> Settings:
    return Settings.from_env()


def _release(store: Store) -> None:
    store.close()


@st.cache_resource(show_spinner="Opening the graph store…", on_release=_release)
def store() -> Store:
    """The graph store of this process: Neo4j when NEO4J_URI (or LAWGRAPH_BACKEND=neo4j) says so, else embedded.

    The embedded store is built from ``data/`` on first use (``lawgraph.connect.open_store``). Started by
    ``lawgraph dashboard``, this process waits for the command to open (build) the store and attaches
    to the embedded server it started (``dashboard.handshake.launcher_store``).
    """
    from lawgraph.dashboard.handshake import launcher_store

    launched = launcher_store()
    if launched and launched.get("embedded_home"):
        from lawgraph.stores.embedded import EmbeddedStore

        return EmbeddedStore(Path(launched["embedded_home"]))
    from lawgraph.connect import open_store

    return open_store(settings(), quiet=True)


#: named queries are the project's own and bounded by the data (the Civil Code alone has 1,260 articles),
#: so they are not cut at the console's row cap
NAMED_QUERY_ROW_CAP = 20_000


def library() -> QueryLibrary:
    config = settings()
    return QueryLibrary(store(), config.query_timeout_ms, max(config.row_cap, NAMED_QUERY_ROW_CAP))


@st.cache_data(show_spinner=False)
def rows(name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of a named query (``queries/cypher/<name>.cypher``)."""
    return library().run(name, **params)


@st.cache_data(show_spinner=False)
def outcome_report(facts: tuple[str, ...], framework: str | None = None) -> OutcomeReport:
    """Rules, near misses, cases and explanation for a fact set (order of facts does not matter)."""
    return outcomes(library(), list(facts), framework)


@st.cache_data(show_spinner=False)
def node(node_id: str) -> dict[str, Any] | None:
    """One node as ``{"id", "label", **properties}``, or None."""
    found = rows("node", id=node_id)
    if not found:
        return None
    properties = dict((found[0].get("node") or {}).get("properties") or {})
    return {**properties, "id": found[0]["id"], "label": found[0]["label"]}


@st.cache_data(show_spinner=False)
def vocabulary() -> dict[str, dict[str, Any]]:
    """Names in both languages of the knowledge nodes the pages label: facts, doctrines, positions,
    issues and the outcomes rules yield or courts hold (liability forms, duty standards …)."""
    names: dict[str, dict[str, Any]] = {}
    for query, label in (("facts", "Fact"), ("doctrines", "Doctrine"), ("issues", "Issue")):
        for row in rows(query):
            names[row["id"]] = {"label": label, "name_en": row.get("name_en"), "name_zh": row.get("name_zh")}
    frameworks = rows("frameworks")
    arguments = rows("issue_positions")
    position_ids = {r["framework"] for r in frameworks} | {r["position"] for r in arguments}
    for row in rows("positions_named", ids=sorted(position_ids)):
        names[row["id"]] = {"label": "Position", "name_en": row.get("name_en"), "name_zh": row.get("name_zh")}
    outcome_ids = ({y for r in frameworks for y in r["yields"]} | {a for r in arguments for a in r["advocates"]}
                   | {r["form"] for r in rows("case_holdings", case="")})
    for outcome_id in sorted(outcome_ids - set(names)):
        found = node(outcome_id)
        if found:
            names[outcome_id] = {"label": found["label"], "name_en": found.get("name_en"),
                                 "name_zh": found.get("name_zh")}
    return names


def run_console(query: str, params: dict[str, Any], timeout_ms: int, row_cap: int) -> QueryResult:
    """A console query, read-only (the store refuses writes with ``ReadOnlyViolation``); never cached."""
    return store().read(query, params, timeout_ms=timeout_ms, row_cap=row_cap)


def backend_summary() -> tuple[str, str]:
    """Which store this process reads, and where (never with credentials)."""
    return describe_backend(settings())
