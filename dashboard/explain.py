"""The plain-language explanation of an outcome report, in English and Chinese, and the JSON document
``lawgraph outcomes --json`` prints (the report with its explanation) and that document's JSON Schema.

The sentences are templates in :data:`lawgraph.dashboard.i18n.LABELS` (keys ``explain.*``); this module
only fills them from the report. The command line and the dashboard both explain through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypedDict

from lawgraph.dashboard.i18n import DOMAINS, Language, pick, t
from lawgraph.queries.outcome_report import OutcomeReport, RuleStatus
from lawgraph.queries.similarity import Reasons

#: most applying rules and near misses an explanation names
MAX_RULES = 8
MAX_NEAR = 5


class Explanation(TypedDict):
    """The explanation in English and in Chinese."""

    en: str
    zh: str


@dataclass(kw_only=True)
class ExplainedReport(OutcomeReport):
    """An outcome report with its explanation: the document ``lawgraph outcomes --json`` prints."""

    explanation: Explanation


def _name(names: dict[str, Any], item_id: str, lang: Language) -> str:
    return str((names.get(item_id) or {}).get(f"name_{lang}") or item_id)


def explain(report: OutcomeReport, lang: Language) -> str:
    """The report in a few sentences of ``lang``, citing the rules' sources."""
    sep, item_sep = t("explain.list_sep", lang), t("explain.item_sep", lang)
    facts = sep.join(_name(report.names, f, lang) for f in report.facts)
    fired = report.with_status(RuleStatus.APPLIES)
    sentences = [t("explain.facts" if fired else "explain.facts_none", lang).format(facts=facts)]
    for rule in fired[:MAX_RULES]:
        justified = t("explain.justified", lang).format(doctrines=", ".join(rule.doctrines)) if rule.doctrines else ""
        sentences.append(t("explain.rule", lang).format(
            framework=_name(report.names, rule.framework, lang),
            rule=getattr(rule, f"name_{lang}"),
            outcomes=sep.join(y.get(f"name_{lang}") or y["id"] for y in rule.outcomes),
            articles=", ".join(rule.articles) or t("explain.no_article", lang),
            justified=justified,
            sources="; ".join(rule.sources),
        ))
    near = report.with_status(RuleStatus.NEAR_MISS)
    if near:
        items = item_sep.join(t("explain.near_item", lang).format(
            id=r.id, name=getattr(r, f"name_{lang}"), missing=sep.join(r.missing)) for r in near[:MAX_NEAR])
        sentences.append(t("explain.near", lang).format(items=items))
    if report.cases:
        top = report.cases[0]
        held = ", ".join(
            f"{h['party']}: {h['form']}" + (f" {h['share']:.0%}" if h.get("share") is not None else "")
            for h in top.held
        ) or t("case.no_holding", lang)
        sentences.append(t("explain.case", lang).format(case=top.case, shared=top.shared, held=held))
    return t("explain.sentence_sep", lang).join(sentences)


@dataclass
class Step:
    """One numbered step of an explanation: what it says, and the sources it rests on."""

    #: facts, rule, article, doctrine, case or near (the kind of step, as in ``explain.step.*``)
    kind: str
    text: str
    sources: list[str]


def steps(report: OutcomeReport, lang: Language, name: Callable[[str], str] | None = None) -> list[Step]:
    """The explanation as short steps in ``lang``: facts → rules → articles → doctrines → cases (→ near misses).

    ``name`` names a fact, doctrine or case by id (default: the report's names, else the id).
    """
    name = name or (lambda item: _name(report.names, item, lang))
    sep = t("explain.list_sep", lang)
    fired = report.with_status(RuleStatus.APPLIES)
    out = [Step("facts", t("explain.step.facts", lang).format(facts=sep.join(name(f) for f in report.facts)), [])]
    if not fired:
        out.append(Step("rule", t("explain.step.no_rule", lang), []))
    shown = fired[:MAX_RULES]
    for rule in shown:
        out.append(Step("rule", t("explain.step.rule", lang).format(
            rule=getattr(rule, f"name_{lang}"), framework=_name(report.names, rule.framework, lang),
            outcomes=sep.join(y.get(f"name_{lang}") or y["id"] for y in rule.outcomes)),
            [s for s in rule.sources if not s.startswith("statute:")] or rule.sources))
    articles = sorted({a for rule in shown for a in rule.articles})
    if articles:
        out.append(Step("article", t("explain.step.articles", lang).format(articles=sep.join(articles)),
                        sorted({s for rule in shown for s in rule.sources if s.startswith("statute:")})))
    doctrines = sorted({d for rule in shown for d in rule.doctrines})
    if doctrines:
        out.append(Step("doctrine", t("explain.step.doctrines", lang).format(doctrines=sep.join(
            name(d) for d in doctrines)), sorted({s for rule in shown if rule.doctrines for s in rule.sources
                                                  if not s.startswith("statute:")})))
    if report.cases:
        top = report.cases[0]
        held = sep.join(f"{h['party']}: {name(h['form'])}" for h in top.held) or t("case.no_holding", lang)
        why = case_reason(top.reasons, top.score, name, lang) if top.reasons else ""
        out.append(Step("case", t("explain.step.case", lang).format(
            case=top.case_number or top.case, held=held, why=why), [top.case]))
    near = report.with_status(RuleStatus.NEAR_MISS)[:MAX_NEAR]
    if near:
        out.append(Step("near", t("explain.step.near", lang).format(items=t("explain.item_sep", lang).join(
            t("explain.step.near_item", lang).format(name=getattr(r, f"name_{lang}"),
                                                     missing=sep.join(name(f) for f in r.missing)) for r in near)),
            sorted({s for r in near for s in r.sources})))
    return out


def case_reason(reasons: Reasons, score: float, name: Callable[[str], str], lang: Language) -> str:
    """Why a similar case ranks where it does, in one line of ``lang`` (``name`` names a fact).

    >>> from lawgraph.queries.similarity import Candidate, Domain, score_case
    >>> ranked = score_case(["food", "knew"], Candidate("A", ["food", "negligent"], "civil-first-instance"),
    ...                     {"food": 1.48, "knew": 2.89, "negligent": 2.25}, {"food"}, [Domain.CIVIL])
    >>> case_reason(ranked.reasons, ranked.score, str, "en")
    'civil law, as the facts · same goods or service · shares food +1.48 · against it negligent −1.12 · score 0.35'
    """
    sep = t("explain.list_sep", lang)
    domain = reasons.domain
    text = t(f"explain.why.domain.{domain.standing.value}", lang).format(
        domain=pick(DOMAINS.get(domain.case or ""), domain.case or "", lang),
        query=sep.join(pick(DOMAINS.get(d), d, lang) for d in domain.query))
    if domain.derived and domain.source:
        text += t("explain.why.derived", lang).format(source=t(f"explain.why.source.{domain.source}", lang))
    parts = [text, t(f"explain.why.kind.{reasons.kind.standing.value}", lang)]
    if reasons.shared:
        parts.append(t("explain.why.shared", lang).format(
            facts=sep.join(f"{name(f.fact)} +{f.counted:.2f}" for f in reasons.shared)))
    against = [f for f in reasons.other if f.counted]
    if against:
        parts.append(t("explain.why.other", lang).format(
            facts=sep.join(f"{name(f.fact)} −{-f.counted:.2f}" for f in against)))
    parts.append(t("explain.why.score", lang).format(score=score))
    return " · ".join(parts)


def explanation(report: OutcomeReport) -> Explanation:
    """The explanation in both languages."""
    return {"en": explain(report, "en"), "zh": explain(report, "zh")}


def explained(report: OutcomeReport) -> ExplainedReport:
    """The report with its explanation."""
    return ExplainedReport(**{f.name: getattr(report, f.name) for f in fields(report)},
                           explanation=explanation(report))


def report_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`ExplainedReport`, generated from the dataclasses (pydantic)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(ExplainedReport).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
