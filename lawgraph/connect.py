"""Open the store the settings name; build the embedded one on first use or when data/ changed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lawgraph.ingest.writer import LoadStats, data_fingerprint, load_graph
from lawgraph.settings import Settings
from lawgraph.stores.base import Store, StoreError
from lawgraph.stores.embedded import EmbeddedStore

if TYPE_CHECKING:  # the build (networkx), rich and the Neo4j driver are imported when used: opening the
    # built embedded store (every `lawgraph` command, the dashboard) needs none of them
    from lawgraph.graph.model import GraphData
    from lawgraph.stores.neo4j_store import Neo4jStore

EMBEDDED_DIR = "embedded"


def embedded_home(settings: Settings) -> Path:
    return settings.home / EMBEDDED_DIR


def open_neo4j(settings: Settings) -> Neo4jStore:
    from lawgraph.stores.neo4j_store import Neo4jStore

    if not settings.neo4j_uri:
        raise StoreError("NEO4J_URI is not set (start a local server with `lawgraph neo4j start`, "
                         "or `docker compose up -d neo4j` and set NEO4J_URI/NEO4J_PASSWORD from .env)")
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database)


def load_with_progress(target: Any, graph: GraphData, meta: dict[str, Any], quiet: bool = False) -> LoadStats:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if quiet or (not console.is_terminal and "pytest" in sys.modules):
        return load_graph(target, graph, meta)
    with Progress(TextColumn("[bold]loading[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("batches", total=None)

        def step(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        return load_graph(target, graph, meta, step)


def ensure_embedded(store: EmbeddedStore, data_dir: Path, force: bool = False, quiet: bool = False) -> LoadStats | None:
    """(Re)build and load the embedded store if data/ changed since its last load."""
    fingerprint = data_fingerprint(data_dir)
    if not force and store.has_graph() and store.meta().get("fingerprint") == fingerprint:
        return None
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.targets import EmbeddedTarget

    report = build_graph(data_dir)
    return load_with_progress(EmbeddedTarget(store), report.graph,
                              {"fingerprint": fingerprint, "data_dir": str(data_dir)}, quiet)


def load_neo4j(store: Neo4jStore, data_dir: Path, quiet: bool = False) -> LoadStats:
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.targets import Neo4jTarget

    report = build_graph(data_dir)
    return load_with_progress(Neo4jTarget(store), report.graph,
                              {"fingerprint": data_fingerprint(data_dir)}, quiet)


def open_store(settings: Settings, backend: str | None = None, *, auto_build: bool = True,
               quiet: bool = False) -> Store:
    """The store to query: Neo4j when asked (or NEO4J_URI set), else the embedded default."""
    chosen = backend or settings.default_backend
    if chosen == "neo4j":
        return open_neo4j(settings)
    store = EmbeddedStore(embedded_home(settings))
    if auto_build:
        try:
            ensure_embedded(store, settings.data_dir, quiet=quiet)
        except Exception:
            store.close()
            raise
    return store
