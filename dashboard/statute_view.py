"""The pieces of the Statutes page: statutes, chapters, an article's text and links, and following a
citation from one article to another (across statutes)."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st
from lawgraph.dashboard import state, url_state
from lawgraph.dashboard.i18n import t
from lawgraph.graph.model import Label, RelType

#: the article a statute opens on (the ones the platform-liability debate turns on)
OPENING_ARTICLE = {"ECL": "ECL:38", "CC": "CC:1198", "CRPL": "CRPL:44", "FSL": "FSL:131", "CL": "CL:286-1",
                   "SPC-OCD-1": "SPC-OCD-1:16", "TLL": "TLL:37"}
_SECTION = re.compile(r"^第.+节")
_PENDING = "statutes-pending-article"
_SEEN = "statutes-law-shown"
WHOLE_TEXT = "—"


def chapter_key(law: str) -> str:
    """Widget keys per statute: a statute's chapters and articles are different options."""
    return f"chapter:{law}"


def article_key(law: str) -> str:
    return f"article:{law}"


def statutes() -> dict[str, dict[str, Any]]:
    """Statutes by code, the E-Commerce Law first (it opens the page)."""
    found = {row["code"]: row for row in state.rows("statutes")}
    return dict(sorted(found.items(), key=lambda kv: (kv[0] != "ECL", kv[0])))


def articles(law: str) -> list[dict[str, Any]]:
    return state.rows("statute_articles", law=law)


def chapter_of(row: dict[str, Any]) -> str:
    """The 编 › 章 an article sits in (sections, 节, are too fine to browse by).

    >>> chapter_of({"path_zh": ["总则", "第二章 自然人", "第一节 民事权利能力和民事行为能力"]})
    '总则 › 第二章 自然人'
    >>> chapter_of({"path_zh": None})
    '—'
    """
    parts = [p for p in row.get("path_zh") or [] if not _SECTION.match(p)]
    return " › ".join(parts) or WHOLE_TEXT


def chapters(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(chapter_of(row), []).append(row)
    return grouped


def label_of(rows: list[dict[str, Any]], article_id: str) -> str:
    return next((str(r.get("label_zh") or "") for r in rows if r["id"] == article_id), "")


def go_to(article_id: str) -> None:
    """Follow a citation: show ``article_id`` (its statute, chapter and article) on the next run."""
    st.session_state[_PENDING] = article_id
    st.session_state["law"] = article_id.split(":")[0]


def take_url(codes: dict[str, Any]) -> None:
    """Before the statute picker is drawn: follow a link's ``?article=`` (or ``?law=``)."""
    wanted = url_state.incoming("article")
    if wanted and wanted.split(":")[0] in codes:
        go_to(wanted)
    else:
        url_state.seed("law", "law", codes)


def follow_link(law: str) -> None:
    """Before the chapter and article pickers are drawn: open the article a citation, the URL or the
    statute's default asks for."""
    target = st.session_state.pop(_PENDING, None)
    if st.session_state.get(_SEEN) != law:
        st.session_state[_SEEN] = law
        target = target or OPENING_ARTICLE.get(law)
        rows = articles(law)
        if rows and target not in {r["id"] for r in rows}:
            target = rows[0]["id"]
    if not target:
        return
    row = next((r for r in articles(law) if r["id"] == target), None)
    if row:
        st.session_state[chapter_key(law)] = chapter_of(row)
        st.session_state[article_key(law)] = target


def article(article_id: str) -> dict[str, Any]:
    found = state.rows("article", id=article_id)
    return found[0] if found else {"id": article_id, "label_zh": "", "paragraphs": [], "refers_to": [],
                                   "referred_by": [], "cases": []}


def article_text(row: dict[str, Any]) -> None:
    """The text by paragraph (款), with the unofficial English where the data has it."""
    paragraphs = state.rows("article_paragraphs", id=row["id"])
    if paragraphs:
        for para in paragraphs:
            st.markdown(f"`{para['id']}` {para['text_zh']}")
    elif row.get("text_zh"):
        st.markdown(row["text_zh"])
    else:
        st.caption(t("statutes.no_text"))
    english = (state.node(row["id"]) or {}).get("text_en")
    if english:
        with st.expander(t("statutes.unofficial_en")):
            st.markdown(english)


def article_links(ids: list[str], direction: str) -> None:
    if not ids:
        st.caption(t("common.none"))
    for target in ids:
        st.button(target, key=f"statute-link-{direction}-{target}", on_click=go_to, args=(target,),
                  icon=":material/arrow_forward:" if direction == "out" else ":material/arrow_back:")


def case_links(ids: list[str]) -> None:
    if not ids:
        st.caption(t("common.none"))
    for case in ids:
        st.page_link("app_pages/cases.py", label=case, icon=":material/account_balance:", query_params={"case": case})


def attached(article_id: str, paragraphs: list[str]) -> list[dict[str, Any]]:
    """What hangs on the article and its paragraphs besides structure and citations: rules grounded in
    them, duties they impose, doctrines justifying them, special rules, supersessions, issues."""
    out: list[dict[str, Any]] = []
    for provision in [article_id, *paragraphs]:
        for row in state.rows("article_neighbourhood", id=provision):
            if row["rel"] in (RelType.PART_OF, RelType.REFERS_TO):
                continue
            out.append({t("statutes.article"): provision, t("col.rel"): row["rel"],
                        t("col.direction"): "→" if row["direction"] == "out" else "←",
                        t("common.id"): row["id"], t("common.label"): row["label"],
                        t("common.name"): row["id"] if row["label"] in (Label.ARTICLE, Label.PARAGRAPH)
                        else row["name"]})
    return out
