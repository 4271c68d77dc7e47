"""Interactive graphs (st-link-analysis, Cytoscape.js): nodes coloured by label, click a node to expand it.

A :class:`GraphModel` is a plain set of nodes and edges; :func:`expandable_graph` draws one and
grows it with the neighbourhood (the ``node_neighbourhood`` query) of every node the reader clicks,
remembered per widget key in the session. :func:`graph_from_results` turns console rows (nodes,
relationships, paths) into a model.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
from lawgraph.dashboard import state
from lawgraph.dashboard.i18n import Language, current_language, name_of, t
from lawgraph.graph import schema_data
from lawgraph.graph.model import BASE_LABEL, Label

#: label → (colour, Material icon of st-link-analysis), from the schema's annotations
LABEL_STYLE: dict[str, tuple[str, str]] = {label.value: style for label, style in schema_data.LABEL_STYLE.items()}
DEFAULT_STYLE = schema_data.DEFAULT_STYLE
#: a compact force-directed layout: short edges, so captions stay legible when the graph is fitted
COMPACT_LAYOUT: dict[str, Any] = {"name": "fcose", "animate": False, "fit": True, "padding": 30,
                                  "nodeDimensionsIncludeLabels": True, "idealEdgeLength": 45,
                                  "nodeRepulsion": 3000, "nodeSeparation": 40}
MISSING = "MISSING"
CAPTION_LIMIT = 26


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    name: str


@dataclass(frozen=True)
class GraphEdge:
    source: str
    rel: str
    target: str


@dataclass
class GraphModel:
    """Nodes by id and edges in order of arrival (duplicates ignored)."""

    nodes: dict[str, GraphNode] = field(default_factory=dict)
    edges: list[GraphEdge] = field(default_factory=list)

    def add_node(self, node_id: str, label: str | None, name: str | None = None) -> None:
        if node_id not in self.nodes:
            self.nodes[node_id] = GraphNode(node_id, label or BASE_LABEL, name or node_id)

    def add_edge(self, source: str, rel: str, target: str) -> None:
        edge = GraphEdge(source, rel, target)
        if edge not in self.edges:
            self.edges.append(edge)

    def merge(self, other: GraphModel) -> None:
        for node in other.nodes.values():
            self.add_node(node.id, node.label, node.name)
        for edge in other.edges:
            self.add_edge(edge.source, edge.rel, edge.target)

    def signature(self) -> tuple[tuple[str, ...], int]:
        return tuple(sorted(self.nodes)), len(self.edges)


#: labels whose id is the best caption (第三十八条 alone does not say which statute)
ID_CAPTIONED = frozenset({Label.ARTICLE, Label.PARAGRAPH, Label.CASE, Label.STATUTE, Label.COURT})


def caption(node: GraphNode, names: dict[str, dict[str, Any]], lang: Language | None = None) -> str:
    """The short text drawn under a node, in the reader's language where ``names`` knows it.

    >>> names = {"joint-several": {"name_en": "Joint and several liability", "name_zh": "连带责任"}}
    >>> caption(GraphNode("joint-several", "LiabilityForm", "Joint and several liability"), names, "zh")
    '连带责任'
    >>> caption(GraphNode("ECL:38", "Article", "第三十八条"), names, "en")
    'ECL:38'
    """
    if node.label in ID_CAPTIONED:
        return node.id
    known = names.get(node.id)
    text = name_of({"id": node.id, **known}, lang) if known else node.name
    return text if len(text) <= CAPTION_LIMIT else text[: CAPTION_LIMIT - 1] + "…"


def elements(model: GraphModel, names: dict[str, dict[str, Any]], highlight: Iterable[str] = (),
             lang: Language | None = None) -> dict[str, list[dict[str, Any]]]:
    """The Cytoscape elements of a model; highlighted nodes get a thick border."""
    marked = set(highlight)
    nodes = [{"data": {"id": n.id, "label": n.label, "name": caption(n, names, lang), "full_name": n.name,
                       **({"highlight": 1} if n.id in marked else {})}}
             for n in model.nodes.values()]
    edges = [{"data": {"id": f"{e.source}|{e.rel}|{e.target}", "label": e.rel, "source": e.source,
                       "target": e.target}}
             for e in model.edges if e.source in model.nodes and e.target in model.nodes]
    return {"nodes": nodes, "edges": edges}


@functools.cache
def _readable_styles() -> tuple[Any, Any]:
    """The style classes of our own (st-link-analysis is imported only when a graph is drawn: importing it
    registers its frontend, and the first page draws no graph until facts are picked)."""
    from st_link_analysis import NodeStyle

    class _HighlightStyle(NodeStyle):
        """A style for nodes with ``highlight`` set (the facts the reader picked, the searched node)."""

        def __init__(self) -> None:
            super().__init__(label="__highlight__")

        def dump(self) -> dict[str, Any]:
            return {"selector": "node[highlight]", "style": {"border-width": 5, "border-color": "#f1c40f"}}

    class _ReadableStyle(NodeStyle):
        """Larger captions than st-link-analysis's defaults, so a path graph reads without zooming in."""

        def __init__(self, selector: str, style: dict[str, Any]) -> None:
            super().__init__(label="__readable__")
            self.selector, self.style = selector, style

        def dump(self) -> dict[str, Any]:
            return {"selector": self.selector, "style": self.style}

    readable = (
        _ReadableStyle("*", {"min-zoomed-font-size": 4}),
        _ReadableStyle("node", {"font-size": 10, "text-wrap": "wrap", "text-max-width": 120, "width": 26,
                                "height": 26}),
        _ReadableStyle("edge", {"font-size": 6, "text-opacity": 0.8}),
    )
    return readable, _HighlightStyle


def _styles(model: GraphModel) -> tuple[list[Any], list[Any]]:
    from st_link_analysis import EdgeStyle, NodeStyle

    readable, highlight_style = _readable_styles()
    node_styles: list[Any] = list(readable)
    for label in sorted({n.label for n in model.nodes.values()}):
        colour, icon = LABEL_STYLE.get(label, DEFAULT_STYLE)
        node_styles.append(NodeStyle(label, colour, "name", icon))
    node_styles.append(highlight_style())
    with warnings.catch_warnings():  # st-link-analysis 0.4 warns about its own deprecated `labeled` default
        warnings.simplefilter("ignore", DeprecationWarning)
        edge_styles = [EdgeStyle(rel, "#d63031" if rel == MISSING else None, "label", directed=True)
                       for rel in sorted({e.rel for e in model.edges})]
    return node_styles, edge_styles


def neighbourhood(node_id: str) -> GraphModel:
    """A node and everything one step from it (the ``node_neighbourhood`` query)."""
    model = GraphModel()
    centre = state.node(node_id)
    if centre:
        model.add_node(node_id, centre["label"], str(centre.get("name_en") or centre.get("label_zh")
                                                     or centre.get("title_zh") or centre.get("name_zh") or node_id))
    for row in state.rows("node_neighbourhood", id=node_id):
        other, other_label = ((row["target"], row["target_label"]) if row["source"] == node_id
                              else (row["source"], row["source_label"]))
        model.add_node(other, other_label, row["target_name"])
        model.add_edge(row["source"], row["rel"], row["target"])
    return model


def _expanded_key(key: str) -> str:
    return f"graph-expanded:{key}"


def expand(key: str, node_id: str) -> None:
    """Remember that the reader expanded ``node_id`` in graph ``key``."""
    entry = st.session_state.setdefault(_expanded_key(key), {"base": None, "ids": []})
    if node_id and node_id not in entry["ids"]:
        entry["ids"].append(node_id)


def _on_pick(key: str) -> None:
    picked = st.session_state.get(f"{key}:pick")
    if picked:
        expand(key, picked)
    st.session_state[f"{key}:pick"] = None


def _clicked_node(value: Any, key: str) -> str | None:
    """The node a new click or expand action of the component names (each event is handled once)."""
    if not isinstance(value, dict) or not value.get("timestamp"):
        return None
    seen = f"graph-event:{key}"
    if st.session_state.get(seen) == value["timestamp"]:
        return None
    st.session_state[seen] = value["timestamp"]
    data = value.get("data") or {}
    ids = data.get("node_ids") or ([data["target_id"]] if data.get("target_id") else [])
    return str(ids[0]) if ids else None


def expandable_graph(base: GraphModel, key: str, *, highlight: Iterable[str] = (), height: int = 460,
                     layout: str | dict[str, Any] = COMPACT_LAYOUT) -> GraphModel:
    """Draw ``base`` plus the neighbourhoods the reader expanded; return what is drawn.

    Expansions are forgotten when ``base`` changes (new facts, another searched node).
    """
    entry = st.session_state.setdefault(_expanded_key(key), {"base": None, "ids": []})
    if entry["base"] != base.signature():
        entry["base"], entry["ids"] = base.signature(), []
    model = GraphModel()
    model.merge(base)
    for node_id in entry["ids"]:
        model.merge(neighbourhood(node_id))
    from st_link_analysis import Event, st_link_analysis

    node_styles, edge_styles = _styles(model)
    names = state.vocabulary()
    value = st_link_analysis(
        elements(model, names, highlight), layout=layout, node_styles=node_styles, edge_styles=edge_styles,
        height=height, key=f"{key}:{current_language()}", node_actions=["expand"],
        events=[Event("expand-on-click", "tap", "node")],
    )
    clicked = _clicked_node(value, key)
    if clicked and clicked not in entry["ids"]:
        entry["ids"].append(clicked)
        st.rerun()
    st.caption(t("common.graph_help"))
    st.selectbox(t("common.expand"), sorted(model.nodes), index=None, key=f"{key}:pick",
                 format_func=lambda i: _option(model.nodes[i], names), on_change=_on_pick, args=(key,))
    return model


def _option(node: GraphNode, names: dict[str, dict[str, Any]]) -> str:
    text = caption(node, names)
    return node.id if text == node.id else f"{node.id} — {text}"


def graph_from_results(result_rows: Iterable[dict[str, Any]]) -> GraphModel:
    """Nodes, relationships and paths found in console rows, as a model.

    A path links its nodes in order; a row holding two nodes and one relationship links the first
    node to the second (as ``RETURN a, r, b`` does).

    >>> a = {"labels": ["Article", "Entity"], "properties": {"id": "ECL:83"}}
    >>> b = {"labels": ["Article", "Entity"], "properties": {"id": "ECL:38"}}
    >>> model = graph_from_results([{"a": a, "r": {"type": "REFERS_TO", "properties": {}}, "b": b}])
    >>> sorted(model.nodes), [(e.source, e.rel, e.target) for e in model.edges]
    (['ECL:38', 'ECL:83'], [('ECL:83', 'REFERS_TO', 'ECL:38')])
    """
    model = GraphModel()
    for row in result_rows:
        row_nodes: list[str] = []
        row_rels: list[str] = []
        for value in row.values():
            for item in value if isinstance(value, list) else [value]:
                _collect(item, model, row_nodes, row_rels)
        if len(row_nodes) == 2 and len(row_rels) == 1:
            model.add_edge(row_nodes[0], row_rels[0], row_nodes[1])
    return model


def _node_id(value: dict[str, Any]) -> str | None:
    props = value.get("properties") or {}
    return str(props["id"]) if props.get("id") is not None else None


def _collect(value: Any, model: GraphModel, row_nodes: list[str], row_rels: list[str]) -> None:
    if not isinstance(value, dict):
        return
    if "labels" in value and "properties" in value:
        node_id = _node_id(value)
        if node_id:
            labels = [label for label in value["labels"] if label != BASE_LABEL]
            props = value["properties"]
            model.add_node(node_id, labels[0] if labels else BASE_LABEL,
                           str(props.get("name_en") or props.get("label_zh") or props.get("title_zh")
                               or props.get("name_zh") or node_id))
            row_nodes.append(node_id)
    elif "type" in value and "properties" in value:
        row_rels.append(str(value["type"]))
    elif "nodes" in value and "relationships" in value:
        ids: list[str] = []
        for item in value["nodes"]:
            _collect(item, model, ids, [])
        rels = [str(r.get("type")) for r in value["relationships"]]
        for i, rel in enumerate(rels):
            if i + 1 < len(ids):
                model.add_edge(ids[i], rel, ids[i + 1])
