"""The dashboard's one store per process, the query library over it, and cached results.

Pages never open a store: they call :func:`rows` (a named query of ``queries/cypher``),
:func:`outcome_report` (:func:`queries.outcomes.outcomes`) or, in the Cypher console only,
:func:`run_console`. The store is opened once per process (``st.cache_resource``, closed when
the cache is cleared) through ``lawgraph.connect.open_store``, which never rebuilds it. Results are
cached with ``st.cache_data`` keyed by the store's load id (:func:`load_id`), so after ``lawgraph load``
swaps in a new graph every cached page result misses and the pages agree with the (uncached) console.
A result cut at the row cap is shown with a warning (:func:`rows`); reasoning over one is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from lawgraph.dashboard.backend import backend_summary as describe_backend
from lawgraph.dashboard.i18n import t
from lawgraph.graph.model import Label
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcome_report import OutcomeReport
from lawgraph.queries.outcomes import outcomes
from lawgraph.stores.base import QueryResult, Store

from lawgraph import connect
from lawgraph.settings import Settings


def settings() -> Settings:
    return Settings.from_env()


def _release(store: Store) -> None:
    store.close()


@st.cache_resource(show_spinner="Opening the graph store…", on_release=_release)
def store() -> Store:
    """The graph store of this process: Neo4j when NEO4J_URI (or LAWGRAPH_BACKEND=neo4j) says so, else embedded.

    A missing embedded store is built from ``data/`` on first use (``lawgraph.connect.open_store``). Started by
    ``lawgraph dashboard``, this process first waits for the command to open (build) the store, then attaches
    to the embedded server it started (``dashboard.handshake.launcher_store``).
    """
    from lawgraph.dashboard.handshake import launcher_store

    launched = launcher_store()
    return connect.open_store(settings(), launched.get("backend") if launched else None, quiet=True)


def load_id() -> str:
    """The id of the store's last load: part of every cached result's key."""
    return connect.load_id(store())


@st.cache_data(show_spinner=False, max_entries=8)
def _stale_notice(load: str, data_dir: Path, files: tuple[tuple[str, int, int], ...]) -> str | None:
    return connect.stale_notice(store(), data_dir)


def stale() -> bool:
    """True when data/ changed since the store's last load (the sidebar says so; nothing is rebuilt).

    data/ is hashed again only when the load id or a file's name, size or modification time changed.
    """
    data_dir = settings().data_dir
    stats = {str(path): path.stat() for path in data_dir.rglob("*") if path.is_file()}
    files = tuple(sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in stats.items()))
    return _stale_notice(load_id(), data_dir, files) is not None


def library() -> QueryLibrary:
    config = settings()
    return QueryLibrary(store(), config.query_timeout_ms, config.row_cap)


@st.cache_data(show_spinner=False)
def _result(load: str, name: str, **params: Any) -> QueryResult:
    return library().result(name, **params)


def rows(name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of a named query (``queries/cypher/<name>.cypher``); a warning on the page if the row cap cut them."""
    result = _result(load_id(), name, **params)
    if result.truncated:
        st.warning(t("app.truncated").format(n=f"{len(result.rows):,}"), icon=":material/content_cut:")
    return result.rows


def outcome_report(facts: tuple[str, ...], framework: str | None = None) -> OutcomeReport:
    """Rules, near misses and cases for a fact set (order of facts does not matter)."""
    return _outcome_report(load_id(), facts, framework)


@st.cache_data(show_spinner=False)
def _outcome_report(load: str, facts: tuple[str, ...], framework: str | None) -> OutcomeReport:
    return outcomes(library(), list(facts), framework)


def node(node_id: str) -> dict[str, Any] | None:
    """One node as ``{"id", "label", **properties}``, or None."""
    return _node(load_id(), node_id)


@st.cache_data(show_spinner=False)
def _node(load: str, node_id: str) -> dict[str, Any] | None:
    found = rows("node", id=node_id)
    if not found:
        return None
    properties = dict((found[0].get("node") or {}).get("properties") or {})
    return {**properties, "id": found[0]["id"], "label": found[0]["label"]}


def vocabulary() -> dict[str, dict[str, Any]]:
    """Names in both languages of the knowledge nodes the pages label: facts, doctrines, positions,
    issues and the outcomes rules yield or courts hold (liability forms, duty standards …)."""
    return _vocabulary(load_id())


@st.cache_data(show_spinner=False)
def _vocabulary(load: str) -> dict[str, dict[str, Any]]:
    names: dict[str, dict[str, Any]] = {}
    for query, label in (("facts", Label.FACT.value), ("doctrines", Label.DOCTRINE.value),
                         ("issues", Label.ISSUE.value)):
        for row in rows(query):
            names[row["id"]] = {"label": label, "name_en": row.get("name_en"), "name_zh": row.get("name_zh")}
    frameworks = rows("frameworks")
    arguments = rows("issue_positions")
    position_ids = {r["framework"] for r in frameworks} | {r["position"] for r in arguments}
    for row in rows("positions_named", ids=sorted(position_ids)):
        names[row["id"]] = {"label": Label.POSITION.value, "name_en": row.get("name_en"), "name_zh": row.get("name_zh")}
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
