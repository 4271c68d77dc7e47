"""Secrets: none in the repository; Neo4j on loopback behind a password from .env; none echoed to a page.

* docker-compose.yml: every published port bound to 127.0.0.1; NEO4J_AUTH built from ${NEO4J_PASSWORD}
  with no default (compose refuses to start without it); the password read from ``env_file: .env``;
* .env is ignored by git and not tracked; the placeholder password of .env.example appears in no other
  file; no private key, cloud token or literal Neo4j password in any file git would commit;
* error messages (which the CLI prints and the dashboard shows) carry no password and no URL userinfo;
  the dashboard, pointed at an unreachable Neo4j with credentials, shows an error without them and
  without a traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lawgraph.stores.base import StoreError
from reliability_support import REPO, clean_env, no_traceback, run_cli

from lawgraph.settings import Settings

SECRET = "Ex4mple-Secret-" + "for-tests-9Q"  # made up here; split so that no scan below finds it as a value
COMPOSE = REPO / "docker-compose.yml"


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)


@pytest.fixture(scope="module")
def in_git() -> None:
    if shutil.which("git") is None or git("rev-parse", "--is-inside-work-tree").stdout.strip() != "true":
        pytest.skip("not a git checkout")


# ------------------------------------------------------------------------------- docker compose


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_compose_publishes_ports_on_loopback_only(compose: dict[str, Any]) -> None:
    published = [(name, str(port)) for name, service in compose["services"].items()
                 for port in service.get("ports", [])]
    assert published, "no ports published at all"
    for name, port in published:
        assert port.startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"


def test_compose_neo4j_password_comes_from_env_without_default(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    env = neo4j["environment"]
    auth = env["NEO4J_AUTH"] if isinstance(env, dict) else dict(e.split("=", 1) for e in env)["NEO4J_AUTH"]
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]*\}", auth), auth  # `:?` = required, never a default
    text = COMPOSE.read_text(encoding="utf-8")
    assert not re.search(r"\$\{NEO4J_PASSWORD:?-", text), "a default password in docker-compose.yml"
    for name, service in compose["services"].items():
        if "NEO4J_PASSWORD" in str(service.get("environment", "")):
            files = service.get("env_file")
            assert files == ".env" or (isinstance(files, list) and ".env" in files), name


def test_compose_refuses_to_start_without_a_password(tmp_path: Path) -> None:
    """`docker compose config` with no .env fails on the required password (when docker is installed)."""
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"], capture_output=True).returncode:
        pytest.skip("docker compose is not installed")
    shutil.copy(COMPOSE, tmp_path / "docker-compose.yml")
    (tmp_path / ".env").write_text("")
    result = subprocess.run(["docker", "compose", "config", "-q"], cwd=tmp_path, capture_output=True, text=True,
                            env=clean_env())
    assert result.returncode != 0 and "NEO4J_PASSWORD" in result.stderr


# ------------------------------------------------------------------------------- the repository


def test_env_file_is_ignored_and_not_committed(in_git: None) -> None:
    assert git("check-ignore", "-q", ".env").returncode == 0
    assert git("ls-files", "--", ".env", "*/.env").stdout == ""


def placeholder() -> str:
    for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.startswith("NEO4J_PASSWORD="):
            return line.split("=", 1)[1].strip()
    raise AssertionError(".env.example sets no NEO4J_PASSWORD")


def test_placeholder_password_is_only_in_env_example(in_git: None) -> None:
    value = placeholder()
    assert len(value) >= 8
    found = git("grep", "--untracked", "-l", "-I", "-F", "-e", value)
    assert found.stdout.split() == [".env.example"], found.stdout


#: things that are credentials wherever they appear (built from pieces so this file matches none of them)
CREDENTIALS = {
    "private key": "-----BEGIN " + "[A-Z ]*PRIVATE KEY-----",
    "AWS access key": "AKI" + "A[0-9A-Z]{16}",
    "GitHub token": "gh" + "[pousr]_[A-Za-z0-9]{36,}",
    "Slack token": "xo" + "x[baprs]-[A-Za-z0-9-]{10,}",
    "literal Neo4j password": "NEO4J_PASS" + r"WORD\s*[=:]\s*[\"']?[A-Za-z0-9]",
    "literal NEO4J_AUTH": "NEO4J_AU" + r"TH\s*[=:]\s*[\"']?neo4j/[^$]",
    "password in a URL": r"(bolt|neo4j)(\+s|\+ssc)?://[^/\s:@]+:[^/\s@${]+" + "@",
}


@pytest.mark.parametrize("name", CREDENTIALS)
def test_no_credentials_in_files_git_would_commit(name: str, in_git: None) -> None:
    found = git("grep", "--untracked", "-n", "-I", "-E", "-e", CREDENTIALS[name], "--", ".", ":!.env.example")
    assert found.returncode == 1 and found.stdout == "", found.stdout


# ------------------------------------------------------------------------------- messages and pages


def test_settings_never_print_the_password() -> None:
    settings = Settings.from_env({"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_PASSWORD": SECRET})
    assert SECRET not in repr(settings) and SECRET not in str(settings)
    assert SECRET not in settings.model_dump_json()
    assert settings.neo4j_password is not None and settings.neo4j_password.get_secret_value() == SECRET


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", f"bolt://neo4j:{SECRET}@127.0.0.1:1",
                                 f"neo4j://neo4j:{SECRET}@127.0.0.1:1"])
def test_connection_errors_carry_no_credentials(uri: str) -> None:
    from lawgraph.stores.neo4j_store import Neo4jStore

    with pytest.raises(StoreError) as failed:
        Neo4jStore(uri, "neo4j", SECRET)
    message = str(failed.value)
    assert "cannot reach Neo4j at" in message and "127.0.0.1:1" in message
    assert SECRET not in message and "neo4j:" + SECRET not in message


def test_cli_error_carries_no_credentials() -> None:
    result = run_cli(["cypher", "RETURN 1 AS x", "--backend", "neo4j"],
                     clean_env(NEO4J_URI=f"bolt://neo4j:{SECRET}@127.0.0.1:1", **{"NEO4J_PASSWORD": SECRET}))
    assert result.returncode == 1 and no_traceback(result)
    assert "cannot reach Neo4j" in result.stderr and SECRET not in result.stderr + result.stdout


TEXT_ELEMENTS = ("error", "warning", "info", "success", "exception", "markdown", "caption", "title", "header",
                 "subheader", "text", "code", "json", "latex")


def page_text(app: Any) -> str:
    parts: list[str] = []
    for kind in TEXT_ELEMENTS:
        for element in getattr(app, kind, []):
            for attribute in ("value", "message", "body", "stack_trace"):
                value = getattr(element, attribute, None)
                if value:
                    parts.append(str(value))
    return "\n".join(parts)


@pytest.fixture()
def dashboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The dashboard script under Streamlit's AppTest, with a clean environment and empty caches."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    for key in [k for k in __import__("os").environ if k.startswith(("LAWGRAPH_", "NEO4J_"))]:
        monkeypatch.delenv(key)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield lambda: AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=120)
    st.cache_resource.clear()
    st.cache_data.clear()


def test_dashboard_shows_no_credentials_when_neo4j_is_unreachable(dashboard: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://neo4j:{SECRET}@127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.setenv("LAWGRAPH_BACKEND", "neo4j")
    app = dashboard()
    app.run()
    text = page_text(app)
    assert [e.value for e in app.error] and "cannot reach Neo4j" in text
    assert SECRET not in text and "Traceback" not in text and not list(app.exception)


def test_dashboard_shows_no_traceback_when_the_store_cannot_be_opened(dashboard: Any, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the store's folder should be")
    monkeypatch.setenv("LAWGRAPH_HOME", str(blocker))
    app = dashboard()
    app.run()
    text = page_text(app)
    assert "cannot use" in text and "Traceback" not in text and not list(app.exception)


def test_dashboard_shows_no_traceback_for_bad_data(dashboard: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWGRAPH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LAWGRAPH_DATA_DIR", str(REPO / "tests" / "data" / "invalid" / "unknown-id"))
    app = dashboard()
    app.run()
    text = page_text(app)
    assert "unknown id 'qualification-review-fail'" in text
    assert "Traceback" not in text and not list(app.exception)


def test_dashboard_is_served_without_error_details() -> None:
    from lawgraph.dashboard.serve import options

    config = REPO / "dashboard" / ".streamlit" / "config.toml"
    in_config = config.exists() and re.search(r'showErrorDetails\s*=\s*("none"|false)', config.read_text())
    assert any(arg in ("--client.showErrorDetails=none", "--client.showErrorDetails=false")
               for arg in options(8501)) or in_config
