"""The README's five-minute tour prints what the README says it prints (every `$ lawgraph cypher … --json`
line followed by its output line, run on the bundled data in a store of the test's own)."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.embedded
REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "lawgraph"]


def tour_commands() -> list[tuple[str, str]]:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## A five-minute tour")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    pairs = []
    for i in range(start, end):
        if lines[i].startswith("$ lawgraph cypher ") and lines[i].endswith("--json"):
            pairs.append((lines[i][2:], lines[i + 1]))
    return pairs


def test_the_tour_has_its_cypher_examples() -> None:
    assert len(tour_commands()) == 8  # incl. the two of statutes in time (FSL:131 versions, TLL:36 candidates)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    environ["LAWGRAPH_HOME"] = str(tmp_path_factory.mktemp("tour-home"))
    subprocess.run([*CLI, "load", "--json"], capture_output=True, text=True, env=environ, check=True)
    return environ


@pytest.mark.parametrize(("command", "printed"), tour_commands(), ids=lambda v: v[:60])
def test_a_tour_command_prints_what_the_readme_shows(command: str, printed: str, env: dict[str, str]) -> None:
    done = subprocess.run([*CLI, *shlex.split(command)[1:]], capture_output=True, text=True, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(printed)
