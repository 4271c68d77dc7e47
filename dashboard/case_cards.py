"""Case cards: court, year and procedure (from the case number), facts, holding, shares and appeal chain.

Used by the Cases page, by the decided cases of the outcome page (with the facts shared with the
reader's fact pattern highlighted) and by the Teach page.

A card says what the sources leave out rather than showing blanks: the court by the name a paper gives it
(cited), else by its code (data/courts.yaml), else that no source names it; an unnumbered instance says the
paper gives no number; a case with no liability recorded says what the paper does report of its outcome.
A victim's share is its own share of the loss (contributory fault), not a liability, and reads so.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from lawgraph.dashboard import state
from lawgraph.dashboard.case_wording import no_holding_text, number_line, own_loss_text
from lawgraph.dashboard.i18n import Language, name_of, t


def holdings(case_id: str) -> list[dict[str, Any]]:
    """What the case held, per party (``case_holdings`` matches fragments, so keep exact ids)."""
    return [row for row in state.rows("case_holdings", case=case_id) if row["case"] == case_id]


def appeal_chain(case_id: str) -> list[dict[str, Any]]:
    """The instances linked to ``case_id`` by APPEAL_OF, earliest first, each with its disposition."""
    links = state.rows("appeal_chains")
    earlier_of = {row["later"]: row for row in links}
    later_of = {row["earlier"]: row for row in links}
    if case_id not in earlier_of and case_id not in later_of:
        return []
    first, seen = case_id, {case_id}
    while first in earlier_of and earlier_of[first]["earlier"] not in seen:
        first = earlier_of[first]["earlier"]
        seen.add(first)
    chain = [{"case": first, "disposition": None}]
    while chain[-1]["case"] in later_of and later_of[chain[-1]["case"]]["later"] not in {c["case"] for c in chain}:
        row = later_of[chain[-1]["case"]]
        chain.append({"case": row["later"], "disposition": row["disposition"]})
    return chain


def vocabulary_name(item_id: str) -> str:
    known = state.vocabulary().get(item_id)
    return name_of({"id": item_id, **known}) if known else item_id


def held_text(row: dict[str, Any], lang: Language | None = None) -> str:
    """``platform: 连带责任 (30%)``; a victim's share as its own share of the loss.

    >>> held_text({"party": "victim", "form": "several", "share": 0.2}, "en")
    'victim: bears 20% of the loss itself (contributory fault)'
    """
    own = own_loss_text(row, lang)
    if own:
        return f"{row['party']}: {own}"
    share = f" ({row['share']:.0%})" if row.get("share") is not None else ""
    return f"{row['party']}: {vocabulary_name(row['form'])}{share}"


def fact_badges(facts: list[str], shared: set[str]) -> None:
    """The case's facts as badges; the ones shared with the reader's facts in green with a check."""
    with st.container(horizontal=True, gap="small"):
        for fact in sorted(facts, key=lambda f: (f not in shared, f)):
            if fact in shared:
                st.badge(vocabulary_name(fact), icon=":material/check:", color="green")
            else:
                st.badge(vocabulary_name(fact), color="gray")


def shares_chart(held: list[dict[str, Any]]) -> None:
    """A bar per party with its share of the loss, when the court fixed shares."""
    shared = [row for row in held if row.get("share") is not None]
    if not shared:
        return
    import pandas as pd  # not at start-up: the first page draws no case until facts are picked
    from lawgraph.dashboard import charts  # altair, likewise

    def bar(row: dict[str, Any]) -> str:  # what the share is: a liability, or the victim's own loss
        what = t("case.own_loss_short") if own_loss_text(row) else vocabulary_name(row["form"])
        return f"{row['party']} ({what})"

    frame = pd.DataFrame({t("col.party"): [bar(r) for r in shared], t("col.share"): [r["share"] for r in shared]})
    st.caption(t("case.shares"))
    st.altair_chart(charts.bars(frame, t("col.party"), t("col.share"), share=True), width="stretch")


def case_card(case_id: str, *, shared: set[str] | None = None, show_chain: bool = True) -> None:
    """A bordered card for one case."""
    detail = state.rows("case_detail", id=case_id)
    if not detail:
        st.warning(case_id)
        return
    case = detail[0]
    held = holdings(case_id)
    with st.container(border=True):
        st.markdown(f"**{case.get('case_number') or case_id}** · {case.get('name_zh') or ''}")
        st.caption(number_line(case))
        if case.get("facts"):
            fact_badges(case["facts"], shared or set())
        if case.get("holding_en"):
            st.markdown(f"*{t('case.holding')}:* {case['holding_en']}")
        st.markdown(f"*{t('case.held')}:* " + ("; ".join(held_text(h) for h in held) or no_holding_text(case)))
        shares_chart(held)
        if case.get("applies"):
            st.caption(f"{t('case.applies')}: {', '.join(case['applies'])}")
        if show_chain:
            chain = appeal_chain(case_id)
            if chain:
                st.caption(f"{t('case.appeal_chain')}: " + " → ".join(
                    (f"({c['disposition']}) " if c["disposition"] else "") + c["case"] for c in chain))
        st.page_link("app_pages/explore.py", label=t("common.open_explore"), icon=":material/hub:",
                     query_params={"node": case_id})
