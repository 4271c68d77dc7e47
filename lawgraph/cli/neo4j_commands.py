"""``lawgraph neo4j start|stop|status``: a local Neo4j 5 server for machines without Docker."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lawgraph.cli.common import err, friendly_errors, out
from lawgraph.stores.base import StoreError

neo4j_app = typer.Typer(help="A local Neo4j 5 server for machines without Docker.", no_args_is_help=True)


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
