"""Debates: each contested issue, its positions, who argues what and on which doctrines; and each
framework's predictions against the courts' holdings, as a table and a chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from lawgraph.dashboard import debate_view as view
from lawgraph.dashboard import state, url_state
from lawgraph.dashboard.case_cards import vocabulary_name
from lawgraph.dashboard.i18n import name_of, relabel, t

issues = {row["id"]: row for row in state.rows("issues")}
url_state.seed("issue", "issue", issues)
relabel("issue", "debate-framework")
issue_id = st.selectbox(t("debates.issue"), list(issues), key="issue",
                        format_func=lambda i: f"{name_of(issues[i])} ({issues[i]['positions']})")
url_state.publish("issue", issue_id)
issue = issues[issue_id]
if issue.get("summary_en"):
    st.markdown(issue["summary_en"])
if issue.get("concerns"):
    st.caption(f"{t('debates.concerns')}: " + ", ".join(vocabulary_name(c) for c in issue["concerns"]))

positions = view.positions(issue_id)
st.subheader(t("debates.positions"))
passage = view.shared_passage(positions)
if passage:  # e.g. paper-003's adjudicator and auxiliary roles: two situations, not two camps
    st.info(t("debates.one_account").format(passage=passage), icon=":material/info:")
view.position_cards(positions)
who = view.who_argues(positions)
if not who.empty:
    st.markdown(f"**{t('debates.who_argues')}**")
    st.dataframe(who, width="stretch")
doctrines = view.doctrines_behind(positions)
if doctrines:
    st.markdown(f"**{t('debates.doctrines')}**")
    st.dataframe(pd.DataFrame(doctrines), hide_index=True, width="stretch")

st.divider()
st.subheader(t("debates.predictions"))
scores = view.framework_scores()
st.altair_chart(view.agreement_chart(scores), width="stretch")
frameworks = list(scores["id"])
if "tiered-liability-ladder" in frameworks:  # the papers' own proposal opens the comparison
    st.session_state.setdefault("debate-framework", "tiered-liability-ladder")
framework = st.selectbox(t("debates.framework"), frameworks, key="debate-framework", format_func=vocabulary_name)
st.dataframe(view.predictions(framework), hide_index=True, width="stretch")
