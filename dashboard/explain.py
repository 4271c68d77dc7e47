"""The plain-language explanation of an outcome report, in English and Chinese, and the JSON document
``lawgraph outcomes --json`` prints (the report with its explanation) and that document's JSON Schema.

The sentences are templates in :data:`lawgraph.dashboard.i18n.LABELS` (keys ``explain.*``); this module
only fills them from the report. The command line and the dashboard both explain through it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypedDict

from lawgraph.dashboard.i18n import Language, t
from lawgraph.queries.outcome_report import OutcomeReport, RuleStatus

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
