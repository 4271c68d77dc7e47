"""GraphML for Gephi and yEd, written by networkx from :func:`graph.networkx_graph.to_networkx`.

GraphML attribute values are scalars, so list properties (``sources``, ``aliases_zh``, ``path_zh`` …)
are JSON-encoded strings. Each node carries ``labels`` (its label, e.g. ``Article``) and ``label``
(a caption that Gephi and yEd show: the English name or title, else the id); each edge carries
``type`` (``HELD`` …), ``label`` (the same, for display) and a document-unique ``id``. A property
whose type differs between nodes (``tier`` is text on obligations, a number on rules) is written
with the most general GraphML type.

Examples
--------
>>> from lawgraph.graph.model import EdgeRecord, GraphData, Label, NodeRecord, RelType
>>> statute = NodeRecord("ECL", Label.STATUTE, {"title_en": "E-Commerce Law", "sources": ["statute:ECL#text"]})
>>> article = NodeRecord("ECL:38", Label.ARTICLE, {"number": 38})
>>> data = GraphData({"ECL": statute, "ECL:38": article}, [EdgeRecord(RelType.PART_OF, "ECL:38", "ECL")])
>>> g = graphml_graph(data)
>>> g.nodes["ECL"]["labels"], g.nodes["ECL"]["label"], g.nodes["ECL"]["sources"]
('Statute', 'E-Commerce Law', '["statute:ECL#text"]')
>>> [(s, t, d["type"], d["id"]) for s, t, d in g.edges(data=True)]
[('ECL:38', 'ECL', 'PART_OF', 'e0')]
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
from lawgraph.graph.model import GraphData
from lawgraph.graph.networkx_graph import to_networkx

#: properties tried, in order, for a node's display caption
CAPTION_PROPERTIES = ("name_en", "title_en", "title_zh", "name_zh")


def _graphml_value(value: Any) -> str | int | float | bool:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def graphml_graph(data: GraphData) -> nx.MultiDiGraph:
    """The networkx graph of ``data`` with GraphML-safe attribute values."""
    source = to_networkx(data)
    graph = nx.MultiDiGraph()
    for node_id, attrs in source.nodes(data=True):
        props = {k: _graphml_value(v) for k, v in attrs.items() if k != "label" and v is not None}
        caption = next((attrs[p] for p in CAPTION_PROPERTIES if attrs.get(p)), node_id)
        graph.add_node(node_id, **props, labels=attrs["label"], label=caption)
    for n, (u, v, key, attrs) in enumerate(source.edges(keys=True, data=True)):
        props = {k: _graphml_value(val) for k, val in attrs.items() if val is not None}
        graph.add_edge(u, v, key=key, **props, label=attrs["type"], id=f"e{n}")
    return graph


def graphml_bytes(data: GraphData) -> bytes:
    """``data`` as a GraphML document (UTF-8)."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_graph(data), buffer, infer_numeric_types=True, edge_id_from_attribute="id")
    return buffer.getvalue()


def write_graphml(data: GraphData, path: Path) -> None:
    """Write ``data`` as GraphML to ``path``."""
    path.write_bytes(graphml_bytes(data))
