"""Benchmarks of lawgraph at scale: the bench (:mod:`benchmarks.bench`), the naive baseline
(:mod:`benchmarks.naive`) and the report with targets and plots (:mod:`benchmarks.report`).

Run it as ``lawgraph bench``.
"""
