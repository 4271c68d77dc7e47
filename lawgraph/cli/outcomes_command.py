"""`lawgraph outcomes`: for a set of facts, the rules, cases and explanation (registered on the main app)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from lawgraph.cli.common import BackendOpt, JsonOpt, _settings, friendly_errors, opened_store, out
from lawgraph.errors import InvalidInput


@friendly_errors
def outcomes(
    facts: Annotated[
        str | None, typer.Option("--facts", help="Fact ids, comma-separated (see `lawgraph query facts`)")
    ] = None,
    framework: Annotated[
        str | None, typer.Option("--framework", help="only this framework's rules (a Position id)")
    ] = None,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="print the JSON Schema of the --json report (docs/outcomes.md) and stop")
    ] = False,
) -> None:
    """Given facts, which rules fire (and nearly fire), what courts held, and why."""
    from lawgraph.dashboard.explain import explained, report_schema
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.queries.outcomes import outcomes as compute

    if schema:
        sys.stdout.write(json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n")
        return
    if facts is None:
        raise InvalidInput("--facts is required: fact ids, comma-separated (see `lawgraph query facts`)")
    fact_ids = [f.strip() for f in facts.split(",") if f.strip()]
    settings = _settings()
    with opened_store(settings, backend) as store:
        report = explained(compute(QueryLibrary(store, settings.query_timeout_ms, settings.row_cap), fact_ids,
                                   framework))
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table("status", "rule", "framework", "tier", "yields", "articles", "missing")
    for rule in report.rules:
        table.add_row(rule.status.value, rule.id, rule.framework, str(rule.tier or ""),
                      ", ".join(o["id"] for o in rule.outcomes), ", ".join(rule.articles), ", ".join(rule.missing))
    out.print(table)
    cases = Table("case", "shared facts", "held")
    for case in report.cases:
        cases.add_row(case.case, ", ".join(case.matched_facts),
                      ", ".join(f"{h['party']}:{h['form']}" for h in case.held))
    out.print(cases)
    out.print(report.explanation["en"], markup=False)
    out.print(report.explanation["zh"], markup=False)
