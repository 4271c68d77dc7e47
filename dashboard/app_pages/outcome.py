"""Fact pattern → outcome: the answer first (liability forms, rules, closest case) beside the fact picker,
then the path in layers (facts | rules | articles and doctrines | outcome), full width, and the tabs (rules,
decided cases, explanation, frameworks, duty standards)."""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import outcome_view as view
from lawgraph.dashboard import state
from lawgraph.dashboard.i18n import t

st.caption(t("outcome.intro"))
picker, results = st.columns([2, 3], gap="large")
with picker:
    facts = view.fact_picker()
    # the framework filter only once there are results to filter: a selectbox on the first page costs
    # its browser 0.4–0.6 s, loading and drawing the select widget (docs/dashboard.md, start-up time)
    framework = view.framework_picker() if facts else None
    view.fact_browser(facts)

with results:
    if not facts:
        st.info(t("outcome.pick"))
        st.stop()
    report = state.outcome_report(tuple(sorted(facts)), framework)
    with st.container():  # one element however long the answer: the graph below keeps its place (and its frame)
        view.answer(report)

include_near = st.toggle(t("outcome.near_in_graph"), key="outcome-near")
view.path_view(report, include_near)

rules, cases, why, frameworks, standards = st.tabs([
    t("outcome.tab.rules"), t("outcome.tab.cases"), t("outcome.tab.explanation"),
    t("outcome.tab.frameworks"), t("outcome.tab.standards"),
])
with rules:
    view.rules_table(report)
with cases:
    view.decided_cases(report)
with why:
    view.explanation(report)
with frameworks:
    view.frameworks_side_by_side(report)
with standards:
    view.triggered(report)
