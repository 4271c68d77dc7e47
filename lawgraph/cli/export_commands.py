"""``lawgraph export`` and ``lawgraph sparql`` (registered on the main app when imported).

``export`` builds the graph from the data folder, checks its RDF form against the SHACL shapes
(graph/shapes/lawgraph.ttl) and only then writes Turtle, JSON-LD, GraphML or neo4j-admin CSV;
a graph that does not conform is refused with its violations and exit code 3.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer
from rich.table import Table

from lawgraph.cli.common import (
    DataOpt,
    JsonOpt,
    ParamOpt,
    _settings,
    err,
    friendly_errors,
    out,
    parse_params,
    print_rows,
)
from lawgraph.errors import InvalidInput

#: exit code of an export refused by SHACL
EXIT_NOT_CONFORMING = 3


class ExportFormat(StrEnum):
    turtle = "turtle"
    jsonld = "jsonld"
    graphml = "graphml"
    csv = "csv"


BaseOpt = Annotated[str | None, typer.Option("--base", help="IRI base of the RDF (default: LAWGRAPH_RDF_BASE)")]


def checked_base(base: str) -> str:
    """An absolute http(s) IRI to put every node's IRI under.

    >>> checked_base("https://data.example.org/lawgraph/id")
    'https://data.example.org/lawgraph/id/'
    >>> checked_base("lawgraph/id/")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: --base must be an absolute http(s) IRI, got 'lawgraph/id/'
    """
    parts = urlsplit(base)
    unsafe = any(c in base for c in ' <>"{}|^`\\')
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or unsafe:
        raise InvalidInput(f"--base must be an absolute http(s) IRI, got {base!r}")
    return base if base.endswith(("/", "#")) else base + "/"


def _write_atomically(path: Path, payload: bytes) -> None:
    """Readers see the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        staged.write_bytes(payload)
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


@friendly_errors
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="turtle, jsonld, graphml or csv")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="the file to write (csv: a folder)")],
    base: BaseOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the graph as RDF (Turtle, JSON-LD), GraphML or CSV for neo4j-admin import; SHACL-checked first."""
    from lawgraph.graph.rdf import ShaclViolations, require_conformance, serialize, to_rdf
    from lawgraph.ingest.build import build_graph

    settings = _settings(data)
    iri_base = checked_base(base or settings.rdf_base)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    graph = build_graph(settings.data_dir).graph
    timings["build_s"] = time.perf_counter() - started
    step = time.perf_counter()
    rdf = to_rdf(graph, iri_base)
    timings["rdf_s"] = time.perf_counter() - step
    step = time.perf_counter()
    try:
        require_conformance(rdf)
    except ShaclViolations as refused:
        err.print(f"error: {refused}", markup=False, highlight=False)
        raise typer.Exit(EXIT_NOT_CONFORMING) from None
    timings["shacl_s"] = time.perf_counter() - step
    step = time.perf_counter()
    summary: dict[str, Any] = {"format": fmt.value, "out": str(out_path), "nodes": len(graph.nodes),
                               "relationships": len(graph.edges), "triples": len(rdf), "shacl": "conforms"}
    if fmt in (ExportFormat.turtle, ExportFormat.jsonld):
        payload = serialize(rdf, fmt.value, iri_base)
        _write_atomically(out_path, payload)
        summary.update(bytes=len(payload), base=iri_base)
    elif fmt is ExportFormat.graphml:
        from lawgraph.graph.graphml import graphml_bytes

        payload = graphml_bytes(graph)
        _write_atomically(out_path, payload)
        summary.update(bytes=len(payload))
    else:
        from lawgraph.graph.csv_import import write_csv

        written = write_csv(graph, out_path)
        files = [*written.node_files.values(), *written.relationship_files.values()]
        summary.update(files=len(files), bytes=sum(p.stat().st_size for p in files),
                       import_command=shlex.join(written.import_command()))
    timings["write_s"] = time.perf_counter() - step
    summary.update({k: round(v, 3) for k, v in timings.items()})
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        return
    table = Table("", "")
    for key, value in summary.items():
        table.add_row(key, str(value))
    out.print(table)


@friendly_errors
def sparql(
    query: Annotated[str, typer.Argument(help="a query of queries/sparql/ by name, or a .rq file")],
    param: ParamOpt = None,
    rdf_file: Annotated[Path | None, typer.Option("--rdf", help="an exported Turtle or JSON-LD file "
                                                               "(default: build the graph from the data)")] = None,
    base: BaseOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run a SPARQL query over the exported RDF (or the graph built from the data)."""
    from rdflib import Graph
    from rdflib.util import guess_format

    from lawgraph.graph.rdf import get_sparql, run_sparql, to_rdf
    from lawgraph.ingest.build import build_graph

    named = get_sparql(query)
    if rdf_file is not None:
        rdf = Graph().parse(rdf_file, format=guess_format(str(rdf_file)) or "turtle")
    else:
        settings = _settings(data)
        rdf = to_rdf(build_graph(settings.data_dir).graph, checked_base(base or settings.rdf_base))
    rows = run_sparql(rdf, named, **parse_params(param))
    print_rows(named.columns or (list(rows[0]) if rows else []), rows, as_json)
