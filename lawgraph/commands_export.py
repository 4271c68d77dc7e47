"""`lawgraph` commands for export (registered on the main app when imported)."""

from __future__ import annotations
