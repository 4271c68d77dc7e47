"""Parse statute files of the corpus markdown format into articles and paragraphs.

The format (see ``data/statutes/README.md``): ``# title`` (a second ``#`` line names a Civil Code
book), promulgation lines, ``<!-- INFO END -->``, then ``##``…``####`` headings for 编/分编/章/节 and
one article per block starting ``第X条`` (``第X条之一`` for inserted articles). The blank-line
separated blocks that follow are its paragraphs (款); blocks starting ``（一）`` are items (项) of
the paragraph before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lawgraph.graph.numerals import chinese_to_int
from lawgraph.ingest.errors import DataError, SourceLocation
from lawgraph.ingest.yaml_source import read_text_checked

INFO_END = "<!-- INFO END -->"
_NUM = "零〇一二三四五六七八九十百千"
ARTICLE_HEAD = re.compile(rf"^第([{_NUM}]+)条(?:之([{_NUM}]+))?(?:[\s\u3000]+|$)")
ITEM_HEAD = re.compile(rf"^（[{_NUM}]+）")
FOOTNOTE = re.compile(r"^[\u2460-\u2473]")  # ① … ⑳: editorial footnotes of the source, not statute text
APPENDIX_HEADINGS = ("附件", "附录")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class ParsedParagraph:
    """One 款, with its 项 kept as a list."""

    ordinal: int
    text_zh: str
    items: list[str] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return "\n".join([self.text_zh, *self.items])


@dataclass
class ParsedArticle:
    """One 条 as it stands in the file."""

    number: int
    suffix: int | None
    label_zh: str
    path_zh: list[str]
    line: int
    paragraphs: list[ParsedParagraph] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.suffix or 0)

    @property
    def text_zh(self) -> str:
        return "\n".join(p.full_text for p in self.paragraphs)


@dataclass
class ParsedStatuteFile:
    """What one statute file says: its title, dates and articles."""

    path: Path
    title_zh: str
    book_zh: str | None
    date_lines: list[tuple[str, str]]
    articles: list[ParsedArticle]
    preamble_zh: str | None = None
    appendix_zh: str | None = None
    notes_zh: list[str] = field(default_factory=list)

    @property
    def promulgated(self) -> str | None:
        """Date of the latest adoption or amendment line (the version the text is)."""
        dates = [d for d, words in self.date_lines if "施行" not in words]
        return dates[-1] if dates else None

    @property
    def effective(self) -> str | None:
        dates = [d for d, words in self.date_lines if "施行" in words]
        return dates[-1] if dates else None


def _normalise_heading(text: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", text.strip())


def parse_statute_file(path: Path) -> ParsedStatuteFile:
    """Parse one statute file.

    Raises
    ------
    DataError
        For a file that is empty, not UTF-8, has no title, no articles, duplicate article numbers
        or an article number that is not a numeral — naming the file and line.
    """
    text = read_text_checked(path)
    # \r\n, \r or \n end a line, as in editors; str.splitlines() would also split at U+2028, \x0c …
    # and so number the lines after one of those differently from the file the user opens
    lines = _LINE_BREAK.split(text)
    titles: list[str] = []
    date_lines: list[tuple[str, str]] = []
    body_start = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if line == INFO_END:
            body_start = index + 1
            break
        if line.startswith("# "):
            titles.append(_normalise_heading(line[2:]))
        elif match := DATE_LINE.match(line):
            year, month, day = (int(g) for g in match.groups())
            date_lines.append((f"{year:04d}-{month:02d}-{day:02d}", line[match.end():].strip()))
    else:
        raise DataError(SourceLocation(path, 1), f"no '{INFO_END}' line: not a statute file of the corpus format")
    if not titles:
        raise DataError(SourceLocation(path, 1), "no '# title' line before the info end marker")

    articles: list[ParsedArticle] = []
    headings: dict[int, str] = {}
    if len(titles) > 1:
        headings[1] = titles[1]
    seen: dict[tuple[int, int], int] = {}
    current: ParsedArticle | None = None
    preamble: list[str] = []
    appendix: list[str] = []
    notes: list[str] = []
    in_appendix = False
    for index in range(body_start, len(lines)):
        line = lines[index].strip()
        line_no = index + 1
        if not line:
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = _normalise_heading(line[level:])
            in_appendix = headings[level].startswith(APPENDIX_HEADINGS)
            current = None
            continue
        if FOOTNOTE.match(line):
            notes.append(line)
            continue
        if in_appendix:
            appendix.append(line)
            continue
        if match := ARTICLE_HEAD.match(line):
            try:
                number = chinese_to_int(match.group(1))
                suffix = chinese_to_int(match.group(2)) if match.group(2) else None
            except ValueError as exc:
                raise DataError(SourceLocation(path, line_no), f"bad article number: {exc}") from None
            label = line[: match.end()].strip()
            key = (number, suffix or 0)
            if key in seen:
                raise DataError(SourceLocation(path, line_no),
                                f"duplicate article {label} (first at line {seen[key]})")
            seen[key] = line_no
            current = ParsedArticle(number, suffix, label, [headings[k] for k in sorted(headings)], line_no)
            articles.append(current)
            body = line[match.end():].strip()
            if body:
                current.paragraphs.append(ParsedParagraph(1, body))
            continue
        if current is None and not articles:
            preamble.append(line)
            continue
        if current is None:
            raise DataError(SourceLocation(path, line_no), f"text outside any article: {line[:30]!r}")
        if ITEM_HEAD.match(line) and current.paragraphs:
            current.paragraphs[-1].items.append(line)
        else:
            current.paragraphs.append(ParsedParagraph(len(current.paragraphs) + 1, line))
    if not articles:
        raise DataError(SourceLocation(path, 1), "no articles (第X条) found")
    return ParsedStatuteFile(path, titles[0], titles[1] if len(titles) > 1 else None, date_lines, articles,
                             "\n".join(preamble) or None, "\n".join(appendix) or None, notes)
