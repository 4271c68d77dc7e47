"""CSV files in the layout of ``neo4j-admin database import full``: one file per label and per type.

Node files ``nodes_<Label>.csv`` have the header ``id:ID,:LABEL,<prop>[:<type>]…``; the ``:LABEL``
column gives every node its label and the base label (``Entity;Article``), as ``lawgraph load``
does. Relationship files ``relationships_<TYPE>.csv`` have ``:START_ID,:END_ID,:TYPE,<prop>…``.
Column types follow the values: ``int`` (or ``long`` beyond 32 bits), ``double``, ``boolean``,
``string`` and their arrays (``sources:string[]``), array items joined by ``;`` (the importer's
default ``--array-delimiter``). Text may hold newlines, so the import needs
``--multiline-fields=true``; :meth:`CsvExport.import_command` gives the whole command.

What differs from ``lawgraph load``: an empty list property is not imported (the importer cannot
tell it from null), and nodes and relationships carry no ``load_id``.

Examples
--------
>>> column_type("share", [0.3, None, 0.5])
'double'
>>> column_type("sources", [["paper-000#2.1"], ["paper-002#3"]])
'string[]'
>>> column_type("tier", [1, "basic"])  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
ValueError: property 'tier' mixes int and str values; one CSV column has one type
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgraph.graph.model import BASE_LABEL, LABELS, RELATIONSHIPS, GraphData, Label, RelType

ARRAY_DELIMITER = ";"
_INT32 = 2**31

_SCALAR_TYPES: dict[type, str] = {bool: "boolean", int: "int", float: "double", str: "string"}


def _scalar_type(prop: str, values: Iterable[Any]) -> str:
    kinds = {type(v) for v in values}
    if kinds == {int, float}:
        return "double"
    if len(kinds) > 1:
        names = " and ".join(sorted(k.__name__ for k in kinds))
        raise ValueError(f"property {prop!r} mixes {names} values; one CSV column has one type")
    (kind,) = kinds
    if kind not in _SCALAR_TYPES:
        raise ValueError(f"property {prop!r} has {kind.__name__} values, which a CSV column cannot hold")
    name = _SCALAR_TYPES[kind]
    if name == "int" and any(abs(v) >= _INT32 for v in values):
        return "long"
    return name


def column_type(prop: str, values: Sequence[Any]) -> str:
    """The importer's type of a column holding ``values`` (``None`` = missing)."""
    present = [v for v in values if v is not None]
    if not present:
        return "string"
    lists = [isinstance(v, list) for v in present]
    if all(lists):
        items = [item for v in present for item in v]
        return (_scalar_type(prop, items) if items else "string") + "[]"
    if any(lists):
        raise ValueError(f"property {prop!r} mixes lists and single values; one CSV column has one type")
    return _scalar_type(prop, present)


def _cell(value: Any, where: str) -> Any:
    """One CSV cell: numbers as numbers, booleans as the importer's ``true``/``false``, arrays joined."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        items = [_cell(item, where) for item in value]
        for item in items:
            if ARRAY_DELIMITER in str(item):
                raise ValueError(f"{where}: array item {item!r} contains the array delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(str(item) for item in items)
    return value


def _ordered(known: Sequence[str], present: Iterable[str]) -> list[str]:
    seen = set(present)
    return [p for p in known if p in seen] + sorted(seen - set(known))


def _write(path: Path, header: list[str], rows: Iterable[list[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(header)
        # every text quoted (so an empty string stays one), numbers bare, None an empty field (null)
        writer = csv.writer(handle, quoting=csv.QUOTE_STRINGS, lineterminator="\n")
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


@dataclass
class CsvExport:
    """The files written and how many rows each holds."""

    directory: Path
    node_files: dict[Label, Path] = field(default_factory=dict)
    relationship_files: dict[RelType, Path] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def import_command(self, database: str = "neo4j", admin: str = "neo4j-admin") -> list[str]:
        """``neo4j-admin database import full`` with every file of this export."""
        return [admin, "database", "import", "full", database,
                *(f"--nodes={p}" for p in self.node_files.values()),
                *(f"--relationships={p}" for p in self.relationship_files.values()),
                *IMPORT_OPTIONS]


#: the importer options these files need
IMPORT_OPTIONS = (f"--array-delimiter={ARRAY_DELIMITER}", "--multiline-fields=true")


def write_csv(graph: GraphData, directory: Path) -> CsvExport:
    """Write one nodes file per label and one relationships file per type into ``directory``.

    Files of an earlier export there (``nodes_*.csv``, ``relationships_*.csv``) that this graph
    does not write again are removed, so the folder holds exactly one import.
    """
    directory.mkdir(parents=True, exist_ok=True)
    stale = {*directory.glob("nodes_*.csv"), *directory.glob("relationships_*.csv")}
    export = CsvExport(directory)
    for label, nodes in sorted(graph.nodes_by_label().items()):
        props = _ordered(LABELS[label].properties, (k for n in nodes for k in n.props if k != "id"))
        types = {p: column_type(p, [n.props.get(p) for n in nodes]) for p in props}
        header = ["id:ID", ":LABEL", *(f"{p}:{types[p]}" for p in props)]
        labels = f"{BASE_LABEL}{ARRAY_DELIMITER}{label.value}"
        rows = ([n.id, labels, *(_cell(n.props.get(p), f"{n.id}.{p}") for p in props)] for n in nodes)
        path = directory / f"nodes_{label.value}.csv"
        export.counts[label.value] = _write(path, header, rows)
        export.node_files[label] = path
    by_type: dict[RelType, list[Any]] = {}
    for edge in graph.edges:
        by_type.setdefault(edge.type, []).append(edge)
    for rel, edges in sorted(by_type.items()):
        props = _ordered(RELATIONSHIPS[rel].properties, (k for e in edges for k in e.props))
        types = {p: column_type(p, [e.props.get(p) for e in edges]) for p in props}
        header = [":START_ID", ":END_ID", ":TYPE", *(f"{p}:{types[p]}" for p in props)]
        rows = ([e.source, e.target, rel.value,
                 *(_cell(e.props.get(p), f"{rel.value} {e.source}→{e.target}.{p}") for p in props)] for e in edges)
        path = directory / f"relationships_{rel.value}.csv"
        export.counts[rel.value] = _write(path, header, rows)
        export.relationship_files[rel] = path
    for path in stale - {*export.node_files.values(), *export.relationship_files.values()}:
        path.unlink()
    return export
