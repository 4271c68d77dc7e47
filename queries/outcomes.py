"""Fact pattern → outcome: which rules fire, which nearly do, what courts did, and why — with paths.

Everything here is read through named queries (:mod:`queries.library`), so it runs the same on
the embedded store and on Neo4j.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field
from typing import Any

from lawgraph.graph.model import PATTERN_TOP_CASES, Label
from lawgraph.queries.library import QueryLibrary

from lawgraph.errors import LawgraphError

#: rules whose outcomes are reported apart from liability forms (issue: the papers' other frameworks)
OUTCOME_KINDS: dict[str, str] = {
    Label.LIABILITY_FORM.value: "liability_forms",
    Label.DUTY_STANDARD.value: "duty_standards",
    Label.PROOF_RULE.value: "proof_rules",
    Label.DEFENSE.value: "defenses",
}


class UnknownFact(LawgraphError, ValueError):
    """A fact id that is not in the vocabulary."""


@dataclass
class PathStep:
    """One relationship of an explanation path."""

    source: str
    rel: str
    target: str


@dataclass
class OutcomePath:
    """The nodes and relationships from the facts to an outcome, through the rule, its articles and doctrines."""

    nodes: list[dict[str, str]] = field(default_factory=list)
    relationships: list[PathStep] = field(default_factory=list)

    def add_node(self, node_id: str, label: str, name: str | None = None) -> None:
        if not any(n["id"] == node_id for n in self.nodes):
            self.nodes.append({"id": node_id, "label": label, "name": name or node_id})

    def add(self, source: str, rel: str, target: str) -> None:
        step = PathStep(source, rel, target)
        if step not in self.relationships:
            self.relationships.append(step)


@dataclass
class RuleOutcome:
    id: str
    name_en: str
    name_zh: str
    framework: str
    tier: int | None
    status: str  # fires | near-miss | excluded
    matched: list[str]
    missing: list[str]
    excluded_by: list[str]
    liability_form: str | None
    outcomes: list[dict[str, Any]]
    articles: list[str]
    doctrines: list[str]
    cases: list[str]
    sources: list[str]
    path: OutcomePath


@dataclass
class CaseMatch:
    case: str
    case_number: str | None
    name_zh: str | None
    year: int | None
    matched_facts: list[str]
    shared: int
    held: list[dict[str, Any]]
    appeal_chain: list[dict[str, Any]]
    #: facts of the case beyond those asked about (the closest pattern has fewest)
    other_facts: int = 0


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


@dataclass
class OutcomeReport:
    facts: list[str]
    framework: str | None
    rules: list[RuleOutcome]
    cases: list[CaseMatch]
    frameworks: dict[str, list[str]]
    duty_standards: list[TriggeredOutcome]
    proof_rules: list[TriggeredOutcome]
    defenses: list[TriggeredOutcome]
    explanation: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def fired(self) -> list[RuleOutcome]:
        return [r for r in self.rules if r.status == "fires"]


def _fact_vocabulary(lib: QueryLibrary) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in lib.run("fact_names")}


def check_facts(facts: list[str], vocabulary: dict[str, dict[str, Any]]) -> None:
    """Refuse unknown fact ids, naming the nearest known ones."""
    unknown = [f for f in facts if f not in vocabulary]
    if unknown:
        hints = []
        for fact in unknown:
            near = [k for k in vocabulary if k.startswith(fact) or fact in k][:4]
            near += [k for k in difflib.get_close_matches(fact, list(vocabulary), n=4, cutoff=0.4) if k not in near]
            hints.append(f"{fact!r} (nearest: {', '.join(near) if near else 'none'})")
        raise UnknownFact("unknown fact id " + "; ".join(hints))


def _appeal_chains(lib: QueryLibrary, cases: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each of ``cases`` (and the instances linked to them), its chain of APPEAL_OF, earliest first."""
    links = lib.run("appeal_links", cases=cases) if cases else []
    up: dict[str, dict[str, Any]] = {row["earlier"]: row for row in links}
    down: dict[str, dict[str, Any]] = {row["later"]: row for row in links}
    chains: dict[str, list[dict[str, Any]]] = {}
    for case in set(up) | set(down):
        first = case
        seen = {first}
        while first in down and down[first]["earlier"] not in seen:
            first = down[first]["earlier"]
            seen.add(first)
        chain = [{"case": first, "disposition": None}]
        current = first
        while current in up and up[current]["later"] not in {c["case"] for c in chain}:
            row = up[current]
            chain.append({"case": row["later"], "disposition": row["disposition"]})
            current = row["later"]
        chains[case] = chain
    return chains


def outcomes(lib: QueryLibrary, facts: list[str], framework: str | None = None, case_limit: int = 10) -> OutcomeReport:
    """Everything the graph says about a fact set.

    Parameters
    ----------
    lib : QueryLibrary
        On either store.
    facts : list of str
        Fact ids (see the ``facts`` query); unknown ids raise :class:`UnknownFact`.
    framework : str, optional
        A Position id: only that framework's rules.
    """
    if not 0 < case_limit <= PATTERN_TOP_CASES:
        raise ValueError(f"case_limit must be between 1 and {PATTERN_TOP_CASES}, not {case_limit}")
    facts = list(dict.fromkeys(facts))
    vocabulary = _fact_vocabulary(lib)
    check_facts(facts, vocabulary)
    candidates = lib.run("rules_for_facts", facts=facts, framework=framework)
    selected: list[tuple[dict[str, Any], str]] = []
    for row in candidates:
        if row["excluded_by"]:
            status = "excluded"
        elif row["condition"] == "any" or not row["missing"]:
            status = "fires"
        elif len(row["missing"]) == 1:
            status = "near-miss"
        else:
            continue
        selected.append((row, status))
    ids = [row["rule"] for row, _ in selected]
    details = {d["rule"]: d for d in lib.run("rule_details", ids=ids)} if ids else {}
    doctrine_rows = lib.run("rule_paths", rules=ids) if ids else []
    positions = {p["id"]: p for p in lib.run("positions_named", ids=sorted({r["framework"] for r, _ in selected}))}

    rules: list[RuleOutcome] = []
    for row, status in selected:
        detail = details.get(row["rule"], {})
        # collect() order differs between engines: sort, so both stores explain alike
        yields = sorted((y for y in detail.get("yields", []) if y.get("id")), key=lambda y: y["id"])
        detail["articles"] = sorted(detail.get("articles", []))
        detail["cases"] = sorted(detail.get("cases", []))
        row["matched"], row["missing"] = sorted(row["matched"]), sorted(row["missing"])
        forms = [y["id"] for y in yields if y.get("label") == Label.LIABILITY_FORM.value]
        path = OutcomePath()
        for fact in row["matched"]:
            path.add_node(fact, "Fact", vocabulary[fact].get("name_en"))
            path.add(row["rule"], "REQUIRES", fact)
        path.add_node(row["rule"], "Rule", row["name_en"])
        position = positions.get(row["framework"], {})
        path.add_node(row["framework"], "Position", position.get("name_en"))
        path.add(row["framework"], "PROPOSES", row["rule"])
        for y in yields:
            path.add_node(y["id"], y["label"], y.get("name_en"))
            path.add(row["rule"], "YIELDS", y["id"])
        for article in detail.get("articles", []):
            path.add_node(article, "Paragraph" if "(" in article else "Article", article)
            path.add(row["rule"], "GROUNDED_IN", article)
        doctrines: list[str] = []
        for d in (d for d in doctrine_rows if d["rule"] == row["rule"]):
            path.add_node(d["doctrine"], "Doctrine", d["doctrine_name_en"])
            if d["obligation"]:
                path.add_node(d["obligation"], "Obligation", d["obligation"])
                path.add(d["article"], "IMPOSES", d["obligation"])
                path.add(d["doctrine"], "JUSTIFIES", d["obligation"])
            else:
                path.add(d["doctrine"], "JUSTIFIES", d["article"])
            if d["doctrine"] not in doctrines:
                doctrines.append(d["doctrine"])
        rules.append(RuleOutcome(
            id=row["rule"], name_en=row["name_en"], name_zh=row["name_zh"], framework=row["framework"],
            tier=row["tier"], status=status, matched=row["matched"], missing=row["missing"],
            excluded_by=row["excluded_by"], liability_form=forms[0] if forms else None, outcomes=yields,
            articles=detail.get("articles", []), doctrines=doctrines, cases=detail.get("cases", []),
            sources=detail.get("sources") or [], path=path,
        ))
    rules.sort(key=lambda r: ({"fires": 0, "near-miss": 1, "excluded": 2}[r.status], r.framework, r.tier or 0, r.id))

    similar = lib.run("similar_cases", facts=facts, limit=case_limit) if facts else []
    chains = _appeal_chains(lib, [row["case"] for row in similar])
    cases = [
        CaseMatch(case=row["case"], case_number=row["case_number"], name_zh=row["name_zh"], year=row["year"],
                  matched_facts=sorted(row["matched_facts"]), shared=row["shared"],
                  held=sorted(row["held"], key=lambda h: (h["party"], h["form"])),
                  appeal_chain=chains.get(row["case"], []), other_facts=row["other_facts"])
        for row in similar
    ]
    frameworks: dict[str, list[str]] = {}
    triggered: dict[str, list[TriggeredOutcome]] = {"duty_standards": [], "proof_rules": [], "defenses": []}
    for rule in rules:
        if rule.status != "fires":
            continue
        for y in rule.outcomes:
            kind = OUTCOME_KINDS.get(y["label"])
            if kind == "liability_forms":
                frameworks.setdefault(rule.framework, [])
                if y["id"] not in frameworks[rule.framework]:
                    frameworks[rule.framework].append(y["id"])
            elif kind:
                triggered[kind].append(TriggeredOutcome(y["id"], y.get("name_en") or y["id"], y.get("name_zh") or "",
                                                        rule.id, rule.framework, rule.sources, rule.path))
    explanation = explain(facts, rules, cases, vocabulary, positions)
    return OutcomeReport(facts, framework, rules, cases, frameworks, triggered["duty_standards"],
                         triggered["proof_rules"], triggered["defenses"], explanation)


def explain(facts: list[str], rules: list[RuleOutcome], cases: list[CaseMatch],
            vocabulary: dict[str, dict[str, Any]], positions: dict[str, dict[str, Any]]) -> dict[str, str]:
    """A short plain-language explanation in English and Chinese, citing sources."""
    fired = [r for r in rules if r.status == "fires"]
    names_en = ", ".join(vocabulary[f].get("name_en") or f for f in facts)
    names_zh = "、".join(vocabulary[f].get("name_zh") or f for f in facts)
    if not fired:
        en = [f"On these facts ({names_en}) no rule in the graph fires."]
        zh = [f"依据所选事实（{names_zh}），图谱中没有规则被触发。"]
    else:
        en = [f"Facts: {names_en}."]
        zh = [f"事实：{names_zh}。"]
    for rule in fired[:8]:
        outcome_en = ", ".join(y.get("name_en") or y["id"] for y in rule.outcomes)
        outcome_zh = "、".join(y.get("name_zh") or y["id"] for y in rule.outcomes)
        frame = positions.get(rule.framework, {})
        articles = ", ".join(rule.articles) or "no article (see the rule's note)"
        doctrines = f"; justified by {', '.join(rule.doctrines)}" if rule.doctrines else ""
        cite = "; ".join(rule.sources)
        en.append(f"Under {frame.get('name_en') or rule.framework}, rule '{rule.name_en}' yields {outcome_en} "
                  f"(grounded in {articles}{doctrines}) [{cite}].")
        framework_zh = frame.get("name_zh") or rule.framework
        zh.append(f"依{framework_zh}，{rule.name_zh}：{outcome_zh}（依据：{articles}）[{cite}]。")
    near = [r for r in rules if r.status == "near-miss"]
    if near:
        en.append("Near misses: " + "; ".join(f"{r.id} lacks {', '.join(r.missing)}" for r in near[:5]) + ".")
        missing_zh = "；".join(f"{r.name_zh}（缺：{'、'.join(r.missing)}）" for r in near[:5])
        zh.append(f"差一项事实即可适用的规则：{missing_zh}。")
    if cases:
        top = cases[0]
        held = ", ".join(
            f"{h['party']}: {h['form']}" + (f" {h['share']:.0%}" if h.get("share") is not None else "")
            for h in top.held
        ) or "no holding recorded"
        en.append(f"Closest decided case: {top.case} ({top.shared} shared fact(s)); held {held}.")
        zh.append(f"最相近的判例：{top.case}（共同事实 {top.shared} 项）。")
    return {"en": " ".join(en), "zh": "".join(zh)}
