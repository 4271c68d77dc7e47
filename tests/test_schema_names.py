"""Labels, relationship types and vocabulary values are spelled only where the schema allows.

The schema source (graph/schema/lawgraph.yaml), the files generated from it, ``data/``, the query files
(``queries/cypher``, ``queries/sparql``) and the tests may spell them; the Python source takes them from
the generated module (:mod:`lawgraph.graph.schema_data`, re-exported by :mod:`lawgraph.graph.model`).
String literals are found with :mod:`ast` (docstrings excluded): a literal that *is* such a name, or
Cypher text inside a literal that names a label (``(n:Fact)``, ``[:REQUIRES]``, ``|YIELDS``). Display text
is not a name: the English half of an (English, 中文) pair (``("Court", "法院")``) is skipped.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from lawgraph.graph import schema_data

REPO = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("lawgraph", "graph", "ingest", "stores", "queries", "dashboard", "benchmarks")
GENERATED = {"graph/schema_data.py"}
LABELS = {label.value for label in schema_data.Label} | {schema_data.BASE_LABEL}
RELTYPES = {rel.value for rel in schema_data.RelType}
#: a vocabulary value that is also a property name (``law``, ``procedure``) or a data folder (``knowledge``)
#: cannot be told apart from those by its spelling, so it is not looked for
AMBIGUOUS = set(schema_data.PROPERTY_RANGES) | {p.name for p in (REPO / "data").iterdir()}
VOCABULARY = {v for values in schema_data.VOCABULARIES.values() for v in values} - AMBIGUOUS
NAMES = LABELS | RELTYPES | VOCABULARY
CYPHER_NAME = re.compile(r"[(\[]\w*:`?([A-Z]\w*)|\|:?`?([A-Z]\w*)")

#: literals still spelled in modules that other work is rewriting at the same time (issue 17: outcomes, loaders);
#: each must still be present (so the list only shrinks) — replace them by schema_data names there
PENDING: dict[str, set[str]] = {
    "dashboard/outcome_view.py": {"duty-performance"},
}


CJK = re.compile(r"[\u4e00-\u9fff]")


def _display_text(tree: ast.AST) -> set[int]:
    """Literals that are the English half of an (English, 中文) translation pair."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            english, chinese = node.elts
            if (isinstance(english, ast.Constant) and isinstance(chinese, ast.Constant)
                    and isinstance(chinese.value, str) and CJK.search(chinese.value)):
                found.add(id(english))
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def names_in(text: str) -> set[str]:
    """The schema names a string literal spells.

    >>> sorted(names_in("MATCH (r:Rule)-[:YIELDS|PROVIDES]->(x) RETURN r"))
    ['PROVIDES', 'Rule', 'YIELDS']
    >>> names_in("Fact"), names_in("a Fact: one element"), names_in("supports")
    ({'Fact'}, set(), {'supports'})
    """
    found = {text} & NAMES
    for match in CYPHER_NAME.finditer(text):
        found |= {g for g in match.groups() if g} & (LABELS | RELTYPES)
    return found


def spelled_names() -> Iterator[tuple[str, int, str]]:
    """(file, line, name) for every schema name spelled in a string literal of the source tree."""
    for folder in SOURCE_DIRS:
        for path in sorted((REPO / folder).rglob("*.py")):
            rel = path.relative_to(REPO).as_posix()
            if rel in GENERATED:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), rel)
            skipped = _docstrings(tree) | _display_text(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
                    for name in sorted(names_in(node.value)):
                        yield rel, node.lineno, name


def test_the_walk_finds_what_it_looks_for() -> None:
    assert {"Fact", "REQUIRES", "Entity", "product-risk", "supports"} <= NAMES
    assert "law" not in NAMES and "knowledge" not in NAMES  # property / folder names


def test_schema_names_are_spelled_only_in_the_schema_and_its_outputs() -> None:
    offenders: list[str] = []
    pending_seen: dict[str, set[str]] = {}
    for rel, line, name in spelled_names():
        if name in PENDING.get(rel, set()):
            pending_seen.setdefault(rel, set()).add(name)
            continue
        offenders.append(f"{rel}:{line}: {name!r}")
    assert not offenders, ("schema names spelled outside the schema (use lawgraph.graph.schema_data):\n"
                           + "\n".join(offenders))
    gone = {rel: names - pending_seen.get(rel, set()) for rel, names in PENDING.items()}
    assert not any(gone.values()), f"no longer spelled, drop from PENDING: {gone}"
