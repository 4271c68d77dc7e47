"""`lawgraph` commands for dashboard (registered on the main app when imported)."""

from __future__ import annotations
