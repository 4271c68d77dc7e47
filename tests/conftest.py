"""Shared fixtures: the bundled data, a loaded embedded store, and a real Neo4j 5.

Neo4j: ``NEO4J_URI`` (with NEO4J_USER/NEO4J_PASSWORD) if set; otherwise a local server is started
from Maven Central artifacts (stores/neo4j_local.py) for the session. If that is impossible the
``neo4j`` tests skip locally with the reason — and FAIL when ``CI`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lawgraph.graph.model import GraphData
from lawgraph.ingest.build import BuildReport, build_graph
from lawgraph.ingest.targets import EmbeddedTarget, Neo4jTarget
from lawgraph.ingest.writer import load_graph
from lawgraph.queries.library import QueryLibrary
from lawgraph.stores.embedded import EmbeddedStore

from lawgraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
IN_CI = bool(os.environ.get("CI"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def report() -> BuildReport:
    return build_graph(DATA)


@pytest.fixture(scope="session")
def graph(report: BuildReport) -> GraphData:
    return report.graph


@pytest.fixture(scope="session")
def embedded_store(tmp_path_factory: pytest.TempPathFactory, graph: GraphData) -> Iterator[EmbeddedStore]:
    """The bundled data loaded into a fresh embedded store (shared by read-only tests)."""
    store = EmbeddedStore(tmp_path_factory.mktemp("embedded"))
    load_graph(EmbeddedTarget(store), graph)
    yield store
    store.close()


@pytest.fixture(scope="session")
def embedded_lib(embedded_store: EmbeddedStore) -> QueryLibrary:
    return QueryLibrary(embedded_store)


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"Neo4j is required in CI: {reason}")
    pytest.skip(f"no Neo4j: {reason}")


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A bolt URI of a real Neo4j 5: NEO4J_URI, or a local server started for this session."""
    settings = Settings.from_env()
    if settings.neo4j_uri:
        yield settings.neo4j_uri
        return
    try:
        from lawgraph.stores import neo4j_local
    except ImportError as exc:  # pragma: no cover
        _unavailable(f"stores.neo4j_local cannot be imported: {exc}")
        return
    home = settings.test_neo4j_home or tmp_path_factory.mktemp("neo4j")
    try:
        server = neo4j_local.start(home)
    except Exception as exc:
        _unavailable(f"the local server did not start: {exc}")
        return
    try:
        yield server.uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def neo4j_session_store(neo4j_uri: str) -> Iterator[object]:
    from lawgraph.connect import open_neo4j

    store = open_neo4j(Settings.from_env(neo4j_uri=neo4j_uri))
    yield store
    store.close()


_NEO4J_STATE = {"loaded": False}


def wipe_neo4j(store: object) -> None:
    """Delete everything (data, not schema) in bounded transactions."""
    _NEO4J_STATE["loaded"] = False
    while store.write_count(  # type: ignore[attr-defined]
        "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n"):
        pass


@pytest.fixture()
def neo4j_store(neo4j_session_store: object) -> object:
    """The session's Neo4j, wiped clean for this test."""
    wipe_neo4j(neo4j_session_store)
    return neo4j_session_store


@pytest.fixture()
def neo4j_loaded(neo4j_session_store: object, graph: GraphData) -> object:
    """The session's Neo4j holding exactly the bundled data (loaded once, again after a wipe)."""
    if not _NEO4J_STATE["loaded"]:
        wipe_neo4j(neo4j_session_store)
        load_graph(Neo4jTarget(neo4j_session_store), graph)  # type: ignore[arg-type]
        _NEO4J_STATE["loaded"] = True
    return neo4j_session_store
