"""The graph model: the schema's labels and relationship types, and the records every store and export consumes.

The schema is stated once, in ``graph/schema/lawgraph.yaml`` (LinkML); labels, relationship types and
their properties come from the module generated from it (:mod:`lawgraph.graph.schema_data`, ``make
schema``). Data files are validated by the pydantic models in :mod:`lawgraph.ingest.records`; what they
produce are :class:`NodeRecord` and :class:`EdgeRecord` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lawgraph.graph.schema_data import (
    BASE_LABEL,
    CONCEPT_LABELS,
    INDEX_LABELS,
    INDEX_RELATIONSHIPS,
    KNOWLEDGE_LABELS,
    LABELS,
    OUTCOME_LABELS,
    RELATIONSHIPS,
    UNSOURCED_LABELS,
    Label,
    RelType,
)
from lawgraph.graph.specs import LabelSpec, RelationshipSpec

__all__ = ["BASE_LABEL", "CONCEPT_LABELS", "INDEX_LABELS", "INDEX_RELATIONSHIPS", "KNOWLEDGE_LABELS", "LABELS",
           "OUTCOME_LABELS", "PATTERN_TOP_CASES", "RELATIONSHIPS", "UNSOURCED_LABELS", "EdgeRecord", "GraphData",
           "Label", "LabelSpec", "NodeRecord", "RelType", "RelationshipSpec"]

#: cases a fact pattern lists, best first (``FactPattern.top_cases``); ``similar_cases`` returns at most this many
PATTERN_TOP_CASES = 100


@dataclass
class NodeRecord:
    """One node as every store and export sees it."""

    id: str
    label: Label
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.props = {k: v for k, v in self.props.items() if v is not None}


@dataclass
class EdgeRecord:
    """One relationship as every store and export sees it."""

    type: RelType
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.props = {k: v for k, v in self.props.items() if v is not None}

    @property
    def key(self) -> tuple[str, str, str, tuple[Any, ...]]:
        """Identity of the relationship: type, endpoints and the type's key properties."""
        spec = RELATIONSHIPS[self.type]
        return (self.type.value, self.source, self.target, tuple(self.props.get(k) for k in spec.keys))


@dataclass
class GraphData:
    """All nodes and relationships of one build, in load order."""

    nodes: dict[str, NodeRecord] = field(default_factory=dict)
    edges: list[EdgeRecord] = field(default_factory=list)

    def nodes_by_label(self) -> dict[Label, list[NodeRecord]]:
        grouped: dict[Label, list[NodeRecord]] = {}
        for node in self.nodes.values():
            grouped.setdefault(node.label, []).append(node)
        return grouped

    def label_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            counts[node.label.value] = counts.get(node.label.value, 0) + 1
        return dict(sorted(counts.items()))

    def relationship_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for edge in self.edges:
            counts[edge.type.value] = counts.get(edge.type.value, 0) + 1
        return dict(sorted(counts.items()))
