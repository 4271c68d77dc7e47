"""Which decided cases are nearest to a fact set, as a lawyer would rank them — a pure function of rows.

A lawyer asked "which cases are like mine?" looks first at cases of the same kind of proceeding (a civil
claim is not answered by a criminal conviction), then at cases about the same kind of goods or service,
and only then counts facts — the rare facts more than the common ones, and the facts the case has that
the query does not as a point against it. :func:`rank` does exactly that, in that order:

1. **Domain** (civil / criminal / administrative). The query's domains are those of the liability forms of
   the rules its facts engage — at least half of a rule's required facts (:func:`query_domains`,
   ``queries.reasoning.engaged_forms``); a case's domain is read from its recorded procedure
   (``civil-second-instance`` → civil), else *derived* from what it held or from the procedure of another
   instance of its appeal chain (:func:`case_domain`). A case whose domain is known and not among the
   query's is listed after every case whose domain matches or is unknown.
2. **Kind of goods or service**: the facts of the ``product-risk`` group (food, accommodation, transport,
   live-streaming, life-and-health goods …). A case that names such a fact and shares none with the query
   (which names one too) is listed after the cases that share one or say nothing.
3. **Score** within each such group (:func:`fact_weights`, :func:`score_case`)::

       weight(f) = ln(1 + N / df(f))                      N = cases with facts, df(f) = cases with fact f
       score     = sum(weight(f) for f shared)  -  PENALTY * sum(weight(f) for f the case has, the query not)

   with ``PENALTY = 0.5``; a case's extra ``product-risk`` facts are not held against it when the kinds
   match (they describe the same goods more fully: a food case is also a life-and-health case).

Every result carries its :class:`Reasons`: the shared facts with their weights, the case's other facts with
what each cost, the domain and kind standing (and whether the domain was derived). docs/outcomes.md shows
the formula on the papers' cases.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from lawgraph.graph.schema_data import FactGroup

#: how much a fact the case has and the query lacks counts against the case, relative to a shared one
PENALTY = 0.5

#: the fact group whose facts name the kind of goods or service (data/knowledge/facts.yaml ``group``)
KIND_GROUP = FactGroup.PRODUCT_RISK.value


class Domain(StrEnum):
    CIVIL = "civil"
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


class Standing(StrEnum):
    """How a case stands to the query on domain or kind; the order of the members is the ranking order."""

    MATCH = "match"
    UNKNOWN = "unknown"
    MISMATCH = "mismatch"


_STANDING_ORDER = {s: i for i, s in enumerate(Standing)}

#: outcomes (LiabilityForm ids) that are not civil liability; every other liability form is civil
OUTCOME_DOMAINS: dict[str, Domain] = {
    "criminal-liability": Domain.CRIMINAL,
    "administrative-penalty": Domain.ADMINISTRATIVE,
}

#: the first word of a procedure id (ingest/case_numbers.py PROCEDURES) → its domain; ``ip-civil-…`` is civil
_PROCEDURE_DOMAINS: dict[str, Domain] = {
    "civil": Domain.CIVIL, "ip": Domain.CIVIL, "criminal": Domain.CRIMINAL, "administrative": Domain.ADMINISTRATIVE,
}


def domain_of_procedure(procedure: str | None) -> Domain | None:
    """The domain of a procedure id; ``None`` for none or for one outside the three (enforcement).

    >>> domain_of_procedure("civil-second-instance"), domain_of_procedure("ip-civil-first-instance")
    (<Domain.CIVIL: 'civil'>, <Domain.CIVIL: 'civil'>)
    >>> domain_of_procedure("criminal-first-instance").value, domain_of_procedure("enforcement")
    ('criminal', None)
    """
    return _PROCEDURE_DOMAINS.get(procedure.split("-")[0]) if procedure else None


def domain_of_outcome(outcome: str) -> Domain:
    """The domain of an outcome (a LiabilityForm id).

    >>> [domain_of_outcome(o).value for o in ("joint-several", "criminal-liability", "administrative-penalty")]
    ['civil', 'criminal', 'administrative']
    """
    return OUTCOME_DOMAINS.get(outcome, Domain.CIVIL)


def query_domains(fired_outcomes: Iterable[str]) -> list[Domain]:
    """The domains of a query: those of the liability forms of the rules it engages (none: no domain).

    >>> [d.value for d in query_domains(["joint-several", "administrative-penalty", "joint-several"])]
    ['civil', 'administrative']
    >>> query_domains([])
    []
    """
    return list(dict.fromkeys(domain_of_outcome(o) for o in fired_outcomes))


@dataclass(frozen=True)
class CaseDomain:
    """A case's domain and where it was read: ``procedure`` (recorded) or, derived, ``holding`` /
    ``appeal-chain``; ``domain`` is ``None`` when none of them tells."""

    domain: Domain | None
    source: str | None

    @property
    def derived(self) -> bool:
        return self.source not in (None, "procedure")


def case_domain(procedure: str | None, held: Iterable[str] = (),
                chain_procedures: Iterable[str | None] = ()) -> CaseDomain:
    """A case's domain: its recorded procedure, else (derived) what it held, else another instance's procedure.

    >>> case_domain("criminal-first-instance", ["criminal-liability"])
    CaseDomain(domain=<Domain.CRIMINAL: 'criminal'>, source='procedure')
    >>> case_domain(None, ["joint-several"]).source, case_domain(None, [], ["civil-second-instance"]).domain.value
    ('holding', 'civil')
    >>> case_domain(None)
    CaseDomain(domain=None, source=None)
    """
    if (domain := domain_of_procedure(procedure)) is not None:
        return CaseDomain(domain, "procedure")
    held_domains = {domain_of_outcome(form) for form in held}
    if len(held_domains) == 1:
        return CaseDomain(held_domains.pop(), "holding")
    chain_domains = {d for p in chain_procedures if (d := domain_of_procedure(p)) is not None}
    if len(chain_domains) == 1:
        return CaseDomain(chain_domains.pop(), "appeal-chain")
    return CaseDomain(None, None)


def fact_weights(case_counts: Mapping[str, int], total: int) -> dict[str, float]:
    """Each fact's weight, ``ln(1 + total / df)``: a fact few cases have discriminates more.

    >>> {f: round(w, 2) for f, w in fact_weights({"rare": 1, "common": 9}, total=18).items()}
    {'rare': 2.94, 'common': 1.1}
    """
    return {fact: math.log(1 + total / count) for fact, count in case_counts.items() if count > 0}


@dataclass(frozen=True)
class WeightedFact:
    fact: str
    weight: float
    #: what the fact added to (shared) or took from (the case's other facts) the score; 0 when not counted
    counted: float


@dataclass(frozen=True)
class DomainReason:
    standing: Standing
    query: list[str]
    case: str | None
    #: where the case's domain was read: procedure (recorded), holding or appeal-chain (derived), or None
    source: str | None
    derived: bool


@dataclass(frozen=True)
class KindReason:
    standing: Standing
    query: list[str]
    case: list[str]


@dataclass(frozen=True)
class Reasons:
    """Why a case ranks where it does."""

    shared: list[WeightedFact]
    #: the case's facts the query lacks (``counted`` 0 for a kind fact when the kinds match)
    other: list[WeightedFact]
    domain: DomainReason
    kind: KindReason


@dataclass(frozen=True)
class Candidate:
    """What :func:`rank` needs of a case: its facts and what tells its domain."""

    case: str
    facts: Sequence[str]
    procedure: str | None = None
    held: Sequence[str] = ()
    chain_procedures: Sequence[str | None] = ()


@dataclass(frozen=True)
class Ranked:
    case: str
    score: float
    reasons: Reasons

    @property
    def sort_key(self) -> tuple[int, int, float, str]:
        """Domain standing, kind standing, score (highest first), case id."""
        return (_STANDING_ORDER[self.reasons.domain.standing], _STANDING_ORDER[self.reasons.kind.standing],
                -self.score, self.case)


def _standing_of_domain(query: Sequence[Domain], case: Domain | None) -> Standing:
    if not query or case is None:
        return Standing.UNKNOWN
    return Standing.MATCH if case in query else Standing.MISMATCH


def _standing_of_kind(query: set[str], case: set[str]) -> Standing:
    if not query or not case:
        return Standing.UNKNOWN
    return Standing.MATCH if query & case else Standing.MISMATCH


def score_case(query: Sequence[str], candidate: Candidate, weights: Mapping[str, float],
               kind_facts: set[str], domains: Sequence[Domain]) -> Ranked:
    """One case's score and reasons (see the module's docstring for the formula).

    A fact missing from ``weights`` (no case has it) weighs as a fact of one case would not: 0.

    >>> w = {"food": 1.5, "knew": 3.0, "negligent": 2.0, "life-health": 1.0}
    >>> r = score_case(["food", "knew"], Candidate("A", ["food", "negligent", "life-health"], "civil-first-instance"),
    ...                w, {"food", "life-health"}, [Domain.CIVIL])
    >>> r.score, [(f.fact, f.counted) for f in r.reasons.other], r.reasons.kind.standing.value
    (0.5, [('life-health', 0.0), ('negligent', -1.0)], 'match')
    """
    asked = set(query)
    facts = set(candidate.facts)
    kind_query, kind_case = asked & kind_facts, facts & kind_facts
    kind = _standing_of_kind(kind_query, kind_case)
    shared = [WeightedFact(f, weights.get(f, 0.0), weights.get(f, 0.0)) for f in sorted(asked & facts)]
    other = []
    for fact in sorted(facts - asked):
        weight = weights.get(fact, 0.0)
        spared = kind == Standing.MATCH and fact in kind_facts
        other.append(WeightedFact(fact, weight, 0.0 if spared else -PENALTY * weight))
    score = round(sum(f.counted for f in shared) + sum(f.counted for f in other), 4)
    domain = case_domain(candidate.procedure, candidate.held, candidate.chain_procedures)
    standing = _standing_of_domain(domains, domain.domain)
    reasons = Reasons(
        shared=shared, other=other,
        domain=DomainReason(standing, [d.value for d in domains], domain.domain.value if domain.domain else None,
                            domain.source, domain.derived),
        kind=KindReason(kind, sorted(kind_query), sorted(kind_case)),
    )
    return Ranked(candidate.case, score, reasons)


def rank(query: Sequence[str], candidates: Iterable[Candidate], weights: Mapping[str, float],
         kind_facts: Iterable[str], domains: Sequence[Domain], limit: int | None = None) -> list[Ranked]:
    """The candidates best first: domain standing, then kind standing, then score (then case id).

    >>> w = {"knew": 3.0, "no-measures": 2.3, "food": 1.5, "intent": 3.0}
    >>> cases = [Candidate("criminal", ["knew", "no-measures", "intent"], "criminal-first-instance"),
    ...          Candidate("civil food", ["food"], "civil-first-instance"),
    ...          Candidate("civil, no kind", ["no-measures"], "civil-first-instance")]
    >>> [(r.case, r.score) for r in rank(["food", "knew", "no-measures"], cases, w, {"food"}, [Domain.CIVIL])]
    [('civil food', 1.5), ('civil, no kind', 2.3), ('criminal', 3.8)]
    """
    kinds = set(kind_facts)
    ranked = [score_case(query, c, weights, kinds, domains) for c in candidates]
    ranked.sort(key=lambda r: r.sort_key)
    return ranked[:limit] if limit is not None else ranked
