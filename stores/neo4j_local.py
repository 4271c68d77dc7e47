"""A real local Neo4j 5 server for tests and CI, without Docker or a distribution tarball.

The server is ``neo4j-local/`` (a ~150-line Java program, ``lawgraph.LocalNeo4j``) on the Neo4j
Community jars from Maven Central (version pinned in ``neo4j-local/pom.xml``), run on the installed
Java 17+. It is the same DBMS as the packaged server -- record store, Cypher, transactions, the
``system`` database, the Bolt protocol -- opened through ``DatabaseManagementServiceBuilder`` with
the Bolt connector on, and no HTTP connector.

* ``build()`` fetches the jars (``mvn dependency:copy-dependencies``; ~95 MB, only Maven Central)
  and compiles the program with ``javac``. It is cached: a second call returns in milliseconds.
* ``start(home)`` runs the server on a persistent home directory: ``HOME/data/databases/neo4j``,
  ``HOME/data/transactions/neo4j`` and ``HOME/logs/debug.log`` (the standard layout), so stopping
  and starting again on the same home keeps the data. Bolt listens on 127.0.0.1 only, on the given
  port or a free one. The JVM heap (default 1g) and page cache (default 256m) are modest.
  ``server.restart()`` stops and starts again on the same home *and port*, so a test can stop the
  server mid-load and its driver reconnects to the same URI. ``stop()`` is clean (SIGTERM:
  checkpoint, store closed); after a SIGKILL the next start recovers from the transaction log.
* By default AUTHENTICATION IS DISABLED: connect with ``auth=None`` (any credentials are accepted
  too). This is a loopback-only test server; never expose it on another interface.
  ``start(home, password=..., tls_dir=...)`` turns on authentication (user ``neo4j``, the password
  handed to the JVM on standard input, never on its command line) and Bolt TLS
  (``server.bolt.tls_level=REQUIRED``, certificate ``TLS_DIR/public.crt``, key
  ``TLS_DIR/private.key``); the URI is then ``bolt+ssc://127.0.0.1:PORT``. See docs/scale.md.
* ``import_csv(home, nodes, relationships)`` runs Neo4j's own bulk importer (``neo4j-admin database
  import full``) into the home's ``neo4j`` database while the server is stopped.

Command line (``python -m lawgraph.stores.neo4j_local ...``)::

    build                          fetch the jars and compile (idempotent)
    start  --home DIR [--port N]   start in the background; prints bolt://127.0.0.1:PORT and
                                   writes DIR/local-neo4j.pid and DIR/local-neo4j.uri
    stop   --home DIR              stop it cleanly (SIGTERM; checkpoint; store closed)
    status --home DIR              print the URI and exit 0 if running, else exit 3
    import --home DIR --nodes F... [--relationships F...]   bulk-import CSV (server stopped)

Settings (:mod:`lawgraph.settings`): ``LAWGRAPH_NEO4J_BUILD_DIR`` (build cache, default
``neo4j-local/target``), ``JAVA_HOME`` (else ``java`` on PATH), ``MVN`` (else ``mvn`` on PATH).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from lawgraph.errors import EnvironmentProblem
from lawgraph.settings import Settings

NEO4J_VERSION = "5.26.30"  # keep in step with <neo4j.version> in neo4j-local/pom.xml
PROJECT_DIR = Path(__file__).resolve().parent.parent / "neo4j-local"
MAIN_CLASS = "lawgraph.LocalNeo4j"
DEFAULT_DATABASE = "neo4j"
PID_FILE = "local-neo4j.pid"
URI_FILE = "local-neo4j.uri"
LOG_FILE = "logs/local-neo4j.log"  # the JVM's stdout/stderr; Neo4j's own log is logs/debug.log

# Flags the Neo4j distribution passes too: let Netty and the page cache use direct buffers
# without warnings, and die rather than limp on after an OutOfMemoryError.
_JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
)


class LocalNeo4jError(EnvironmentProblem, RuntimeError):
    """The local server could not be built, started, stopped or imported into."""


# --------------------------------------------------------------------------------------- build


@dataclass(frozen=True)
class Build:
    """A compiled LocalNeo4j: its classes directory and dependency jars."""

    directory: Path

    @property
    def classpath(self) -> str:
        return os.pathsep.join([str(self.directory / "classes"), str(self.directory / "dependency" / "*")])


def _build_dir() -> Path:
    return (Settings.from_env().neo4j_build_dir or PROJECT_DIR / "target").resolve()


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in [PROJECT_DIR / "pom.xml", *sorted((PROJECT_DIR / "src").rglob("*.java"))]:
        digest.update(path.relative_to(PROJECT_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def java_executable() -> str:
    """The ``java`` to run: ``$JAVA_HOME/bin/java`` or the one on PATH."""
    java_home = Settings.from_env().java_home
    if java_home and (java_home / "bin" / "java").is_file():
        return str(java_home / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise LocalNeo4jError("java not found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk)")
    return found


def _javac_executable() -> str:
    java = Path(java_executable()).resolve()
    candidate = java.parent / "javac"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("javac")
    if not found:
        raise LocalNeo4jError("javac not found: install a JDK (not only a JRE), e.g. openjdk-17-jdk-headless")
    return found


def _run(cmd: Sequence[str], what: str, cwd: Path | None = None) -> str:
    proc = subprocess.run(list(cmd), cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip().splitlines()
        tail = "\n".join(output[-40:])
        raise LocalNeo4jError(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{tail}")
    return proc.stdout


def build(*, force: bool = False, maven_repo: Path | None = None) -> Build:
    """Fetch the Neo4j jars and compile LocalNeo4j, unless an up-to-date build exists.

    The result lives in ``LAWGRAPH_NEO4J_BUILD_DIR`` (default ``neo4j-local/target``) and is keyed
    by a hash of the pom and the Java sources; concurrent callers wait on a lock file.
    ``maven_repo`` overrides the local Maven repository (``-Dmaven.repo.local``).
    """
    directory = _build_dir()
    directory.mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint()
    stamp = directory / "lawgraph-build.stamp"
    result = Build(directory)
    with open(directory / ".lawgraph-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (
            not force
            and stamp.is_file()
            and stamp.read_text().strip() == fingerprint
            and (directory / "classes" / "lawgraph" / "LocalNeo4j.class").is_file()
            and any((directory / "dependency").glob("neo4j-kernel-*.jar"))
        ):
            return result
        stamp.unlink(missing_ok=True)
        mvn = Settings.from_env().mvn or shutil.which("mvn")
        if not mvn:
            raise LocalNeo4jError("mvn not found: install Maven 3 (e.g. apt-get install maven)")
        shutil.rmtree(directory / "dependency", ignore_errors=True)
        shutil.rmtree(directory / "classes", ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(PROJECT_DIR / "pom.xml"), "dependency:copy-dependencies",
               f"-DoutputDirectory={directory / 'dependency'}"]
        if maven_repo is not None:
            cmd.append(f"-Dmaven.repo.local={maven_repo}")
        _run(cmd, "fetching the Neo4j jars with Maven")
        sources = [str(p) for p in sorted((PROJECT_DIR / "src" / "main" / "java").rglob("*.java"))]
        _run([_javac_executable(), "--release", "17", "-nowarn",
              "-d", str(directory / "classes"), "-cp", str(directory / "dependency" / "*"), *sources],
             "compiling LocalNeo4j")
        stamp.write_text(fingerprint + "\n")
    return result


# ------------------------------------------------------------------------------------- server


def _bolt_answers(host: str, port: int, timeout: float = 2.0, *, tls: bool = False) -> bool:
    """True if a Bolt server at host:port completes the version handshake (over TLS if ``tls``)."""
    try:
        with contextlib.ExitStack() as stack:
            sock = stack.enter_context(socket.create_connection((host, port), timeout=timeout))
            if tls:
                # Readiness probe only: the test's own driver checks the connection it uses.
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                sock = stack.enter_context(context.wrap_socket(sock, server_hostname=host))
            # Magic preamble, then four proposals: 5.0..5.8 (range), 4.4, none, none.
            sock.sendall(bytes.fromhex("6060B017" "00080805" "00000404" "00000000" "00000000"))
            reply = b""
            while len(reply) < 4:
                chunk = sock.recv(4 - len(reply))
                if not chunk:
                    return False
                reply += chunk
            return reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _tail(path: Path, lines: int = 40) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 64 * 1024))
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return f"({path} is missing)"
    return "\n".join(text.splitlines()[-lines:])


def _is_our_server(pid: int, home: Path) -> bool:
    """True if ``pid`` is alive and is a LocalNeo4j server on ``home`` (guards against pid reuse)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (not Linux): trust the pid file
    args = [a.decode("utf-8", "replace") for a in cmdline]
    return MAIN_CLASS in args and "server" in args and str(home) in args


def _uri_for(port: int, *, tls: bool = False) -> str:
    return f"{'bolt+ssc' if tls else 'bolt'}://127.0.0.1:{port}"


@dataclass
class LocalNeo4j:
    """A running local server. Use as a context manager, or call :meth:`stop`."""

    home: Path
    uri: str
    pid: int
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    tls_dir: Path | None = None

    @property
    def port(self) -> int:
        return int(self.uri.rsplit(":", 1)[1])

    @property
    def auth(self) -> tuple[str, str] | None:
        """``("neo4j", password)`` if started with a password, else None (authentication disabled)."""
        return ("neo4j", self.password) if self.password is not None else None

    def is_running(self) -> bool:
        if self._proc is not None:
            return self._proc.poll() is None
        return _is_our_server(self.pid, self.home)

    def stop(self, timeout: float = 60.0) -> None:
        """Stop cleanly (SIGTERM: transactions closed, checkpoint, store closed); SIGKILL after ``timeout``."""
        _running.pop(self.pid, None)
        if self.is_running():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            if not self._wait_exit(timeout):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                self._wait_exit(10.0)
                _clear_run_files(self.home, self.pid)
                raise LocalNeo4jError(
                    f"Neo4j (pid {self.pid}) did not stop within {timeout:.0f}s and was killed; "
                    f"the next start will recover the store.\n{_tail(self.home / LOG_FILE)}")
        _clear_run_files(self.home, self.pid)

    def restart(self, *, heap: str = "1g", pagecache: str = "256m", timeout: float = 180.0) -> LocalNeo4j:
        """Stop, then start again on the same home and port (so clients keep their URI).

        Returns the new server object (same ``uri``, new ``pid``).
        """
        self.stop()
        return start(self.home, self.port, heap=heap, pagecache=pagecache, timeout=timeout,
                     detach=self._proc is None, password=self.password, tls_dir=self.tls_dir)

    def _wait_exit(self, timeout: float) -> bool:
        if self._proc is not None:
            try:
                self._proc.wait(timeout)
            except subprocess.TimeoutExpired:
                return False
            return True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _is_our_server(self.pid, self.home):
                return True
            time.sleep(0.05)
        return False

    def __enter__(self) -> LocalNeo4j:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


_running: dict[int, LocalNeo4j] = {}


@atexit.register
def _stop_leftovers() -> None:
    """Servers started (not detached) by this process do not outlive it."""
    for server in list(_running.values()):
        with contextlib.suppress(Exception):
            server.stop(timeout=30.0)


def _clear_run_files(home: Path, pid: int) -> None:
    pid_file = home / PID_FILE
    with contextlib.suppress(OSError, ValueError):
        if int(pid_file.read_text().strip()) == pid:
            pid_file.unlink()
            (home / URI_FILE).unlink(missing_ok=True)


def status(home: Path) -> LocalNeo4j | None:
    """The server running on ``home`` (started by any process), or None."""
    home = Path(home).resolve()
    try:
        pid = int((home / PID_FILE).read_text().strip())
        uri = (home / URI_FILE).read_text().strip()
    except (OSError, ValueError):
        return None
    if not _is_our_server(pid, home):
        return None
    return LocalNeo4j(home=home, uri=uri, pid=pid)


def start(home: Path, port: int | None = None, *, heap: str = "1g", pagecache: str = "256m",
          timeout: float = 180.0, detach: bool = False, jvm_args: Sequence[str] = (),
          password: str | None = None, tls_dir: Path | None = None) -> LocalNeo4j:
    """Start a server on ``home`` (created if missing; data persists across restarts).

    Bolt listens on 127.0.0.1:``port`` (a free port if None), by default without authentication
    and without TLS. ``password`` enables authentication (user ``neo4j``; the password goes to the
    JVM on standard input); ``tls_dir`` (holding ``private.key`` and ``public.crt``, PEM) requires
    TLS on Bolt and makes the URI ``bolt+ssc://``. Returns
    once the default database is available and Bolt answers a handshake. ``detach=True`` leaves
    the server running after this process exits (the CLI's ``start``); otherwise it is stopped at
    exit if the caller has not stopped it. ``jvm_args`` are added to the JVM's flags. Raises
    LocalNeo4jError with the server log's tail if it exits or is not ready within ``timeout``
    seconds.
    """
    home = Path(home).resolve()
    running = status(home)
    if running is not None:
        raise LocalNeo4jError(f"a local Neo4j is already running on {home}: {running.uri} (pid {running.pid})")
    built = build()
    (home / "logs").mkdir(parents=True, exist_ok=True)
    # Port 0: the server picks a free loopback port itself and reports the one it bound.
    cmd = [java_executable(), f"-Xms{heap}", f"-Xmx{heap}", *_JVM_FLAGS, *jvm_args, "-cp", built.classpath, MAIN_CLASS,
           "server", "--home", str(home), "--address", "127.0.0.1",
           "--port", str(0 if port is None else port), "--pagecache", pagecache]
    if password is not None:
        if not password or "\n" in password or "\r" in password:
            raise LocalNeo4jError("the local Neo4j password must be one non-empty line")
        cmd.append("--auth-password-stdin")
    tls = tls_dir is not None
    if tls_dir is not None:
        cmd += ["--tls-dir", str(Path(tls_dir).resolve())]
    log_path = home / LOG_FILE
    began = time.monotonic()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=home, stdin=subprocess.DEVNULL if password is None else subprocess.PIPE,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    if password is not None and proc.stdin is not None:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.write(password.encode() + b"\n")
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
    server: LocalNeo4j | None = None
    try:
        deadline = began + timeout
        uri = None
        while uri is None:
            if proc.poll() is not None:
                raise LocalNeo4jError(f"Neo4j exited with status {proc.returncode} while starting on {home}.\n"
                                      f"--- {log_path}:\n{_tail(log_path)}")
            if time.monotonic() > deadline:
                raise LocalNeo4jError(f"Neo4j did not become ready within {timeout:.0f}s on {home}.\n"
                                      f"--- {log_path}:\n{_tail(log_path)}\n"
                                      f"--- {home / 'logs/debug.log'}:\n{_tail(home / 'logs/debug.log', 20)}")
            for line in log_path.read_text(errors="replace").splitlines():
                if line.startswith("BOLT_URI="):
                    uri = _uri_for(int(line.rsplit(":", 1)[1]), tls=tls)
                    break
            else:
                time.sleep(0.05)
        server = LocalNeo4j(home=home, uri=uri, pid=proc.pid, _proc=None if detach else proc,
                            password=password, tls_dir=tls_dir)
        while not _bolt_answers("127.0.0.1", server.port, tls=tls):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise LocalNeo4jError(f"Neo4j printed {uri} but Bolt does not answer.\n{_tail(log_path)}")
            time.sleep(0.1)
        (home / URI_FILE).write_text(uri + "\n")
        (home / PID_FILE).write_text(f"{proc.pid}\n")
    except BaseException:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        raise
    if not detach:
        _running[server.pid] = server
    return server


def stop(home: Path, timeout: float = 60.0) -> bool:
    """Stop the server running on ``home``, if any; True if one was stopped."""
    server = status(home)
    if server is None:
        return False
    server.stop(timeout)
    return True


# ------------------------------------------------------------------------------------- import


def import_csv(home: Path, nodes: Sequence[Path | str], relationships: Sequence[Path | str] = (), *,
               database: str = DEFAULT_DATABASE, heap: str = "1g", max_off_heap: str = "512m",
               extra_args: Sequence[str] = ()) -> str:
    """Bulk-import CSV files with ``neo4j-admin database import full`` into ``home``'s database.

    The server on ``home`` must be stopped; the database is replaced (``--overwrite-destination``)
    and the next :func:`start` serves it. Files use the importer's header syntax (``:ID``,
    ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, ``name:int`` ...); an entry may carry the
    importer's own prefix, e.g. ``"Statute=statutes.csv"`` or a comma-separated header,file list.
    ``extra_args`` go to the importer as is (e.g. ``["--skip-duplicate-nodes=true"]``).
    Returns the importer's output; raises LocalNeo4jError on failure.
    """
    home = Path(home).resolve()
    running = status(home)
    if running is not None:
        raise LocalNeo4jError(f"stop the server on {home} (pid {running.pid}) before importing")
    if not nodes:
        raise LocalNeo4jError("import_csv needs at least one nodes file")
    built = build()
    (home / "logs").mkdir(parents=True, exist_ok=True)

    def spec(item: Path | str) -> str:
        text = str(item)
        if isinstance(item, Path) or "=" not in text:
            return str(Path(text).resolve())
        return text

    cmd = [java_executable(), f"-Xmx{heap}", *_JVM_FLAGS, "-cp", built.classpath, MAIN_CLASS,
           "admin", "--home", str(home), "database", "import", "full", database,
           "--overwrite-destination=true", f"--report-file={home / 'logs' / 'import.report'}",
           f"--max-off-heap-memory={max_off_heap}",
           *(f"--nodes={spec(n)}" for n in nodes), *(f"--relationships={spec(r)}" for r in relationships),
           *extra_args]
    return _run(cmd, "neo4j-admin database import full", cwd=home)


# ---------------------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lawgraph.stores.neo4j_local",
                                     description="A local Neo4j 5 (Maven Central jars, no Docker) for tests.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="fetch the jars and compile (idempotent)")
    p_start = sub.add_parser("start", help="start in the background; prints the bolt URI")
    p_start.add_argument("--home", type=Path, required=True)
    p_start.add_argument("--port", type=int, default=None)
    p_start.add_argument("--heap", default="1g")
    p_start.add_argument("--pagecache", default="256m")
    p_start.add_argument("--timeout", type=float, default=180.0)
    for name, text in (("stop", "stop the server on --home"), ("status", "exit 0 and print the URI if running")):
        sub.add_parser(name, help=text).add_argument("--home", type=Path, required=True)
    p_import = sub.add_parser("import", help="bulk-import CSV into --home (server stopped)")
    p_import.add_argument("--home", type=Path, required=True)
    p_import.add_argument("--nodes", nargs="+", required=True)
    p_import.add_argument("--relationships", nargs="*", default=[])
    args = parser.parse_args(argv)

    try:
        if args.command == "build":
            print(build().directory)
        elif args.command == "start":
            server = start(args.home, args.port, heap=args.heap, pagecache=args.pagecache,
                           timeout=args.timeout, detach=True)
            print(server.uri)
        elif args.command == "stop":
            if not stop(args.home):
                print(f"not running: {args.home}", file=sys.stderr)
        elif args.command == "status":
            server = status(args.home)
            if server is None:
                print(f"not running: {args.home}", file=sys.stderr)
                return 3
            print(f"{server.uri} pid={server.pid}")
        elif args.command == "import":
            print(import_csv(args.home, args.nodes, args.relationships), end="")
    except LocalNeo4jError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
