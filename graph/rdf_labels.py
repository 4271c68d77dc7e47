"""The labels a generic RDF browser shows: ``rdfs:label`` @zh/@en for the resources without a name.

Concepts, rules, cases … keep the names the schema maps (``skos:prefLabel`` or ``rdfs:label``); the
statute layer, publications, unnamed courts, the reified relationships and the publication sections
have no name of their own, so one is built here from the citation (docs/linked-data.md, "Labels").
An English label of a citation is a reference (``E-Commerce Law art. 38(2)``), not a translation.

Examples
--------
>>> short_title_zh("中华人民共和国电子商务法"), short_title_en("E-Commerce Law of the People's Republic of China")
('电子商务法', 'E-Commerce Law')
>>> short_title_en("Law of the People's Republic of China on the Protection of Consumer Rights and Interests "
...                "(2013 amendment)")
'Law on the Protection of Consumer Rights and Interests'
>>> article_number_zh(286, 1), article_number_en(286, 1)
('第二百八十六条之一', '286-1')
"""

from __future__ import annotations

import re

from lawgraph.graph.model import GraphData, Label, NodeRecord
from lawgraph.graph.numerals import int_to_chinese

_PRC_ZH = "中华人民共和国"
_PRC_EN = re.compile(r" of the People's Republic of China")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")

#: (zh, en) labels; either may be None where the graph has nothing in that language
Labels = tuple[str | None, str | None]


def short_title_zh(title: str) -> str:
    """The title without the state's name, as citations write it inside 《》."""
    return title.removeprefix(_PRC_ZH)


def short_title_en(title: str) -> str:
    """The title without "of the People's Republic of China" and a trailing note in brackets."""
    return _TRAILING_NOTE.sub("", _PRC_EN.sub("", title)).strip()


def article_number_zh(number: int, suffix: int | None = None) -> str:
    """``第三十八条``, ``第二百八十六条之一``."""
    return f"第{int_to_chinese(number)}条" + (f"之{int_to_chinese(suffix)}" if suffix else "")


def article_number_en(number: int, suffix: int | None = None) -> str:
    """``38``, ``286-1``."""
    return f"{number}" + (f"-{suffix}" if suffix else "")


def _split_article(article_id: str) -> tuple[str, int, int | None]:
    law, _, local = article_id.partition(":")
    number, _, suffix = local.partition("-")
    return law, int(number), int(suffix) if suffix else None


class CitationLabels:
    """Labels of statutes, versions, articles and paragraphs, built from the statutes' titles."""

    def __init__(self, data: GraphData) -> None:
        self.data = data

    def statute(self, code: str) -> Labels:
        """The short titles (``《电子商务法》``, ``E-Commerce Law``); the code where a title is missing."""
        node = self.data.nodes.get(code)
        props = node.props if node is not None else {}
        zh = f"《{short_title_zh(props['title_zh'])}》" if props.get("title_zh") else None
        en = short_title_en(props["title_en"]) if props.get("title_en") else None
        return zh or code, en or code

    def article(self, article_id: str) -> Labels:
        """``《电子商务法》第三十八条`` / ``E-Commerce Law art. 38``."""
        law, number, suffix = _split_article(article_id)
        zh, en = self.statute(law)
        return f"{zh}{article_number_zh(number, suffix)}", f"{en} art. {article_number_en(number, suffix)}"

    def paragraph(self, article_id: str, ordinal: int) -> Labels:
        """``《电子商务法》第三十八条第二款`` / ``E-Commerce Law art. 38(2)``."""
        zh, en = self.article(article_id)
        return f"{zh}第{int_to_chinese(ordinal)}款", f"{en}({ordinal})"

    def version_date(self, version_id: str) -> str:
        node = self.data.nodes.get(version_id)
        date = node.props.get("version_date") if node is not None else None
        return str(date) if date else version_id.partition("@")[2]

    def node(self, node: NodeRecord) -> Labels:
        """The labels of one node of the statute layer (else ``(None, None)``)."""
        props = node.props
        if node.label is Label.STATUTE:
            return props.get("title_zh"), props.get("title_en")
        if node.label is Label.ARTICLE:
            return self.article(node.id)
        if node.label is Label.PARAGRAPH:
            return self.paragraph(props["article"], props["ordinal"])
        if node.label is Label.STATUTE_VERSION:
            zh, en = self.statute(props["law"])
            date = self.version_date(node.id)
            return f"{zh}（{date}版本）", f"{en} (version of {date})"
        if node.label is Label.ARTICLE_VERSION:
            zh, en = self.article(props["article"])
            date = self.version_date(props["version"])
            return f"{zh}（{date}版本）", f"{en} (version of {date})"
        return None, None


def node_labels(node: NodeRecord, citations: CitationLabels) -> Labels:
    """The labels of a node that has no name of its own: citations, titles, else its id (untagged)."""
    zh, en = citations.node(node)
    if zh or en:
        return zh, en
    props = node.props
    if node.label is Label.COURT and not props.get("name_zh") and props.get("code"):
        return f"法院（案号代字“{props['code']}”）", None  # the case number's code; the name is not in the corpus
    return props.get("title_zh") or props.get("name_zh"), props.get("title_en") or props.get("name_en")
