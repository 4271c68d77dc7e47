"""`python -m lawgraph` is the `lawgraph` command."""

from lawgraph.entry import main

main()
