"""Statutes in time: the v2 statute files, versions of one work, repeal, in_force_on, SUPERSEDES candidates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lawgraph.graph.model import GraphData, Label, RelType
from lawgraph.graph.namespaces import ELI
from lawgraph.graph.rdf import to_rdf, validate
from lawgraph.graph.versions import Status, Work, in_force_on, works_from_graph
from rdflib import RDF, URIRef

from lawgraph.errors import InvalidInput

REPO = Path(__file__).resolve().parents[1]
CORPUS_FILES = ("tort-liability-law-2009.md", "contract-law-1999.md", "food-safety-law-2025.md",
                "advertising-law-2021.md", "tourism-law-2018.md", "spc-civil-code-temporal-effect-provisions-2020.md",
                "spc-civil-code-torts-interpretation-i-2024.md",
                "spc-food-drug-punitive-damages-interpretation-2024.md",
                "spc-food-safety-civil-disputes-interpretation-i-2020.md")


@pytest.fixture(scope="module")
def works(graph: GraphData) -> dict[str, Work]:
    return works_from_graph(graph)


def test_the_nine_files_are_bundled_and_each_loads_as_a_version(graph: GraphData) -> None:
    sources = {name for n in graph.nodes.values() if n.label is Label.STATUTE_VERSION
               for name in n.props["source_file"].split(", ")}
    for name in CORPUS_FILES:
        assert (REPO / "data" / "statutes" / name).is_file()
        assert name in sources
    per_version = Counter(n.props["version"] for n in graph.nodes.values() if n.label is Label.ARTICLE_VERSION)
    assert per_version == {"FSL@2021": 154, "FSL@2025": 154}  # only a work with several versions has them
    tll = [n for n in graph.nodes.values() if n.label is Label.ARTICLE and n.props["law"] == "TLL"]
    assert len(tll) == 92 and all(n.props.get("text_zh") for n in tll)
    assert graph.nodes["TLL:36"].props["text_zh"].startswith("网络用户、网络服务提供者利用网络侵害他人民事权益")


def test_version_dates_are_the_printed_ones(graph: GraphData) -> None:
    def dates(vid: str) -> tuple[str | None, ...]:
        p = graph.nodes[vid].props
        return p.get("version_date"), p.get("effective_from"), p.get("effective_to"), p.get("superseded_by")

    assert dates("FSL@2021") == ("2021-04-29", None, None, "FSL@2025")  # neither file prints an effective date
    assert dates("FSL@2025") == ("2025-09-12", None, None, None)
    assert dates("TLL@2009") == ("2009-12-26", "2010-07-01", "2021-01-01", None)  # art. 92; CC art. 1260
    assert dates("CTL@1999") == ("1999-03-15", "1999-10-01", "2021-01-01", None)
    assert dates("SPC-CCT-1@2023") == ("2023-12-18", "2024-09-27", None, None)  # its header's 施行 line
    assert graph.nodes["FSL"].props["enacted"] == "2009-02-28"


def test_fsl_131_has_two_version_texts(graph: GraphData) -> None:
    texts = {e.source for e in graph.edges if e.type is RelType.VERSION_OF and e.target == "FSL:131"}
    assert texts == {"FSL@2021:131", "FSL@2025:131"}
    assert {e.target for e in graph.edges if e.type is RelType.IN_VERSION and e.source in texts} == \
        {"FSL@2021", "FSL@2025"}
    # a changed article: the 2025 amendment adds 婴幼儿配方液态乳 to art. 81; the stable article has the latest text
    assert "液态乳" not in graph.nodes["FSL@2021:81"].props["text_zh"]
    assert "液态乳" in graph.nodes["FSL@2025:81"].props["text_zh"]
    assert graph.nodes["FSL:81"].props["text_zh"] == graph.nodes["FSL@2025:81"].props["text_zh"]


def test_repeals_come_from_civil_code_art_1260(graph: GraphData) -> None:
    repeals = {(e.source, e.target): e.props for e in graph.edges if e.type is RelType.REPEALS}
    assert set(repeals) == {("CC", "TLL"), ("CC", "CTL")}
    assert repeals[("CC", "TLL")]["sources"] == ["statute:CC#art-1260"]
    for code in ("TLL", "CTL"):
        assert (graph.nodes[code].props["repealed"], graph.nodes[code].props["successor"]) == ("2021-01-01", "CC")


@pytest.mark.parametrize(("work", "date", "status", "version"), [
    ("FSL", "2022-06-01", Status.IN_FORCE, "FSL@2021"),
    # the 2025 file prints no effective date: the corpus cannot tell which text governed, and does not guess
    ("FSL", "2026-01-01", Status.VERSION_UNDECIDED, None),
    ("FSL", "2012-06-01", Status.VERSION_NOT_IN_CORPUS, None),  # the 2009 text is not in the corpus
    ("FSL", "2008-01-01", Status.NOT_YET_IN_FORCE, None),
    ("TLL", "2015-03-01", Status.IN_FORCE, "TLL@2009"),
    ("TLL", "2010-06-30", Status.NOT_YET_IN_FORCE, None),
    ("TLL", "2021-01-01", Status.REPEALED, None),
    ("CTL", "2020-12-31", Status.IN_FORCE, "CTL@1999"),
    ("CC", "2021-01-01", Status.IN_FORCE, "CC@2020"),
    ("AL", "2019-01-01", Status.VERSION_NOT_IN_CORPUS, None),  # the 2018 amendment's text is not held
])
def test_in_force_on(works: dict[str, Work], work: str, date: str, status: Status, version: str | None) -> None:
    answer = in_force_on(works[work], date)
    assert (answer.status, answer.version) == (status, version)


def test_in_force_on_says_how_sure_it_is(works: dict[str, Work]) -> None:
    assert in_force_on(works["TLL"], "2015-03-01").certain
    fsl_2022 = in_force_on(works["FSL"], "2022-06-01")
    assert not fsl_2022.certain and "prints no effective date" in fsl_2022.note
    assert in_force_on(works["FSL"], "2026-01-01").candidates == ("FSL@2021", "FSL@2025")
    assert in_force_on(works["TLL"], "2021-06-01").successor == "CC"
    with pytest.raises(InvalidInput):
        in_force_on(works["FSL"], "2022/06/01")


def test_supersedes_candidates_for_tll_36_and_37(graph: GraphData) -> None:
    derived = [e for e in graph.edges if e.type is RelType.SUPERSEDES and e.props.get("derived")]
    by_target: dict[str, list[tuple[int, str, float]]] = {}
    for e in derived:
        assert e.props["method"] == "text-alignment" and 0.3 <= e.props["score"] <= 1
        assert e.props["sources"] == [f"statute:CC#art-{e.source[3:]}", f"statute:{e.target.replace(':', '#art-')}"]
        by_target.setdefault(e.target, []).append((e.props["rank"], e.source, e.props["score"]))
    tll36 = sorted(by_target["TLL:36"])
    assert [s for _, s, _ in tll36] == ["CC:1195", "CC:1197", "CC:1194"]
    assert tll36[0][2] > 0.5
    assert sorted(by_target["TLL:37"])[0][1] == "CC:1198"
    assert sorted(by_target["TLL:43"])[0][1:] == ("CC:1203", 0.964)
    assert all(len(cands) <= 3 for cands in by_target.values())
    # the literature's own statements stay beside the derived ones
    stated = {(e.source, e.target) for e in graph.edges if e.type is RelType.SUPERSEDES
              and e.props["method"] == "literature"}
    assert ("CC:1198", "TLL:37") in stated


def test_rdf_export_with_versions_conforms(graph: GraphData) -> None:
    rdf = to_rdf(graph)
    report = validate(rdf)
    assert report.conforms, str(report)[:2000]
    base = "https://lawgraph.example.org/id/statute/"
    fsl2021 = URIRef(f"{base}FSL/version/2021")
    assert (fsl2021, RDF.type, ELI.LegalExpression) in rdf
    assert str(rdf.value(fsl2021, ELI.version_date)) == "2021-04-29"
    assert rdf.value(fsl2021, ELI.realizes) == URIRef(f"{base}FSL")
    assert rdf.value(URIRef(f"{base}TLL/version/2009"), ELI.in_force) == ELI["InForce-notInForce"]
    assert (URIRef(f"{base}CC"), ELI.repeals, URIRef(f"{base}TLL")) in rdf
    assert (URIRef(f"{base}TLL"), ELI.repealed_by, URIRef(f"{base}CC")) in rdf
    art = URIRef(f"{base}FSL/art_131/version/2025")
    assert rdf.value(art, ELI.realizes) == URIRef(f"{base}FSL/art_131")


def test_the_hand_checked_list_matches_the_graph(graph: GraphData) -> None:
    derived = {(e.target, e.source): e.props for e in graph.edges
               if e.type is RelType.SUPERSEDES and e.props.get("derived")}
    rows = [line.split("|")[1:6] for line in (REPO / "docs" / "versions.md").read_text(encoding="utf-8").splitlines()
            if line.startswith(("| TLL:", "| CTL:"))]
    assert len(rows) >= 30
    for article, candidate, rank, score, verdict in (map(str.strip, row) for row in rows):
        props = derived[(article, candidate)]
        assert (props["rank"], props["score"]) == (int(rank), float(score)), article
        assert verdict in {"correct", "partial", "wrong"}
