"""`lawgraph` commands for scale (registered on the main app when imported)."""

from __future__ import annotations
