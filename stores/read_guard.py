"""The read-only guard of the console and ``lawgraph cypher``: a statement is parsed, then checked.

A statement is lexed (strings, backtick-quoted names, comments, parameters, numbers) and split into its
clauses and the procedures it calls; each clause must be one of the read clauses below and each procedure
one of the read-only procedures below, else the statement is refused with the clause or procedure named.
The guard sits on top of the stores' own read-only execution (Neo4j read transactions, FalkorDB's
``GRAPH.RO_QUERY``), which refuse any write that got past it; the guard also stops what a read transaction
allows but the console must not: server-side file reads (``LOAD CSV``), other databases (``USE``),
server state (``SHOW SETTINGS``, ``SHOW TRANSACTIONS``, ``dbms.*``), ``TERMINATE TRANSACTIONS`` and
procedures outside the graph's schema and full-text search.

Why a lexer of its own and not a Cypher parser from PyPI: the maintained candidates are pre-1.0 with
changing APIs (graphglot) or tied to a database schema or to old grammars (cypher-guard, antlr4-cypher,
libcypher-parser-python), and none knows FalkorDB's dialect, so a full grammar would refuse valid
FalkorDB reads while adding a dependency to every read. The guard needs only clause heads and procedure
names, which a lexer finds exactly: a keyword inside a string, a backtick-quoted name, a comment, after
a ``.`` (``n.set``), a ``:`` (a label) or ``AS`` (an alias) is not a clause; a dotted procedure name is
read across comments and whitespace (``dbms /**/ . listConfig``) and backticks (```dbms`.listConfig``).
A name that follows a complete value and is not an operator must be a clause, so a clause the guard does
not know is refused as well: the lists below are allow-lists, not a list of bad words.

>>> check_read("MATCH (n) RETURN n.set LIMIT 1").clauses
['MATCH', 'RETURN', 'LIMIT']
>>> check_read("MATCH (n) WHERE n.title CONTAINS 'delete' RETURN n").clauses
['MATCH', 'WHERE', 'RETURN']
>>> check_read("CALL db.labels() YIELD label RETURN label").procedures
['db.labels']
>>> check_read("CALL dbms/**/.listConfig()")
Traceback (most recent call last):
lawgraph.stores.base.ReadOnlyViolation: refused: CALL dbms.listConfig is not a read-only procedure lawgraph allows
>>> check_read("MATCH (n:Case) CALL { WITH n DETACH DELETE n } RETURN 1")
Traceback (most recent call last):
lawgraph.stores.base.ReadOnlyViolation: refused: DETACH DELETE is not a read-only clause lawgraph allows (it writes)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawgraph.stores.base import ReadOnlyViolation

#: clauses a read may use (the first word of each; ORDER BY, OPTIONAL MATCH, UNION ALL read on)
READ_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "WHERE", "RETURN", "ORDER", "SKIP", "OFFSET",
                          "LIMIT", "UNION", "CALL", "YIELD", "SHOW", "FINISH"})
#: procedures a read may call: the graph's schema and full-text search (Neo4j, FalkorDB)
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.indexes", "db.constraints",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",  # Neo4j
    "db.meta.stats", "db.idx.fulltext.queryNodes", "db.idx.fulltext.queryRelationships",  # FalkorDB
    "db.idx.vector.queryNodes", "db.idx.vector.queryRelationships",
})
#: namespaces of functions a read may call (``date.truncate``, ``point.distance`` …); plain names are built-ins
READ_FUNCTION_NAMESPACES = frozenset({"date", "datetime", "localdatetime", "localtime", "time", "duration",
                                      "point", "vector", "vec", "string", "list"})
#: what ``SHOW`` may list: the graph's own indexes and constraints, not the server's state
SHOW_KINDS = frozenset({"ALL", "RANGE", "FULLTEXT", "TEXT", "POINT", "VECTOR", "LOOKUP", "BTREE", "UNIQUE",
                        "UNIQUENESS", "EXIST", "EXISTS", "EXISTENCE", "KEY", "NODE", "RELATIONSHIP", "REL",
                        "PROPERTY", "TYPE"})
SHOW_OBJECTS = frozenset({"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS"})
#: clauses that are refused, with why (any other clause is refused as unknown)
REFUSED_CLAUSES: dict[str, str] = {
    **dict.fromkeys(["CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "INSERT",
                     "DROP", "ALTER", "RENAME"], "it writes"),
    "LOAD": "it reads files or URLs from the server",
    "USE": "it switches to another database",
    "TERMINATE": "it stops other users' transactions",
    **dict.fromkeys(["GRANT", "DENY", "REVOKE", "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE"],
                    "it administers the server"),
    **dict.fromkeys(["EXPLAIN", "PROFILE"], "the console shows rows, not query plans"),
    "CYPHER": "it sets query options",
}
#: words that continue an expression or a clause after a value (an operator, not a new clause)
CONNECTORS = frozenset({"AND", "OR", "XOR", "NOT", "IN", "IS", "CONTAINS", "STARTS", "ENDS", "AS", "ASC",
                        "ASCENDING", "DESC", "DESCENDING", "WHEN", "THEN", "ELSE", "END", "BY", "DISTINCT",
                        "ALL", "ANY", "SHORTEST", "PATH", "PATHS", "GROUP", "GROUPS", "TYPED", "NORMALIZED",
                        "NFC", "NFD", "NFKC", "NFKD", "REPEATABLE", "DIFFERENT", "ELEMENTS", "RELATIONSHIPS"})
#: words after which a name is an operand or a clause can follow (not a value themselves)
_NOT_VALUES = (CONNECTORS - {"END"}) | {"CASE", "EXISTS", "COUNT", "COLLECT"}
#: multi-word heads, for the message: ``DETACH DELETE``, ``LOAD CSV``, ``CREATE INDEX`` …
_SECOND_WORDS = frozenset({"DELETE", "CSV", "INDEX", "CONSTRAINT", "DATABASE", "ALIAS", "USER", "ROLE",
                           "TRANSACTION", "TRANSACTIONS", "FULLTEXT", "RANGE", "TEXT", "POINT", "VECTOR",
                           "LOOKUP", "SERVER", "COMPOSITE", "OR", "CURRENT", "PRIVILEGE"})
_SCHEMA_OBJECTS = frozenset({"INDEX", "CONSTRAINT", "FULLTEXT", "RANGE", "TEXT", "POINT", "VECTOR", "LOOKUP"})
_OPEN = {"(": ")", "[": "]", "{": "}"}


@dataclass(frozen=True)
class Token:
    """One lexeme: ``kind`` is name, quoted (a backtick name), string, number, param or punct."""

    kind: str
    text: str
    offset: int

    @property
    def word(self) -> str | None:
        """The upper-cased keyword this token could be (only unquoted names are keywords)."""
        return self.text.upper() if self.kind == "name" else None


@dataclass
class Statement:
    """A statement that passed: its clauses (subqueries' included) and the procedures it calls."""

    clauses: list[str] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)


def refuse(reason: str) -> ReadOnlyViolation:
    return ReadOnlyViolation(f"refused: {reason}")


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def tokens(text: str) -> list[Token]:
    """The statement's lexemes; whitespace and comments separate them and are dropped.

    >>> [t.text for t in tokens("CALL `db`/* x */ .labels() // done")]
    ['CALL', 'db', '.', 'labels', '(', ')']
    >>> toks = tokens(r"RETURN 'it\\'s CREATE', $p, 1.5e3, `a``b`")
    >>> [t.kind for t in toks if t.kind != "punct"]
    ['name', 'string', 'param', 'number', 'quoted']
    >>> [t.text for t in toks if t.kind in ("param", "quoted")]
    ['p', 'a`b']
    >>> tokens("RETURN 'open")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    lawgraph.stores.base.ReadOnlyViolation: refused: cannot read the statement: a string opened at line 1, column 8 ...
    """
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise refuse(f"cannot read the statement: a comment opened at {_where(text, i)} is not closed")
            i = end + 2
        elif c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise refuse(f"cannot read the statement: a string opened at {_where(text, i)} is not closed")
            out.append(Token("string", text[i:j + 1], i))
            i = j + 1
        elif c == "`" or (c == "$" and text.startswith("`", i + 1)):
            start = i + (2 if c == "$" else 1)
            name, i = _backticked(text, start, i)
            out.append(Token("param" if c == "$" else "quoted", name, start - 1))
        elif c == "$":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            out.append(Token("param", text[i + 1:j], i))
            i = j
        elif c.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_" or (text[j] == "." and j + 1 < n
                                                                     and text[j + 1].isdigit())):
                j += 1
            out.append(Token("number", text[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            out.append(Token("name", text[i:j], i))
            i = j
        else:
            out.append(Token("punct", c, i))
            i += 1
    return out


def _backticked(text: str, start: int, opened: int) -> tuple[str, int]:
    """The name inside backticks from ``start`` (a doubled backtick is one backtick) and the end offset."""
    parts: list[str] = []
    j = start
    while True:
        end = text.find("`", j)
        if end < 0:
            raise refuse(f"cannot read the statement: a quoted name opened at {_where(text, opened)} is not closed")
        parts.append(text[j:end])
        if text.startswith("``", end):
            parts.append("`")
            j = end + 2
            continue
        return "".join(parts), end + 1


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.match = self._brackets()
        self.statement = Statement()

    def _brackets(self) -> dict[int, int]:
        pairs: dict[int, int] = {}
        stack: list[int] = []
        for i, tok in enumerate(self.toks):
            if tok.kind != "punct":
                continue
            if tok.text in _OPEN:
                stack.append(i)
            elif tok.text in ")]}":
                if not stack or _OPEN[self.toks[stack[-1]].text] != tok.text:
                    raise refuse(f"cannot read the statement: '{tok.text}' at {self.at(i)} closes nothing")
                pairs[stack.pop()] = i
        if stack:
            raise refuse(f"cannot read the statement: '{self.toks[stack[-1]].text}' at {self.at(stack[-1])} "
                         "is not closed")
        return pairs

    def at(self, i: int) -> str:
        return _where(self.text, self.toks[i].offset)

    def punct(self, i: int, char: str) -> bool:
        return i < len(self.toks) and self.toks[i].kind == "punct" and self.toks[i].text == char

    def word(self, i: int) -> str | None:
        return self.toks[i].word if i < len(self.toks) else None

    # -- queries: a sequence of clauses ------------------------------------------------------------
    def query(self, lo: int, hi: int, top: bool) -> None:
        if lo >= hi:
            raise refuse("the statement is empty")
        if self.toks[lo].word is None:
            raise refuse(f"a statement starts with a clause, not '{self.toks[lo].text}' ({self.at(lo)})")
        i, prev = lo, None
        while i < hi:
            tok = self.toks[i]
            if tok.kind == "punct" and tok.text in _OPEN:
                i = self.group(i, prev)
                prev = self.toks[i - 1]
                continue
            if tok.kind == "punct" and tok.text == ";":
                if top and i == hi - 1:  # one trailing semicolon closes the statement
                    break
                raise refuse(f"one statement at a time (';' at {self.at(i)})")
            if tok.kind == "name" and self._starts_clause(i, prev, at_start=i == lo):
                i = self.clause(i, hi)
                prev = self.toks[i - 1]
                continue
            i = self.name_chain(i, prev) if tok.kind in ("name", "quoted") else i + 1
            prev = self.toks[i - 1]

    def _starts_clause(self, i: int, prev: Token | None, at_start: bool) -> bool:
        word = self.toks[i].word or ""
        if at_start:
            return True
        if prev is not None and prev.kind == "punct" and prev.text in ".:|&!%":
            return False  # a property (n.set), a label or type (n:Set), a label expression
        prev_word = prev.word if prev is not None else None
        if prev_word == "AS":
            return False  # an alias
        if word == "WITH" and prev_word in ("STARTS", "ENDS"):
            return False  # the operator STARTS WITH / ENDS WITH
        if word in READ_CLAUSES or word in REFUSED_CLAUSES:
            return True
        return _is_value(prev) and word not in CONNECTORS  # a word after a value: a clause we do not know

    def clause(self, i: int, hi: int) -> int:
        """Check the clause whose head is at ``i``; return where its body starts."""
        word = self.toks[i].word or ""
        if word in REFUSED_CLAUSES:
            second = self.word(i + 1)
            head = f"{self.toks[i].text.upper()} {second}" if second in _SECOND_WORDS else word
            why = "it changes the schema" if second in _SCHEMA_OBJECTS else REFUSED_CLAUSES[word]
            raise refuse(f"{head} is not a read-only clause lawgraph allows ({why})")
        if word not in READ_CLAUSES:
            raise refuse(f"{self.toks[i].text} ({self.at(i)}) is not a read-only clause lawgraph allows")
        if word == "SHOW":
            return self.show(i, hi)
        head, j = word, i + 1
        if word in ("OPTIONAL", "ORDER") and self.word(j) in ("MATCH", "BY"):
            head, j = f"{word} {self.word(j)}", j + 1
        self.statement.clauses.append(head)
        if word == "CALL":
            return self.call(j, hi)
        return j

    def show(self, i: int, hi: int) -> int:
        j = i + 1
        while j < hi and self.word(j) in SHOW_KINDS:
            j += 1
        if j < hi and self.word(j) in SHOW_OBJECTS:
            self.statement.clauses.append(f"SHOW {self.word(j)}")
            return j + 1
        what = " ".join(t.text.upper() for t in self.toks[i:min(j + 1, hi)])
        raise refuse(f"{what} is not a read-only clause lawgraph allows (it shows the server's state; "
                     "SHOW may list only indexes and constraints)")

    def call(self, j: int, hi: int) -> int:
        if self.punct(j, "("):  # CALL (x, y) { … }: a subquery importing variables
            close = self.match[j]
            if not self.punct(close + 1, "{"):
                raise refuse(f"CALL at {self.at(j)} is neither a procedure nor a subquery")
            self.expression(j + 1, close)
            j = close + 1
        if self.punct(j, "{"):
            self.query(j + 1, self.match[j], top=False)
            return self.match[j] + 1
        parts, k = self.dotted(j, hi)
        if not parts:
            raise refuse(f"CALL at {self.at(j - 1)} names no procedure")
        name = ".".join(parts)
        if name not in READ_PROCEDURES:
            raise refuse(f"CALL {name} is not a read-only procedure lawgraph allows")
        self.statement.procedures.append(name)
        return k

    def dotted(self, j: int, hi: int) -> tuple[list[str], int]:
        """The parts of a dotted name from ``j`` (names or backtick names) and where it ends."""
        parts: list[str] = []
        while j < hi and self.toks[j].kind in ("name", "quoted"):
            parts.append(self.toks[j].text)
            if not (self.punct(j + 1, ".") and j + 2 < hi and self.toks[j + 2].kind in ("name", "quoted")):
                return parts, j + 1
            j += 2
        return parts, j

    def name_chain(self, i: int, prev: Token | None) -> int:
        """Skip a name or a dotted chain; a namespaced function call must be in an allowed namespace."""
        if prev is not None and prev.kind == "punct" and prev.text == ".":
            return i + 1  # a property of a value
        parts, k = self.dotted(i, len(self.toks))
        if len(parts) > 1 and self.punct(k, "(") and parts[0].lower() not in READ_FUNCTION_NAMESPACES:
            raise refuse(f"{'.'.join(parts)}() is not a function lawgraph allows")
        return k if len(parts) > 1 and self.punct(k, "(") else i + 1

    # -- brackets -----------------------------------------------------------------------------------
    def group(self, i: int, prev: Token | None) -> int:
        """Check the bracketed group opening at ``i``; return the index after it."""
        close = self.match[i]
        if self.toks[i].text == "{" and self._is_subquery(i, close, prev):
            self.query(i + 1, close, top=False)
        else:
            self.expression(i + 1, close)
        return close + 1

    def _is_subquery(self, i: int, close: int, prev: Token | None) -> bool:
        if prev is not None and prev.word in ("EXISTS", "COUNT", "COLLECT", "CALL"):
            inner = self.toks[i + 1] if i + 1 < close else None
            return inner is not None and inner.word is not None and not self.punct(i + 2, ":")
        first = self.toks[i + 1] if i + 1 < close else None
        return (first is not None and first.kind == "name" and not self.punct(i + 2, ":")
                and (first.word in READ_CLAUSES or first.word in REFUSED_CLAUSES))

    def expression(self, lo: int, hi: int) -> None:
        """Inside brackets: only values, patterns and nested groups (subqueries are parsed as queries)."""
        i, prev = lo, None
        while i < hi:
            tok = self.toks[i]
            if tok.kind == "punct" and tok.text in _OPEN:
                i = self.group(i, prev)
            elif tok.kind in ("name", "quoted"):
                i = self.name_chain(i, prev)
            else:
                if tok.kind == "punct" and tok.text == ";":
                    raise refuse(f"one statement at a time (';' at {self.at(i)})")
                i += 1
            prev = self.toks[i - 1]


def _is_value(tok: Token | None) -> bool:
    """Whether ``tok`` ends a value (so a name after it must be an operator or a clause)."""
    if tok is None:
        return False
    if tok.kind in ("string", "number", "param", "quoted"):
        return True
    if tok.kind == "punct":
        return tok.text in ")]}*"
    return tok.word not in _NOT_VALUES and tok.word not in READ_CLAUSES and tok.word not in REFUSED_CLAUSES


def check_read(query: str) -> Statement:
    """Parse ``query`` and refuse it (:class:`ReadOnlyViolation`, the clause or procedure named) unless it reads.

    >>> check_read("MATCH (n) RETURN n.name AS create, {set: 1} AS m, $delete AS p").clauses
    ['MATCH', 'RETURN']
    >>> check_read("MATCH (n) WHERE n.t STARTS WITH 'x' AND n:Set RETURN n ORDER BY n.id DESC").clauses
    ['MATCH', 'WHERE', 'RETURN', 'ORDER BY']
    >>> check_read("MATCH (a) RETURN a UNION ALL MATCH (a) RETURN a").clauses
    ['MATCH', 'RETURN', 'UNION', 'MATCH', 'RETURN']
    >>> check_read("SHOW INDEXES YIELD name RETURN name").clauses
    ['SHOW INDEXES', 'YIELD', 'RETURN']
    >>> check_read("SHOW SETTINGS")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    lawgraph.stores.base.ReadOnlyViolation: refused: SHOW SETTINGS is not a read-only clause lawgraph allows ...)
    >>> check_read("CALL `dbms`.listConfig()")
    Traceback (most recent call last):
    lawgraph.stores.base.ReadOnlyViolation: refused: CALL dbms.listConfig is not a read-only procedure lawgraph allows
    >>> check_read("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m")
    Traceback (most recent call last):
    lawgraph.stores.base.ReadOnlyViolation: refused: one statement at a time (';' at line 1, column 19)
    >>> check_read("MATCH (n) FROBNICATE n")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    lawgraph.stores.base.ReadOnlyViolation: refused: FROBNICATE (line 1, column 11) is not a read-only clause ...
    """
    parser = _Parser(query)
    parser.query(0, len(parser.toks), top=True)
    return parser.statement
