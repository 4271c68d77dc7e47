"""Case numbers: the forms the papers print, round trips, and refusal of garbage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lawgraph.ingest.case_numbers import PROCEDURES, PROVINCES, CaseNumber, CaseNumberError, parse_case_number


@pytest.mark.parametrize(("text", "canonical", "court", "procedure", "level", "province"), [
    ("(2020)湘01民终12683号", "(2020)湘01民终12683号", "湘01", "civil-second-instance", "intermediate", "湖南"),
    ("（2017）苏0722民初6号", "(2017)苏0722民初6号", "苏0722", "civil-first-instance", "basic", "江苏"),
    ("〔2020〕黑01民终4637号", "(2020)黑01民终4637号", "黑01", "civil-second-instance", "intermediate", "黑龙江"),
    ("(2015)海刑初字第512号", "(2015)海刑初字第512号", "海", "criminal-first-instance", None, None),
    ("(2012)高民终字第3969号", "(2012)高民终字第3969号", "高", "civil-second-instance", "high", None),
    ("(2018)京0491民初2386号", "(2018)京0491民初2386号", "京0491", "civil-first-instance", "basic", "北京"),
    ("(2021)京民终 7号", "(2021)京民终7号", "京", "civil-second-instance", "high", "北京"),
])
def test_forms_the_papers_print(text: str, canonical: str, court: str, procedure: str, level: str | None,
                                province: str | None) -> None:
    number = parse_case_number(text)
    assert (str(number), number.court_code, number.procedure, number.court_level, number.province) == (
        canonical, court, procedure, level, province)


new_form = st.builds(
    CaseNumber,
    year=st.integers(1980, 2099),
    court_code=st.tuples(st.sampled_from(sorted(PROVINCES)), st.sampled_from(["", "01", "0105", "1621"])).map(
        "".join),
    procedure_zh=st.sampled_from(sorted(PROCEDURES)),
    serial=st.integers(1, 999_999),
    old_form=st.just(False),
)
old_form = st.builds(
    CaseNumber,
    year=st.integers(1980, 2015),
    court_code=st.sampled_from(["海", "高", "一中", "朝"]),
    procedure_zh=st.sampled_from(["民初", "民终", "刑初", "刑终", "行初"]),
    serial=st.integers(1, 99_999),
    old_form=st.just(True),
)


@given(st.one_of(new_form, old_form))
def test_round_trip(number: CaseNumber) -> None:
    parsed = parse_case_number(str(number))
    assert parsed == number
    full_width = str(number).replace("(", "（").replace(")", "）")
    assert parse_case_number(full_width) == number


@given(st.text(max_size=40))
def test_garbage_is_refused_cleanly(text: str) -> None:
    try:
        number = parse_case_number(text)
    except CaseNumberError:
        return
    assert str(number).endswith("号")


@pytest.mark.parametrize("text", ["", "2020湘01民终12683", "(2020)湘01民终号", "(20)湘01民终1号", "(2020)湘01民X1号",
                                  "(1800)湘01民终1号", "(2020)XX01民终1号"])
def test_refused(text: str) -> None:
    with pytest.raises(CaseNumberError):
        parse_case_number(text)
