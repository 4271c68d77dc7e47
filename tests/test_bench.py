"""`lawgraph bench`: real runs print every figure, per backend; the 100k run is `slow`.

These are benchmarks, not timed tests: they check that the figures are measured and consistent
(counts match a build of the same corpus, p50 ≤ p95, the speed-up is the ratio of the two rates),
not that a machine is fast enough.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lawgraph.benchmarks.bench import FIELDS, percentile
from lawgraph.benchmarks.report import evaluate_targets, render_markdown, write_docs
from lawgraph.ingest.build import build_graph
from lawgraph.ingest.synth import synthesize

CLI = [sys.executable, "-m", "lawgraph", "bench"]


def run_bench(*args: str, timeout: float) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "LAWGRAPH_"))}
    proc = subprocess.run([*CLI, *args, "--json"], capture_output=True, text=True, env=env, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def check_backend(figures: dict[str, Any], cases: int, relationships: int) -> None:
    assert set(FIELDS) <= set(figures)
    assert all(figures[k] is not None for k in FIELDS), {k: figures[k] for k in FIELDS}
    assert figures["cases"] == cases + 18
    assert figures["relationships"] == relationships
    assert figures["load_s"] > 0 and figures["relationships_per_s"] == pytest.approx(
        relationships / figures["load_s"], rel=0.02)
    assert figures["peak_rss_mb"] >= figures["build_peak_rss_mb"] > 50
    for query in ("outcomes", "neighbourhood", "similar_cases"):
        assert 0 < figures["latency"][query]["p50"] <= figures["latency"][query]["p95"]
    assert figures["outcomes_p95_ms"] == figures["latency"]["outcomes"]["p95"]
    assert figures["naive_relationships"] > 0 and figures["naive_relationships_per_s"] > 0
    assert figures["speedup_vs_naive"] == pytest.approx(
        figures["relationships_per_s"] / figures["naive_relationships_per_s"], rel=0.01)
    assert figures["bundled_relationships"] == 10544 and figures["bundled_load_s"] > 0
    assert figures["runs"] >= 50


def corpus_relationships(tmp_path: Path, data_dir: Path, cases: int) -> int:
    out = tmp_path / f"corpus-{cases}"
    synthesize(cases, 7, out, data_dir)
    return len(build_graph(out).graph.edges)


@pytest.mark.embedded
def test_small_bench_prints_every_figure(tmp_path: Path, data_dir: Path) -> None:
    result = run_bench("--cases", "200", "--backend", "embedded", "--naive-seconds", "3", timeout=600)
    figures = result["embedded"]
    check_backend(figures, 200, corpus_relationships(tmp_path, data_dir, 200))
    assert figures["naive_sample_cases"] == 218  # the sample is the whole corpus below 10k cases
    assert figures["peak_rss_redis_mb"] > 0  # the embedded store's redis-server child is counted
    assert figures["rows"]["similar_cases"] == 10
    assert result["machine"]["cores"] and result["machine"]["falkordb"].startswith("FalkorDB")
    ids = {t["id"] for t in result["targets"]}
    assert {"bundled-build", "bundled-load", "load-rate", "vs-naive", "outcomes-p95", "neighbourhood-p95"} <= ids
    assert all(t["met"] in (True, False) for t in result["targets"])


def test_report_renders_targets_plots_and_tables(tmp_path: Path) -> None:
    def backend(load_s: float, p95: float) -> dict[str, Any]:
        return {"cases": 0, "nodes": 1, "relationships": 1_000_000, "load_s": load_s,
                "relationships_per_s": 1_000_000 / load_s, "peak_rss_mb": 900, "build_peak_rss_mb": 800,
                "outcomes_p50_ms": p95 / 2, "outcomes_p95_ms": p95, "neighbourhood_p95_ms": 3.0,
                "similar_cases_p95_ms": p95 / 3, "naive_relationships_per_s": 1000.0,
                "speedup_vs_naive": 1000 / load_s, "bundled_build_s": 1.5, "bundled_load_s": 2.0}

    results = {"machine": {"cpu": "x", "cores": 2}, "seed": 7, "runs": 50, "naive_cases": 10_000,
               "naive_budget_s": 20, "sweep": [{"cases": 10_000, "backends": {"neo4j": backend(2.0, 20)}},
                                                {"cases": 100_000, "backends": {"neo4j": backend(25.0, 60)}}]}
    targets = {t["id"]: t for t in evaluate_targets(results)}
    assert targets["load-rate"]["met"] is False and "missed by 10,000" in targets["load-rate"]["margin"]
    assert targets["outcomes-p95"]["met"] is False and targets["neighbourhood-p95"]["met"] is True
    assert targets["growth-load"]["value"] == 12.5 and targets["growth-load"]["met"] is False
    assert targets["growth-outcomes"]["value"] == 3.0 and targets["growth-outcomes"]["met"] is False
    results["targets"] = list(targets.values())
    written = write_docs(results, tmp_path / "benchmarks.md", tmp_path / "img", tmp_path / "results.json")
    assert [p.name for p in written] == ["benchmarks.md", "bench-load.png", "bench-latency.png", "results.json"]
    assert all(p.stat().st_size > 1000 for p in written[1:3])
    page = render_markdown(results)
    assert "### 100,000 synthetic cases" in page and "missed by" in page and "img/bench-load.png" in page
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5


@pytest.mark.slow
@pytest.mark.neo4j
@pytest.mark.embedded
def test_bench_10k_both_backends(tmp_path: Path, data_dir: Path) -> None:
    """The acceptance command: `lawgraph bench --cases 10000 --backend both --json` (local Neo4j)."""
    result = run_bench("--cases", "10000", "--backend", "both", timeout=1800)
    relationships = corpus_relationships(tmp_path, data_dir, 10_000)
    for backend in ("embedded", "neo4j"):
        check_backend(result[backend], 10_000, relationships)
        assert result[backend]["naive_sample_cases"] == 10_018
    assert result["machine"]["neo4j"].startswith("Neo4j Kernel 5")


@pytest.mark.slow
@pytest.mark.neo4j
@pytest.mark.embedded
def test_bench_100k_both_backends(tmp_path: Path, data_dir: Path) -> None:
    result = run_bench("--cases", "100000", "--backend", "both", timeout=3 * 3600)
    relationships = corpus_relationships(tmp_path, data_dir, 100_000)
    assert relationships > 700_000
    for backend in ("embedded", "neo4j"):
        check_backend(result[backend], 100_000, relationships)
        assert result[backend]["naive_sample_cases"] == 10_018  # the naive loader runs on the 10k sample
    assert result["neo4j"]["admin_import_counts_ok"] is True
    assert {t["id"] for t in result["targets"]} >= {"load-rate", "vs-naive", "build-rss"}


def test_compare_flags_changed_counts_and_timings_outside_noise() -> None:
    import copy

    from lawgraph.benchmarks.compare import compare, render

    saved = json.loads((Path(__file__).resolve().parents[1] / "benchmarks/results/latest.json").read_text())
    same = compare(saved, saved)
    assert same and all(r.within for r in same)
    assert {r.figure for r in same} >= {"nodes", "relationships", "load_s", "outcomes_p95_ms"}
    fresh = copy.deepcopy(saved)
    largest = fresh["sweep"][-1]["backends"]["embedded"]
    largest["nodes"] += 1
    largest["load_s"] *= 3
    largest["outcomes_p95_ms"] *= 1.5  # within a factor of two: noise on a shared machine
    misses = {(r.backend, r.figure) for r in compare(saved, fresh) if not r.within}
    assert misses == {("embedded", "nodes"), ("embedded", "load_s")}
    total = len(compare(saved, fresh))
    summary = render(compare(saved, fresh)).splitlines()[-1]
    assert summary.startswith(f"{total - 2} of {total} figures within noise: ")
    assert "embedded nodes at " in summary and "embedded load_s at " in summary
