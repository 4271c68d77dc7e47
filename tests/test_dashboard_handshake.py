"""The pipes between ``lawgraph dashboard`` and its Streamlit process (``dashboard.handshake``), on real pipes."""

from __future__ import annotations

import os

import pytest
from lawgraph.dashboard import handshake
from lawgraph.stores.base import StoreError


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No answer read yet in this process, and neither pipe named in the environment."""
    monkeypatch.setattr(handshake, "_launcher", None)
    monkeypatch.delenv(handshake.READY_FD_ENV, raising=False)
    monkeypatch.delenv(handshake.OPTIONS_FD_ENV, raising=False)


def test_the_store_the_command_opened_reaches_the_dashboard(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    monkeypatch.setenv(handshake.READY_FD_ENV, str(read))
    handshake.tell_store_ready(write, {"backend": "embedded", "embedded_home": "/srv/store"})
    assert handshake.launcher_store(timeout_s=5) == {"backend": "embedded", "embedded_home": "/srv/store"}
    # read once: a second call answers from memory (the pipe is closed by now)
    assert handshake.launcher_store(timeout_s=5) == {"backend": "embedded", "embedded_home": "/srv/store"}


def test_a_store_the_command_could_not_open_is_a_store_error(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    monkeypatch.setenv(handshake.READY_FD_ENV, str(read))
    handshake.tell_store_ready(write, None)
    with pytest.raises(StoreError, match="could not open the graph store"):
        handshake.launcher_store(timeout_s=5)


def test_a_dashboard_not_started_by_the_command_waits_for_nothing(fresh: None) -> None:
    assert handshake.launcher_store(timeout_s=5) is None
    assert handshake.wait_for_options(["--server.port=8599"]) == ["--server.port=8599"]


def test_a_prestarted_process_takes_its_options_and_environment_from_the_pipe(
        fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    monkeypatch.setenv(handshake.OPTIONS_FD_ENV, str(read))
    # recorded by monkeypatch (absent before), so the value the pipe sets is undone after the test and
    # cannot leak into later tests' subprocesses
    monkeypatch.setenv("LAWGRAPH_BACKEND", "embedded")
    monkeypatch.delenv("LAWGRAPH_BACKEND")
    os.write(write, b'{"argv": ["--server.port=8599"], "env": {"LAWGRAPH_BACKEND": "neo4j"}}\n')
    os.close(write)
    assert handshake.wait_for_options(["--x"]) == ["--server.port=8599", "--x"]
    assert os.environ["LAWGRAPH_BACKEND"] == "neo4j"
    assert handshake.OPTIONS_FD_ENV not in os.environ  # read once


def test_a_prestarted_process_exits_quietly_when_the_command_serves_nothing(
        fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    read, write = os.pipe()
    monkeypatch.setenv(handshake.OPTIONS_FD_ENV, str(read))
    os.close(write)  # `lawgraph dashboard --help`: the command ends without sending options
    with pytest.raises(SystemExit) as stopped:
        handshake.wait_for_options([])
    assert stopped.value.code == 0
