"""Loads touch only what lawgraph wrote, and readers never see a half-loaded graph.

* Foreign data — nodes of other labels, relationships of other types, a relationship of the user's own
  between lawgraph nodes, another graph in the embedded server — survives a load and a reload (the
  reload over an older load: the merge plan, which deletes what the older load had and this one lacks).
* While Neo4j reloads (one transaction per load), a reader looping over the outcomes of the three-fact
  food pattern sees the old graph or the new one, whole; the two graphs differ (a case less), so a mix
  would show.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from lawgraph.graph.model import GraphData
from lawgraph.ingest.build import build_graph
from lawgraph.ingest.writer import load_graph
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcomes import outcomes
from lawgraph.stores.base import consistent_read
from lawgraph.stores.embedded import EmbeddedStore
from lawgraph.stores.neo4j_load import ATOMIC_MAX_ROWS, Neo4jLoader
from reliability_support import DATA, VALID, dump

FOOD = ["life-health-goods", "food-product", "formal-review-done"]
#: a case with the food facts: the reloaded graph lacks it, so outcomes and counts differ
DROPPED_CASE = "anhui-6389.yaml"
FOREIGN = ("CREATE (:Person {name: 'ann'})-[:KNOWS {since: 2020}]->(:Person {name: 'bo'}), "
           "(:Entity {id: 'not-lawgraphs'})")
FOREIGN_STATE = ("MATCH (p:Person)-[k:KNOWS]->(q:Person) MATCH (e:Entity {id: 'not-lawgraphs'}) "
                 "RETURN p.name AS p, k.since AS since, q.name AS q, labels(e) AS labels")
LINKS = ("MATCH (p:Person {name: 'ann'}), (a:Article {id: 'CC:1198'}), (b:Article {id: 'ECL:38'}) "
         "CREATE (p)-[:READS]->(a), (a)-[:NOTED_WITH]->(b)")
LINK_STATE = ("MATCH (:Person {name: 'ann'})-[r:READS]->(a:Article) MATCH (:Article)-[m:NOTED_WITH]->(b:Article) "
              "RETURN a.id AS read, b.id AS noted")
CHECKSUM = ("MATCH (n:Entity) WITH count(n) AS nodes, sum(size(n.id)) AS id_chars "
            "MATCH (:Entity)-[r]->(:Entity) RETURN nodes, id_chars, count(r) AS relationships")


@pytest.fixture(scope="module")
def smaller(tmp_path_factory: pytest.TempPathFactory) -> GraphData:
    """The bundled data less one case that has the food facts."""
    folder = tmp_path_factory.mktemp("smaller") / "data"
    shutil.copytree(DATA, folder)
    (folder / "cases" / DROPPED_CASE).unlink()
    return build_graph(folder).graph


def lawgraph_part(store: Any) -> Any:
    """The graph as lawgraph wrote it (its labels and types), for comparing with a clean load."""
    full = dump(store)
    return tuple(n for n in full.nodes if '"Person"' not in n and "not-lawgraphs" not in n), tuple(
        e for e in full.edges if '"KNOWS"' not in e and '"READS"' not in e and '"NOTED_WITH"' not in e)


@pytest.mark.neo4j
@pytest.mark.parametrize("atomic_max_rows", [ATOMIC_MAX_ROWS, 0], ids=["one-transaction", "batched"])
def test_foreign_data_survives_neo4j_loads(atomic_max_rows: int, neo4j_store: Any, graph: GraphData,
                                           smaller: GraphData) -> None:
    def loader() -> Neo4jLoader:
        return Neo4jLoader(neo4j_store, atomic_max_rows=atomic_max_rows)

    neo4j_store.write(FOREIGN)
    foreign = neo4j_store.read(FOREIGN_STATE).rows
    assert foreign == [{"p": "ann", "since": 2020, "q": "bo", "labels": ["Entity"]}]

    load_graph(loader(), smaller)  # the first load: lawgraph's labels are absent (create plan)
    assert neo4j_store.read(FOREIGN_STATE).rows == foreign
    neo4j_store.write(LINKS)  # the user's own relationships to and between lawgraph nodes
    links = neo4j_store.read(LINK_STATE).rows
    assert links == [{"read": "CC:1198", "noted": "ECL:38"}]

    load_graph(loader(), graph)  # a reload over it (merge plan, stale rows deleted)
    load_graph(loader(), smaller)  # and back: the dropped case's nodes are deleted again
    assert neo4j_store.read(FOREIGN_STATE).rows == foreign
    assert neo4j_store.read(LINK_STATE).rows == links
    mine = lawgraph_part(neo4j_store)

    neo4j_store.write("MATCH (n) DETACH DELETE n")  # this test's own database: a clean load to compare with
    load_graph(neo4j_store.loader(), smaller)  # (one transaction)
    assert mine == lawgraph_part(neo4j_store)


@pytest.mark.embedded
def test_other_graphs_survive_embedded_loads(tmp_path: Path) -> None:
    """The embedded store replaces only its own graph; other graphs in its server, and a live load's
    staging graph (of this process, a name of its own), are left alone."""
    store = EmbeddedStore(tmp_path / "embedded")
    try:
        store.write(FOREIGN, graph="mine")
        other = store.loader()  # a load of this (live) process, begun: its staging graph exists
        other.begin("another-load", 0)
        valid = build_graph(VALID).graph
        for _ in range(2):
            load_graph(store.loader(), valid)
        assert {"mine", other.staging} <= set(store.graph_names())
        mine = EmbeddedStore(tmp_path / "embedded", graph_name="mine")  # attaches to the same server
        try:
            assert mine.read("MATCH (p:Person)-[:KNOWS]->(q) RETURN p.name AS p, q.name AS q").rows == [
                {"p": "ann", "q": "bo"}]
        finally:
            mine.close()
        other.abort()
        assert sorted(store.graph_names()) == ["lawgraph", "mine"]
        assert store.meta()["nodes"] == len(valid.nodes)
    finally:
        store.close()


def snapshot(store: Any, lib: QueryLibrary) -> tuple[Any, ...]:
    """Whole-graph checksum, the food outcomes, the checksum again — from one load (see consistent_read)."""
    return consistent_read(store, lambda: (store.read(CHECKSUM).rows[0], outcomes(lib, FOOD).to_dict(),
                                           store.read(CHECKSUM).rows[0]))


@pytest.mark.neo4j
# Known gap (issue 17's closing note): Neo4j's reads are read-committed, and a read that overlaps a load's
# commit while it is being applied can see part of it with the load id before and after unchanged, so
# consistent_read does not catch it. Seen once in three fresh-clone runs (1 of 33 reads). The fix decided
# for next: a load epoch committed in a transaction of its own before the load, which readers check. Until
# then this test reports XFAIL when the window is hit and XPASS otherwise; it is not counted as holding.
@pytest.mark.xfail(strict=False, reason="Neo4j read-committed: a commit's apply window is visible to a "
                   "concurrent read (see the comment above)")
def test_readers_never_see_a_mixed_graph_during_a_neo4j_reload(neo4j_store: Any, graph: GraphData,
                                                               smaller: GraphData) -> None:
    lib = QueryLibrary(neo4j_store)
    load_graph(neo4j_store.loader(), smaller)
    old = snapshot(neo4j_store, lib)
    load_graph(neo4j_store.loader(), graph)
    new = snapshot(neo4j_store, lib)
    assert old[0] != new[0] and old[1] != new[1], "the two graphs must differ for a mix to show"

    seen: list[tuple[Any, ...]] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            while not stop.is_set():
                seen.append(snapshot(neo4j_store, lib))
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=reader)
    thread.start()
    seconds = []
    try:
        for data in (smaller, graph, smaller, graph):
            started = time.perf_counter()
            load_graph(neo4j_store.loader(), data)
            seconds.append(time.perf_counter() - started)
    finally:
        stop.set()
        thread.join(120)
    assert not errors, errors
    mixed = [s for s in seen if s not in (old, new)]
    assert not mixed, f"{len(mixed)} of {len(seen)} reads saw a mixed graph: {mixed[0][0]}, {mixed[0][2]}"
    assert old in seen and new in seen, (len(seen), seconds)  # the reader ran across the reloads
