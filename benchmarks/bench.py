"""``lawgraph bench``: load and query figures per backend, side by side, in one run.

For each size N (synthetic cases, from :mod:`ingest.synth`) and each backend, the run is split into
separate worker processes, so that each figure is measured in a clean process (peak RSS above all):

1. **bundled** — build the real ``data/`` and load it into an empty store (the small-data targets).
2. **naive** — the baseline of :mod:`benchmarks.naive` (one ``MERGE`` and one transaction per row)
   on the 10k-case sample (the first ``min(N, 10000)`` synthetic cases: the same seed draws the same
   cases first) into an empty store.
3. **main** — build the N-case corpus, load it with the project's loader (:func:`ingest.writer.load_graph`)
   into an empty store, then time the hot queries: ``outcomes`` for three facts (the whole
   :func:`queries.outcomes.outcomes`, as the dashboard and ``lawgraph outcomes`` run it), the
   neighbourhood of article ECL:38, and ``similar_cases`` — each ``runs`` times after warm-up runs.
4. **admin-import** (Neo4j started by the bench, N ≥ 50k by default) — the bulk path beyond a million
   relationships: CSV export (:mod:`graph.csv_import`) and ``neo4j-admin database import full``
   (:func:`stores.neo4j_local.import_csv`) with the server stopped, then counts checked.

The embedded store lives in a temporary folder per worker. Neo4j is the server at ``NEO4J_URI`` only when
``LAWGRAPH_ALLOW_WIPE=1`` is set too (its database is wiped and replaced), else a local Neo4j 5
started by the bench (:mod:`stores.neo4j_local`) in the work folder and stopped at the end.

Peak RSS is the kernel's high-water mark (``VmHWM``) of the worker that builds and loads, plus, for
the embedded store, that of its redis-server child (the sum of the two peaks: an upper bound).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgraph.graph.model import Label

from lawgraph.errors import EnvironmentProblem

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"

#: the figures ``--json`` names per backend (the issue's contract)
FIELDS = ("cases", "nodes", "relationships", "load_s", "relationships_per_s", "peak_rss_mb", "outcomes_p50_ms",
          "outcomes_p95_ms", "neighbourhood_p95_ms", "similar_cases_p95_ms", "naive_relationships_per_s",
          "speedup_vs_naive")
#: three-fact sets for ``outcomes`` and ``similar_cases``, taken from real cases' fact patterns; runs rotate them
FACT_SETS: tuple[tuple[str, str, str], ...] = (
    ("food-product", "life-health-goods", "qualification-review-failed"),
    ("offline-harm", "safety-obligation-breached", "third-party-act-caused-harm"),
    ("platform-knew-or-should-have-known", "no-necessary-measures", "live-streaming"),
)
NEIGHBOURHOOD_ARTICLE = "ECL:38"
#: the paragraph most synthetic cases apply: its neighbourhood grows with the docket (reported, not a target)
HUB_PARAGRAPH = "ECL:38(2)"
QUERY_TIMEOUT_MS = 60_000
NAIVE_SAMPLE = 10_000
ADMIN_IMPORT_FROM = 50_000
WARMUP = 5


class BenchError(EnvironmentProblem, RuntimeError):
    """A bench stage failed; the message names the stage and carries the worker's error."""


def log(message: str) -> None:
    """Progress on stderr (stdout is kept for ``--json``)."""
    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# ----------------------------------------------------------------------------------- measuring


def peak_rss_mb(pid: int | None = None) -> float:
    """The peak resident set size (``VmHWM``) of a process, in MiB (this process when ``pid`` is None)."""
    path = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in path.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if pid is None:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def percentile(values: Sequence[float], q: int) -> float:
    """The ``q``-th percentile (inclusive method; ``q`` in 1..99).

    >>> percentile([float(v) for v in range(1, 101)], 95)
    95.05
    """
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def machine_info() -> dict[str, Any]:
    """The machine the figures were measured on."""
    import psutil

    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def summarize(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50, p95, mean and max of latencies in ms (rounded to 0.01 ms)."""
    return {"p50": round(percentile(samples_ms, 50), 2), "p95": round(percentile(samples_ms, 95), 2),
            "mean": round(statistics.fmean(samples_ms), 2), "max": round(max(samples_ms), 2)}


# -------------------------------------------------------------------------------------- stores


@dataclass
class Neo4jConn:
    """Where a worker finds Neo4j."""

    uri: str
    user: str = "neo4j"
    password: str | None = None
    database: str = "neo4j"

    def open(self) -> Any:
        from lawgraph.stores.neo4j_store import Neo4jStore

        return Neo4jStore(self.uri, self.user, self.password, self.database)


def wipe_neo4j(conn: Neo4jConn) -> None:
    """Delete every node and relationship (schema kept), in bounded transactions."""
    store = conn.open()
    try:
        while store.write_count("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS n"):
            pass
        while store.write_count("MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS n"):
            pass
    finally:
        store.close()


@contextlib.contextmanager
def embedded_store(workdir: Path) -> Iterator[Any]:
    """A fresh embedded store in a temporary folder under ``workdir`` (removed afterwards)."""
    from lawgraph.connect import open_store
    from lawgraph.settings import Settings

    home = Path(tempfile.mkdtemp(prefix="embedded-", dir=workdir))
    store = open_store(Settings(home=home), "embedded", build=False)
    try:
        yield store
    finally:
        store.close()
        shutil.rmtree(home, ignore_errors=True)


def redis_pid(store: Any) -> int | None:
    """The pid of an embedded store's redis-server child."""
    return store.server_pid()  # type: ignore[no-any-return]


# -------------------------------------------------------------------------------------- workers


#: the name under which the one read transaction of ``outcomes`` is timed
ONE_READ = "fact_names + rules_for_facts + similar_cases (one read transaction)"


class TimedLibrary:
    """A :class:`queries.library.QueryLibrary` that records how long each named query takes."""

    def __init__(self, store: Any) -> None:
        from lawgraph.queries.library import QueryLibrary

        self.inner = QueryLibrary(store, QUERY_TIMEOUT_MS)  # the row cap of the CLI and the dashboard
        self.store = store
        self.times: dict[str, list[float]] = {}

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.result(name, **params).rows

    def result(self, name: str, **params: Any) -> Any:
        started = time.perf_counter()
        result = self.inner.result(name, **params)
        self.times.setdefault(name, []).append((time.perf_counter() - started) * 1000)
        return result

    def run_together(self, calls: dict[str, dict[str, Any]]) -> Any:
        """Several named queries in one read transaction, timed as one (``outcomes`` reads so)."""
        started = time.perf_counter()
        found = self.inner.run_together(calls)
        self.times.setdefault(ONE_READ, []).append((time.perf_counter() - started) * 1000)
        return found


def time_queries(store: Any, runs: int, warmup: int = WARMUP) -> dict[str, Any]:
    """p50/p95 of the hot queries over ``runs`` runs each (after ``warmup`` runs), and what outcomes spends."""
    from lawgraph.queries.outcomes import outcomes

    lib = TimedLibrary(store)
    figures: dict[str, Any] = {}

    def measure(name: str, call: Callable[[int], Any]) -> list[float]:
        samples = []
        for i in range(warmup + runs):
            started = time.perf_counter()
            call(i)
            if i >= warmup:
                samples.append((time.perf_counter() - started) * 1000)
        figures[name] = summarize(samples)
        return samples

    measure("outcomes", lambda i: outcomes(lib, list(FACT_SETS[i % len(FACT_SETS)])))  # type: ignore[arg-type]
    figures["outcomes_queries_p50_ms"] = {name: round(statistics.median(v[warmup:] or v), 2)
                                          for name, v in sorted(lib.times.items())}
    similar = lib.inner.run("similar_cases", facts=list(FACT_SETS[0]), limit=10)
    figures["outcomes_rows"] = {
        "similar_cases": len(similar),
        "appeal_links": len({(link["later"], link["earlier"]) for row in similar for link in row["appeal_links"]}),
        "fact_patterns": lib.inner.store.read(f"MATCH (p:{Label.FACT_PATTERN}) RETURN count(p) AS n").rows[0]["n"],
    }
    measure("neighbourhood", lambda i: lib.inner.run("article_neighbourhood", id=NEIGHBOURHOOD_ARTICLE))
    measure("neighbourhood_hub", lambda i: lib.inner.run("article_neighbourhood", id=HUB_PARAGRAPH))
    measure("similar_cases", lambda i: lib.inner.run("similar_cases", facts=list(FACT_SETS[i % len(FACT_SETS)]),
                                                     limit=10))
    figures["neighbourhood_rows"] = len(lib.inner.run("article_neighbourhood", id=NEIGHBOURHOOD_ARTICLE))
    figures["neighbourhood_hub_rows"] = len(lib.inner.run("article_neighbourhood", id=HUB_PARAGRAPH))
    return figures


@contextlib.contextmanager
def _worker_store(backend: str, workdir: Path, conn: Neo4jConn | None) -> Iterator[Any]:
    if backend == "embedded":
        with embedded_store(workdir) as store:
            yield store
    else:
        assert conn is not None
        store = conn.open()
        try:
            yield store
        finally:
            store.close()


def worker_bundled(backend: str, workdir: Path, conn: Neo4jConn | None, data: Path = DATA) -> dict[str, Any]:
    """Build the bundled data and load it into an empty store."""
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.writer import load_graph

    started = time.perf_counter()
    graph = build_graph(data).graph
    build_s = time.perf_counter() - started
    with _worker_store(backend, workdir, conn) as store:
        stats = load_graph(store.loader(), graph)
        again = load_graph(store.loader(), graph)  # `lawgraph load` once more: Neo4j's merge plan
    return {"bundled_build_s": round(build_s, 3), "bundled_load_s": round(stats.seconds, 3),
            "bundled_reload_s": round(again.seconds, 3), "bundled_nodes": stats.nodes,
            "bundled_relationships": stats.relationships}


def worker_naive(backend: str, workdir: Path, conn: Neo4jConn | None, data: Path, budget_s: float | None,
                 seed: int) -> dict[str, Any]:
    """The naive loader on the sample corpus at ``data``, into an empty store."""
    from lawgraph.benchmarks.naive import naive_load, prepare_embedded, prepare_neo4j
    from lawgraph.ingest.build import build_graph

    graph = build_graph(data).graph
    cases = sum(1 for n in graph.nodes.values() if n.label is Label.CASE)
    with _worker_store(backend, workdir, conn) as store:
        writer = prepare_embedded(store) if backend == "embedded" else prepare_neo4j(store)
        result = naive_load(writer, graph, budget_s, seed)
    return {"naive_sample_cases": cases, **{f"naive_{k}": v for k, v in result.to_dict().items()}}


def worker_main(backend: str, workdir: Path, conn: Neo4jConn | None, data: Path, runs: int) -> dict[str, Any]:
    """Build the corpus at ``data``, load it into an empty store, time the hot queries."""
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.writer import load_graph

    started = time.perf_counter()
    graph = build_graph(data).graph
    build_s = time.perf_counter() - started
    build_peak = peak_rss_mb()
    cases = sum(1 for n in graph.nodes.values() if n.label is Label.CASE)
    with _worker_store(backend, workdir, conn) as store:
        stats = load_graph(store.loader(), graph)
        del graph
        loaded_peak = peak_rss_mb()
        child = redis_pid(store) if backend == "embedded" else None
        child_peak = peak_rss_mb(child) if child else 0.0
        queries = time_queries(store, runs)
    return {
        "cases": cases,
        "nodes": stats.nodes,
        "relationships": stats.relationships,
        "build_s": round(build_s, 2),
        "build_peak_rss_mb": round(build_peak, 1),
        "load_s": round(stats.seconds, 2),
        "relationships_per_s": round(stats.relationships_per_s),
        "peak_rss_mb": round(loaded_peak + child_peak, 1),
        "peak_rss_process_mb": round(loaded_peak, 1),
        "peak_rss_redis_mb": round(child_peak, 1),
        "outcomes_p50_ms": queries["outcomes"]["p50"],
        "outcomes_p95_ms": queries["outcomes"]["p95"],
        "neighbourhood_p50_ms": queries["neighbourhood"]["p50"],
        "neighbourhood_p95_ms": queries["neighbourhood"]["p95"],
        "similar_cases_p50_ms": queries["similar_cases"]["p50"],
        "similar_cases_p95_ms": queries["similar_cases"]["p95"],
        "neighbourhood_hub_p95_ms": queries["neighbourhood_hub"]["p95"],
        "latency": {k: v for k, v in queries.items() if isinstance(v, dict) and "p95" in v},
        "outcomes_queries_p50_ms": queries["outcomes_queries_p50_ms"],
        "rows": {**queries["outcomes_rows"], "neighbourhood": queries["neighbourhood_rows"],
                 "neighbourhood_hub": queries["neighbourhood_hub_rows"]},
        "runs": runs,
    }


def worker_admin_import(workdir: Path, home: Path, data: Path) -> dict[str, Any]:
    """CSV export of the corpus and ``neo4j-admin database import full`` into ``home`` (server stopped)."""
    from lawgraph.graph.csv_import import IMPORT_OPTIONS, write_csv
    from lawgraph.ingest.build import build_graph
    from lawgraph.stores import neo4j_local

    graph = build_graph(data).graph
    csv_dir = Path(tempfile.mkdtemp(prefix="csv-", dir=workdir))
    try:
        started = time.perf_counter()
        export = write_csv(graph, csv_dir)
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        neo4j_local.import_csv(home, list(export.node_files.values()), list(export.relationship_files.values()),
                               heap="2g", max_off_heap="1g", extra_args=IMPORT_OPTIONS)
        import_s = time.perf_counter() - started
    finally:
        shutil.rmtree(csv_dir, ignore_errors=True)
    return {"csv_export_s": round(export_s, 2), "admin_import_s": round(import_s, 2),
            "admin_total_s": round(export_s + import_s, 2),
            "admin_relationships_per_s": round(len(graph.edges) / (export_s + import_s)),
            "admin_nodes": len(graph.nodes), "admin_relationships": len(graph.edges)}


def run_worker(kind: str, **args: Any) -> dict[str, Any]:
    """Run one worker in a fresh Python process; return the JSON it prints."""
    payload = json.dumps({"kind": kind, **{k: (str(v) if isinstance(v, Path) else v) for k, v in args.items()}},
                         default=lambda o: o.__dict__)
    proc = subprocess.run([sys.executable, "-m", "lawgraph.benchmarks.bench", "worker", payload], cwd=REPO,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-25:])
        raise BenchError(f"{kind} worker failed (exit {proc.returncode}):\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _worker_entry(payload: str) -> None:
    args = json.loads(payload)
    kind = args.pop("kind")
    conn = Neo4jConn(**args.pop("conn")) if args.get("conn") else args.pop("conn", None)
    workdir = Path(args.pop("workdir"))
    if kind == "bundled":
        result = worker_bundled(args["backend"], workdir, conn)
    elif kind == "naive":
        result = worker_naive(args["backend"], workdir, conn, Path(args["data"]), args["budget_s"], args["seed"])
    elif kind == "main":
        result = worker_main(args["backend"], workdir, conn, Path(args["data"]), args["runs"])
    elif kind == "admin-import":
        result = worker_admin_import(workdir, Path(args["home"]), Path(args["data"]))
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    sys.stdout.write(json.dumps(result) + "\n")


# ---------------------------------------------------------------------------------- orchestration


@dataclass
class BenchConfig:
    """What to measure."""

    sizes: list[int]
    backends: list[str]
    seed: int = 7
    runs: int = 50
    naive_cases: int = NAIVE_SAMPLE
    naive_budget_s: float | None = 20.0
    admin_import: bool | None = None  # None: for N >= ADMIN_IMPORT_FROM on a bench-started Neo4j
    workdir: Path | None = None
    keep: bool = False
    neo4j_heap: str = "2g"
    neo4j_pagecache: str = "1g"
    source: Path = DATA
    extra: dict[str, Any] = field(default_factory=dict)


def ensure_corpus(workdir: Path, cases: int, seed: int, source: Path, profile: Any = None) -> Path:
    """The synthetic corpus of ``cases`` instances for ``seed`` under ``workdir`` (made if missing)."""
    from lawgraph.ingest.synth import GENERATOR_VERSION, MANIFEST, synthesize

    out = workdir / f"corpus-{cases}-seed{seed}"
    manifest = out / MANIFEST
    if manifest.exists():
        meta = json.loads(manifest.read_text())
        if (meta.get("cases"), meta.get("seed"), meta.get("generator_version")) == (cases, seed, GENERATOR_VERSION):
            return out
    started = time.perf_counter()
    synthesize(cases, seed, out, source, profile=profile)
    log(f"synthesized {cases:,} cases in {time.perf_counter() - started:.1f}s → {out}")
    return out


def external_neo4j() -> Neo4jConn | None:
    """The Neo4j at NEO4J_URI, if set and LAWGRAPH_ALLOW_WIPE=1; refused (naming it) without the latter.

    The bench deletes everything in the database it loads into, so a server it did not start is used
    only when the user says it may be wiped.
    """
    from lawgraph.stores.neo4j_store import redact

    from lawgraph.errors import InvalidInput
    from lawgraph.settings import Settings

    settings = Settings.from_env()
    if not settings.neo4j_uri:
        return None
    if not settings.allow_wipe:
        raise InvalidInput(f"refusing the Neo4j at NEO4J_URI={redact(settings.neo4j_uri)}: the bench deletes "
                           "everything in its database; set LAWGRAPH_ALLOW_WIPE=1 to allow that, or unset "
                           "NEO4J_URI and the bench starts a Neo4j of its own")
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    return Neo4jConn(settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database)


@contextlib.contextmanager
def neo4j_server(config: BenchConfig, workdir: Path) -> Iterator[tuple[Neo4jConn, Any]]:
    """A local Neo4j 5 started for the bench in ``workdir``; NEO4J_URI (server None) only with LAWGRAPH_ALLOW_WIPE=1."""
    external = external_neo4j()
    if external is not None:
        yield external, None
        return
    try:
        from lawgraph.stores import neo4j_local
    except ImportError as exc:  # pragma: no cover - the module ships with the project
        raise BenchError(f"--backend neo4j needs NEO4J_URI or stores.neo4j_local: {exc}") from None
    home = Path(tempfile.mkdtemp(prefix="neo4j-", dir=workdir))
    log(f"starting a local Neo4j 5 (heap {config.neo4j_heap}, page cache {config.neo4j_pagecache}) in {home}")
    server = neo4j_local.start(home, heap=config.neo4j_heap, pagecache=config.neo4j_pagecache)
    try:
        yield Neo4jConn(server.uri), server
    finally:
        with contextlib.suppress(Exception):
            server.stop()
        shutil.rmtree(home, ignore_errors=True)


def _neo4j_version(conn: Neo4jConn) -> str | None:
    store = conn.open()
    try:
        return store.server_version()  # type: ignore[no-any-return]
    except Exception:
        return None
    finally:
        store.close()


def _falkordb_version(workdir: Path) -> str | None:
    with embedded_store(workdir) as store:
        try:
            return store.server_version()  # type: ignore[no-any-return]
        except Exception:
            return None


def bench_backend(backend: str, size: int, corpus: Path, sample: Path, config: BenchConfig, workdir: Path,
                  conn: Neo4jConn | None, server: Any) -> dict[str, Any]:
    """All stages for one backend and one size."""
    common = {"backend": backend, "workdir": workdir, "conn": conn.__dict__ if conn else None}
    result: dict[str, Any] = {"synthetic_cases": size}
    if conn:
        wipe_neo4j(conn)
    log(f"{backend} N={size:,}: bundled data")
    result.update(run_worker("bundled", **common))
    if conn:
        wipe_neo4j(conn)
    log(f"{backend} N={size:,}: naive loader on the {min(size, config.naive_cases):,}-case sample")
    result.update(run_worker("naive", **common, data=sample, budget_s=config.naive_budget_s, seed=config.seed))
    if conn:
        wipe_neo4j(conn)
    log(f"{backend} N={size:,}: build, load, {config.runs} runs of each query")
    result.update(run_worker("main", **common, data=corpus, runs=config.runs))
    naive = result["naive_relationships_per_s"]
    result["speedup_vs_naive"] = round(result["relationships_per_s"] / naive, 1) if naive else None
    if server is not None:
        result["server_peak_rss_mb"] = round(peak_rss_mb(server.pid), 1)
    admin = config.admin_import if config.admin_import is not None else size >= ADMIN_IMPORT_FROM
    if backend == "neo4j" and server is not None and admin:
        from lawgraph.stores import neo4j_local

        log(f"neo4j N={size:,}: CSV export + neo4j-admin database import (server stopped)")
        home = server.home
        server.stop()
        result.update(run_worker("admin-import", workdir=workdir, conn=None, home=home, data=corpus))
        restarted = neo4j_local.start(home, heap=config.neo4j_heap, pagecache=config.neo4j_pagecache)
        try:
            check = Neo4jConn(restarted.uri).open()
            try:
                nodes = check.read("MATCH (n) RETURN count(n) AS n").rows[0]["n"]
                rels = check.read("MATCH ()-[r]->() RETURN count(r) AS n").rows[0]["n"]
            finally:
                check.close()
            result["admin_import_counts_ok"] = (nodes, rels) == (result["admin_nodes"], result["admin_relationships"])
        finally:
            restarted.stop()
        result["admin_relationships_per_s_excluding_export"] = round(
            result["admin_relationships"] / result["admin_import_s"]) if result["admin_import_s"] else None
    return result


def run_bench(config: BenchConfig) -> dict[str, Any]:
    """Run every stage for every size and backend; return the results (see :data:`FIELDS`)."""
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.synth import learn_profile

    own_workdir = config.workdir is None
    workdir = Path(config.workdir or tempfile.mkdtemp(prefix="lawgraph-bench-")).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if "neo4j" in config.backends:
        external_neo4j()  # refuse a server the bench may not wipe before any work
    started = time.time()
    machine = machine_info()
    results: dict[str, Any] = {"machine": machine, "seed": config.seed, "runs": config.runs,
                               "naive_cases": config.naive_cases, "naive_budget_s": config.naive_budget_s,
                               "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "sweep": []}
    try:
        profile = learn_profile(build_graph(config.source).graph)
        machine["falkordb"] = _falkordb_version(workdir) if "embedded" in config.backends else None
        per_size: dict[int, dict[str, Any]] = {n: {"cases": n, "backends": {}} for n in config.sizes}
        corpora = {}
        for size in config.sizes:
            corpora[size] = (ensure_corpus(workdir, size, config.seed, config.source, profile),
                             ensure_corpus(workdir, min(size, config.naive_cases), config.seed, config.source,
                                           profile))
        for backend in config.backends:
            if backend == "neo4j":
                with neo4j_server(config, workdir) as (conn, server):
                    machine["neo4j"] = _neo4j_version(conn)
                    machine["neo4j_server"] = ("NEO4J_URI" if server is None else
                                               f"local (stores.neo4j_local), heap {config.neo4j_heap}, "
                                               f"page cache {config.neo4j_pagecache}")
                    for size in config.sizes:
                        corpus, sample = corpora[size]
                        per_size[size]["backends"][backend] = bench_backend(backend, size, corpus, sample, config,
                                                                            workdir, conn, server)
                        if server is not None and not server.is_running():  # stopped for the admin import
                            from lawgraph.stores import neo4j_local

                            server = neo4j_local.start(server.home, heap=config.neo4j_heap,
                                                       pagecache=config.neo4j_pagecache)
                            conn = Neo4jConn(server.uri)
                    if server is not None:
                        server.stop()
            else:
                for size in config.sizes:
                    corpus, sample = corpora[size]
                    per_size[size]["backends"][backend] = bench_backend(backend, size, corpus, sample, config,
                                                                        workdir, None, None)
        results["sweep"] = [per_size[n] for n in config.sizes]
    finally:
        machine["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        results["seconds"] = round(time.time() - started)
        if own_workdir and not config.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    from lawgraph.benchmarks.report import evaluate_targets

    results["targets"] = evaluate_targets(results)
    return results


def contract(results: dict[str, Any]) -> dict[str, Any]:
    """The ``--json`` document: the largest size's figures per backend (the issue's field names),
    machine, targets, and the whole sweep."""
    last = results["sweep"][-1]
    document: dict[str, Any] = {}
    for backend, figures in last["backends"].items():
        document[backend] = {k: figures.get(k) for k in FIELDS} | {
            k: v for k, v in figures.items() if k not in FIELDS}
    document["machine"] = results["machine"]
    document["targets"] = results["targets"]
    if len(results["sweep"]) > 1:
        document["sweep"] = results["sweep"]
    document["settings"] = {k: results[k] for k in ("seed", "runs", "naive_cases", "naive_budget_s", "started",
                                                    "seconds")}
    return document


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m lawgraph.benchmarks.bench worker <json>``: one worker (:func:`run_worker` starts it). The bench
    itself is ``lawgraph bench`` (this layer does not reach up into the command line)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2 or args[0] != "worker":
        raise SystemExit("usage: python -m lawgraph.benchmarks.bench worker JSON (internal); run the bench as "
                         "`lawgraph bench`")
    _worker_entry(args[1])


if __name__ == "__main__":
    main()
