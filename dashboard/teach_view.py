"""The pieces of the Teach page: the exercises (data/teach/exercises.yaml) with their facts, the graph's
prediction and the court's (or the paper's) answer, and the printable brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lawgraph.dashboard import state
from lawgraph.dashboard.brief import case_brief
from lawgraph.dashboard.case_cards import holdings
from lawgraph.dashboard.exercises import Exercise, answer, exercises_in, predicted
from lawgraph.queries.outcome_report import OutcomeReport


@dataclass(frozen=True)
class Lesson:
    """One exercise as the page shows it: its facts, what the graph predicts per framework, the answer."""

    exercise: Exercise
    facts: tuple[str, ...]
    recorded: tuple[str, ...]
    report: OutcomeReport
    predicted: dict[str, list[str]]
    #: "court" or "paper", and the outcomes it gave (empty: not reported)
    answered_by: str
    answer: list[str]

    @property
    def predicted_all(self) -> list[str]:
        return list(dict.fromkeys(o for found in self.predicted.values() for o in found))

    @property
    def agrees(self) -> bool:
        return bool(self.answer) and set(self.answer) == set(self.predicted_all)


def exercises() -> list[Exercise]:
    return list(exercises_in(state.settings().data_dir))


def lesson(exercise: Exercise) -> Lesson:
    """The exercise read against the graph: the case's recorded facts, the report, the prediction."""
    detail = state.rows("case_detail", id=exercise.case) if exercise.case else []
    recorded = tuple(sorted(detail[0]["facts"])) if detail else ()
    facts = tuple(exercise.facts(recorded))
    report = state.outcome_report(facts)
    by, given = answer(exercise, holdings(exercise.case) if exercise.case else [])
    return Lesson(exercise, facts, recorded, report, predicted(exercise, report.rules), by, given)


def reached_elsewhere(lesson: Lesson, outcome: str) -> list[str]:
    """The frameworks whose firing rules reach ``outcome`` on the lesson's facts outside the question asked
    (another framework, or another field of law: the civil joint liability on the 快播案 facts)."""
    asked = lesson.predicted
    return list(dict.fromkeys(
        rule.framework for rule in lesson.report.fired if any(o["id"] == outcome for o in rule.outcomes)
        and not (rule.framework in asked and outcome in asked[rule.framework])))


def answer_options(exercise: Exercise) -> list[str]:
    """Every outcome of the kind the exercise asks about (liability forms, duty standards …)."""
    return sorted(i for i, v in state.vocabulary().items() if v.get("label") == exercise.asks)


def framework_rules(lesson: Lesson) -> list[Any]:
    """The firing rules behind the prediction (of the exercise's frameworks, yielding what was asked)."""
    wanted = set(lesson.predicted_all)
    return [r for r in lesson.report.fired
            if r.framework in lesson.predicted and any(o["id"] in wanted for o in r.outcomes)]


def brief(lesson: Lesson) -> str:
    case = lesson.exercise.case
    detail: dict[str, Any] = (state.rows("case_detail", id=case) if case else []) or [
        {"case": lesson.exercise.id, "facts": list(lesson.facts)}]
    return case_brief(detail[0], holdings(case) if case else [], lesson.report, state.vocabulary())
