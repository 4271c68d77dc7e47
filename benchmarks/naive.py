"""The baseline: a naive loader, one ``MERGE`` per row and one transaction per row.

This is how many graph projects load data: loop over the records, send one parameterised
``MERGE`` for each node and each relationship, each in its own transaction (the store's ``write``,
which runs one query in one transaction on both stores). It gets the same indexes and
constraints the real loader uses, so the comparison is of the write path alone.

The nodes are all written (the relationships need them); the relationships are then written in a
seeded random order (so every type is represented) until all are written or a time budget runs
out. The rate is relationships written per second of the relationship phase.
"""

from __future__ import annotations

import random
import time
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from lawgraph.graph.model import BASE_LABEL, RELATIONSHIPS, EdgeRecord, GraphData, NodeRecord


class WritableStore(Protocol):
    """A store that runs one write query in one transaction."""

    def write(self, query: str, params: dict[str, Any] | None = None) -> None: ...


@dataclass
class NaiveResult:
    """What the naive loader did and how fast."""

    nodes: int
    node_seconds: float
    relationships: int
    relationships_total: int
    relationship_seconds: float
    complete: bool

    @property
    def nodes_per_s(self) -> float:
        return self.nodes / self.node_seconds if self.node_seconds else 0.0

    @property
    def relationships_per_s(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "nodes_per_s": round(self.nodes_per_s, 1),
                "relationships_per_s": round(self.relationships_per_s, 1)}


def node_statement(node: NodeRecord) -> tuple[str, dict[str, Any]]:
    """One node's ``MERGE`` and its parameters.

    >>> from lawgraph.graph.model import Label
    >>> node_statement(NodeRecord("food-product", Label.FACT, {"group": "product-risk"}))[0]
    'MERGE (n:Entity:Fact {id: $id}) SET n = $props'
    """
    return (f"MERGE (n:{BASE_LABEL}:{node.label.value} {{id: $id}}) SET n = $props",
            {"id": node.id, "props": {**node.props, "id": node.id}})


def edge_statement(edge: EdgeRecord) -> tuple[str, dict[str, Any]]:
    """One relationship's ``MATCH … MERGE`` and its parameters (key properties as in the real loader).

    >>> from lawgraph.graph.model import RelType
    >>> edge_statement(EdgeRecord(RelType.HELD, "c", "several", {"party": "platform"}))[0].split(" MERGE ")[1]
    '(a)-[r:HELD {party: $party}]->(b) SET r = $props'
    """
    spec = RELATIONSHIPS[edge.type]
    keys = {k: edge.props.get(k) or "" for k in spec.keys}
    key = " {" + ", ".join(f"{k}: ${k}" for k in spec.keys) + "}" if spec.keys else ""
    query = (f"MATCH (a:{BASE_LABEL} {{id: $source}}) MATCH (b:{BASE_LABEL} {{id: $target}}) "
             f"MERGE (a)-[r:{edge.type.value}{key}]->(b) SET r = $props")
    return query, {"source": edge.source, "target": edge.target, **keys, "props": {**edge.props, **keys}}


def naive_load(store: WritableStore, graph: GraphData, budget_s: float | None = 30.0, seed: int = 7) -> NaiveResult:
    """Write ``graph`` one row per transaction; stop the relationship phase after ``budget_s`` seconds.

    Parameters
    ----------
    store : WritableStore
        An empty store with the loader's indexes in place (see :func:`prepare_embedded`,
        :func:`prepare_neo4j`).
    graph : GraphData
        What to write.
    budget_s : float or None
        Time budget of the relationship phase; None writes them all.
    seed : int
        Seed of the relationship order.

    Returns
    -------
    NaiveResult
        Rows written and seconds, per phase.
    """
    started = time.perf_counter()
    for node in graph.nodes.values():
        store.write(*node_statement(node))
    node_seconds = time.perf_counter() - started
    order = list(range(len(graph.edges)))
    random.Random(seed).shuffle(order)
    started = time.perf_counter()
    written = 0
    for index in order:
        store.write(*edge_statement(graph.edges[index]))
        written += 1
        if budget_s is not None and written % 50 == 0 and time.perf_counter() - started > budget_s:
            break
    seconds = time.perf_counter() - started
    return NaiveResult(len(graph.nodes), node_seconds, written, len(graph.edges), seconds,
                       written == len(graph.edges))


class _GraphWriter:
    """The embedded store's ``write`` aimed at one named graph."""

    def __init__(self, store: Any, graph: str) -> None:
        self.store = store
        self.graph = graph

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        self.store.write(query, params, graph=self.graph)


def prepare_embedded(store: Any, graph: str = "naive") -> WritableStore:
    """An empty graph ``graph`` in an embedded store, with the loader's indexes and constraints."""
    from lawgraph.stores.embedded_load import prepare_graph

    prepare_graph(store, graph)
    return _GraphWriter(store, graph)


def prepare_neo4j(store: Any) -> WritableStore:
    """The Neo4j database with the loader's constraints and indexes (it must be empty)."""
    from lawgraph.graph.loading import INDEXES, unique_labels

    for label in unique_labels():
        store.write(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
    for label, prop in INDEXES:
        store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    store.write("CALL db.awaitIndexes(300)")
    return store  # type: ignore[no-any-return]
