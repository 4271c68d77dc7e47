"""GENERATED from graph/schema/lawgraph.yaml by `make schema` (python -m lawgraph.graph.schema_gen): do not edit.

The schema's labels, relationship types, vocabularies, store DDL, RDF terms and styles, as
plain values (no linkml at run time). :mod:`lawgraph.graph.model` re-exports the graph parts.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from lawgraph.graph.specs import LabelSpec, RdfTerm, RelationshipSpec

SCHEMA_VERSION = "2"

#: A base label every node also carries, so that relationships can be matched by id alone.
BASE_LABEL = "Entity"


class Label(StrEnum):
    """Node labels of the schema contract (and its extensions)."""

    STATUTE = "Statute"
    ARTICLE = "Article"
    PARAGRAPH = "Paragraph"
    STATUTE_VERSION = "StatuteVersion"
    ARTICLE_VERSION = "ArticleVersion"
    DOCTRINE = "Doctrine"
    OBLIGATION = "Obligation"
    LIABILITY_FORM = "LiabilityForm"
    DUTY_STANDARD = "DutyStandard"
    PROOF_RULE = "ProofRule"
    DEFENSE = "Defense"
    FACT = "Fact"
    ISSUE = "Issue"
    POSITION = "Position"
    RULE = "Rule"
    CASE = "Case"
    COURT = "Court"
    PLATFORM = "Platform"
    PUBLICATION = "Publication"
    FACT_PATTERN = "FactPattern"


class RelType(StrEnum):
    """Relationship types of the schema contract (and its extensions, marked)."""

    PART_OF = "PART_OF"
    VERSION_OF = "VERSION_OF"
    IN_VERSION = "IN_VERSION"
    REPEALS = "REPEALS"
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
    RELATED_TO = "RELATED_TO"
    ELABORATES = "ELABORATES"
    PART_OF_DUTY = "PART_OF_DUTY"
    EXCLUDES = "EXCLUDES"
    ILLUSTRATES = "ILLUSTRATES"
    HAS_PATTERN = "HAS_PATTERN"
    COMBINES = "COMBINES"


class FactGroup(StrEnum):
    """fact groups, in the order a lawyer reads a fact pattern (title: English; title_zh: 中文)."""

    KNOWLEDGE = "knowledge"
    PRODUCT_RISK = "product-risk"
    DUTY_PERFORMANCE = "duty-performance"
    BENEFIT = "benefit"
    CONDUCT = "conduct"
    HARM = "harm"
    PROCEDURE = "procedure"


class Stance(StrEnum):
    """how a publication argues a position (title: English; title_zh: 中文)."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    DESCRIBES = "describes"


class Disposition(StrEnum):
    """what a later instance did with the earlier one."""

    AFFIRMED = "affirmed"
    REVERSED = "reversed"
    MODIFIED = "modified"


class StatuteKind(StrEnum):
    """the kind of a statute."""

    LAW = "law"
    JUDICIAL_INTERPRETATION = "judicial-interpretation"
    REGULATION = "regulation"


class SupersedesMethod(StrEnum):
    """how a SUPERSEDES correspondence is known (official, literature, or derived by text-alignment)."""

    OFFICIAL = "official"
    LITERATURE = "literature"
    TEXT_ALIGNMENT = "text-alignment"


class RuleCondition(StrEnum):
    """whether a rule needs all of its REQUIRES facts or any one."""

    ALL = "all"
    ANY = "any"


# the vocabularies as Literal types, for the pydantic records of the data files (plain str values)
FactGroupValue = Literal["knowledge", "product-risk", "duty-performance", "benefit", "conduct", "harm", "procedure"]
StanceValue = Literal["supports", "opposes", "describes"]
DispositionValue = Literal["affirmed", "reversed", "modified"]
StatuteKindValue = Literal["law", "judicial-interpretation", "regulation"]
SupersedesMethodValue = Literal["official", "literature", "text-alignment"]
RuleConditionValue = Literal["all", "any"]

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
KNOWLEDGE_LABELS: tuple[Label, ...] = (
    Label.DOCTRINE,
    Label.OBLIGATION,
    Label.LIABILITY_FORM,
    Label.DUTY_STANDARD,
    Label.PROOF_RULE,
    Label.DEFENSE,
    Label.FACT,
    Label.ISSUE,
    Label.POSITION,
    Label.RULE,
)
#: Labels of things that can be the outcome of a rule (what YIELDS points to).
OUTCOME_LABELS: tuple[Label, ...] = (Label.LIABILITY_FORM, Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE)
#: Labels whose nodes make no claim of their own (derived from a statute file or a case number).
UNSOURCED_LABELS: frozenset[Label] = frozenset(
    (
        Label.STATUTE,
        Label.ARTICLE,
        Label.PARAGRAPH,
        Label.STATUTE_VERSION,
        Label.ARTICLE_VERSION,
        Label.COURT,
        Label.FACT_PATTERN,
    )
)
#: Labels and relationship types that only index what other relationships say (derived at build time,
#: loaded into the stores for fast queries, left out of the RDF export).
INDEX_LABELS: frozenset[Label] = frozenset((Label.FACT_PATTERN,))
INDEX_RELATIONSHIPS: frozenset[RelType] = frozenset((RelType.HAS_PATTERN, RelType.COMBINES))

LABELS: dict[Label, LabelSpec] = {
    Label.STATUTE: LabelSpec(
        Label.STATUTE,
        (
            "code",
            "title_zh",
            "title_en",
            "kind",
            "promulgated",
            "effective",
            "repealed",
            "source_file",
            "in_corpus",
            "preamble_zh",
            "enacted",
            "successor",
        ),
        "a law or judicial interpretation",
    ),
    Label.ARTICLE: LabelSpec(
        Label.ARTICLE,
        (
            "law",
            "number",
            "suffix",
            "label_zh",
            "text_zh",
            "text_en",
            "path_zh",
            "source_file",
            "line",
            "pagerank",
            "centrality",
            "community",
            "notes_en",
        ),
        "an article (条)",
    ),
    Label.PARAGRAPH: LabelSpec(
        Label.PARAGRAPH, ("law", "article", "ordinal", "text_zh", "items"), "a paragraph (款) of an article"
    ),
    Label.STATUTE_VERSION: LabelSpec(
        Label.STATUTE_VERSION,
        ("law", "version_date", "effective_from", "effective_to", "superseded_by", "source_file"),
        "one version of a statute, its text as adopted on version_date (FSL@2021)",
    ),
    Label.ARTICLE_VERSION: LabelSpec(
        Label.ARTICLE_VERSION,
        ("law", "article", "version", "number", "suffix", "label_zh", "text_zh", "source_file", "line"),
        "an article's text in one version of a work with several versions (FSL@2021:131)",
    ),
    Label.DOCTRINE: LabelSpec(
        Label.DOCTRINE,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "a theory, principle or interpretive rule",
    ),
    Label.OBLIGATION: LabelSpec(
        Label.OBLIGATION,
        (
            "name_zh",
            "name_en",
            "summary_en",
            "aliases_zh",
            "aliases_en",
            "notes_en",
            "centrality",
            "community",
            "tier",
            "category",
        ),
        "a duty of the platform",
    ),
    Label.LIABILITY_FORM: LabelSpec(
        Label.LIABILITY_FORM,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "a form of liability or outcome",
    ),
    Label.DUTY_STANDARD: LabelSpec(
        Label.DUTY_STANDARD,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "how much the platform had to do",
    ),
    Label.PROOF_RULE: LabelSpec(
        Label.PROOF_RULE,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "who bears the burden of proof",
    ),
    Label.DEFENSE: LabelSpec(
        Label.DEFENSE,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "a ground that reduces or removes liability or a duty",
    ),
    Label.FACT: LabelSpec(
        Label.FACT,
        (
            "name_zh",
            "name_en",
            "summary_en",
            "aliases_zh",
            "aliases_en",
            "notes_en",
            "centrality",
            "community",
            "group",
        ),
        "one element of a fact pattern",
    ),
    Label.ISSUE: LabelSpec(
        Label.ISSUE,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "a contested question",
    ),
    Label.POSITION: LabelSpec(
        Label.POSITION,
        ("name_zh", "name_en", "summary_en", "aliases_zh", "aliases_en", "notes_en", "centrality", "community"),
        "a scholarly or judicial answer to an issue",
    ),
    Label.RULE: LabelSpec(
        Label.RULE,
        (
            "name_zh",
            "name_en",
            "summary_en",
            "aliases_zh",
            "aliases_en",
            "notes_en",
            "centrality",
            "community",
            "framework",
            "tier",
            "condition",
            "party",
            "no_article_reason",
        ),
        "one rule of a framework: facts → an outcome",
    ),
    Label.CASE: LabelSpec(
        Label.CASE,
        (
            "case_number",
            "name_zh",
            "year",
            "court_code",
            "court_name_zh",
            "procedure",
            "procedure_zh",
            "serial",
            "summary_en",
            "holding_en",
            "outcome_en",
            "vagueness_en",
            "source_file",
            "line",
        ),
        "one instance of a court case",
    ),
    Label.COURT: LabelSpec(Label.COURT, ("name_zh", "province", "level", "code"), "a court, from the case-number code"),
    Label.PLATFORM: LabelSpec(Label.PLATFORM, ("name_zh", "name_en", "summary_en"), "an e-commerce or online platform"),
    Label.PUBLICATION: LabelSpec(
        Label.PUBLICATION,
        ("title_zh", "title_en", "authors", "year", "venue", "file", "notes_en"),
        "a seed paper or a work it cites",
    ),
    Label.FACT_PATTERN: LabelSpec(
        Label.FACT_PATTERN,
        ("name_en", "name_zh", "facts", "size", "cases", "top_cases"),
        "derived: one distinct set of facts found in decided cases, with its cases ranked (an index)",
    ),
}

RELATIONSHIPS: dict[RelType, RelationshipSpec] = {
    RelType.PART_OF: RelationshipSpec(
        RelType.PART_OF,
        (Label.ARTICLE, Label.PARAGRAPH),
        (Label.STATUTE, Label.ARTICLE),
        (),
        claim=False,
        description="article → statute; paragraph → article",
    ),
    RelType.VERSION_OF: RelationshipSpec(
        RelType.VERSION_OF,
        (Label.STATUTE_VERSION, Label.ARTICLE_VERSION),
        (Label.STATUTE, Label.ARTICLE),
        (),
        claim=False,
        description="a statute version → its work; an article version → its stable article",
    ),
    RelType.IN_VERSION: RelationshipSpec(
        RelType.IN_VERSION,
        (Label.ARTICLE_VERSION,),
        (Label.STATUTE_VERSION,),
        (),
        claim=False,
        description="an article version → the statute version it is part of",
    ),
    RelType.REPEALS: RelationshipSpec(
        RelType.REPEALS,
        (Label.STATUTE,),
        (Label.STATUTE,),
        ("text",),
        description="a work → a work it repealed and replaced (CC → TLL, from CC art. 1260's 同时废止)",
    ),
    RelType.REFERS_TO: RelationshipSpec(
        RelType.REFERS_TO,
        (Label.ARTICLE,),
        (Label.ARTICLE,),
        ("text", "count"),
        claim=False,
        description="a citation in the statute text (本法第X条, 《…法》第X条); text = the citing words",
    ),
    RelType.SPECIAL_RULE_OF: RelationshipSpec(
        RelType.SPECIAL_RULE_OF,
        (Label.ARTICLE, Label.PARAGRAPH),
        (Label.ARTICLE, Label.PARAGRAPH),
        ("note_en",),
        description="lex specialis: the source provision is a special rule of the target",
    ),
    RelType.SUPERSEDES: RelationshipSpec(
        RelType.SUPERSEDES,
        (Label.ARTICLE, Label.PARAGRAPH),
        (Label.ARTICLE, Label.PARAGRAPH),
        ("note_en", "method", "score", "rank", "derived"),
        keys=("method",),
        description="the source provision replaced the target (e.g. CC 1198 → TLL 37); see method",
    ),
    RelType.IMPOSES: RelationshipSpec(
        RelType.IMPOSES,
        (Label.ARTICLE, Label.PARAGRAPH),
        (Label.OBLIGATION,),
        ("note_en",),
        description="a provision imposes a duty on the platform",
    ),
    RelType.PROVIDES: RelationshipSpec(
        RelType.PROVIDES,
        (Label.ARTICLE, Label.PARAGRAPH),
        (Label.LIABILITY_FORM,),
        ("note_en",),
        description="a provision provides a form of liability",
    ),
    RelType.JUSTIFIES: RelationshipSpec(
        RelType.JUSTIFIES,
        (Label.DOCTRINE,),
        (Label.OBLIGATION, Label.ARTICLE, Label.PARAGRAPH),
        ("note_en",),
        description="a doctrine justifies a duty or a provision",
    ),
    RelType.ANSWERS: RelationshipSpec(RelType.ANSWERS, (Label.POSITION,), (Label.ISSUE,), ("note_en",)),
    RelType.CONCERNS: RelationshipSpec(
        RelType.CONCERNS,
        (Label.ISSUE,),
        (Label.ARTICLE, Label.PARAGRAPH, Label.OBLIGATION, Label.LIABILITY_FORM),
        ("note_en",),
    ),
    RelType.ADVOCATES: RelationshipSpec(
        RelType.ADVOCATES,
        (Label.POSITION,),
        (Label.LIABILITY_FORM, Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE),
        ("note_en",),
    ),
    RelType.BASED_ON: RelationshipSpec(RelType.BASED_ON, (Label.POSITION,), (Label.DOCTRINE,), ("note_en",)),
    RelType.ARGUES: RelationshipSpec(
        RelType.ARGUES, (Label.PUBLICATION,), (Label.POSITION,), ("stance", "section"), keys=("stance", "section")
    ),
    RelType.PROPOSES: RelationshipSpec(RelType.PROPOSES, (Label.POSITION,), (Label.RULE,), ()),
    RelType.REQUIRES: RelationshipSpec(RelType.REQUIRES, (Label.RULE,), (Label.FACT,), ()),
    RelType.YIELDS: RelationshipSpec(
        RelType.YIELDS,
        (Label.RULE,),
        (Label.LIABILITY_FORM, Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE),
        ("note_en",),
    ),
    RelType.GROUNDED_IN: RelationshipSpec(
        RelType.GROUNDED_IN, (Label.RULE,), (Label.ARTICLE, Label.PARAGRAPH), ("note_en",)
    ),
    RelType.HAS_FACT: RelationshipSpec(RelType.HAS_FACT, (Label.CASE,), (Label.FACT,), ("note_en",)),
    RelType.APPLIES: RelationshipSpec(RelType.APPLIES, (Label.CASE,), (Label.ARTICLE, Label.PARAGRAPH), ("note_en",)),
    RelType.RELIES_ON: RelationshipSpec(RelType.RELIES_ON, (Label.CASE,), (Label.DOCTRINE,), ("note_en",)),
    RelType.HELD: RelationshipSpec(
        RelType.HELD, (Label.CASE,), (Label.LIABILITY_FORM,), ("party", "share", "note_en"), keys=("party",)
    ),
    RelType.APPEAL_OF: RelationshipSpec(
        RelType.APPEAL_OF,
        (Label.CASE,),
        (Label.CASE,),
        ("disposition",),
        description="later instance → earlier instance",
    ),
    RelType.DECIDED_BY: RelationshipSpec(
        RelType.DECIDED_BY,
        (Label.CASE,),
        (Label.COURT,),
        (),
        claim=False,
        description="derived from the case number's court code",
    ),
    RelType.INVOLVES: RelationshipSpec(RelType.INVOLVES, (Label.CASE,), (Label.PLATFORM,), ("role",)),
    RelType.DISCUSSES: RelationshipSpec(
        RelType.DISCUSSES, (Label.PUBLICATION,), (Label.CASE,), ("section",), keys=("section",)
    ),
    RelType.CITES: RelationshipSpec(RelType.CITES, (Label.PUBLICATION,), (Label.PUBLICATION,), ()),
    RelType.RELATED_TO: RelationshipSpec(
        RelType.RELATED_TO, (Label.DOCTRINE,), (Label.DOCTRINE,), ("note_en",), extension=True
    ),
    RelType.ELABORATES: RelationshipSpec(
        RelType.ELABORATES,
        (Label.POSITION,),
        (Label.OBLIGATION,),
        ("note_en",),
        extension=True,
        description="a position spells out the content of a duty",
    ),
    RelType.PART_OF_DUTY: RelationshipSpec(
        RelType.PART_OF_DUTY,
        (Label.OBLIGATION,),
        (Label.OBLIGATION,),
        (),
        extension=True,
        description="a component duty → the duty it is part of",
    ),
    RelType.EXCLUDES: RelationshipSpec(
        RelType.EXCLUDES,
        (Label.RULE,),
        (Label.FACT,),
        (),
        extension=True,
        description="the rule does not apply when this fact is present",
    ),
    RelType.ILLUSTRATES: RelationshipSpec(
        RelType.ILLUSTRATES,
        (Label.CASE,),
        (Label.RULE,),
        (),
        extension=True,
        description="a decided case that a paper uses to illustrate a rule",
    ),
    RelType.HAS_PATTERN: RelationshipSpec(
        RelType.HAS_PATTERN,
        (Label.CASE,),
        (Label.FACT_PATTERN,),
        (),
        claim=False,
        extension=True,
        description="derived: the case's facts are exactly the pattern's",
    ),
    RelType.COMBINES: RelationshipSpec(
        RelType.COMBINES,
        (Label.FACT_PATTERN,),
        (Label.FACT,),
        (),
        claim=False,
        extension=True,
        description="derived: a fact of the pattern",
    ),
}

#: property → Python type of its values, for every label (overridden per label by LABEL_RANGES)
PROPERTY_RANGES: dict[str, str] = {
    "id": "str",
    "sources": "list[str]",
    "code": "str",
    "title_zh": "str",
    "title_en": "str",
    "kind": "StatuteKind",
    "promulgated": "str",
    "effective": "str",
    "repealed": "str",
    "source_file": "str",
    "in_corpus": "bool",
    "preamble_zh": "str",
    "enacted": "str",
    "successor": "str",
    "version_date": "str",
    "effective_from": "str",
    "effective_to": "str",
    "superseded_by": "str",
    "version": "str",
    "method": "SupersedesMethod",
    "score": "float",
    "rank": "int",
    "derived": "bool",
    "law": "str",
    "number": "int",
    "suffix": "int",
    "label_zh": "str",
    "text_zh": "str",
    "text_en": "str",
    "path_zh": "list[str]",
    "line": "int",
    "pagerank": "float",
    "centrality": "float",
    "community": "int",
    "notes_en": "str",
    "article": "str",
    "ordinal": "int",
    "items": "list[str]",
    "name_zh": "str",
    "name_en": "str",
    "summary_en": "str",
    "aliases_zh": "list[str]",
    "aliases_en": "list[str]",
    "tier": "str",
    "category": "str",
    "group": "FactGroup",
    "framework": "str",
    "condition": "RuleCondition",
    "party": "str",
    "no_article_reason": "str",
    "case_number": "str",
    "year": "int",
    "court_code": "str",
    "court_name_zh": "str",
    "procedure": "str",
    "procedure_zh": "str",
    "serial": "int",
    "holding_en": "str",
    "outcome_en": "str",
    "vagueness_en": "str",
    "province": "str",
    "level": "str",
    "authors": "list[str]",
    "venue": "str",
    "file": "str",
    "facts": "list[str]",
    "size": "int",
    "cases": "int",
    "top_cases": "list[str]",
    "text": "str",
    "count": "int",
    "note_en": "str",
    "stance": "Stance",
    "section": "str",
    "share": "float",
    "disposition": "Disposition",
    "role": "str",
}
LABEL_RANGES: dict[tuple[Label, str], str] = {
    (Label.RULE, "tier"): "int",
}

#: label → data-file key of its entries → the relationship type that key states
DATA_FIELDS: dict[Label, dict[str, RelType]] = {
    Label.DOCTRINE: {"justifies": RelType.JUSTIFIES, "related": RelType.RELATED_TO},
    Label.OBLIGATION: {"part_of": RelType.PART_OF_DUTY},
    Label.ISSUE: {"concerns": RelType.CONCERNS},
    Label.POSITION: {
        "answers": RelType.ANSWERS,
        "advocates": RelType.ADVOCATES,
        "based_on": RelType.BASED_ON,
        "argued_by": RelType.ARGUES,
        "elaborates": RelType.ELABORATES,
    },
    Label.RULE: {
        "framework": RelType.PROPOSES,
        "requires": RelType.REQUIRES,
        "yields": RelType.YIELDS,
        "grounded_in": RelType.GROUNDED_IN,
        "excludes": RelType.EXCLUDES,
        "illustrated_by": RelType.ILLUSTRATES,
    },
    Label.CASE: {
        "facts": RelType.HAS_FACT,
        "applies": RelType.APPLIES,
        "relies_on": RelType.RELIES_ON,
        "held": RelType.HELD,
        "appeal_of": RelType.APPEAL_OF,
        "platforms": RelType.INVOLVES,
        "discussed_by": RelType.DISCUSSES,
    },
    Label.PUBLICATION: {"cites": RelType.CITES},
}
#: relationship types a ``statute_links`` entry of a knowledge file may state
StatuteLinkValue = Literal["SPECIAL_RULE_OF", "SUPERSEDES", "IMPOSES", "PROVIDES"]


#: vocabulary → its values, in order (the enums above, by the name the schema gives them)
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "FactGroup": ("knowledge", "product-risk", "duty-performance", "benefit", "conduct", "harm", "procedure"),
    "Stance": ("supports", "opposes", "describes"),
    "Disposition": ("affirmed", "reversed", "modified"),
    "StatuteKind": ("law", "judicial-interpretation", "regulation"),
    "SupersedesMethod": ("official", "literature", "text-alignment"),
    "RuleCondition": ("all", "any"),
}

#: fact groups in the order a lawyer reads a fact pattern → (English, 中文)
FACT_GROUP_TITLES: dict[FactGroup, tuple[str, str]] = {
    FactGroup.KNOWLEDGE: ("Knowledge", "主观认知"),
    FactGroup.PRODUCT_RISK: ("Product risk", "商品或服务风险"),
    FactGroup.DUTY_PERFORMANCE: ("Duty performance", "义务履行"),
    FactGroup.BENEFIT: ("Benefit", "平台获益"),
    FactGroup.CONDUCT: ("Conduct", "行为"),
    FactGroup.HARM: ("Harm and causation", "损害与因果关系"),
    FactGroup.PROCEDURE: ("Procedure and assistance", "程序与协助"),
}
#: a publication's stance → (English, 中文)
STANCE_TITLES: dict[Stance, tuple[str, str]] = {
    Stance.SUPPORTS: ("supports", "支持"),
    Stance.OPPOSES: ("opposes", "反对"),
    Stance.DESCRIBES: ("describes", "介绍"),
}

# -- store DDL ---------------------------------------------------------------------------------
#: labels that get a uniqueness constraint on ``id`` (every label, and the base label)
UNIQUE_LABELS: tuple[str, ...] = (
    BASE_LABEL,
    Label.STATUTE.value,
    Label.ARTICLE.value,
    Label.PARAGRAPH.value,
    Label.STATUTE_VERSION.value,
    Label.ARTICLE_VERSION.value,
    Label.DOCTRINE.value,
    Label.OBLIGATION.value,
    Label.LIABILITY_FORM.value,
    Label.DUTY_STANDARD.value,
    Label.PROOF_RULE.value,
    Label.DEFENSE.value,
    Label.FACT.value,
    Label.ISSUE.value,
    Label.POSITION.value,
    Label.RULE.value,
    Label.CASE.value,
    Label.COURT.value,
    Label.PLATFORM.value,
    Label.PUBLICATION.value,
    Label.FACT_PATTERN.value,
)
#: extra indexes that hot queries use: (label, property)
INDEXES: tuple[tuple[Label, str], ...] = (
    (Label.ARTICLE, "law"),
    (Label.ARTICLE, "number"),
    (Label.STATUTE_VERSION, "law"),
    (Label.ARTICLE_VERSION, "article"),
    (Label.RULE, "framework"),
    (Label.CASE, "case_number"),
    (Label.CASE, "year"),
)

# -- dashboard ---------------------------------------------------------------------------------
#: label → (colour, Material icon of st-link-analysis); DEFAULT_STYLE for anything else
DEFAULT_STYLE: tuple[str, str] = ("#7f8c8d", "link")
LABEL_STYLE: dict[Label, tuple[str, str]] = {
    Label.STATUTE: ("#000000", "folder"),
    Label.ARTICLE: ("#2d3436", "description"),
    Label.PARAGRAPH: ("#636e72", "description"),
    Label.STATUTE_VERSION: ("#4b4b4b", "history"),
    Label.ARTICLE_VERSION: ("#555555", "history_edu"),
    Label.DOCTRINE: ("#16a085", "science"),
    Label.OBLIGATION: ("#0984e3", "badge"),
    Label.LIABILITY_FORM: ("#d63031", "assured_workload"),
    Label.DUTY_STANDARD: ("#e67e22", "inventory"),
    Label.PROOF_RULE: ("#fdcb6e", "key"),
    Label.DEFENSE: ("#00b894", "lock"),
    Label.FACT: ("#2e86de", "flag"),
    Label.ISSUE: ("#e17055", "campaign"),
    Label.POSITION: ("#6c5ce7", "chat"),
    Label.RULE: ("#8e44ad", "analytics"),
    Label.CASE: ("#a0522d", "account_balance"),
    Label.COURT: ("#795548", "business"),
    Label.PLATFORM: ("#fd79a8", "store"),
    Label.PUBLICATION: ("#74b9ff", "language"),
}

# -- RDF (CURIEs of graph/namespaces.py's prefixes; graph/rdf.py resolves them) --------------
#: property → term, for every label (overridden per label by LABEL_RDF)
PROPERTY_RDF: dict[str, RdfTerm] = {
    "code": RdfTerm("lg:court_code"),
    "title_zh": RdfTerm("dcterms:title", "zh"),
    "title_en": RdfTerm("dcterms:title", "en"),
    "kind": RdfTerm("lg:kind"),
    "promulgated": RdfTerm("eli:date_document", "date"),
    "effective": RdfTerm("eli:first_date_entry_in_force", "date"),
    "repealed": RdfTerm("eli:date_no_longer_in_force", "date"),
    "source_file": RdfTerm("lg:source_file"),
    "in_corpus": RdfTerm("lg:in_corpus"),
    "preamble_zh": RdfTerm("lg:preamble", "zh", on_expression=True),
    "enacted": RdfTerm("lg:enacted", "date"),
    "version_date": RdfTerm("eli:version_date", "date"),
    "effective_from": RdfTerm("eli:first_date_entry_in_force", "date"),
    "effective_to": RdfTerm("eli:date_no_longer_in_force", "date"),
    "superseded_by": RdfTerm("lg:superseded_by"),
    "method": RdfTerm("lg:method"),
    "score": RdfTerm("lg:score"),
    "rank": RdfTerm("lg:rank"),
    "derived": RdfTerm("lg:derived"),
    "suffix": RdfTerm("lg:suffix"),
    "label_zh": RdfTerm("eli:title", "zh", on_expression=True),
    "text_zh": RdfTerm("lg:text", "zh", on_expression=True),
    "text_en": RdfTerm("lg:text", "en", on_expression=True),
    "path_zh": RdfTerm("lg:heading_path", "zh_list"),
    "line": RdfTerm("lg:line"),
    "pagerank": RdfTerm("lg:pagerank"),
    "centrality": RdfTerm("lg:centrality"),
    "community": RdfTerm("lg:community"),
    "notes_en": RdfTerm("skos:note", "en"),
    "ordinal": RdfTerm("lg:ordinal"),
    "items": RdfTerm("lg:item", "zh", on_expression=True),
    "name_zh": RdfTerm("rdfs:label", "zh"),
    "name_en": RdfTerm("rdfs:label", "en"),
    "summary_en": RdfTerm("dcterms:description", "en"),
    "aliases_zh": RdfTerm("skos:altLabel", "zh"),
    "aliases_en": RdfTerm("skos:altLabel", "en"),
    "tier": RdfTerm("lg:tier"),
    "category": RdfTerm("lg:category"),
    "group": RdfTerm("lg:group"),
    "condition": RdfTerm("lg:condition"),
    "party": RdfTerm("lg:party"),
    "no_article_reason": RdfTerm("lg:no_article_reason", "en"),
    "case_number": RdfTerm("lg:case_number"),
    "year": RdfTerm("dcterms:date", "year"),
    "court_code": RdfTerm("lg:court_code"),
    "court_name_zh": RdfTerm("lg:court_name", "zh"),
    "procedure": RdfTerm("lg:procedure"),
    "procedure_zh": RdfTerm("lg:procedure_name", "zh"),
    "serial": RdfTerm("lg:serial"),
    "holding_en": RdfTerm("lg:holding", "en"),
    "outcome_en": RdfTerm("lg:outcome", "en"),
    "vagueness_en": RdfTerm("lg:vagueness", "en"),
    "province": RdfTerm("lg:province", "zh"),
    "level": RdfTerm("lg:court_level"),
    "authors": RdfTerm("dcterms:creator"),
    "venue": RdfTerm("lg:venue"),
    "file": RdfTerm("lg:file"),
    "text": RdfTerm("lg:citing_text", "zh"),
    "count": RdfTerm("lg:count"),
    "note_en": RdfTerm("skos:note", "en"),
    "stance": RdfTerm("lg:stance"),
    "section": RdfTerm("lg:section"),
    "share": RdfTerm("lg:share"),
    "disposition": RdfTerm("lg:disposition"),
    "role": RdfTerm("lg:role"),
}
#: (label, property) → term, where a label maps a property differently
LABEL_RDF: dict[tuple[Label, str], RdfTerm] = {
    (Label.STATUTE, "code"): RdfTerm("eli:id_local"),
    (Label.STATUTE, "title_zh"): RdfTerm("eli:title", "zh", on_expression=True),
    (Label.STATUTE, "title_en"): RdfTerm("eli:title", "en", on_expression=True),
    (Label.DOCTRINE, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.DOCTRINE, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.DOCTRINE, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.OBLIGATION, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.OBLIGATION, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.OBLIGATION, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.LIABILITY_FORM, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.LIABILITY_FORM, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.LIABILITY_FORM, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.DUTY_STANDARD, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.DUTY_STANDARD, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.DUTY_STANDARD, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.PROOF_RULE, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.PROOF_RULE, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.PROOF_RULE, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.DEFENSE, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.DEFENSE, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.DEFENSE, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.FACT, "name_zh"): RdfTerm("skos:prefLabel", "zh"),
    (Label.FACT, "name_en"): RdfTerm("skos:prefLabel", "en"),
    (Label.FACT, "summary_en"): RdfTerm("skos:definition", "en"),
    (Label.PUBLICATION, "year"): RdfTerm("dcterms:issued", "year"),
}
#: properties a relationship already states (so they are not repeated as literals), and why
DERIVED_PROPERTIES: dict[str, str] = {
    "sources": "dcterms:source",
    "successor": "eli:repealed_by the successor (REPEALS)",
    "version": "lg:in_version the version",
    "law": "eli:is_part_of the statute",
    "number": "eli:number (with the 之N suffix: 286-1)",
    "article": "eli:is_part_of the article",
    "framework": "lg:proposes from the framework position",
}
#: label → the class of its nodes and the standard classes they also get
CLASS_RDF: dict[Label, tuple[str, ...]] = {
    Label.STATUTE: ("lg:Statute", "eli:LegalResource"),
    Label.ARTICLE: ("lg:Article", "eli:LegalResource", "eli:LegalResourceSubdivision"),
    Label.PARAGRAPH: ("lg:Paragraph", "eli:LegalResource", "eli:LegalResourceSubdivision"),
    Label.STATUTE_VERSION: ("lg:StatuteVersion", "eli:LegalExpression"),
    Label.ARTICLE_VERSION: ("lg:ArticleVersion", "eli:LegalExpression"),
    Label.DOCTRINE: ("lg:Doctrine", "skos:Concept", "lkif:Legal_Doctrine"),
    Label.OBLIGATION: ("lg:Obligation", "skos:Concept"),
    Label.LIABILITY_FORM: ("lg:LiabilityForm", "skos:Concept"),
    Label.DUTY_STANDARD: ("lg:DutyStandard", "skos:Concept"),
    Label.PROOF_RULE: ("lg:ProofRule", "skos:Concept"),
    Label.DEFENSE: ("lg:Defense", "skos:Concept"),
    Label.FACT: ("lg:Fact", "skos:Concept"),
    Label.ISSUE: ("lg:Issue",),
    Label.POSITION: ("lg:Position",),
    Label.RULE: ("lg:Rule",),
    Label.CASE: ("lg:Case",),
    Label.COURT: ("lg:Court", "prov:Organization"),
    Label.PLATFORM: ("lg:Platform", "prov:Organization"),
    Label.PUBLICATION: ("lg:Publication", "dcterms:BibliographicResource", "prov:Entity"),
}
#: concept label → the titles of its concept scheme (English, 中文)
SCHEME_TITLES: dict[Label, tuple[str, str]] = {
    Label.DOCTRINE: ("Doctrines", "学说与原则"),
    Label.OBLIGATION: ("Platform obligations", "平台义务"),
    Label.LIABILITY_FORM: ("Liability forms", "责任形态"),
    Label.DUTY_STANDARD: ("Duty standards", "注意义务标准"),
    Label.PROOF_RULE: ("Proof rules", "举证责任规则"),
    Label.DEFENSE: ("Defenses", "抗辩事由"),
    Label.FACT: ("Fact elements", "事实要素"),
}
#: relationship type → (class of its rdf:Statement, predicate of the direct triple)
EDGE_RDF: dict[RelType, tuple[str, str]] = {
    RelType.PART_OF: ("lg:PART_OF", "eli:is_part_of"),
    RelType.VERSION_OF: ("lg:VERSION_OF", "eli:realizes"),
    RelType.IN_VERSION: ("lg:IN_VERSION", "lg:in_version"),
    RelType.REPEALS: ("lg:REPEALS", "eli:repeals"),
    RelType.REFERS_TO: ("lg:REFERS_TO", "eli:cites"),
    RelType.SPECIAL_RULE_OF: ("lg:SPECIAL_RULE_OF", "lg:special_rule_of"),
    RelType.SUPERSEDES: ("lg:SUPERSEDES", "dcterms:replaces"),
    RelType.IMPOSES: ("lg:IMPOSES", "lg:imposes"),
    RelType.PROVIDES: ("lg:PROVIDES", "lg:provides"),
    RelType.JUSTIFIES: ("lg:JUSTIFIES", "lg:justifies"),
    RelType.ANSWERS: ("lg:ANSWERS", "lg:answers"),
    RelType.CONCERNS: ("lg:CONCERNS", "lg:concerns"),
    RelType.ADVOCATES: ("lg:ADVOCATES", "lg:advocates"),
    RelType.BASED_ON: ("lg:BASED_ON", "lg:based_on"),
    RelType.ARGUES: ("lg:ARGUES", "lg:argues"),
    RelType.PROPOSES: ("lg:PROPOSES", "lg:proposes"),
    RelType.REQUIRES: ("lg:REQUIRES", "lg:requires"),
    RelType.YIELDS: ("lg:YIELDS", "lg:yields"),
    RelType.GROUNDED_IN: ("lg:GROUNDED_IN", "lg:grounded_in"),
    RelType.HAS_FACT: ("lg:HAS_FACT", "lg:has_fact"),
    RelType.APPLIES: ("lg:APPLIES", "lg:applies"),
    RelType.RELIES_ON: ("lg:RELIES_ON", "lg:relies_on"),
    RelType.HELD: ("lg:HELD", "lg:held"),
    RelType.APPEAL_OF: ("lg:APPEAL_OF", "lg:appeal_of"),
    RelType.DECIDED_BY: ("lg:DECIDED_BY", "lg:decided_by"),
    RelType.INVOLVES: ("lg:INVOLVES", "lg:involves"),
    RelType.DISCUSSES: ("lg:DISCUSSES", "lg:discusses"),
    RelType.CITES: ("lg:CITES", "dcterms:references"),
    RelType.RELATED_TO: ("lg:RELATED_TO", "skos:related"),
    RelType.ELABORATES: ("lg:ELABORATES", "lg:elaborates"),
    RelType.PART_OF_DUTY: ("lg:PART_OF_DUTY", "lg:part_of_duty"),
    RelType.EXCLUDES: ("lg:EXCLUDES", "lg:excludes"),
    RelType.ILLUSTRATES: ("lg:ILLUSTRATES", "lg:illustrates"),
}
#: relationship types that also get the inverse triple of a standard vocabulary
INVERSE_RDF: dict[RelType, str] = {
    RelType.VERSION_OF: "eli:is_realized_by",
    RelType.REPEALS: "eli:repealed_by",
    RelType.APPLIES: "eli:cited_by_case_law",
}
#: every term of the project's own namespace ``lg:`` the schema uses (graph/namespaces.py's LG)
LG_TERMS: tuple[str, ...] = (
    "ADVOCATES",
    "ANSWERS",
    "APPEAL_OF",
    "APPLIES",
    "ARGUES",
    "Article",
    "ArticleVersion",
    "BASED_ON",
    "CITES",
    "CONCERNS",
    "Case",
    "Court",
    "DECIDED_BY",
    "DISCUSSES",
    "Defense",
    "Doctrine",
    "DutyStandard",
    "ELABORATES",
    "EXCLUDES",
    "Fact",
    "GROUNDED_IN",
    "HAS_FACT",
    "HELD",
    "ILLUSTRATES",
    "IMPOSES",
    "INVOLVES",
    "IN_VERSION",
    "Issue",
    "JUSTIFIES",
    "LiabilityForm",
    "Obligation",
    "PART_OF",
    "PART_OF_DUTY",
    "PROPOSES",
    "PROVIDES",
    "Paragraph",
    "Platform",
    "Position",
    "ProofRule",
    "Publication",
    "REFERS_TO",
    "RELATED_TO",
    "RELIES_ON",
    "REPEALS",
    "REQUIRES",
    "Rule",
    "SPECIAL_RULE_OF",
    "SUPERSEDES",
    "Statute",
    "StatuteVersion",
    "VERSION_OF",
    "YIELDS",
    "advocates",
    "answers",
    "appeal_of",
    "applies",
    "argues",
    "based_on",
    "case_number",
    "category",
    "centrality",
    "citing_text",
    "community",
    "concerns",
    "condition",
    "count",
    "court_code",
    "court_level",
    "court_name",
    "decided_by",
    "derived",
    "discusses",
    "disposition",
    "elaborates",
    "enacted",
    "excludes",
    "file",
    "grounded_in",
    "group",
    "has_fact",
    "heading_path",
    "held",
    "holding",
    "illustrates",
    "imposes",
    "in_corpus",
    "in_version",
    "involves",
    "item",
    "justifies",
    "kind",
    "line",
    "method",
    "no_article_reason",
    "ordinal",
    "outcome",
    "pagerank",
    "part_of_duty",
    "party",
    "preamble",
    "procedure",
    "procedure_name",
    "proposes",
    "provides",
    "province",
    "rank",
    "relies_on",
    "requires",
    "role",
    "score",
    "section",
    "serial",
    "share",
    "source_file",
    "special_rule_of",
    "stance",
    "suffix",
    "superseded_by",
    "text",
    "tier",
    "vagueness",
    "venue",
    "yields",
)
#: prefix → namespace of the CURIEs above
PREFIXES: dict[str, str] = {
    "lg": "https://lawgraph.example.org/ns#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "lkif": "http://www.estrellaproject.org/lkif-core/norm.owl#",
    "eulang": "http://publications.europa.eu/resource/authority/language/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
