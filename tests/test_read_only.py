"""Read-only access: every write through the console, `lawgraph cypher` or ``store.read`` is refused, on both stores.

Three layers are tested separately, each against a real store holding the valid base:

* ``store.read`` (what the console, the CLI and the query library call) refuses every write attempt with
  ReadOnlyViolation, and the graph and its schema are unchanged;
* the store itself refuses the writes when the guard (``stores.read_guard.check_read``, a parse of the
  statement against allow-lists) is bypassed: FalkorDB's ``GRAPH.RO_QUERY`` (``graph.ro_query``) and a Neo4j
  read transaction;
* the guard refuses what a read transaction would let through (``dbms.*`` procedures however spelt,
  ``SHOW SETTINGS``, ``USE``, several statements) and lets through reads that merely contain a keyword
  (``n.set``, a string holding ``CREATE``), through the console and ``lawgraph cypher``;
* the Cypher console of the dashboard (``dashboard.console_view.run``) and ``lawgraph cypher`` report the
  refusal (no traceback) — and bound every query with a time limit and a row cap.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lawgraph.stores.base import QueryTimeout, ReadOnlyViolation, StoreError
from lawgraph.stores.embedded import EmbeddedStore
from reliability_support import VALID, GraphDump, clean_env, dump, neo4j_env, no_traceback, run_cli

from lawgraph.settings import ROW_CAP


@dataclass(frozen=True)
class Attempt:
    """One way of writing (or of reaching outside the graph); ``None`` where a store has no such command."""

    name: str
    embedded: str | None
    neo4j: str | None
    store_level: bool = True  # the store refuses it itself, not only the early check

    def query(self, backend: str) -> str | None:
        return self.embedded if backend == "embedded" else self.neo4j


def both(name: str, query: str, store_level: bool = True) -> Attempt:
    return Attempt(name, query, query, store_level)


ATTEMPTS = [
    both("create", "CREATE (:Intruder {id: 'x'})"),
    both("merge", "MERGE (:Intruder {id: 'x'})"),
    both("set", "MATCH (n:Article {id: 'ECL:38'}) SET n.text_zh = 'changed'"),
    both("remove", "MATCH (n:Article {id: 'ECL:38'}) REMOVE n.text_zh"),
    both("delete", "MATCH ()-[r:HELD]->() DELETE r"),
    both("detach-delete", "MATCH (n:Case) DETACH DELETE n"),
    both("detach-delete-obfuscated", "match (n:Case) /* only a read */ DeTaCh\n  dElEtE n"),
    both("foreach", "MATCH (n:Fact) FOREACH (x IN [1] | SET n.touched = true)"),
    both("call-subquery", "MATCH (n:Case) CALL { WITH n DETACH DELETE n } RETURN 1 AS one"),
    Attempt("call-writing-procedure", "CALL db.idx.fulltext.createNodeIndex('Article', 'text_zh')",
            "CALL db.createLabel('Intruder')"),
    both("load-csv", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", store_level=False),
    both("load-csv-obfuscated", "load /**/ csv from 'file:///etc/hostname' as row return row", store_level=False),
    Attempt("create-index", "CREATE INDEX FOR (n:Fact) ON (n.group)",
            "CREATE INDEX intruder_index IF NOT EXISTS FOR (n:Fact) ON (n.group)"),
    Attempt("drop-index", "DROP INDEX ON :Article(law)", "DROP INDEX article_law IF EXISTS"),
    Attempt("create-constraint", None,
            "CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Fact) REQUIRE n.group IS UNIQUE"),
    Attempt("drop-constraint", None, "DROP CONSTRAINT entity_id IF EXISTS"),
    Attempt("terminate-transactions", None, "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", store_level=False),
]
MARKS = {"embedded": pytest.mark.embedded, "neo4j": pytest.mark.neo4j}
BACKENDS = [pytest.param(b, marks=mark, id=b) for b, mark in MARKS.items()]
CASES = [pytest.param(b, a, marks=mark, id=f"{b}-{a.name}") for b, mark in MARKS.items() for a in ATTEMPTS
         if a.query(b)]
#: an expensive query: a six-fold cartesian product of the graph's 31 nodes (888 million rows, filtered)
EXPENSIVE = "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id < b.id RETURN count(*) AS n"
MANY_ROWS = "UNWIND range(1, 5000) AS x RETURN x"


@dataclass(frozen=True)
class Snapshot:
    graph: GraphDump
    schema: tuple[str, ...]


def snapshot(store: Any) -> Snapshot:
    if store.backend == "embedded":
        rows = store.read("CALL db.indexes()").rows
    else:
        rows = store.read("SHOW INDEXES YIELD name, labelsOrTypes, properties RETURN *").rows
        rows += store.read("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN *").rows
    return Snapshot(dump(store), tuple(sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)))


# ------------------------------------------------------------------------------------- stores


@pytest.fixture(scope="module")
def embedded_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, EmbeddedStore, Snapshot]]:
    """A LAWGRAPH_HOME whose embedded store holds the valid base, kept open (CLI processes attach to it)."""
    from lawgraph.connect import embedded_home as home_of
    from lawgraph.connect import ensure_embedded
    from lawgraph.settings import Settings

    home = tmp_path_factory.mktemp("ro-home")
    store = EmbeddedStore(home_of(Settings.from_env({"LAWGRAPH_HOME": str(home)})))
    assert ensure_embedded(store, VALID, quiet=True) is not None
    before = snapshot(store)
    # one fact pattern: 1 node, 3 relationships; three statutes' versions: 3 nodes, 3 VERSION_OF
    assert before.graph.counts == (31, 32) and before.schema
    yield home, store, before
    store.close()


_NEO4J: dict[str, Any] = {}


@pytest.fixture()
def neo4j_ro(request: pytest.FixtureRequest) -> tuple[Any, Snapshot]:
    """The session's Neo4j holding the valid base: wiped and loaded by this module's first Neo4j test.

    The tests here only read (every write is refused, and each test checks that), so the later ones reuse it.
    """
    if "store" not in _NEO4J:
        from lawgraph.ingest.build import build_graph
        from lawgraph.ingest.fingerprint import data_fingerprint
        from lawgraph.ingest.writer import load_graph

        store = request.getfixturevalue("neo4j_store")  # wiped (the session's "bundled data loaded" mark too)
        # recorded as `lawgraph load` would, so the CLI (data dir VALID) finds Neo4j up to date: no stale notice
        load_graph(store.loader(), build_graph(VALID).graph, {"fingerprint": data_fingerprint(VALID)})
        _NEO4J["store"], _NEO4J["before"] = store, snapshot(store)
    return _NEO4J["store"], _NEO4J["before"]


@pytest.fixture()
def target(request: pytest.FixtureRequest, backend: str) -> tuple[Any, Snapshot]:
    if backend == "embedded":
        _, store, before = request.getfixturevalue("embedded_home")
        return store, before
    return request.getfixturevalue("neo4j_ro")


@pytest.fixture()
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# ------------------------------------------------------------------------------------- store.read


@pytest.mark.parametrize(("backend", "attempt"), CASES, indirect=["backend"])
def test_store_read_refuses_every_write(backend: str, attempt: Attempt, target: tuple[Any, Snapshot]) -> None:
    store, before = target
    with pytest.raises(ReadOnlyViolation, match="refused"):
        store.read(attempt.query(backend), timeout_ms=5_000, row_cap=10)
    assert snapshot(store) == before


@pytest.mark.parametrize(("backend", "attempt"), [c for c in CASES if c.values[1].store_level], indirect=["backend"])
def test_store_refuses_writes_without_the_keyword_check(backend: str, attempt: Attempt,
                                                        target: tuple[Any, Snapshot]) -> None:
    """GRAPH.RO_QUERY and a Neo4j read transaction refuse the write themselves: the guard is not involved."""
    store, before = target
    query = attempt.query(backend)
    if backend == "embedded":
        import redis

        with pytest.raises(redis.ResponseError) as refused:
            store.graph.ro_query(query)
        assert ("read-only" in str(refused.value) or "Error opening CSV URI" in str(refused.value)), refused.value
    else:
        import neo4j
        from neo4j.exceptions import ClientError

        with (store.driver.session(database=store.database, default_access_mode=neo4j.READ_ACCESS) as session,
              pytest.raises(ClientError) as refused):
            session.execute_read(lambda tx: tx.run(query).consume())
        assert refused.value.code == "Neo.ClientError.Statement.AccessMode", refused.value
    assert snapshot(store) == before


@pytest.mark.embedded
def test_falkordb_refuses_load_csv_outside_its_import_folder(
        embedded_home: tuple[Path, EmbeddedStore, Snapshot]) -> None:
    """On the embedded store LOAD CSV cannot read the machine's files even past the guard."""
    import redis

    _, store, _ = embedded_home
    with pytest.raises(redis.ResponseError, match="Error opening CSV URI"):
        store.graph.ro_query("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
    with pytest.raises(redis.ResponseError, match="Error opening CSV URI"):
        store.graph.ro_query("LOAD CSV FROM 'file://../../../../etc/passwd' AS row RETURN row")


@pytest.mark.neo4j
def test_local_neo4j_refuses_load_csv_from_files(neo4j_ro: tuple[Any, Snapshot]) -> None:
    """The local Neo4j (like docker-compose's) runs with file URLs off: LOAD CSV cannot read the
    machine's files even in a session that bypasses the guard."""
    from neo4j.exceptions import ClientError

    store, before = neo4j_ro
    with (store.driver.session(database=store.database) as session,
          pytest.raises(ClientError, match="allow_csv_import_from_file_urls' is false")):
        session.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1").consume()
    assert snapshot(store) == before


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_an_expensive_query_stops_at_the_time_limit(backend: str, target: tuple[Any, Snapshot]) -> None:
    store, _ = target
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit"):
        store.read(EXPENSIVE, timeout_ms=300)
    assert time.monotonic() - started < 10
    assert store.read("MATCH (n:Case) RETURN count(n) AS n", timeout_ms=5_000).rows == [{"n": 1}]  # still serving


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_the_row_cap_cuts_a_long_result(backend: str, target: tuple[Any, Snapshot]) -> None:
    store, _ = target
    result = store.read(MANY_ROWS, timeout_ms=10_000, row_cap=25)
    assert result.truncated and result.rows == [{"x": i} for i in range(1, 26)]
    whole = store.read("UNWIND range(1, 25) AS x RETURN x", timeout_ms=10_000, row_cap=25)
    assert not whole.truncated and len(whole.rows) == 25


@pytest.mark.embedded
def test_a_query_that_builds_a_huge_value_is_stopped(embedded_home: tuple[Path, EmbeddedStore, Snapshot]) -> None:
    """FalkorDB checks the time limit between records; the per-query memory cap stops one giant value."""
    _, store, _ = embedded_home
    with pytest.raises(StoreError, match="mem consumption exceeded capacity"):  # not gigabytes and minutes
        store.read("RETURN size(range(1, 100000000)) AS n", timeout_ms=300)
    assert store.read("RETURN 1 AS ok").rows == [{"ok": 1}]


# ------------------------------------------------------------------------------------- the console

@pytest.fixture()
def console(monkeypatch: pytest.MonkeyPatch, target: tuple[Any, Snapshot]) -> Any:
    """``dashboard.console_view`` reading the store under test (its own store accessor points at it)."""
    from lawgraph.dashboard import console_view, state

    monkeypatch.setattr(state, "store", lambda: target[0])
    return console_view


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_console_refuses_writes_and_bounds_queries(backend: str, console: Any, target: tuple[Any, Snapshot]) -> None:
    store, before = target
    for attempt in ATTEMPTS:  # every write attempt of the store test, typed into the console
        query = attempt.query(backend)
        if query is None:
            continue
        outcome = console.run(query, "", 5_000, 100)
        assert outcome["refused"] is True and "refused" in outcome["error"], (attempt.name, outcome)
    assert snapshot(store) == before
    slow = console.run(EXPENSIVE, "", 300, 100)
    assert slow["refused"] is False and "time limit" in slow["error"]
    capped = console.run(MANY_ROWS, "", 10_000, 40)
    assert capped["truncated"] is True and len(capped["rows"]) == 40
    fine = console.run("MATCH (c:Case) RETURN c.id AS id", "", 10_000, 40)
    assert fine["rows"] == [{"id": "(2020)黑01民终4637号"}] and not fine["truncated"]


# ------------------------------------------------------------------------------------- lawgraph cypher

CLI_ATTEMPTS = ["create", "detach-delete-obfuscated", "load-csv"]


@pytest.fixture()
def cli_env(request: pytest.FixtureRequest, backend: str, target: tuple[Any, Snapshot]) -> dict[str, str]:
    if backend == "embedded":
        home, _, _ = request.getfixturevalue("embedded_home")
        # the data folder the store was built from, so that `lawgraph cypher` finds it up to date
        return clean_env(LAWGRAPH_HOME=str(home), LAWGRAPH_DATA_DIR=str(VALID), LAWGRAPH_BACKEND="embedded")
    return neo4j_env(request.getfixturevalue("neo4j_uri"), LAWGRAPH_DATA_DIR=str(VALID), LAWGRAPH_BACKEND="neo4j")


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_lawgraph_cypher_refuses_writes(backend: str, cli_env: dict[str, str], target: tuple[Any, Snapshot]) -> None:
    store, before = target
    by_name = {a.name: a for a in ATTEMPTS}
    for name in CLI_ATTEMPTS:
        result = run_cli(["cypher", by_name[name].query(backend) or "", "--json"], cli_env)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert result.stderr.startswith("error: refused:") and no_traceback(result), (name, result.stderr)
        assert result.stdout == ""
    assert snapshot(store) == before


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_lawgraph_cypher_time_limit_and_row_cap(backend: str, cli_env: dict[str, str],
                                                target: tuple[Any, Snapshot]) -> None:
    slow = run_cli(["cypher", EXPENSIVE], {**cli_env, "LAWGRAPH_QUERY_TIMEOUT_MS": "300"})
    assert slow.returncode == 1 and "time limit" in slow.stderr and no_traceback(slow), slow.stderr
    capped = run_cli(["cypher", MANY_ROWS, "--row-cap", "30", "--json"], cli_env)
    assert capped.returncode == 0 and json.loads(capped.stdout) == [{"x": i} for i in range(1, 31)]
    default_cap = run_cli(["cypher", f"UNWIND range(1, {2 * ROW_CAP}) AS x RETURN x", "--json"], cli_env)
    assert default_cap.returncode == 0 and len(json.loads(default_cap.stdout)) == ROW_CAP  # LAWGRAPH_ROW_CAP's default
    assert f"truncated: {ROW_CAP} row(s): cut at the row cap" in default_cap.stderr


# ------------------------------------------------------------------------------------- the guard's parse

#: (name, statement, what the refusal names): ways around a keyword screen, and every kind of write
BYPASSES = [
    ("dbms-comment", "CALL dbms/**/.listConfig()", "CALL dbms.listConfig is not a read-only procedure"),
    ("dbms-backticks", "CALL `dbms`.listConfig()", "CALL dbms.listConfig is not a read-only procedure"),
    ("dbms-space", "CALL dbms .listConfig()", "CALL dbms.listConfig is not a read-only procedure"),
    ("labels-suffix", "CALL db.labelsX()", "CALL db.labelsX is not a read-only procedure"),
    ("show-settings", "SHOW SETTINGS", "SHOW SETTINGS is not a read-only clause"),
    ("show-transactions", "SHOW TRANSACTIONS", "SHOW TRANSACTIONS is not a read-only clause"),
    ("create", "CREATE (:Intruder {id: 'x'})", "CREATE is not a read-only clause"),
    ("merge", "MERGE (:Intruder {id: 'x'})", "MERGE is not a read-only clause"),
    ("set", "MATCH (n:Case) SET n.year = 1", "SET is not a read-only clause"),
    ("delete", "MATCH ()-[r:HELD]->() DELETE r", "DELETE is not a read-only clause"),
    ("detach-delete", "MATCH (n:Case) DETACH /* x */ DELETE n", "DETACH DELETE is not a read-only clause"),
    ("remove", "MATCH (n:Case) REMOVE n.year", "REMOVE is not a read-only clause"),
    ("load-csv", "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row", "LOAD CSV is not a read-only clause"),
    ("foreach", "MATCH (n:Fact) FOREACH (x IN [1] | SET n.touched = true)", "FOREACH is not a read-only clause"),
    ("apoc", "CALL apoc.meta.stats()", "CALL apoc.meta.stats is not a read-only procedure"),
    ("create-index", "CREATE INDEX intruder FOR (n:Fact) ON (n.group)", "CREATE INDEX is not a read-only clause"),
    ("drop-constraint", "DROP CONSTRAINT entity_id", "DROP CONSTRAINT is not a read-only clause"),
    ("use", "USE otherdb MATCH (n) RETURN n", "USE is not a read-only clause"),
    ("two-statements", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n", "one statement at a time"),
]
BYPASS_CASES = [pytest.param(b, q, why, marks=MARKS[b], id=f"{b}-{name}") for b in MARKS
                for name, q, why in BYPASSES]
#: reads that only contain a keyword; what each answers on the valid base (the same on both stores)
READS = [
    ("property-named-set", "MATCH (n:Case) RETURN n.set LIMIT 1", [{"n.set": None}]),
    ("string-holding-delete", "MATCH (n) WHERE n.title CONTAINS 'delete' RETURN n", []),
    ("string-holding-create", "RETURN 'CREATE (:X)' AS s", [{"s": "CREATE (:X)"}]),
    ("alias-named-create", "MATCH (c:Case) RETURN c.id AS create", [{"create": "(2020)黑01民终4637号"}]),
]
READ_CASES = [pytest.param(b, q, rows, marks=MARKS[b], id=f"{b}-{name}") for b in MARKS for name, q, rows in READS]


@pytest.mark.parametrize(("backend", "query", "why"), BYPASS_CASES, indirect=["backend"])
def test_console_refuses_bypasses(backend: str, query: str, why: str, console: Any,
                                  target: tuple[Any, Snapshot]) -> None:
    outcome = console.run(query, "", 5_000, 100)
    assert outcome["refused"] is True and outcome["error"].startswith(f"refused: {why}"), outcome
    assert "refused: refused" not in outcome["error"]
    assert snapshot(target[0]) == target[1]


@pytest.mark.parametrize(("backend", "query", "why"), BYPASS_CASES, indirect=["backend"])
def test_lawgraph_cypher_refuses_bypasses(backend: str, query: str, why: str, cli_env: dict[str, str],
                                          target: tuple[Any, Snapshot]) -> None:
    result = run_cli(["cypher", query, "--json"], cli_env)
    assert result.returncode == 2 and result.stdout == "", (result.stdout, result.stderr)  # bad input
    assert result.stderr.startswith(f"error: refused: {why}") and no_traceback(result), result.stderr
    assert snapshot(target[0]) == target[1]


@pytest.mark.parametrize(("backend", "query", "rows"), READ_CASES, indirect=["backend"])
def test_reads_that_contain_keywords_run(backend: str, query: str, rows: list[dict[str, Any]], console: Any,
                                         cli_env: dict[str, str]) -> None:
    outcome = console.run(query, "", 10_000, 100)
    assert outcome.get("rows") == rows, outcome
    result = run_cli(["cypher", query, "--json"], cli_env)
    assert result.returncode == 0 and json.loads(result.stdout) == rows, result.stderr


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_schema_procedures_run(backend: str, console: Any) -> None:
    labels = {row["label"] for row in console.run("CALL db.labels()", "", 10_000, 100)["rows"]}
    assert {"Case", "Article", "Fact", "Entity"} <= labels, labels
    types = console.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t", "", 10_000,
                        100)["rows"]
    assert {"t": "HELD"} in types


def test_every_library_query_passes_the_guard() -> None:
    """The guard refuses none of lawgraph's own queries (what the dashboard pages and the CLI run)."""
    from lawgraph.stores.read_guard import check_read

    files = sorted((Path(__file__).resolve().parents[1] / "queries" / "cypher").glob("*.cypher"))
    assert len(files) > 20
    for path in files:
        assert check_read(path.read_text(encoding="utf-8")).clauses[-1] in ("RETURN", "LIMIT", "ORDER BY"), path


#: statements the guard must let through (no store needed): the shapes of Cypher reads
GUARD_ALLOWS = [
    "CALL db.labels", "CALL db.labels() YIELD label WHERE label STARTS WITH 'A' RETURN label",
    "MATCH (n) WHERE EXISTS { (n)-->() } RETURN COUNT { (n)-->() } AS c",
    "MATCH (n) CALL { WITH n MATCH (n)-->(m) RETURN m } RETURN m", "MATCH (n) CALL (n) { MATCH (n)-->(m) RETURN m } "
    "RETURN m", "MATCH p = ((a)-->(b)){1,3} RETURN p", "MATCH (n) RETURN n {.id, .name} AS m",
    "UNWIND [1, 2] AS x RETURN x;", "MATCH (n) WHERE n.x IS NOT NULL AND n.y IS :: INTEGER "
    "RETURN CASE WHEN n.x > 1 THEN 'a' ELSE 'b' END AS c", "RETURN date.truncate('month', date()) AS d",
    "MATCH (a)-[r:REL*1..3]->(b) RETURN a, r, b SKIP 1 LIMIT 2", "MATCH (n) WHERE n:Article|Case RETURN labels(n)",
    "MATCH (n) RETURN [x IN range(1, 3) WHERE x > 1 | x * 2] AS l", "MATCH (n) RETURN COLLECT { MATCH (n)-->(m) "
    "RETURN m.id } AS ids", "RETURN 1 AS x UNION ALL RETURN 2 AS x", "MATCH ANY SHORTEST (a)-->+(b) RETURN a",
    "MATCH (n) RETURN n.delete, n.merge, n.call, n.`set`", "MATCH (n {create: 1}) RETURN {set: 2, load: 3} AS m",
    "MATCH (n) // CREATE (m)\nRETURN n /* DETACH DELETE n */", "RETURN $set, $`delete`",
    "MATCH (n) WHERE n.name ENDS WITH 'x' WITH n RETURN n", "SHOW FULLTEXT INDEXES",
    "CALL db.idx.fulltext.queryNodes('Article', $q) YIELD node, score RETURN node.id ORDER BY score DESC",
]
#: statements it must refuse, and what the message names
GUARD_REFUSES = [
    ("CALL db . labels . x()", "CALL db.labels.x is not a read-only procedure"),
    ("CALL `dbms.listConfig`()", "CALL dbms.listConfig is not a read-only procedure"),
    ("CALL dbms.components()", "CALL dbms.components is not a read-only procedure"),
    ("RETURN apoc.version()", "apoc.version() is not a function"),
    ("MATCH (n) CALL (n) { SET n.x = 1 } RETURN 1", "SET is not a read-only clause"),
    ("MATCH (n) WHERE EXISTS { MATCH (n) CREATE (m) } RETURN n", "CREATE is not a read-only clause"),
    ("RETURN {a: COUNT { MATCH (n) DELETE n }} AS m", "DELETE is not a read-only clause"),
    ("RETURN 1 AS x INSERT (n)", "INSERT is not a read-only clause"),
    ("SHOW USERS", "SHOW USERS is not a read-only clause"), ("SHOW DATABASES", "SHOW DATABASES is not"),
    ("GRANT ROLE reader TO bob", "GRANT ROLE is not a read-only clause"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS is not a read-only clause"),
    ("EXPLAIN MATCH (n) RETURN n", "EXPLAIN is not a read-only clause"),
    ("MATCH (n) FROBNICATE n", "FROBNICATE (line 1, column 11) is not a read-only clause"),
    ("RETURN [1; 2]", "one statement at a time"), ("RETURN 'open", "cannot read the statement"),
    ("RETURN (1", "cannot read the statement"), ("/* only a comment */", "the statement is empty"),
]


@pytest.mark.parametrize("query", GUARD_ALLOWS)
def test_the_guard_lets_reads_through(query: str) -> None:
    from lawgraph.stores.read_guard import check_read

    assert check_read(query).clauses


@pytest.mark.parametrize(("query", "why"), GUARD_REFUSES)
def test_the_guard_refuses_naming_why(query: str, why: str) -> None:
    from lawgraph.stores.read_guard import check_read

    with pytest.raises(ReadOnlyViolation) as refused:
        check_read(query)
    assert str(refused.value).startswith(f"refused: {why}"), refused.value
