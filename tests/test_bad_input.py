"""Bad input is refused whole, with file:line messages and no traceback, and leaves the stores as they were.

Every folder of ``tests/data/invalid/`` is the valid base ``tests/data/valid/`` with one kind of error
(symlinks to the valid files, real files where it differs) and an ``expect.yaml`` naming each error's
file, line and message. ``lawgraph build --data <folder>`` must exit 2 and print exactly those errors;
``lawgraph load --data <folder>`` on a loaded embedded store must exit 2 and leave it unchanged; the
same load into Neo4j must write nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lawgraph.ingest.build import build_graph
from lawgraph.ingest.errors import BuildRefused
from lawgraph.ingest.fingerprint import data_fingerprint
from reliability_support import (
    INVALID,
    VALID,
    EmbeddedState,
    Expectation,
    GraphDump,
    clean_env,
    dump,
    embedded_state,
    expectation,
    invalid_classes,
    materialize,
    neo4j_env,
    no_traceback,
    run_cli,
)

CLASSES = invalid_classes()
HEADER = re.compile(r": build refused, (\d+) error\(s\); nothing was loaded$", re.MULTILINE)
#: the classes the issues name, each of which must have a folder here
REQUIRED = {
    "malformed-yaml", "unknown-id", "duplicate-id", "dangling-reference", "bad-case-number", "share-out-of-range",
    "shares-over-one", "missing-sources", "statute-not-utf8", "statute-empty", "statute-duplicate-article",
    "oversized-statute", "yaml-bomb",
}
WORKERS = 4


def test_every_required_error_class_has_a_folder() -> None:
    assert set(CLASSES) >= REQUIRED, sorted(REQUIRED - set(CLASSES))
    assert len(CLASSES) >= 30


@pytest.mark.parametrize("name", CLASSES)
def test_each_folder_is_a_minimal_variant_of_the_valid_base(name: str) -> None:
    """Only the files that carry the error are real; everything else links to the valid base."""
    exp = expectation(name)
    assert exp.why and exp.errors
    real = sorted(str((Path(root) / f).relative_to(exp.folder)) for root, _, files in os.walk(exp.folder)
                  for f in files if not (Path(root) / f).is_symlink() and f != "expect.yaml")
    assert len(real) <= 3, real
    if exp.generate:
        assert real == []
    for error in exp.errors:
        assert (exp.folder / error.file).exists() or (exp.generate and error.file == exp.generate["file"])
    links = [p for p in exp.folder.rglob("*") if p.is_symlink()]
    assert links and all(p.resolve().is_relative_to(VALID) for p in links)


def test_the_valid_base_builds() -> None:
    result = run_cli(["build", "--data", str(VALID), "--json"], clean_env())
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["articles_by_law"] == {"CC": 1, "CRPL": 2, "ECL": 2}
    assert summary["nodes"]["Case"] == 1 and summary["relationships"]["HELD"] == 3


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Expectation, Path]]:
    generated = tmp_path_factory.mktemp("generated")
    return {name: (exp, materialize(exp, generated)) for name in CLASSES for exp in [expectation(name)]}


@pytest.fixture(scope="module")
def builds(folders: dict[str, tuple[Expectation, Path]]) -> dict[str, subprocess.CompletedProcess[str]]:
    """`lawgraph build --data <folder>` for every class (run side by side: each is its own process)."""
    env = clean_env()
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {name: pool.submit(run_cli, ["build", "--data", str(folder)], env)
                   for name, (_, folder) in folders.items()}
        return {name: future.result() for name, future in futures.items()}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not HEADER.search(line)]


@pytest.mark.parametrize("name", CLASSES)
def test_build_refuses_naming_file_and_line(name: str, folders: dict[str, tuple[Expectation, Path]],
                                           builds: dict[str, subprocess.CompletedProcess[str]]) -> None:
    exp, folder = folders[name]
    result = builds[name]
    assert result.returncode == 2, (result.stdout[-500:], result.stderr)
    assert no_traceback(result)
    assert result.stdout == ""  # nothing of the refused build is shown as if it were a result
    header = HEADER.search(result.stderr)
    assert header, result.stderr
    assert int(header.group(1)) == exp.total, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == exp.total, lines
    for error in exp.errors:
        where = f"{folder.resolve() / error.file}:{error.line}: "
        matching = [line for line in lines if line.startswith(where)]
        assert matching, f"no error at {where}\n" + "\n".join(lines)
        assert any(error.message in line for line in matching), f"{error.message!r} not in {matching}"
    assert lines[0].startswith(f"{folder.resolve() / exp.errors[0].file}:")


@pytest.mark.parametrize("name", CLASSES)
def test_build_graph_refuses_the_same_errors_in_process(name: str,
                                                        folders: dict[str, tuple[Expectation, Path]]) -> None:
    """The API (what the loaders call) raises BuildRefused with the same locations: nothing to load."""
    exp, folder = folders[name]
    with pytest.raises(BuildRefused) as refused:
        build_graph(folder.resolve())
    found = {(str(e.location.file.relative_to(folder.resolve())), e.location.line) for e in refused.value.errors}
    assert {(e.file, e.line) for e in exp.errors} <= found
    assert len(refused.value.errors) == exp.total
    assert all(e.location.line >= 1 for e in refused.value.errors)


# --------------------------------------------------------------------------- the embedded store

#: one folder of each kind of problem, loaded with `lawgraph load` in a process of its own (every folder is
#: loaded in this process by the same function, below: a CLI process costs a second, mostly the store's start)
CLI_LOADS = ["malformed-yaml", "yaml-bomb", "yaml-not-utf8", "oversized-yaml", "statute-duplicate-article",
             "statute-empty", "unknown-id", "dangling-reference", "bad-case-number", "shares-over-one",
             "missing-sources", "several-errors"]


@pytest.fixture(scope="module")
def loaded_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, EmbeddedState]:
    """An embedded store home holding the valid base, loaded with `lawgraph load` (the store is closed)."""
    home = tmp_path_factory.mktemp("loaded-home")
    result = run_cli(["load", "--data", str(VALID), "--json"], clean_env(LAWGRAPH_HOME=str(home)))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "loaded"
    state = embedded_state(home / "embedded")
    assert state.dump is not None and state.dump.counts == (31, 32)
    assert state.fingerprint == data_fingerprint(VALID)
    return home, state


def _aof(home: Path) -> dict[str, bytes]:
    """The append-only file set: every write command the store ever took is in it."""
    folder = home / "embedded" / "appendonlydir"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def cli_loads(loaded_home: tuple[Path, EmbeddedState], folders: dict[str, tuple[Expectation, Path]],
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[subprocess.CompletedProcess[str], bool,
                                                                              EmbeddedState]]:
    """`lawgraph load --data <folder>` on a copy of the loaded home, per class (the copies side by side).

    Each run, whether the append-only files are byte for byte what they were, and the store read again.
    """
    template, _ = loaded_home
    root = tmp_path_factory.mktemp("homes")

    def one(name: str) -> tuple[subprocess.CompletedProcess[str], bool, EmbeddedState]:
        home = root / name
        shutil.copytree(template, home)
        before = _aof(home)
        result = run_cli(["load", "--data", str(folders[name][1]), "--json"], clean_env(LAWGRAPH_HOME=str(home)))
        unchanged = _aof(home) == before
        return result, unchanged, embedded_state(home / "embedded")

    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {name: pool.submit(one, name) for name in CLI_LOADS}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.embedded
@pytest.mark.parametrize("name", CLI_LOADS)
def test_cli_load_refused_and_embedded_store_unchanged(
        name: str, folders: dict[str, tuple[Expectation, Path]], loaded_home: tuple[Path, EmbeddedState],
        cli_loads: dict[str, tuple[subprocess.CompletedProcess[str], bool, EmbeddedState]]) -> None:
    exp, folder = folders[name]
    result, aof_unchanged, after = cli_loads[name]
    assert result.returncode == 2, result.stderr
    assert no_traceback(result) and result.stdout == ""
    first = exp.errors[0]
    assert f"{folder.resolve() / first.file}:{first.line}: " in result.stderr
    assert aof_unchanged, "a write reached the store's append-only file"
    assert after == loaded_home[1]  # same graph (counts and every property), same fingerprint
    assert after.graphs == ("lawgraph",)  # no staging graph was even begun


@pytest.fixture(scope="module")
def in_process_loads(loaded_home: tuple[Path, EmbeddedState], folders: dict[str, tuple[Expectation, Path]],
                     tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, bool, GraphDump, str | None]]:
    """Every folder loaded into one open store by ``ensure_embedded`` (what `lawgraph load` runs)."""
    from lawgraph.stores.embedded import EmbeddedStore

    from lawgraph.connect import ensure_embedded

    home = tmp_path_factory.mktemp("one-home") / "home"
    shutil.copytree(loaded_home[0], home)
    store = EmbeddedStore(home / "embedded")
    results: dict[str, tuple[int, bool, GraphDump, str | None]] = {}
    try:
        for name, (_, folder) in folders.items():
            before = _aof(home)
            try:
                ensure_embedded(store, folder.resolve(), quiet=True)
                refused = 0
            except BuildRefused as exc:
                refused = len(exc.errors)
            results[name] = (refused, _aof(home) == before, dump(store), store.meta().get("fingerprint"))
    finally:
        store.close()
    return results


@pytest.mark.embedded
@pytest.mark.parametrize("name", CLASSES)
def test_load_refused_and_embedded_store_unchanged(
        name: str, folders: dict[str, tuple[Expectation, Path]], loaded_home: tuple[Path, EmbeddedState],
        in_process_loads: dict[str, tuple[int, bool, GraphDump, str | None]]) -> None:
    exp, _ = folders[name]
    refused, aof_unchanged, after, fingerprint = in_process_loads[name]
    assert refused == exp.total
    assert aof_unchanged, "a write reached the store's append-only file"
    assert after == loaded_home[1].dump and fingerprint == loaded_home[1].fingerprint


# --------------------------------------------------------------------------------------- Neo4j


@pytest.fixture()
def neo4j_with_valid_base(neo4j_store: object) -> Iterator[tuple[object, GraphDump]]:
    from lawgraph.ingest.writer import load_graph

    load_graph(neo4j_store.loader(), build_graph(VALID).graph)  # type: ignore[attr-defined]
    before = dump(neo4j_store)
    assert before.counts == (31, 32)
    yield neo4j_store, before


@pytest.mark.neo4j
def test_neo4j_load_refused_for_every_class_and_nothing_written(
        neo4j_with_valid_base: tuple[object, GraphDump], folders: dict[str, tuple[Expectation, Path]]) -> None:
    from lawgraph.connect import load_neo4j

    store, before = neo4j_with_valid_base
    runs = store.read("MATCH (r:LoadRun) RETURN r.id AS id, r.status AS status").rows  # type: ignore[attr-defined]
    for name, (exp, folder) in folders.items():
        with pytest.raises(BuildRefused) as refused:
            load_neo4j(store, folder.resolve(), quiet=True)  # type: ignore[arg-type]
        assert len(refused.value.errors) == exp.total, name
    assert dump(store) == before
    assert store.read("MATCH (r:LoadRun) RETURN r.id AS id, r.status AS status").rows == runs  # type: ignore[attr-defined]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", ["dangling-reference", "yaml-python-tag", "shares-over-one"])
def test_neo4j_cli_load_refused(name: str, neo4j_with_valid_base: tuple[object, GraphDump], neo4j_uri: str) -> None:
    store, before = neo4j_with_valid_base
    exp = expectation(name)
    result = run_cli(["load", "--backend", "neo4j", "--data", str(INVALID / name)], neo4j_env(neo4j_uri))
    assert result.returncode == 2 and no_traceback(result), result.stderr
    first = exp.errors[0]
    assert f"{(INVALID / name).resolve() / first.file}:{first.line}: {first.message}" in result.stderr
    assert dump(store) == before
