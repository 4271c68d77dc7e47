"""Fact pattern → outcome: the rules that apply and nearly apply, their paths, the decided cases, why."""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import outcome_view as view
from lawgraph.dashboard import state
from lawgraph.dashboard.case_cards import case_card
from lawgraph.dashboard.graph_view import expandable_graph  # st-link-analysis itself only when a graph is drawn
from lawgraph.dashboard.i18n import t

st.caption(t("outcome.intro"))
picker, results = st.columns([2, 3], gap="large")
with picker:
    facts = view.fact_picker()

with results:
    if not facts:
        st.info(t("outcome.pick"))
        st.stop()
    # the framework filter only once there are results to filter: a selectbox on the first page costs
    # its browser 0.4–0.6 s, loading and drawing the select widget (docs/dashboard.md, start-up time)
    framework = view.framework_picker()
    report = state.outcome_report(tuple(sorted(facts)), framework)
    view.headline(report)
    include_near = st.toggle(t("outcome.near_in_graph"), key="outcome-near")
    expandable_graph(view.path_model(report, include_near), "outcome-graph", highlight=report.facts, height=520)

rules, cases, why, frameworks, standards = st.tabs([
    t("outcome.tab.rules"), t("outcome.tab.cases"), t("outcome.tab.explanation"),
    t("outcome.tab.frameworks"), t("outcome.tab.standards"),
])
with rules:
    view.rules_table(report)
with cases:
    for match in report.cases:
        case_card(match.case, shared=set(match.matched_facts))
with why:
    view.explanation(report)
with frameworks:
    view.frameworks_side_by_side(report)
with standards:
    view.triggered(report)
