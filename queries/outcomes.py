"""Fact pattern → outcome: the reads, then the reasoning (:mod:`queries.reasoning`).

:func:`read_rows` fetches everything the reasoning needs with four named queries in one read transaction
(:meth:`stores.base.Store.read_batch`), so a report never mixes two loads of the graph; :func:`outcomes`
hands the rows to :func:`queries.reasoning.reason`. It runs the same on the embedded store and on Neo4j.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgraph.graph.model import PATTERN_TOP_CASES
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcome_report import OutcomeReport
from lawgraph.queries.reasoning import OutcomeRows, UnknownFact, reason

from lawgraph.errors import InvalidInput

__all__ = ["OutcomeReport", "UnknownFact", "UnknownFramework", "outcomes", "read_rows"]


class UnknownFramework(InvalidInput):
    """A framework id that proposes no rules (a report filtered by it would list none, as if none applied)."""


def read_rows(lib: QueryLibrary, facts: Sequence[str], framework: str | None) -> OutcomeRows:
    """The fact vocabulary, the rules that require any of ``facts``, the cases that share one (the candidates
    the similarity score ranks) and the fact counts its weights come from, read in one transaction (a result
    cut at the row cap is refused: :class:`queries.library.ResultTruncated`)."""
    facts = list(facts)
    found = lib.run_together({
        "fact_names": {},
        "rules_for_facts": {"facts": facts, "framework": framework},
        # the candidates the similarity score re-ranks: every case sharing a fact, up to the patterns' own cap
        "similar_cases": {"facts": facts, "limit": PATTERN_TOP_CASES},
        "fact_case_counts": {},
    })
    return OutcomeRows(facts=found["fact_names"], rules=found["rules_for_facts"], cases=found["similar_cases"],
                       fact_counts=found["fact_case_counts"])


def outcomes(lib: QueryLibrary, facts: Sequence[str], framework: str | None = None,
             case_limit: int = 10) -> OutcomeReport:
    """Everything the graph says about a fact set.

    Parameters
    ----------
    lib : QueryLibrary
        On either store.
    facts : list of str
        Fact ids (see the ``facts`` query); unknown ids raise :class:`UnknownFact`.
    framework : str, optional
        A Position id: only that framework's rules; one that proposes none raises :class:`UnknownFramework`.
    case_limit : int
        How many similar cases, 1 to ``PATTERN_TOP_CASES``; else :class:`lawgraph.errors.InvalidInput`.
    """
    if not 0 < case_limit <= PATTERN_TOP_CASES:
        raise InvalidInput(f"case_limit must be between 1 and {PATTERN_TOP_CASES}, not {case_limit}")
    if framework is not None:
        known = sorted(row["framework"] for row in lib.run("frameworks"))
        if framework not in known:  # the report would list no rules, as if none applied
            raise UnknownFramework(f"unknown framework {framework!r} (a Position id that proposes rules: "
                                   f"{', '.join(known)})")
    facts = list(dict.fromkeys(facts))
    return reason(facts, framework, read_rows(lib, facts, framework), case_limit)
