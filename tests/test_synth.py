"""The synthetic corpus: valid data that builds, the same files for the same seed, realistic fact mixes."""

from __future__ import annotations

import hashlib
import json
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lawgraph.graph.model import GraphData, Label, RelType
from lawgraph.ingest.build import build_graph
from lawgraph.ingest.case_numbers import parse_case_number
from lawgraph.ingest.synth import (
    CASES_PER_FILE,
    COURTS,
    MANIFEST,
    SYNTHETIC_PREFIX,
    SYNTHETIC_PUBLICATION,
    Profile,
    SynthError,
    learn_profile,
    synthesize,
)
from lawgraph.ingest.yaml_source import MAX_FILE_BYTES

N = 3_000
SEED = 11


@pytest.fixture(scope="module")
def profile(graph: GraphData) -> Profile:
    return learn_profile(graph)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, data_dir: Path, profile: Profile) -> Path:
    out = tmp_path_factory.mktemp("synth") / "corpus"
    synthesize(N, SEED, out, data_dir, cases_per_file=1_000, profile=profile)
    return out


@pytest.fixture(scope="module")
def built(corpus: Path) -> GraphData:
    return build_graph(corpus).graph


def synthetic_cases(graph: GraphData) -> dict[str, dict]:
    return {n.id: n.props for n in graph.nodes.values()
            if n.label is Label.CASE and n.props["name_zh"].startswith(SYNTHETIC_PREFIX)}


def edges_of(graph: GraphData, rel: RelType, sources: set[str] | dict) -> dict[str, list]:
    found: dict[str, list] = {}
    for edge in graph.edges:
        if edge.type is rel and edge.source in sources:
            found.setdefault(edge.source, []).append(edge)
    return found


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_a_full_data_folder_that_builds(corpus: Path, built: GraphData, graph: GraphData) -> None:
    assert {p.name for p in corpus.iterdir()} == {"statutes", "knowledge", "cases", "publications.yaml", MANIFEST}
    synth_files = sorted((corpus / "cases").glob("synthetic-*.yaml"))
    assert len(synth_files) in (3, 4)  # a few large multi-document files (a dispute is never split), not 3,000
    for path in synth_files:
        text = path.read_text(encoding="utf-8")
        assert text.count("\n---\n") + 1 <= 1_000
        assert path.stat().st_size < MAX_FILE_BYTES
    cases = synthetic_cases(built)
    real_cases = [n for n in graph.nodes.values() if n.label is Label.CASE]
    assert len(cases) == N
    assert sum(1 for n in built.nodes.values() if n.label is Label.CASE) == N + len(real_cases)
    # every real node is still there, unchanged in kind
    assert all(built.nodes[node_id].label is node.label for node_id, node in graph.nodes.items())
    publication = built.nodes[SYNTHETIC_PUBLICATION]
    assert publication.label is Label.PUBLICATION and "synthetic" in publication.props["title_en"]
    discussed = {e.target for e in built.edges if e.type is RelType.DISCUSSES and e.source == SYNTHETIC_PUBLICATION}
    assert discussed == set(cases)
    assert all(all(s.startswith(f"{SYNTHETIC_PUBLICATION}#") for s in props["sources"]) for props in cases.values())


def test_case_numbers_are_valid_for_real_courts(built: GraphData, graph: GraphData) -> None:
    codes = {c.code for c in COURTS} | {c.appeal_code for c in COURTS} | {c.high_code for c in COURTS}
    cases = synthetic_cases(built)
    real_ids = {n.id for n in graph.nodes.values() if n.label is Label.CASE}
    for case_id, props in cases.items():
        number = parse_case_number(case_id)
        assert str(number) == case_id == props["case_number"]
        assert number.court_code in codes and 2016 <= number.year <= 2024 and not number.old_form
        assert case_id not in real_ids
    levels = Counter(built.nodes[f"court:{p['court_code']}"].props["level"] for p in cases.values())
    assert levels["basic"] > levels["intermediate"] > levels["high"] > 0


def test_appeal_chains_go_up_the_court_hierarchy(built: GraphData) -> None:
    cases = synthetic_cases(built)
    appeals = [e for e in built.edges if e.type is RelType.APPEAL_OF and e.source in cases]
    assert 0.15 * N < len(appeals) < 0.40 * N
    rank = {"basic": 0, "intermediate": 1, "high": 2}
    for edge in appeals:
        later, earlier = cases[edge.source], cases[edge.target]
        assert later["procedure"] in ("civil-second-instance", "civil-retrial", "criminal-second-instance")
        assert later["year"] >= earlier["year"]
        later_court = built.nodes[f"court:{later['court_code']}"].props["level"]
        earlier_court = built.nodes[f"court:{earlier['court_code']}"].props["level"]
        assert rank[later_court] == rank[earlier_court] + 1
        assert edge.props["disposition"] in ("affirmed", "modified", "reversed")
    dispositions = Counter(e.props["disposition"] for e in appeals)
    assert dispositions["affirmed"] > dispositions["modified"] > 0 and dispositions["reversed"] > 0


def test_fact_mix_follows_the_real_cases(built: GraphData, profile: Profile) -> None:
    cases = synthetic_cases(built)
    facts = {c: [e.target for e in es] for c, es in edges_of(built, RelType.HAS_FACT, cases).items()}
    assert len(facts) == N  # every synthetic case has at least one fact
    mean_synthetic = statistics.fmean(len(fs) for fs in facts.values())
    mean_real = sum(profile.real_fact_counts.values()) / len(profile.templates)
    assert abs(mean_synthetic - mean_real) < 0.5, (mean_synthetic, mean_real)
    counts = Counter(f for fs in facts.values() for f in fs)
    real = [profile.real_fact_counts.get(f, 0) for f in profile.facts]
    synthetic = [counts.get(f, 0) for f in profile.facts]
    assert statistics.correlation(real, synthetic) > 0.8
    ranked = [f for f, _ in counts.most_common()]
    top_real = [f for f, _ in Counter(profile.real_fact_counts).most_common(5)]
    assert all(ranked.index(f) < 10 for f in top_real), (top_real, ranked[:10])
    assert set(counts) <= set(profile.facts)
    assert len(counts) >= 0.9 * len(profile.facts)  # the whole vocabulary is exercised, not only the real mixes


def test_holdings_follow_the_rules_with_noise(built: GraphData, profile: Profile) -> None:
    cases = synthetic_cases(built)
    facts = {c: frozenset(e.target for e in es) for c, es in edges_of(built, RelType.HAS_FACT, cases).items()}
    held = {c: {e.target for e in es if e.props.get("party") == "platform"}
            for c, es in edges_of(built, RelType.HELD, cases).items()}
    liable = {c: forms for c, forms in held.items() if forms and "no-liability" not in forms}
    consistent = sum(bool(forms & {f for r in profile.rules if r.fires(facts[c]) for f in r.forms})
                     for c, forms in liable.items())
    share = consistent / len(liable)
    assert 0.80 < share < 0.99, share  # mostly the rules' outcomes, with split decisions as noise
    for case_id, edges in edges_of(built, RelType.HELD, cases).items():
        shares = [e.props["share"] for e in edges if e.props.get("share") is not None]
        assert sum(shares) <= 1.0 + 1e-9, case_id
    unreported = [c for c in cases if c not in held]
    assert 0 < len(unreported) < 0.15 * N
    assert all(cases[c]["vagueness_en"] for c in unreported)


def test_same_seed_same_files_other_seed_other_files(corpus: Path, tmp_path: Path, data_dir: Path,
                                                     profile: Profile) -> None:
    again = tmp_path / "again"
    synthesize(N, SEED, again, data_dir, cases_per_file=1_000, profile=profile)
    assert digests(again) == digests(corpus)
    other = tmp_path / "other"
    synthesize(N, SEED + 1, other, data_dir, cases_per_file=1_000, profile=profile)
    changed = {k for k, v in digests(other).items() if digests(corpus).get(k) != v}
    assert {f"cases/synthetic-000{i}.yaml" for i in (1, 2, 3)} <= changed and "publications.yaml" in changed
    assert "statutes/ecommerce-law-2018.md" not in changed


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path: Path, data_dir: Path, profile: Profile) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    synthesize(300, SEED, small, data_dir, profile=profile)
    synthesize(600, SEED, large, data_dir, profile=profile)
    first = (small / "cases" / "synthetic-0001.yaml").read_text(encoding="utf-8").split("\n---\n")
    second = (large / "cases" / "synthetic-0001.yaml").read_text(encoding="utf-8").split("\n---\n")
    assert first[:-2] == second[:len(first) - 2]  # the last dispute of the small one may be cut short


def test_refuses_the_source_folder_and_foreign_folders(tmp_path: Path, data_dir: Path, profile: Profile) -> None:
    with pytest.raises(SynthError):
        synthesize(10, SEED, data_dir, data_dir, profile=profile)
    with pytest.raises(SynthError):
        synthesize(10, SEED, data_dir / "cases" / "x", data_dir, profile=profile)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(SynthError):
        synthesize(10, SEED, foreign, data_dir, profile=profile)
    assert (foreign / "notes.txt").read_text() == "mine"


def test_cli_synth_then_build(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    made = subprocess.run([sys.executable, "-m", "lawgraph", "synth", "--cases", "250", "--seed", "3", "--out",
                           str(out), "--json"], capture_output=True, text=True, check=True)
    report = json.loads(made.stdout)
    assert report["cases"] == 250 and report["seed"] == 3 and len(report["files"]) == 1
    built = subprocess.run([sys.executable, "-m", "lawgraph", "build", "--data", str(out), "--json"],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    summary = json.loads(built.stdout)
    assert summary["nodes"]["Case"] == 250 + 18
    assert summary["relationships"]["DISCUSSES"] >= 250


def test_files_per_default_size(tmp_path: Path, data_dir: Path, profile: Profile) -> None:
    report = synthesize(CASES_PER_FILE + 10, SEED, tmp_path / "two", data_dir, profile=profile)
    assert len(report.files) == 2 and report.cases == CASES_PER_FILE + 10


@pytest.mark.embedded
def test_similar_cases_rank_like_a_scan_of_every_case(built: GraphData, tmp_path: Path) -> None:
    """The pattern index answers exactly as counting shared facts case by case would (3,000 cases)."""
    from lawgraph.ingest.writer import load_graph
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.stores.embedded import EmbeddedStore

    facts_of: dict[str, set[str]] = {}
    holdings: Counter[str] = Counter()
    for edge in built.edges:
        if edge.type is RelType.HAS_FACT:
            facts_of.setdefault(edge.source, set()).add(edge.target)
        elif edge.type is RelType.HELD:
            holdings[edge.source] += 1

    def scan(facts: list[str], limit: int) -> list[tuple[str, int, int]]:
        ranked = sorted((-len(fs & set(facts)), len(fs - set(facts)), "+".join(sorted(fs)), -holdings[c], c)
                        for c, fs in facts_of.items() if fs & set(facts))
        return [(c, -shared, other) for shared, other, _, _, c in ranked[:limit]]

    patterns = [n for n in built.nodes.values() if n.label is Label.FACT_PATTERN]
    assert sum(n.props["cases"] for n in patterns) == len(facts_of)
    assert len(patterns) < len(facts_of) / 2  # the index is much smaller than the docket
    store = EmbeddedStore(tmp_path / "store")
    try:
        load_graph(store.loader(), built)
        lib = QueryLibrary(store)
        for facts, limit in [(["food-product", "life-health-goods", "qualification-review-failed"], 10),
                             (["platform-knew-or-should-have-known", "no-necessary-measures"], 25),
                             (["victim-contributory-fault"], 100), (["live-streaming", "offline-harm"], 3)]:
            rows = lib.run("similar_cases", facts=facts, limit=limit)
            assert [(r["case"], r["shared"], r["other_facts"]) for r in rows] == scan(facts, limit), facts
            assert len(rows) == limit
    finally:
        store.close()
