"""The ``lawgraph`` command's entry point (``python -m lawgraph`` too).

``lawgraph dashboard`` starts the dashboard's Streamlit process before the command line is parsed, so that
Streamlit's imports run alongside typer's and the store's (:mod:`dashboard.prestart`); every command is then
parsed and run by the typer app in :mod:`lawgraph.cli`.
"""

from __future__ import annotations

import sys


def serves_dashboard(args: list[str]) -> bool:
    """Whether this command line will serve the dashboard (worth starting Streamlit before parsing it).

    >>> serves_dashboard(["dashboard", "--port", "8599"])
    True
    >>> serves_dashboard(["dashboard", "--help"]), serves_dashboard(["load"]), serves_dashboard([])
    (False, False, False)
    """
    return args[:1] == ["dashboard"] and "--help" not in args


def main() -> None:
    if serves_dashboard(sys.argv[1:]):
        from lawgraph.dashboard.prestart import prestart

        prestart()
    from lawgraph.cli import app

    app()
