"""Loading Neo4j: the whole load in one write transaction, touching only what lawgraph wrote.

Readers never see a half-loaded graph: every batch of a load, the deletion of what the last load had
and this one does not, and the load's ``LoadRun`` record go into **one** transaction, committed at the
end (Neo4j Community holds one user database, so there is no second database to swap in; pinning
every query to a load id would put a filter in every query). Until the commit readers see the last
complete load; a load that fails or is killed is rolled back and leaves that graph as it was.
Neo4j reads are read-committed: a read that runs *across* the commit instant can see both sides of
it (docs/reliability.md gives the measured window).

Only lawgraph's own data is touched: nodes with the base label and one of the schema's labels,
relationships of the schema's types between such nodes, and the ``LoadRun`` record; anything else in
the database (other labels, other relationship types, a relationship of a user's own between
lawgraph nodes) stays as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lawgraph.graph.loading import INDEXES, LOAD_RUN_LABEL, Batch, unique_labels
from lawgraph.graph.model import BASE_LABEL, LABELS, RELATIONSHIPS
from lawgraph.stores.base import StoreError, load_meta

if TYPE_CHECKING:
    from lawgraph.stores.neo4j_store import Neo4jStore

#: rows per write into Neo4j (each a statement of the load's one transaction)
NEO4J_BATCH_SIZE = 10_000

#: lawgraph's own nodes: the base label and one of the schema's labels
OWN_NODE = f"n:{BASE_LABEL} AND any(l IN labels(n) WHERE l IN $labels)"
#: what the last load had and this one did not write (nodes; relationships by type, between own nodes)
STALE_RELATIONSHIPS = (f"MATCH (a:{BASE_LABEL})-[r]->(b:{BASE_LABEL}) WHERE type(r) IN $types "
                       "AND (r.load_id IS NULL OR r.load_id <> $id) DELETE r")
STALE_NODES = f"MATCH (n:{BASE_LABEL}) WHERE {OWN_NODE} AND (n.load_id IS NULL OR n.load_id <> $id) DETACH DELETE n"


class Neo4jLoader:
    """One load into a :class:`~lawgraph.stores.neo4j_store.Neo4jStore`, in one transaction (see the module).

    Into a database without lawgraph's nodes the writer's create plan is used (``fresh``): nodes
    created and relationships linked by ``elementId``; else the merge plan, by ``id``, then the
    stale rows are deleted — all before the one commit.
    """

    id_function = "elementId"
    writers = 1  # one transaction: its statements run one after another

    def __init__(self, store: Neo4jStore, batch_size: int = NEO4J_BATCH_SIZE) -> None:
        self.store = store
        self.fresh = False
        self.batch_size = batch_size
        self._session: Any = None
        self._tx: Any = None

    def begin(self, load_id: str) -> dict[str, Any]:
        self._schema([f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                      for label in unique_labels()]
                     + [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                        for label, prop in INDEXES])
        self.store.write("CALL db.awaitIndexes(300)")
        with self._errors():
            self._session = self.store.driver.session(database=self.store.database)
            self._tx = self._session.begin_transaction()
            self.fresh = self._tx.run(f"MATCH (n:{BASE_LABEL}) WHERE {OWN_NODE} RETURN count(n) AS n",
                                      {"labels": _labels()}).single()["n"] == 0
        return {"load_id": load_id}

    def _schema(self, statements: list[str]) -> None:
        """Constraints and indexes in one transaction of their own (Neo4j keeps schema and data apart)."""
        with self._errors(), self.store.driver.session(database=self.store.database) as session, \
                session.begin_transaction() as tx:
            for statement in statements:
                tx.run(statement).consume()
            tx.commit()

    def write_batch(self, batch: Batch) -> list[Any] | None:
        with self._errors():
            result = self._tx.run(batch.query, {"rows": batch.rows})
            if batch.node_ids is None:
                result.consume()
                return None
            return [record[0] for record in result]

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        with self._errors():
            if not self.fresh:
                self._tx.run(STALE_RELATIONSHIPS, {"id": load_id, "types": [t.value for t in RELATIONSHIPS]}).consume()
                self._tx.run(STALE_NODES, {"id": load_id, "labels": _labels()}).consume()
            self._tx.run(f"MATCH (r:{LOAD_RUN_LABEL}) DELETE r").consume()
            self._tx.run(f"CREATE (r:{LOAD_RUN_LABEL}) SET r = $meta", {"meta": load_meta(meta, load_id)}).consume()
            self._tx.commit()
        self._close()

    def abort(self) -> None:
        try:
            if self._tx is not None and not self._tx.closed():
                with contextlib.suppress(Exception):  # the server may be gone: it rolls back by itself
                    self._tx.rollback()
        finally:
            self._close()

    def _close(self) -> None:
        session, self._session, self._tx = self._session, None, None
        if session is not None:
            with contextlib.suppress(Exception):  # closing a session whose server went away
                session.close()

    def _errors(self) -> contextlib.AbstractContextManager[None]:
        return _translated(self.store.uri)


def _labels() -> list[str]:
    return [label.value for label in LABELS]


@contextlib.contextmanager
def _translated(uri: str) -> Iterator[None]:
    """Driver errors as :class:`StoreError` (a message, not a traceback)."""
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        yield
    except Neo4jError as exc:
        raise StoreError(f"{exc.code}: {exc.message}") from None
    except DriverError as exc:  # the server went away mid-load
        raise StoreError(f"Neo4j at {uri}: {type(exc).__name__}: {exc}") from None
