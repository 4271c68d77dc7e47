"""Neo4j for real: loading is idempotent and matches the embedded store; the CLI works on it read-only."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from lawgraph.graph.model import GraphData
from lawgraph.ingest.writer import load_graph
from lawgraph.stores.embedded import EmbeddedStore

pytestmark = pytest.mark.neo4j
CLI = [sys.executable, "-m", "lawgraph"]
LABEL_COUNTS = ("MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label "
                "RETURN label, count(*) AS n ORDER BY label")
TYPE_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"


def counts(store: object) -> tuple[list[dict], list[dict]]:
    return (store.read(LABEL_COUNTS).rows, store.read(TYPE_COUNTS).rows)  # type: ignore[attr-defined]


def test_load_twice_identical_and_equal_to_embedded(neo4j_store: object, graph: GraphData,
                                                     embedded_store: EmbeddedStore) -> None:
    load_graph(neo4j_store.loader(), graph)  # type: ignore[attr-defined]
    first = counts(neo4j_store)
    load_graph(neo4j_store.loader(), graph)  # type: ignore[attr-defined]
    assert counts(neo4j_store) == first
    assert first == counts(embedded_store)
    labels = {row["label"]: row["n"] for row in first[0]}
    assert labels["Article"] == 2982 and labels["Paragraph"] == 4407
    assert sum(labels.values()) == len(graph.nodes)
    assert sum(row["n"] for row in first[1]) == len(graph.edges)
    runs = neo4j_store.read("MATCH (r:LoadRun) RETURN r.status AS status").rows  # type: ignore[attr-defined]
    assert runs == [{"status": "complete"}]


@pytest.fixture()
def cli_env(neo4j_loaded: object, neo4j_uri: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWGRAPH_")}
    env["NEO4J_URI"] = neo4j_uri
    return env


def cypher(env: dict[str, str], query: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "cypher", query, "--backend", "neo4j", "--json"], capture_output=True, text=True,
                          env=env)


def test_statute_queries_same_answers(cli_env: dict[str, str]) -> None:
    assert json.loads(cypher(cli_env, "MATCH (p:Paragraph)-[:PART_OF]->(a:Article {id:'CC:1198'}) "
                                      "RETURN count(p) AS n").stdout) == [{"n": 2}]
    refs = json.loads(cypher(cli_env, "MATCH (a:Article {id:'ECL:83'})-[:REFERS_TO]->(b) RETURN b.id").stdout)
    assert {"b.id": "ECL:38"} in refs
    assert json.loads(cypher(cli_env, "MATCH (a:Article {law:'CL', number:286, suffix:1}) RETURN a.id").stdout) == [
        {"a.id": "CL:286-1"}]


def test_write_through_cli_is_refused(cli_env: dict[str, str], neo4j_session_store: object) -> None:
    before = counts(neo4j_session_store)
    result = cypher(cli_env, "CREATE (:X {id: 'x'})")
    assert result.returncode == 2 and "read-only" in result.stderr
    assert counts(neo4j_session_store) == before


def test_store_refuses_writes_without_the_keyword_check(neo4j_loaded: object) -> None:
    """The read transaction itself refuses: the promise does not rest on the early keyword check."""
    import neo4j as driver_module

    store = neo4j_loaded
    session = store.driver.session(default_access_mode=driver_module.READ_ACCESS)  # type: ignore[attr-defined]
    with session, pytest.raises(driver_module.exceptions.ClientError):
        session.execute_read(lambda tx: tx.run("CREATE (:X {id: 'y'})").consume())
    assert store.read("MATCH (x:X) RETURN count(x) AS n").rows == [{"n": 0}]  # type: ignore[attr-defined]
