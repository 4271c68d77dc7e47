"""``python -m benchmarks [options]``: the same as ``lawgraph bench [options]``."""

from benchmarks.bench import main

main()
