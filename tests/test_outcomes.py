"""Fact pattern → outcome on the embedded store (the same API runs on Neo4j: see test_neo4j.py)."""

from __future__ import annotations

import pytest
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcomes import UnknownFact, outcomes

pytestmark = pytest.mark.embedded


def test_knowing_inaction_is_joint_under_ecl_38_1(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["platform-knew-or-should-have-known", "no-necessary-measures"])
    ecl = next(r for r in report.rules if r.id == "ecl-38-1-joint")
    assert (ecl.status, ecl.liability_form, ecl.articles) == ("fires", "joint-several", ["ECL:38(1)"])
    assert {"REQUIRES", "YIELDS", "GROUNDED_IN", "PROPOSES"} <= {s.rel for s in ecl.path.relationships}
    assert ecl.doctrines, "the path runs through the doctrines that justify the article's duty"
    assert "paper-000" in report.explanation["en"] and "statute:ECL#art-38" in report.explanation["en"]
    assert "连带责任" in report.explanation["zh"]
    near = {r.id: r.missing for r in report.rules if r.status == "near-miss"}
    assert near["fsl-131-1-no-stop-joint"] == ["food-product"]


def test_review_failure_ladder_and_competitors(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["qualification-review-failed"])
    tier3 = next(r for r in report.fired if r.id == "ladder-tier-3-supplementary")
    assert (tier3.framework, tier3.tier, tier3.liability_form) == ("tiered-liability-ladder", 3, "supplementary")
    assert report.frameworks["tiered-liability-ladder"] == ["supplementary"]
    assert len(report.frameworks) >= 2, "competing frameworks side by side"


def test_life_health_review_failure_duty_standard_and_proof(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["life-health-goods", "qualification-review-failed"])
    assert "substantive-review" in [d.id for d in report.duty_standards]
    assert "burden-reversed" in [p.id for p in report.proof_rules]
    proof = next(p for p in report.proof_rules if p.id == "burden-reversed")
    assert any(s.startswith("paper-000#") for s in proof.sources)


def test_promise(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["platform-promise"])
    assert [d.id for d in report.duty_standards] == ["promised-standard"]
    assert "(2020)浙01民终4532号" in [c.case for c in report.cases]


def test_cases_are_ranked_with_appeal_chains(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["life-health-goods", "food-product", "formal-review-done"])
    shared = [c.shared for c in report.cases]
    assert shared == sorted(shared, reverse=True) and shared[0] == 3
    chain = next(c.appeal_chain for c in report.cases if c.case == "(2020)粤06民终10835号")
    assert [link["case"] for link in chain] == ["unnumbered:guangdong-10835-first-instance", "(2020)粤06民终10835号"]


def test_unknown_fact_lists_nearest(embedded_lib: QueryLibrary) -> None:
    with pytest.raises(UnknownFact, match="platform-knew-or-should-have-known"):
        outcomes(embedded_lib, ["platform-knew"])


def test_framework_vs_courts_case_by_case(embedded_lib: QueryLibrary) -> None:
    rows = embedded_lib.run("framework_vs_courts", framework="tiered-liability-ladder")
    by_case = {r["case"]: r for r in rows}
    assert by_case["(2020)粤03民终943号"]["agrees"] is True
    assert by_case["(2020)粤03民终943号"]["predicted"] == ["supplementary"]
    assert any(r["agrees"] is False for r in rows)
