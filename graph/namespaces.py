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

from lawgraph.graph.schema_data import LG_TERMS
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
    version_date: URIRef
    repeals: URIRef
    repealed_by: URIRef


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

    # the schema's terms (classes of labels and relationship statements, predicates, properties) come from
    # graph/schema/lawgraph.yaml; publication sections are the export's own
    _extras: ClassVar[list[str]] = list(LG_TERMS)
    PublicationSection: URIRef


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
