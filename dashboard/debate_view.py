"""The pieces of the Debates page: positions on an issue, who argues what, the doctrines behind them,
and how each framework's predictions compare with what courts held."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from lawgraph.dashboard import charts, state
from lawgraph.dashboard.case_cards import vocabulary_name
from lawgraph.dashboard.i18n import STANCES, pick, t
from lawgraph.graph.schema_data import Stance

STANCE_COLOUR = {Stance.SUPPORTS.value: "green", Stance.OPPOSES.value: "red", Stance.DESCRIBES.value: "gray"}


def positions(issue_id: str) -> dict[str, dict[str, Any]]:
    """Position id → what it advocates, its doctrines, and the publications arguing about it."""
    found: dict[str, dict[str, Any]] = {}
    for row in state.rows("issue_positions"):
        if row["issue"] != issue_id:
            continue
        entry = found.setdefault(row["position"], {"advocates": row["advocates"], "based_on": row["based_on"],
                                                   "arguments": []})
        if row.get("publication"):
            entry["arguments"].append({"publication": row["publication"], "stance": row.get("stance"),
                                       "section": row.get("section")})
    return found


def shared_passage(found: dict[str, dict[str, Any]]) -> str | None:
    """The one passage (``paper-003 §2.2``) that every position of an issue rests on, when no source opposes
    any of them: the positions are then parts of one account, not rival answers (None otherwise).

    >>> one = {"publication": "paper-003", "stance": "supports", "section": "2.2"}
    >>> shared_passage({"a": {"arguments": [one]}, "b": {"arguments": [one]}})
    'paper-003 §2.2'
    >>> shared_passage({"a": {"arguments": [one]}, "b": {"arguments": [{**one, "section": "3.1"}]}}) is None
    True
    """
    if len(found) < 2:
        return None
    passages = [{(a["publication"], a.get("section")) for a in entry["arguments"]} for entry in found.values()]
    stances = {a.get("stance") for entry in found.values() for a in entry["arguments"]}
    if stances != {Stance.SUPPORTS.value} or any(p != passages[0] for p in passages) or len(passages[0]) != 1:
        return None
    ((publication, section),) = passages[0]
    return f"{publication} §{section}" if section else publication


def position_cards(found: dict[str, dict[str, Any]]) -> None:
    columns = st.columns(min(3, max(1, len(found))))
    for i, (position, entry) in enumerate(found.items()):
        with columns[i % len(columns)], st.container(border=True):
            st.markdown(f"**{vocabulary_name(position)}** `{position}`")
            if entry["advocates"]:
                st.caption(f"{t('col.advocates')}: " + ", ".join(vocabulary_name(a) for a in entry["advocates"]))
            if entry["based_on"]:
                st.caption(f"{t('col.based_on')}: " + ", ".join(vocabulary_name(d) for d in entry["based_on"]))
            with st.container(horizontal=True, gap="small"):
                for arg in entry["arguments"]:
                    stance = pick(STANCES.get(arg["stance"] or ""), arg["stance"] or "")
                    section = f" §{arg['section']}" if arg.get("section") else ""
                    st.badge(f"{arg['publication']}{section}: {stance}", color=STANCE_COLOUR.get(arg["stance"], "blue"))


def who_argues(found: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """Publications × positions, each cell the stances taken (with sections)."""
    cells: dict[str, dict[str, str]] = {}
    for position, entry in found.items():
        for arg in entry["arguments"]:
            stance = pick(STANCES.get(arg["stance"] or ""), arg["stance"] or "")
            text = f"{stance} §{arg['section']}" if arg.get("section") else stance
            row = cells.setdefault(arg["publication"], {})
            row[vocabulary_name(position)] = "; ".join(filter(None, [row.get(vocabulary_name(position)), text]))
    return pd.DataFrame.from_dict(cells, orient="index").fillna("") if cells else pd.DataFrame()


def doctrines_behind(found: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    by_doctrine: dict[str, list[str]] = {}
    for position, entry in found.items():
        for doctrine in entry["based_on"]:
            by_doctrine.setdefault(doctrine, []).append(vocabulary_name(position))
    out = []
    for doctrine, held_by in sorted(by_doctrine.items()):
        links = state.rows("doctrine_links", id=doctrine)
        out.append({t("col.doctrines"): vocabulary_name(doctrine), t("col.position"): ", ".join(held_by),
                    "summary": links[0].get("summary_en") if links else ""})
    return out


def framework_scores() -> pd.DataFrame:
    """Per framework that predicts at least one decided case: how many predictions courts agreed with."""
    records = []
    for row in state.rows("frameworks"):
        compared = [r for r in state.rows("framework_vs_courts", framework=row["framework"]) if r["predicted"]]
        agrees = sum(bool(r["agrees"]) for r in compared)
        if compared:
            records.append({"id": row["framework"], t("debates.framework"): vocabulary_name(row["framework"]),
                            t("col.agrees"): agrees, t("col.disagrees"): len(compared) - agrees,
                            t("col.cases_compared"): len(compared)})
    frame = pd.DataFrame(records, columns=["id", t("debates.framework"), t("col.agrees"), t("col.disagrees"),
                                           t("col.cases_compared")])
    return frame.sort_values([t("col.cases_compared"), "id"], ascending=[False, True]).reset_index(drop=True)


def predictions(framework: str) -> pd.DataFrame:
    """Case by case: the framework's prediction for the platform, and what the court held."""
    return pd.DataFrame([{
        t("col.case"): r["case"],
        t("col.predicted"): ", ".join(vocabulary_name(f) for f in r["predicted"]) or "—",
        t("col.held"): ", ".join(vocabulary_name(f) for f in r["held"]),
        t("col.agrees"): t("common.yes") if r["agrees"] else (t("common.no") if r["predicted"] else "—"),
        t("col.facts"): ", ".join(vocabulary_name(f) for f in r["facts"]),
    } for r in state.rows("framework_vs_courts", framework=framework)])


def agreement_chart(scores: pd.DataFrame) -> alt.Chart:
    """Per framework, a stacked bar: predictions the courts agreed with, and those they did not."""
    framework, agrees, disagrees = t("debates.framework"), t("col.agrees"), t("col.disagrees")
    long = scores.melt(id_vars=[framework], value_vars=[agrees, disagrees], var_name="result", value_name="cases")
    return alt.Chart(long).mark_bar().encode(
        y=alt.Y(f"{framework}:N", sort=list(scores[framework]), axis=charts.label_axis()),
        x=alt.X("cases:Q", axis=alt.Axis(tickMinStep=1, title=t("col.cases_compared"))),
        color=alt.Color("result:N", scale=alt.Scale(domain=[agrees, disagrees], range=["#2e7d32", "#e57373"]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[framework, "result", "cases"],
    ).properties(height=charts.FRAME + charts.BAR * len(scores))
