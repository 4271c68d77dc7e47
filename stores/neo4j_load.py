"""Loading Neo4j: a load in one write transaction (up to a size), touching only what lawgraph wrote.

Readers never see a half-loaded graph: every batch of a load, the deletion of what the last load had
and this one does not, and the load's ``LoadRun`` record go into **one** transaction, committed at the
end (Neo4j Community holds one user database, so there is no second database to swap in; pinning
every query to a load id would put a filter in every query). Until the commit readers see the last
complete load; a load that fails or is killed is rolled back and leaves that graph as it was. Neo4j
reads are read-committed, so a reader of several queries checks the load id before and after
(:func:`lawgraph.stores.base.consistent_read`).

One transaction holds the whole load in the server's heap — measured at about 3.5 KB per node or
relationship (docs/reliability.md) — so a load of more than :data:`ATOMIC_MAX_ROWS` rows is written
as before, in transactions of one batch each, two at a time, and its clean-up after it: readers may
then see a mix of the two graphs until it completes (the ``LoadRun`` record changes last).

Only lawgraph's own data is touched: nodes with the base label and one of the schema's labels,
relationships of the schema's types between such nodes, and the ``LoadRun`` record; anything else in
the database (other labels, other relationship types, a relationship of a user's own between
lawgraph nodes) stays as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, Protocol

from lawgraph.graph.loading import INDEXES, LOAD_RUN_LABEL, Batch, unique_labels
from lawgraph.graph.model import BASE_LABEL, LABELS, RELATIONSHIPS
from lawgraph.stores.base import StoreError, load_meta


class _Store(Protocol):
    """What the loader uses of :class:`lawgraph.stores.neo4j_store.Neo4jStore` (which imports this module)."""

    driver: Any
    database: str
    uri: str

    def write(self, query: str, params: dict[str, Any] | None = None) -> None: ...

    def write_count(self, query: str, params: dict[str, Any] | None = None) -> int: ...

#: rows per write into Neo4j
NEO4J_BATCH_SIZE = 10_000
#: the largest load (nodes + relationships) written in one transaction: ~0.5 GB of transaction heap.
#: The bundled data is 12.6k rows, a 10k-case synthetic corpus 118k; a 100k-case one (~1M) is batched.
ATOMIC_MAX_ROWS = 150_000
#: transactions written at once by a batched load. Each batch's rows are distinct nodes or relationships,
#: so more are safe (a deadlock on a shared endpoint is retried by the driver). With the driver's Rust
#: extension packing the rows, two at once let the server use both cores: a 100k-case load (889k
#: relationships) went from 38.0 s to 30.3 s on two cores; 5,000-row batches made no difference.
NEO4J_WRITERS = 2
#: rows deleted per transaction by a batched load's clean-up
CLEANUP_BATCH = 10_000

#: lawgraph's own nodes: the base label and one of the schema's labels
OWN_NODE = f"n:{BASE_LABEL} AND any(l IN labels(n) WHERE l IN $labels)"
#: what the last load had and this one did not write (relationships by type, between lawgraph's nodes)
STALE_RELATIONSHIPS = (f"MATCH (a:{BASE_LABEL})-[r]->(b:{BASE_LABEL}) WHERE type(r) IN $types "
                       "AND (r.load_id IS NULL OR r.load_id <> $id)")
STALE_NODES = f"MATCH (n:{BASE_LABEL}) WHERE {OWN_NODE} AND (n.load_id IS NULL OR n.load_id <> $id)"


class Neo4jLoader:
    """One load into a :class:`~lawgraph.stores.neo4j_store.Neo4jStore` (see the module).

    Into a database without lawgraph's nodes the writer's create plan is used (``fresh``): nodes
    created and relationships linked by ``elementId``; else the merge plan, by ``id``, then the
    stale rows are deleted. ``atomic`` (set by :meth:`begin`): the load is one transaction.
    """

    id_function = "elementId"

    def __init__(self, store: _Store, batch_size: int = NEO4J_BATCH_SIZE,
                 atomic_max_rows: int = ATOMIC_MAX_ROWS) -> None:
        self.store = store
        self.fresh = False
        self.atomic = True
        self.writers = 1
        self.batch_size = batch_size
        self.atomic_max_rows = atomic_max_rows
        self._session: Any = None
        self._tx: Any = None

    def begin(self, load_id: str, rows: int) -> dict[str, Any]:
        self._schema([f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                      for label in unique_labels()]
                     + [f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                        for label, prop in INDEXES])
        self.store.write("CALL db.awaitIndexes(300)")
        self.atomic = rows <= self.atomic_max_rows
        self.writers = 1 if self.atomic else NEO4J_WRITERS  # one transaction: its statements run in turn
        count = f"MATCH (n:{BASE_LABEL}) WHERE {OWN_NODE} RETURN count(n) AS n"
        if self.atomic:
            with self._errors():
                self._session = self.store.driver.session(database=self.store.database)
                self._tx = self._session.begin_transaction()
                self.fresh = self._tx.run(count, {"labels": _labels()}).single()["n"] == 0
        else:
            self.fresh = self.store.write_count(count, {"labels": _labels()}) == 0
        return {"load_id": load_id}

    def _schema(self, statements: list[str]) -> None:
        """Constraints and indexes in one transaction of their own (Neo4j keeps schema and data apart)."""
        with self._errors(), self.store.driver.session(database=self.store.database) as session, \
                session.begin_transaction() as tx:
            for statement in statements:
                tx.run(statement).consume()
            tx.commit()

    def write_batch(self, batch: Batch) -> list[Any] | None:
        params = {"rows": batch.rows}
        with self._errors():
            if self.atomic:
                result = self._tx.run(batch.query, params)
                if batch.node_ids is None:
                    result.consume()
                    return None
                return [record[0] for record in result]
            if batch.node_ids is None:
                self.store.write(batch.query, params)
                return None
            with self.store.driver.session(database=self.store.database) as session:
                return session.execute_write(lambda tx: [record[0] for record in tx.run(batch.query, params)])

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        stale = {"id": load_id, "types": [t.value for t in RELATIONSHIPS], "labels": _labels()}
        record = [(f"MATCH (r:{LOAD_RUN_LABEL}) DELETE r", {}),
                  (f"CREATE (r:{LOAD_RUN_LABEL}) SET r = $meta", {"meta": load_meta(meta, load_id)})]
        if self.atomic:
            with self._errors():
                if not self.fresh:
                    self._tx.run(f"{STALE_RELATIONSHIPS} DELETE r", stale).consume()
                    self._tx.run(f"{STALE_NODES} DETACH DELETE n", stale).consume()
                for statement, params in record:
                    self._tx.run(statement, params).consume()
                self._tx.commit()
            self._close()
            return
        if not self.fresh:  # relationships first, then nodes, in bounded transactions
            while self.store.write_count(f"{STALE_RELATIONSHIPS} WITH r LIMIT {CLEANUP_BATCH} DELETE r "
                                         "RETURN count(*) AS n", stale):
                pass
            while self.store.write_count(f"{STALE_NODES} WITH n LIMIT {CLEANUP_BATCH} DETACH DELETE n "
                                         "RETURN count(*) AS n", stale):
                pass
        with self._errors(), self.store.driver.session(database=self.store.database) as session:
            session.execute_write(lambda tx: [tx.run(statement, params).consume() for statement, params in record])

    def abort(self) -> None:
        """Roll the load's transaction back (atomic); a batched load's committed batches stay until the next."""
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
