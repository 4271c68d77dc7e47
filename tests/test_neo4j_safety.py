"""The tests and the bench never wipe a Neo4j they did not start unless told they may (LAWGRAPH_ALLOW_WIPE=1)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import clean_env, no_traceback, run_cli

from lawgraph.errors import InvalidInput

REPO = Path(__file__).resolve().parents[1]
#: nothing needs to listen here: the refusal comes before any connection
EXTERNAL = "bolt://127.0.0.1:7999"


def test_pytest_refuses_an_external_neo4j_naming_it() -> None:
    """``NEO4J_URI=bolt://127.0.0.1:7999 pytest tests/test_neo4j.py`` stops with a usage error, running nothing."""
    env = clean_env(NEO4J_URI=f"bolt://neo4j:s3cret@{EXTERNAL.removeprefix('bolt://')}")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_neo4j.py"],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=300, stdin=subprocess.DEVNULL)
    output = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, output
    assert f"refusing the Neo4j at NEO4J_URI={EXTERNAL}: the tests delete everything" in result.stderr, output
    assert "LAWGRAPH_ALLOW_WIPE=1" in result.stderr and "s3cret" not in output
    assert "passed" not in output and "skipped" not in output and no_traceback(result)


def test_bench_refuses_an_external_neo4j_before_any_work() -> None:
    started = time.monotonic()
    result = run_cli(["bench", "--cases", "10", "--backend", "neo4j"], clean_env(NEO4J_URI=EXTERNAL))
    assert result.returncode == 2 and no_traceback(result), result.stderr  # a setting the bench refuses
    assert result.stderr.startswith(f"error: refusing the Neo4j at NEO4J_URI={EXTERNAL}: the bench deletes"), (
        result.stderr)
    assert "LAWGRAPH_ALLOW_WIPE=1" in result.stderr and time.monotonic() - started < 60  # no corpus was made


def test_bench_uses_an_external_neo4j_only_when_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgraph.benchmarks.bench import external_neo4j

    for key in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "LAWGRAPH_ALLOW_WIPE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert external_neo4j() is None  # the bench starts its own
    monkeypatch.setenv("NEO4J_URI", EXTERNAL)
    with pytest.raises(InvalidInput, match=f"refusing the Neo4j at NEO4J_URI={EXTERNAL}"):
        external_neo4j()
    monkeypatch.setenv("LAWGRAPH_ALLOW_WIPE", "1")
    conn = external_neo4j()
    assert conn is not None and (conn.uri, conn.user, conn.password, conn.database) == (EXTERNAL, "neo4j", None,
                                                                                         "neo4j")
