"""`lawgraph synth` and `lawgraph bench`: a synthetic corpus, and figures at scale (registered on the main app)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from lawgraph.cli.common import _settings, err, friendly_errors, out
from lawgraph.errors import InvalidInput


@friendly_errors
def synth(
    cases: Annotated[int, typer.Option("--cases", help="synthetic instances (Case nodes) to write")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="seed: the same seed writes the same files")] = 7,
    out_dir: Annotated[Path, typer.Option("--out", help="output data folder (created; an earlier corpus is replaced)")]
    = Path("synthetic-data"),
    data: Annotated[Path | None, typer.Option("--data", help="the real data folder (default: the repo's data/)")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Write a data folder: the real data plus N synthetic cases (【合成】…), for `lawgraph build --data OUT`."""
    from lawgraph.ingest.synth import synthesize

    report = synthesize(cases, seed, out_dir, _settings(data).data_dir)  # a SynthError is a LawgraphError
    summary = report.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        return
    out.print(f"wrote {report.cases:,} synthetic cases ({report.disputes:,} disputes, {report.appeals:,} appeal "
              f"instances) in {len(report.files)} file(s) to {report.out}")
    out.print(f"held: {', '.join(f'{k} {v:,}' for k, v in report.held_forms.items())}")
    out.print(f"check it: lawgraph build --data {report.out}")


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise InvalidInput(f"--sweep takes sizes like 1000,10000,100000, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise InvalidInput("--sweep needs sizes of at least 1")
    return sizes


@friendly_errors
def bench(
    cases: Annotated[int, typer.Option("--cases", help="synthetic cases to load and query")] = 10_000,
    backend: Annotated[str, typer.Option("--backend", help="embedded, neo4j or both")] = "embedded",
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    sweep: Annotated[str | None, typer.Option("--sweep", help="several sizes, e.g. 1000,10000,100000 "
                                                              "(replaces --cases)")] = None,
    runs: Annotated[int, typer.Option("--runs", help="timed runs of each query (≥ 50 for the report)")] = 50,
    seed: Annotated[int, typer.Option("--seed", help="corpus seed")] = 7,
    naive_seconds: Annotated[float, typer.Option("--naive-seconds", help="time budget of the naive loader's "
                                                                         "relationship phase (0: no limit)")] = 20.0,
    admin_import: Annotated[bool | None, typer.Option("--admin-import/--no-admin-import",
                                                      help="also time CSV export + neo4j-admin import (default: "
                                                           "from 50k cases, local Neo4j only)")] = None,
    workdir: Annotated[Path | None, typer.Option("--workdir", help="where corpora and stores go (default: a "
                                                                   "temporary folder, removed)")] = None,
    write_docs: Annotated[bool, typer.Option("--write-docs", help="write docs/benchmarks.md, docs/img/bench-*.png "
                                                                  "and benchmarks/results/latest.json")] = False,
    compare_with: Annotated[Path | None, typer.Option("--compare", help="a saved results file (e.g. benchmarks/"
                                                                         "results/latest.json): say whether this "
                                                                         "run matches it within noise")] = None,
    save: Annotated[Path | None, typer.Option("--save", help="write this run's results file here")] = None,
) -> None:
    """Load and query figures per backend (synthetic corpus), against a naive loader, with the targets."""
    from lawgraph.benchmarks.bench import FIELDS, BenchConfig, contract, run_bench
    from lawgraph.benchmarks.report import BACKEND_NAMES
    from lawgraph.benchmarks.report import write_docs as write_documents

    choices = {"embedded": ["embedded"], "neo4j": ["neo4j"], "both": ["embedded", "neo4j"]}
    if backend not in choices:
        raise InvalidInput(f"--backend takes embedded, neo4j or both, got {backend!r}")
    if runs < 1:
        raise InvalidInput("--runs must be at least 1")
    config = BenchConfig(sizes=_sizes(sweep) if sweep else [cases], backends=choices[backend], seed=seed, runs=runs,
                         naive_budget_s=naive_seconds or None, admin_import=admin_import, workdir=workdir,
                         keep=workdir is not None)
    saved = json.loads(compare_with.read_text(encoding="utf-8")) if compare_with else None
    results = run_bench(config)
    if write_docs:
        for path in write_documents(results):
            err.print(f"wrote {path}")
    if save:
        save.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if saved is not None:
        from lawgraph.benchmarks.compare import compare, render

        rows = compare(saved, results)
        out.print(render(rows), markup=False, highlight=False)
        if not rows or not all(r.within for r in rows):
            raise typer.Exit(1)
        return
    document = contract(results)
    if as_json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
        return
    for step in results["sweep"]:
        names = sorted(step["backends"])
        table = Table(f"{step['cases']:,} cases", *(BACKEND_NAMES.get(b, b) for b in names))
        for key in FIELDS:
            table.add_row(key, *(str(step["backends"][b].get(key)) for b in names))
        out.print(table)
    targets = Table("target", "backend", "verdict")
    for t in document["targets"]:
        mark = "[green]met[/]" if t["met"] else ("[red]missed[/]" if t["met"] is False else "")
        targets.add_row(t["target"], t["backend"] or "", f"{mark} {t['margin']}")
    out.print(targets)
