"""Does a fresh bench run match the saved one (``benchmarks/results/latest.json``) within noise?

Counts (cases, nodes, relationships) must be equal: the corpus is the same for the same seed. Timings
on a shared two-core machine move with its load, so a timing matches when the fresh figure is within
a factor of two of the saved one either way — or, for latencies, within 5 ms of it: a figure of one or
two milliseconds doubles with one scheduler slice on a busy core; memory within a quarter. ``lawgraph bench --compare
PATH`` runs the sizes and backends of the saved run again and prints this table; or
``python -m lawgraph.benchmarks.compare SAVED FRESH`` on two result files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: figures that must be equal
EXACT = ("cases", "nodes", "relationships")
#: timing figures and the most a fresh figure may differ from the saved one (as a factor, either way)
TIMINGS = ("build_s", "load_s", "relationships_per_s", "outcomes_p50_ms", "outcomes_p95_ms", "neighbourhood_p95_ms",
           "similar_cases_p95_ms", "bundled_build_s")
TIMING_FACTOR = 2.0
#: latencies (``*_ms``) also match within this many milliseconds, whatever the ratio
LATENCY_FLOOR_MS = 5.0
MEMORY = ("peak_rss_mb", "build_peak_rss_mb")
MEMORY_FACTOR = 1.25


@dataclass(frozen=True)
class Comparison:
    cases: int
    backend: str
    figure: str
    saved: float
    fresh: float
    allowed: float  # 1.0: must be equal

    @property
    def ratio(self) -> float:
        return self.fresh / self.saved if self.saved else float("inf") if self.fresh else 1.0

    @property
    def within(self) -> bool:
        """Whether the fresh figure matches.

        >>> Comparison(10, "embedded", "load_s", 2.0, 3.9, 2.0).within
        True
        >>> Comparison(10, "embedded", "load_s", 2.0, 0.9, 2.0).within
        False
        >>> Comparison(10, "embedded", "nodes", 5, 5, 1.0).within
        True
        >>> Comparison(10, "embedded", "outcomes_p95_ms", 0.7, 1.9, 2.0).within
        True
        >>> Comparison(10, "embedded", "outcomes_p95_ms", 20.0, 45.0, 2.0).within
        False
        """
        if self.allowed == 1.0:
            return self.fresh == self.saved
        if self.figure.endswith("_ms") and abs(self.fresh - self.saved) <= LATENCY_FLOOR_MS:
            return True
        return 1 / self.allowed <= self.ratio <= self.allowed


def compare(saved: dict[str, Any], fresh: dict[str, Any]) -> list[Comparison]:
    """Every figure of every size and backend the two runs share."""
    rows: list[Comparison] = []
    fresh_steps = {step["cases"]: step for step in fresh["sweep"]}
    for step in saved["sweep"]:
        other = fresh_steps.get(step["cases"])
        if other is None:
            continue
        for backend, figures in sorted(step["backends"].items()):
            theirs = other["backends"].get(backend)
            if theirs is None:
                continue
            for names, allowed in ((EXACT, 1.0), (TIMINGS, TIMING_FACTOR), (MEMORY, MEMORY_FACTOR)):
                for name in names:
                    if figures.get(name) is not None and theirs.get(name) is not None:
                        rows.append(Comparison(step["cases"], backend, name, float(figures[name]),
                                               float(theirs[name]), allowed))
    return rows


def render(rows: list[Comparison]) -> str:
    lines = ["| cases | backend | figure | saved | fresh | fresh ÷ saved | within noise |",
             "|---:|---|---|---:|---:|---:|---|"]
    for r in rows:
        band = "equal" if r.allowed == 1.0 else f"{1 / r.allowed:.2g}–{r.allowed:.2g}×"
        if r.figure.endswith("_ms"):
            band += f" or ±{LATENCY_FLOOR_MS:g} ms"
        lines.append(f"| {r.cases:,} | {r.backend} | {r.figure} | {r.saved:,.4g} | {r.fresh:,.4g} | {r.ratio:.2f} | "
                     f"{'yes' if r.within else 'NO'} ({band}) |")
    misses = [r for r in rows if not r.within]
    lines.append("")
    lines.append(f"{len(rows) - len(misses)} of {len(rows)} figures within noise"
                 + (": " + ", ".join(f"{r.backend} {r.figure} at {r.cases:,}" for r in misses) if misses else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        raise SystemExit("usage: python -m lawgraph.benchmarks.compare SAVED.json FRESH.json")
    saved, fresh = (json.loads(Path(a).read_text(encoding="utf-8")) for a in args)
    rows = compare(saved, fresh)
    print(render(rows))
    raise SystemExit(0 if rows and all(r.within for r in rows) else 1)


if __name__ == "__main__":
    main()
