"""The console's report of a query the engine rejects, on both stores: a position, a short reason and a kind
(for the hint), read from FalkorDB's and Neo4j's own messages (real engines; the embedded store holds the
bundled data, the Neo4j one may be empty: a syntax error needs no data)."""

from __future__ import annotations

from typing import Any

import pytest
from lawgraph.stores.query_errors import ProblemKind

#: query → (kind, reason, line, column) — the same on both engines
MISTAKES: dict[str, tuple[ProblemKind, str, int, int]] = {
    "MATCH (a:Article)\nRETURN a.id ORDER": (ProblemKind.ENDS_EARLY, "the query ends too early", 2, 18),
    "RETURN 1 +": (ProblemKind.ENDS_EARLY, "the query ends too early", 1, 11),
}


@pytest.fixture(params=[pytest.param("embedded", marks=pytest.mark.embedded),
                        pytest.param("neo4j", marks=pytest.mark.neo4j)])
def console(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``dashboard.console_view`` reading the store under test."""
    from lawgraph.dashboard import console_view, state

    store = request.getfixturevalue("embedded_store" if request.param == "embedded" else "neo4j_session_store")
    monkeypatch.setattr(state, "store", lambda: store)
    return console_view


@pytest.mark.parametrize("query", list(MISTAKES))
def test_a_syntax_error_reads_as_position_and_reason(console: Any, query: str) -> None:
    outcome = console.run(query, "", 5_000, 10)
    assert outcome["refused"] is False
    problem = outcome["problem"]
    assert (problem.kind, problem.reason, problem.line, problem.column) == MISTAKES[query]
    assert problem.raw == outcome["error"] and problem.raw  # the engine's text is kept, not shown first
    assert "errMsg" not in problem.reason and "Neo." not in problem.reason


def test_an_undefined_variable_is_named(console: Any) -> None:
    problem = console.run("MATCH (a:Article) RETURN b", "", 5_000, 10)["problem"]
    assert (problem.kind, problem.reason) == (ProblemKind.UNDEFINED, "variable 'b' is not defined")
