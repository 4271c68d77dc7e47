"""Shared fixtures: the bundled data, a loaded embedded store, and a real Neo4j 5.

Neo4j: a local server started from Maven Central artifacts (stores/neo4j_local.py) for the session. If
that is impossible the ``neo4j`` tests skip locally with the reason — and FAIL when ``CI`` is set. The
tests wipe the database they use, so a server named by ``NEO4J_URI`` (with NEO4J_USER/NEO4J_PASSWORD) is
used only with ``LAWGRAPH_ALLOW_WIPE=1``; without it the session refuses to start, naming the URI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lawgraph.graph.model import GraphData
from lawgraph.ingest.build import BuildReport, build_graph
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
    load_graph(store.loader(), graph)
    yield store
    store.close()


@pytest.fixture(scope="session")
def embedded_lib(embedded_store: EmbeddedStore) -> QueryLibrary:
    return QueryLibrary(embedded_store)


def external_neo4j_refusal() -> str | None:
    """Why the session may not run: NEO4J_URI names a server the tests did not start and may not wipe."""
    from lawgraph.stores.neo4j_store import redact

    settings = Settings.from_env()
    if settings.neo4j_uri and not settings.allow_wipe:
        return (f"refusing the Neo4j at NEO4J_URI={redact(settings.neo4j_uri)}: the tests delete everything "
                "in its database. Set LAWGRAPH_ALLOW_WIPE=1 to allow that, or unset NEO4J_URI and the tests "
                "start a Neo4j of their own.")
    return None


def pytest_configure(config: pytest.Config) -> None:
    """Refuse the whole session (a usage error, exit 4) before any test can reach an external Neo4j."""
    refusal = external_neo4j_refusal()
    if refusal:
        raise pytest.UsageError(refusal)


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"Neo4j is required in CI: {reason}")
    pytest.skip(f"no Neo4j: {reason}")


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A bolt URI of a real Neo4j 5: a local server started for this session (NEO4J_URI only if it may be wiped)."""
    settings = Settings.from_env()
    if settings.neo4j_uri:  # allowed: pytest_configure refused it otherwise
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
        load_graph(neo4j_session_store.loader(), graph)  # type: ignore[attr-defined]
        _NEO4J_STATE["loaded"] = True
    return neo4j_session_store
