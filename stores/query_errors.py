"""A query error in a reader's terms: where (line, column), what kind of mistake, what was expected.

Both engines report a Cypher mistake in their own format, and both formats are hard to read:

* FalkorDB: ``errMsg: Invalid input at end of input: expected NOT, '+', … line: 1, column: 11, offset: 10
  errCtx: RETURN 1 + errCtxOffset: 10``;
* Neo4j 5: ``Neo.ClientError.Statement.SyntaxError: Invalid input 'RETRUN': expected … (line 1, column 11
  (offset: 10))`` followed by the query line and a caret.

:func:`explain` reads either (or any message naming a line and column) into a :class:`QueryProblem`; the
console shows its position, the query line with a caret under the column and a hint for its ``kind``, and
keeps the engine's own text for whoever wants it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lawgraph.stores.base import QueryResult, QueryTimeout, ReadOnlyViolation, Store, StoreError

#: how many of the tokens an engine says it expected are named (FalkorDB lists up to thirty)
EXPECTED_SHOWN = 6

_NEO4J_CODE = re.compile(r"^Neo\.\w+\.\w+\.\w+:\s*")
_FALKOR = re.compile(r"^errMsg:\s*(?P<msg>.*?)\s+line:\s*(?P<line>\d+),\s*column:\s*(?P<column>\d+),\s*offset:\s*\d+"
                     r"\s+errCtx:.*?errCtxOffset:\s*\d+\s*$", re.DOTALL)
_NEO4J_POSITION = re.compile(r"\s*\(line (?P<line>\d+), column (?P<column>\d+) \(offset: \d+\)\)")
_ANY_POSITION = re.compile(r"line[:\s]+(?P<line>\d+),?\s*column[:\s]+(?P<column>\d+)")
_UNEXPECTED = re.compile(r"^Invalid input '(?P<token>[^']*)'")
_UNDEFINED = re.compile(r"^(?:Variable `(?P<neo>[^`]+)`|'(?P<falkor>[^']+)') not defined")
_UNKNOWN_FUNCTION = re.compile(r"(?:Unknown function '(?P<neo>[^']+)'|Unknown function '?(?P<falkor>[\w.]+)'?)")


class QueryRejected(StoreError):
    """The engine rejected a query as written (a syntax error, an unknown name): bad input, exit 2."""

    exit_code = 2


class ProblemKind(StrEnum):
    """What kind of mistake it is (a hint for each is the reader's language's business)."""

    ENDS_EARLY = "ends-early"
    UNEXPECTED = "unexpected"
    UNDEFINED = "undefined"
    UNKNOWN_FUNCTION = "unknown-function"
    OTHER = "other"


@dataclass(frozen=True)
class QueryProblem:
    kind: ProblemKind
    reason: str  # short, engine-neutral: "unexpected 'RETRUN'", "the query ends too early"
    line: int | None
    column: int | None
    expected: tuple[str, ...]  # the first tokens the engine expected, if it said
    more_expected: int  # how many more it named
    raw: str  # the engine's message as it came

    def pointer(self, query: str) -> str | None:
        """The query's line at fault with a caret under the column (None without a position).

        >>> explain("errMsg: Invalid input 'X': expected RETURN line: 1, column: 11, offset: 10 errCtx: "
        ...         "MATCH (n) X errCtxOffset: 10").pointer("MATCH (n) X")
        'MATCH (n) X\\n          ^'
        """
        if self.line is None or self.column is None:
            return None
        lines = query.splitlines() or [""]
        if not 1 <= self.line <= len(lines):
            return None
        text = lines[self.line - 1]
        return f"{text}\n{' ' * min(self.column - 1, len(text))}^"


    @property
    def is_the_query(self) -> bool:
        """Whether the query itself is at fault (a position or a known kind), not the store."""
        return self.kind is not ProblemKind.OTHER or self.line is not None

    def describe(self, query: str) -> str:
        """One English message: position, reason, expected tokens, and the line with a caret.

        >>> print(explain("errMsg: Invalid input 'X': expected RETURN line: 1, column: 11, offset: 10 errCtx: "
        ...               "MATCH (n) X errCtxOffset: 10").describe("MATCH (n) X"))
        line 1, column 11: unexpected 'X' (expected: RETURN)
          MATCH (n) X
                    ^
        """
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        more = f" and {self.more_expected} more" if self.more_expected else ""
        expected = f" (expected: {', '.join(self.expected)}{more})" if self.expected else ""
        pointer = self.pointer(query)
        caret = "".join(f"\n  {line}" for line in pointer.splitlines()) if pointer else ""
        return f"{where}{self.reason}{expected}{caret}"


def checked_read(store: Store, query: str, params: dict[str, Any] | None, *, timeout_ms: int,
                 row_cap: int) -> QueryResult:
    """A user's query (the console, ``lawgraph cypher``, the MCP ``cypher`` tool) through the store's guarded
    read: a write is refused (:class:`ReadOnlyViolation`), and a query the engine rejects as written is a
    :class:`QueryRejected` naming line, column and reason, not the engine's raw text."""
    try:
        return store.read(query, params, timeout_ms=timeout_ms, row_cap=row_cap)
    except (ReadOnlyViolation, QueryTimeout):
        raise
    except StoreError as exc:  # the engine's own message ("errMsg … errCtxOffset"): position, reason, caret
        problem = explain(str(exc))
        if not problem.is_the_query:
            raise
        raise QueryRejected(problem.describe(query)) from None


def explain(message: str) -> QueryProblem:
    """The engine's message about a failed query as a :class:`QueryProblem`.

    >>> p = explain("errMsg: Invalid input at end of input: expected NOT, '+', '-', TRUE, FALSE, NULL, "
    ...             "a float line: 1, column: 11, offset: 10 errCtx: RETURN 1 + errCtxOffset: 10")
    >>> p.kind.value, p.reason, p.line, p.column, p.expected, p.more_expected
    ('ends-early', 'the query ends too early', 1, 11, ('NOT', "'+'", "'-'", 'TRUE', 'FALSE', 'NULL'), 1)
    >>> p = explain("Neo.ClientError.Statement.SyntaxError: Invalid input 'RETRUN': expected 'CALL', 'MATCH' or "
    ...             "'RETURN' (line 1, column 11 (offset: 10))\\n\\"MATCH (n) RETRUN n\\"\\n           ^")
    >>> p.kind.value, p.reason, p.line, p.column, p.expected
    ('unexpected', "unexpected 'RETRUN'", 1, 11, ("'CALL'", "'MATCH'", "'RETURN'"))
    >>> explain("'m' not defined").reason
    "variable 'm' is not defined"
    >>> explain("the store went away").kind.value
    'other'
    """
    text = _NEO4J_CODE.sub("", message.strip())
    line = column = None
    falkor = _FALKOR.match(text)
    if falkor:
        text, line, column = falkor["msg"], int(falkor["line"]), int(falkor["column"])
    else:
        neo = _NEO4J_POSITION.search(text)
        if neo:
            line, column = int(neo["line"]), int(neo["column"])
            text = text[:neo.start()]  # the query echo and caret after it are the engine's; we draw our own
        else:
            anywhere = _ANY_POSITION.search(text)
            if anywhere:
                line, column = int(anywhere["line"]), int(anywhere["column"])
    head, _, expected_text = text.partition(": expected")
    head = " ".join(head.split())
    expected = _tokens(expected_text)
    kind, reason = _kind_and_reason(head)
    return QueryProblem(kind, reason, line, column, tuple(expected[:EXPECTED_SHOWN]),
                        max(0, len(expected) - EXPECTED_SHOWN), message)


def _kind_and_reason(head: str) -> tuple[ProblemKind, str]:
    if "at end of input" in head or head.startswith("Invalid input ''"):
        return ProblemKind.ENDS_EARLY, "the query ends too early"
    unexpected = _UNEXPECTED.match(head)
    if unexpected:
        return ProblemKind.UNEXPECTED, f"unexpected '{unexpected['token']}'"
    undefined = _UNDEFINED.match(head)
    if undefined:
        return ProblemKind.UNDEFINED, f"variable '{undefined['neo'] or undefined['falkor']}' is not defined"
    unknown = _UNKNOWN_FUNCTION.search(head)
    if unknown:
        return ProblemKind.UNKNOWN_FUNCTION, f"unknown function '{unknown['neo'] or unknown['falkor']}'"
    return ProblemKind.OTHER, head


def _tokens(expected_text: str) -> list[str]:
    """``" NOT, '+', a float or an identifier"`` → ``['NOT', "'+'", 'a float', 'an identifier']``
    (Neo4j lists one token a line, FalkorDB comma-separated, either may end with ``or``)."""
    cleaned = " ".join(expected_text.split())
    if not cleaned:
        return []
    parts = re.split(r",\s*|\s+or\s+|\s(?=\"|')", cleaned)
    return [p.strip() for p in parts if p.strip()]
