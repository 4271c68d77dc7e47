"""The ``lawgraph`` command: a thin layer over the build, store, query and export APIs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from lawgraph.ingest.errors import BuildRefused, DataError
from lawgraph.stores.base import StoreError

if TYPE_CHECKING:  # pydantic (0.1 s) is imported when settings are first read: `lawgraph dashboard` starts
    # Streamlit before that
    from lawgraph.settings import Settings

app = typer.Typer(help="lawgraph: Chinese e-commerce platform liability law as a knowledge graph.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
neo4j_app = typer.Typer(help="A local Neo4j 5 server for machines without Docker.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)


class Backend(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


DataOpt = Annotated[Path | None, typer.Option("--data", help="data folder (default: the repo's data/)")]
BackendOpt = Annotated[Backend | None, typer.Option("--backend", help="embedded (default) or neo4j (NEO4J_URI)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v (v read as JSON if it parses)")]


def _settings(data: Path | None = None) -> Settings:
    from lawgraph.settings import Settings

    return Settings.from_env(data_dir=data.resolve() if data else None)


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a user can fix into a message and an exit code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BuildRefused as exc:
            err.print(f"[red]{exc.errors[0].location.file}[/]: build refused, {len(exc.errors)} error(s); "
                      "nothing was loaded", markup=True, highlight=False)
            for error in exc.errors:
                err.print(str(error), markup=False, highlight=False)
            raise typer.Exit(2) from None
        except DataError as exc:
            err.print(str(exc), markup=False, highlight=False)
            raise typer.Exit(2) from None
        except (StoreError, KeyError, ValueError) as exc:  # a bad setting is a ValueError (SettingsError)
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
            err.print(f"error: {message}", markup=False, highlight=False)
            raise typer.Exit(1) from None

    return wrapper


def parse_params(pairs: list[str] | None) -> dict[str, Any]:
    """``["id=ECL:38", "n=3"]`` → ``{"id": "ECL:38", "n": 3}``.

    >>> parse_params(["id=ECL:38", "n=3", 'xs=["a","b"]'])
    {'id': 'ECL:38', 'n': 3, 'xs': ['a', 'b']}
    """
    params: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--param takes k=v, got {pair!r}")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@contextmanager
def opened_store(settings: Settings, backend: Backend | None) -> Iterator[Any]:
    from lawgraph.connect import open_store

    store = open_store(settings, backend.value if backend else None)
    try:
        yield store
    finally:
        store.close()


def print_rows(columns: list[str], rows: list[dict[str, Any]], as_json: bool, truncated: bool = False) -> None:
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
        if truncated:  # stdout stays a plain JSON list; the notice goes where a person (or a log) sees it
            err.print(f"{len(rows)} row(s): cut at the row cap (raise it with --row-cap or LAWGRAPH_ROW_CAP)")
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    out.print(table)
    err.print(f"{len(rows)} row(s)" + (" (cut at the row cap)" if truncated else ""))


def _cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


@app.command()
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


@app.command()
@friendly_errors
def load(backend: BackendOpt = None, data: DataOpt = None,
         wipe: Annotated[bool, typer.Option("--wipe", help="rebuild from scratch even if unchanged")] = False,
         as_json: JsonOpt = False) -> None:
    """Load the data into the embedded store or Neo4j (idempotent; all or nothing)."""
    from lawgraph.connect import embedded_home, ensure_embedded, load_neo4j, open_neo4j
    from lawgraph.stores.embedded import EmbeddedStore

    settings = _settings(data)
    chosen = backend.value if backend else settings.default_backend
    if chosen == "neo4j":
        store = open_neo4j(settings)
        try:
            stats = load_neo4j(store, settings.data_dir)
        finally:
            store.close()
    else:
        store = EmbeddedStore(embedded_home(settings))
        try:
            stats = ensure_embedded(store, settings.data_dir, force=wipe)
        finally:
            store.close()
    if stats is None:
        result = {"backend": chosen, "status": "up to date"}
    else:
        result = {"backend": chosen, "status": "loaded", "nodes": stats.nodes,
                  "relationships": stats.relationships, "seconds": round(stats.seconds, 3)}
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        out.print(" ".join(f"{k}={v}" for k, v in result.items()))


@app.command()
@friendly_errors
def cypher(query: Annotated[str, typer.Argument(help="a read-only Cypher query")],
           param: ParamOpt = None, backend: BackendOpt = None, as_json: JsonOpt = False,
           timeout_ms: Annotated[int | None, typer.Option(help="time limit")] = None,
           row_cap: Annotated[int | None, typer.Option(help="most rows returned")] = None) -> None:
    """Run a read-only Cypher query (writes are refused)."""
    settings = _settings()
    with opened_store(settings, backend) as store:
        result = store.read(query, parse_params(param), timeout_ms=timeout_ms or settings.query_timeout_ms,
                            row_cap=row_cap or settings.row_cap)
    print_rows(result.columns, result.rows, as_json, result.truncated)


@app.command("query")
@friendly_errors
def run_named_query(name: Annotated[str, typer.Argument(help="a query of queries/cypher/ (see `lawgraph queries`)")],
                    param: ParamOpt = None, backend: BackendOpt = None, as_json: JsonOpt = False) -> None:
    """Run a named query of the library."""
    from lawgraph.queries.library import QueryLibrary

    settings = _settings()
    with opened_store(settings, backend) as store:
        result = QueryLibrary(store, settings.query_timeout_ms, settings.row_cap).result(name, **parse_params(param))
    print_rows(result.columns, result.rows, as_json, result.truncated)


@app.command("queries")
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


@app.command()
@friendly_errors
def docs(data: DataOpt = None) -> None:
    """Regenerate docs/schema.md (from the model) and docs/content.md (from a build)."""
    from lawgraph.content_doc import render_content_doc, render_schema_doc
    from lawgraph.ingest.build import build_graph
    from lawgraph.settings import REPO_ROOT

    report = build_graph(_settings(data).data_dir)
    (REPO_ROOT / "docs" / "schema.md").write_text(render_schema_doc(), encoding="utf-8")
    (REPO_ROOT / "docs" / "content.md").write_text(render_content_doc(report), encoding="utf-8")
    out.print("wrote docs/schema.md and docs/content.md")


@neo4j_app.command("start")
@friendly_errors
def neo4j_start(home: Annotated[Path, typer.Option(help="server home (data, logs)")] = Path(".neo4j-local"),
                port: Annotated[int | None, typer.Option(help="bolt port (default: a free one)")] = None) -> None:
    """Start a local Neo4j 5 (from Maven Central artifacts) and print its bolt URI."""
    from lawgraph.stores import neo4j_local

    try:
        server = neo4j_local.start(home.resolve(), port, detach=True)
    except neo4j_local.LocalNeo4jError as exc:
        raise StoreError(str(exc)) from None
    out.print(server.uri)
    err.print(f"export NEO4J_URI={server.uri}   # no password: a loopback-only test server; "
              f"stop it with `lawgraph neo4j stop --home {home}`")


@neo4j_app.command("stop")
@friendly_errors
def neo4j_stop(home: Annotated[Path, typer.Option(help="server home")] = Path(".neo4j-local")) -> None:
    """Stop the local Neo4j started with `lawgraph neo4j start`."""
    from lawgraph.stores import neo4j_local

    out.print("stopped" if neo4j_local.stop(home.resolve()) else "not running")


@neo4j_app.command("status")
@friendly_errors
def neo4j_status(home: Annotated[Path, typer.Option(help="server home")] = Path(".neo4j-local")) -> None:
    """Print the local server's bolt URI if it runs."""
    from lawgraph.stores import neo4j_local

    server = neo4j_local.status(home.resolve())
    out.print(f"{server.uri} pid={server.pid}" if server else "not running")


def main() -> None:  # pragma: no cover
    app()


# Command groups that live in modules of their own register themselves on `app` when imported.
from lawgraph import commands_dashboard as _dashboard  # noqa: E402,F401
from lawgraph import commands_export as _export  # noqa: E402,F401
from lawgraph import commands_outcomes as _outcomes  # noqa: E402,F401
from lawgraph import commands_scale as _scale  # noqa: E402,F401
