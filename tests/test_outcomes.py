"""Fact pattern → outcome on the embedded store (the same API runs on Neo4j: see test_neo4j.py)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lawgraph.dashboard.explain import explained, explanation, report_schema
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcome_report import SCHEMA_VERSION, RuleStatus
from lawgraph.queries.outcomes import UnknownFact, outcomes
from lawgraph.stores.base import ReadOnlyViolation
from lawgraph.stores.embedded import EmbeddedStore

from lawgraph.errors import InvalidInput

pytestmark = pytest.mark.embedded


def test_knowing_inaction_is_joint_under_ecl_38_1(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["platform-knew-or-should-have-known", "no-necessary-measures"])
    ecl = next(r for r in report.rules if r.id == "ecl-38-1-joint")
    assert (ecl.status, ecl.liability_form, ecl.articles) == ("fires", "joint-several", ["ECL:38(1)"])
    assert {"REQUIRES", "YIELDS", "GROUNDED_IN", "PROPOSES"} <= {s.rel for s in ecl.path.relationships}
    assert ecl.doctrines, "the path runs through the doctrines that justify the article's duty"
    text = explanation(report)
    assert "paper-000" in text["en"] and "statute:ECL#art-38" in text["en"]
    assert "连带责任" in text["zh"]
    assert ("Under E-Commerce Law art. 38 and its penalty provisions, rule 'ECL art. 38(1): knowing inaction – joint "
            "and several liability' yields Joint and several liability (grounded in ECL:38(1); justified by "
            "notice-and-takedown, red-flag, reliance) [statute:ECL#art-38; paper-000#2.2; paper-002#3.1]."
            ) in text["en"]
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


def test_excluded_only_when_the_required_facts_hold(embedded_lib: QueryLibrary) -> None:
    # ladder tier 2 requires five facts (life-health-goods among them) and is excluded by knowledge:
    # one of five plus the exclusion is not "would otherwise apply" — it is not reported at all
    report = outcomes(embedded_lib, ["life-health-goods", "platform-knew-or-should-have-known"])
    assert "ladder-tier-2-proportional-joint" not in [r.id for r in report.rules]
    # the eased initial burden requires only a transaction on the platform and is excluded by life-health goods
    report = outcomes(embedded_lib, ["platform-transaction-shown", "life-health-goods"])
    eased = next(r for r in report.rules if r.id == "bp-general-initial-burden-eased")
    assert (eased.status, eased.missing, eased.excluded_by) == (RuleStatus.EXCLUDED, [], ["life-health-goods"])
    assert report.rules[-1].status == RuleStatus.EXCLUDED, "excluded rules come last"


def test_path_labels_come_from_the_graph(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, ["platform-knew-or-should-have-known", "no-necessary-measures"])
    labels = {n["id"]: n["label"] for r in report.rules for n in r.path.nodes}
    assert (labels["ECL:38(1)"], labels["CC:1197"], labels["necessary-measures"]) == ("Paragraph", "Article",
                                                                                       "Obligation")
    assert (labels["ecl-38-1-joint"], labels["statutory-ecl"], labels["red-flag"]) == ("Rule", "Position", "Doctrine")


def test_case_limit_out_of_range_is_invalid_input(embedded_lib: QueryLibrary) -> None:
    with pytest.raises(InvalidInput, match="case_limit must be between 1 and 100, not 0"):
        outcomes(embedded_lib, ["platform-promise"], case_limit=0)


def test_read_batch_answers_as_single_reads(embedded_store: EmbeddedStore) -> None:
    statements = [("MATCH (f:Fact) RETURN count(f) AS n", {}),
                  ("MATCH (r:Rule {id: $id}) RETURN r.tier AS tier, labels(r) AS labels",
                   {"id": "ladder-tier-3-supplementary"})]
    batch = embedded_store.read_batch(statements, row_cap=10)
    assert [b.rows for b in batch] == [embedded_store.read(q, p).rows for q, p in statements]
    assert batch[0].rows[0]["n"] > 40 and batch[1].rows == [{"tier": 3, "labels": ["Entity", "Rule"]}]
    with pytest.raises(ReadOnlyViolation):
        embedded_store.read_batch([statements[0], ("MATCH (n:Fact) SET n.x = 1", {})])


def test_rules_for_facts_lists_what_plain_matches_find(embedded_store: EmbeddedStore) -> None:
    """The pattern comprehensions of rules_for_facts against one plain MATCH per list, for every rule
    (FalkorDB once returned empty `duties` when two comprehensions shared a variable name)."""
    lib = QueryLibrary(embedded_store)
    facts = [row["id"] for row in lib.run("fact_names")]
    rows = lib.run("rules_for_facts", facts=facts, framework=None)
    assert len(rows) == embedded_store.read("MATCH (r:Rule) RETURN count(r) AS n").rows[0]["n"]

    def ids(query: str, node: str) -> list[str]:
        return sorted(r["id"] for r in embedded_store.read(query, {"id": node}).rows)

    duties = 0
    for row in rows:
        assert sorted(row["excludes"]) == ids("MATCH (:Rule {id: $id})-[:EXCLUDES]->(x:Fact) RETURN x.id AS id",
                                              row["rule"])
        assert sorted(y["id"] for y in row["yields"]) == ids("MATCH (:Rule {id: $id})-[:YIELDS]->(x) RETURN x.id AS id",
                                                            row["rule"])
        assert sorted(row["cases"]) == ids("MATCH (c:Case)-[:ILLUSTRATES]->(:Rule {id: $id}) RETURN c.id AS id",
                                           row["rule"])
        for article in row["articles"]:
            found = embedded_store.read("MATCH ({id: $id})-[:IMPOSES]->(o:Obligation)<-[:JUSTIFIES]-(d:Doctrine) "
                                        "RETURN o.id AS o, d.id AS d", {"id": article["id"]}).rows
            assert sorted((d["id"], d["doctrine"]["id"]) for d in article["duties"]) == sorted(
                (r["o"], r["d"]) for r in found)
            assert sorted(d["id"] for d in article["doctrines"]) == ids(
                "MATCH (x:Doctrine)-[:JUSTIFIES]->({id: $id}) RETURN x.id AS id", article["id"])
            duties += len(article["duties"])
    assert duties > 50, "the comparison covers articles with duties"


SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "outcomes.schema.json"


def test_committed_schema_is_the_generated_one() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == report_schema(), "regenerate: lawgraph outcomes --schema > docs/outcomes.schema.json"
    jsonschema.Draft202012Validator.check_schema(committed)
    statuses = committed["$defs"]["RuleStatus"]["enum"]
    assert statuses == [s.value for s in RuleStatus] == ["fires", "near-miss", "excluded"]


@pytest.mark.parametrize("facts", [["platform-knew-or-should-have-known", "no-necessary-measures"],
                                   ["life-health-goods", "food-product", "formal-review-done"],
                                   ["platform-transaction-shown", "life-health-goods"]])
def test_real_reports_validate_against_the_schema(embedded_lib: QueryLibrary, facts: list[str]) -> None:
    document = json.loads(json.dumps(explained(outcomes(embedded_lib, facts)).to_dict(), ensure_ascii=False))
    assert document["schema_version"] == SCHEMA_VERSION
    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")),
                        cls=jsonschema.Draft202012Validator)
    broken = {**document, "rules": [{**document["rules"][0], "status": "applies"}]}
    with pytest.raises(jsonschema.ValidationError, match="'applies' is not one of"):
        jsonschema.validate(broken, report_schema(), cls=jsonschema.Draft202012Validator)
