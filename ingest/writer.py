"""Write a built graph into a store: batched ``UNWIND $rows … MERGE``, idempotent, all-or-nothing.

One code path for both stores. A :class:`LoadTarget` says how a store begins a load, writes one
batch, and makes the load visible at the end: the embedded store writes into a staging graph and
swaps it in atomically; Neo4j tags every node and relationship with the run's ``load_id`` and, when
the run completes, deletes whatever an earlier (or killed) run left that this run did not write.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from graph.model import BASE_LABEL, LABELS, RELATIONSHIPS, GraphData, Label, RelType

BATCH_SIZE = 1_000
#: bump when the way files become nodes changes, so embedded stores rebuild
BUILD_FORMAT = "1"


_CODE_DIRS = ("ingest", "graph")


def data_fingerprint(data_dir: Path) -> str:
    """A hash of every file under ``data_dir`` (names and bytes) and of the code that builds it."""
    digest = hashlib.sha256(BUILD_FORMAT.encode())
    root = Path(__file__).resolve().parents[1]
    for code_dir in _CODE_DIRS:
        for path in sorted((root / code_dir).glob("*.py")):
            digest.update(path.read_bytes())
    for path in sorted(p for p in Path(data_dir).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Batch:
    """One write: the query, its rows, and what it is (for progress and errors)."""

    query: str
    rows: list[dict[str, Any]]
    what: str
    relationships: int = 0


def node_query(label: Label) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{BASE_LABEL}:{label.value} {{id: row.id}}) "
            f"SET n = row.props")


def edge_query(rel: RelType) -> str:
    spec = RELATIONSHIPS[rel]
    key = " {" + ", ".join(f"{k}: row.key.{k}" for k in spec.keys) + "}" if spec.keys else ""
    return (f"UNWIND $rows AS row MATCH (a:{BASE_LABEL} {{id: row.source}}) "
            f"MATCH (b:{BASE_LABEL} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel.value}{key}]->(b) SET r = row.props")


def plan_batches(graph: GraphData, extra: dict[str, Any] | None = None,
                 batch_size: int = BATCH_SIZE) -> Iterator[Batch]:
    """Nodes first (label by label), then relationships (type by type), ``batch_size`` rows each."""
    extra = extra or {}
    for label, nodes in sorted(graph.nodes_by_label().items()):
        query = node_query(label)
        for start in range(0, len(nodes), batch_size):
            chunk = nodes[start:start + batch_size]
            rows = [{"id": n.id, "props": {**n.props, "id": n.id, **extra}} for n in chunk]
            yield Batch(query, rows, f"{label.value} nodes")
    by_type: dict[RelType, list[Any]] = {}
    for edge in graph.edges:
        by_type.setdefault(edge.type, []).append(edge)
    for rel, edges in sorted(by_type.items()):
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


class LoadTarget(Protocol):
    """How one store takes a load."""

    def begin(self, load_id: str) -> dict[str, Any]:
        """Prepare (constraints, staging); return extra properties for every row."""
        ...

    def write_batch(self, batch: Batch) -> None: ...

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        """Make the load visible and record it."""
        ...


@dataclass
class LoadStats:
    load_id: str
    nodes: int
    relationships: int
    seconds: float

    @property
    def relationships_per_s(self) -> float:
        return self.relationships / self.seconds if self.seconds else 0.0


def load_graph(target: LoadTarget, graph: GraphData, meta: dict[str, Any] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               batch_size: int = BATCH_SIZE) -> LoadStats:
    """Load ``graph`` through ``target``; ``progress(done, total, what)`` is called after each batch."""
    started = time.perf_counter()
    load_id = uuid.uuid4().hex
    extra = target.begin(load_id)
    batches = list(plan_batches(graph, extra, batch_size))
    for done, batch in enumerate(batches, 1):
        target.write_batch(batch)
        if progress:
            progress(done, len(batches), batch.what)
    target.finish(load_id, {**(meta or {}), "load_id": load_id, "nodes": len(graph.nodes),
                            "relationships": len(graph.edges)})
    return LoadStats(load_id, len(graph.nodes), len(graph.edges), time.perf_counter() - started)


def unique_labels() -> list[str]:
    """Labels that get a uniqueness constraint on ``id`` (every label, and the base label)."""
    return [BASE_LABEL, *(label.value for label in LABELS)]


#: extra indexes that hot queries use
INDEXES: list[tuple[str, str]] = [
    (Label.ARTICLE.value, "law"),
    (Label.ARTICLE.value, "number"),
    (Label.CASE.value, "case_number"),
    (Label.CASE.value, "year"),
    (Label.RULE.value, "framework"),
]
