"""Every named query runs unchanged on both stores and returns the same rows."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lawgraph.graph.loading import LOAD_RUN_LABEL
from lawgraph.graph.model import BASE_LABEL, GraphData
from lawgraph.queries.library import QueryLibrary, all_queries
from lawgraph.queries.outcomes import outcomes
from lawgraph.stores.embedded import EmbeddedStore

FACTS = ["platform-knew-or-should-have-known", "no-necessary-measures", "life-health-goods"]
PARAMS: dict[str, dict[str, Any]] = {
    "appeal_chains": {},
    "article": {"id": "ECL:38"},
    "article_neighbourhood": {"id": "CC:1198"},
    "article_paragraphs": {"id": "CL:286-1"},
    "article_versions": {"id": "FSL:131"},
    "case_detail": {"id": "(2020)黑01民终4637号"},
    "case_holdings": {"case": ""},
    "cases": {},
    "communities": {},
    "doctrine_centrality": {},
    "doctrine_links": {"id": "danger-control"},
    "doctrines": {},
    "facts": {},
    "fact_case_counts": {},
    "fact_names": {},
    "framework_vs_courts": {"framework": "tiered-liability-ladder"},
    "frameworks": {},
    "graph_counts": {},
    "issue_positions": {},
    "issues": {},
    "node": {"id": "ECL:38"},
    "node_neighbourhood": {"id": "safety-guarantee"},
    "positions_named": {"ids": ["tiered-liability-ladder", "statutory-ecl"]},
    "relationship_counts": {},
    "rules_for_facts": {"facts": FACTS, "framework": None},
    "search_nodes": {"q": "safety"},
    "similar_cases": {"facts": FACTS, "limit": 10},
    "split_decisions": {"min_shared": 1},
    "statute_articles": {"law": "ECL"},
    "statutes": {},
    "top_articles": {"limit": 10},
}


def normalise(value: Any) -> Any:
    """Rows compare as multisets; lists that come from collect() compare unordered."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items() if k != "load_id" and v is not None}
    if isinstance(value, list):
        items = [normalise(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def test_every_query_has_conformance_params() -> None:
    assert set(PARAMS) == set(all_queries())


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(PARAMS))
def test_query_conforms(name: str, embedded_store: EmbeddedStore, neo4j_loaded: object) -> None:
    embedded = QueryLibrary(embedded_store).run(name, **PARAMS[name])
    neo = QueryLibrary(neo4j_loaded).run(name, **PARAMS[name])  # type: ignore[arg-type]
    assert embedded, f"{name} returned no rows: the comparison would prove nothing"
    assert normalise(embedded) == normalise(neo)


@pytest.mark.neo4j
@pytest.mark.parametrize("facts", [
    ["platform-knew-or-should-have-known", "no-necessary-measures"],
    ["qualification-review-failed"],
    ["life-health-goods", "qualification-review-failed"],
    ["platform-promise"],
])
def test_outcomes_conform(facts: list[str], embedded_store: EmbeddedStore, neo4j_loaded: object) -> None:
    a = outcomes(QueryLibrary(embedded_store), facts).to_dict()
    b = outcomes(QueryLibrary(neo4j_loaded), facts).to_dict()  # type: ignore[arg-type]
    assert normalise(a) == normalise(b)


#: the whole graph, every label and type included (the load's record too: both stores keep it alike)
WHOLE_GRAPH = {
    "nodes": "MATCH (n) RETURN count(n) AS n",
    "labels": "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
    "types": "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type",
}


@pytest.mark.neo4j
@pytest.mark.parametrize("what", sorted(WHOLE_GRAPH))
def test_whole_graph_counts_conform(what: str, embedded_store: EmbeddedStore, neo4j_loaded: object,
                                    graph: GraphData) -> None:
    embedded = embedded_store.read(WHOLE_GRAPH[what]).rows
    assert embedded == neo4j_loaded.read(WHOLE_GRAPH[what]).rows  # type: ignore[attr-defined]
    if what == "nodes":
        assert embedded == [{"n": len(graph.nodes) + 1}]  # lawgraph's nodes and the one LoadRun record
    elif what == "labels":
        assert {"label": LOAD_RUN_LABEL, "n": 1} in embedded
        assert {"label": BASE_LABEL, "n": len(graph.nodes)} in embedded
    else:
        assert sum(row["n"] for row in embedded) == len(graph.edges)


@pytest.mark.neo4j
def test_load_records_conform(embedded_store: EmbeddedStore, neo4j_loaded: object, graph: GraphData) -> None:
    """Both stores answer meta() from their LoadRun record, with the same keys and counts."""
    embedded, neo = embedded_store.meta(), neo4j_loaded.meta()  # type: ignore[attr-defined]
    assert set(embedded) == set(neo) >= {"load_id", "nodes", "relationships", "status", "loaded_at"}
    assert [embedded[k] for k in ("nodes", "relationships", "status")] == [
        neo[k] for k in ("nodes", "relationships", "status")] == [len(graph.nodes), len(graph.edges), "complete"]
