"""Which store the dashboard reads, said without credentials (no Streamlit here: the CLI uses it too)."""

from __future__ import annotations

from urllib.parse import urlsplit

from lawgraph.connect import embedded_home
from lawgraph.settings import Settings


def backend_summary(config: Settings) -> tuple[str, str]:
    """``("embedded", <store dir>)`` or ``("neo4j", <scheme://host:port (database …)>)``.

    >>> backend_summary(Settings.from_env({"NEO4J_URI": "neo4j://alice:secret@db.example:7687"}))
    ('neo4j', 'neo4j://db.example:7687 (database neo4j)')
    >>> backend_summary(Settings.from_env({"LAWGRAPH_HOME": "/tmp/x"}))
    ('embedded', '/tmp/x/embedded')
    """
    if config.default_backend == "neo4j":
        parts = urlsplit(config.neo4j_uri or "")
        where = f"{parts.scheme}://{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
        return "neo4j", f"{where} (database {config.neo4j_database})"
    return "embedded", str(embedded_home(config))

