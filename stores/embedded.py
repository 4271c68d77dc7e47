"""The embedded default: FalkorDB inside a Redis child process (FalkorDBLite), data on disk.

No server to install. The append-only file is on (``appendfsync everysec``), so a killed process
loses at most the last second of writes; loads (:mod:`lawgraph.stores.embedded_load`) are staged in a
graph of their own and swapped in with one atomic ``RENAME``, so readers see the old graph or the new
one, never half of a load.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lawgraph.stores.base import META_QUERY, QueryResult, QueryTimeout, ReadOnlyViolation, ReadQuery, StoreError
from lawgraph.stores.embedded_load import EmbeddedLoader
from lawgraph.stores.read_guard import check_read
from lawgraph.stores.values import plain_value

GRAPH_NAME = "lawgraph"
DB_FILE = "lawgraph.rdb"
#: most memory one query may use. FalkorDB checks a query's time limit between records, not while it
#: builds one value, so ``RETURN range(1, 100000000)`` would take gigabytes and minutes: this refuses it.
QUERY_MEM_CAPACITY = 256 * 1024 * 1024

log = logging.getLogger(__name__)


def _server_config() -> dict[str, Any]:
    return {
        "appendonly": "yes",
        "appendfsync": "everysec",
        "aof-load-truncated": "yes",
        "save": ["900 1", "300 100", "60 10000"],
    }


class EmbeddedStore:
    """A FalkorDBLite store under ``home`` (created if missing)."""

    backend = "embedded"

    def __init__(self, home: Path, graph_name: str = GRAPH_NAME) -> None:
        self.home = Path(home)
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file in the way, no permission …: a message, not a traceback
            raise StoreError(f"cannot use {self.home} for the embedded store: {exc.strerror or exc}") from None
        self.graph_name = graph_name
        self.db = self._open()
        self.graph = self.db.select_graph(graph_name)
        with contextlib.suppress(Exception):  # a module without the setting still serves, unbounded
            self.db.client.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", QUERY_MEM_CAPACITY)

    def _open(self) -> Any:
        from redislite.falkordb_client import FalkorDB

        db_path = self.home / DB_FILE
        try:
            return FalkorDB(str(db_path), serverconfig=_server_config())
        except Exception as first:  # a stale settings file after a crash can fail the first reopen
            settings = db_path.with_name(db_path.name + ".settings")
            if settings.exists():
                log.warning("embedded store: removing stale %s after: %s", settings, first)
                settings.unlink()
                try:
                    return FalkorDB(str(db_path), serverconfig=_server_config())
                except Exception as second:
                    raise StoreError(f"cannot open the embedded store in {self.home}: {second}") from None
            raise StoreError(f"cannot open the embedded store in {self.home}: {first}") from None

    # -- reading -------------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None,
             row_cap: int | None = None) -> QueryResult:
        check_read(query)  # the parse first: one clear refusal naming the clause or procedure
        started = time.perf_counter()
        try:
            result = self.graph.ro_query(query, params or None, timeout=timeout_ms)
        except Exception as exc:
            raise _translate(exc) from None
        return _rows(result, row_cap, started)

    def read_batch(self, statements: Sequence[ReadQuery], *, timeout_ms: int | None = None,
                   row_cap: int | None = None) -> list[QueryResult]:
        """Several read-only queries in one ``MULTI``/``EXEC``: Redis runs no other command in between, so
        no load (its ``RENAME`` swap) lands between them. FalkorDB runs a transaction's queries one after the
        other on the server's main thread (not its thread pool), so other clients wait for the batch: keep
        it to queries bounded by what is asked (each one still stops at ``timeout_ms``)."""
        if len(statements) == 1:
            query, params = statements[0]
            return [self.read(query, dict(params), timeout_ms=timeout_ms, row_cap=row_cap)]
        from redislite.falkordb_client import QueryResult as FalkorResult

        for query, _ in statements:
            check_read(query)
        started = time.perf_counter()
        pipe = self.db.client.pipeline(transaction=True)
        for query, params in statements:
            # the command ro_query sends, parameters encoded by the client's own CYPHER header
            command: list[Any] = ["GRAPH.RO_QUERY", self.graph_name,
                                  self.graph._build_params_header(dict(params)) + query, "--compact"]
            if timeout_ms is not None:
                command += ["timeout", int(timeout_ms)]
            pipe.execute_command(*command)
        try:
            replies = pipe.execute(raise_on_error=False)
        except Exception as exc:
            raise _translate(exc) from None
        failed = next((reply for reply in replies if isinstance(reply, Exception)), None)
        if failed is not None:
            raise _translate(failed)
        try:
            return [_rows(FalkorResult(self.graph, reply), row_cap, started) for reply in replies]
        except Exception as exc:
            raise _translate(exc) from None

    # -- writing -------------------------------------------------------------------------------
    def write(self, query: str, params: dict[str, Any] | None = None, graph: str | None = None) -> None:
        target = self.db.select_graph(graph) if graph else self.graph
        try:
            target.query(query, params or None)
        except Exception as exc:
            raise _translate(exc) from None

    def graph_names(self) -> list[str]:
        return list(self.db.list_graphs())

    def has_graph(self) -> bool:
        return self.graph_name in self.graph_names()

    def meta(self) -> dict[str, Any]:
        """The live graph's ``LoadRun`` record (swapped in with the graph it describes); ``{}`` if none."""
        if not self.has_graph():
            return {}
        rows = self.read(META_QUERY).rows
        return dict(rows[0]["meta"]) if rows else {}

    def loader(self) -> EmbeddedLoader:
        return EmbeddedLoader(self)

    def server_pid(self) -> int | None:
        """The pid of the FalkorDB (redis-server) child serving this store."""
        return getattr(self.db.client, "pid", None)

    def server_version(self) -> str | None:
        """``FalkorDB x.y.z on Redis a.b.c`` (None if the module does not say)."""
        client = self.db.client
        redis = client.info("server").get("redis_version")
        for module in client.execute_command("MODULE", "LIST"):
            info = module if isinstance(module, dict) else dict(zip(module[::2], module[1::2], strict=False))
            info = {(k.decode() if isinstance(k, bytes) else k): v for k, v in info.items()}
            if info.get("name") in (b"graph", "graph"):
                ver = int(info.get("ver") or 0)
                return f"FalkorDB {ver // 10000}.{ver // 100 % 100}.{ver % 100} on Redis {redis}"
        return None

    def close(self) -> None:
        """Stop the child server if no other process uses it.

        Redis has written the AOF and a final snapshot when it removes its pid file; the FalkorDB module's
        own teardown after that can take seconds, so the process is killed once the pid file is gone.
        """
        client = self.db.client
        with contextlib.suppress(Exception):
            if client._connection_count() > 1:  # another process (the dashboard, a CLI call) still uses it
                client.connection_pool.disconnect()
                client.running = False
                client.pidfile = None  # so redislite's exit hook leaves the server running
                return
        pid, pidfile = client.pid, client.pidfile
        with contextlib.suppress(Exception):  # nothing changed (a reader): stop without the shutdown snapshot,
            # so a read leaves the store's files byte-identical (the append-only file is flushed either way)
            if client.info("persistence").get("rdb_changes_since_last_save") == 0:
                client.config_set("shutdown-on-sigterm", "nosave")
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while pidfile and os.path.exists(pidfile) and time.monotonic() < deadline:
                time.sleep(0.01)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            client.connection_pool.disconnect()
        redis_dir = getattr(client, "redis_dir", None)
        if redis_dir and os.path.isdir(redis_dir):
            shutil.rmtree(redis_dir, ignore_errors=True)
        registry = getattr(client, "settingregistryfile", None)
        if registry and os.path.exists(registry):
            with contextlib.suppress(OSError):
                os.remove(registry)
        client.running = False
        client.pidfile = None
        client.redis_dir = None


def _rows(result: Any, row_cap: int | None, started: float) -> QueryResult:
    """A FalkorDB result as plain rows, cut at ``row_cap``; the time since ``started``."""
    columns = [str(h[1]) for h in (result.header or [])]
    rows: list[dict[str, Any]] = []
    truncated = False
    for record in result.result_set or []:
        if row_cap is not None and len(rows) >= row_cap:
            truncated = True
            break
        rows.append({c: plain_value(v) for c, v in zip(columns, record, strict=False)})
    return QueryResult(columns, rows, truncated, (time.perf_counter() - started) * 1000)


def _translate(exc: Exception) -> StoreError:
    text = str(exc)
    lowered = text.lower()
    if "read-only" in lowered or "ro_query" in lowered:
        return ReadOnlyViolation("refused: the embedded store runs console queries read-only")
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout(f"the query ran past its time limit: {text}")
    return StoreError(text)
