"""The RDF vocabularies of the linked-data export, as closed namespaces: a typo is an error.

rdflib ships SKOS, DCTERMS, PROV, RDF, RDFS, XSD and SH as :class:`~rdflib.namespace.DefinedNamespace`
classes already; this module adds the ones it does not ship (ELI, the LKIF-Core norm module, the EU
language authority table) and the project's own vocabulary ``lg:`` for what no standard one has.
Only the terms the export uses are declared, so ``ELI.is_part_of`` works and ``ELI.is_partof``
raises ``AttributeError`` (``_fail = True``).

Examples
--------
>>> str(ELI.is_part_of)
'http://data.europa.eu/eli/ontology#is_part_of'
>>> str(ELI["InForce-inForce"])
'http://data.europa.eu/eli/ontology#InForce-inForce'
>>> LG.held in LG
True
>>> LG.helt  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'helt' not in namespace 'https://lawgraph.example.org/ns#'
"""

from __future__ import annotations

from typing import ClassVar

from rdflib import Namespace, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH, SKOS

__all__ = ["DCTERMS", "ELI", "EULANG", "LG", "LKIF", "PREFIXES", "PROV", "RDF", "RDFS", "SH", "SKOS",
           "XSD_DATE", "XSD_GYEAR"]

# rdflib's XSD namespace warns (rather than fails) on unknown names, which pytest's doctest
# collection trips over when the class sits in a module's namespace: only its two terms are kept.
XSD_DATE = rdflib_namespace.XSD.date
XSD_GYEAR = rdflib_namespace.XSD.gYear


class ELI(rdflib_namespace.DefinedNamespace):
    """European Legislation Identifier ontology (v1.5), the terms lawgraph uses.

    Statutes are ``eli:LegalResource`` (the work), articles and paragraphs
    ``eli:LegalResourceSubdivision``; titles and texts sit on one ``eli:LegalExpression`` per
    language (``eli:title`` has the domain ``eli:Expression``).
    """

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    _extras: ClassVar[list[str]] = ["InForce-inForce", "InForce-notInForce"]

    LegalResource: URIRef
    LegalResourceSubdivision: URIRef
    LegalExpression: URIRef
    is_part_of: URIRef
    has_part: URIRef
    is_realized_by: URIRef
    realizes: URIRef
    language: URIRef
    title: URIRef
    number: URIRef
    id_local: URIRef
    date_document: URIRef
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    in_force: URIRef
    cites: URIRef
    cited_by_case_law: URIRef


class LKIF(rdflib_namespace.DefinedNamespace):
    """LKIF-Core norm module (ESTRELLA, v1.1): only ``Legal_Doctrine`` fits this graph."""

    _NS = Namespace("http://www.estrellaproject.org/lkif-core/norm.owl#")
    _fail = True

    Legal_Doctrine: URIRef


class EULANG(rdflib_namespace.DefinedNamespace):
    """The EU Publications Office language authority table (values of ``eli:language``)."""

    _NS = Namespace("http://publications.europa.eu/resource/authority/language/")
    _fail = True

    ZHO: URIRef
    ENG: URIRef


class LG(rdflib_namespace.DefinedNamespace):
    """lawgraph's own classes and properties, where no standard vocabulary has a term.

    Property names are the graph's own (snake_case), so a ``HELD`` relationship is the triple
    ``case lg:held form`` plus an ``rdf:Statement`` of class ``lg:HELD`` carrying ``lg:party``.
    docs/linked-data.md lists every term and what it maps.
    """

    _NS = Namespace("https://lawgraph.example.org/ns#")
    _fail = True

    # classes: one per node label (every node has exactly one), and publication sections
    Statute: URIRef
    Article: URIRef
    Paragraph: URIRef
    Doctrine: URIRef
    Obligation: URIRef
    LiabilityForm: URIRef
    DutyStandard: URIRef
    ProofRule: URIRef
    Defense: URIRef
    Fact: URIRef
    Issue: URIRef
    Position: URIRef
    Rule: URIRef
    Case: URIRef
    Court: URIRef
    Platform: URIRef
    Publication: URIRef
    PublicationSection: URIRef

    # classes of the rdf:Statement that stands for one relationship, named as the relationship type
    PART_OF: URIRef
    REFERS_TO: URIRef
    SPECIAL_RULE_OF: URIRef
    SUPERSEDES: URIRef
    IMPOSES: URIRef
    PROVIDES: URIRef
    JUSTIFIES: URIRef
    ANSWERS: URIRef
    CONCERNS: URIRef
    ADVOCATES: URIRef
    BASED_ON: URIRef
    ARGUES: URIRef
    PROPOSES: URIRef
    REQUIRES: URIRef
    YIELDS: URIRef
    GROUNDED_IN: URIRef
    HAS_FACT: URIRef
    APPLIES: URIRef
    RELIES_ON: URIRef
    HELD: URIRef
    APPEAL_OF: URIRef
    DECIDED_BY: URIRef
    INVOLVES: URIRef
    DISCUSSES: URIRef
    CITES: URIRef
    RELATED_TO: URIRef
    ELABORATES: URIRef
    PART_OF_DUTY: URIRef
    EXCLUDES: URIRef
    ILLUSTRATES: URIRef

    # relationship types without a standard term
    special_rule_of: URIRef
    imposes: URIRef
    provides: URIRef
    justifies: URIRef
    answers: URIRef
    concerns: URIRef
    advocates: URIRef
    based_on: URIRef
    argues: URIRef
    proposes: URIRef
    requires: URIRef
    yields: URIRef
    grounded_in: URIRef
    has_fact: URIRef
    applies: URIRef
    relies_on: URIRef
    held: URIRef
    appeal_of: URIRef
    decided_by: URIRef
    involves: URIRef
    discusses: URIRef
    elaborates: URIRef
    part_of_duty: URIRef
    excludes: URIRef
    illustrates: URIRef

    # node and relationship properties without a standard term
    text: URIRef
    preamble: URIRef
    item: URIRef
    heading_path: URIRef
    kind: URIRef
    in_corpus: URIRef
    source_file: URIRef
    line: URIRef
    suffix: URIRef
    ordinal: URIRef
    pagerank: URIRef
    centrality: URIRef
    community: URIRef
    tier: URIRef
    category: URIRef
    group: URIRef
    condition: URIRef
    party: URIRef
    no_article_reason: URIRef
    case_number: URIRef
    court_code: URIRef
    court_name: URIRef
    procedure: URIRef
    procedure_name: URIRef
    serial: URIRef
    holding: URIRef
    outcome: URIRef
    vagueness: URIRef
    province: URIRef
    court_level: URIRef
    venue: URIRef
    file: URIRef
    section: URIRef
    citing_text: URIRef
    count: URIRef
    stance: URIRef
    share: URIRef
    disposition: URIRef
    role: URIRef


#: prefix → namespace, bound on every exported graph and used as the JSON-LD context
PREFIXES: dict[str, str] = {
    "lg": str(LG),
    "eli": str(ELI),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "lkif": str(LKIF),
    "eulang": str(EULANG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(rdflib_namespace.XSD),
}
