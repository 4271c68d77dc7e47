"""The graph model: labels, relationship types and their properties, in one place.

This module is the single statement of the schema contract (``docs/schema.md`` is generated from
it, the Neo4j/FalkorDB DDL and the SHACL shapes are derived from it). Data files are validated by
the pydantic models in :mod:`ingest.records`; what they produce are :class:`NodeRecord` and
:class:`EdgeRecord` values, which every store and export consumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

PropertyValue = str | int | float | bool | list[str] | list[int] | list[float] | None

#: A base label every node also carries, so that relationships can be matched by id alone.
BASE_LABEL = "Entity"


class Label(StrEnum):
    """Node labels of the schema contract (and its extensions)."""

    STATUTE = "Statute"
    ARTICLE = "Article"
    PARAGRAPH = "Paragraph"
    DOCTRINE = "Doctrine"
    OBLIGATION = "Obligation"
    LIABILITY_FORM = "LiabilityForm"
    ISSUE = "Issue"
    POSITION = "Position"
    RULE = "Rule"
    DUTY_STANDARD = "DutyStandard"
    PROOF_RULE = "ProofRule"
    DEFENSE = "Defense"
    FACT = "Fact"
    CASE = "Case"
    COURT = "Court"
    PLATFORM = "Platform"
    PUBLICATION = "Publication"
    # extension: derived at build time, an index for similar-case search (ingest/fact_patterns.py)
    FACT_PATTERN = "FactPattern"


class RelType(StrEnum):
    """Relationship types of the schema contract (and its extensions, marked)."""

    PART_OF = "PART_OF"
    REFERS_TO = "REFERS_TO"
    SPECIAL_RULE_OF = "SPECIAL_RULE_OF"
    SUPERSEDES = "SUPERSEDES"
    IMPOSES = "IMPOSES"
    PROVIDES = "PROVIDES"
    JUSTIFIES = "JUSTIFIES"
    ANSWERS = "ANSWERS"
    CONCERNS = "CONCERNS"
    ADVOCATES = "ADVOCATES"
    BASED_ON = "BASED_ON"
    ARGUES = "ARGUES"
    PROPOSES = "PROPOSES"
    REQUIRES = "REQUIRES"
    YIELDS = "YIELDS"
    GROUNDED_IN = "GROUNDED_IN"
    HAS_FACT = "HAS_FACT"
    APPLIES = "APPLIES"
    RELIES_ON = "RELIES_ON"
    HELD = "HELD"
    APPEAL_OF = "APPEAL_OF"
    DECIDED_BY = "DECIDED_BY"
    INVOLVES = "INVOLVES"
    DISCUSSES = "DISCUSSES"
    CITES = "CITES"
    # extensions (docs/schema.md lists them as such)
    RELATED_TO = "RELATED_TO"
    ELABORATES = "ELABORATES"
    PART_OF_DUTY = "PART_OF_DUTY"
    EXCLUDES = "EXCLUDES"
    ILLUSTRATES = "ILLUSTRATES"
    HAS_PATTERN = "HAS_PATTERN"
    COMBINES = "COMBINES"


#: Labels whose nodes are vocabulary concepts (SKOS concept schemes in RDF).
CONCEPT_LABELS: tuple[Label, ...] = (
    Label.DOCTRINE,
    Label.OBLIGATION,
    Label.LIABILITY_FORM,
    Label.DUTY_STANDARD,
    Label.PROOF_RULE,
    Label.DEFENSE,
    Label.FACT,
)

#: Labels of the knowledge layer: every node has name_zh, name_en, summary_en, sources.
KNOWLEDGE_LABELS: tuple[Label, ...] = (*CONCEPT_LABELS, Label.ISSUE, Label.POSITION, Label.RULE)

#: Labels of things that can be the outcome of a rule (what YIELDS points to).
OUTCOME_LABELS: tuple[Label, ...] = (Label.LIABILITY_FORM, Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE)

#: Labels whose nodes make no claim of their own (derived from a statute file or a case number).
UNSOURCED_LABELS: frozenset[Label] = frozenset({Label.STATUTE, Label.ARTICLE, Label.PARAGRAPH, Label.COURT,
                                               Label.FACT_PATTERN})

#: Labels and relationship types that only index what other relationships say (derived at build time,
#: loaded into the stores for fast queries, left out of the RDF export).
INDEX_LABELS: frozenset[Label] = frozenset({Label.FACT_PATTERN})
INDEX_RELATIONSHIPS: frozenset[RelType] = frozenset({RelType.HAS_PATTERN, RelType.COMBINES})

#: cases a fact pattern lists, best first (``FactPattern.top_cases``); ``similar_cases`` returns at most this many
PATTERN_TOP_CASES = 100


@dataclass(frozen=True)
class RelationshipSpec:
    """What a relationship type connects and which properties it has."""

    type: RelType
    sources: tuple[Label, ...]
    targets: tuple[Label, ...]
    properties: tuple[str, ...] = ()
    #: properties that, with the endpoints, identify one relationship (several HELD per pair)
    keys: tuple[str, ...] = ()
    claim: bool = True
    extension: bool = False
    description: str = ""


_LAW = (Label.ARTICLE, Label.PARAGRAPH)

RELATIONSHIPS: dict[RelType, RelationshipSpec] = {
    spec.type: spec
    for spec in (
        RelationshipSpec(RelType.PART_OF, (Label.ARTICLE, Label.PARAGRAPH), (Label.STATUTE, Label.ARTICLE),
                         claim=False, description="article → statute; paragraph → article"),
        RelationshipSpec(RelType.REFERS_TO, (Label.ARTICLE,), (Label.ARTICLE,), ("text", "count"), claim=False,
                         description="a citation in the statute text (本法第X条, 《…法》第X条); "
                                     "text = the citing words"),
        RelationshipSpec(RelType.SPECIAL_RULE_OF, _LAW, _LAW, ("note_en",),
                         description="lex specialis: the source provision is a special rule of the target"),
        RelationshipSpec(RelType.SUPERSEDES, _LAW, _LAW, ("note_en",),
                         description="the source provision replaced the target (e.g. CC 1198 → TLL 37)"),
        RelationshipSpec(RelType.IMPOSES, _LAW, (Label.OBLIGATION,), ("note_en",),
                         description="a provision imposes a duty on the platform"),
        RelationshipSpec(RelType.PROVIDES, _LAW, (Label.LIABILITY_FORM,), ("note_en",),
                         description="a provision provides a form of liability"),
        RelationshipSpec(RelType.JUSTIFIES, (Label.DOCTRINE,), (Label.OBLIGATION, Label.ARTICLE, Label.PARAGRAPH),
                         description="a doctrine justifies a duty or a provision"),
        RelationshipSpec(RelType.ANSWERS, (Label.POSITION,), (Label.ISSUE,)),
        RelationshipSpec(RelType.CONCERNS, (Label.ISSUE,),
                         (Label.ARTICLE, Label.PARAGRAPH, Label.OBLIGATION, Label.LIABILITY_FORM)),
        RelationshipSpec(RelType.ADVOCATES, (Label.POSITION,), OUTCOME_LABELS),
        RelationshipSpec(RelType.BASED_ON, (Label.POSITION,), (Label.DOCTRINE,)),
        RelationshipSpec(RelType.ARGUES, (Label.PUBLICATION,), (Label.POSITION,), ("stance", "section"),
                         keys=("stance", "section")),
        RelationshipSpec(RelType.PROPOSES, (Label.POSITION,), (Label.RULE,)),
        RelationshipSpec(RelType.REQUIRES, (Label.RULE,), (Label.FACT,)),
        RelationshipSpec(RelType.YIELDS, (Label.RULE,), OUTCOME_LABELS),
        RelationshipSpec(RelType.GROUNDED_IN, (Label.RULE,), _LAW),
        RelationshipSpec(RelType.HAS_FACT, (Label.CASE,), (Label.FACT,)),
        RelationshipSpec(RelType.APPLIES, (Label.CASE,), _LAW),
        RelationshipSpec(RelType.RELIES_ON, (Label.CASE,), (Label.DOCTRINE,)),
        RelationshipSpec(RelType.HELD, (Label.CASE,), (Label.LIABILITY_FORM,), ("party", "share"), keys=("party",)),
        RelationshipSpec(RelType.APPEAL_OF, (Label.CASE,), (Label.CASE,), ("disposition",),
                         description="later instance → earlier instance"),
        RelationshipSpec(RelType.DECIDED_BY, (Label.CASE,), (Label.COURT,), claim=False,
                         description="derived from the case number's court code"),
        RelationshipSpec(RelType.INVOLVES, (Label.CASE,), (Label.PLATFORM,), ("role",)),
        RelationshipSpec(RelType.DISCUSSES, (Label.PUBLICATION,), (Label.CASE,), ("section",),
                         keys=("section",)),
        RelationshipSpec(RelType.CITES, (Label.PUBLICATION,), (Label.PUBLICATION,)),
        RelationshipSpec(RelType.RELATED_TO, (Label.DOCTRINE,), (Label.DOCTRINE,), extension=True),
        RelationshipSpec(RelType.ELABORATES, (Label.POSITION,), (Label.OBLIGATION,), extension=True,
                         description="a position spells out the content of a duty"),
        RelationshipSpec(RelType.PART_OF_DUTY, (Label.OBLIGATION,), (Label.OBLIGATION,), extension=True,
                         description="a component duty → the duty it is part of"),
        RelationshipSpec(RelType.EXCLUDES, (Label.RULE,), (Label.FACT,), extension=True,
                         description="the rule does not apply when this fact is present"),
        RelationshipSpec(RelType.ILLUSTRATES, (Label.CASE,), (Label.RULE,), extension=True,
                         description="a decided case that a paper uses to illustrate a rule"),
        RelationshipSpec(RelType.HAS_PATTERN, (Label.CASE,), (Label.FACT_PATTERN,), claim=False, extension=True,
                         description="derived: the case's facts are exactly the pattern's"),
        RelationshipSpec(RelType.COMBINES, (Label.FACT_PATTERN,), (Label.FACT,), claim=False, extension=True,
                         description="derived: a fact of the pattern"),
    )
}


@dataclass(frozen=True)
class LabelSpec:
    """A node label and its properties (beyond ``id`` and ``sources``)."""

    label: Label
    properties: tuple[str, ...]
    description: str = ""


_KNOWLEDGE_PROPS = ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality",
                    "community")

LABELS: dict[Label, LabelSpec] = {
    spec.label: spec
    for spec in (
        LabelSpec(Label.STATUTE, ("code", "title_zh", "title_en", "kind", "promulgated", "effective", "repealed",
                                  "source_file", "in_corpus", "preamble_zh"), "a law or judicial interpretation"),
        LabelSpec(Label.ARTICLE, ("law", "number", "suffix", "label_zh", "text_zh", "text_en", "path_zh",
                                  "source_file", "line", "pagerank", "centrality", "community", "notes_en"),
                  "an article (条)"),
        LabelSpec(Label.PARAGRAPH, ("law", "article", "ordinal", "text_zh", "items"), "a paragraph (款) of an article"),
        LabelSpec(Label.DOCTRINE, _KNOWLEDGE_PROPS,
                  "a theory, principle or interpretive rule"),
        LabelSpec(Label.OBLIGATION, (*_KNOWLEDGE_PROPS, "tier", "category"), "a duty of the platform"),
        LabelSpec(Label.LIABILITY_FORM, _KNOWLEDGE_PROPS, "a form of liability or outcome"),
        LabelSpec(Label.DUTY_STANDARD, _KNOWLEDGE_PROPS, "how much the platform had to do"),
        LabelSpec(Label.PROOF_RULE, _KNOWLEDGE_PROPS, "who bears the burden of proof"),
        LabelSpec(Label.DEFENSE, _KNOWLEDGE_PROPS, "a ground that reduces or removes liability or a duty"),
        LabelSpec(Label.FACT, (*_KNOWLEDGE_PROPS, "group"), "one element of a fact pattern"),
        LabelSpec(Label.ISSUE, _KNOWLEDGE_PROPS, "a contested question"),
        LabelSpec(Label.POSITION, _KNOWLEDGE_PROPS, "a scholarly or judicial answer to an issue"),
        LabelSpec(Label.RULE, (*_KNOWLEDGE_PROPS, "framework", "tier", "condition", "party", "no_article_reason"),
                  "one rule of a framework: facts → an outcome"),
        LabelSpec(Label.CASE, ("case_number", "name_zh", "year", "court_code", "court_name_zh", "procedure",
                               "procedure_zh", "serial", "summary_en", "holding_en", "outcome_en", "vagueness_en",
                               "source_file", "line"), "one instance of a court case"),
        LabelSpec(Label.COURT, ("name_zh", "province", "level", "code"), "a court, from the case-number code"),
        LabelSpec(Label.PLATFORM, ("name_zh", "name_en", "summary_en"), "an e-commerce or online platform"),
        LabelSpec(Label.PUBLICATION, ("title_zh", "title_en", "authors", "year", "venue", "file"),
                  "a seed paper or a work it cites"),
        LabelSpec(Label.FACT_PATTERN, ("name_en", "name_zh", "facts", "size", "cases", "top_cases"),
                  "derived: one distinct set of facts found in decided cases, with its cases ranked (an index)"),
    )
}


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
