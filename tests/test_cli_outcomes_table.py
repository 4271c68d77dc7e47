"""`lawgraph outcomes` as tables: names beside ids, nothing cut with "…" at a narrow width, and with
``--wide`` one line a row (a real report from the bundled data on the embedded store)."""

from __future__ import annotations

import io

import pytest
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcome_report import OutcomeReport
from lawgraph.queries.outcomes import outcomes
from rich.console import Console

from lawgraph.cli.outcomes_command import WIDE, print_tables

pytestmark = pytest.mark.embedded
FACTS = ["food-product", "platform-knew-or-should-have-known", "no-necessary-measures"]


@pytest.fixture(scope="module")
def food_report(embedded_lib: QueryLibrary) -> OutcomeReport:
    return outcomes(embedded_lib, FACTS)


def printed(report: OutcomeReport, width: int, one_line: bool) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    print_tables(report, console, one_line=one_line)
    return console.export_text()


def test_names_beside_ids_and_nothing_cut(food_report: OutcomeReport) -> None:
    narrow = printed(food_report, 80, one_line=False)  # long ids fold onto the next line: never "…"
    assert "…" not in narrow, [line for line in narrow.splitlines() if "…" in line]
    assert "Tiered" in narrow and "ladder" in narrow
    text = printed(food_report, 160, one_line=False)  # the width `lawgraph outcomes | less` gets
    assert "…" not in text
    for whole in ("(tiered-liability-ladder)", "(joint-several)", "快播案", "(platform-knew-or-should-have-known)"):
        assert whole in text
    assert "Joint and several" in text


def test_wide_prints_each_row_on_one_line(food_report: OutcomeReport) -> None:
    text = printed(food_report, WIDE, one_line=True)
    lines = text.splitlines()
    ladder = [line for line in lines if "(ladder-tier-1-joint)" in line]
    assert len(ladder) == 1
    assert "Ladder tier 1: knowing inaction – joint and several liability (ladder-tier-1-joint)" in ladder[0]
    assert "Tiered liability ladder (tiered-liability-ladder)" in ladder[0]
    assert "Joint and several liability (joint-several)" in ladder[0]
    case = [line for line in lines if "(2019)皖1621民初6389号" in line]
    assert len(case) == 1 and "Food (food-product)" in case[0]
    assert "merchant: Joint and several liability (joint-several); platform: Joint and several" in case[0]
