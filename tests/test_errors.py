"""Only a LawgraphError reads as "error: …"; anything else is a bug and is shown as one."""

from __future__ import annotations

import pytest
import typer
from lawgraph.queries.library import UnknownQuery
from typer.testing import CliRunner

from lawgraph.cli.common import friendly_errors
from lawgraph.errors import EnvironmentProblem, InvalidInput, LawgraphError
from lawgraph.settings import SettingsError


def run(error: BaseException) -> tuple[int, str, BaseException | None]:
    app = typer.Typer()

    @app.command()
    @friendly_errors
    def fail() -> None:
        raise error

    result = CliRunner().invoke(app, [])
    return result.exit_code, result.output, result.exception


@pytest.mark.parametrize(("error", "code"), [(InvalidInput("--param takes k=v, got 'x'"), 2),
                                             (SettingsError("unknown setting LAWGRAPH_X"), 2),
                                             (EnvironmentProblem("cannot reach Neo4j at bolt://127.0.0.1:1"), 1)])
def test_a_lawgraph_error_is_a_message_and_its_exit_code(error: LawgraphError, code: int) -> None:
    exit_code, output, _ = run(error)
    assert exit_code == code and output == f"error: {error}\n"


def test_a_key_error_subclass_shows_its_text_not_its_repr() -> None:
    _, output, _ = run(UnknownQuery("unknown query 'nope'"))
    assert output == "error: unknown query 'nope'\n"


@pytest.mark.parametrize("bug", [KeyError("rule"), ValueError("bad unpack"), RuntimeError("boom")])
def test_anything_else_is_reported_as_a_bug(bug: Exception) -> None:
    exit_code, output, exception = run(bug)
    assert exit_code == 1 and exception is bug  # not swallowed: the traceback is the user's bug report
    assert "internal error — this is a bug" in output and "error: " not in output.replace("internal error", "")
