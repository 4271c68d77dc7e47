"""The two stores as load targets (see :mod:`ingest.writer`)."""

from __future__ import annotations

import time
from typing import Any

from ingest.writer import INDEXES, Batch, unique_labels
from stores.embedded import STAGING_NAME, EmbeddedStore
from stores.neo4j_store import Neo4jStore


class EmbeddedTarget:
    """Stage the load in a graph of its own; swap it in with one RENAME at the end."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.staging = STAGING_NAME

    def begin(self, load_id: str) -> dict[str, Any]:
        self.store.drop_graph(self.staging)  # what a killed earlier run left
        for label in unique_labels():
            self.store.constrain_unique(self.staging, label, "id")
        for label, prop in INDEXES:
            self.store.index(self.staging, label, prop)
        return {}

    def write_batch(self, batch: Batch) -> None:
        self.store.write(batch.query, {"rows": batch.rows}, graph=self.staging)

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        self.store.swap_in(self.staging)
        self.store.set_meta({**meta, "loaded_at": time.time()})
        self.store.compact()


class Neo4jTarget:
    """Tag rows with the run's load_id; at the end delete what this run did not write."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def begin(self, load_id: str) -> dict[str, Any]:
        for label in unique_labels():
            self.store.write(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                             f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for label, prop in INDEXES:
            self.store.write(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        self.store.write("MERGE (r:LoadRun {id: $id}) SET r.status = 'started', r.started = timestamp()",
                         {"id": load_id})
        return {"load_id": load_id}

    def write_batch(self, batch: Batch) -> None:
        self.store.write(batch.query, {"rows": batch.rows})

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
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
