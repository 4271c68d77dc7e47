"""Teach: a fact pattern from a real case; the student picks a liability form and an article, then sees
the graph's paths and the court's answer; a printable case brief."""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import outcome_view, state
from lawgraph.dashboard import teach_view as view
from lawgraph.dashboard.case_cards import case_card, vocabulary_name
from lawgraph.dashboard.graph_view import expandable_graph
from lawgraph.dashboard.i18n import relabel, t

st.caption(t("teach.intro"))
exercises = view.exercises()
relabel("exercise")
number = st.selectbox(t("teach.exercise"), range(len(exercises)), key="exercise",
                      format_func=lambda i: f"{t('teach.exercise')} {i + 1} · {len(exercises[i].facts)} "
                                            f"{t('col.facts')}")
exercise = exercises[number]
report = state.outcome_report(exercise.facts)

st.subheader(t("teach.facts"))
for fact in exercise.facts:
    st.markdown(f"- {vocabulary_name(fact)}")

answer_key = f"teach-answer:{exercise.case}"
with st.form(f"teach-form-{number}"):
    forms = view.liability_form_options()
    form = st.radio(t("teach.your_form"), forms, format_func=vocabulary_name, horizontal=True, index=None,
                    key=f"teach-form:{number}")
    article = st.selectbox(t("teach.your_article"), view.article_options(exercise, report), index=None,
                           key=f"teach-article:{number}")
    if st.form_submit_button(t("teach.submit"), type="primary"):
        if form is None:
            st.warning(t("teach.choose"))
        else:
            st.session_state[answer_key] = (form, article)

if answer_key not in st.session_state:
    st.stop()

form, article = st.session_state[answer_key]
court = ", ".join(vocabulary_name(f) for f in exercise.platform_held)
if form in exercise.platform_held:
    st.success(f"{t('teach.correct')}: {court}")
else:
    st.error(f"{t('teach.wrong')}: {court}")
grounds = view.grounding_articles(report)
if article and view.article_supported(article, report):
    st.info(t("teach.article_ok"))
else:
    st.info(f"{t('teach.article_other')}: {', '.join(grounds) or t('common.none')}")

answer, paths = st.columns(2, gap="large")
with answer:
    st.subheader(t("teach.court_answer"))
    case_card(exercise.case)
with paths:
    st.subheader(t("teach.paths"))
    outcome_view.rules_table(report)
    expandable_graph(outcome_view.path_model(report, include_near=False), "teach-graph", highlight=report.facts,
                     height=380)
st.download_button(t("teach.brief"), view.brief(exercise, report), file_name=f"brief-{number + 1}.md",
                   mime="text/markdown", icon=":material/download:")
