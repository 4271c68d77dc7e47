"""`lawgraph dashboard`: serve the Streamlit dashboard on the embedded store or Neo4j (registered on the main app)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Annotated

import typer

from lawgraph.cli import BackendOpt, _settings, app, err, friendly_errors


def streamlit_command(port: int, address: str | None = None) -> list[str]:
    """The command line that serves the dashboard: ``streamlit run dashboard/app.py`` with a warm-up
    (``dashboard/serve.py`` opens the store while the server starts).

    >>> streamlit_command(8599)[1:3]
    ['-m', 'dashboard.serve']
    >>> "--server.port=8599" in streamlit_command(8599)
    True
    """
    command = [sys.executable, "-m", "dashboard.serve",
               "--server.headless=true", f"--server.port={port}", "--browser.gatherUsageStats=false",
               "--client.showErrorDetails=none",  # never a stack trace on the page
               # nothing to watch in production, and watching the repo costs start-up time
               "--server.fileWatcherType=none", "--server.runOnSave=false"]
    if address:
        command.append(f"--server.address={address}")
    return command


def _serve(command: list[str], env: dict[str, str]) -> int:
    """Run Streamlit until it stops; Ctrl-C and SIGTERM stop it (and then this process closes the store)."""
    child = subprocess.Popen(command, env=env)
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: child.send_signal(signum))
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                child.send_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
@friendly_errors
def dashboard(
    port: Annotated[int, typer.Option("--port", help="port to serve on")] = 8501,
    backend: BackendOpt = None,
    address: Annotated[str | None, typer.Option("--address", help="interface to bind (default: Streamlit's)")] = None,
) -> None:
    """Serve the dashboard (Streamlit, headless). Builds the embedded store first if needed."""
    from dashboard.backend import backend_summary
    from lawgraph.connect import open_store

    settings = _settings()
    chosen = backend.value if backend else settings.default_backend
    # Open (and, for the embedded store, build) before Streamlit starts: the build shows its progress here,
    # and the dashboard process then attaches to the running embedded server instead of starting one.
    store = open_store(settings, chosen)
    try:
        nodes = store.read("MATCH (n) RETURN count(n) AS n", timeout_ms=settings.query_timeout_ms).rows[0]["n"]
        kind, where = backend_summary(settings.model_copy(update={"backend": chosen}))
        err.print(f"lawgraph dashboard: http://localhost:{port}  (store: {kind}, {where}, {nodes} nodes)",
                  markup=False, highlight=False)
        if not nodes:
            err.print(f"the {kind} store is empty: load it with `lawgraph load --backend {kind}`", markup=False,
                      highlight=False)
        env = {**os.environ, "LAWGRAPH_BACKEND": chosen}
        code = _serve(streamlit_command(port, address), env)
    finally:
        store.close()
    if code not in (0, -signal.SIGINT, 130):
        raise typer.Exit(code)
