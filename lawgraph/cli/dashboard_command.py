"""`lawgraph dashboard`: serve the Streamlit dashboard on the embedded store or Neo4j (registered on the main app)."""

from __future__ import annotations

import signal
import subprocess
from typing import Annotated

import typer

from lawgraph.cli.common import BackendOpt, _settings, err, friendly_errors
from lawgraph.dashboard import prestart
from lawgraph.dashboard.handshake import tell_store_ready
from lawgraph.dashboard.serve import options


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _serve(child: subprocess.Popen[bytes]) -> int:
    """Wait for Streamlit to stop; Ctrl-C and SIGTERM stop it (and then this process closes the store)."""
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: child.send_signal(signum))
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                child.send_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)


@friendly_errors
def dashboard(
    port: Annotated[int, typer.Option("--port", help="port to serve on")] = 8501,
    backend: BackendOpt = None,
    address: Annotated[str | None, typer.Option("--address", help="interface to bind (default: Streamlit's)")] = None,
) -> None:
    """Serve the dashboard (Streamlit, headless). Builds the embedded store first if needed."""
    # Streamlit is already starting (dashboard/prestart.py): its imports and server start overlap with parsing
    # the command line and opening (on a fresh clone: building) the store here. The dashboard process reads
    # the same environment, so it chooses the same store; it opens none until told on the ready pipe that
    # this one is open, then attaches to the embedded server started here instead of starting one.
    started = prestart.start(options(port, address), {"LAWGRAPH_BACKEND": backend.value} if backend else {})
    child, ready_write = started.process, started.ready_fd
    try:
        from lawgraph.connect import open_store, stale_notice
        from lawgraph.dashboard.backend import backend_summary

        settings = _settings()  # a bad setting stops the dashboard process too (below) and is reported
        chosen = backend.value if backend else settings.default_backend
        store = open_store(settings, chosen)  # the build shows its progress here
    except BaseException:  # a refused build, no Neo4j, Ctrl-C …: stop the dashboard, then report
        tell_store_ready(ready_write, None)
        _stop(child)
        raise
    told = False
    try:
        nodes = store.read("MATCH (n) RETURN count(n) AS n", timeout_ms=settings.query_timeout_ms).rows[0]["n"]
        kind, where = backend_summary(settings.model_copy(update={"backend": chosen}))
        launched = {"backend": kind, **({"embedded_home": str(store.home)} if kind == "embedded" else {})}
        tell_store_ready(ready_write, launched)
        told = True
        host = address if address and address not in ("0.0.0.0", "::") else "localhost"
        err.print(f"lawgraph dashboard: http://{host}:{port}  (store: {kind}, {where}, {nodes} nodes)",
                  markup=False, highlight=False)
        notice = stale_notice(store, settings.data_dir)
        if notice:
            err.print(f"note: {notice}", markup=False, highlight=False)
        if not nodes:
            err.print(f"the {kind} store is empty: load it with `lawgraph load --backend {kind}`", markup=False,
                      highlight=False)
        code = _serve(child)
    except BaseException:
        if not told:
            tell_store_ready(ready_write, None)
        _stop(child)
        raise
    finally:
        store.close()
    if code not in (0, -signal.SIGINT, 130):
        raise typer.Exit(code)
