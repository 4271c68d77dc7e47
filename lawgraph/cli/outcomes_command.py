"""`lawgraph outcomes`: for a set of facts, the rules, cases and explanation (registered on the main app)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from lawgraph.cli.common import BackendOpt, JsonOpt, _settings, friendly_errors, opened_store, out


@friendly_errors
def outcomes(
    facts: Annotated[str, typer.Option("--facts", help="Fact ids, comma-separated (see `lawgraph query facts`)")],
    framework: Annotated[
        str | None, typer.Option("--framework", help="only this framework's rules (a Position id)")
    ] = None,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Given facts, which rules fire (and nearly fire), what courts held, and why."""
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.queries.outcomes import outcomes as compute

    fact_ids = [f.strip() for f in facts.split(",") if f.strip()]
    settings = _settings()
    with opened_store(settings, backend) as store:
        report = compute(QueryLibrary(store, settings.query_timeout_ms, settings.row_cap), fact_ids, framework)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table("status", "rule", "framework", "tier", "yields", "articles", "missing")
    for rule in report.rules:
        table.add_row(rule.status, rule.id, rule.framework, str(rule.tier or ""),
                      ", ".join(o["id"] for o in rule.outcomes), ", ".join(rule.articles), ", ".join(rule.missing))
    out.print(table)
    cases = Table("case", "shared facts", "held")
    for case in report.cases:
        cases.add_row(case.case, ", ".join(case.matched_facts),
                      ", ".join(f"{h['party']}:{h['form']}" for h in case.held))
    out.print(cases)
    out.print(report.explanation["en"], markup=False)
    out.print(report.explanation["zh"], markup=False)
