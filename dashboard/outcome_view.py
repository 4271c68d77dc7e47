"""The pieces of the fact pattern → outcome page (also used by Teach): fact picker, headline,
rules table, path graph model, frameworks side by side, duty standards / proof rules / defenses,
explanation with citations. All of it reads an :class:`queries.outcome_report.OutcomeReport`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st
from lawgraph.dashboard import path_layout, state, url_state
from lawgraph.dashboard.case_cards import case_card, held_text, vocabulary_name
from lawgraph.dashboard.explain import case_reason
from lawgraph.dashboard.explain import steps as explain_steps
from lawgraph.dashboard.graph_view import DEFAULT_STYLE, LABEL_STYLE, MISSING, GraphModel
from lawgraph.dashboard.i18n import current_language, name_of, pick, relabel, t
from lawgraph.graph.model import Label
from lawgraph.graph.schema_data import FACT_GROUP_TITLES
from lawgraph.queries.outcome_report import CaseMatch, OutcomeReport, RuleOutcome, RuleStatus, TriggeredOutcome

if TYPE_CHECKING:
    import pandas as pd

#: fact groups in the order a lawyer reads a fact pattern; → (English, 中文) (the schema's FactGroup enum)
FACT_GROUPS: dict[str, tuple[str, str]] = {group.value: titles for group, titles in FACT_GROUP_TITLES.items()}
EXAMPLE_FACTS = {"knowledge": ["platform-knew-or-should-have-known"], "duty-performance": ["no-necessary-measures"]}
FRAMEWORK_KEY = "framework"


#: the session key of the chosen facts (the search box); the browse pills per group follow it
PICKED_KEY = "facts-picked"


def fact_key(group: str) -> str:
    return f"facts-{group}"


def _fact_rows() -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The facts by group, and the groups in reading order."""
    by_group: dict[str, list[dict[str, Any]]] = {}
    for row in state.rows("facts"):
        by_group.setdefault(row.get("group") or "other", []).append(row)
    groups = [g for g in FACT_GROUPS if g in by_group] + sorted(g for g in by_group if g not in FACT_GROUPS)
    return by_group, groups


def _set_facts(chosen: list[str]) -> None:
    st.session_state[PICKED_KEY] = list(chosen)


def _example() -> None:
    _set_facts([fact for facts in EXAMPLE_FACTS.values() for fact in facts])


def _from_group(group: str, options: list[str]) -> None:
    """A browse pill changed: the chosen facts of other groups stay, this group's are the pills' value."""
    others = [f for f in st.session_state.get(PICKED_KEY, []) if f not in options]
    _set_facts(others + list(st.session_state.get(fact_key(group)) or []))


def fact_picker() -> list[str]:
    """A search box over every fact by its name in the page's language (it filters as you type; bound to the
    URL, so a fact pattern can be shared), the chosen facts in full below it; the chosen fact ids."""
    by_group, groups = _fact_rows()
    order = [row["id"] for group in groups for row in by_group[group]]
    names = {row["id"]: name_of(row) for rows in by_group.values() for row in rows}
    linked = url_state.incoming("facts")
    if linked is not None:
        wanted = set(url_state.split_ids(linked))
        _set_facts([fact for fact in order if fact in wanted])
    relabel(PICKED_KEY)
    with st.container(horizontal=True):
        st.button(t("outcome.example"), icon=":material/lightbulb:", on_click=_example,
                  key="facts-example", help=t("outcome.example_help"))
        st.button(t("outcome.clear"), icon=":material/clear_all:", on_click=_set_facts, args=([],),
                  key="facts-clear")
    chosen = st.multiselect(t("outcome.facts"), order, format_func=names.__getitem__, key=PICKED_KEY,
                            placeholder=t("outcome.search"))
    if chosen:  # the chips of the search box may cut a long name: the full names, wrapped
        st.markdown("\n".join(f"- {names[fact]}" for fact in chosen))
    url_state.publish("facts", sorted(chosen))
    return list(chosen)


def fact_browser(chosen: list[str]) -> None:
    """The facts by group as pills, in an expander (they follow the search box, and change it)."""
    by_group, groups = _fact_rows()
    names = {row["id"]: name_of(row) for rows in by_group.values() for row in rows}
    with st.expander(t("outcome.browse")):
        for group in groups:
            options = [row["id"] for row in by_group[group]]
            st.session_state[fact_key(group)] = [fact for fact in chosen if fact in options]
            st.pills(pick(FACT_GROUPS.get(group), group), options, selection_mode="multi",
                     format_func=names.__getitem__, key=fact_key(group), wrap=True,
                     on_change=_from_group, args=(group, options))


def framework_picker() -> str | None:
    frameworks = state.rows("frameworks")
    names = {row["framework"]: name_of(row) for row in frameworks}
    relabel(FRAMEWORK_KEY)
    # drawn only once facts are picked; persist_state keeps the choice while the facts are cleared
    # the placeholder too: after a language switch the frontend shows the placeholder for the value None
    return st.selectbox(t("outcome.framework"), [None, *names], key=FRAMEWORK_KEY, persist_state="page",
                        placeholder=t("outcome.all_frameworks"),
                        format_func=lambda f: t("outcome.all_frameworks") if f is None else names[f])


def liability_forms(report: OutcomeReport) -> dict[str, list[str]]:
    """Liability form id → the frameworks whose firing rules yield it."""
    forms: dict[str, list[str]] = {}
    for framework, ids in report.frameworks.items():
        for form in ids:
            forms.setdefault(form, []).append(framework)
    return forms


def form_articles(report: OutcomeReport, form: str) -> list[str]:
    """The articles of the applying rules that yield the liability form ``form``."""
    return sorted({a for r in report.fired if any(o["id"] == form for o in r.outcomes) for a in r.articles})


def fact_name(item_id: str) -> str:
    """A fact, doctrine, form or case by its name in the page's language (a case by its number)."""
    if item_id in state.vocabulary():
        return vocabulary_name(item_id)
    found = state.node(item_id) or {}
    return str(found.get("case_number") or name_of({"id": item_id, **found}))


def case_why(match: CaseMatch) -> str:
    """Why a decided case ranks where it does, in one line of the page's language."""
    if match.reasons is None:
        return t("explain.why.score").format(score=match.score)
    return case_reason(match.reasons, match.score, fact_name, current_language())


def answer(report: OutcomeReport) -> None:
    """The outcome first: the liability forms that fire with their articles and frameworks, how many rules
    apply, and the closest decided case with why it is closest."""
    st.subheader(t("outcome.answer"), anchor="outcome")
    st.caption(t("outcome.forms"))
    forms = liability_forms(report)
    if not forms:
        st.info(t("outcome.no_forms"))
    names = state.vocabulary()
    for form, frameworks in sorted(forms.items(), key=lambda kv: -len(kv[1])):
        known = names.get(form, {})
        other = known.get("name_en") if current_language() == "zh" else known.get("name_zh")
        st.markdown(f"#### :red[{vocabulary_name(form)}]" + (f" · {other}" if other else ""))
        st.caption(f"`{form}` · {t('col.articles')}: {', '.join(form_articles(report, form)) or '—'} · "
                   f"{t('col.framework')}: {', '.join(vocabulary_name(f) for f in frameworks)}")
    st.markdown(t("outcome.counts").format(fired=len(report.fired),
                                           near=len(report.with_status(RuleStatus.NEAR_MISS)),
                                           cases=len(report.cases)))
    if report.cases:
        top = report.cases[0]
        held = "; ".join(held_text(dict(h)) for h in top.held) or t("case.no_holding")
        title = " ".join(filter(None, (top.case_number, top.name_zh))) or fact_name(top.case)
        st.markdown(f"**{t('outcome.top_case')}:** {title} — {held}")
        st.caption(case_why(top))


def decided_cases(report: OutcomeReport) -> None:
    """The decided cases, closest first, each with its rank, score and why it ranks there, then its card."""
    for rank, match in enumerate(report.cases, start=1):
        st.markdown(f"**{rank}.** {case_why(match)}")
        case_card(match.case, shared=set(match.matched_facts))


def _rule_name(rule: RuleOutcome) -> str:
    return name_of({"id": rule.id, "name_en": rule.name_en, "name_zh": rule.name_zh})


def rules_frame(report: OutcomeReport) -> pd.DataFrame:
    import pandas as pd  # not at start-up: the first page draws no table until facts are picked

    return pd.DataFrame([{
        t("col.status"): t("status." + r.status),
        t("col.rule"): _rule_name(r),
        t("col.yields"): ", ".join(name_of(o) for o in r.outcomes),
        t("col.framework"): vocabulary_name(r.framework),
        t("col.articles"): ", ".join(r.articles),
        t("col.missing"): ", ".join(vocabulary_name(f) for f in r.missing + r.excluded_by),
        t("col.doctrines"): ", ".join(vocabulary_name(d) for d in r.doctrines),
        t("col.tier"): r.tier,
        "id": r.id,
    } for r in report.rules])


def rules_table(report: OutcomeReport) -> None:
    if not report.rules:
        st.info(t("outcome.no_forms"))
        return
    st.dataframe(rules_frame(report), hide_index=True, width="stretch")


def _node_name(item: dict[str, str]) -> str:
    """A path node's name; the report names obligations by id, so look those up."""
    name = item.get("name") or item["id"]
    if name == item["id"] and item["label"] not in (Label.ARTICLE, Label.PARAGRAPH):
        found = state.node(item["id"]) or {}
        return str(found.get("name_en") or name)
    return name


def path_model(report: OutcomeReport, include_near: bool) -> GraphModel:
    """Facts → rules → outcomes, articles, doctrines of the firing rules (and near misses, with the
    missing fact drawn as a MISSING edge)."""
    model = GraphModel()
    for rule in report.rules:
        near = rule.status == RuleStatus.NEAR_MISS
        if rule.status != RuleStatus.APPLIES and not (include_near and near):
            continue
        for item in rule.path.nodes:
            model.add_node(item["id"], item["label"], _node_name(item))
        for step in rule.path.relationships:
            model.add_edge(step.source, step.rel, step.target)
        for fact in rule.missing if near else []:
            model.add_node(fact, Label.FACT, fact)
            model.add_edge(rule.id, MISSING, fact)
    for fact in report.facts:
        model.add_node(fact, Label.FACT, fact)
    return model


def path_label(report: OutcomeReport, node_id: str, label: str, name: str) -> str:
    """A path node's whole label in the page's language: an article by its id, a rule by its name in the
    report, anything else by the graph's names of it."""
    if label in (Label.ARTICLE, Label.PARAGRAPH):
        return node_id
    rule = next((r for r in report.rules if r.id == node_id), None)
    if rule is not None:
        return _rule_name(rule)
    if node_id in state.vocabulary():
        return vocabulary_name(node_id)
    found = state.node(node_id)
    return name_of({"id": node_id, **found}) if found else name


def node_link(node_id: str, label: str) -> str:
    """Where a click on a path node goes: an article (a paragraph's article) on the statutes page, any other
    node in Explore; the page's language goes along.

    >>> node_link("ECL:38(1)", "Paragraph").startswith("statutes?article=ECL%3A38&lang=")
    True
    >>> node_link("red-flag", "Doctrine").startswith("explore?node=red-flag&lang=")
    True
    """
    from urllib.parse import urlencode

    if label in (Label.ARTICLE, Label.PARAGRAPH):
        return "statutes?" + urlencode({"article": node_id.split("(")[0], "lang": current_language()})
    return "explore?" + urlencode({"node": node_id, "lang": current_language()})


COLUMN_TITLES = ("outcome.path.facts", "outcome.path.rules", "outcome.path.grounds", "outcome.path.outcome")


def path_svg(report: OutcomeReport, include_near: bool) -> str:
    """The path as an SVG picture in layers, left to right, each node a box with its whole label that links
    to its card (:mod:`lawgraph.dashboard.path_layout`)."""
    model = path_model(report, include_near)
    view = path_layout.layout(
        [(n.id, n.label, path_label(report, n.id, n.label, n.name)) for n in model.nodes.values()],
        [(e.source, e.rel, e.target) for e in model.edges])
    chosen = set(report.facts)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="lawgraph-path" role="img" '
             f'width="{view.width:.0f}" height="{view.height + 4:.0f}" '
             f'viewBox="0 0 {view.width:.0f} {view.height + 4:.0f}" '
             f'style="font-family: sans-serif; font-size: 13px; width: 100%; max-width: {view.width:.0f}px; '
             'height: auto">'
             "<style>svg.lawgraph-path a { text-decoration: none } svg.lawgraph-path a:hover rect "
             "{ fill: #f1f3f4 }</style>"]
    for (x, _), title in zip(view.columns, COLUMN_TITLES, strict=True):
        parts.append(f'<text x="{x:.0f}" y="14" font-weight="bold" fill="#555">{html.escape(t(title))}</text>')
    for c in view.connectors:
        dash = ' stroke-dasharray="5 4"' if c.rel == MISSING else ""
        stated = (c.source, c.rel, c.target) if c.forward else (c.target, c.rel, c.source)
        bend = (c.x1 + 40, c.y1, c.x2 + 40, c.y2) if c.x1 == c.x2 else (
            (c.x1 + c.x2) / 2, c.y1, (c.x1 + c.x2) / 2, c.y2)
        parts.append(f'<path d="M{c.x1:.1f},{c.y1:.1f} C{bend[0]:.1f},{bend[1]:.1f} {bend[2]:.1f},{bend[3]:.1f} '
                     f'{c.x2:.1f},{c.y2:.1f}" fill="none" stroke="#9aa0a6" stroke-width="1.2"{dash}>'
                     f'<title>{html.escape(" ".join(stated))}</title></path>')
    for box in view.boxes:
        colour = LABEL_STYLE.get(box.label, DEFAULT_STYLE)[0]
        width = 3 if box.id in chosen else 1.5
        parts.append(f'<a href="{html.escape(node_link(box.id, box.label))}" target="_self" '
                     f'data-node="{html.escape(box.id)}"><title>{html.escape(box.id)}</title>'
                     f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" '
                     f'rx="6" fill="#ffffff" stroke="{colour}" stroke-width="{width}"/>')
        for number, line in enumerate(box.lines):
            y = box.y + path_layout.PAD + path_layout.LINE * (number + 0.75)
            parts.append(f'<text x="{box.x + path_layout.PAD:.1f}" y="{y:.1f}" fill="#202124" '
                         f'xml:space="preserve">{html.escape(line)}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    return "".join(parts)


def path_view(report: OutcomeReport, include_near: bool) -> None:
    """The layered path picture, scrolling sideways where the page is narrower than it."""
    st.caption(t("outcome.path.caption"))
    # markdown's raw HTML, not st.html: st.html's sanitiser drops SVG
    st.markdown(f'<div style="overflow-x: auto">{path_svg(report, include_near)}</div>', unsafe_allow_html=True)


def _triggered_list(items: list[TriggeredOutcome]) -> None:
    if not items:
        st.caption(t("outcome.none_triggered"))
    for item in items:
        st.markdown(f"**{name_of(item.__dict__)}** `{item.id}`")
        st.caption(f"{vocabulary_name(item.framework)} · `{item.rule}` · {'; '.join(item.sources)}")


def triggered(report: OutcomeReport) -> None:
    """The duty standard, proof rule and defenses the facts trigger, side by side."""
    cols = st.columns(3)
    for col, key, items in ((cols[0], "outcome.duty_standards", report.duty_standards),
                            (cols[1], "outcome.proof_rules", report.proof_rules),
                            (cols[2], "outcome.defenses", report.defenses)):
        with col, st.container(border=True):
            st.markdown(f"**{t(key)}**")
            _triggered_list(items)


def frameworks_side_by_side(report: OutcomeReport) -> None:
    """Each framework with a firing rule: what it yields on these facts, in columns."""
    if not report.frameworks:
        st.info(t("outcome.no_forms"))
        return
    items = sorted(report.frameworks.items())
    per_row = 3
    for start in range(0, len(items), per_row):
        cols = st.columns(per_row)
        for col, (framework, forms) in zip(cols, items[start:start + per_row], strict=False):
            with col, st.container(border=True):
                st.markdown(f"**{vocabulary_name(framework)}**")
                for form in forms:
                    st.badge(vocabulary_name(form), color="red" if form == "joint-several" else "blue")
                rules = [r.id for r in report.fired if r.framework == framework]
                st.caption(", ".join(f"`{r}`" for r in rules))


_STATUTE_SOURCE = re.compile(r"^statute:(?P<law>[^#]+)#art-(?P<art>[\w-]+)$")
_PAPER_SOURCE = re.compile(r"^(?P<pub>[\w-]+)#(?P<section>.+)$")


def describe_source(source: str, title_of: Callable[[str], str | None]) -> str:
    """A citation in words.

    >>> describe_source("statute:ECL#art-38", lambda _: None)
    'ECL:38'
    >>> describe_source("paper-000#4.3.1", lambda _: "论电商平台的责任")
    '论电商平台的责任, § 4.3.1'
    """
    statute = _STATUTE_SOURCE.match(source)
    if statute:
        return f"{statute['law']}:{statute['art']}"
    paper = _PAPER_SOURCE.match(source)
    if paper:
        title = title_of(paper["pub"])
        return f"{title or paper['pub']}, § {paper['section']}"
    return source


def _publication_title(pub: str) -> str | None:
    found = state.node(pub)
    return str(found.get("title_zh") or found.get("title_en")) if found else None


def explanation(report: OutcomeReport) -> None:
    """The explanation as numbered steps in the page's language, each with its sources, then the citations."""
    lang = current_language()
    lines = []
    for number, step in enumerate(explain_steps(report, lang, fact_name), start=1):
        cited = "; ".join(describe_source(s, _publication_title) for s in step.sources)
        lines.append(f"{number}. **{t('outcome.step.' + step.kind)}** — {step.text}"
                     + (f"  \n   :gray[{t('explain.step.sources')}: {cited}]" if cited else ""))
    st.markdown("\n".join(lines))
    sources = sorted({s for r in report.fired for s in r.sources})
    if sources:
        import pandas as pd

        st.markdown(f"**{t('outcome.citations')}**")
        st.dataframe(pd.DataFrame({t("common.sources"): sources,
                                   "": [describe_source(s, _publication_title) for s in sources]}),
                     hide_index=True, width="stretch")
