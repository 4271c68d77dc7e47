"""Neo4j 5 through the official driver: managed write transactions, read-only read transactions."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from typing import Any

from lawgraph.stores.base import META_QUERY, QueryResult, QueryTimeout, ReadOnlyViolation, ReadQuery, StoreError
from lawgraph.stores.neo4j_load import Neo4jLoader
from lawgraph.stores.read_guard import check_read
from lawgraph.stores.values import plain_value

_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/@\s'\"]+@", re.IGNORECASE)


def redact(text: str, password: str | None = None) -> str:
    """``text`` without credentials: URL userinfo dropped, the password masked (messages reach the page).

    >>> redact("cannot reach bolt://neo4j:s3cret@db:7687 (given 'bolt://neo4j:s3cret@db:7687')", "s3cret")
    "cannot reach bolt://db:7687 (given 'bolt://db:7687')"
    >>> redact("auth failed for s3cret", "s3cret")
    'auth failed for ***'
    """
    text = _USERINFO.sub(r"\1", text)
    return text.replace(password, "***") if password else text


class Neo4jStore:
    """A connection to one Neo4j database."""

    backend = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None,
                 database: str = "neo4j") -> None:
        import neo4j

        auth = (user, password) if password else None
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except Exception as exc:
            raise StoreError(redact(f"cannot reach Neo4j at {uri}: {type(exc).__name__}: {exc}", password)) from None
        self.uri = redact(uri)
        self.database = database

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None,
             row_cap: int | None = None) -> QueryResult:
        return self.read_batch([(query, params or {})], timeout_ms=timeout_ms, row_cap=row_cap)[0]

    def read_batch(self, statements: Sequence[ReadQuery], *, timeout_ms: int | None = None,
                   row_cap: int | None = None) -> list[QueryResult]:
        """The queries one after the other in one read transaction (``timeout_ms`` bounds the transaction)."""
        import neo4j
        from neo4j.exceptions import ClientError, DriverError, Neo4jError

        for query, _ in statements:
            check_read(query)  # the parse first: one clear refusal naming the clause or procedure
        started = time.perf_counter()
        timeout = timeout_ms / 1000 if timeout_ms else None

        def rows_of(tx: Any, query: str, params: Mapping[str, Any]) -> tuple[list[str], list[dict[str, Any]], bool]:
            result = tx.run(query, dict(params))
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            for record in result:
                if row_cap is not None and len(rows) >= row_cap:
                    return columns, rows, True
                rows.append({c: plain_value(record[c]) for c in columns})
            return columns, rows, False

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: Any) -> list[tuple[list[str], list[dict[str, Any]], bool]]:
            return [rows_of(tx, query, params) for query, params in statements]

        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                answers = session.execute_read(work)
        except ClientError as exc:
            code = exc.code or ""
            if "AccessMode" in code or "Forbidden" in code or "WriteOnReadOnlyAccessDbException" in code:
                raise ReadOnlyViolation("refused: Neo4j ran the query in a read-only transaction") from None
            if "TransactionTimedOut" in code or "Timeout" in code:
                raise QueryTimeout(f"the query ran past its time limit ({timeout_ms} ms)") from None
            raise StoreError(f"{code}: {exc.message}") from None
        except Neo4jError as exc:
            if "Timeout" in (exc.code or ""):
                raise QueryTimeout(f"the query ran past its time limit ({timeout_ms} ms)") from None
            raise StoreError(f"{exc.code}: {exc.message}") from None
        except DriverError as exc:  # the server went away (stopped, restarting, unreachable)
            raise StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {exc}") from None
        elapsed = (time.perf_counter() - started) * 1000
        return [QueryResult(columns, rows, truncated, elapsed) for columns, rows, truncated in answers]

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        self.write_count(query, params)

    def write_count(self, query: str, params: dict[str, Any] | None = None) -> int:
        """Run a write in a managed transaction; return column ``n`` of the first row, if any."""
        from neo4j.exceptions import DriverError, Neo4jError

        def work(tx: Any) -> int:
            record = tx.run(query, params or {}).single()
            # Record.get looks the key up (a Record is a tuple: `"n" in record` would search its values)
            value = record.get("n") if record is not None else None
            return int(value) if value is not None else 0

        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"{exc.code}: {exc.message}") from None
        except DriverError as exc:  # the server went away (stopped, restarting, unreachable)
            raise StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {exc}") from None

    def meta(self) -> dict[str, Any]:
        """The ``LoadRun`` record of the last complete load (committed with it); ``{}`` if none."""
        rows = self.read(META_QUERY).rows
        return dict(rows[0]["meta"]) if rows else {}

    def loader(self) -> Neo4jLoader:
        return Neo4jLoader(self)

    def server_version(self) -> str | None:
        """``Neo4j Kernel <version> <edition>``, from the system database."""
        with self.driver.session(database="system") as session:
            record = session.run("CALL dbms.components() YIELD name, versions, edition "
                                 "RETURN name, versions[0] AS version, edition").single()
        return f"{record['name']} {record['version']} {record['edition']}" if record else None

    def close(self) -> None:
        self.driver.close()
