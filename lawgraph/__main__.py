"""`python -m lawgraph` is the `lawgraph` command."""

from lawgraph.cli import app

app()
