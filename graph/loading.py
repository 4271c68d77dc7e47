"""What a load hands a store: batches of rows, and the loader protocol every store's loader follows.

The writer (:mod:`lawgraph.ingest.writer`) makes the batches from a built graph and drives a
:class:`Loader`; each store brings its own (``store.loader()``, in :mod:`lawgraph.stores`). Both
sides import this module, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from lawgraph.graph.schema_data import INDEXES as SCHEMA_INDEXES
from lawgraph.graph.schema_data import UNIQUE_LABELS

#: The one node that records the last complete load (its id, the data's fingerprint, counts); not an
#: ``Entity``. Both stores keep it in the graph, written in the same atomic step as the load.
LOAD_RUN_LABEL = "LoadRun"


@dataclass(frozen=True)
class Batch:
    """One write: the query, its rows, and what it is (for progress and errors).

    ``node_ids`` (create plan only): the ids of the nodes the batch creates, in row order; the
    query then returns one column, the internal id of each, and the loader returns those values.
    """

    query: str
    rows: list[Any]
    what: str
    relationships: int = 0
    node_ids: list[str] | None = field(default=None, repr=False)


class Loader(Protocol):
    """How one store takes a load: begin, write batches, then finish (visible at once) or abort.

    Attributes, read after :meth:`begin`: ``fresh`` (the load goes into an empty graph, so the
    create plan may be used), ``id_function`` (``"id"`` or ``"elementId"``: how the store names a
    node's internal id in Cypher), ``batch_size`` (rows per write this store does best with),
    ``writers`` (how many batches it may be given at once, from as many threads).
    """

    fresh: bool
    id_function: str
    batch_size: int
    writers: int

    def begin(self, load_id: str, rows: int) -> dict[str, Any]:
        """Prepare (schema, staging) for ``rows`` nodes and relationships; return extra properties for every row."""
        ...

    def write_batch(self, batch: Batch) -> list[Any] | None:
        """Write one batch; for a batch with ``node_ids``, return the query's column."""
        ...

    def finish(self, load_id: str, meta: dict[str, Any]) -> None:
        """Record the load (``meta``) and make it visible to readers in one step."""
        ...

    def abort(self) -> None:
        """Give the load up: readers keep the graph they had; nothing of this load remains visible."""
        ...


def unique_labels() -> list[str]:
    """Labels that get a uniqueness constraint on ``id`` (every label, and the base label)."""
    return list(UNIQUE_LABELS)


#: extra indexes that hot queries use (the schema's ``indexed`` annotations)
INDEXES: list[tuple[str, str]] = [(label.value, prop) for label, prop in SCHEMA_INDEXES]
