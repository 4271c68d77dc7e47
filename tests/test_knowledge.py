"""The knowledge from the papers: vocabularies, sources on every claim, cases as the papers give them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lawgraph.graph.model import RELATIONSHIPS, GraphData, Label, RelType
from lawgraph.ingest.build import BuildReport

SCHEMA_VOCABULARY = {
    Label.DOCTRINE: ["danger-control", "benefit-risk", "reliance", "corporate-social-responsibility", "verkehrspflicht",
                     "red-flag", "notice-and-takedown", "semi-cumulative-torts", "self-responsibility",
                     "lex-specialis", "causal-contribution", "technology-neutrality"],
    Label.OBLIGATION: ["safety-guarantee", "qualification-review", "necessary-measures", "identity-disclosure",
                       "active-assistance", "risk-warning", "network-security-management"],
    Label.LIABILITY_FORM: ["joint-several", "supplementary", "several", "proportional-joint-several",
                           "non-genuine-joint", "corresponding", "no-liability", "criminal-liability",
                           "administrative-penalty"],
    Label.DUTY_STANDARD: ["formal-review", "substantive-review", "online-measures-only", "promised-standard",
                          "dynamic-monitoring"],
    Label.PROOF_RULE: ["claimant-proves", "burden-reversed", "initial-burden-eased"],
    Label.DEFENSE: ["compliance-defense", "abusive-complaint-exemption"],
    Label.FACT: ["platform-knew-or-should-have-known", "no-necessary-measures", "life-health-goods",
                 "qualification-review-failed", "formal-review-done", "safety-obligation-breached",
                 "auxiliary-duty-breached", "seller-identity-not-provided", "platform-promise",
                 "platform-direct-profit", "offline-harm", "merchant-intentional-tort", "platform-intentional",
                 "platform-negligent", "rectification-refused", "food-product", "transport-service",
                 "accommodation-service", "live-streaming", "dispute-assistance-refused",
                 "standard-terms-exclude-liability", "victim-contributory-fault"],
    Label.ISSUE: ["meaning-of-corresponding-liability", "nature-of-safety-obligation", "review-standard",
                  "platform-legal-status", "review-vs-safety-obligation"],
    Label.POSITION: ["corresponding-as-joint", "corresponding-as-supplementary", "tiered-liability-ladder"],
}

PAPER_CASES = ["(2020)湘01民终12683号", "(2020)辽08民终1939号", "(2017)苏0722民初6号", "(2018)京0105民初88274号",
               "(2019)沪0105民初21830号", "(2018)京0491民初2386号", "(2019)京01民终5331号", "(2020)粤06民终10835号",
               "(2020)浙01民终4532号", "(2012)高民终字第3969号", "(2020)辽02民终2238号", "(2020)粤03民终943号",
               "(2019)皖1621民初6389号", "(2020)黑01民终4637号", "(2015)海刑初字第512号"]


@pytest.mark.parametrize("label", list(SCHEMA_VOCABULARY))
def test_contract_vocabulary_is_present(graph: GraphData, label: Label) -> None:
    for node_id in SCHEMA_VOCABULARY[label]:
        assert node_id in graph.nodes, node_id
        node = graph.nodes[node_id]
        assert node.label is label
        assert node.props["name_zh"] and node.props["name_en"] and node.props["summary_en"]


def _resolves(source: str, graph: GraphData) -> bool:
    head, _, locator = source.partition("#")
    if head.startswith("statute:"):
        code = head.removeprefix("statute:")
        if locator == "text":
            return code in graph.nodes
        match = re.fullmatch(r"art-(\d+)(?:-(\d+))?", locator)
        assert match, source
        base = f"{code}:{match.group(1)}"
        return (base in graph.nodes if not match.group(2)
                else f"{base}-{match.group(2)}" in graph.nodes or f"{base}({match.group(2)})" in graph.nodes)
    return head in graph.nodes and graph.nodes[head].label is Label.PUBLICATION and bool(locator)


def test_every_node_and_claim_has_resolving_sources(graph: GraphData) -> None:
    for node in graph.nodes.values():
        assert node.props.get("sources"), node.id
        assert all(_resolves(s, graph) for s in node.props["sources"]), (node.id, node.props["sources"])
    for edge in graph.edges:
        if RELATIONSHIPS[edge.type].claim:
            assert edge.props.get("sources"), (edge.type, edge.source, edge.target)
            assert all(_resolves(s, graph) for s in edge.props["sources"]), (edge.type, edge.props["sources"])


def test_every_case_the_papers_cite(graph: GraphData) -> None:
    for case in PAPER_CASES:
        assert graph.nodes[case].label is Label.CASE
        assert any(e.type is RelType.DISCUSSES and e.target == case for e in graph.edges), case
    unnumbered = [n for n in graph.nodes.values() if n.label is Label.CASE and n.id.startswith("unnumbered:")]
    assert unnumbered and all("case_number" not in n.props for n in unnumbered)


def test_heilongjiang_appeal(graph: GraphData) -> None:
    appeal = "(2020)黑01民终4637号"
    held = sorted((e.props["party"], e.target, e.props["share"]) for e in graph.edges
                  if e.type is RelType.HELD and e.source == appeal)
    assert held == [("merchant", "several", 0.5), ("platform", "several", 0.3), ("victim", "several", 0.2)]
    links = [e for e in graph.edges if e.type is RelType.APPEAL_OF and e.source == appeal]
    assert len(links) == 1
    first = links[0].target
    assert {e.target for e in graph.edges if e.type is RelType.HELD and e.source == first} == {"joint-several"}
    court = next(e.target for e in graph.edges if e.type is RelType.DECIDED_BY and e.source == appeal)
    assert graph.nodes[court].props == {**graph.nodes[court].props, "level": "intermediate", "province": "黑龙江"}


def test_every_rule_is_complete(graph: GraphData) -> None:
    rules = [n for n in graph.nodes.values() if n.label is Label.RULE]
    assert len(rules) >= 50
    for rule in rules:
        out = {e.type for e in graph.edges if e.source == rule.id}
        assert {RelType.REQUIRES, RelType.YIELDS} <= out, rule.id
        assert RelType.GROUNDED_IN in out or rule.props.get("no_article_reason"), rule.id
        assert any(e.type is RelType.PROPOSES and e.target == rule.id for e in graph.edges), rule.id


def test_tiered_ladder(graph: GraphData) -> None:
    tiers = {n.props["tier"]: n.id for n in graph.nodes.values()
             if n.label is Label.RULE and n.props.get("framework") == "tiered-liability-ladder" and n.props.get("tier")}
    assert sorted(tiers) == [1, 2, 3, 4]
    yields = {e.source: e.target for e in graph.edges if e.type is RelType.YIELDS}
    assert [yields[tiers[t]] for t in (1, 2, 3, 4)] == ["joint-several", "proportional-joint-several",
                                                         "supplementary", "several"]


def test_tiered_assistance_duties(graph: GraphData) -> None:
    tiers = {n.id: n.props["tier"] for n in graph.nodes.values() if n.label is Label.OBLIGATION and n.props.get("tier")}
    assert set(tiers.values()) == {"basic", "advanced"}
    assert tiers["assistance-information-disclosure"] == "basic"
    assert tiers["assistance-fund-freezing"] == "advanced"


def test_content_doc_counts_match_the_build(report: BuildReport) -> None:
    from lawgraph.content_doc import render_content_doc

    doc = (Path(__file__).resolve().parents[1] / "docs" / "content.md").read_text(encoding="utf-8")
    assert doc == render_content_doc(report), "docs/content.md is stale: run `lawgraph docs`"
