"""Versions of a statute from its files, and the dates and repeals the texts print.

Files of one code whose latest adoption line is the same date are parts (books) of one version (the Civil
Code's eight files); files whose latest adoption lines differ are versions of one work
(``food-safety-law-2021.md``, ``food-safety-law-2025.md``). Dates are read, never assumed: a version's
effective date is its file's 施行 line, or — for a text that was never amended (one adoption line) — its own
commencement article (本法自…起施行); an amended text's commencement article dates the original enactment,
not the version, so the version's effective date is then left empty.

>>> commencement("第九十二条 本法自2010年7月1日起施行。")
'2010-07-01'
>>> clause, = repeal_clauses("本法自2021年1月1日起施行。《中华人民共和国合同法》、《中华人民共和国物权法》同时废止。")
>>> clause.date, clause.titles
('2021-01-01', ('中华人民共和国合同法', '中华人民共和国物权法'))
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lawgraph.ingest.statutes import ParsedStatuteFile

_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_COMMENCES = re.compile(rf"本(?:法|解释|规定|决定|条例)自{_DATE}起施行")
_REPEALS = re.compile(rf"本(?:法|解释|规定)自{_DATE}起施行。((?:《[^《》]+》[、，和]?)+)同时废止")
_TITLE = re.compile(r"《([^《》]+)》")


def _iso(match: re.Match[str], first: int = 1) -> str:
    year, month, day = (int(match.group(i)) for i in range(first, first + 3))
    return f"{year:04d}-{month:02d}-{day:02d}"


def commencement(text: str) -> str | None:
    """The date a text's own commencement article prints (本法自…起施行), if any."""
    match = _COMMENCES.search(text)
    return _iso(match) if match else None


@dataclass(frozen=True)
class RepealClause:
    """本法自<date>起施行。《A》、《B》同时废止: the works the text repeals on that date."""

    date: str
    titles: tuple[str, ...]
    text: str


def repeal_clauses(text: str) -> list[RepealClause]:
    """The repeal clauses of a text (a commencement article that repeals named statutes)."""
    return [RepealClause(_iso(m), tuple(_TITLE.findall(m.group(4))), m.group(0)) for m in _REPEALS.finditer(text)]


@dataclass
class VersionFiles:
    """The files of one version of a work, in catalog (book) order, and the dates they print."""

    code: str
    version_date: str
    files: list[ParsedStatuteFile]

    @property
    def id(self) -> str:
        """``FSL@2021``: the work's code and the year of the version's adoption."""
        return f"{self.code}@{self.version_date[:4] or 'undated'}"

    @property
    def enacted(self) -> str | None:
        """The first adoption line printed: the work's original enactment."""
        dates = [d for f in self.files for d, words in f.date_lines if "施行" not in words]
        return min(dates) if dates else None

    @property
    def amended(self) -> bool:
        """Whether the text prints more than one adoption line (a revision or amendment)."""
        return len({d for f in self.files for d, words in f.date_lines if "施行" not in words}) > 1

    @property
    def effective_from(self) -> str | None:
        printed = [f.effective for f in self.files if f.effective]
        if printed:
            return max(printed)
        if self.amended:
            return None
        for parsed in self.files:
            for article in reversed(parsed.articles):
                if date := commencement(article.text_zh):
                    return date
        return None


def group_versions(code: str, files: list[ParsedStatuteFile]) -> list[VersionFiles]:
    """The versions of a work, oldest first; files without a dated adoption line form one undated version."""
    by_date: dict[str, list[ParsedStatuteFile]] = defaultdict(list)
    for parsed in files:
        by_date[parsed.promulgated or ""].append(parsed)
    return [VersionFiles(code, date, group) for date, group in sorted(by_date.items())]
