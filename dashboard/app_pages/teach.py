"""Teach: one question per exercise, within one field of law; the student answers, then sees the graph's
prediction beside the court's (or the paper's) answer, and where they part, why — with sources."""

from __future__ import annotations

import streamlit as st
from lawgraph.dashboard import outcome_view, state
from lawgraph.dashboard import teach_view as view
from lawgraph.dashboard.case_cards import case_card, vocabulary_name
from lawgraph.dashboard.graph_view import expandable_graph
from lawgraph.dashboard.i18n import ASKS, DIFFERENCES, DOMAINS, current_language, name_of, pick, relabel, t

lang = current_language()
colon, stop = ("：", "。") if lang == "zh" else (": ", ".")
st.caption(t("teach.intro"))
exercises = view.exercises()
relabel("exercise")


def _title(i: int) -> str:
    e = exercises[i]
    # the language is bound here, not read when called: AppTest calls format_func outside a script run
    return (f"{t('teach.exercise', lang)} {i + 1} · {pick(DOMAINS[e.domain], e.domain, lang)} · "
            f"{pick(ASKS[e.asks], e.asks, lang)} · {e.case or t('teach.hypothetical', lang)}")


number = st.selectbox(t("teach.exercise"), range(len(exercises)), key="exercise", format_func=_title)
exercise = exercises[number]
lesson = view.lesson(exercise)
vocabulary = state.vocabulary()
names = ", ".join

st.subheader(t("teach.question"))
st.markdown(exercise.question_zh if lang == "zh" else exercise.question_en)
st.caption(f"{t('teach.under')}{colon}{names(vocabulary_name(f) for f in exercise.frameworks)}")

st.subheader(t("teach.facts"))
for fact in lesson.recorded:
    st.markdown(f"- {vocabulary_name(fact)}")
for stated in exercise.stated_facts:
    note = stated.note_zh if lang == "zh" else stated.note_en
    st.markdown(f"- {vocabulary_name(stated.fact)} — *{t('teach.stated')}*{colon}{note} "
                f"[{'; '.join(stated.sources)}]")



def answer_name(outcome: str) -> str:
    known = vocabulary.get(outcome)
    return name_of({"id": outcome, **known}, lang) if known else outcome


answer_key = f"teach-answer:{exercise.id}"
with st.form(f"teach-form-{exercise.id}"):
    choice = st.radio(t("teach.your_answer"), view.answer_options(exercise), format_func=answer_name,
                      horizontal=True, index=None, key=f"teach-choice:{exercise.id}")
    if st.form_submit_button(t("teach.submit"), type="primary"):
        if choice is None:
            st.warning(t("teach.choose"))
        else:
            st.session_state[answer_key] = choice

if answer_key not in st.session_state:
    st.stop()

choice = st.session_state[answer_key]
by_paper = lesson.answered_by == "paper"
matches = []
if choice in lesson.predicted_all:
    matches.append(t("teach.you_graph"))
if choice in lesson.answer:
    matches.append(t("teach.you_paper" if by_paper else "teach.you_court"))
elsewhere = view.reached_elsewhere(lesson, choice)
if elsewhere and not matches:
    matches.append(t("teach.you_elsewhere").format(
        frameworks="; ".join(vocabulary_name(f) for f in elsewhere),
        question=f"{pick(DOMAINS[exercise.domain], exercise.domain)} · {pick(ASKS[exercise.asks], exercise.asks)}"))
st.info(" ".join(matches) if matches else t("teach.you_neither"))

graph_side, answer_side = st.columns(2, gap="large")
with graph_side:
    st.subheader(t("teach.graph_answer"))
    for framework, found in lesson.predicted.items():
        outcome = names(vocabulary_name(o) for o in found) if found else t("teach.no_prediction")
        st.markdown(f"**{vocabulary_name(framework)}**{colon}{outcome}")
    st.caption(t("teach.rules"))
    for rule in view.framework_rules(lesson):
        rule_name = rule.name_zh if lang == "zh" else rule.name_en
        st.markdown(f"- {rule_name} — {', '.join(rule.articles) or '—'} [{'; '.join(rule.sources)}]")
with answer_side:
    st.subheader(t("teach.paper_answer" if by_paper else "teach.court_answer"))
    if lesson.answer:
        st.markdown(f"**{names(vocabulary_name(o) for o in lesson.answer)}**")
    else:
        st.markdown(t("teach.not_reported"))
    given = exercise.paper or exercise.court
    if given is not None:
        st.caption(f"{t('teach.sources')}{colon}{'; '.join(given.sources)}")

if lesson.agrees and exercise.difference is None:
    st.success(t("teach.agree_paper" if by_paper else "teach.agree"))
if exercise.difference is not None:
    why = exercise.difference
    st.warning(f"**{t('teach.why')}{colon}{pick(DIFFERENCES[why.reason], why.reason)}{stop}** "
               f"{why.zh if lang == 'zh' else why.en} [{'; '.join(why.sources)}]")

if exercise.case:
    case_card(exercise.case)
with st.expander(t("teach.paths")):
    outcome_view.rules_table(lesson.report)
    expandable_graph(outcome_view.path_model(lesson.report, include_near=False), "teach-graph",
                     highlight=lesson.report.facts, height=380)
st.download_button(t("teach.brief"), view.brief(lesson), file_name=f"brief-{exercise.id}.md",
                   mime="text/markdown", icon=":material/download:")
