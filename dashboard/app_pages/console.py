"""Cypher console: read-only queries with the schema at hand, a time limit and a row cap; results as a
table and a graph. Writes are refused with the store's message."""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import console_view as view
from lawgraph.dashboard import state
from lawgraph.dashboard.graph_view import expandable_graph, graph_from_results
from lawgraph.dashboard.i18n import t

config = state.settings()
view.schema_panel()
view.example_picker()
st.session_state.setdefault(view.QUERY_KEY, view.DEFAULT_QUERY)
st.session_state.setdefault(view.PARAMS_KEY, "{}")

with st.form("cypher-form"):
    query = st.text_area(t("console.query"), key=view.QUERY_KEY, height=140)
    params_col, timeout_col, cap_col = st.columns([3, 1, 1])
    params = params_col.text_input(t("console.params"), key=view.PARAMS_KEY)
    timeout_ms = timeout_col.number_input(t("console.timeout"), 100, 60_000, min(config.query_timeout_ms, 60_000),
                                          step=500, key="cypher-timeout")
    row_cap = cap_col.number_input(t("console.row_cap"), 1, config.row_cap, config.row_cap, step=50,
                                   key="cypher-row-cap")
    if st.form_submit_button(t("console.run"), type="primary", icon=":material/play_arrow:"):
        st.session_state[view.RESULT_KEY] = view.run(query, params, int(timeout_ms), int(row_cap))

outcome = st.session_state.get(view.RESULT_KEY)
if outcome is None:
    st.stop()
if "error" in outcome:
    # a refusal reads "refused: …": shown once, in the page's language ("Refused: …", "已拒绝: …")
    refused = outcome["error"].removeprefix("refused: ")
    if outcome.get("problem") is not None:
        view.problem_report(outcome["problem"], outcome["query"])
    else:
        st.error(f"{t('console.refused')}: {refused}" if outcome["refused"] else outcome["error"])
    st.stop()

st.caption(f"{len(outcome['rows'])} {t('console.rows')} · {outcome['elapsed_ms']:.0f} ms"
           + (f" · {t('console.truncated')}" if outcome["truncated"] else ""))
if outcome["truncated"]:
    st.warning(t("app.truncated").format(n=f"{len(outcome['rows']):,}"), icon=":material/content_cut:")
st.dataframe(view.result_frame(outcome), hide_index=True, width="stretch")
model = graph_from_results(outcome["rows"])
if model.nodes:
    st.subheader(t("common.graph"))
    expandable_graph(model, "console-graph")
else:
    st.caption(t("console.no_graph"))
