"""`lawgraph outcomes`: for a set of facts, the rules, cases and explanation (registered on the main app)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from lawgraph.cli.common import BackendOpt, JsonOpt, _settings, friendly_errors, opened_store, out
from lawgraph.errors import InvalidInput

if TYPE_CHECKING:
    from lawgraph.queries.outcome_report import OutcomeReport

#: a console this wide never wraps a cell: with --wide each row is one line (for a wide terminal, grep, less -S)
WIDE = 10_000


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
    wide: Annotated[bool, typer.Option("--wide", help="one line a row, as wide as the names need (no folding)")]
    = False,
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
    print_tables(report, Console(width=WIDE, soft_wrap=False) if wide else out, one_line=wide)
    out.print(report.explanation["en"], markup=False)
    out.print(report.explanation["zh"], markup=False)


def report_names(report: OutcomeReport) -> dict[str, str]:
    """Id → English name of everything the report names (rules, frameworks, forms, facts on its paths)."""
    names: dict[str, str] = {}
    for item in [*report.rules, *report.duty_standards, *report.proof_rules, *report.defenses]:
        for node in item.path.nodes:
            if node.get("name") and node["name"] != node["id"]:
                names.setdefault(node["id"], node["name"])
    for rule in report.rules:
        names[rule.id] = rule.name_en or names.get(rule.id, "")
        for outcome in rule.outcomes:
            if outcome.get("name_en"):
                names[outcome["id"]] = outcome["name_en"]
    return names


def named(item_id: str, names: dict[str, str]) -> str:
    """``Joint and several liability (joint-several)``; the id alone where the report gives no name.

    >>> named("joint-several", {"joint-several": "Joint and several liability"}), named("x", {})
    ('Joint and several liability (joint-several)', 'x')
    """
    name = names.get(item_id)
    return f"{name} ({item_id})" if name else item_id


def _table(*columns: str, one_line: bool) -> Table:
    table = Table(show_lines=not one_line)
    for column in columns:  # fold a long name or id onto the next line, never cut it with "…"
        table.add_column(column, overflow="fold")
    return table


def print_tables(report: OutcomeReport, console: Any, one_line: bool = False) -> None:
    """The rules (fired and near misses) and the decided cases, names beside ids; a list in a cell takes a line
    an item, or (``one_line``) is joined with ``;`` so that each row is one line."""
    names = report_names(report)
    sep = "; " if one_line else "\n"
    rules = _table("status", "rule", "framework", "tier", "yields", "articles", "missing", one_line=one_line)
    for rule in report.rules:
        rules.add_row(rule.status.value, named(rule.id, names), named(rule.framework, names), str(rule.tier or ""),
                      sep.join(named(o["id"], names) for o in rule.outcomes), ", ".join(rule.articles),
                      sep.join(named(f, names) for f in rule.missing))
    console.print(rules)
    cases = _table("case", "shared facts", "held", one_line=one_line)
    for case in report.cases:
        title = f"{case.case}{' · ' if one_line else chr(10)}{case.name_zh}" if case.name_zh else case.case
        cases.add_row(title, sep.join(named(f, names) for f in case.matched_facts),
                      sep.join(f"{h['party']}: {named(h['form'], names)}"
                               + (f" ({h['share']:.0%})" if h.get("share") is not None else "") for h in case.held))
    console.print(cases)
