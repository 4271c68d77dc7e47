"""The in-memory knowledge graph: a networkx MultiDiGraph built from :class:`graph.model.GraphData`.

>>> from lawgraph.graph.model import EdgeRecord, GraphData, Label, NodeRecord, RelType
>>> data = GraphData()
>>> data.nodes["ECL"] = NodeRecord("ECL", Label.STATUTE, {"code": "ECL"})
>>> data.nodes["ECL:38"] = NodeRecord("ECL:38", Label.ARTICLE, {"number": 38})
>>> data.edges.append(EdgeRecord(RelType.PART_OF, "ECL:38", "ECL"))
>>> g = to_networkx(data)
>>> g.nodes["ECL:38"]["label"], list(g.edges(keys=True))
('Article', [('ECL:38', 'ECL', 'PART_OF')])
"""

from __future__ import annotations

import networkx as nx
from lawgraph.graph.model import GraphData


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """Every node keyed by id with ``label`` and its properties; every relationship keyed by its type.

    A relationship type that occurs more than once between the same two nodes (several HELD for
    different parties) gets keys ``HELD``, ``HELD#2`` …
    """
    graph = nx.MultiDiGraph()
    for node in data.nodes.values():
        graph.add_node(node.id, label=node.label.value, **node.props)
    for edge in data.edges:
        key = edge.type.value
        n = 1
        while graph.has_edge(edge.source, edge.target, key):
            n += 1
            key = f"{edge.type.value}#{n}"
        graph.add_edge(edge.source, edge.target, key=key, type=edge.type.value, **edge.props)
    return graph
