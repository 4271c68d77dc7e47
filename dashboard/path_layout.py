"""A layered, left-to-right layout of an outcome path, made for reading: facts | rules | articles and
doctrines | outcome, each node a box that holds its **whole** label (wrapped into lines, never cut).

Pure: nodes and edges in, boxes and connectors (pixel coordinates) out; :mod:`lawgraph.dashboard.outcome_view`
draws the result as SVG. Widths are estimated from the text: a CJK (full-width) character counts as two
columns, any other as one, and a line holds at most :data:`WRAP` columns.

>>> view = layout([("f", "Fact", "Food"), ("r", "Rule", "A rule"), ("a", "Article", "ECL:38"),
...                ("j", "LiabilityForm", "Joint and several liability")],
...               [("r", "REQUIRES", "f"), ("r", "GROUNDED_IN", "a"), ("r", "YIELDS", "j")])
>>> [(b.id, b.column) for b in view.boxes]
[('f', 0), ('r', 1), ('a', 2), ('j', 3)]
>>> [(c.source, c.target) for c in view.connectors]  # drawn from the left box to the right one
[('f', 'r'), ('r', 'a'), ('r', 'j')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from lawgraph.graph.model import Label

#: the columns, left to right
FACTS, RULES, GROUNDS, OUTCOME = range(4)
COLUMN_OF: dict[str, int] = {
    Label.FACT: FACTS,
    Label.RULE: RULES,
    Label.ARTICLE: GROUNDS, Label.PARAGRAPH: GROUNDS, Label.DOCTRINE: GROUNDS, Label.OBLIGATION: GROUNDS,
    Label.LIABILITY_FORM: OUTCOME, Label.POSITION: OUTCOME,
}
#: the widest line, in columns (a CJK character is two)
WRAP = 26
#: pixels per text column, line height, padding inside a box, gaps between boxes and between columns
UNIT = 7.6
LINE = 17
PAD = 8
ROW_GAP = 12
COLUMN_GAP = 64
TOP = 30  # room for the column headings
LOOP = 40  # room right of the last column for connectors within a column


def text_width(text: str) -> int:
    """The width of ``text`` in columns: wide and full-width characters count two.

    >>> text_width("ECL:38"), text_width("连带责任"), text_width("CC 第1197条")
    (6, 8, 11)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int = WRAP) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken after a space where there is one in reach,
    else between characters (as Chinese text is). Nothing is dropped: the lines joined are ``text``.

    >>> wrap("Platform knew or should have known of the merchant's wrongdoing", 30)
    ['Platform knew or should have ', "known of the merchant's ", 'wrongdoing']
    >>> wrap("平台知道或者应当知道平台内经营者的侵权行为", 16)
    ['平台知道或者应当', '知道平台内经营者', '的侵权行为']
    >>> "".join(wrap("FSL art. 131(1): violation discovered but not reported or stopped", 20))
    'FSL art. 131(1): violation discovered but not reported or stopped'
    >>> wrap("")
    ['']
    """
    lines: list[str] = []
    rest = text
    while text_width(rest) > width:
        cut, used = 0, 0
        for i, ch in enumerate(rest):  # the longest prefix that fits
            used += text_width(ch)
            if used > width:
                break
            cut = i + 1
        space = rest.rfind(" ", 0, cut + 1)  # a space may end a line even where it overflows
        if space > 0:
            cut = space + 1
        lines.append(rest[:max(cut, 1)])
        rest = rest[max(cut, 1):]
    return [*lines, rest] if rest or not lines else lines


@dataclass(frozen=True)
class Box:
    """A node drawn as a box: its column, top-left corner, size (pixels) and its label's lines."""

    id: str
    label: str
    column: int
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area.

        >>> a = Box("a", "Fact", 0, 0, 0, 10, 10, ("a",))
        >>> a.overlaps(Box("b", "Fact", 0, 5, 5, 10, 10, ("b",))), a.overlaps(Box("c", "Fact", 0, 0, 10, 10, 10, ()))
        (True, False)
        """
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


@dataclass(frozen=True)
class Connector:
    """An edge from the right side of ``source``'s box to the left side of ``target``'s (the one further left
    is the source); ``rel`` is the relationship as stored, ``forward`` whether it runs source → target."""

    source: str
    target: str
    rel: str
    forward: bool
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Layout:
    boxes: list[Box]
    connectors: list[Connector]
    #: the x of each column's left side, and each column's width
    columns: list[tuple[float, float]]
    width: float
    height: float


def column_of(label: str) -> int:
    """The column of a node label (articles and doctrines for anything unlisted).

    >>> column_of("Fact"), column_of("Doctrine"), column_of("Position"), column_of("Case")
    (0, 2, 3, 2)
    """
    return COLUMN_OF.get(label, GROUNDS)


def _order(column: list[str], placed: dict[str, float], neighbours: dict[str, set[str]]) -> list[str]:
    """A column's nodes by the mean row of their neighbours already placed (fewer crossings); stable."""
    def key(node: str) -> float:
        rows = [placed[n] for n in neighbours.get(node, ()) if n in placed]
        return sum(rows) / len(rows) if rows else float("inf")
    return sorted(column, key=key)


def layout(nodes: Iterable[tuple[str, str, str]], edges: Iterable[tuple[str, str, str]],
           width: int = WRAP) -> Layout:
    """Boxes for ``nodes`` (id, label, text) in their columns, and connectors for ``edges`` (source, rel,
    target) between nodes that are drawn; facts keep the order given, every later column follows the
    rows of its neighbours to its left. A column's boxes are stacked with a gap, so none overlap."""
    texts: dict[str, tuple[str, str]] = {}
    for node_id, label, text in nodes:
        texts.setdefault(node_id, (label, text))
    links = [(s, rel, t) for s, rel, t in dict.fromkeys(edges) if s in texts and t in texts and s != t]
    neighbours: dict[str, set[str]] = {}
    for s, _, t in links:
        neighbours.setdefault(s, set()).add(t)
        neighbours.setdefault(t, set()).add(s)
    columns: list[list[str]] = [[] for _ in range(OUTCOME + 1)]
    for node_id, (label, _) in texts.items():
        columns[column_of(label)].append(node_id)
    placed: dict[str, float] = {}
    for index, column in enumerate(columns):
        if index:
            column[:] = _order(column, placed, neighbours)
        placed.update({node: row / max(len(column), 1) for row, node in enumerate(column)})

    wrapped = {node: tuple(wrap(text, width)) for node, (_, text) in texts.items()}
    widths = [max((text_width(line) for n in column for line in wrapped[n]), default=0) * UNIT + 2 * PAD
              for column in columns]
    heights = {node: len(lines) * LINE + 2 * PAD for node, lines in wrapped.items()}
    stacks = [sum(heights[n] for n in column) + ROW_GAP * max(len(column) - 1, 0) for column in columns]
    total = max(stacks, default=0)
    boxes: dict[str, Box] = {}
    lefts: list[tuple[float, float]] = []
    x = 0.0
    for index, column in enumerate(columns):
        lefts.append((x, widths[index]))
        y = TOP + (total - stacks[index]) / 2  # each column centred on the tallest
        for node in column:
            boxes[node] = Box(node, texts[node][0], index, x, y, widths[index], heights[node], wrapped[node])
            y += heights[node] + ROW_GAP
        x += widths[index] + (COLUMN_GAP if column else 0)

    connectors = []
    for s, rel, t in links:
        a, b = boxes[s], boxes[t]
        forward = (a.column, a.y) <= (b.column, b.y)
        left, right = (a, b) if forward else (b, a)
        x1 = left.x + left.width
        x2 = right.x if right.column != left.column else right.x + right.width  # same column: a loop on the right
        connectors.append(Connector(left.id, right.id, rel, forward, x1, left.y + left.height / 2,
                                    x2, right.y + right.height / 2))
    right_edge = max((b.x + b.width for b in boxes.values()), default=0.0)
    return Layout(list(boxes.values()), connectors, lefts, right_edge + LOOP, TOP + total)
