"""The pieces of the Teach page: exercises drawn from real cases, the answer check, the brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lawgraph.dashboard import state
from lawgraph.dashboard.brief import case_brief
from lawgraph.dashboard.case_cards import holdings
from lawgraph.graph.model import Label
from lawgraph.queries.outcome_report import OutcomeReport

#: articles every exercise offers, besides those the graph's rules and the case itself name
CORE_ARTICLES = ("ECL:38(1)", "ECL:38(2)", "CC:1197", "CC:1198", "CRPL:44(1)", "CRPL:44(2)", "FSL:131(1)")


@dataclass(frozen=True)
class Exercise:
    case: str
    facts: tuple[str, ...]
    platform_held: tuple[str, ...]


def exercises() -> list[Exercise]:
    """Every case with facts and a holding for the platform, in case order."""
    held: dict[str, list[str]] = {}
    for row in state.rows("case_holdings", case=""):
        if row["party"] == "platform":
            held.setdefault(row["case"], []).append(row["form"])
    out = []
    for case in sorted(held):
        detail = state.rows("case_detail", id=case)
        facts = tuple(sorted(detail[0]["facts"])) if detail else ()
        if facts:
            out.append(Exercise(case, facts, tuple(held[case])))
    return out


def liability_form_options() -> list[str]:
    return sorted(i for i, v in state.vocabulary().items() if v.get("label") == Label.LIABILITY_FORM)


def article_options(exercise: Exercise, report: OutcomeReport) -> list[str]:
    detail = state.rows("case_detail", id=exercise.case)
    applied = detail[0]["applies"] if detail else []
    found = {a for r in report.rules for a in r.articles} | set(applied) | set(CORE_ARTICLES)
    return sorted(found)


def article_supported(article: str, report: OutcomeReport) -> bool:
    """Whether a firing rule rests on ``article`` (or on one of its paragraphs, or on the article of it)."""
    base = article.split("(")[0]
    return any(a == article or a.split("(")[0] == base for r in report.fired for a in r.articles)


def grounding_articles(report: OutcomeReport) -> list[str]:
    return sorted({a for r in report.fired for a in r.articles})


def brief(exercise: Exercise, report: OutcomeReport) -> str:
    detail: dict[str, Any] = (state.rows("case_detail", id=exercise.case) or [{"case": exercise.case}])[0]
    return case_brief(detail, holdings(exercise.case), report, state.vocabulary())
