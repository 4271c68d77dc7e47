"""The dashboard's Streamlit process, started before ``lawgraph dashboard`` has parsed its command line.

Parsing costs the command 0.15–0.2 s (typer builds pydantic adapters for the options), and Streamlit's
imports another 0.7 s after that, one after the other on one core while the other waits. So the ``lawgraph``
entry point (:mod:`lawgraph.entry`) calls :func:`prestart` first when the command is ``dashboard``: the
process imports Streamlit and the first page's code meanwhile (``python -m lawgraph.dashboard.serve``), then waits for
its options on a pipe. :func:`start` sends them, or starts a process with them when none was pre-started
(``dashboard()`` called from Python, tests). If the command ends without serving (``--help``, a bad option),
its end of the pipe closes and the waiting process exits without a word.

Standard library only: this runs before anything else is imported.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass

from lawgraph.dashboard.handshake import OPTIONS_FD_ENV, READY_FD_ENV


@dataclass
class Started:
    """A Streamlit process serving the dashboard, and the write end of its store-ready pipe."""

    process: subprocess.Popen[bytes]
    ready_fd: int


@dataclass
class _Waiting(Started):
    options_fd: int  # write end: one JSON line, ``{"argv": [...], "env": {...}}``


_waiting: _Waiting | None = None


def prestart() -> None:
    """Start the Streamlit process now; it waits for its options (:func:`start`)."""
    global _waiting  # one per command run
    if _waiting is not None:
        return
    options_read, options_write = os.pipe()
    ready_read, ready_write = os.pipe()
    env = {**os.environ, OPTIONS_FD_ENV: str(options_read), READY_FD_ENV: str(ready_read)}
    process = subprocess.Popen([sys.executable, "-m", "lawgraph.dashboard.serve"], env=env,
                               pass_fds=(options_read, ready_read))
    os.close(options_read)
    os.close(ready_read)
    _waiting = _Waiting(process, ready_write, options_write)


def start(argv: list[str], env: dict[str, str]) -> Started:
    """Streamlit serving the dashboard with these options (``env`` added to its environment): the pre-started
    process, told them now, or a new one."""
    global _waiting
    if _waiting is not None:
        waiting, _waiting = _waiting, None
        message = json.dumps({"argv": argv, "env": env}) + "\n"
        with contextlib.suppress(OSError):  # it already stopped: the caller sees its exit code when it waits
            os.write(waiting.options_fd, message.encode())
        os.close(waiting.options_fd)
        return Started(waiting.process, waiting.ready_fd)
    ready_read, ready_write = os.pipe()
    process = subprocess.Popen([sys.executable, "-m", "lawgraph.dashboard.serve", *argv],
                               env={**os.environ, **env, READY_FD_ENV: str(ready_read)}, pass_fds=(ready_read,))
    os.close(ready_read)
    return Started(process, ready_write)
