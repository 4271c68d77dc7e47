"""The CLI's help pages: a flag is shown without a value type (typer 0.29 printed ``--json <bool>``)."""

from __future__ import annotations

import typer
import typer.core
from typer.testing import CliRunner

from lawgraph.cli import app


def help_pages() -> dict[str, str]:
    """``lawgraph --help`` and every command's and sub-command's ``--help``, by command path."""
    runner = CliRunner()
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    todo: list[tuple[list[str], typer.core.TyperGroup]] = [([], root)]
    while todo:
        path, command = todo.pop()
        for name, sub in command.commands.items():
            paths.append([*path, name])
            if isinstance(sub, typer.core.TyperGroup):
                todo.append(([*path, name], sub))
    pages = {}
    for path in paths:
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "160"})
        assert result.exit_code == 0, (path, result.output)
        pages[" ".join(["lawgraph", *path])] = result.output
    return pages


def test_no_flag_shows_a_value_type() -> None:
    pages = help_pages()
    assert {"lawgraph", "lawgraph outcomes", "lawgraph load", "lawgraph neo4j start"} <= set(pages)
    assert not {name: page for name, page in pages.items() if "<bool>" in page}
    outcomes = pages["lawgraph outcomes"]
    assert "--json" in outcomes and "--help" in outcomes
    assert "<str>" in outcomes  # an option that takes a value keeps its type
    assert "<embedded|neo4j>" in outcomes
