"""The ``lawgraph`` command: a thin layer over the build, store, query and export APIs.

Each command lives in a module of its own (``store_commands``, ``export_commands`` …) that imports only
:mod:`lawgraph.cli.common`; this module builds the typer app and registers them, so no command module
imports the app (no cycle) and the list below is the whole command line.
"""

from __future__ import annotations

import typer

from lawgraph.cli import (
    dashboard_command,
    export_commands,
    mcp_command,
    neo4j_commands,
    outcomes_command,
    scale_commands,
    store_commands,
)

app = typer.Typer(help="lawgraph: Chinese e-commerce platform liability law as a knowledge graph.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)

for _name, _command in [
    ("build", store_commands.build),
    ("load", store_commands.load),
    ("cypher", store_commands.cypher),
    ("query", store_commands.run_named_query),
    ("queries", store_commands.list_queries),
    ("docs", store_commands.docs),
    ("outcomes", outcomes_command.outcomes),
    ("export", export_commands.export),
    ("sparql", export_commands.sparql),
    ("dashboard", dashboard_command.dashboard),
    ("mcp", mcp_command.mcp),
    ("synth", scale_commands.synth),
    ("bench", scale_commands.bench),
]:
    app.command(_name)(_command)
app.add_typer(neo4j_commands.neo4j_app, name="neo4j")


def main() -> None:  # pragma: no cover
    app()
