"""Explore: find any node, see its properties and its neighbourhood as a graph and a table; click to expand."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from lawgraph.dashboard import state, url_state
from lawgraph.dashboard.graph_view import expandable_graph, neighbourhood
from lawgraph.dashboard.i18n import t

linked = url_state.incoming("node")
if linked is not None:
    st.session_state["node"] = linked
query = st.text_input(t("explore.search"), key="node", placeholder="ECL:38 · 黑01民终4637 · 危险控制 · red flag")
url_state.publish("node", query.strip() or None)
if not query.strip():
    st.stop()
# "red flag" should find red-flag (ids and many English names are hyphenated)
variants = dict.fromkeys([query.strip(), query.strip().replace(" ", "-")])
matches = list({m["id"]: m for q in variants for m in state.rows("search_nodes", q=q)}.values())
if not matches:
    st.warning(f"{t('explore.no_match')}: {query}")
    st.stop()
ids = [m["id"] for m in matches]
labels = {m["id"]: f"{m['id']} · {m['label']} · {m['name']}" if m["name"] != m["id"] else f"{m['id']} · {m['label']}"
          for m in matches}
exact = ids.index(query.strip()) if query.strip() in ids else 0
chosen = st.selectbox(f"{t('explore.results')} ({len(ids)})", ids, index=exact, format_func=labels.__getitem__,
                      key="explore-chosen")

found = state.node(chosen) or {}
graph_col, info_col = st.columns([3, 2], gap="large")
with graph_col:
    st.subheader(t("explore.neighbourhood"))
    drawn = expandable_graph(neighbourhood(chosen), "explore-graph", highlight=[chosen])
with info_col:
    st.subheader(t("explore.properties"))
    props = {k: v for k, v in found.items() if v not in (None, "", [])}
    st.dataframe(pd.DataFrame({t("common.name"): list(props), "": [str(v) for v in props.values()]}),
                 hide_index=True, width="stretch")
    for text_key in ("text_zh", "summary_en", "holding_en"):
        if found.get(text_key):
            st.caption(text_key)
            st.markdown(str(found[text_key]))

st.subheader(t("common.table"))
table = pd.DataFrame([{t("col.rel"): e.rel, "source": e.source, "target": e.target,
                       t("common.label"): drawn.nodes[e.target if e.source == chosen else e.source].label,
                       t("common.name"): drawn.nodes[e.target if e.source == chosen else e.source].name}
                      for e in drawn.edges if e.source in drawn.nodes and e.target in drawn.nodes])
st.dataframe(table, hide_index=True, width="stretch")
