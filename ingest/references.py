"""Find the citations in statute text: 本法第X条, 第X条第Y款, 第X条至第Y条, 《…法》第X条.

A citation is a *head* (本法 / 本规定 / 本解释, a statute title in 《》 or a known short title such as
消费者权益保护法) followed by a *chain* of article numbers joined by 、/和/或者/以及/至. A chain with no
head cites the statute the text is in, unless it directly follows another name (…条例第X条), which
is a statute we cannot identify: counted as outside the corpus, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lawgraph.graph.numerals import chinese_to_int

_N = "零〇一二三四五六七八九十百千"
_ART = rf"第[{_N}]+条(?:之[{_N}]+)?(?:第[{_N}]+款)?(?:第[{_N}]+项)?"
_SEP = r"(?:、|和|或者|以及|至)"
_ART_PARTS = re.compile(rf"第([{_N}]+)条(?:之([{_N}]+))?(?:第([{_N}]+)款)?")
_SEP_THEN_ART = re.compile(rf"({_SEP})({_ART})")
_SELF_HEADS = ("本法", "本规定", "本解释", "本条例")
_NAME_ENDINGS = set("法例典定释则》>")


@dataclass(frozen=True)
class Citation:
    """One cited article: the target statute code (None if outside the corpus) and article key."""

    code: str | None
    title: str | None
    number: int
    suffix: int | None
    paragraph: int | None
    text: str


def _head_pattern(short_titles: Iterable[str]) -> str:
    names = sorted({re.escape(t) for t in short_titles}, key=len, reverse=True)
    alternatives = ["本法", "本规定", "本解释", "本条例", r"《[^《》]{2,60}》"]
    if names:
        alternatives.append(rf"(?:中华人民共和国)?(?:{'|'.join(names)})")
    return "|".join(alternatives)


class CitationFinder:
    """Finds citations, knowing the titles of the statutes in the corpus.

    Examples
    --------
    >>> finder = CitationFinder({"中华人民共和国电子商务法": "ECL", "中华人民共和国民法典": "CC"})
    >>> [(c.code, c.number) for c in finder.find("违反本法第三十八条规定", "ECL")]
    [('ECL', 38)]
    >>> [(c.code, c.number, c.paragraph) for c in finder.find("依照民法典第一千一百九十八条第二款", "ECL")]
    [('CC', 1198, 2)]
    >>> [c.number for c in finder.find("本法第十二条至第十四条", "ECL", known={"ECL": {12, 13, 14}})]
    [12, 13, 14]
    >>> [(c.code, c.title) for c in finder.find("《中华人民共和国产品质量法》第四十三条", "ECL")]
    [(None, '中华人民共和国产品质量法')]
    """

    def __init__(self, titles: dict[str, str]) -> None:
        self.codes: dict[str, str] = {}
        for title, code in titles.items():
            self.codes[title] = code
            self.codes[title.removeprefix("中华人民共和国")] = code
        self.pattern = re.compile(
            rf"(?P<head>{_head_pattern(self.codes)})?(?P<chain>{_ART}(?:{_SEP}{_ART})*)"
        )

    def _resolve(self, head: str | None, own_code: str, preceding: str) -> tuple[str | None, str | None, bool]:
        """(code, title, cites_something): the statute a head names."""
        if head is None:
            if preceding and preceding in _NAME_ENDINGS:
                return None, None, True  # e.g. 产品质量法第四十三条: an unnamed statute, outside
            return own_code, None, True
        if head in _SELF_HEADS:
            return own_code, None, True
        title = head.strip("《》")
        title = re.sub(r"[<>〈〉]", "", title)
        code = self.codes.get(title) or self.codes.get(title.removeprefix("中华人民共和国"))
        return code, title, True

    def find(self, text: str, own_code: str, known: dict[str, set[int]] | None = None) -> list[Citation]:
        """All article citations in ``text`` of statute ``own_code``.

        ``known`` (article numbers per statute code) is used to expand 第X条至第Y条 ranges;
        without it a range yields only its two ends.
        """
        found: list[Citation] = []
        for match in self.pattern.finditer(text):
            head = match.group("head")
            preceding = text[match.start() - 1] if match.start() > 0 else ""
            code, title, _ = self._resolve(head, own_code, preceding)
            if head is None and code is None:
                title = None
            words = match.group(0)
            chain = match.group("chain")
            first = _ART_PARTS.match(chain)
            if first is None:  # pragma: no cover - the pattern guarantees it
                continue
            parts = [("", first)]
            for sep_match in _SEP_THEN_ART.finditer(chain, first.end()):
                art = _ART_PARTS.match(sep_match.group(2))
                if art is not None:
                    parts.append((sep_match.group(1), art))
            previous: tuple[int, int | None] | None = None
            for separator, art in parts:
                number = chinese_to_int(art.group(1))
                suffix = chinese_to_int(art.group(2)) if art.group(2) else None
                paragraph = chinese_to_int(art.group(3)) if art.group(3) else None
                numbers = (known or {}).get(code or "", set())
                if separator == "至" and previous is not None:
                    for between in sorted(n for n in numbers if previous[0] < n < number):
                        found.append(Citation(code, title, between, None, None, words))
                found.append(Citation(code, title, number, suffix, paragraph, words))
                previous = (number, suffix)
        return found
