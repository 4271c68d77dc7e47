"""`lawgraph` commands for outcomes (registered on the main app when imported)."""

from __future__ import annotations
