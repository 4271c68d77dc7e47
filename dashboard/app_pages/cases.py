"""Cases: case cards (court, year, procedure from the case number; facts; holding; shares), what courts
hold for the platform, appeal chains, and split decisions side by side."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from lawgraph.dashboard import charts, state, url_state
from lawgraph.dashboard.case_cards import case_card, fact_badges, vocabulary_name
from lawgraph.dashboard.i18n import procedure_name, t

cases = state.rows("cases")
cards, appeals, splits = st.tabs([t("cases.tab.cards"), t("cases.tab.appeals"), t("cases.tab.splits")])

with cards:
    names = {c["case"]: f"{c['case']} · {c.get('name_zh') or ''}" for c in cases}
    left, right = st.columns([3, 2])
    url_state.seed("case", "case", names)
    chosen = left.selectbox(t("col.case"), [None, *names], key="case",
                            format_func=lambda c: "—" if c is None else names[c])
    url_state.publish("case", chosen)
    procedures = sorted({c["procedure"] for c in cases if c.get("procedure")})
    wanted = right.pills(t("cases.filter_procedure"), procedures, selection_mode="multi", key="cases-procedure",
                         format_func=procedure_name)
    platform_forms = [h["form"] for h in state.rows("case_holdings", case="") if h["party"] == "platform"]
    if platform_forms and chosen is None:
        counts = pd.Series([vocabulary_name(f) for f in platform_forms]).value_counts()
        st.caption(t("cases.platform_held"))
        st.altair_chart(charts.bars(pd.DataFrame({t("col.held"): counts.index, t("cases.count"): counts.values}),
                                    t("col.held"), t("cases.count")), width="stretch")
    shown = [c["case"] for c in cases if (chosen is None or c["case"] == chosen)
             and (not wanted or c.get("procedure") in wanted)]
    columns = st.columns(2)
    for i, case in enumerate(shown):
        with columns[i % 2]:
            case_card(case)

with appeals:
    for link in state.rows("appeal_chains"):
        earlier, arrow, later = st.columns([5, 2, 5])
        with earlier:
            case_card(link["earlier"], show_chain=False)
        arrow.markdown(f"### →\n**{link['disposition']}**")
        with later:
            case_card(link["later"], show_chain=False)
        st.divider()

with splits:
    least = st.slider(t("cases.min_shared"), 1, 4, 2, key="splits-min-shared")
    for pair in state.rows("split_decisions", min_shared=least):
        kind = t("cases.on_appeal") if pair["kind"] == "on-appeal" else t("cases.different_cases")
        held_a = ", ".join(vocabulary_name(f) for f in pair["held_a"])
        held_b = ", ".join(vocabulary_name(f) for f in pair["held_b"])
        with st.expander(f"{pair['case_a']} ({held_a}) ⟷ {pair['case_b']} ({held_b}) · {kind}", expanded=True):
            fact_badges(pair["shared_facts"], set(pair["shared_facts"]))
            a, b = st.columns(2)
            with a:
                case_card(pair["case_a"], shared=set(pair["shared_facts"]), show_chain=False)
            with b:
                case_card(pair["case_b"], shared=set(pair["shared_facts"]), show_chain=False)
