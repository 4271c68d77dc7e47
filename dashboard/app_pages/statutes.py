"""Statutes: browse by statute and chapter; an article's text by paragraph, its citations in and out,
the rules, duties and doctrines attached to it, and the cases applying it."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from lawgraph.dashboard import statute_view as view
from lawgraph.dashboard import url_state
from lawgraph.dashboard.i18n import t

statutes = view.statutes()
view.take_url(statutes)
law = st.selectbox(t("statutes.statute"), list(statutes), key="law",
                   format_func=lambda code: f"{code} · {statutes[code]['title_zh']}")
view.follow_link(law)
articles = view.articles(law)
if not articles:
    st.info(t("statutes.no_text"))
    st.stop()

chapters = view.chapters(articles)
left, right = st.columns([1, 1])
chapter = left.selectbox(t("statutes.chapter"), list(chapters), key=view.chapter_key(law))
in_chapter = chapters[chapter]
article_id = right.selectbox(t("statutes.article"), [a["id"] for a in in_chapter], key=view.article_key(law),
                             format_func=lambda a: f"{a} · {view.label_of(in_chapter, a)}")
url_state.publish("law", law)
url_state.publish("article", article_id)

article = view.article(article_id)
st.subheader(f"{article['label_zh']} · {article_id}")
st.caption(" › ".join([statutes[law]["title_zh"], *(article.get("path_zh") or [])]))
view.article_text(article)

cites, cited_by, cases = st.columns(3)
with cites:
    st.markdown(f"**{t('statutes.refers_to')}**")
    view.article_links(article["refers_to"], "out")
with cited_by:
    st.markdown(f"**{t('statutes.referred_by')}**")
    view.article_links(article["referred_by"], "in")
with cases:
    st.markdown(f"**{t('statutes.cases')}**")
    view.case_links(article["cases"])

st.markdown(f"**{t('statutes.links')}**")
links = view.attached(article_id, article["paragraphs"])
if links:
    st.dataframe(pd.DataFrame(links), hide_index=True, width="stretch")
else:
    st.caption(t("common.none"))
