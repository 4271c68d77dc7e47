"""Write a built graph into a store: batched ``UNWIND $rows …``, idempotent, all-or-nothing.

One code path for both stores. Each store brings its own :class:`~lawgraph.graph.loading.Loader`
(``store.loader()``, in :mod:`lawgraph.stores`) that begins a load, writes one batch, and makes the
load visible at the end in one step: the embedded store writes into a staging graph and swaps it in;
Neo4j writes the whole load in one transaction, tags every node and relationship with the run's
``load_id`` and, before the commit, deletes what the last load had and this run did not write. This
module makes the batches and drives the loader; it knows no store.

Two plans, chosen by the loader in :meth:`~lawgraph.graph.loading.Loader.begin`:

* **merge** (the general case: a Neo4j database that already holds a load) — ``MERGE`` by ``id``,
  relationships matched by their endpoints' ``id`` through the ``Entity.id`` index, rows as maps.
* **create** (the loader writes into an empty graph: the embedded store's fresh staging graph, an
  empty Neo4j database) — ``CREATE``, each node batch returns the internal ids of the nodes it made,
  and relationships find their endpoints by internal id (``id()`` / ``elementId()`` seeks, no index
  lookups); rows are flat lists in a fixed column order (smaller parameters, no per-row maps). The
  graph written is the same as the merge plan's: same labels, properties and relationships.

Both plans stream their batches (rows are made one batch at a time, and written on a background
thread while the next is made) and pause the cyclic garbage collector while they run, so a
million-relationship load neither holds every row in memory nor spends its time walking the built
graph.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lawgraph.graph.loading import Batch, Loader
from lawgraph.graph.model import BASE_LABEL, LABELS, RELATIONSHIPS, EdgeRecord, GraphData, Label, NodeRecord, RelType
from lawgraph.ingest.gc_pause import gc_paused

#: rows per write of the merge plan (and the default of a loader that states none)
BATCH_SIZE = 1_000


def node_query(label: Label) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{BASE_LABEL}:{label.value} {{id: row.id}}) "
            f"SET n = row.props")


def edge_query(rel: RelType) -> str:
    spec = RELATIONSHIPS[rel]
    key = " {" + ", ".join(f"{k}: row.key.{k}" for k in spec.keys) + "}" if spec.keys else ""
    return (f"UNWIND $rows AS row MATCH (a:{BASE_LABEL} {{id: row.source}}) "
            f"MATCH (b:{BASE_LABEL} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel.value}{key}]->(b) SET r = row.props")


def _columns(known: Sequence[str], records: Sequence[NodeRecord] | Sequence[EdgeRecord],
             first: Sequence[str] = (), extra: Sequence[str] = ()) -> list[str]:
    """Property columns of a group of records: ``first``, the spec's order, others sorted, ``extra``."""
    present: set[str] = set()
    for record in records:
        present.update(record.props)
    present.difference_update(first)
    present.difference_update(extra)
    ordered = [p for p in known if p in present]
    return [*first, *ordered, *sorted(present - set(ordered)), *extra]


def create_node_query(label: Label, columns: Sequence[str], id_function: str) -> str:
    """``CREATE`` one node per row (a list in ``columns`` order) and return its internal id.

    >>> create_node_query(Label.FACT, ["id", "group"], "id")
    'UNWIND $rows AS row CREATE (n:Entity:Fact) SET n.id = row[0], n.group = row[1] RETURN id(n) AS i'
    """
    sets = ", ".join(f"n.{c} = row[{i}]" for i, c in enumerate(columns))
    return f"UNWIND $rows AS row CREATE (n:{BASE_LABEL}:{label.value}) SET {sets} RETURN {id_function}(n) AS i"


def create_edge_query(rel: RelType, columns: Sequence[str], id_function: str) -> str:
    """``CREATE`` one relationship per row ``[source internal id, target internal id, *columns]``.

    >>> create_edge_query(RelType.HELD, ["party", "share"], "id")  # doctest: +NORMALIZE_WHITESPACE
    'UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1]
     CREATE (a)-[r:HELD]->(b) SET r.party = row[2], r.share = row[3]'
    """
    sets = ", ".join(f"r.{c} = row[{i + 2}]" for i, c in enumerate(columns))
    return (f"UNWIND $rows AS row MATCH (a) WHERE {id_function}(a) = row[0] "
            f"MATCH (b) WHERE {id_function}(b) = row[1] CREATE (a)-[r:{rel.value}]->(b)"
            + (f" SET {sets}" if sets else ""))


def _edges_by_type(graph: GraphData) -> list[tuple[RelType, list[EdgeRecord]]]:
    by_type: dict[RelType, list[EdgeRecord]] = {}
    for edge in graph.edges:
        by_type.setdefault(edge.type, []).append(edge)
    return sorted(by_type.items())


def count_batches(graph: GraphData, batch_size: int,
                  by_type: list[tuple[RelType, list[EdgeRecord]]] | None = None) -> int:
    """How many batches either plan makes of ``graph``."""
    groups = [len(nodes) for nodes in graph.nodes_by_label().values()]
    groups += [len(edges) for _, edges in (by_type if by_type is not None else _edges_by_type(graph))]
    return sum(-(-n // batch_size) for n in groups)


def plan_create_nodes(graph: GraphData, extra: dict[str, Any] | None = None, batch_size: int = BATCH_SIZE,
                      id_function: str = "id") -> Iterator[Batch]:
    """The create plan's node batches (label by label); each returns its nodes' internal ids."""
    extra = extra or {}
    for label, nodes in sorted(graph.nodes_by_label().items()):
        columns = _columns(LABELS[label].properties, nodes, first=("id",), extra=tuple(extra))
        query = create_node_query(label, columns, id_function)
        props_columns = columns[1:len(columns) - len(extra)]
        tail = list(extra.values())
        for start in range(0, len(nodes), batch_size):
            chunk = nodes[start:start + batch_size]
            rows = [[n.id, *(n.props.get(c) for c in props_columns), *tail] for n in chunk]
            yield Batch(query, rows, f"{label.value} nodes", node_ids=[n.id for n in chunk])


def plan_create_edges(graph: GraphData, internal_ids: dict[str, Any], extra: dict[str, Any] | None = None,
                      batch_size: int = BATCH_SIZE, id_function: str = "id",
                      by_type: list[tuple[RelType, list[EdgeRecord]]] | None = None) -> Iterator[Batch]:
    """The create plan's relationship batches (type by type), endpoints given by internal id."""
    extra = extra or {}
    for rel, edges in (by_type if by_type is not None else _edges_by_type(graph)):
        spec = RELATIONSHIPS[rel]
        columns = _columns(spec.properties, edges, first=spec.keys, extra=tuple(extra))
        query = create_edge_query(rel, columns, id_function)
        keys = set(spec.keys)
        props_columns = columns[:len(columns) - len(extra)]
        tail = list(extra.values())
        for start in range(0, len(edges), batch_size):
            chunk = edges[start:start + batch_size]
            rows = [[internal_ids[e.source], internal_ids[e.target],
                     # a MERGE key may not be null, so the merge plan writes "" for a missing key: so do we
                     *((e.props.get(c) or "") if c in keys else e.props.get(c) for c in props_columns), *tail]
                    for e in chunk]
            yield Batch(query, rows, f"{rel.value} relationships", len(rows))


def plan_batches(graph: GraphData, extra: dict[str, Any] | None = None, batch_size: int = BATCH_SIZE,
                 by_type: list[tuple[RelType, list[EdgeRecord]]] | None = None) -> Iterator[Batch]:
    """The merge plan: nodes first (label by label), then relationships (type by type), ``batch_size`` rows each."""
    extra = extra or {}
    for label, nodes in sorted(graph.nodes_by_label().items()):
        query = node_query(label)
        for start in range(0, len(nodes), batch_size):
            chunk = nodes[start:start + batch_size]
            rows = [{"id": n.id, "props": {**n.props, "id": n.id, **extra}} for n in chunk]
            yield Batch(query, rows, f"{label.value} nodes")
    for rel, edges in (by_type if by_type is not None else _edges_by_type(graph)):
        spec = RELATIONSHIPS[rel]
        query = edge_query(rel)
        for start in range(0, len(edges), batch_size):
            chunk = edges[start:start + batch_size]
            rows = []
            for e in chunk:
                row = {"source": e.source, "target": e.target, "props": {**e.props, **extra}}
                if spec.keys:  # a MERGE key may not be null
                    row["key"] = {k: e.props.get(k) or "" for k in spec.keys}
                    row["props"].update(row["key"])
                rows.append(row)
            yield Batch(query, rows, f"{rel.value} relationships", len(rows))


@dataclass
class LoadStats:
    load_id: str
    nodes: int
    relationships: int
    seconds: float

    @property
    def relationships_per_s(self) -> float:
        return self.relationships / self.seconds if self.seconds else 0.0


class _Pipeline:
    """Write batches on background threads while the caller makes the next ones.

    Making a batch is Python work; writing it is mostly waiting for the store (the socket releases the
    GIL), so the two overlap. ``writers`` threads write at once (both stores' loaders take one today:
    the embedded store runs one write at a time, Neo4j's load is one transaction). At most
    ``depth`` batches wait; ``drain`` returns the written batches in order with what the loader
    returned; an error of a writer thread is raised in the caller.
    """

    def __init__(self, write: Callable[[Batch], list[Any] | None], writers: int = 1) -> None:
        self.write = write
        self.depth = writers + 1
        self.pool = ThreadPoolExecutor(max_workers=writers, thread_name_prefix="lawgraph-load")
        self.pending: deque[tuple[Batch, Future[list[Any] | None]]] = deque()

    def submit(self, batch: Batch) -> list[tuple[Batch, list[Any] | None]]:
        self.pending.append((batch, self.pool.submit(self.write, batch)))
        return self.drain(self.depth)

    def drain(self, keep: int = 0) -> list[tuple[Batch, list[Any] | None]]:
        done = []
        while len(self.pending) > keep:
            batch, future = self.pending.popleft()
            done.append((batch, future.result()))
        return done

    def close(self) -> None:
        for _, future in self.pending:
            future.cancel()
        self.pool.shutdown(wait=True)


def load_graph(loader: Loader, graph: GraphData, meta: dict[str, Any] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               batch_size: int | None = None) -> LoadStats:
    """Load ``graph`` through ``loader``; ``progress(done, total, what)`` is called after each batch.

    ``batch_size`` overrides the loader's own (``loader.batch_size``, else :data:`BATCH_SIZE`).
    Batches are written in order, on background threads while the next is made. If anything fails
    (or the load is interrupted), the loader is told to abort: readers keep the graph they had.
    """
    started = time.perf_counter()
    load_id = uuid.uuid4().hex
    with gc_paused():
        try:
            _write_all(loader, graph, load_id, progress, batch_size)
            loader.finish(load_id, {**(meta or {}), "load_id": load_id, "nodes": len(graph.nodes),
                                    "relationships": len(graph.edges)})
        except BaseException:
            loader.abort()
            raise
    return LoadStats(load_id, len(graph.nodes), len(graph.edges), time.perf_counter() - started)


def _write_all(loader: Loader, graph: GraphData, load_id: str,
               progress: Callable[[int, int, str], None] | None, batch_size: int | None) -> None:
    """Begin the load and write every batch of the plan the loader asks for (not yet visible)."""
    extra = loader.begin(load_id, len(graph.nodes) + len(graph.edges))
    size = batch_size or loader.batch_size or BATCH_SIZE
    by_type = _edges_by_type(graph)
    total = count_batches(graph, size, by_type)
    done = 0
    lock = threading.Lock()

    def write(batch: Batch) -> list[Any] | None:
        nonlocal done
        returned = loader.write_batch(batch)
        with lock:
            done += 1
            if progress:
                progress(done, total, batch.what)
        return returned

    pipeline = _Pipeline(write, max(1, loader.writers))
    try:
        if loader.fresh:
            internal: dict[str, Any] = {}

            def keep_ids(written: list[tuple[Batch, list[Any] | None]]) -> None:
                for batch, returned in written:
                    if returned is None or len(returned) != len(batch.rows):
                        raise RuntimeError(f"{batch.what}: the store returned "
                                           f"{0 if returned is None else len(returned)} ids for "
                                           f"{len(batch.rows)} created nodes")
                    internal.update(zip(batch.node_ids or [], returned, strict=True))

            for batch in plan_create_nodes(graph, extra, size, loader.id_function):
                keep_ids(pipeline.submit(batch))
            keep_ids(pipeline.drain())  # relationships need every node's internal id
            for batch in plan_create_edges(graph, internal, extra, size, loader.id_function, by_type):
                pipeline.submit(batch)
        else:
            for batch in plan_batches(graph, extra, size, by_type):
                pipeline.submit(batch)
        pipeline.drain()
    finally:
        pipeline.close()
