"""``lawgraph build|load|cypher|query|queries|docs``: the build, the stores and the query library."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from lawgraph.cli.common import (
    BackendOpt,
    DataOpt,
    JsonOpt,
    ParamOpt,
    _settings,
    friendly_errors,
    opened_store,
    out,
    parse_params,
    print_rows,
)


@friendly_errors
def build(data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Parse and validate everything under DATA; print counts. Loads nothing."""
    from lawgraph.ingest.build import build_graph

    settings = _settings(data)
    report = build_graph(settings.data_dir)
    summary = report.summary()
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
        return
    table = Table("statute", "articles")
    for code, n in summary["articles_by_law"].items():
        table.add_row(code, str(n))
    out.print(table)
    for key in ("nodes", "relationships"):
        table = Table(key[:-1] if key == "nodes" else "relationship", "count")
        for name, n in summary[key].items():
            table.add_row(name, str(n))
        out.print(table)
    refs = summary["references"]
    out.print(f"statute cross-references found: {refs['found']}, pointing outside the corpus: "
              f"{refs['outside_corpus']}")


@friendly_errors
def load(backend: BackendOpt = None, data: DataOpt = None,
         wipe: Annotated[bool, typer.Option("--wipe", help="rebuild from scratch even if unchanged")] = False,
         as_json: JsonOpt = False) -> None:
    """Load the data into the embedded store or Neo4j (idempotent; all or nothing)."""
    from lawgraph.connect import load_store

    settings = _settings(data)
    chosen = backend.value if backend else settings.default_backend
    stats = load_store(settings, chosen, force=wipe)
    if stats is None:
        result = {"backend": chosen, "status": "up to date"}
    else:
        result = {"backend": chosen, "status": "loaded", "nodes": stats.nodes,
                  "relationships": stats.relationships, "seconds": round(stats.seconds, 3)}
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        out.print(" ".join(f"{k}={v}" for k, v in result.items()))


@friendly_errors
def cypher(query: Annotated[str, typer.Argument(help="a read-only Cypher query")],
           param: ParamOpt = None, backend: BackendOpt = None, as_json: JsonOpt = False,
           timeout_ms: Annotated[int | None, typer.Option(help="time limit")] = None,
           row_cap: Annotated[int | None, typer.Option(help="most rows returned")] = None) -> None:
    """Run a read-only Cypher query (writes are refused)."""
    from lawgraph.stores.query_errors import checked_read

    settings = _settings()
    with opened_store(settings, backend) as store:
        result = checked_read(store, query, parse_params(param), timeout_ms=timeout_ms or settings.query_timeout_ms,
                              row_cap=row_cap or settings.row_cap)
    print_rows(result.columns, result.rows, as_json, result.truncated)


@friendly_errors
def run_named_query(name: Annotated[str, typer.Argument(help="a query of queries/cypher/ (see `lawgraph queries`)")],
                    param: ParamOpt = None, backend: BackendOpt = None, as_json: JsonOpt = False) -> None:
    """Run a named query of the library."""
    from lawgraph.queries.library import QueryLibrary

    settings = _settings()
    with opened_store(settings, backend) as store:
        result = QueryLibrary(store, settings.query_timeout_ms, settings.row_cap).result(name, **parse_params(param))
    print_rows(result.columns, result.rows, as_json, result.truncated)


def list_queries(as_json: JsonOpt = False) -> None:
    """List the named queries with their purpose, parameters and columns."""
    from lawgraph.queries.library import all_queries

    queries = all_queries()
    if as_json:
        sys.stdout.write(json.dumps([{"name": q.name, "purpose": q.purpose, "params": q.params,
                                      "columns": q.columns} for q in queries.values()], ensure_ascii=False) + "\n")
        return
    table = Table("name", "purpose", "params")
    for q in queries.values():
        table.add_row(q.name, q.purpose, ", ".join(f"${p}" for p in q.params))
    out.print(table)


@friendly_errors
def docs(data: DataOpt = None) -> None:
    """Regenerate docs/schema.md (from the model), docs/content.md (from a build) and docs/settings.md."""
    from lawgraph.content_doc import render_content_doc, render_schema_doc
    from lawgraph.ingest.build import build_graph
    from lawgraph.settings import REPO_ROOT, render_settings_doc

    report = build_graph(_settings(data).data_dir)
    (REPO_ROOT / "docs" / "schema.md").write_text(render_schema_doc(), encoding="utf-8")
    (REPO_ROOT / "docs" / "content.md").write_text(render_content_doc(report), encoding="utf-8")
    (REPO_ROOT / "docs" / "settings.md").write_text(render_settings_doc(), encoding="utf-8")
    out.print("wrote docs/schema.md, docs/content.md and docs/settings.md")
