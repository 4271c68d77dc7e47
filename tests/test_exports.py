"""GraphML (networkx) and CSV for ``neo4j-admin database import``: files, round trips, a real import.

Built from the same small data folder as tests/test_rdf_export.py (statutes copied from
data/statutes plus tests/data/exports/).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from lawgraph.graph.csv_import import ARRAY_DELIMITER, IMPORT_OPTIONS, column_type, write_csv
from lawgraph.graph.graphml import graphml_bytes, write_graphml
from lawgraph.graph.model import BASE_LABEL, EdgeRecord, GraphData, Label, NodeRecord, RelType
from lawgraph.ingest.build import build_graph

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "data" / "exports"
STATUTE_FILES = ("catalog.yaml", "ecommerce-law-2018.md", "civil-code-2020-torts.md",
                 "civil-code-2020-supplementary.md", "consumer-rights-protection-law-2013.md", "criminal-law.md")
CLI = [sys.executable, "-m", "lawgraph"]


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export-data")
    (target / "statutes").mkdir()
    for name in STATUTE_FILES:
        shutil.copy(REPO / "data" / "statutes" / name, target / "statutes" / name)
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    return target


@pytest.fixture(scope="module")
def fixture_graph(data_folder: Path) -> GraphData:
    return build_graph(data_folder).graph


# -- GraphML -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def graphml(fixture_graph: GraphData, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    path = tmp_path_factory.mktemp("graphml") / "lawgraph.graphml"
    write_graphml(fixture_graph, path)
    return nx.read_graphml(path, force_multigraph=True)


def test_graphml_round_trips_counts_per_label_and_type(fixture_graph: GraphData, graphml: nx.MultiDiGraph) -> None:
    assert Counter(attrs["labels"] for _, attrs in graphml.nodes(data=True)) == fixture_graph.label_counts()
    assert Counter(attrs["type"] for *_, attrs in graphml.edges(data=True)) == fixture_graph.relationship_counts()
    ids = [key for *_, key in graphml.edges(keys=True)]
    assert len(ids) == len(set(ids)) == len(fixture_graph.edges)  # document-unique edge ids


def test_graphml_values_are_scalars_and_lists_are_json(fixture_graph: GraphData, graphml: nx.MultiDiGraph) -> None:
    article = graphml.nodes["ECL:38"]
    assert article["number"] == 38 and article["label"] == "ECL:38" and article["labels"] == "Article"
    assert json.loads(article["path_zh"]) == fixture_graph.nodes["ECL:38"].props["path_zh"]
    assert json.loads(article["sources"]) == ["statute:ECL#art-38"]
    assert graphml.nodes["danger-control"]["label"] == "Danger-control theory"
    # `tier` is text on obligations and a number on rules: one GraphML key of the general type
    assert graphml.nodes["safety-guarantee"]["tier"] == "basic"
    assert graphml.nodes["ladder-tier-1-joint"]["tier"] == "1"
    shares = sorted(attrs["share"] for *_, attrs in graphml.edges(data=True) if "share" in attrs)
    assert shares == [0.2, 0.3, 0.5]
    for _, attrs in graphml.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())


def test_graphml_document_declares_typed_keys(fixture_graph: GraphData) -> None:
    text = graphml_bytes(fixture_graph).decode("utf-8")
    assert '<key id="d' in text and 'attr.name="share" attr.type="double"' in text
    assert 'attr.name="labels" attr.type="string"' in text


# -- CSV for neo4j-admin -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def csv_export(fixture_graph: GraphData, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return write_csv(fixture_graph, tmp_path_factory.mktemp("csv"))


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_csv_has_one_file_per_label_and_type(fixture_graph: GraphData, csv_export) -> None:  # type: ignore[no-untyped-def]
    assert {p.name for p in csv_export.directory.iterdir()} == (
        {f"nodes_{label}.csv" for label in fixture_graph.label_counts()}
        | {f"relationships_{rel}.csv" for rel in fixture_graph.relationship_counts()})
    for label, path in csv_export.node_files.items():
        assert len(read(path)[1]) == fixture_graph.label_counts()[label.value]
    for rel, path in csv_export.relationship_files.items():
        assert len(read(path)[1]) == fixture_graph.relationship_counts()[rel.value]


def test_csv_headers_follow_the_import_tool(csv_export) -> None:  # type: ignore[no-untyped-def]
    header, rows = read(csv_export.node_files[Label.ARTICLE])
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {"number:int", "suffix:int", "path_zh:string[]", "sources:string[]", "text_zh:string"} <= set(header)
    assert {row[1] for row in rows} == {f"{BASE_LABEL}{ARRAY_DELIMITER}Article"}
    header, _ = read(csv_export.relationship_files[RelType.HELD])
    assert header == [":START_ID", ":END_ID", ":TYPE", "party:string", "share:double", "note_en:string",
                      "sources:string[]"]
    header, _ = read(csv_export.node_files[Label.STATUTE])
    assert "in_corpus:boolean" in header


def test_csv_values_round_trip(fixture_graph: GraphData, csv_export) -> None:  # type: ignore[no-untyped-def]
    header, rows = read(csv_export.node_files[Label.ARTICLE])
    column = {name.partition(":")[0]: i for i, name in enumerate(header)}
    by_id = {row[0]: row for row in rows}
    article = fixture_graph.nodes["CL:286-1"].props
    row = by_id["CL:286-1"]
    assert int(row[column["number"]]) == 286 and int(row[column["suffix"]]) == 1
    assert row[column["text_zh"]] == article["text_zh"] and "\n" in row[column["text_zh"]]
    assert row[column["path_zh"]].split(ARRAY_DELIMITER) == article["path_zh"]
    # a missing value is an empty, unquoted field: null for the importer (a quoted "" would be a string)
    raw = csv_export.node_files[Label.ARTICLE].read_text(encoding="utf-8")
    assert '"ECL:38","Entity;Article","ECL",38,,' in raw
    statutes = dict((r[0], r) for r in read(csv_export.node_files[Label.STATUTE])[1])
    in_corpus = read(csv_export.node_files[Label.STATUTE])[0].index("in_corpus:boolean")
    assert statutes["ECL"][in_corpus] == "true" and statutes["TLL"][in_corpus] == "false"
    held = read(csv_export.relationship_files[RelType.HELD])[1]
    assert sorted((r[3], r[4]) for r in held if r[4]) == [("merchant", "0.5"), ("platform", "0.3"), ("victim", "0.2")]


def test_csv_refuses_what_the_importer_would_misread(tmp_path: Path) -> None:
    bad = GraphData({"x": NodeRecord("x", Label.FACT, {"aliases_en": ["a;b"]})})
    with pytest.raises(ValueError, match="contains the array delimiter"):
        write_csv(bad, tmp_path / "bad")
    with pytest.raises(ValueError, match="mixes int and str"):
        column_type("tier", [1, "basic"])
    assert column_type("serial", [1, 2**40]) == "long"


def test_csv_replaces_an_earlier_export(tmp_path: Path) -> None:
    small = GraphData({"a": NodeRecord("a", Label.FACT, {"name_en": "A"}), "b": NodeRecord("b", Label.FACT)},
                      [EdgeRecord(RelType.RELATED_TO, "a", "b")])
    write_csv(small, tmp_path)
    (tmp_path / "notes.txt").write_text("kept")
    write_csv(GraphData({"a": NodeRecord("a", Label.FACT)}), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nodes_Fact.csv", "notes.txt"]


def test_import_command_names_every_file(csv_export) -> None:  # type: ignore[no-untyped-def]
    command = csv_export.import_command()
    assert command[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert sum(arg.startswith("--nodes=") for arg in command) == len(csv_export.node_files)
    assert sum(arg.startswith("--relationships=") for arg in command) == len(csv_export.relationship_files)
    assert set(IMPORT_OPTIONS) <= set(command)


@pytest.mark.neo4j
def test_csv_imports_into_neo4j_with_the_graph_counts(fixture_graph: GraphData, csv_export,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    """neo4j-admin import into a fresh local Neo4j 5: the counts `lawgraph load` writes, typed values."""
    from lawgraph.stores import neo4j_local
    from neo4j import GraphDatabase

    if os.environ.get("NEO4J_URI"):
        pytest.skip("the import needs a local server home (stores/neo4j_local.py), not NEO4J_URI")
    home = tmp_path / "neo4j-import"
    try:
        neo4j_local.import_csv(home, list(csv_export.node_files.values()),
                               list(csv_export.relationship_files.values()), extra_args=list(IMPORT_OPTIONS))
        server = neo4j_local.start(home)
    except Exception as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Neo4j is required in CI: {exc}")
        pytest.skip(f"no local Neo4j: {exc}")
    try:
        with GraphDatabase.driver(server.uri, auth=None) as driver:
            labels, _, _ = driver.execute_query("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")
            counts = {r["l"]: r["n"] for r in labels}
            assert counts.pop(BASE_LABEL) == len(fixture_graph.nodes)
            assert counts == fixture_graph.label_counts()
            types, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")
            assert {r["t"]: r["n"] for r in types} == fixture_graph.relationship_counts()
            article, _, _ = driver.execute_query(
                "MATCH (a:Article {id: 'CL:286-1'}) RETURN a.number AS number, a.suffix AS suffix, "
                "a.path_zh AS path, a.sources AS sources, a.text_zh AS text")
            props = fixture_graph.nodes["CL:286-1"].props
            assert article[0].data() == {"number": 286, "suffix": 1, "path": props["path_zh"],
                                         "sources": props["sources"], "text": props["text_zh"]}
            held, _, _ = driver.execute_query(
                "MATCH (c:Case)-[h:HELD]->(:LiabilityForm {id: 'several'}) RETURN h.party AS party, h.share AS share "
                "ORDER BY share")
            assert [tuple(r.values()) for r in held] == [("victim", 0.2), ("platform", 0.3), ("merchant", 0.5)]
            statute, _, _ = driver.execute_query("MATCH (s:Statute {id: 'TLL'}) RETURN s.in_corpus AS c, "
                                                 "s.repealed AS r, s.preamble_zh AS p")
            assert statute[0].data() == {"c": False, "r": "2021-01-01", "p": None}
    finally:
        server.stop()


# -- the command line ----------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=environ, cwd=REPO)


def test_cli_exports_graphml_and_csv(data_folder: Path, fixture_graph: GraphData, tmp_path: Path) -> None:
    target = tmp_path / "lawgraph.graphml"
    done = run_cli("export", "--format", "graphml", "--out", str(target), "--data", str(data_folder), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["shacl"] == "conforms" and summary["bytes"] == target.stat().st_size
    back = nx.read_graphml(target, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (len(fixture_graph.nodes), len(fixture_graph.edges))

    folder = tmp_path / "csv"
    done = run_cli("export", "-f", "csv", "-o", str(folder), "--data", str(data_folder), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["files"] == len(fixture_graph.label_counts()) + len(fixture_graph.relationship_counts())
    assert "'--array-delimiter=;'" in summary["import_command"]  # quoted for the shell
    assert (folder / "nodes_Article.csv").exists()
