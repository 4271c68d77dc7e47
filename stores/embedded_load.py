"""Loading the embedded store: stage the load in a graph of its own, swap it in with one RENAME.

The staging graph is new, so the load uses the writer's create plan: indexes first, nodes created
and linked by internal id, the load's ``LoadRun`` record written beside them, the uniqueness
constraints added (and checked) once the data is in, then the swap — readers see the old graph or
the new one (with its own record), never half of a load. Each load's staging graph has a name of its
own (the process id and a random part), so two processes never drop each other's; a load drops only
the staging graphs of processes that are gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from typing import Any, Protocol

from lawgraph.graph.loading import INDEXES, LOAD_RUN_LABEL, Batch, unique_labels
from lawgraph.stores.base import StoreError, load_meta


class _Store(Protocol):
    """What the loader uses of :class:`lawgraph.stores.embedded.EmbeddedStore` (which imports this module)."""

    db: Any
    graph: Any
    graph_name: str

    def graph_names(self) -> list[str]: ...

    def write(self, query: str, params: dict[str, Any] | None = None, graph: str | None = None) -> None: ...

#: rows per write into the embedded store (its parameters travel as query text; measured at 100k cases)
EMBEDDED_BATCH_SIZE = 5_000
#: staging graphs are named ``<graph>__staging__<pid>__<random>``
STAGING_MARK = "__staging__"


def cypher_literal(rows: list[Any]) -> str | None:
    """Rows of the create plan as a Cypher literal for FalkorDB's ``CYPHER rows=<literal>`` header.

    The rows are lists whose cells are property values (scalars and lists of scalars, never maps:
    see ``graph.model.PropertyValue``), and JSON writes those as FalkorDB's Cypher reads them,
    strings with ``\\n``, ``\\t``, ``\\"`` and ``\\\\`` escapes included — with the C encoder, several
    times faster than the client's own conversion. Not for ``\\uXXXX`` escapes (control characters,
    which FalkorDB does not read) nor for rows that are maps (the merge plan): None, and the caller
    passes the rows as an ordinary parameter.

    >>> cypher_literal([[1, 2, ["paper-000#2.1"], "platform", 0.3, None, True]])
    '[[1,2,["paper-000#2.1"],"platform",0.3,null,true]]'
    >>> cypher_literal([["line\\nbreak"]]), cypher_literal([{"a": 1}]), cypher_literal([["\\x01"]])
    ('[["line\\\\nbreak"]]', None, None)
    """
    if not rows or not isinstance(rows[0], list):
        return None
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return None if "\\u" in text else text


def staging_name(graph_name: str, pid: int | None = None) -> str:
    """A staging graph name of this process's own.

    >>> staging_name("lawgraph", 42).startswith("lawgraph__staging__42__")
    True
    """
    return f"{graph_name}{STAGING_MARK}{os.getpid() if pid is None else pid}__{secrets.token_hex(4)}"


def staging_owner(name: str, graph_name: str) -> int | None:
    """The process id in a staging graph's name (None if ``name`` is not one of ``graph_name``'s).

    >>> staging_owner("lawgraph__staging__42__beef", "lawgraph"), staging_owner("lawgraph", "lawgraph")
    (42, None)
    >>> staging_owner("lawgraph__staging", "lawgraph")  # the fixed name of older versions: nobody's
    0
    """
    if name == graph_name + STAGING_MARK.rstrip("_"):
        return 0
    prefix = graph_name + STAGING_MARK
    if not name.startswith(prefix):
        return None
    pid = name[len(prefix):].split("__", 1)[0]
    return int(pid) if pid.isdigit() else None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class EmbeddedLoader:
    """One load into an :class:`~lawgraph.stores.embedded.EmbeddedStore` (see the module)."""

    fresh = True
    id_function = "id"
    writers = 1

    def __init__(self, store: _Store, batch_size: int = EMBEDDED_BATCH_SIZE) -> None:
        self.store = store
        self.staging = staging_name(store.graph_name)
        self.batch_size = batch_size

    def begin(self, load_id: str, rows: int = 0) -> dict[str, Any]:
        self._drop_orphans()
        prepare_graph(self.store, self.staging, constrain=False)
        return {}

    def write_batch(self, batch: Batch) -> list[Any] | None:
        literal = cypher_literal(batch.rows)
        try:
            graph = self.store.db.select_graph(self.staging)
            if literal is None:
                result = graph.query(batch.query, {"rows": batch.rows})
            else:
                result = graph.query(f"CYPHER rows={literal} {batch.query}")
        except Exception as exc:
            raise StoreError(f"{batch.what}: {exc}") from None
        if batch.node_ids is None:
            return None
        return [row[0] for row in result.result_set]

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        self.store.write(f"CREATE (r:{LOAD_RUN_LABEL}) SET r += $meta", {"meta": load_meta(meta, load_id)},
                         graph=self.staging)
        for label in unique_labels():
            _constrain_unique(self.store, self.staging, label, "id")
        self._await_constraints()
        self._swap_in()
        self._compact()

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the server may be gone; the next load drops what is left
            _drop_graph(self.store, self.staging)

    def _drop_orphans(self) -> None:
        """Drop the staging graphs of processes that are gone (a killed load's); never a live one's."""
        for name in self.store.graph_names():
            owner = staging_owner(name, self.store.graph_name)
            if owner is not None and not _alive(owner):
                _drop_graph(self.store, name)

    def _await_constraints(self, timeout_s: float = 600.0) -> None:
        """Constraints made after the data are built in the background: wait until each holds."""
        graph = self.store.db.select_graph(self.staging)
        deadline = time.monotonic() + timeout_s
        while True:
            rows = graph.query("CALL db.constraints()").result_set
            states = {(str(r[1]), str(r[4])) for r in rows}
            failed = sorted(label for label, state in states if state == "FAILED")
            if failed:
                raise StoreError(f"duplicate ids: the uniqueness constraint failed on {', '.join(failed)}")
            if all(state == "OPERATIONAL" for _, state in states):
                return
            if time.monotonic() > deadline:
                raise StoreError("the uniqueness constraints were not built in time")
            time.sleep(0.02)

    def _swap_in(self) -> None:
        """Make the staging graph the live one in one atomic step (its ``LoadRun`` record with it)."""
        self.store.db.client.execute_command("RENAME", self.staging, self.store.graph_name)
        self.store.graph = self.store.db.select_graph(self.store.graph_name)

    def _compact(self, timeout_s: float = 60.0) -> None:
        """Rewrite the append-only file as a snapshot, so the next open loads it instead of replaying a load."""
        client = self.store.db.client
        client.bgrewriteaof()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.02)


def prepare_graph(store: _Store, name: str, *, constrain: bool = True) -> None:
    """An empty graph ``name`` in ``store`` with the loader's indexes (and its constraints, if ``constrain``)."""
    _drop_graph(store, name)
    for label in unique_labels():
        if constrain:
            _constrain_unique(store, name, label, "id")
        else:
            _index(store, name, label, "id")
    for label, prop in INDEXES:
        _index(store, name, label, prop)


def _drop_graph(store: _Store, name: str) -> None:
    if name in store.graph_names():
        store.db.select_graph(name).delete()


def _constrain_unique(store: _Store, graph: str, label: str, prop: str) -> None:
    with contextlib.suppress(Exception):  # the exact-match index comes first; re-running is fine
        store.db.select_graph(graph).query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
    try:
        store.db.client.execute_command("GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", label,
                                        "PROPERTIES", "1", prop)
    except Exception as exc:
        if "already exists" not in str(exc).lower():
            raise StoreError(f"constraint {label}.{prop}: {exc}") from None


def _index(store: _Store, graph: str, label: str, prop: str) -> None:
    with contextlib.suppress(Exception):
        store.db.select_graph(graph).query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
