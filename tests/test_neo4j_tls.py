"""A Neo4j with authentication and Bolt TLS required: lawgraph loads and reads it through its settings.

The local server (stores/neo4j_local.py) is started with a password generated here and a self-signed
certificate made here; lawgraph connects with ``bolt+ssc://`` and NEO4J_USER/NEO4J_PASSWORD through
``Settings.from_env`` -- the same path as a production server (see docs/scale.md). Plain-text Bolt and a
wrong password are refused, and the messages carry no credentials. Neo4j Community has no role-based
access control, so "a user with only the privileges the load needs" cannot be made here: the last test
records what Community answers.
"""

from __future__ import annotations

import datetime
import ipaddress
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import _unavailable
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcomes import outcomes
from lawgraph.stores.base import StoreError
from lawgraph.stores.embedded import EmbeddedStore
from lawgraph.stores.neo4j_store import Neo4jStore
from test_conformance import FACTS, PARAMS, WHOLE_GRAPH, normalise

from lawgraph.connect import load_store, open_store
from lawgraph.settings import Settings

pytestmark = pytest.mark.neo4j


def write_self_signed(directory: Path) -> None:
    """``directory/private.key`` and ``directory/public.crt``: a self-signed cert for 127.0.0.1/localhost."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "private.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (directory / "public.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    """A local Neo4j with auth and TLS on, and its (generated, never stored) password."""
    try:
        from lawgraph.stores import neo4j_local
    except ImportError as exc:  # pragma: no cover
        _unavailable(f"stores.neo4j_local cannot be imported: {exc}")
        return
    root = tmp_path_factory.mktemp("neo4j-tls")
    write_self_signed(root / "certificates")
    password = secrets.token_urlsafe(18)
    try:
        server = neo4j_local.start(root / "home", password=password, tls_dir=root / "certificates")
    except neo4j_local.LocalNeo4jError as exc:
        _unavailable(f"the local server did not start: {exc}")  # a failure in CI, as in conftest
        return
    try:
        yield server, password
    finally:
        server.stop()


def settings_for(uri: str, password: str, home: Path) -> Settings:
    return Settings.from_env({"NEO4J_URI": uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password,
                              "LAWGRAPH_HOME": str(home)})


def test_tls_uri_and_auth(secured: tuple[Any, str]) -> None:
    server, password = secured
    assert server.uri.startswith("bolt+ssc://127.0.0.1:")
    assert server.auth == ("neo4j", password)


def test_load_and_read_over_tls_with_password(secured: tuple[Any, str], embedded_store: EmbeddedStore,
                                              tmp_path: Path) -> None:
    """`lawgraph load`'s path over bolt+ssc:// with the password; the reads equal the embedded store's."""
    server, password = secured
    settings = settings_for(server.uri, password, tmp_path)
    assert settings.default_backend == "neo4j"
    stats = load_store(settings, quiet=True)
    assert stats is not None
    store = open_store(settings)
    try:
        for what, query in sorted(WHOLE_GRAPH.items()):
            assert store.read(query).rows == embedded_store.read(query).rows, what
        neo, embedded = QueryLibrary(store), QueryLibrary(embedded_store)  # type: ignore[arg-type]
        for name, params in sorted(PARAMS.items()):
            expected = embedded.run(name, **params)
            assert expected, f"{name} returned no rows: the comparison would prove nothing"
            assert normalise(neo.run(name, **params)) == normalise(expected), name
        assert normalise(outcomes(neo, FACTS).to_dict()) == normalise(outcomes(embedded, FACTS).to_dict())
    finally:
        store.close()  # type: ignore[attr-defined]


def test_plain_bolt_is_refused(secured: tuple[Any, str]) -> None:
    server, password = secured
    with pytest.raises(StoreError) as caught:
        Neo4jStore(f"bolt://127.0.0.1:{server.port}", "neo4j", password)
    message = str(caught.value)
    assert message.startswith(f"cannot reach Neo4j at bolt://127.0.0.1:{server.port}")
    assert password not in message


def test_wrong_password_is_refused(secured: tuple[Any, str]) -> None:
    server, password = secured
    wrong = secrets.token_urlsafe(18)
    with pytest.raises(StoreError) as caught:
        Neo4jStore(server.uri, "neo4j", wrong)
    message = str(caught.value)
    assert "AuthError" in message or "authentication" in message.lower()
    assert wrong not in message and password not in message


def test_community_has_no_role_based_access_control(secured: tuple[Any, str]) -> None:
    """Users exist in Community, roles and privileges (GRANT, CREATE ROLE) are Enterprise-only."""
    import neo4j
    from neo4j.exceptions import ClientError

    server, _ = secured
    with neo4j.GraphDatabase.driver(server.uri, auth=server.auth) as driver:
        edition = driver.execute_query("CALL dbms.components() YIELD edition RETURN edition",
                                       database_="system").records[0]["edition"]
        assert edition == "community"
        for command in ("CREATE ROLE loader", "GRANT WRITE ON GRAPH neo4j TO loader"):
            with pytest.raises(ClientError) as caught:
                driver.execute_query(command, database_="system")
            assert "Unsupported administration command" in str(caught.value) or \
                "not available in this edition" in str(caught.value), str(caught.value)
