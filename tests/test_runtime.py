"""One runtime (#17 item 3): reads never write, a stale store is reported, loads are serialised, every
setting is known, and a result cut at the row cap is flagged — on a real embedded store, through the CLI
as a user runs it (new processes, a temporary LAWGRAPH_HOME and a copy of data/)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from lawgraph.ingest.fingerprint import data_fingerprint
from lawgraph.queries.library import QueryLibrary, ResultTruncated
from reliability_support import CLI, DATA, REPO, clean_env, no_traceback, run_cli

from lawgraph.connect import STALE_NOTICE, embedded_home, open_store
from lawgraph.settings import Settings, SettingsError, env_names, render_settings_doc

pytestmark = pytest.mark.embedded

FACTS = "platform-knew-or-should-have-known,no-necessary-measures"
COUNTS = "MATCH (n) RETURN count(n) AS n"
RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n"


def store_files(home: Path) -> dict[str, str]:
    """Every file of the embedded store under ``home`` → the sha256 of its bytes."""
    root = home / "embedded"
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def count(env: dict[str, str], query: str) -> int:
    result = run_cli(["cypher", query, "--json"], env)
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)[0]["n"])


@pytest.fixture
def runtime(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """A fresh LAWGRAPH_HOME and a copy of data/ as LAWGRAPH_DATA_DIR (the store not built yet)."""
    home, data = tmp_path / "home", tmp_path / "data"
    shutil.copytree(DATA, data)
    return clean_env(LAWGRAPH_HOME=str(home), LAWGRAPH_DATA_DIR=str(data)), home, data


def test_a_read_builds_a_missing_store_once_and_then_never_writes(runtime: tuple[dict[str, str], Path, Path]) -> None:
    env, home, data = runtime
    first = run_cli(["outcomes", "--facts", FACTS, "--json"], env)  # no store yet: built on first use
    assert first.returncode == 0 and no_traceback(first), first.stderr
    assert any(r["id"] == "ecl-38-1-joint" for r in json.loads(first.stdout)["rules"])
    assert STALE_NOTICE not in first.stderr
    before = store_files(home)
    assert "lawgraph.rdb" in before and len(before) >= 2

    # touch a source file of the build (bytes and time; put back afterwards): the fingerprint ignores sources
    source = REPO / "ingest" / "gc_pause.py"
    original, stat = source.read_bytes(), source.stat()
    fingerprint = data_fingerprint(data)
    try:
        source.write_bytes(original + b"\n# touched by tests/test_runtime.py\n")
        assert data_fingerprint(data) == fingerprint
        again = run_cli(["outcomes", "--facts", FACTS, "--json"], env)
    finally:
        source.write_bytes(original)
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert again.returncode == 0 and again.stdout == first.stdout, again.stderr
    assert STALE_NOTICE not in again.stderr
    assert store_files(home) == before  # the read rebuilt nothing and left the store's files byte-identical


def test_changed_data_is_reported_not_rebuilt_and_load_clears_it(runtime: tuple[dict[str, str], Path, Path]) -> None:
    env, home, data = runtime
    assert json.loads(run_cli(["load", "--json"], env).stdout)["status"] == "loaded"
    nodes = count(env, COUNTS)
    before = store_files(home)

    # a new fact in the copied data: a real change the next load picks up
    facts = data / "knowledge" / "facts.yaml"
    assert facts.is_file(), sorted(p.name for p in (data / "knowledge").iterdir())
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text + "\n# edited by tests/test_runtime.py\n", encoding="utf-8")

    stale = run_cli(["outcomes", "--facts", FACTS, "--json"], env)
    assert stale.returncode == 0 and no_traceback(stale), stale.stderr
    assert f"note: {STALE_NOTICE}" in stale.stderr  # on stderr; stdout is still the report …
    assert any(r["id"] == "ecl-38-1-joint" for r in json.loads(stale.stdout)["rules"])  # … from the old store
    assert store_files(home) == before
    assert STALE_NOTICE in run_cli(["cypher", COUNTS, "--json"], env).stderr

    loaded = run_cli(["load", "--json"], env)
    assert json.loads(loaded.stdout)["status"] == "loaded", loaded.stderr
    fresh = run_cli(["outcomes", "--facts", FACTS, "--json"], env)
    assert fresh.returncode == 0 and STALE_NOTICE not in fresh.stderr, fresh.stderr
    assert count(env, COUNTS) == nodes  # a comment: the same graph, now recorded as loaded from these files


def test_two_concurrent_loads_end_with_one_correct_store(runtime: tuple[dict[str, str], Path, Path]) -> None:
    env, home, _ = runtime
    reference_env = clean_env(LAWGRAPH_HOME=str(home.parent / "reference"), LAWGRAPH_DATA_DIR=env["LAWGRAPH_DATA_DIR"])
    assert run_cli(["load", "--json"], reference_env).returncode == 0
    expected = (count(reference_env, COUNTS), count(reference_env, RELATIONSHIPS))

    loads = [subprocess.Popen([*CLI, "load", "--json"], env=env, cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in loads]
    assert [p.returncode for p in loads] == [0, 0], [err for _, err in results]
    # one after the other (the load lock): the second found the first's store complete and up to date
    assert sorted(json.loads(out)["status"] for out, _ in results) == ["loaded", "up to date"]

    assert (count(env, COUNTS), count(env, RELATIONSHIPS)) == expected
    store = open_store(Settings.from_env(env))
    try:
        assert store.graph_names() == ["lawgraph"]  # type: ignore[attr-defined]  # no staging graph left
        assert store.meta()["fingerprint"] == data_fingerprint(Path(env["LAWGRAPH_DATA_DIR"]))  # type: ignore[attr-defined]
    finally:
        store.close()
    assert embedded_home(Settings.from_env(env)) == home / "embedded"


def test_every_setting_the_project_reads_is_known(tmp_path: Path) -> None:
    env = clean_env(LAWGRAPH_HOME=str(tmp_path / "home"), LAWGRAPH_NEO4J_BUILD_DIR=str(tmp_path / "x"),
                    LAWGRAPH_TEST_NEO4J_HOME=str(tmp_path / "neo4j"), LAWGRAPH_ALLOW_WIPE="0")
    result = run_cli(["cypher", "RETURN 1 AS one", "--json"], env)
    assert result.returncode == 0 and json.loads(result.stdout) == [{"one": 1}], result.stderr
    typo = run_cli(["cypher", "RETURN 1", "--json"], {**env, "LAWGRAPH_ROWCAP": "5"})
    assert typo.returncode == 2 and typo.stderr.startswith("error: unknown setting LAWGRAPH_ROWCAP")
    assert {"NEO4J_URI", "LAWGRAPH_NEO4J_BUILD_DIR", "LAWGRAPH_TEST_NEO4J_HOME", "LAWGRAPH_ALLOW_WIPE",
            "LAWGRAPH_ROW_CAP", "JAVA_HOME", "MVN"} <= set(env_names())
    with pytest.raises(SettingsError, match="LAWGRAPH_ROW_CAP"):
        Settings.from_env({"LAWGRAPH_ROW_CAP": "many"})
    secret = Settings.from_env({"NEO4J_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(secret) and "hunter2" not in str(secret.model_dump())


def test_a_result_over_the_row_cap_is_flagged(runtime: tuple[dict[str, str], Path, Path]) -> None:
    env, _, _ = runtime
    capped = {**env, "LAWGRAPH_ROW_CAP": "40"}  # the bundled data has 42 facts
    cut = run_cli(["query", "facts", "--json"], capped)
    assert cut.returncode == 0 and len(json.loads(cut.stdout)) == 40
    assert "truncated: 40 row(s): cut at the row cap" in cut.stderr
    whole = run_cli(["query", "facts", "--json"], env)
    assert len(json.loads(whole.stdout)) == 42 and "truncated" not in whole.stderr

    refused = run_cli(["outcomes", "--facts", FACTS, "--json"], capped)  # reasoning from a cut fact list
    assert refused.returncode == 1 and no_traceback(refused), refused.stderr
    assert refused.stderr.startswith("error: query 'fact_names' returned more than 40 rows (the row cap)")
    assert refused.stdout == ""

    store = open_store(Settings.from_env(env))
    try:
        library = QueryLibrary(store, row_cap=40)
        result = library.result("facts")
        assert result.truncated and len(result.rows) == 40
        with pytest.raises(ResultTruncated, match="'facts' returned more than 40 rows"):
            library.run("facts")
        assert len(QueryLibrary(store).run("facts")) == 42 and not QueryLibrary(store).result("facts").truncated
    finally:
        store.close()


#: reads of the environment outside lawgraph/settings.py that are not settings: the two pipe descriptors the
#: processes of one `lawgraph dashboard` hand each other (dashboard/handshake.py), and copies of the whole
#: environment handed on to a child process
NOT_SETTINGS = re.compile(r"os\.environ\.(get|pop)\((READY_FD_ENV|OPTIONS_FD_ENV)\b|\*\*os\.environ\b"
                          r"|os\.environ\.items\(\)|os\.environ\.update\(")
PACKAGE_DIRS = ("lawgraph", "graph", "ingest", "stores", "queries", "dashboard", "benchmarks")


def test_settings_is_the_only_reader_of_the_environment() -> None:
    reads = re.compile(r"os\.environ|getenv\(|environ\[")
    found = [f"{path.relative_to(REPO)}:{n}: {line.strip()}"
             for folder in PACKAGE_DIRS for path in sorted((REPO / folder).rglob("*.py"))
             if path != REPO / "lawgraph" / "settings.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if reads.search(line) and not NOT_SETTINGS.search(line)]
    assert found == []


def test_the_settings_doc_is_generated_from_the_model() -> None:
    assert (REPO / "docs" / "settings.md").read_text(encoding="utf-8") == render_settings_doc(), \
        "docs/settings.md is out of date: run `lawgraph docs`"


@pytest.fixture
def dashboard_env(runtime: tuple[dict[str, str], Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The dashboard's process environment on the temporary home and data copy; its store closed afterwards."""
    from lawgraph.dashboard import state

    env, _, data = runtime
    for name in [k for k in os.environ if k.startswith(("LAWGRAPH_", "NEO4J_"))]:
        monkeypatch.delenv(name)
    for name in ("LAWGRAPH_HOME", "LAWGRAPH_DATA_DIR"):
        monkeypatch.setenv(name, env[name])
    state.store.clear()  # a store another module opened under other settings
    yield data
    state.store.clear()  # on_release closes it


def test_dashboard_reports_stale_data_and_its_caches_follow_a_reload(dashboard_env: Path) -> None:
    from lawgraph.dashboard import state
    from streamlit.testing.v1 import AppTest

    app = str(REPO / "dashboard" / "app.py")
    at = AppTest.from_file(app, default_timeout=180).run()  # builds the missing store
    assert not at.exception and not [w for w in at.sidebar.warning if "Data changed" in str(w.value)]
    name = {r["id"]: r["name_en"] for r in state.rows("facts")}["platform-intentional"]
    assert name == "Platform acted intentionally"

    facts = dashboard_env / "knowledge" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "name_en: Platform acted intentionally", "name_en: Platform acted on purpose"), encoding="utf-8")
    at = AppTest.from_file(app, default_timeout=60).run()
    assert [str(w.value) for w in at.sidebar.warning if "Data changed since the last load" in str(w.value)]
    assert {r["id"]: r["name_en"] for r in state.rows("facts")}["platform-intentional"] == name  # not rebuilt

    before = state.load_id()
    loaded = run_cli(["load", "--json"], clean_env(LAWGRAPH_HOME=os.environ["LAWGRAPH_HOME"],
                                                   LAWGRAPH_DATA_DIR=str(dashboard_env)))
    assert json.loads(loaded.stdout)["status"] == "loaded", loaded.stderr
    assert state.load_id() != before
    # the cached result of the old load misses: the page reads the new graph
    assert {r["id"]: r["name_en"] for r in state.rows("facts")}["platform-intentional"] == "Platform acted on purpose"
    at = AppTest.from_file(app, default_timeout=60).run()
    assert not [w for w in at.sidebar.warning if "Data changed" in str(w.value)]


def test_dashboard_flags_a_cut_list_and_refuses_to_reason_from_one(dashboard_env: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LAWGRAPH_ROW_CAP", "40")  # the bundled data has 42 facts
    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=180)
    at.query_params["facts"] = "platform-knew-or-should-have-known"
    at.run()
    assert not at.exception
    warnings = [str(w.value) for w in at.warning]
    assert any("Cut at the row cap: this list shows only the first 40 rows" in w for w in warnings), warnings
    errors = [str(e.value) for e in at.error]  # the outcome page's report rests on the (cut) fact list
    assert any("returned more than 40 rows (the row cap)" in e for e in errors), errors
