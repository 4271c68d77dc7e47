"""The outcome reasoning as a pure function: rows built here, no store (queries/reasoning.py)."""

from __future__ import annotations

from typing import Any

import pytest
from lawgraph.dashboard.explain import explain
from lawgraph.queries.outcome_report import RuleStatus
from lawgraph.queries.reasoning import OutcomeRows, UnknownFact, reason

FACTS = [
    {"id": f, "labels": ["Entity", "Fact"], "group": "g", "name_en": f"fact {f}", "name_zh": f"事实{f}"}
    for f in ("a", "b", "c", "d", "x", "food-product")
]


def rule(rule_id: str, required: list[str], excludes: list[str] = (), *, condition: str = "all",
         framework: str = "fw", tier: int | None = None, yields: list[dict[str, Any]] | None = None,
         articles: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"rule": rule_id, "labels": ["Entity", "Rule"], "name_en": f"rule {rule_id}", "name_zh": f"规则{rule_id}",
            "framework": framework, "framework_labels": ["Entity", "Position"],
            "framework_name_en": f"frame {framework}",
            "framework_name_zh": f"框架{framework}", "tier": tier, "condition": condition, "required": list(required),
            "excludes": list(excludes), "yields": yields if yields is not None else [JOINT], "articles": articles or [],
            "cases": [], "sources": [f"paper-000#{rule_id}"]}


JOINT = {"id": "joint-several", "labels": ["Entity", "LiabilityForm"], "name_en": "Joint", "name_zh": "连带责任"}
REVIEW = {"id": "substantive-review", "labels": ["DutyStandard", "Entity"], "name_en": "Review", "name_zh": "实质审查"}


def run(facts: list[str], *rules: dict[str, Any], cases: list[dict[str, Any]] = ()) -> Any:
    return reason(facts, None, OutcomeRows(FACTS, list(rules), list(cases)))  # type: ignore[arg-type]


def status_of(report: Any) -> dict[str, str]:
    return {r.id: r.status for r in report.rules}


def test_one_of_four_facts_plus_an_exclusion_is_not_reported() -> None:
    report = run(["a", "x"], rule("r", ["a", "b", "c", "d"], ["x"]))
    assert report.rules == []


def test_excluded_when_every_required_fact_holds() -> None:
    report = run(["a", "b", "x"], rule("r", ["a", "b"], ["x"]))
    (only,) = report.rules
    assert (only.status, only.excluded_by, only.missing) == (RuleStatus.EXCLUDED, ["x"], [])
    assert report.frameworks == {}, "an excluded rule yields nothing"


def test_a_near_miss_that_an_asked_fact_excludes_is_no_near_miss() -> None:
    assert run(["a", "x"], rule("r", ["a", "b"], ["x"])).rules == []
    assert status_of(run(["a"], rule("r", ["a", "b"], ["x"]))) == {"r": RuleStatus.NEAR_MISS}


def test_statuses_and_their_order() -> None:
    report = run(["a", "b", "x"],
                 rule("z-applies", ["a", "b"]), rule("near", ["a", "c"]), rule("far", ["a", "c", "d"]),
                 rule("any", ["b", "d"], condition="any"), rule("excluded", ["a"], ["x"]), rule("none", ["c"]))
    assert [(r.id, r.status.value) for r in report.rules] == [
        ("any", "fires"), ("z-applies", "fires"), ("near", "near-miss"), ("excluded", "excluded")]
    assert report.to_dict()["rules"][0]["status"] == "fires"


def test_labels_come_from_the_rows_not_from_the_ids() -> None:
    article = {"id": "X:1(2)", "labels": ["Entity", "Article"], "duties": [], "doctrines": []}
    (only,) = run(["a"], rule("r", ["a"], articles=[article])).rules
    labels = {n["id"]: n["label"] for n in only.path.nodes}
    assert labels == {"a": "Fact", "r": "Rule", "fw": "Position", "joint-several": "LiabilityForm",
                      "X:1(2)": "Article"}


def test_doctrines_through_duties_first_then_direct() -> None:
    doctrine = {"id": "reliance", "labels": ["Doctrine"], "name_en": "Reliance"}
    duty = {"id": "necessary-measures", "labels": ["Obligation"], "name_en": "Necessary measures",
            "doctrine": doctrine}
    direct = {"id": "red-flag", "labels": ["Doctrine"], "name_en": "Red flag"}
    articles = [{"id": "A:2", "labels": ["Article"], "duties": [], "doctrines": [direct]},
                {"id": "A:1", "labels": ["Article"], "duties": [duty], "doctrines": [direct]}]
    (only,) = run(["a"], rule("r", ["a"], articles=articles)).rules
    assert only.doctrines == ["reliance", "red-flag"]
    steps = {(s.source, s.rel, s.target) for s in only.path.relationships}
    assert {("A:1", "IMPOSES", "necessary-measures"), ("reliance", "JUSTIFIES", "necessary-measures"),
            ("red-flag", "JUSTIFIES", "A:2")} <= steps
    assert ("red-flag", "JUSTIFIES", "A:1") not in steps


def test_triggered_outcomes_and_frameworks() -> None:
    report = run(["a"], rule("r1", ["a"], framework="f1", yields=[JOINT, REVIEW]), rule("r2", ["a"], framework="f2"))
    assert report.frameworks == {"f1": ["joint-several"], "f2": ["joint-several"]}
    assert [(d.id, d.rule) for d in report.duty_standards] == [("substantive-review", "r1")]
    assert report.names["f1"] == {"name_en": "frame f1", "name_zh": "框架f1"}
    assert report.names["a"] == {"name_en": "fact a", "name_zh": "事实a"}


def test_cases_are_ranked_by_similarity_and_get_appeal_chains() -> None:
    link = {"later": "B", "earlier": "A", "disposition": "reversed"}
    # B has only the fact asked; C one other fact, A two: each other fact costs half its weight
    cases = [{"case": case, "case_number": case, "name_zh": None, "year": None, "procedure": "civil-first-instance",
              "facts": facts, "matched_facts": ["a"], "shared": 1, "other_facts": len(facts) - 1, "pattern": "p",
              "held": held, "appeal_links": links, "chain_procedures": []}
             for case, facts, held, links in (
                 ("A", ["a", "b", "c"], [], [link]), ("C", ["a", "b"], [], []),
                 ("B", ["a"], [{"form": "several", "party": "platform", "share": 0.3},
                               {"form": "joint-several", "party": "merchant", "share": None}], [link]))]
    counts = [{"fact": f, "cases": n, "total": 3} for f, n in (("a", 3), ("b", 2), ("c", 1))]
    report = reason(["a"], None, OutcomeRows(FACTS, [], cases, counts))  # type: ignore[arg-type]
    assert [(c.case, c.score) for c in report.cases] == [("B", 0.6931), ("C", 0.2350), ("A", -0.4581)]
    assert [f.fact for f in report.cases[2].reasons.other] == ["b", "c"]
    assert [h["party"] for h in report.cases[0].held] == ["merchant", "platform"]
    assert report.cases[2].appeal_chain == [{"case": "A", "disposition": None},
                                            {"case": "B", "disposition": "reversed"}]
    assert report.cases[1].appeal_chain == []
    assert explain(report, "en").endswith("Closest decided case: B (1 shared fact(s)); held merchant: joint-several, "
                                          "platform: several 30%.")


def test_unknown_fact_names_the_nearest() -> None:
    with pytest.raises(UnknownFact, match=r"unknown fact id 'food' \(nearest: food-product"):
        run(["food"])


def test_explanation_in_both_languages() -> None:
    report = run(["a", "b"], rule("r", ["a", "b"]), rule("n", ["a", "c"]))
    assert explain(report, "en") == ("Facts: fact a, fact b. Under frame fw, rule 'rule r' yields Joint (grounded in "
                                     "no article (see the rule's note)) [paper-000#r]. Near misses: n lacks c.")
    assert explain(report, "zh") == ("事实：事实a、事实b。依框架fw，规则r：连带责任（依据：未援引法条（见规则说明））"
                                     "[paper-000#r]。差一项事实即可适用的规则：规则n（缺：c）。")
    assert explain(run(["c"]), "en") == "On these facts (fact c) no rule in the graph fires."
