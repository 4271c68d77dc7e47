"""`lawgraph mcp`: serve the graph to an assistant over the Model Context Protocol (docs/mcp.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from lawgraph.cli.common import BackendOpt, _settings, friendly_errors


@friendly_errors
def mcp(
    http: Annotated[bool, typer.Option("--http", help="streamable HTTP on 127.0.0.1 (default: stdio)")] = False,
    port: Annotated[int, typer.Option("--port", help="the HTTP port (with --http)")] = 8000,
    backend: BackendOpt = None,
) -> None:
    """An MCP server over the read-only API (tools: outcomes, facts, article, case, similar_cases, cypher,
    schema); stdio for an assistant's MCP configuration, or --http on 127.0.0.1 only."""
    from lawgraph.mcp_server import serve

    serve(_settings(), "streamable-http" if http else "stdio", port, backend.value if backend else None)
