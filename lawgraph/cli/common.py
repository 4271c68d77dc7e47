"""What every ``lawgraph`` command shares: consoles, options, settings, error reporting and output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core
from rich.console import Console
from rich.table import Table

from lawgraph.errors import InvalidInput, LawgraphError, error_message
from lawgraph.ingest.errors import BuildRefused, DataError

if TYPE_CHECKING:  # pydantic (0.1 s) is imported when settings are first read: `lawgraph dashboard` starts
    # Streamlit before that
    from lawgraph.settings import Settings

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)


def _flag_type_hidden(display_type_rich: Callable[..., str | None]) -> Callable[..., str | None]:
    """Typer (0.29) prints a flag's Python type in help (``--json <bool>``, ``--help <bool>``), as if the
    flag took a value; a flag takes none, so its type column stays empty (every other option keeps its type).
    """

    @wraps(display_type_rich)
    def display(option: typer.core.TyperOption, ctx: Any) -> str | None:
        return None if option.is_flag else display_type_rich(option, ctx)

    return display


# for every command at once (help, --json, --wipe …): typer has no hook for the option class it builds
typer.core.TyperOption.display_type_rich = _flag_type_hidden(typer.core.TyperOption.display_type_rich)  # type: ignore[method-assign]


class Backend(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


DataOpt = Annotated[Path | None, typer.Option("--data", help="data folder (default: the repo's data/)")]
BackendOpt = Annotated[Backend | None, typer.Option("--backend", help="embedded (default) or neo4j (NEO4J_URI)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print JSON")]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v (v read as JSON if it parses)")]


def _settings(data: Path | None = None) -> Settings:
    from lawgraph.settings import Settings

    return Settings.from_env(data_dir=data.resolve() if data else None)


def friendly_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Show a :class:`~lawgraph.errors.LawgraphError` as a message and its exit code, never a traceback.

    Any other exception is a bug: it is named as one and keeps its traceback.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BuildRefused as exc:
            err.print(f"[red]{exc.errors[0].location.file}[/]: build refused, {len(exc.errors)} error(s); "
                      "nothing was loaded", markup=True, highlight=False)
            for error in exc.errors:
                err.print(str(error), markup=False, highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except DataError as exc:
            err.print(str(exc), markup=False, highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except LawgraphError as exc:
            err.print(f"error: {error_message(exc)}", markup=False, highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except Exception:
            err.print("lawgraph: internal error — this is a bug, please report it with the traceback below",
                      markup=False, highlight=False)
            raise

    return wrapper


def parse_params(pairs: list[str] | None) -> dict[str, Any]:
    """``["id=ECL:38", "n=3"]`` → ``{"id": "ECL:38", "n": 3}``.

    >>> parse_params(["id=ECL:38", "n=3", 'xs=["a","b"]'])
    {'id': 'ECL:38', 'n': 3, 'xs': ['a', 'b']}
    """
    params: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InvalidInput(f"--param takes k=v, got {pair!r}")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@contextmanager
def opened_store(settings: Settings, backend: Backend | None) -> Iterator[Any]:
    """The store to read; says on stderr when data/ changed since its last load (the store is not rebuilt)."""
    from lawgraph.connect import open_store, stale_notice

    store = open_store(settings, backend.value if backend else None)
    try:
        notice = stale_notice(store, settings.data_dir)
        if notice:
            err.print(f"note: {notice}", markup=False, highlight=False)
        yield store
    finally:
        store.close()


def print_rows(columns: list[str], rows: list[dict[str, Any]], as_json: bool, truncated: bool = False) -> None:
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
        if truncated:  # stdout stays a plain JSON list; the notice goes where a person (or a log) sees it
            err.print(f"truncated: {len(rows)} row(s): cut at the row cap (raise it with --row-cap or "
                      "LAWGRAPH_ROW_CAP)", markup=False, highlight=False)
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    out.print(table)
    err.print(f"{len(rows)} row(s)" + (" (cut at the row cap)" if truncated else ""))


def _cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


