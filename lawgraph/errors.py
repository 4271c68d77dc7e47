"""The root of the errors a user can act on.

Everything the command line shows as ``error: …`` derives from :class:`LawgraphError`; any other
exception is a bug and is shown as one (with its traceback). ``exit_code`` is the process's exit status:
2 for bad input (a data file, a setting, a fact id, a refused query), 1 for an environment that
cannot serve the request (no Neo4j, a query over its time limit).

>>> class UnknownThing(LawgraphError):
...     pass
>>> UnknownThing("no such thing").exit_code
2
>>> issubclass(UnknownThing, Exception)
True
"""

from __future__ import annotations


class LawgraphError(Exception):
    """An error the user can fix: shown as ``error: <message>``, never as a traceback."""

    #: the process exit status when this error ends a command
    exit_code: int = 2


class EnvironmentProblem(LawgraphError):
    """The request is fine, but what it needs (a server, time) is not available."""

    exit_code = 1


class InvalidInput(LawgraphError, ValueError):
    """A malformed option or argument (``--param k=v``, an IRI base, a size list …)."""


def error_message(exc: LawgraphError) -> str:
    """The message of an error (a ``KeyError`` subclass's own text, not its repr).

    >>> class UnknownName(LawgraphError, KeyError):
    ...     pass
    >>> error_message(UnknownName("unknown query 'x'"))
    "unknown query 'x'"
    """
    return str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
