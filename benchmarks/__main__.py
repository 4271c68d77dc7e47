"""``python -m lawgraph.benchmarks [options]``: the same as ``lawgraph bench [options]``."""

from lawgraph.benchmarks.bench import main

main()
