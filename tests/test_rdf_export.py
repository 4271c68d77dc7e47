"""The linked-data export: RDF (ELI, SKOS, DCTERMS, PROV, lg:), JSON-LD, SHACL, SPARQL twins, CLI.

Most tests run on a small data folder assembled here: a few statute files copied from data/statutes
plus the YAML of tests/data/exports/ (every label and relationship type occurs in it). One test
exports the real data/ and checks it conforms to the shapes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lawgraph.graph.model import (
    CONCEPT_LABELS,
    INDEX_LABELS,
    INDEX_RELATIONSHIPS,
    LABELS,
    RELATIONSHIPS,
    GraphData,
    Label,
    NodeRecord,
    RelType,
)
from lawgraph.graph.namespaces import DCTERMS, ELI, EULANG, LG, PREFIXES, RDF, RDFS, SH, SKOS
from lawgraph.graph.rdf import (
    DERIVED_PROPERTIES,
    EDGE_PREDICATES,
    LIST_SEPARATOR,
    IriScheme,
    ShaclViolations,
    get_sparql,
    load_shapes,
    require_conformance,
    run_sparql,
    serialize,
    sparql_queries,
    term_for,
    to_rdf,
    validate,
)
from lawgraph.ingest.build import build_graph
from rdflib import BNode, Graph, Literal, URIRef

REPO = Path(__file__).resolve().parents[1]

#: what the RDF export carries: everything but the derived index (fact patterns)
EXPORTED_LABELS = [label for label in Label if label not in INDEX_LABELS]
EXPORTED_RELATIONSHIPS = [rel for rel in RelType if rel not in INDEX_RELATIONSHIPS]
FIXTURE = REPO / "tests" / "data" / "exports"
#: the Food Safety Law's two versions and the Contract Law (repealed by CC art. 1260, in the supplementary book)
#: bring in every label and relationship type of statutes in time
STATUTE_FILES = ("catalog.yaml", "ecommerce-law-2018.md", "civil-code-2020-torts.md",
                 "civil-code-2020-supplementary.md", "consumer-rights-protection-law-2013.md", "criminal-law.md",
                 "food-safety-law-2021.md", "food-safety-law-2025.md", "contract-law-1999.md")
BASE = "https://lawgraph.example.org/id/"
LGSH = "https://lawgraph.example.org/shapes#"
CLI = [sys.executable, "-m", "lawgraph"]


def assemble_data(target: Path) -> Path:
    """A data folder: some statutes of data/statutes and the export fixture's YAML."""
    (target / "statutes").mkdir(parents=True)
    for name in STATUTE_FILES:
        shutil.copy(REPO / "data" / "statutes" / name, target / "statutes" / name)
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    return target


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble_data(tmp_path_factory.mktemp("export-data"))


@pytest.fixture(scope="module")
def fixture_graph(data_folder: Path) -> GraphData:
    return build_graph(data_folder).graph


@pytest.fixture(scope="module")
def rdf(fixture_graph: GraphData) -> Graph:
    return to_rdf(fixture_graph, BASE)


@pytest.fixture(scope="module")
def turtle_file(rdf: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("turtle") / "lawgraph.ttl"
    path.write_bytes(serialize(rdf, "turtle", BASE))
    return path


@pytest.fixture(scope="module")
def parsed(turtle_file: Path) -> Graph:
    """The exported Turtle, parsed back: what a consumer of the export sees."""
    return Graph().parse(turtle_file, format="turtle")


def select(graph: Graph, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in graph.query(query, initNs=PREFIXES)]  # type: ignore[arg-type]


# -- the Turtle itself ---------------------------------------------------------------------------
def test_fixture_has_every_label_and_relationship_type(fixture_graph: GraphData) -> None:
    assert set(fixture_graph.label_counts()) == {label.value for label in Label}
    assert set(fixture_graph.relationship_counts()) == {rel.value for rel in RelType}


def test_turtle_parses_to_the_same_triples(rdf: Graph, parsed: Graph, turtle_file: Path) -> None:
    assert len(parsed) == len(rdf) > 20_000
    ground = {t for t in rdf if not any(isinstance(x, BNode) for x in t)}
    assert ground == {t for t in parsed if not any(isinstance(x, BNode) for x in t)}
    assert turtle_file.read_text(encoding="utf-8").startswith("@prefix dcterms: <http://purl.org/dc/terms/> .")


def test_counts_per_class_equal_counts_per_label(fixture_graph: GraphData, parsed: Graph) -> None:
    classes = dict(select(parsed, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"))
    count = {URIRef(c): n.toPython() for c, n in classes.items()}
    labels = fixture_graph.label_counts()
    for label in EXPORTED_LABELS:
        assert count[LG[label.value]] == labels[label.value], label
    exported = {rel.value for rel in EXPORTED_RELATIONSHIPS}
    for rel, n in fixture_graph.relationship_counts().items():
        if rel in exported:
            assert count[LG[rel]] == n, rel
    assert count[RDF.Statement] == sum(1 for e in fixture_graph.edges if e.type not in INDEX_RELATIONSHIPS)
    assert labels[Label.FACT_PATTERN.value] > 0 and not any(str(c).endswith("#FactPattern") for c in count)
    statute_layer = labels["Statute"] + labels["Article"] + labels["Paragraph"]
    assert count[ELI.LegalResource] == statute_layer
    assert count[ELI.LegalResourceSubdivision] == labels["Article"] + labels["Paragraph"]
    assert count[SKOS.Concept] == sum(labels[label.value] for label in CONCEPT_LABELS)
    assert count[SKOS.ConceptScheme] == len(CONCEPT_LABELS)
    members = dict(select(parsed, "SELECT ?scheme (COUNT(?c) AS ?n) WHERE { ?scheme skos:hasTopConcept ?c } "
                                  "GROUP BY ?scheme"))
    iris = IriScheme(BASE)
    for label in CONCEPT_LABELS:
        assert members[iris.scheme(label)].toPython() == labels[label.value]


def test_every_article_is_a_subdivision_part_of_its_statute(fixture_graph: GraphData, parsed: Graph) -> None:
    def part_of(label: URIRef) -> dict[str, str]:
        found = {}
        for node in parsed.subjects(RDF.type, label):
            assert (node, RDF.type, ELI.LegalResourceSubdivision) in parsed, node
            (whole,) = parsed.objects(node, ELI.is_part_of)
            assert (whole, RDF.type, ELI.LegalResource) in parsed, whole
            found[str(parsed.value(node, DCTERMS.identifier))] = str(parsed.value(whole, DCTERMS.identifier))
        return found

    nodes = fixture_graph.nodes.values()
    assert part_of(LG.Article) == {n.id: n.props["law"] for n in nodes if n.label is Label.ARTICLE}
    assert part_of(LG.Paragraph) == {n.id: n.props["article"] for n in nodes if n.label is Label.PARAGRAPH}
    assert {parsed.value(s, RDF.type) for s in parsed.objects(None, ELI.is_part_of)} <= {LG.Statute, LG.Article,
                                                                                         ELI.LegalResource}


def test_article_iris_text_and_expressions(parsed: Graph) -> None:
    article = URIRef(f"{BASE}statute/ECL/art_38")
    paragraph = URIRef(f"{BASE}statute/ECL/art_38/par_2")
    assert parsed.value(article, ELI.number) == Literal("38")
    assert parsed.value(paragraph, ELI.is_part_of) == article
    zh = parsed.value(article, ELI.is_realized_by)
    assert zh == URIRef(f"{article}/zho")
    assert parsed.value(zh, ELI.language) == EULANG.ZHO
    assert parsed.value(zh, ELI.title) == Literal("第三十八条", lang="zh")
    assert str(parsed.value(zh, LG.text)).startswith("电子商务平台经营者知道或者应当知道")
    assert parsed.value(zh, LG.text).language == "zh"
    assert parsed.value(URIRef(f"{BASE}statute/CL/art_286-1"), LG.suffix) == Literal(1)
    assert parsed.value(URIRef(f"{BASE}statute/ECL"), ELI.in_force) == ELI["InForce-inForce"]
    tll = URIRef(f"{BASE}statute/TLL")
    assert parsed.value(tll, ELI.in_force) == ELI["InForce-notInForce"]
    assert str(parsed.value(tll, ELI.date_no_longer_in_force)) == "2021-01-01"


def test_every_concept_has_zh_and_en_pref_labels(fixture_graph: GraphData, parsed: Graph) -> None:
    labels = {(str(c), lbl.language): str(lbl) for c, lbl in select(
        parsed, "SELECT ?c ?l WHERE { ?c a skos:Concept ; skos:prefLabel ?l }")}
    concepts = [n for n in fixture_graph.nodes.values() if n.label in CONCEPT_LABELS]
    iris = IriScheme(BASE)
    for node in concepts:
        iri = str(iris.node(node))
        assert labels[(iri, "zh")] == node.props["name_zh"]
        assert labels[(iri, "en")] == node.props["name_en"]
    assert len(labels) == 2 * len(concepts)
    doctrine = URIRef(f"{BASE}doctrine/danger-control")
    assert (doctrine, RDF.type, URIRef("http://www.estrellaproject.org/lkif-core/norm.owl#Legal_Doctrine")) in parsed
    assert (doctrine, SKOS.related, URIRef(f"{BASE}doctrine/benefit-risk")) in parsed
    assert parsed.value(doctrine, SKOS.definition).language == "en"


def test_cases_carry_identifier_court_date_and_sources(parsed: Graph) -> None:
    case = IriScheme(BASE).node(NodeRecord("(2020)黑01民终4637号", Label.CASE))
    assert case == URIRef(f"{BASE}case/(2020)%E9%BB%9101%E6%B0%91%E7%BB%884637%E5%8F%B7")
    assert parsed.value(case, DCTERMS.identifier) == Literal("(2020)黑01民终4637号")
    assert str(parsed.value(case, DCTERMS.date)) == "2020"
    court = parsed.value(case, LG.decided_by)
    assert parsed.value(court, LG.court_code) == Literal("黑01")
    source = parsed.value(case, DCTERMS.source)
    assert source == URIRef(f"{BASE}publication/paper-002/section/3.3.1")
    assert parsed.value(source, DCTERMS.isPartOf) == URIRef(f"{BASE}publication/paper-002")
    assert parsed.value(source, DCTERMS.identifier) == Literal("paper-002#3.3.1")
    # a relationship: its statement carries the properties and its own sources
    held = select(parsed, f"""
        SELECT ?party ?share WHERE {{
          ?st a lg:HELD ; rdf:subject <{case}> ; rdf:predicate lg:held ; rdf:object ?form ; lg:party ?party .
          OPTIONAL {{ ?st lg:share ?share }}
        }}""")
    assert sorted((str(p), s.toPython()) for p, s in held) == [("merchant", 0.5), ("platform", 0.3), ("victim", 0.2)]
    # a statute source names the provision itself
    imposes = select(parsed, "SELECT ?src WHERE { ?st a lg:IMPOSES ; dcterms:source ?src }")
    assert imposes == [(URIRef(f"{BASE}statute/ECL/art_38"),)]
    # the inverse ELI link from the provision to the case law that applies it
    assert (URIRef(f"{BASE}statute/CC/art_1198/par_2"), ELI.cited_by_case_law, case) in parsed


def test_iris_are_stable_and_follow_the_base(fixture_graph: GraphData, rdf: Graph) -> None:
    again = to_rdf(fixture_graph, BASE)
    iris = {s for s in rdf.subjects() if isinstance(s, URIRef)}
    assert iris == {s for s in again.subjects() if isinstance(s, URIRef)}  # only heading lists are blank
    other = to_rdf(fixture_graph, "https://data.example.org/lg")
    nodes = {s for s in other.subjects(DCTERMS.identifier, None)}
    assert nodes and all(str(s).startswith("https://data.example.org/lg/") for s in nodes)


def test_jsonld_parses_to_the_same_graph(rdf: Graph) -> None:
    payload = serialize(rdf, "jsonld")
    document = json.loads(payload)
    assert document["@context"]["eli"] == str(ELI)
    back = Graph().parse(data=payload, format="json-ld")
    assert len(back) == len(rdf)
    assert (URIRef(f"{BASE}statute/ECL/art_38"), RDF.type, ELI.LegalResourceSubdivision) in back


# -- the mapping is complete ---------------------------------------------------------------------
def test_every_property_and_relationship_type_has_a_term() -> None:
    assert set(EDGE_PREDICATES) == set(EXPORTED_RELATIONSHIPS)
    for label, spec in LABELS.items():
        if label in INDEX_LABELS:
            continue
        for prop in spec.properties:
            assert prop in DERIVED_PROPERTIES or term_for(label, prop).predicate
    for spec in RELATIONSHIPS.values():
        for prop in spec.properties:
            assert term_for(None, prop).predicate
    with pytest.raises(KeyError, match="no RDF term for property 'colour' of Case"):
        term_for(Label.CASE, "colour")


def test_the_docs_name_every_relationship_predicate() -> None:
    doc = (REPO / "docs" / "linked-data.md").read_text(encoding="utf-8")
    prefixes = {str(ns): prefix for prefix, ns in PREFIXES.items()}
    for rel, predicate in EDGE_PREDICATES.items():
        namespace = next(ns for ns in prefixes if str(predicate).startswith(ns))
        qname = f"{prefixes[namespace]}:{str(predicate)[len(namespace):]}"
        assert f"| {rel.value} | `{qname}`" in doc, rel


# -- SHACL ---------------------------------------------------------------------------------------
def test_fixture_conforms_to_the_shapes(rdf: Graph) -> None:
    report = validate(rdf)
    assert report.conforms, "\n".join(map(str, report.violations[:20]))


@pytest.fixture(scope="module")
def real_rdf(graph: GraphData) -> Graph:
    """The bundled data/ (conftest's `graph`) as RDF."""
    return to_rdf(graph, BASE)


def test_real_data_export_conforms(real_rdf: Graph) -> None:
    """The bundled data, checked as `lawgraph export` does."""
    report = validate(real_rdf)
    assert report.conforms, "\n".join(map(str, report.violations[:20]))


def test_shapes_cover_every_exported_class(parsed: Graph) -> None:
    shapes = load_shapes()
    targeted = set(shapes.objects(None, SH.targetClass))
    required = {c for shape in shapes.subjects(SH.targetClass, None) for c in shapes.objects(shape, SH["class"])}
    exported = set(parsed.objects(None, RDF.type))
    assert exported <= targeted | required, exported - targeted - required
    assert {LG[label.value] for label in EXPORTED_LABELS} <= targeted
    assert {LG[rel.value] for rel in EXPORTED_RELATIONSHIPS} <= targeted


def test_relationship_shapes_match_the_model() -> None:
    shapes = load_shapes()
    claims = URIRef(f"{LGSH}ClaimSourcesProperty")
    for rel, spec in RELATIONSHIPS.items():
        if rel in INDEX_RELATIONSHIPS:
            continue
        shape = URIRef(f"{LGSH}{rel.value}")
        assert shapes.value(shape, SH.targetClass) == LG[rel.value], rel
        properties = list(shapes.objects(shape, SH.property))
        predicate = [shapes.value(p, SH.hasValue) for p in properties if shapes.value(p, SH.path) == RDF.predicate]
        assert predicate == [EDGE_PREDICATES[rel]], rel
        assert (claims in properties) == spec.claim, rel


def test_shape_terms_are_defined_terms() -> None:
    used = {t for triple in load_shapes() for t in triple if isinstance(t, URIRef) and str(t).startswith(str(LG))}
    assert used and all(t in LG for t in used)  # DefinedNamespace membership: a typo is not a term


def test_a_broken_graph_is_refused_with_its_violations(rdf: Graph) -> None:
    broken = Graph()
    broken += rdf
    concept = URIRef(f"{BASE}doctrine/danger-control")
    broken.remove((concept, SKOS.prefLabel, Literal("危险控制理论", lang="zh")))
    article = URIRef(f"{BASE}statute/ECL/art_38")
    broken.remove((article, ELI.is_part_of, None))
    case = URIRef(f"{BASE}case/unnumbered:heilongjiang-4637-first-instance")
    broken.add((case, LG.held, URIRef(f"{BASE}fact/life-health-goods")))
    report = validate(broken)
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    assert (str(concept), "skos:prefLabel") in found
    assert (str(article), "eli:is_part_of") in found
    assert (str(case), "lg:held") in found
    with pytest.raises(ShaclViolations, match=r"does not conform .* nothing was written") as refused:
        require_conformance(broken)
    assert str(concept) in str(refused.value)


# -- SPARQL twins of the Cypher queries ----------------------------------------------------------
ORDERED_LISTS = {"paragraphs", "path_zh"}
#: the loader stores a missing MERGE-key property of a relationship (ARGUES.section …) as "", the
#: export leaves it out: both mean "none"
KEY_PROPERTIES = {key for spec in RELATIONSHIPS.values() for key in spec.keys}
TWINS: list[tuple[str, dict[str, Any]]] = [
    ("article", {"id": "ECL:38"}),
    ("article", {"id": "CC:1198"}),
    ("article", {"id": "CC:1165"}),
    ("article", {"id": "TLL:37"}),
    ("article", {"id": "CL:286-1"}),
    ("article", {"id": "ECL:83"}),
    ("article", {"id": "XX:1"}),
    ("doctrine_links", {"id": "danger-control"}),
    ("doctrine_links", {"id": "benefit-risk"}),
    ("case_holdings", {"case": ""}),
    ("case_holdings", {"case": "黑01民终4637"}),
    ("case_holdings", {"case": "no such case"}),
    ("appeal_chains", {}),
    ("issue_positions", {}),
]


def canonical(rows: list[dict[str, Any]]) -> list[str]:
    """Rows as comparable strings: collect(DISTINCT …) lists are sets, the ordered lists are not."""
    def value(column: str, v: Any) -> Any:
        if isinstance(v, list) and column not in ORDERED_LISTS:
            return sorted(v)
        return None if v == "" and column in KEY_PROPERTIES else v

    return sorted(json.dumps({k: value(k, v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)
                  for row in rows)


@pytest.fixture(scope="module")
def cypher_library(fixture_graph: GraphData, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from lawgraph.ingest.writer import load_graph
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("embedded-twins"))
    load_graph(store.loader(), fixture_graph)
    yield QueryLibrary(store)
    store.close()


@pytest.mark.embedded
@pytest.mark.parametrize(("name", "params"), TWINS, ids=[f"{n}-{p}" for n, p in TWINS])
def test_sparql_returns_the_rows_of_its_cypher_twin(name: str, params: dict[str, Any], cypher_library: Any,
                                                    parsed: Graph) -> None:
    cypher_rows = cypher_library.run(name, **params)
    sparql_rows = run_sparql(parsed, name, **params)
    assert canonical(sparql_rows) == canonical(cypher_rows)


REAL_TWINS: list[tuple[str, dict[str, Any]]] = [
    ("article", {"id": "ECL:38"}), ("article", {"id": "CC:1198"}), ("article", {"id": "TLL:37"}),
    ("case_holdings", {"case": ""}), ("appeal_chains", {}), ("issue_positions", {}),
    ("doctrine_links", {"id": "danger-control"}), ("doctrine_links", {"id": "benefit-risk"}),
]


@pytest.mark.embedded
@pytest.mark.parametrize(("name", "params"), REAL_TWINS, ids=[f"{n}-{p}" for n, p in REAL_TWINS])
def test_sparql_twins_on_the_real_data(name: str, params: dict[str, Any], embedded_lib: Any,
                                       real_rdf: Graph) -> None:
    """The same comparison on the bundled data (conftest's embedded store holds it)."""
    assert canonical(run_sparql(real_rdf, name, **params)) == canonical(embedded_lib.run(name, **params))


@pytest.mark.embedded
def test_twins_are_not_trivially_empty(cypher_library: Any, parsed: Graph) -> None:
    article = run_sparql(parsed, "article", id="CC:1198")
    assert article == [{
        "id": "CC:1198", "law": "CC", "label_zh": "第一千一百九十八条",
        "path_zh": ["侵权责任编", "第三章 责任主体的特殊规定"], "text_zh": article[0]["text_zh"],
        "paragraphs": ["CC:1198(1)", "CC:1198(2)"], "refers_to": [], "referred_by": ["CC:1176"],
        "cases": ["(2020)黑01民终4637号"],
    }]
    chains = run_sparql(parsed, "appeal_chains")
    assert chains == [{"later": "(2020)黑01民终4637号", "earlier": "unnumbered:heilongjiang-4637-first-instance",
                       "disposition": "modified", "later_held": chains[0]["later_held"],
                       "earlier_held": chains[0]["earlier_held"]}]
    assert sorted(chains[0]["later_held"]) == ["merchant:several", "platform:several", "victim:several"]
    assert sorted(chains[0]["earlier_held"]) == ["merchant:joint-several", "platform:joint-several"]
    doctrine = run_sparql(parsed, "doctrine_links", id="benefit-risk")[0]
    assert sorted(doctrine["sources"]) == ["paper-002#2.4.2", "statute:CL#art-286-1", "statute:CRPL#text",
                                           "statute:ECL#art-38-2"]
    assert doctrine["related"] == ["danger-control"] and doctrine["cases"] == ["(2020)黑01民终4637号"]
    positions = run_sparql(parsed, "issue_positions")
    assert Counter(row["position"] for row in positions) == {"corresponding-as-joint": 3,
                                                             "corresponding-as-supplementary": 1,
                                                             "tiered-liability-ladder": 1}


def test_every_sparql_query_names_the_columns_of_its_cypher_twin() -> None:
    from lawgraph.queries.library import all_queries

    cypher = all_queries()
    assert {"article", "case_holdings", "appeal_chains", "issue_positions", "doctrine_links"} <= set(sparql_queries())
    for name, query in sparql_queries().items():
        assert query.columns == cypher[name].columns, name
        assert query.params == cypher[name].params, name
        assert query.lists <= set(query.columns), name


def test_sparql_parameters_are_bound_not_spliced(parsed: Graph) -> None:
    # a value with quotes and braces is data, not query text
    assert run_sparql(parsed, "case_holdings", case='"} ?x ?y ?z {') == []
    with pytest.raises(ValueError, match=r"needs \$case"):
        run_sparql(parsed, "case_holdings")
    with pytest.raises(KeyError, match="no SPARQL query named 'nope'"):
        get_sparql("nope")
    assert LIST_SEPARATOR == "|"


# -- the command line ----------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=environ, cwd=REPO)


def test_cli_exports_turtle_and_jsonld(data_folder: Path, fixture_graph: GraphData, tmp_path: Path) -> None:
    ttl = tmp_path / "out" / "lawgraph.ttl"
    done = run_cli("export", "--format", "turtle", "--out", str(ttl), "--data", str(data_folder),
                   "--base", "https://data.example.org/lawgraph/id", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["shacl"] == "conforms" and summary["bytes"] == ttl.stat().st_size
    assert summary["nodes"] == len(fixture_graph.nodes) and summary["relationships"] == len(fixture_graph.edges)
    back = Graph().parse(ttl, format="turtle")
    assert len(back) == summary["triples"]
    assert (URIRef("https://data.example.org/lawgraph/id/statute/ECL"), RDF.type, ELI.LegalResource) in back
    jsonld = tmp_path / "lawgraph.jsonld"
    done = run_cli("export", "-f", "jsonld", "-o", str(jsonld), "--data", str(data_folder))
    assert done.returncode == 0, done.stderr
    assert len(Graph().parse(jsonld, format="json-ld")) == summary["triples"]


def test_cli_refuses_a_non_conforming_graph(data_folder: Path, tmp_path: Path) -> None:
    # a stricter shapes file (every case must hold something) makes the fixture non-conforming
    strict = tmp_path / "strict.ttl"
    strict.write_text(load_shapes().serialize(format="turtle") + """
        <https://lawgraph.example.org/shapes#Strict> a <http://www.w3.org/ns/shacl#NodeShape> ;
          <http://www.w3.org/ns/shacl#targetClass> <https://lawgraph.example.org/ns#Case> ;
          <http://www.w3.org/ns/shacl#property> [ <http://www.w3.org/ns/shacl#path>
              <https://lawgraph.example.org/ns#held> ; <http://www.w3.org/ns/shacl#minCount> 1 ] .
        """, encoding="utf-8")
    out = tmp_path / "refused.ttl"
    script = ("import sys, lawgraph.graph.rdf as rdf; from pathlib import Path; rdf.SHAPES_FILE = Path(sys.argv[1]); "
              "from lawgraph.cli import app; app(sys.argv[2:])")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    done = subprocess.run([sys.executable, "-c", script, str(strict), "export", "-f", "turtle", "-o", str(out),
                           "--data", str(data_folder)], capture_output=True, text=True, env=environ, cwd=REPO)
    assert done.returncode == 3
    assert "does not conform" in done.stderr and "nothing was written" in done.stderr
    assert "case/(2018)" in done.stderr and "lg:held" in done.stderr
    assert not out.exists()


def test_cli_rejects_a_relative_base(data_folder: Path, tmp_path: Path) -> None:
    done = run_cli("export", "-f", "turtle", "-o", str(tmp_path / "x.ttl"), "--data", str(data_folder),
                   "--base", "lawgraph/id/")
    assert done.returncode == 2 and "absolute http(s) IRI" in done.stderr
    assert not (tmp_path / "x.ttl").exists()


def test_cli_sparql_over_an_exported_file(turtle_file: Path) -> None:
    done = run_cli("sparql", "case_holdings", "-p", "case=黑01民终4637", "--rdf", str(turtle_file), "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [(r["party"], r["form"], r["share"]) for r in rows] == [
        ("merchant", "several", 0.5), ("platform", "several", 0.3), ("victim", "several", 0.2)]


# -- labels a generic RDF browser shows ---------------------------------------------------------------
def _labels(rdf: Graph, subject: URIRef) -> set[tuple[str, str | None]]:
    return {(str(o), o.language) for p in (RDFS.label, SKOS.prefLabel) for o in rdf.objects(subject, p)
            if isinstance(o, Literal)}


def test_every_resource_of_the_real_export_has_a_label(real_rdf: Graph) -> None:
    subjects = {s for s in real_rdf.subjects() if isinstance(s, URIRef) and s.startswith(BASE)}
    unlabelled = sorted(s for s in subjects if not _labels(real_rdf, s))
    assert len(subjects) > 20_000 and not unlabelled, unlabelled[:10]


def test_paragraphs_have_zh_and_en_labels(graph: GraphData, real_rdf: Graph) -> None:
    iris = IriScheme(BASE)
    paragraphs = [n for n in graph.nodes.values() if n.label is Label.PARAGRAPH]
    assert len(paragraphs) > 3_000
    for node in paragraphs:
        languages = {lang for _, lang in _labels(real_rdf, iris.node(node))}
        assert {"zh", "en"} <= languages, node.id


def test_citation_labels_read_as_citations(real_rdf: Graph) -> None:
    """The labels are built from the statute's title and the article's number; nothing says "translation"."""
    def at(path: str) -> set[tuple[str, str | None]]:
        return _labels(real_rdf, URIRef(BASE + path))

    assert at("statute/ECL/art_38/par_2") == {("《电子商务法》第三十八条第二款", "zh"),
                                              ("E-Commerce Law art. 38(2)", "en")}
    assert at("statute/ECL/art_38") == {("《电子商务法》第三十八条", "zh"), ("E-Commerce Law art. 38", "en")}
    assert ("《刑法》第二百八十六条之一", "zh") in at("statute/CL/art_286-1")
    assert at("statute/FSL/art_131/version/2021") == {("《食品安全法》第一百三十一条（2021-04-29版本）", "zh"),
                                                      ("Food Safety Law art. 131 (version of 2021-04-29)", "en")}
    # names the data has stay as they are, with no second label
    assert at("statute/ECL") == {("中华人民共和国电子商务法", "zh"),
                                 ("E-Commerce Law of the People's Republic of China", "en")}
    assert len(at("doctrine/danger-control")) == 2
    statement = next(s for s in real_rdf.subjects(RDF.type, LG.PART_OF)
                     if real_rdf.value(s, RDF.subject) == URIRef(BASE + "statute/ECL/art_38/par_2"))
    assert at(str(statement).removeprefix(BASE)) == {("E-Commerce Law art. 38(2) part of E-Commerce Law art. 38", "en")}
    assert not any("translat" in str(o).lower() for o in real_rdf.objects(None, RDFS.label))


def test_the_shapes_refuse_a_missing_label(rdf: Graph) -> None:
    """lgsh:LabelledShape and lgsh:CitationLabelShape (graph/schema/shapes_nodes.ttl) bite."""
    broken = Graph()
    broken += rdf
    paragraph = URIRef(f"{BASE}statute/ECL/art_38/par_2")
    broken.remove((paragraph, RDFS.label, Literal("E-Commerce Law art. 38(2)", lang="en")))
    expression = URIRef(f"{BASE}statute/ECL/art_38/par_2/zho")
    broken.remove((expression, RDFS.label, None))
    report = validate(broken)
    found = {(v.focus, v.path) for v in report.violations}
    assert (str(paragraph), "rdfs:label") in found
    assert (str(expression), None) in found  # the sh:or of the node shape has no single path
    assert {v.focus for v in report.violations} == {str(paragraph), str(expression)}
