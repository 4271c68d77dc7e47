"""The graph as linked data: GraphData → an rdflib Graph (ELI, SKOS, DCTERMS, PROV, LKIF, ``lg:``).

The mapping is stated once, in the schema (``graph/schema/lawgraph.yaml``: ``class_uri``, ``slot_uri``
and annotations) and resolved here: :data:`EDGE_PREDICATES` (one predicate per relationship type),
:data:`PROPERTY_TERMS` and :data:`LABEL_TERMS` (one term per property), :data:`NODE_CLASSES` (the
classes a label's nodes get). A property or relationship type without a term is an error, not a
silent drop. docs/linked-data.md explains the choices.

Every relationship becomes its triple **and** an ``rdf:Statement`` that carries its properties and
``dcterms:source`` (several relationships of one type may join the same two nodes, e.g. a case
HELD the same form for two parties, so the properties cannot sit on the triple).

SHACL validation (:func:`validate`, shapes in ``graph/shapes/lawgraph.ttl``) and named SPARQL
queries (:func:`run_sparql`, files in ``queries/sparql/``) live here too.

Examples
--------
>>> from lawgraph.graph.model import GraphData, Label, NodeRecord
>>> data = GraphData({"ECL": NodeRecord("ECL", Label.STATUTE, {"code": "ECL", "title_zh": "中华人民共和国电子商务法",
...                                                        "effective": "2019-01-01", "in_corpus": True})})
>>> rdf = to_rdf(data, "https://example.org/id/")
>>> statute = URIRef("https://example.org/id/statute/ECL")
>>> (statute, RDF.type, ELI.LegalResource) in rdf
True
>>> rdf.value(statute, ELI.in_force) == ELI["InForce-inForce"]
True
>>> str(rdf.value(URIRef("https://example.org/id/statute/ECL/zho"), ELI.title))
'中华人民共和国电子商务法'
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from typing import Literal as TypingLiteral
from urllib.parse import quote

from lawgraph.graph.model import (
    CONCEPT_LABELS,
    INDEX_LABELS,
    INDEX_RELATIONSHIPS,
    LABELS,
    EdgeRecord,
    GraphData,
    Label,
    NodeRecord,
    RelType,
)
from lawgraph.graph.namespaces import (
    DCTERMS,
    ELI,
    EULANG,
    LG,
    LKIF,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    XSD_DATE,
    XSD_GYEAR,
)
from lawgraph.graph.rdf_labels import CitationLabels, node_labels
from lawgraph.graph.schema_data import (
    CLASS_RDF,
    DERIVED_PROPERTIES,
    EDGE_RDF,
    INVERSE_RDF,
    LABEL_RDF,
    PROPERTY_RDF,
    SCHEME_TITLES,
)
from lawgraph.graph.specs import RdfTerm
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import NamespaceManager
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from lawgraph.errors import LawgraphError

SHAPES_FILE = Path(__file__).resolve().parent / "shapes" / "lawgraph.ttl"
SPARQL_DIR = Path(__file__).resolve().parents[1] / "queries" / "sparql"
#: how SPARQL queries join a list column (GROUP_CONCAT) and :func:`run_sparql` splits it again
LIST_SEPARATOR = "|"
DEFAULT_BASE = "https://lawgraph.example.org/id/"

Kind = TypingLiteral["value", "zh", "en", "date", "year", "zh_list"]


@dataclass(frozen=True)
class Term:
    """How one graph property becomes triples.

    ``kind``: ``value`` (a literal typed by the Python value: xsd:string, integer, double, boolean),
    ``zh`` / ``en`` (a language-tagged literal), ``date`` (xsd:date), ``year`` (xsd:gYear),
    ``zh_list`` (an ordered ``rdf:List`` of @zh literals). A list value gives one triple per item
    (except ``zh_list``). ``on_expression``: the triple goes on the language expression of a
    statute, article or paragraph, not on the work.
    """

    predicate: URIRef
    kind: Kind = "value"
    on_expression: bool = False


_NAMESPACES = {"lg": LG, "eli": ELI, "skos": SKOS, "dcterms": DCTERMS, "prov": PROV, "lkif": LKIF, "eulang": EULANG,
               "rdf": RDF, "rdfs": RDFS}


def resolve(curie: str) -> URIRef:
    """A CURIE of the schema (``lg:held``) as the term of its closed namespace: a typo is an error.

    >>> resolve("eli:is_part_of") == ELI.is_part_of
    True
    """
    prefix, _, local = curie.partition(":")
    return _NAMESPACES[prefix][local]


def _term(spec: RdfTerm) -> Term:
    return Term(resolve(spec.curie), spec.kind, spec.on_expression)  # type: ignore[arg-type]


# The mapping below is generated from graph/schema/lawgraph.yaml (graph/schema_data.py); only resolved here.
#: relationship type → predicate of the direct triple (and of its rdf:Statement)
EDGE_PREDICATES: dict[RelType, URIRef] = {rel: resolve(predicate) for rel, (_, predicate) in EDGE_RDF.items()}
#: relationship type → class of its rdf:Statement
STATEMENT_CLASSES: dict[RelType, URIRef] = {rel: resolve(cls) for rel, (cls, _) in EDGE_RDF.items()}

#: relationship types that also get the inverse triple of a standard vocabulary
INVERSE_PREDICATES: dict[RelType, URIRef] = {rel: resolve(predicate) for rel, predicate in INVERSE_RDF.items()}

#: property → term, for every label (overridden per label by LABEL_TERMS)
PROPERTY_TERMS: dict[str, Term] = {prop: _term(spec) for prop, spec in PROPERTY_RDF.items()}

#: (label, property) → term, where a label maps a property differently
LABEL_TERMS: dict[tuple[Label, str], Term] = {key: _term(spec) for key, spec in LABEL_RDF.items()}

#: label → the classes of its nodes: lg:<Label> and the standard classes they also get
NODE_CLASSES: dict[Label, tuple[URIRef, ...]] = {label: tuple(map(resolve, c)) for label, c in CLASS_RDF.items()}

_STATUTE_LAYER = (Label.STATUTE, Label.STATUTE_VERSION, Label.ARTICLE, Label.ARTICLE_VERSION, Label.PARAGRAPH)
_LANGUAGES = {"zh": ("zho", EULANG.ZHO), "en": ("eng", EULANG.ENG)}
#: an expression's language → how its label names the text (zh, en)
_EXPRESSION_NAMES = {EULANG.ZHO: ("中文文本", "Chinese text"), EULANG.ENG: ("英文文本", "English text")}
_STATUTE_SOURCE = re.compile(r"art-(\d+)(?:-(\d+))?")


def kebab(name: str) -> str:
    """``LiabilityForm`` → ``liability-form``; ``PART_OF`` → ``part-of``.

    >>> kebab("LiabilityForm"), kebab("PART_OF")
    ('liability-form', 'part-of')
    """
    if "_" in name or name.isupper():
        return name.lower().replace("_", "-")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def term_for(label: Label | None, prop: str) -> Term:
    """The RDF term of property ``prop`` of a ``label`` node (``None``: a relationship property).

    >>> term_for(Label.DOCTRINE, "name_zh").predicate == SKOS.prefLabel
    True
    >>> term_for(Label.CASE, "colour")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    KeyError: no RDF term for property 'colour' of Case
    """
    if label is not None and (label, prop) in LABEL_TERMS:
        return LABEL_TERMS[(label, prop)]
    if prop in PROPERTY_TERMS:
        return PROPERTY_TERMS[prop]
    owner = label.value if label else "relationships"
    raise KeyError(f"no RDF term for property {prop!r} of {owner}: add one to graph/rdf.py (PROPERTY_TERMS)")


class IriScheme:
    """Stable IRIs under one base: ``{base}{kind}/{local id}``, percent-encoded (ASCII only).

    Examples
    --------
    >>> iris = IriScheme("https://example.org/id")
    >>> iris.node(NodeRecord("CL:286-1", Label.ARTICLE, {"law": "CL", "number": 286, "suffix": 1}))
    rdflib.term.URIRef('https://example.org/id/statute/CL/art_286-1')
    >>> iris.node(NodeRecord("ECL:38(2)", Label.PARAGRAPH, {"law": "ECL", "article": "ECL:38", "ordinal": 2}))
    rdflib.term.URIRef('https://example.org/id/statute/ECL/art_38/par_2')
    >>> iris.node(NodeRecord("court:湘01", Label.COURT))
    rdflib.term.URIRef('https://example.org/id/court/%E6%B9%9801')
    >>> iris.node(NodeRecord("(2020)湘01民终12683号", Label.CASE))
    rdflib.term.URIRef('https://example.org/id/case/(2020)%E6%B9%9801%E6%B0%91%E7%BB%8812683%E5%8F%B7')
    """

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    @staticmethod
    def _segment(value: str) -> str:
        return quote(value, safe="-._~:()!$&'*+,;=@")

    def statute(self, code: str) -> URIRef:
        return URIRef(f"{self.base}statute/{self._segment(code)}")

    def article(self, law: str, number: int, suffix: int | None) -> URIRef:
        return URIRef(f"{self.statute(law)}/art_{number}" + (f"-{suffix}" if suffix else ""))

    def node(self, node: NodeRecord) -> URIRef:
        """The IRI of a node (articles and paragraphs nest under their statute)."""
        props = node.props
        if node.label is Label.STATUTE:
            return self.statute(node.id)
        if node.label is Label.ARTICLE:
            return self.article(props["law"], props["number"], props.get("suffix"))
        if node.label is Label.STATUTE_VERSION:  # FSL@2021 → …/statute/FSL/version/2021
            return URIRef(f"{self.statute(props['law'])}/version/{self._segment(node.id.partition('@')[2])}")
        if node.label is Label.ARTICLE_VERSION:  # FSL@2021:131 → …/statute/FSL/art_131/version/2021
            number, _, suffix = props["article"].partition(":")[2].partition("-")
            year = props["version"].partition("@")[2]
            article = self.article(props["law"], int(number), int(suffix) if suffix else None)
            return URIRef(f"{article}/version/{self._segment(year)}")
        if node.label is Label.PARAGRAPH:
            law, _, local = props["article"].partition(":")
            number, _, suffix = local.partition("-")
            article = self.article(law, int(number), int(suffix) if suffix else None)
            return URIRef(f"{article}/par_{props['ordinal']}")
        kind = kebab(node.label.value)
        local = node.id.removeprefix(f"{kind}:")
        return URIRef(f"{self.base}{kind}/{self._segment(local)}")

    def expression(self, work: URIRef, lang: str) -> URIRef:
        """The language expression of a work: ``…/zho``, ``…/eng`` (as ELI publishers do)."""
        return URIRef(f"{work}/{_LANGUAGES[lang][0]}")

    def scheme(self, label: Label) -> URIRef:
        return URIRef(f"{self.base}scheme/{kebab(label.value)}")

    def section(self, publication: URIRef, locator: str) -> URIRef:
        return URIRef(f"{publication}/section/{self._segment(locator)}")

    def statement(self, edge: EdgeRecord) -> URIRef:
        """A hash of the relationship's identity (type, endpoints, key properties): stable across runs."""
        digest = hashlib.sha1(repr(edge.key).encode()).hexdigest()[:16]
        return URIRef(f"{self.base}statement/{kebab(edge.type.value)}-{digest}")


def _literal(value: Any, kind: Kind) -> Literal:
    if kind in ("zh", "en"):
        return Literal(str(value), lang=kind)
    if kind == "date":
        return Literal(str(value), datatype=XSD_DATE)
    if kind == "year":
        return Literal(f"{int(value):04d}", datatype=XSD_GYEAR)
    return Literal(value)


class _RdfBuilder:
    def __init__(self, graph: GraphData, iris: IriScheme) -> None:
        self.data = graph
        self.iris = iris
        self.rdf = Graph(bind_namespaces="none")  # rdflib's 30 default prefixes slow Turtle 10x
        for prefix, namespace in PREFIXES.items():
            self.rdf.bind(prefix, namespace, override=True)
        # index nodes (fact patterns) only restate HAS_FACT: RDF consumers group by facts in SPARQL instead
        self.node_iris = {node_id: iris.node(node) for node_id, node in graph.nodes.items()
                          if node.label not in INDEX_LABELS}
        self.sections: set[URIRef] = set()

    def build(self) -> Graph:
        for label in CONCEPT_LABELS:
            self._add_scheme(label)
        for node in self.data.nodes.values():
            if node.label not in INDEX_LABELS:
                self._add_node(node)
        for edge in self.data.edges:
            if edge.type not in INDEX_RELATIONSHIPS:
                self._add_edge(edge)
        self._add_labels()
        return self.rdf

    # -- nodes -----------------------------------------------------------------------------------
    def _add_scheme(self, label: Label) -> None:
        scheme = self.iris.scheme(label)
        title_en, title_zh = SCHEME_TITLES[label]
        add = self.rdf.add
        add((scheme, RDF.type, SKOS.ConceptScheme))
        add((scheme, SKOS.prefLabel, Literal(title_en, lang="en")))
        add((scheme, SKOS.prefLabel, Literal(title_zh, lang="zh")))
        add((scheme, SKOS.definition, Literal(LABELS[label].description, lang="en")))

    def _add_node(self, node: NodeRecord) -> None:
        subject = self.node_iris[node.id]
        add = self.rdf.add
        for cls in NODE_CLASSES[node.label]:
            add((subject, RDF.type, cls))
        add((subject, DCTERMS.identifier, Literal(node.id)))
        if node.label in CONCEPT_LABELS:
            scheme = self.iris.scheme(node.label)
            add((subject, SKOS.inScheme, scheme))
            add((subject, SKOS.topConceptOf, scheme))
            add((scheme, SKOS.hasTopConcept, subject))
        if node.label in _STATUTE_LAYER:
            self._add_statute_layer(node, subject)
        for prop, value in node.props.items():
            if prop in DERIVED_PROPERTIES:
                continue
            term = term_for(node.label, prop)
            # a version is itself an expression (its text in Chinese): its texts and titles sit on it
            on_expression = term.on_expression and node.label is not Label.ARTICLE_VERSION
            target = self._expression(subject, term.kind) if on_expression else subject
            self._add_value(target, term, value)
        self._add_sources(subject, node.props.get("sources", ()))

    def _add_statute_layer(self, node: NodeRecord, work: URIRef) -> None:
        props = node.props
        if node.label is Label.STATUTE:
            if props.get("repealed"):
                self.rdf.add((work, ELI.in_force, ELI["InForce-notInForce"]))
            elif props.get("in_corpus"):  # the catalog leaves `repealed` empty for laws in force
                self.rdf.add((work, ELI.in_force, ELI["InForce-inForce"]))
        elif node.label is Label.STATUTE_VERSION:
            self.rdf.add((work, ELI.language, _LANGUAGES["zh"][1]))  # the version's text is Chinese
            # only what the dates say: not in force once it stopped; in force if it took effect and nothing
            # later (a next version or a repeal) is known; else (no printed effective date) nothing is claimed
            if props.get("effective_to"):
                self.rdf.add((work, ELI.in_force, ELI["InForce-notInForce"]))
            elif props.get("effective_from") and not props.get("superseded_by"):
                self.rdf.add((work, ELI.in_force, ELI["InForce-inForce"]))
        elif node.label is Label.ARTICLE_VERSION:
            self.rdf.add((work, ELI.language, _LANGUAGES["zh"][1]))
        elif node.label is Label.ARTICLE:
            number = f"{props['number']}" + (f"-{props['suffix']}" if props.get("suffix") else "")
            self.rdf.add((work, ELI.number, Literal(number)))
        else:
            self.rdf.add((work, ELI.number, Literal(str(props["ordinal"]))))

    def _expression(self, work: URIRef, lang: str) -> URIRef:
        expression = self.iris.expression(work, lang)
        if (expression, RDF.type, ELI.LegalExpression) not in self.rdf:
            add = self.rdf.add
            add((expression, RDF.type, ELI.LegalExpression))
            add((expression, ELI.realizes, work))
            add((work, ELI.is_realized_by, expression))
            add((expression, ELI.language, _LANGUAGES[lang][1]))
        return expression

    def _add_value(self, subject: Node, term: Term, value: Any) -> None:
        if term.kind == "zh_list":
            head = BNode()
            Collection(self.rdf, head, [Literal(str(v), lang="zh") for v in value])
            self.rdf.add((subject, term.predicate, head))
            return
        for item in value if isinstance(value, list) else [value]:
            self.rdf.add((subject, term.predicate, _literal(item, term.kind)))

    def _add_sources(self, subject: URIRef, sources: Iterable[str]) -> None:
        for source in sources:
            target = self._source(source)
            if target != subject:
                self.rdf.add((subject, DCTERMS.source, target))

    def _source(self, source: str) -> URIRef:
        """``paper-000#4.3.2`` → the section resource; ``statute:ECL#art-38`` → the article."""
        head, _, locator = source.partition("#")
        if head.startswith("statute:"):
            code = head.removeprefix("statute:")
            match = _STATUTE_SOURCE.fullmatch(locator)
            if match is None:
                return self.node_iris[code]
            number, extra = match.group(1), match.group(2)
            candidates = [f"{code}:{number}-{extra}", f"{code}:{number}({extra})"] if extra else [f"{code}:{number}"]
            for candidate in candidates:
                if candidate in self.node_iris:
                    return self.node_iris[candidate]
            raise KeyError(f"source {source!r} names no article or paragraph of the graph")
        publication = self.node_iris.get(head)
        if publication is None:
            raise KeyError(f"source {source!r} names no publication of the graph")
        section = self.iris.section(publication, locator)
        if section not in self.sections:
            self.sections.add(section)
            add = self.rdf.add
            add((section, RDF.type, LG.PublicationSection))
            add((section, RDF.type, PROV.Entity))
            add((section, DCTERMS.isPartOf, publication))
            add((section, DCTERMS.identifier, Literal(source)))
            add((section, LG.section, Literal(locator)))
        return section

    # -- labels ----------------------------------------------------------------------------------
    def _labelled(self, subject: URIRef) -> bool:
        return any(True for _ in self.rdf.objects(subject, RDFS.label)) or \
            any(True for _ in self.rdf.objects(subject, SKOS.prefLabel))

    def _label_text(self, subject: URIRef, lang: str, strict: bool = False) -> str | None:
        """The subject's label in ``lang``; unless ``strict``, else in any language, else its IRI."""
        labels = [*self.rdf.objects(subject, SKOS.prefLabel), *self.rdf.objects(subject, RDFS.label)]
        for label in labels:
            if isinstance(label, Literal) and label.language == lang:
                return str(label)
        if strict:
            return None
        return str(labels[0]) if labels else str(subject)

    def _add_label(self, subject: URIRef, zh: str | None, en: str | None, fallback: str) -> None:
        if zh:
            self.rdf.add((subject, RDFS.label, Literal(zh, lang="zh")))
        if en:
            self.rdf.add((subject, RDFS.label, Literal(en, lang="en")))
        if not (zh or en):
            self.rdf.add((subject, RDFS.label, Literal(fallback)))

    def _add_labels(self) -> None:
        """``rdfs:label`` on every resource without a name (docs/linked-data.md, "Labels")."""
        citations = CitationLabels(self.data)
        for node_id, subject in self.node_iris.items():
            if not self._labelled(subject):
                self._add_label(subject, *node_labels(self.data.nodes[node_id], citations), fallback=node_id)
        for expression, work in list(self.rdf.subject_objects(ELI.realizes)):
            if self._labelled(expression) or not isinstance(expression, URIRef) or not isinstance(work, URIRef):
                continue
            text_zh, text_en = _EXPRESSION_NAMES[self.rdf.value(expression, ELI.language)]
            self._add_label(expression, f"{self._label_text(work, 'zh')}（{text_zh}）",
                            f"{self._label_text(work, 'en')} ({text_en})", fallback=str(work))
        for section in self.sections:
            publication = self.rdf.value(section, DCTERMS.isPartOf)
            locator = self.rdf.value(section, LG.section)
            assert isinstance(publication, URIRef)
            title_zh = self._label_text(publication, "zh", strict=True)
            self._add_label(section, title_zh and f"{title_zh} 第{locator}节",
                            f"{self._label_text(publication, 'en')} § {locator}", fallback=str(section))
        for edge in self.data.edges:
            if edge.type in INDEX_RELATIONSHIPS:
                continue
            statement = self.iris.statement(edge)
            if not self._labelled(statement):  # several edges of one key share their statement
                source, target = self.node_iris[edge.source], self.node_iris[edge.target]
                words = edge.type.value.lower().replace("_", " ")
                self._add_label(statement, None, f"{self._label_text(source, 'en')} {words} "
                                f"{self._label_text(target, 'en')}", fallback=str(statement))

    # -- relationships -----------------------------------------------------------------------------
    def _add_edge(self, edge: EdgeRecord) -> None:
        if edge.type not in EDGE_PREDICATES:
            raise KeyError(f"no RDF predicate for relationship type {edge.type}: add one to graph/rdf.py")
        source, target = self.node_iris[edge.source], self.node_iris[edge.target]
        predicate = EDGE_PREDICATES[edge.type]
        add = self.rdf.add
        add((source, predicate, target))
        if edge.type in INVERSE_PREDICATES:
            add((target, INVERSE_PREDICATES[edge.type], source))
        statement = self.iris.statement(edge)
        add((statement, RDF.type, RDF.Statement))
        add((statement, RDF.type, STATEMENT_CLASSES[edge.type]))
        add((statement, RDF.subject, source))
        add((statement, RDF.predicate, predicate))
        add((statement, RDF.object, target))
        for prop, value in edge.props.items():
            if prop != "sources":
                self._add_value(statement, term_for(None, prop), value)
        self._add_sources(statement, edge.props.get("sources", ()))


def to_rdf(graph: GraphData, base: str = DEFAULT_BASE) -> Graph:
    """The whole graph as RDF, every IRI under ``base`` (see :class:`IriScheme`)."""
    return _RdfBuilder(graph, IriScheme(base)).build()


class _TurtleSerializer(TurtleSerializer):
    """rdflib's Turtle serializer, told that IRIs under the export base have no prefixed name.

    rdflib looks for a prefixed name for every IRI in a namespace trie that gets one entry per
    article (its paragraphs and language expressions nest under it), which is quadratic: 20 s
    instead of 4 s for the real data. Those IRIs are written in full either way.
    """

    def __init__(self, store: Graph, base: str) -> None:
        super().__init__(store)
        self.export_base = base

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        if isinstance(uri, URIRef) and uri.startswith(self.export_base):
            return None
        return super().get_pname(uri, gen_prefix)


def serialize(rdf: Graph, fmt: TypingLiteral["turtle", "jsonld"], base: str = DEFAULT_BASE) -> bytes:
    """Turtle, or JSON-LD compacted with the project's prefixes as its context."""
    if fmt == "jsonld":
        return rdf.serialize(format="json-ld", context=PREFIXES, auto_compact=True, encoding="utf-8")
    stream = io.BytesIO()
    _TurtleSerializer(rdf, IriScheme(base).base).serialize(stream, encoding="utf-8")
    return stream.getvalue()


# -- SHACL ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, the shape's message."""

    focus: str
    path: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass
class ShaclReport:
    """Whether the data conforms to the shapes, and every result if it does not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)


class ShaclViolations(LawgraphError, ValueError):
    """The graph does not conform to the project's SHACL shapes; nothing was written."""

    exit_code = 3  # the graph, not the input, is at fault: nothing was written

    def __init__(self, report: ShaclReport, shown: int = 50) -> None:
        self.report = report
        lines = [str(v) for v in report.violations[:shown]]
        more = len(report.violations) - shown
        if more > 0:
            lines.append(f"… and {more} more")
        super().__init__(f"the graph does not conform to graph/shapes/lawgraph.ttl "
                         f"({len(report.violations)} violation(s)); nothing was written\n" + "\n".join(lines))


@cache
def _shapes_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_shapes(path: Path | None = None) -> Graph:
    """The project's SHACL shapes (``graph/shapes/lawgraph.ttl``), or those in ``path``."""
    return Graph().parse(data=_shapes_text(path or SHAPES_FILE), format="turtle")


@cache
def _prefixed() -> NamespaceManager:
    """The project's prefixes, to name properties in messages (``lg:held``)."""
    manager = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        manager.bind(prefix, namespace)
    return manager


def validate(rdf: Graph, shapes: Graph | None = None) -> ShaclReport:
    """Check ``rdf`` against the shapes with pyshacl (no inference: the export states every type)."""
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(rdf, shacl_graph=shapes or load_shapes(), inference="none",
                                          inplace=True, advanced=False, allow_warnings=False)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        violations.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=_prefixed().normalizeUri(path) if isinstance(path, URIRef) else None,
            message=str(message) if message is not None else "",
            severity=str(severity).rpartition("#")[2] if severity is not None else "Violation",
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ShaclReport(bool(conforms), violations)


def require_conformance(rdf: Graph, shapes: Graph | None = None) -> ShaclReport:
    """:func:`validate`, raising :class:`ShaclViolations` unless the graph conforms."""
    report = validate(rdf, shapes)
    if not report.conforms:
        raise ShaclViolations(report)
    return report


# -- SPARQL --------------------------------------------------------------------------------------
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
PARAM_PREFIX = "param_"


@dataclass(frozen=True)
class SparqlQuery:
    """A named SPARQL query: ``# purpose:``, ``# params:``, ``# columns:``, ``# lists:`` header lines.

    ``lists`` names the columns a query joins with ``GROUP_CONCAT(…; separator="|")``;
    :func:`run_sparql` returns them as lists, as the Cypher twin does. Parameters are written
    ``$name``, as in the Cypher files; SPARQL would read ``$case`` as the same variable as the
    column ``?case``, so :func:`run_sparql` renames it ``?param_case`` and binds it by value.
    """

    name: str
    text: str
    purpose: str
    params_doc: str
    columns: list[str]
    lists: frozenset[str]
    params: list[str]
    path: Path | None = None


def parse_sparql_file(path: Path) -> SparqlQuery:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        if value:
            header[key.strip().lower()] = (header.get(key.strip().lower(), "") + " " + value.strip()).strip()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))

    def names(key: str) -> list[str]:
        return [c.strip() for c in header.get(key, "").split(",") if c.strip()]

    return SparqlQuery(path.stem, text, header.get("purpose", ""), header.get("params", ""), names("columns"),
                       frozenset(names("lists")), sorted(set(_PARAM.findall(body))), path)


@cache
def sparql_queries(directory: Path = SPARQL_DIR) -> dict[str, SparqlQuery]:
    """Every named query of ``queries/sparql/``."""
    return {p.stem: parse_sparql_file(p) for p in sorted(directory.glob("*.rq"))}


def get_sparql(name_or_path: str) -> SparqlQuery:
    """A named query, or a ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return parse_sparql_file(path)
    queries = sparql_queries()
    if name_or_path not in queries:
        raise KeyError(f"no SPARQL query named {name_or_path!r}; known: {', '.join(queries)}")
    return queries[name_or_path]


def _plain(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython() if term.language is None else str(term)
    return str(term)


def run_sparql(rdf: Graph, query: SparqlQuery | str, **params: Any) -> list[dict[str, Any]]:
    """Run a named SPARQL query on ``rdf``; rows as plain dicts keyed by the header's columns."""
    named = get_sparql(query) if isinstance(query, str) else query
    missing = [p for p in named.params if p not in params]
    if missing:
        raise ValueError(f"SPARQL query {named.name!r} needs ${', $'.join(missing)} ({named.params_doc})")
    # $name is a parameter, never a result column: it becomes the variable ?param_name, bound by value
    text = _PARAM.sub(lambda m: f"?{PARAM_PREFIX}{m.group(1)}", named.text)
    bindings = {f"{PARAM_PREFIX}{p}": Literal(params[p]) for p in named.params}
    result = rdf.query(text, initNs=PREFIXES, initBindings=bindings)
    columns = named.columns or [str(v) for v in result.vars or []]
    rows = []
    for solution in result:
        values = solution.asdict()  # type: ignore[union-attr]
        row = {}
        for column in columns:
            value = _plain(values.get(column))
            if column in named.lists and value is not None:  # unbound stays None, as a missing property
                value = [v for v in value.split(LIST_SEPARATOR) if v]
            row[column] = value
        rows.append(row)
    return rows
