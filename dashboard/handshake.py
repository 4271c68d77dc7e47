"""The two pipes between ``lawgraph dashboard`` and the Streamlit process serving it (:mod:`dashboard.prestart`).

On the options pipe (the descriptor in ``DASHBOARD_OPTIONS_FD``) a pre-started process waits for its Streamlit
options (:func:`wait_for_options`). On the store-ready pipe (``DASHBOARD_STORE_READY_FD``) the command says, once
it has opened (or built) the store, which store that is (:func:`tell_store_ready`); until then the dashboard
opens none (:func:`launcher_store` waits), so it attaches to the embedded server the command started instead of
racing it to start another.

Standard library only: the pre-start imports this before anything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from typing import Any

#: the environment variable naming the pipe on which ``lawgraph dashboard`` says the store is open
#: (not ``LAWGRAPH_…``: the settings refuse variables of that prefix they do not know)
READY_FD_ENV = "DASHBOARD_STORE_READY_FD"
#: the environment variable naming the pipe on which a pre-started process waits for its options
OPTIONS_FD_ENV = "DASHBOARD_OPTIONS_FD"
#: how long the dashboard waits for the command to open (on a fresh clone: build) the store
READY_TIMEOUT_S = 600.0

_launcher_lock = threading.Lock()
_launcher: dict[str, Any] | None = None


def wait_for_options(argv: list[str]) -> list[str]:
    """Streamlit's options: ``argv``, or, in a pre-started process, those ``lawgraph dashboard`` sends once it
    has parsed its command line (with the environment it adds); it exits quietly if the command ends first."""
    raw = os.environ.pop(OPTIONS_FD_ENV, None)
    if raw is None:
        return argv
    with os.fdopen(int(raw), "rb") as pipe:
        line = pipe.readline()
    if not line.strip():  # `lawgraph dashboard --help`, a bad option …: nothing to serve
        raise SystemExit(0)
    message = json.loads(line)
    os.environ.update(message.get("env", {}))
    return [*message["argv"], *argv]


def tell_store_ready(pipe: int, message: dict[str, Any] | None) -> None:
    """Tell the dashboard process the store is open (a JSON line), or, with None, that it could not be."""
    with contextlib.suppress(OSError):  # the dashboard process already stopped: it is waited for next
        if message is not None:
            os.write(pipe, (json.dumps(message) + "\n").encode())
    os.close(pipe)


def launcher_store(timeout_s: float = READY_TIMEOUT_S) -> dict[str, Any] | None:
    """What ``lawgraph dashboard`` said about the store it opened (``{"backend", "embedded_home"?}``),
    waiting for it; None when this process was not started by the command.

    Raises ``StoreError`` when the command could not open the store (it then stops this process too).
    """
    global _launcher  # one answer per process, read once from the pipe
    raw = os.environ.get(READY_FD_ENV)
    if not raw:
        return None
    with _launcher_lock:
        if _launcher is None:
            _launcher = _read_ready(int(raw), timeout_s)
        return _launcher


def _read_ready(fd: int, timeout_s: float) -> dict[str, Any]:
    import select

    from lawgraph.stores.base import StoreError

    ready, _, _ = select.select([fd], [], [], timeout_s)
    data = b""
    if ready:
        with os.fdopen(fd, "rb") as pipe:  # one line, then the command closes its end
            data = pipe.readline()
    if not data.strip():
        raise StoreError("`lawgraph dashboard` could not open the graph store (see its messages)")
    return dict(json.loads(data))
