"""The shapes of a schema statement: what a label, a relationship type and an RDF term are.

The values live in :mod:`lawgraph.graph.schema_data`, generated from ``graph/schema/lawgraph.yaml``
by :mod:`lawgraph.graph.schema_gen`; this module only defines their types (no dependencies).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class RelationshipSpec:
    """What a relationship type connects and which properties it has."""

    type: StrEnum
    sources: tuple[StrEnum, ...]
    targets: tuple[StrEnum, ...]
    properties: tuple[str, ...] = ()
    #: properties that, with the endpoints, identify one relationship (several HELD per pair)
    keys: tuple[str, ...] = ()
    claim: bool = True
    extension: bool = False
    description: str = ""


@dataclass(frozen=True)
class LabelSpec:
    """A node label and its properties (beyond ``id`` and ``sources``)."""

    label: StrEnum
    properties: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class RdfTerm:
    """How one property becomes triples, as a CURIE of the project's prefixes (see ``graph/rdf.py``'s ``Term``)."""

    curie: str
    kind: str = "value"
    on_expression: bool = False
