"""The outcome report: what :func:`queries.reasoning.reason` returns for a fact set, as plain data.

The report holds no prose: the explanation is built from it by the presentation layer
(:mod:`lawgraph.dashboard.explain`). Its JSON form (:meth:`OutcomeReport.to_dict`) carries
:data:`SCHEMA_VERSION`; ``docs/outcomes.schema.json`` is the JSON Schema generated from these classes
(``lawgraph outcomes --schema``) and ``docs/outcomes.md`` describes the fields.

>>> RuleStatus("near-miss") is RuleStatus.NEAR_MISS
True
>>> [status.value for status in RuleStatus]
['fires', 'near-miss', 'excluded']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, TypedDict

from lawgraph.queries.similarity import Reasons

#: the version of the report's JSON form: the major number changes when a field changes meaning or goes away
SCHEMA_VERSION = "1.1"


class RuleStatus(StrEnum):
    """How a rule stands on the facts (the values are those of the JSON report)."""

    #: every required fact holds (one, for a rule whose condition is ``any``) and no excluding fact
    APPLIES = "fires"
    #: exactly one required fact is missing and no excluding fact holds: one more fact and it applies
    NEAR_MISS = "near-miss"
    #: the rule's required facts hold, but so does a fact that excludes it
    EXCLUDED = "excluded"


#: the order in which the report lists rules
STATUS_ORDER: dict[RuleStatus, int] = {status: rank for rank, status in enumerate(RuleStatus)}


class Names(TypedDict):
    """A node's names in English and Chinese (either may be missing)."""

    name_en: str | None
    name_zh: str | None


class Outcome(TypedDict):
    """What a rule yields: a liability form, a duty standard, a proof rule or a defense."""

    id: str
    label: str
    name_en: str | None
    name_zh: str | None


class PathNode(TypedDict):
    """A node of an explanation path, with its label as stored in the graph."""

    id: str
    label: str
    name: str


@dataclass
class PathStep:
    """One relationship of an explanation path."""

    source: str
    rel: str
    target: str


@dataclass
class OutcomePath:
    """The nodes and relationships from the facts to an outcome, through the rule, its articles and doctrines."""

    nodes: list[PathNode] = field(default_factory=list)
    relationships: list[PathStep] = field(default_factory=list)

    def add_node(self, node_id: str, label: str, name: str | None = None) -> None:
        """Add a node once (its name falls back to its id)."""
        if not any(n["id"] == node_id for n in self.nodes):
            self.nodes.append({"id": node_id, "label": label, "name": name or node_id})

    def add(self, source: str, rel: str, target: str) -> None:
        """Add a relationship once."""
        step = PathStep(source, rel, target)
        if step not in self.relationships:
            self.relationships.append(step)


@dataclass
class RuleOutcome:
    """A rule that applies, nearly applies or is excluded on the facts, with its path."""

    id: str
    name_en: str
    name_zh: str
    framework: str
    tier: int | None
    status: RuleStatus
    #: required facts among those asked, and those not asked (sorted)
    matched: list[str]
    missing: list[str]
    #: facts asked that exclude the rule
    excluded_by: list[str]
    #: the first liability form the rule yields, if any
    liability_form: str | None
    outcomes: list[Outcome]
    articles: list[str]
    doctrines: list[str]
    #: cases that illustrate the rule
    cases: list[str]
    sources: list[str]
    path: OutcomePath


class Holding(TypedDict):
    """What a court held for one party."""

    form: str
    party: str
    share: float | None


class AppealStep(TypedDict):
    """One instance of an appeal chain, earliest first; ``disposition`` is how it dealt with the one before."""

    case: str
    disposition: str | None


@dataclass
class CaseMatch:
    """A decided case that shares facts with those asked."""

    case: str
    case_number: str | None
    name_zh: str | None
    year: int | None
    matched_facts: list[str]
    shared: int
    held: list[Holding]
    appeal_chain: list[AppealStep]
    #: facts of the case beyond those asked about (the closest pattern has fewest)
    other_facts: int = 0
    #: the similarity score (queries/similarity.py, docs/outcomes.md): IDF weights of the shared facts less half
    #: those of the case's other facts; the list is ordered by domain standing, then kind standing, then score
    score: float = 0.0
    #: why the case ranks where it does: shared facts and other facts with their weights, domain and kind
    reasons: Reasons | None = None


@dataclass
class TriggeredOutcome:
    """A duty standard, proof rule or defense the facts trigger, with the rule behind it."""

    id: str
    name_en: str
    name_zh: str
    rule: str
    framework: str
    sources: list[str]
    path: OutcomePath


@dataclass(kw_only=True)
class OutcomeReport:
    """Everything the graph says about a fact set."""

    schema_version: str = SCHEMA_VERSION
    #: the fact ids asked about, in the order given (repeats dropped)
    facts: list[str]
    #: the framework (Position id) the rules were limited to, if any
    framework: str | None
    #: names of the facts asked and of the frameworks of the rules listed, by id
    names: dict[str, Names]
    #: applying rules first, then near misses, then excluded rules; by framework, tier, id
    rules: list[RuleOutcome]
    cases: list[CaseMatch]
    #: framework → the liability forms its applying rules yield
    frameworks: dict[str, list[str]]
    duty_standards: list[TriggeredOutcome]
    proof_rules: list[TriggeredOutcome]
    defenses: list[TriggeredOutcome]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-able data (statuses as their string values)."""
        return asdict(self)

    @property
    def fired(self) -> list[RuleOutcome]:
        """The rules that apply."""
        return self.with_status(RuleStatus.APPLIES)

    def with_status(self, status: RuleStatus) -> list[RuleOutcome]:
        """The rules of one status, in report order."""
        return [r for r in self.rules if r.status == status]
