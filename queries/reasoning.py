"""Fact pattern → outcome, as a pure function: the rows the graph holds in, an :class:`OutcomeReport` out.

No store and no I/O here: :mod:`queries.outcomes` reads the rows (one read transaction) and calls
:func:`reason`. The rows are those of the named queries ``fact_names``, ``rules_for_facts`` and
``similar_cases``; tests build them by hand.

How a rule stands (:class:`RuleStatus`), for the facts asked:

* it **applies** when every fact it requires holds (one of them, if its condition is ``any``) and no fact
  that excludes it holds;
* it is **excluded** when it would apply but a fact that excludes it holds;
* it is a **near miss** when exactly one required fact is missing and no excluding fact holds;
* otherwise it is not reported (a rule one fact away that an asked fact excludes is no near miss: the
  missing fact would not make it apply).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TypedDict

from lawgraph.graph.model import BASE_LABEL, Label, RelType
from lawgraph.graph.schema_data import RuleCondition
from lawgraph.queries.outcome_report import (
    STATUS_ORDER,
    AppealStep,
    CaseMatch,
    Holding,
    Names,
    Outcome,
    OutcomePath,
    OutcomeReport,
    RuleOutcome,
    RuleStatus,
    TriggeredOutcome,
)
from lawgraph.queries.similarity import KIND_GROUP, Candidate, Domain, fact_weights, query_domains, rank

from lawgraph.errors import LawgraphError

#: outcome labels reported apart from liability forms, → the report field that lists them
TRIGGERED_KINDS: dict[str, str] = {
    Label.DUTY_STANDARD.value: "duty_standards",
    Label.PROOF_RULE.value: "proof_rules",
    Label.DEFENSE.value: "defenses",
}


class UnknownFact(LawgraphError, ValueError):
    """A fact id that is not in the vocabulary."""


# -- the rows in (the columns of the named queries) --------------------------------------------------


class FactRow(TypedDict):
    """A row of ``fact_names``: one fact of the vocabulary."""

    id: str
    labels: list[str]
    group: str | None
    name_en: str | None
    name_zh: str | None


class NodeRow(TypedDict):
    """A node a rule's path passes through, with its labels as stored."""

    id: str
    labels: list[str]
    name_en: str | None


class DutyRow(NodeRow):
    """A duty an article imposes, with a doctrine that justifies it."""

    doctrine: NodeRow


class ArticleRow(TypedDict):
    """An article or paragraph a rule is grounded in."""

    id: str
    labels: list[str]
    duties: list[DutyRow]
    doctrines: list[NodeRow]


class YieldRow(TypedDict):
    """Something a rule yields."""

    id: str
    labels: list[str]
    name_en: str | None
    name_zh: str | None


class RuleRow(TypedDict):
    """A row of ``rules_for_facts``: one rule with all that its outcome needs."""

    rule: str
    labels: list[str]
    name_en: str
    name_zh: str
    framework: str
    framework_labels: list[str] | None
    framework_name_en: str | None
    framework_name_zh: str | None
    tier: int | None
    condition: str
    required: list[str]
    excludes: list[str]
    yields: list[YieldRow]
    articles: list[ArticleRow]
    cases: list[str]
    sources: list[str] | None


class AppealLink(TypedDict):
    """An appeal: the later instance, the earlier one it reviewed, and how it dealt with it."""

    later: str
    earlier: str
    disposition: str | None


class CaseRow(TypedDict):
    """A row of ``similar_cases``."""

    case: str
    case_number: str | None
    name_zh: str | None
    year: int | None
    procedure: str | None
    facts: list[str]
    matched_facts: list[str]
    shared: int
    other_facts: int
    pattern: str
    held: list[Holding]
    appeal_links: list[AppealLink]
    chain_procedures: list[str | None]


class FactCountRow(TypedDict):
    """A row of ``fact_case_counts``: how many cases have the fact, of how many with any fact."""

    fact: str
    cases: int
    total: int


@dataclass(frozen=True)
class OutcomeRows:
    """Everything :func:`reason` reads: the fact vocabulary, the candidate rules, the candidate cases (those
    sharing a fact, which :func:`case_matches` ranks) and the fact counts their similarity weights come from."""

    facts: Sequence[FactRow]
    rules: Sequence[RuleRow]
    cases: Sequence[CaseRow]
    fact_counts: Sequence[FactCountRow] = ()


# -- the pieces --------------------------------------------------------------------------------------


def primary_label(labels: Sequence[str] | None) -> str | None:
    """A node's own label: the first one that is not the base label every node carries.

    >>> primary_label(["Entity", "Paragraph"])
    'Paragraph'
    >>> primary_label(["Article", "Entity"])
    'Article'
    >>> primary_label(None) is None
    True
    """
    own = sorted(label for label in labels or () if label != BASE_LABEL)
    return own[0] if own else None


def check_facts(facts: Sequence[str], vocabulary: Collection[str]) -> None:
    """Refuse unknown fact ids, naming the nearest known ones.

    >>> check_facts(["food-product"], {"food-product", "life-health-goods"})
    >>> check_facts(["food"], ["food-product", "life-health-goods"])
    Traceback (most recent call last):
    lawgraph.queries.reasoning.UnknownFact: unknown fact id 'food' (nearest: food-product)
    """
    known = list(vocabulary)
    unknown = [f for f in facts if f not in vocabulary]
    if unknown:
        hints = []
        for fact in unknown:
            near = [k for k in known if k.startswith(fact) or fact in k][:4]
            near += [k for k in difflib.get_close_matches(fact, known, n=4, cutoff=0.4) if k not in near]
            hints.append(f"{fact!r} (nearest: {', '.join(near) if near else 'none'})")
        raise UnknownFact("unknown fact id " + "; ".join(hints))


@dataclass(frozen=True)
class Standing:
    """How one rule stands on the facts: its status (None: not reported) and the facts behind it (sorted)."""

    status: RuleStatus | None
    matched: list[str]
    missing: list[str]
    excluded_by: list[str]


def rule_standing(condition: str, required: Sequence[str], excludes: Sequence[str],
                  facts: Collection[str]) -> Standing:
    """Whether a rule applies, nearly applies or is excluded on ``facts``.

    >>> rule_standing("all", ["a", "b"], [], {"a", "b"}).status
    <RuleStatus.APPLIES: 'fires'>
    >>> rule_standing("all", ["a", "b"], [], {"a"})
    Standing(status=<RuleStatus.NEAR_MISS: 'near-miss'>, matched=['a'], missing=['b'], excluded_by=[])
    >>> rule_standing("any", ["a", "b"], [], {"b"}).status
    <RuleStatus.APPLIES: 'fires'>
    >>> rule_standing("all", ["a", "b"], ["x"], {"a", "b", "x"}).status
    <RuleStatus.EXCLUDED: 'excluded'>

    Excluded only when the rule would otherwise apply: one required fact of four, plus an exclusion,
    is not reported at all (nor is a near miss that an asked fact excludes):

    >>> print(rule_standing("all", ["a", "b", "c", "d"], ["x"], {"a", "x"}).status)
    None
    >>> print(rule_standing("all", ["a", "b"], ["x"], {"a", "x"}).status)
    None
    """
    matched = sorted({f for f in required if f in facts})
    missing = sorted({f for f in required if f not in facts})
    excluded_by = sorted({f for f in excludes if f in facts})
    holds = bool(matched) and (condition == RuleCondition.ANY or not missing)
    if holds:
        status: RuleStatus | None = RuleStatus.EXCLUDED if excluded_by else RuleStatus.APPLIES
    elif matched and len(missing) == 1 and not excluded_by:
        status = RuleStatus.NEAR_MISS
    else:
        status = None
    return Standing(status, matched, missing, excluded_by)


def doctrine_links(article: ArticleRow) -> list[tuple[NodeRow, NodeRow | None]]:
    """The doctrines behind an article, each with the duty it justifies through (None: the article itself).

    Through the duties the article imposes when a doctrine justifies one of them; only when none does,
    the doctrines that justify the article directly. Sorted by doctrine, then duty.

    >>> doctrine = {"id": "reliance", "labels": ["Doctrine"], "name_en": "Reliance"}
    >>> duty = {"id": "necessary-measures", "labels": ["Obligation"], "name_en": "Necessary measures",
    ...         "doctrine": doctrine}
    >>> direct = {"id": "red-flag", "labels": ["Doctrine"], "name_en": "Red flag"}
    >>> [(d["id"], o and o["id"]) for d, o in doctrine_links(
    ...     {"id": "ECL:38(1)", "labels": ["Paragraph"], "duties": [duty], "doctrines": [direct]})]
    [('reliance', 'necessary-measures')]
    >>> [(d["id"], o) for d, o in doctrine_links(
    ...     {"id": "ECL:38(1)", "labels": ["Paragraph"], "duties": [], "doctrines": [direct]})]
    [('red-flag', None)]
    """
    links: dict[tuple[str, str], tuple[NodeRow, NodeRow | None]] = {}
    if article["duties"]:
        for duty in article["duties"]:
            links[(duty["doctrine"]["id"], duty["id"])] = (duty["doctrine"], duty)
    else:
        for doctrine in article["doctrines"]:
            links[(doctrine["id"], "")] = (doctrine, None)
    return [links[key] for key in sorted(links)]


def appeal_chains(links: Sequence[AppealLink]) -> dict[str, list[AppealStep]]:
    """For every case on an appeal link, its chain of instances, earliest first.

    >>> chains = appeal_chains([{"later": "B", "earlier": "A", "disposition": "reversed"},
    ...                         {"later": "C", "earlier": "B", "disposition": "upheld"}])
    >>> [(step["case"], step["disposition"]) for step in chains["B"]]
    [('A', None), ('B', 'reversed'), ('C', 'upheld')]
    >>> chains["A"] == chains["C"] == chains["B"]
    True
    """
    ordered = sorted({(link["later"], link["earlier"], link["disposition"] or "") for link in links})
    up = {earlier: (later, disposition or None) for later, earlier, disposition in ordered}
    down = {later: earlier for later, earlier, _ in ordered}
    chains: dict[str, list[AppealStep]] = {}
    for case in sorted(set(up) | set(down)):
        first, seen = case, {case}
        while first in down and down[first] not in seen:
            first = down[first]
            seen.add(first)
        chain: list[AppealStep] = [{"case": first, "disposition": None}]
        current = first
        while current in up and up[current][0] not in {step["case"] for step in chain}:
            later, disposition = up[current]
            chain.append({"case": later, "disposition": disposition})
            current = later
        chains[case] = chain
    return chains


def _outcomes(row: RuleRow) -> list[Outcome]:
    """What the rule yields, once each, by id."""
    found: dict[str, Outcome] = {}
    for y in row["yields"]:
        if y.get("id") and y["id"] not in found:
            found[y["id"]] = {"id": y["id"], "label": primary_label(y["labels"]) or "",
                              "name_en": y.get("name_en"), "name_zh": y.get("name_zh")}
    return [found[key] for key in sorted(found)]


def rule_outcome(row: RuleRow, status: RuleStatus, standing: Standing, facts: dict[str, FactRow]) -> RuleOutcome:
    """One reported rule with its path: facts → rule → outcomes, rule → articles ← duties ← doctrines."""
    outcomes = _outcomes(row)
    articles = {a["id"]: a for a in row["articles"]}
    path = OutcomePath()
    for fact in standing.matched:
        path.add_node(fact, primary_label(facts[fact]["labels"]) or "", facts[fact]["name_en"])
        path.add(row["rule"], RelType.REQUIRES.value, fact)
    path.add_node(row["rule"], primary_label(row["labels"]) or "", row["name_en"])
    framework_label = primary_label(row["framework_labels"])
    if framework_label:
        path.add_node(row["framework"], framework_label, row["framework_name_en"])
        path.add(row["framework"], RelType.PROPOSES.value, row["rule"])
    for y in outcomes:
        path.add_node(y["id"], y["label"], y["name_en"])
        path.add(row["rule"], RelType.YIELDS.value, y["id"])
    for article_id in sorted(articles):
        path.add_node(article_id, primary_label(articles[article_id]["labels"]) or "", article_id)
        path.add(row["rule"], RelType.GROUNDED_IN.value, article_id)
    doctrines: list[str] = []
    for article_id in sorted(articles):
        for doctrine, duty in doctrine_links(articles[article_id]):
            path.add_node(doctrine["id"], primary_label(doctrine["labels"]) or "", doctrine["name_en"])
            if duty is not None:
                path.add_node(duty["id"], primary_label(duty["labels"]) or "", duty["name_en"])
                path.add(article_id, RelType.IMPOSES.value, duty["id"])
                path.add(doctrine["id"], RelType.JUSTIFIES.value, duty["id"])
            else:
                path.add(doctrine["id"], RelType.JUSTIFIES.value, article_id)
            if doctrine["id"] not in doctrines:
                doctrines.append(doctrine["id"])
    forms = [y["id"] for y in outcomes if y["label"] == Label.LIABILITY_FORM.value]
    return RuleOutcome(
        id=row["rule"], name_en=row["name_en"], name_zh=row["name_zh"], framework=row["framework"],
        tier=row["tier"], status=status, matched=standing.matched, missing=standing.missing,
        excluded_by=standing.excluded_by, liability_form=forms[0] if forms else None, outcomes=outcomes,
        articles=sorted(articles), doctrines=doctrines, cases=sorted(set(row["cases"])),
        sources=list(row["sources"] or []), path=path,
    )


def engaged_forms(rules: Sequence[RuleRow], asked: Collection[str]) -> list[str]:
    """The liability forms of the rules the facts engage — those of which they hold at least half the required
    facts (every rule that applies, and e.g. the CL 286-1 offence on two of its four elements): their domains
    are the query's (:func:`queries.similarity.query_domains`).

    >>> form = {"labels": ["Entity", "LiabilityForm"]}
    >>> rows = [{"required": ["a", "b", "c", "d"], "yields": [{"id": "criminal-liability", **form}]},
    ...         {"required": ["a"], "yields": [{"id": "joint-several", **form}]}]
    >>> engaged_forms(rows, {"a"}), engaged_forms(rows, {"a", "b"})
    (['joint-several'], ['criminal-liability', 'joint-several'])
    """
    forms: list[str] = []
    for row in rules:
        if 2 * len(set(row["required"]) & set(asked)) >= len(row["required"]):
            forms += [y["id"] for y in row["yields"] if primary_label(y["labels"]) == Label.LIABILITY_FORM.value]
    return list(dict.fromkeys(forms))


def case_matches(rows: Sequence[CaseRow], facts: Sequence[str], fact_counts: Sequence[FactCountRow],
                 vocabulary: dict[str, FactRow], domains: Sequence[Domain],
                 limit: int | None = None) -> list[CaseMatch]:
    """The candidate cases ranked by :func:`queries.similarity.rank` (domain, kind, score), each with its score,
    its reasons and its appeal chain; the first ``limit``."""
    chains = appeal_chains([link for row in rows for link in row["appeal_links"]])
    weights = fact_weights({c["fact"]: c["cases"] for c in fact_counts}, max((c["total"] for c in fact_counts),
                                                                              default=0))
    kinds = {fact for fact, row in vocabulary.items() if row.get("group") == KIND_GROUP}
    by_case = {row["case"]: row for row in rows}
    candidates = [Candidate(row["case"], row["facts"], row["procedure"], [h["form"] for h in row["held"]],
                            row["chain_procedures"]) for row in rows]
    out = []
    for ranked in rank(facts, candidates, weights, kinds, domains, limit):
        row = by_case[ranked.case]
        out.append(CaseMatch(
            case=row["case"], case_number=row["case_number"], name_zh=row["name_zh"], year=row["year"],
            matched_facts=sorted(row["matched_facts"]), shared=row["shared"],
            held=[{"form": h["form"], "party": h["party"], "share": h["share"]}
                  for h in sorted(row["held"], key=lambda h: (h["party"], h["form"]))],
            appeal_chain=chains.get(row["case"], []), other_facts=row["other_facts"],
            score=ranked.score, reasons=ranked.reasons))
    return out


# -- the whole ---------------------------------------------------------------------------------------


def reason(facts: Sequence[str], framework: str | None, rows: OutcomeRows,
           case_limit: int | None = None) -> OutcomeReport:
    """The outcome report of ``facts`` (repeats dropped), from the rows the graph holds; the ``case_limit``
    nearest cases (all candidates when ``None``), the query's domains being those of its firing rules' forms.

    Unknown fact ids raise :class:`UnknownFact`. ``framework`` is recorded as asked (the rows are read for it).

    >>> rows = OutcomeRows(
    ...     facts=[{"id": "knew", "labels": ["Fact"], "group": "knowledge", "name_en": "Knew", "name_zh": "明知"},
    ...            {"id": "inaction", "labels": ["Fact"], "group": "conduct", "name_en": "No measures",
    ...             "name_zh": "未采取措施"}],
    ...     rules=[{"rule": "r1", "labels": ["Entity", "Rule"], "name_en": "Knowing inaction", "name_zh": "明知不作为",
    ...             "framework": "statute", "framework_labels": ["Entity", "Position"], "framework_name_en": "Statute",
    ...             "framework_name_zh": "法律", "tier": None, "condition": "all", "required": ["knew", "inaction"],
    ...             "excludes": [], "yields": [{"id": "joint", "labels": ["Entity", "LiabilityForm"],
    ...                                         "name_en": "Joint", "name_zh": "连带"}],
    ...             "articles": [], "cases": [], "sources": ["statute:ECL#art-38"]}],
    ...     cases=[])
    >>> report = reason(["knew", "inaction"], None, rows)
    >>> [(r.id, r.status.value, r.liability_form) for r in report.rules], report.frameworks
    ([('r1', 'fires', 'joint')], {'statute': ['joint']})
    >>> [r.status.value for r in reason(["knew"], None, rows).rules]
    ['near-miss']
    """
    facts = list(dict.fromkeys(facts))
    vocabulary = {row["id"]: row for row in rows.facts}
    check_facts(facts, vocabulary)
    asked = set(facts)
    rules: list[RuleOutcome] = []
    names: dict[str, Names] = {f: {"name_en": vocabulary[f].get("name_en"), "name_zh": vocabulary[f].get("name_zh")}
                               for f in facts}
    for row in rows.rules:
        standing = rule_standing(row["condition"], row["required"], row["excludes"], asked)
        if standing.status is None:
            continue
        rules.append(rule_outcome(row, standing.status, standing, vocabulary))
        names.setdefault(row["framework"], {"name_en": row["framework_name_en"], "name_zh": row["framework_name_zh"]})
    rules.sort(key=lambda r: (STATUS_ORDER[r.status], r.framework, r.tier or 0, r.id))

    frameworks: dict[str, list[str]] = {}
    triggered: dict[str, list[TriggeredOutcome]] = {kind: [] for kind in TRIGGERED_KINDS.values()}
    for rule in rules:
        if rule.status != RuleStatus.APPLIES:
            continue
        for y in rule.outcomes:
            if y["label"] == Label.LIABILITY_FORM.value:
                forms = frameworks.setdefault(rule.framework, [])
                if y["id"] not in forms:
                    forms.append(y["id"])
            elif y["label"] in TRIGGERED_KINDS:
                triggered[TRIGGERED_KINDS[y["label"]]].append(TriggeredOutcome(
                    y["id"], y["name_en"] or y["id"], y["name_zh"] or "", rule.id, rule.framework, rule.sources,
                    rule.path))
    domains = query_domains(engaged_forms(rows.rules, asked))
    cases = case_matches(rows.cases, facts, rows.fact_counts, vocabulary, domains, case_limit)
    return OutcomeReport(facts=facts, framework=framework, names=names, rules=rules, cases=cases,
                         frameworks=frameworks, duty_standards=triggered["duty_standards"],
                         proof_rules=triggered["proof_rules"], defenses=triggered["defenses"])
