"""The two stores as load targets (see :mod:`ingest.writer`)."""

from __future__ import annotations

import json
import time
from typing import Any

from lawgraph.ingest.writer import INDEXES, Batch, unique_labels
from lawgraph.stores.base import StoreError
from lawgraph.stores.embedded import STAGING_NAME, EmbeddedStore
from lawgraph.stores.neo4j_store import Neo4jStore

#: rows per write into the embedded store (its parameters travel as query text; measured at 100k cases)
EMBEDDED_BATCH_SIZE = 5_000
#: rows per transaction into Neo4j
NEO4J_BATCH_SIZE = 10_000
#: transactions written at once into Neo4j. Each batch's rows are distinct nodes or relationships, so
#: more are safe (a deadlock on a shared endpoint is retried by the driver). With the driver's Rust
#: extension packing the rows, two at once let the server use both cores: a 100k-case load (889k
#: relationships) went from 38.0 s to 30.3 s on two cores; 5,000-row batches made no difference.
NEO4J_WRITERS = 2


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


class EmbeddedTarget:
    """Stage the load in a graph of its own; swap it in with one RENAME at the end.

    The staging graph is new, so the load uses the writer's create plan: indexes first, nodes
    created and linked by internal id, the uniqueness constraints added (and checked) once the data
    is in, then the swap.
    """

    fresh = True
    id_function = "id"

    def __init__(self, store: EmbeddedStore, batch_size: int = EMBEDDED_BATCH_SIZE) -> None:
        self.store = store
        self.staging = STAGING_NAME
        self.batch_size = batch_size

    def begin(self, load_id: str) -> dict[str, Any]:
        self.store.drop_graph(self.staging)  # what a killed earlier run left
        for label in unique_labels():
            self.store.index(self.staging, label, "id")
        for label, prop in INDEXES:
            self.store.index(self.staging, label, prop)
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
        for label in unique_labels():
            self.store.constrain_unique(self.staging, label, "id")
        self._await_constraints()
        self.store.swap_in(self.staging)
        self.store.set_meta({**meta, "loaded_at": time.time()})
        self.store.compact()

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


class Neo4jTarget:
    """Tag rows with the run's load_id; at the end delete what this run did not write.

    Into an empty database the writer's create plan is used (``fresh``): nodes created and
    relationships linked by ``elementId``; nothing older exists, so there is nothing to clean up.
    """

    id_function = "elementId"

    def __init__(self, store: Neo4jStore, batch_size: int = NEO4J_BATCH_SIZE, writers: int = NEO4J_WRITERS) -> None:
        self.store = store
        self.fresh = False
        self.batch_size = batch_size
        self.writers = writers

    def begin(self, load_id: str) -> dict[str, Any]:
        self._schema([f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                      for label in unique_labels()]
                     + [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                        for label, prop in INDEXES])
        self.store.write("CALL db.awaitIndexes(300)")
        self.fresh = self.store.write_count("MATCH (n:Entity) RETURN count(n) AS n") == 0
        self.store.write("MERGE (r:LoadRun {id: $id}) SET r.status = 'started', r.started = timestamp()",
                         {"id": load_id})
        return {"load_id": load_id}

    def _schema(self, statements: list[str]) -> None:
        """Constraints and indexes in one transaction (one commit instead of one each: ~5 s → ~1 s)."""
        from neo4j.exceptions import Neo4jError

        try:
            with self.store.driver.session(database=self.store.database) as session, \
                    session.begin_transaction() as tx:
                for statement in statements:
                    tx.run(statement).consume()
                tx.commit()
        except Neo4jError as exc:
            raise StoreError(f"{exc.code}: {exc.message}") from None

    def write_batch(self, batch: Batch) -> list[Any] | None:
        if batch.node_ids is None:
            self.store.write(batch.query, {"rows": batch.rows})
            return None
        from neo4j.exceptions import DriverError, Neo4jError

        def work(tx: Any) -> list[Any]:
            return [record[0] for record in tx.run(batch.query, {"rows": batch.rows})]

        try:
            with self.store.driver.session(database=self.store.database) as session:
                return session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"{exc.code}: {exc.message}") from None
        except DriverError as exc:  # the server went away mid-load: a message, not a traceback
            raise StoreError(f"Neo4j at {self.store.uri}: {type(exc).__name__}: {exc}") from None

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        if not self.fresh:
            # relationships first, then nodes, in bounded transactions
            while self.store.write_count(
                "MATCH ()-[r]->() WHERE r.load_id <> $id OR r.load_id IS NULL "
                "WITH r LIMIT 10000 DELETE r RETURN count(*) AS n", {"id": load_id}):
                pass
            while self.store.write_count(
                "MATCH (n:Entity) WHERE n.load_id <> $id OR n.load_id IS NULL "
                "WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n", {"id": load_id}):
                pass
        self.store.write("MATCH (r:LoadRun) WHERE r.id <> $id DELETE r", {"id": load_id})
        self.store.write("MATCH (r:LoadRun {id: $id}) SET r += $meta, r.status = 'complete', "
                         "r.finished = timestamp()", {"id": load_id, "meta": _flat(meta)})


def _flat(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool))}
