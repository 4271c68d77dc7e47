"""The one place a store is opened (:func:`open_store`) and loaded (:func:`load_store`).

**Reads never write.** Opening a store to read never rebuilds it: a *missing* embedded store is built on
first use, under the load lock; a store whose data fingerprint differs from ``data/``'s is reported
(:func:`stale_notice`, ``data changed since the last load — run `lawgraph load```) and still answers
from what it holds. Only :func:`load_store` (``lawgraph load``) rebuilds. Builds and loads take an
inter-process lock (``LAWGRAPH_HOME/load.lock``), so two at once run one after the other and the
second finds the store up to date.
"""

from __future__ import annotations

import fcntl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawgraph.ingest.fingerprint import data_fingerprint
from lawgraph.settings import Settings
from lawgraph.stores.base import Loader, Store, StoreError
from lawgraph.stores.embedded import EmbeddedStore

if TYPE_CHECKING:  # the build (networkx), rich and the Neo4j driver are imported when used: opening the
    # built embedded store (every `lawgraph` command, the dashboard) needs none of them
    from lawgraph.graph.model import GraphData
    from lawgraph.ingest.writer import LoadStats
    from lawgraph.stores.neo4j_store import Neo4jStore

EMBEDDED_DIR = "embedded"
LOCK_FILE = "load.lock"
STALE_NOTICE = "data changed since the last load — run `lawgraph load`"


def embedded_home(settings: Settings) -> Path:
    """Where the embedded store lives.

    >>> embedded_home(Settings(home=Path("/tmp/x")))
    PosixPath('/tmp/x/embedded')
    """
    return settings.home / EMBEDDED_DIR


@contextmanager
def load_lock(settings: Settings) -> Iterator[None]:
    """Hold the load lock of ``LAWGRAPH_HOME`` (an ``flock``: released when the process ends, however)."""
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        handle = open(settings.home / LOCK_FILE, "a")  # noqa: SIM115 - held for the with-block below
    except OSError as exc:
        raise StoreError(f"cannot use {settings.home} for the store: {exc.strerror or exc}") from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_neo4j(settings: Settings) -> Neo4jStore:
    from lawgraph.stores.neo4j_store import Neo4jStore

    if not settings.neo4j_uri:
        raise StoreError("NEO4J_URI is not set (start a local server with `lawgraph neo4j start`, "
                         "or `docker compose up -d neo4j` and set NEO4J_URI/NEO4J_PASSWORD from .env)")
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database)


def open_store(settings: Settings, backend: str | None = None, *, build: bool = True,
               quiet: bool = False) -> Store:
    """The store to read: Neo4j when asked (or NEO4J_URI set), else the embedded default.

    An embedded store that does not exist yet is built from ``settings.data_dir`` under the load lock
    (``build=False``: opened empty, for a caller that loads it itself); one that exists is opened as it is.
    """
    chosen = backend or settings.default_backend
    if chosen == "neo4j":
        return open_neo4j(settings)
    home = embedded_home(settings)
    if not build:
        return EmbeddedStore(home)
    if home.is_dir() and any(home.iterdir()):  # the common case: no lock, no build
        store = EmbeddedStore(home)
        if store.has_graph():
            return store
        store.close()
    with load_lock(settings):  # missing: the first to get the lock builds it, the others find it built
        store = EmbeddedStore(home)
        try:
            if not store.has_graph():
                ensure_embedded(store, settings.data_dir, quiet=quiet)
        except BaseException:
            store.close()
            raise
    return store


def load_store(settings: Settings, backend: str | None = None, *, force: bool = False,
               quiet: bool = False) -> LoadStats | None:
    """``lawgraph load``: (re)load the store from ``settings.data_dir``, under the load lock.

    The embedded store is rebuilt when its fingerprint differs from the data's (or ``force``); None when
    it was up to date. Neo4j is always loaded (the load is idempotent).
    """
    chosen = backend or settings.default_backend
    with load_lock(settings):
        if chosen == "neo4j":
            neo4j = open_neo4j(settings)
            try:
                return load_neo4j(neo4j, settings.data_dir, quiet)
            finally:
                neo4j.close()
        store = EmbeddedStore(embedded_home(settings))
        try:
            return ensure_embedded(store, settings.data_dir, force=force, quiet=quiet)
        finally:
            store.close()


def store_meta(store: Store) -> dict[str, Any] | None:
    """What the store recorded about its last load, or None for a store that keeps no record."""
    meta = getattr(store, "meta", None)
    return dict(meta()) if callable(meta) else None


def load_id(store: Store) -> str:
    """An id of the store's last load (changes with every load; the dashboard's caches are keyed by it)."""
    meta = store_meta(store) or {}
    return str(meta.get("load_id") or meta.get("loaded_at") or meta.get("fingerprint") or "")


def stale_notice(store: Store, data_dir: Path) -> str | None:
    """:data:`STALE_NOTICE` when ``data_dir`` changed since the store's last load (else None)."""
    meta = store_meta(store)
    if meta is None:
        return None
    return STALE_NOTICE if meta.get("fingerprint") != data_fingerprint(data_dir) else None


def load_with_progress(loader: Loader, graph: GraphData, meta: dict[str, Any], quiet: bool = False) -> LoadStats:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from lawgraph.ingest.writer import load_graph

    console = Console(stderr=True)
    if quiet or (not console.is_terminal and "pytest" in sys.modules):
        return load_graph(loader, graph, meta)
    with Progress(TextColumn("[bold]loading[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("batches", total=None)

        def step(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        return load_graph(loader, graph, meta, step)


def ensure_embedded(store: EmbeddedStore, data_dir: Path, force: bool = False, quiet: bool = False) -> LoadStats | None:
    """(Re)build and load the embedded store if data/ changed since its last load (the caller holds the lock)."""
    fingerprint = data_fingerprint(data_dir)
    if not force and store.has_graph() and store.meta().get("fingerprint") == fingerprint:
        return None
    from lawgraph.ingest.build import build_graph

    report = build_graph(data_dir)
    return load_with_progress(store.loader(), report.graph,
                              {"fingerprint": fingerprint, "data_dir": str(data_dir)}, quiet)


def load_neo4j(store: Neo4jStore, data_dir: Path, quiet: bool = False) -> LoadStats:
    from lawgraph.ingest.build import build_graph

    report = build_graph(data_dir)
    return load_with_progress(store.loader(), report.graph,
                              {"fingerprint": data_fingerprint(data_dir)}, quiet)
