"""The Teach page's exercises (data/teach/exercises.yaml): the model, the loader, and the graph's prediction.

An exercise asks one question within one domain (civil, criminal, administrative) about one kind of outcome
(liability form, duty standard, proof rule, defense) under one or more frameworks. Its facts are the case's
recorded facts plus the facts it states (each with its source); a paper's hypothetical has no case and
states all its facts. :func:`predicted` reads the graph's answer from an outcome report of those facts:
what the named frameworks' firing rules yield, of the kind asked, in the exercise's domain — so a civil
rule that fires on the 快播案 facts does not answer the criminal question. The file's own ``predicted``
list is checked against it by tests/test_teach.py on the real store.

No Streamlit here: the page (app_pages/teach.py) and teach_view add the store reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from lawgraph.graph.schema_data import Label
from lawgraph.ingest.errors import DataError, SourceLocation
from lawgraph.ingest.yaml_source import iter_items, load_yaml_documents, plain
from lawgraph.queries.similarity import Domain, domain_of_outcome
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

#: where the exercises live, under the data folder
EXERCISES_FILE = Path("teach") / "exercises.yaml"

#: the kinds of outcome an exercise can ask about
ASKABLE = (Label.LIABILITY_FORM, Label.DUTY_STANDARD, Label.PROOF_RULE, Label.DEFENSE)
Reason = Literal["paper-critique", "fact-not-modelled", "court-own-way", "other-ground", "not-reported"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatedFact(_Strict):
    """A fact the exercise adds to the case's record (or, for a hypothetical, states), with its source."""

    fact: str
    sources: list[str] = Field(min_length=1)
    note_en: str
    note_zh: str


class Answer(_Strict):
    """An answer given in the file: the court's (when the graph does not record it) or a paper's."""

    outcomes: list[str]
    sources: list[str] = Field(min_length=1)


class Difference(_Strict):
    """Why the graph's prediction and the court's (or the paper's) answer part, or what is not known."""

    reason: Reason
    en: str
    zh: str
    sources: list[str] = Field(min_length=1)


class Exercise(_Strict):
    id: str
    case: str | None = None
    domain: Domain
    asks: Label
    frameworks: list[str] = Field(min_length=1)
    question_en: str
    question_zh: str
    stated_facts: list[StatedFact] = []
    predicted: list[str] = Field(min_length=1)
    court: Answer | None = None
    paper: Answer | None = None
    difference: Difference | None = None
    #: the file and line the exercise starts on (set by the loader)
    line: int = 0

    @model_validator(mode="after")
    def _one_answer(self) -> Exercise:
        if self.asks not in ASKABLE:
            raise ValueError(f"asks: one of {', '.join(ASKABLE)}, not {self.asks}")
        if self.case is None and self.paper is None:
            raise ValueError("an exercise without a case is a paper's hypothetical: give `paper` (its answer)")
        if self.case is not None and self.paper is not None:
            raise ValueError("`paper` is for hypotheticals; an exercise on a case gives `court` (or reads HELD)")
        if self.case is None and not self.stated_facts:
            raise ValueError("a hypothetical states its facts (`stated_facts`)")
        return self

    def facts(self, recorded: Iterable[str] = ()) -> list[str]:
        """The exercise's facts: the case's ``recorded`` ones, then those it states."""
        return list(dict.fromkeys([*recorded, *(f.fact for f in self.stated_facts)]))


def load_exercises(path: Path) -> list[Exercise]:
    """Every exercise of the file, in file order; a malformed one raises :class:`DataError` naming file:line."""
    documents = load_yaml_documents(path)
    data = documents[0].data
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list):
        raise DataError(SourceLocation(path, documents[0].line), "expected a mapping with an `exercises` list")
    out: list[Exercise] = []
    seen: set[str] = set()
    for line, raw in iter_items(data["exercises"]):
        try:
            exercise = Exercise.model_validate({**plain(raw), "line": line})
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'exercise'}: {e['msg']}" for e in exc.errors())
            raise DataError(SourceLocation(path, line), f"not an exercise: {problems}") from None
        except TypeError:
            raise DataError(SourceLocation(path, line), "an exercise is a mapping") from None
        if exercise.id in seen:
            raise DataError(SourceLocation(path, line), f"exercise id {exercise.id!r} given twice")
        seen.add(exercise.id)
        out.append(exercise)
    return out


@cache
def exercises_in(data_dir: Path) -> tuple[Exercise, ...]:
    return tuple(load_exercises(data_dir / EXERCISES_FILE))


def outcome_domain(outcome_id: str, label: str) -> Domain:
    """The domain of an outcome: a liability form's own (criminal, administrative or civil); duty standards,
    proof rules and defenses are civil-law notions here."""
    return domain_of_outcome(outcome_id) if label == Label.LIABILITY_FORM else Domain.CIVIL


def fired_outcomes(rules: Sequence[Any]) -> Iterator[tuple[str, str, str]]:
    """(framework, outcome id, outcome label) for every outcome of every firing rule of a report."""
    for rule in rules:
        if rule.status == "fires":
            for outcome in rule.outcomes:
                yield rule.framework, outcome["id"], outcome["label"]


def predicted(exercise: Exercise, rules: Sequence[Any]) -> dict[str, list[str]]:
    """What each of the exercise's frameworks predicts: the outcomes of the kind asked, in its domain, that
    its firing rules yield (``rules`` are an outcome report's rules, for the exercise's facts)."""
    found: dict[str, list[str]] = {framework: [] for framework in exercise.frameworks}
    for framework, outcome_id, label in fired_outcomes(rules):
        asked = label == exercise.asks and outcome_domain(outcome_id, label) == exercise.domain
        if asked and framework in found and outcome_id not in found[framework]:
            found[framework].append(outcome_id)
    return found


def predicted_answer(exercise: Exercise, rules: Sequence[Any]) -> list[str]:
    """Every outcome the exercise's frameworks predict, in framework order."""
    return list(dict.fromkeys(o for outcomes in predicted(exercise, rules).values() for o in outcomes))


def answer(exercise: Exercise, holdings: Iterable[dict[str, Any]]) -> tuple[str, list[str]]:
    """Who answered and what: ``("court", forms)`` from the file's ``court`` or, for a liability question on a
    case, from the graph's holdings for the platform (``holdings``: ``case_holdings`` rows; other cases' are
    left out);
    ``("paper", outcomes)`` for a hypothetical. An empty list: the papers do not report it.

    >>> e = Exercise(id="x", case="C", domain="civil", asks="LiabilityForm", frameworks=["f"], question_en="?",
    ...              question_zh="？", predicted=["several"])
    >>> answer(e, [{"party": "platform", "form": "joint-several"}, {"party": "merchant", "form": "several"}])
    ('court', ['joint-several'])
    """
    if exercise.paper is not None:
        return "paper", list(exercise.paper.outcomes)
    if exercise.court is not None:
        return "court", list(exercise.court.outcomes)
    forms = [h["form"] for h in holdings if h["party"] == "platform" and h.get("case", exercise.case) == exercise.case]
    if exercise.asks != Label.LIABILITY_FORM:
        forms = []
    return "court", list(dict.fromkeys(forms))
