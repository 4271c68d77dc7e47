"""Chinese court case numbers (案号): parse, normalise, and read the court and procedure from them.

Two forms are read. Since 2016 (SPC rules on case numbers): ``(2020)湘01民终12683号`` — year, court
code (province abbreviation + digits: none = high court, two = intermediate, four = basic court),
procedure type, serial. Before 2016: ``(2012)高民终字第3969号`` — a court abbreviation of the court's
own choosing (so province and level are often unknown from the number alone), procedure, ``字第``,
serial. Full-width （）and 〔〕 brackets are read and normalised to ASCII parentheses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROVINCES: dict[str, str] = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "蒙": "内蒙古",
    "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建",
    "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北", "湘": "湖南", "粤": "广东", "桂": "广西",
    "琼": "海南", "川": "四川", "黔": "贵州", "贵": "贵州", "云": "云南", "滇": "云南", "藏": "西藏",
    "陕": "陕西", "甘": "甘肃", "青": "青海", "宁": "宁夏", "新": "新疆", "兵": "新疆生产建设兵团",
}

#: procedure characters → (id, description). Only these are accepted.
PROCEDURES: dict[str, str] = {
    "民初": "civil-first-instance",
    "民终": "civil-second-instance",
    "民再": "civil-retrial",
    "民申": "civil-retrial-review",
    "民辖终": "civil-jurisdiction-appeal",
    "民辖": "civil-jurisdiction",
    "民特": "civil-special-procedure",
    "民督": "civil-payment-order",
    "刑初": "criminal-first-instance",
    "刑终": "criminal-second-instance",
    "刑再": "criminal-retrial",
    "刑申": "criminal-retrial-review",
    "行初": "administrative-first-instance",
    "行终": "administrative-second-instance",
    "行再": "administrative-retrial",
    "行申": "administrative-retrial-review",
    "知民初": "ip-civil-first-instance",
    "知民终": "ip-civil-second-instance",
    "执": "enforcement",
    "执异": "enforcement-objection",
    "执复": "enforcement-review",
}

#: courts whose level the digit-count rule does not give (which court a code stands for is data:
#: data/courts.yaml, read by the build)
SPECIAL_LEVELS: dict[str, str] = {"最高法": "supreme"}

_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"})
_PROC = "|".join(sorted((re.escape(p) for p in PROCEDURES), key=len, reverse=True))
_NEW = re.compile(rf"^\((?P<year>\d{{4}})\)(?P<court>(?:最高法|[{''.join(PROVINCES)}](?:\d{{2}}|\d{{4}})?))"
                  rf"(?P<proc>{_PROC})(?P<serial>[1-9]\d{{0,6}})号$")
_OLD = re.compile(rf"^\((?P<year>\d{{4}})\)(?P<court>[\u4e00-\u9fff]{{1,8}}?)(?P<proc>{_PROC})"
                  rf"字第(?P<serial>[1-9]\d{{0,6}})号$")


class CaseNumberError(ValueError):
    """A string that is not a case number of either form."""


@dataclass(frozen=True)
class CaseNumber:
    """A parsed case number."""

    year: int
    court_code: str
    procedure_zh: str
    serial: int
    old_form: bool = False

    @property
    def procedure(self) -> str:
        return PROCEDURES[self.procedure_zh]

    @property
    def province(self) -> str | None:
        if self.court_code in SPECIAL_LEVELS:
            return None
        if self.old_form:
            return None
        return PROVINCES.get(self.court_code[0])

    @property
    def court_level(self) -> str | None:
        """supreme / high / intermediate / basic; None when the number cannot tell (old form)."""
        if self.court_code in SPECIAL_LEVELS:
            return SPECIAL_LEVELS[self.court_code]
        if self.old_form:
            return "high" if self.court_code == "高" else None
        digits = len(self.court_code) - 1
        return {0: "high", 2: "intermediate", 4: "basic"}.get(digits)

    def __str__(self) -> str:
        if self.old_form:
            return f"({self.year}){self.court_code}{self.procedure_zh}字第{self.serial}号"
        return f"({self.year}){self.court_code}{self.procedure_zh}{self.serial}号"


def parse_case_number(text: str) -> CaseNumber:
    """Parse a case number in either form, with any of the bracket styles.

    Examples
    --------
    >>> n = parse_case_number("（2020）湘01民终12683号")
    >>> str(n), n.year, n.court_code, n.procedure, n.province, n.court_level, n.serial
    ('(2020)湘01民终12683号', 2020, '湘01', 'civil-second-instance', '湖南', 'intermediate', 12683)
    >>> parse_case_number("(2018)京0491民初2386号").court_level
    'basic'
    >>> n = parse_case_number("〔2015〕海刑初字第512号")
    >>> str(n), n.court_code, n.procedure, n.court_level
    ('(2015)海刑初字第512号', '海', 'criminal-first-instance', None)
    >>> parse_case_number("(2012)高民终字第3969号").court_level
    'high'
    >>> parse_case_number("2020湘01民终12683")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    ingest.case_numbers.CaseNumberError: not a case number: '2020湘01民终12683'
    """
    if not isinstance(text, str):
        raise CaseNumberError(f"not a case number: {text!r}")
    cleaned = re.sub(r"[\s\u3000]+", "", text).translate(_BRACKETS)
    for pattern, old in ((_NEW, False), (_OLD, True)):
        match = pattern.match(cleaned)
        if match:
            year = int(match.group("year"))
            if not 1949 <= year <= 2100:
                raise CaseNumberError(f"not a case number (year {year}): {text!r}")
            return CaseNumber(year, match.group("court"), match.group("proc"), int(match.group("serial")), old)
    raise CaseNumberError(f"not a case number: {text!r}")


def normalise_case_number(text: str) -> str:
    """The canonical id form of a case number.

    >>> normalise_case_number("（2020）黑01民终4637号")
    '(2020)黑01民终4637号'
    """
    return str(parse_case_number(text))
