"""Graph analytics with networkx, written back onto the nodes as properties.

- ``pagerank`` on articles: PageRank over the citation graph (REFERS_TO) plus the cases that apply
  them (APPLIES; a paragraph counts for its article), so an article cited by many articles and
  applied in many cases ranks high.
- ``centrality`` on the doctrinal layer (doctrines, obligations, positions, issues, rules, forms,
  facts and the articles they touch; cases and paragraphs left out so the figure does not grow
  with the docket): betweenness centrality — how much a node sits on the paths between others.
- ``community``: Louvain communities of the same layer (seeded, so reproducible).
"""

from __future__ import annotations

import networkx as nx
from lawgraph.graph.model import GraphData, Label, RelType

DOCTRINAL_LABELS = {
    Label.DOCTRINE, Label.OBLIGATION, Label.POSITION, Label.ISSUE, Label.RULE, Label.LIABILITY_FORM,
    Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE, Label.FACT,
}
SEED = 7


def _article_of(data: GraphData, node_id: str) -> str | None:
    node = data.nodes.get(node_id)
    if node is None:
        return None
    if node.label is Label.PARAGRAPH:
        return node.props.get("article")
    return node_id if node.label is Label.ARTICLE else None


def article_pagerank(data: GraphData) -> dict[str, float]:
    """PageRank of articles over REFERS_TO and APPLIES (cases → articles)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(n.id for n in data.nodes.values() if n.label is Label.ARTICLE)
    for edge in data.edges:
        if edge.type is RelType.REFERS_TO:
            graph.add_edge(edge.source, edge.target)
        elif edge.type is RelType.APPLIES:
            article = _article_of(data, edge.target)
            if article:
                graph.add_edge(edge.source, article)
    ranks = nx.pagerank(graph, alpha=0.85)
    return {n: ranks[n] for n in graph if data.nodes[n].label is Label.ARTICLE}


def doctrinal_layer(data: GraphData) -> nx.Graph:
    """The undirected doctrinal layer (see module docstring)."""
    graph = nx.Graph()
    for node in data.nodes.values():
        if node.label in DOCTRINAL_LABELS:
            graph.add_node(node.id)
    for edge in data.edges:
        ends = []
        for end in (edge.source, edge.target):
            node = data.nodes.get(end)
            if node is None:
                break
            if node.label in DOCTRINAL_LABELS:
                ends.append(end)
            elif node.label in (Label.ARTICLE, Label.PARAGRAPH):
                ends.append(_article_of(data, end))
        if len(ends) == 2 and all(ends) and ends[0] != ends[1]:
            graph.add_edge(ends[0], ends[1])
    return graph


def annotate(data: GraphData) -> dict[str, int]:
    """Write ``pagerank``, ``centrality`` and ``community`` onto the nodes; return how many got each."""
    counts = {"pagerank": 0, "centrality": 0, "community": 0}
    for node_id, rank in article_pagerank(data).items():
        data.nodes[node_id].props["pagerank"] = round(rank, 8)
        counts["pagerank"] += 1
    layer = doctrinal_layer(data)
    if layer.number_of_edges():
        for node_id, value in nx.betweenness_centrality(layer).items():
            data.nodes[node_id].props["centrality"] = round(value, 8)
            counts["centrality"] += 1
        communities = nx.community.louvain_communities(layer, seed=SEED)
        ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
        for index, members in enumerate(ordered):
            for node_id in members:
                data.nodes[node_id].props["community"] = index
                counts["community"] += 1
    return counts
