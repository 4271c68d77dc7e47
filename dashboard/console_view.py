"""The pieces of the Cypher console: the schema at hand, example queries, running a read-only query
(writes are refused by the store with ``ReadOnlyViolation``), results as a table and a graph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from lawgraph.dashboard import state
from lawgraph.dashboard.i18n import t
from lawgraph.graph.model import LABELS, RELATIONSHIPS
from lawgraph.queries.library import CYPHER_DIR, all_queries, parse_query_file
from lawgraph.stores.base import QueryTimeout, ReadOnlyViolation, StoreError
from lawgraph.stores.query_errors import ProblemKind, QueryProblem, explain

QUERY_KEY = "cypher-query"
PARAMS_KEY = "cypher-params"
RESULT_KEY = "cypher-result"

#: hand-written examples (queries/cypher/console/*.cypher: ``// purpose:`` the title, ``// params:`` JSON values)
CONSOLE_DIR = CYPHER_DIR / "console"


def _console_query(path: Path) -> tuple[str, tuple[str, dict[str, Any]]]:
    query = parse_query_file(path)
    return query.purpose, (query.text, json.loads(query.params_doc or "{}"))


HANDWRITTEN: dict[str, tuple[str, dict[str, Any]]] = dict(
    _console_query(p) for p in sorted(CONSOLE_DIR.glob("*.cypher")) if p.stem != "default")
#: the query the console opens with
DEFAULT_QUERY = parse_query_file(CONSOLE_DIR / "default.cypher").text

#: example values for the $params of the named queries
EXAMPLE_PARAMS: dict[str, Any] = {
    "id": "ECL:38", "law": "ECL", "q": "安全", "case": "黑01", "limit": 10, "min_shared": 1,
    "framework": "tiered-liability-ladder", "facts": ["platform-knew-or-should-have-known", "no-necessary-measures"],
    "ids": ["ecl-38-1-joint"], "rules": ["ecl-38-1-joint"],
}


def examples() -> dict[str, tuple[str, dict[str, Any]]]:
    """Hand-written examples, then every named query of the library with example parameters."""
    found = dict(HANDWRITTEN)
    for query in all_queries().values():
        params = {p: EXAMPLE_PARAMS.get(p, "") for p in query.params}
        if query.name == "doctrine_links":
            params["id"] = "danger-control"
        elif query.name == "case_detail":
            params["id"] = "(2020)黑01民终4637号"
        elif query.name == "article_paragraphs":
            params["id"] = "CC:1198"
        found[f"{query.name} — {query.purpose}"] = (query.text, params)
    return found


def _load_example() -> None:
    chosen = st.session_state.get("cypher-example")
    if chosen:
        text, params = examples()[chosen]
        st.session_state[QUERY_KEY] = text
        st.session_state[PARAMS_KEY] = json.dumps(params, ensure_ascii=False)


def example_picker() -> None:
    st.selectbox(t("console.examples"), list(examples()), index=None, key="cypher-example", on_change=_load_example)


def schema_panel() -> None:
    """Labels with their properties and counts; relationship types with their ends and counts."""
    st.caption(f"{t('console.labels')}: " + " ".join(f"`{label.value}`" for label in LABELS) + "  \n"
               + f"{t('console.relationships')}: " + " ".join(f"`{rel.value}`" for rel in RELATIONSHIPS))
    counts = {r["label"]: r["n"] for r in state.rows("graph_counts")}
    rel_counts = {r["type"]: r["n"] for r in state.rows("relationship_counts")}
    with st.expander(t("console.schema"), expanded=False):
        st.markdown(f"**{t('console.labels')}** (`:Entity` + one of these)")
        st.dataframe(pd.DataFrame([{"label": s.label.value, "n": counts.get(s.label.value, 0),
                                    "properties": "id, sources, " + ", ".join(s.properties), "what": s.description}
                                   for s in LABELS.values()]), hide_index=True, width="stretch")
        st.markdown(f"**{t('console.relationships')}**")
        st.dataframe(pd.DataFrame([{"type": s.type.value, "n": rel_counts.get(s.type.value, 0),
                                    "from": "/".join(x.value for x in s.sources),
                                    "to": "/".join(x.value for x in s.targets),
                                    "properties": ", ".join(s.properties)}
                                   for s in RELATIONSHIPS.values()]), hide_index=True, width="stretch")


def parse_params(text: str) -> dict[str, Any]:
    """The parameters box as a dict.

    >>> parse_params('{"id": "ECL:38"}')
    {'id': 'ECL:38'}
    >>> parse_params("")
    {}
    >>> parse_params("[1]")
    Traceback (most recent call last):
    ValueError: not an object
    """
    value = json.loads(text) if text.strip() else {}
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


def run(query: str, params_text: str, timeout_ms: int, row_cap: int) -> dict[str, Any]:
    """Run a console query; the outcome (rows, or a message the user can act on) for the session."""
    try:
        params = parse_params(params_text)
    except ValueError as exc:
        return {"error": f"{t('console.bad_params')}: {exc}", "refused": False}
    try:
        result = state.run_console(query, params, timeout_ms, row_cap)
    except ReadOnlyViolation as exc:
        return {"error": str(exc), "refused": True}
    except QueryTimeout as exc:  # our own message (the limit and what to do), nothing to parse
        return {"error": str(exc), "refused": False}
    except StoreError as exc:  # the engine's message: read into a position, a reason and a hint
        return {"error": str(exc), "refused": False, "problem": explain(str(exc)), "query": query}
    return {"columns": result.columns, "rows": result.rows, "truncated": result.truncated,
            "elapsed_ms": result.elapsed_ms}


def problem_report(problem: QueryProblem, query: str) -> None:
    """A failed query: where, what, a hint; the engine's own text folded away for whoever wants it."""
    where = (t("console.error_at").format(line=problem.line, column=problem.column) + ": "
             if problem.line is not None else "")
    expected = ""
    if problem.expected:
        more = f" {t('console.more_expected').format(n=problem.more_expected)}" if problem.more_expected else ""
        expected = f" ({t('console.expected')}: {', '.join(problem.expected)}{more})"
    st.error(f"{t('console.error')} — {where}{problem.reason}{expected}", icon=":material/error:")
    pointer = problem.pointer(query)
    if pointer:
        st.code(pointer, language=None)
    if problem.kind is not ProblemKind.OTHER or pointer:  # no hint for a store that went away
        st.caption(t(f"console.hint.{problem.kind.value}"))
    with st.expander(t("console.engine_message")):
        st.code(problem.raw, language=None, wrap_lines=True)


def result_frame(outcome: dict[str, Any]) -> pd.DataFrame:
    def cell(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value

    return pd.DataFrame([{c: cell(row.get(c)) for c in outcome["columns"]} for row in outcome["rows"]],
                        columns=outcome["columns"])
