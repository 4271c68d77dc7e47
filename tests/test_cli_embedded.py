"""The CLI contract of the statute issue on the embedded store (a real FalkorDBLite under a temp home)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lawgraph.graph.model import GraphData

pytestmark = pytest.mark.embedded
CLI = [sys.executable, "-m", "lawgraph"]
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("cli-home")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    environ["LAWGRAPH_HOME"] = str(home)
    first = subprocess.run([*CLI, "load", "--json"], capture_output=True, text=True, env=environ, check=True)
    assert json.loads(first.stdout)["status"] == "loaded"
    return environ


def cypher(env: dict[str, str], query: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "cypher", query, "--json", *extra], capture_output=True, text=True, env=env)


def test_acceptance_queries(env: dict[str, str]) -> None:
    n = cypher(env, "MATCH (p:Paragraph)-[:PART_OF]->(a:Article {id:'CC:1198'}) RETURN count(p) AS n")
    assert json.loads(n.stdout) == [{"n": 2}]
    refs = cypher(env, "MATCH (a:Article {id:'ECL:83'})-[:REFERS_TO]->(b) RETURN b.id")
    assert {"b.id": "ECL:38"} in json.loads(refs.stdout)
    cl = cypher(env, "MATCH (a:Article {law:'CL', number:286, suffix:1}) RETURN a.id")
    assert json.loads(cl.stdout) == [{"a.id": "CL:286-1"}]
    held = cypher(env, "MATCH (c:Case)-[h:HELD]->(l) WHERE c.case_number CONTAINS '黑01民终4637' "
                       "RETURN l.id, h.party, h.share ORDER BY h.share DESC")
    assert json.loads(held.stdout) == [{"l.id": "several", "h.party": "merchant", "h.share": 0.5},
                                       {"l.id": "several", "h.party": "platform", "h.share": 0.3},
                                       {"l.id": "several", "h.party": "victim", "h.share": 0.2}]


def test_params_and_second_load_is_a_no_op(env: dict[str, str], graph: GraphData) -> None:
    rows = cypher(env, "MATCH (a:Article {id: $id}) RETURN a.number AS n", "--param", "id=ECL:38")
    assert json.loads(rows.stdout) == [{"n": 38}]
    again = subprocess.run([*CLI, "load", "--json"], capture_output=True, text=True, env=env, check=True)
    assert json.loads(again.stdout)["status"] == "up to date"
    count = cypher(env, "MATCH (n:Entity) RETURN count(n) AS n")
    assert json.loads(count.stdout)[0]["n"] == len(graph.nodes) == 8045  # loading again added nothing


def test_write_is_refused_and_graph_unchanged(env: dict[str, str]) -> None:
    before = cypher(env, "MATCH (n) RETURN count(n) AS n").stdout
    refused = cypher(env, "CREATE (:X {id: 'x'})")
    assert refused.returncode == 2 and "read-only" in refused.stderr
    assert cypher(env, "MATCH (n) RETURN count(n) AS n").stdout == before


def test_reload_with_wipe_gives_identical_counts(env: dict[str, str]) -> None:
    counts = "MATCH (n) RETURN count(n) AS n"
    rels = "MATCH ()-[r]->() RETURN count(r) AS n"
    before = (cypher(env, counts).stdout, cypher(env, rels).stdout)
    subprocess.run([*CLI, "load", "--wipe"], capture_output=True, text=True, env=env, check=True)
    assert (cypher(env, counts).stdout, cypher(env, rels).stdout) == before


def test_named_query_and_outcomes_cli(env: dict[str, str]) -> None:
    result = subprocess.run([*CLI, "query", "article", "-p", "id=CC:1198", "--json"], capture_output=True,
                            text=True, env=env, check=True)
    row = json.loads(result.stdout)[0]
    assert row["paragraphs"] == ["CC:1198(1)", "CC:1198(2)"]
    out = subprocess.run([*CLI, "outcomes", "--facts", "platform-knew-or-should-have-known,no-necessary-measures",
                          "--json"], capture_output=True, text=True, env=env, check=True)
    report = json.loads(out.stdout)
    assert any(r["id"] == "ecl-38-1-joint" and r["liability_form"] == "joint-several" for r in report["rules"])
    assert report["schema_version"] == "1.1" and "Under E-Commerce Law art. 38" in report["explanation"]["en"]
    schema = subprocess.run([*CLI, "outcomes", "--schema"], capture_output=True, text=True, env=env, check=True)
    assert json.loads(schema.stdout) == json.loads((REPO / "docs" / "outcomes.schema.json").read_text(encoding="utf-8"))
    bad = subprocess.run([*CLI, "outcomes", "--facts", "no-such-fact"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "unknown fact id 'no-such-fact'" in bad.stderr and "Traceback" not in bad.stderr


def test_data_dir_setting_is_checked(tmp_path: Path, env: dict[str, str]) -> None:
    result = subprocess.run([*CLI, "cypher", "RETURN 1 AS x"], capture_output=True, text=True,
                            env={**env, "LAWGRAPH_TYPO": "1"})
    assert result.returncode == 2 and "unknown setting LAWGRAPH_TYPO" in result.stderr


def test_json_output_says_when_the_row_cap_cut_it(env: dict[str, str]) -> None:
    cut = cypher(env, "MATCH (a:Article) RETURN a.id AS id ORDER BY id", "--row-cap", "3")
    assert cut.returncode == 0 and len(json.loads(cut.stdout)) == 3
    assert "3 row(s): cut at the row cap" in cut.stderr
    whole = cypher(env, "MATCH (a:Article {id: 'ECL:38'}) RETURN a.id AS id", "--row-cap", "3")
    assert json.loads(whole.stdout) == [{"id": "ECL:38"}] and "row cap" not in whole.stderr


def test_a_syntax_error_reads_as_position_reason_and_caret(env: dict[str, str]) -> None:
    bad = cypher(env, "MATCH (a:Article)\nRETURN a.id ORDER")
    assert bad.returncode == 2, bad.stderr  # bad input, not a failing store
    assert bad.stderr.startswith("error: line 2, column 18: the query ends too early (expected: ORDER BY)\n"
                                 "  RETURN a.id ORDER\n" + " " * 19 + "^")
    assert "errMsg" not in bad.stderr and "errCtx" not in bad.stderr and "Traceback" not in bad.stderr


def test_outcomes_refuses_an_unknown_framework(env: dict[str, str]) -> None:
    done = subprocess.run([*CLI, "outcomes", "--facts", "food-product", "--framework", "no-such-framework"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "unknown framework 'no-such-framework'" in done.stderr
    assert "statutory-ecl" in done.stderr and "Traceback" not in done.stderr
