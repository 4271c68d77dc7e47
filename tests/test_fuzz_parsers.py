"""Fuzzing the parsers of untrusted text: they return a result or raise their own clean error, nothing else.

* ``parse_case_number`` — any text (and any non-text) gives a CaseNumber that round-trips, or
  CaseNumberError;
* ``parse_statute_file`` — any bytes, and statute-like text built from the format's own pieces,
  gives a ParsedStatuteFile with unique articles, or DataError naming the file and a line in it;
* ``load_yaml_documents`` — any text gives documents or DataError (file and line);
* ``build_graph`` — the valid base with one value of a case or knowledge file replaced by an arbitrary
  YAML value gives a BuildReport or BuildRefused (every error naming a file and a line).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lawgraph.graph.numerals import int_to_chinese
from lawgraph.ingest.build import BuildReport, build_graph
from lawgraph.ingest.case_numbers import PROCEDURES, PROVINCES, CaseNumber, CaseNumberError, parse_case_number
from lawgraph.ingest.errors import BuildRefused, DataError
from lawgraph.ingest.statutes import INFO_END, ParsedStatuteFile, parse_statute_file
from lawgraph.ingest.yaml_source import load_yaml_documents
from reliability_support import VALID

#: examples per parser test; FUZZ_EXAMPLES=5000 searches harder (not a LAWGRAPH_ variable: the CLI refuses unknown ones)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def scratch_file(name: str, content: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        yield path


# ----------------------------------------------------------------------------- case numbers

BRACKETS = st.sampled_from([("(", ")"), ("（", "）"), ("〔", "〕"), ("[", "]"), ("【", "】"), ("", ""), ("(", "")])
YEARS = st.one_of(st.integers(1940, 2110).map(str), st.text("0123456789", min_size=0, max_size=6))
COURTS = st.one_of(
    st.builds(lambda p, d: p + d, st.sampled_from(sorted(PROVINCES)),
              st.sampled_from(["", "01", "0105", "0491", "1", "012", "01234"])),
    st.sampled_from(["最高法", "高", "海", "京高", "一中"]),
    st.text(min_size=0, max_size=4),
)
PROCS = st.one_of(st.sampled_from(sorted(PROCEDURES)), st.text(min_size=0, max_size=3))
SERIALS = st.one_of(st.integers(0, 10_000_000).map(str), st.text("0123456789一二三", min_size=0, max_size=9))
NUMBERS = st.builds(
    lambda b, y, c, p, old, s, end: f"{b[0]}{y}{b[1]}{c}{p}{'字第' if old else ''}{s}{end}",
    BRACKETS, YEARS, COURTS, PROCS, st.booleans(), SERIALS, st.sampled_from(["号", "", "號", "号 "]))


def _check_case_number(text: Any) -> None:
    try:
        number = parse_case_number(text)
    except CaseNumberError as exc:
        assert str(exc)
        return
    assert isinstance(number, CaseNumber)
    assert 1949 <= number.year <= 2100 and number.serial >= 1
    assert number.procedure_zh in PROCEDURES
    again = parse_case_number(str(number))  # the canonical form parses to the same number
    assert again == number and str(again) == str(number)
    assert number.court_level in (None, "supreme", "high", "intermediate", "basic")


@FUZZ
@given(NUMBERS)
@example("（2020）湘01民终12683号")
@example("〔2015〕海刑初字第512号")
@example("(2020)湘01民终0号")
@example("(1900)湘01民终1号")
def test_case_numbers_built_from_pieces(text: str) -> None:
    _check_case_number(text)


@FUZZ
@given(st.one_of(st.text(max_size=40), st.binary(max_size=20), st.integers(), st.none(), st.floats(),
                 st.lists(st.text(max_size=3), max_size=3)))
def test_case_numbers_from_anything(value: Any) -> None:
    _check_case_number(value)


# ----------------------------------------------------------------------------- statute files

NUMERAL_CHARS = "零〇一二三四五六七八九十百千两"
NUMERALS = st.one_of(st.integers(1, 9999).map(int_to_chinese), st.text(NUMERAL_CHARS, min_size=1, max_size=6),
                     st.integers(0, 20000).map(str))
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
LINES = st.one_of(
    st.builds(lambda n, s, body: f"第{n}条{'之' + s if s else ''} {body}", NUMERALS,
              st.one_of(st.just(""), NUMERALS), TEXT),
    st.builds(lambda n, body: f"（{n}）{body}", NUMERALS, TEXT),
    st.builds(lambda level, body: "#" * level + " " + body, st.integers(1, 5), TEXT),
    st.sampled_from(["## 附件", "## 附录一", "① 注释", "2018年8月31日 通过", "2019年1月1日 施行", INFO_END, "",
                     "\u3000", "第条", "第十条之", "# 中华人民共和国测试法"]),
    TEXT,
)


@st.composite
def statute_texts(draw: st.DrawFn) -> str:
    head = draw(st.lists(LINES, max_size=4))
    if draw(st.booleans()):
        head = ["# 中华人民共和国测试法", *head, INFO_END]
    body = draw(st.lists(LINES, max_size=25))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n\u3000\n"]))
    return separator.join([*head, *body])


def _check_statute(content: bytes) -> None:
    with scratch_file("fuzz-law.md", content) as path:
        try:
            parsed = parse_statute_file(path)
        except DataError as exc:
            assert exc.location.file == path
            line_count = len(re.split(rb"\r\n|\r|\n", content))  # lines as an editor counts them
            assert 1 <= exc.location.line <= line_count, (exc.location.line, line_count)
            assert exc.message and "Traceback" not in exc.message
            return
    assert isinstance(parsed, ParsedStatuteFile)
    assert parsed.articles and parsed.title_zh
    keys = [a.key for a in parsed.articles]
    assert len(keys) == len(set(keys))
    for article in parsed.articles:
        assert article.number >= 0 and article.line >= 1
        assert [p.ordinal for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))


@FUZZ
@given(statute_texts())
@example("# 法\n\n<!-- INFO END -->\n\n第一条 一\n\n第一条 二")
@example("# 法\n<!-- INFO END -->\n第百十条 x")
@example("# 法\n<!-- INFO END -->\n前言\n## 第一章\n孤立的一段")
def test_statute_like_text(text: str) -> None:
    _check_statute(text.encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
@example(b"")
@example(b"\xef\xbb\xbf")
@example("# 法\n<!-- INFO END -->\n第一条 ".encode() + b"\xff\xfe")
def test_statute_files_of_any_bytes(content: bytes) -> None:
    _check_statute(content)


# ----------------------------------------------------------------------------- YAML files


@FUZZ
@given(st.one_of(st.text(max_size=200), st.builds(lambda lines: "\n".join(lines), st.lists(st.sampled_from(
    ["a: 1", "- x", "  - y", "b: [1, 2", "c: &x 1", "d: *x", "e: !!binary aGk=", "f: !tag {}", "? [1]", ": 2",
     "---", "g: {h: i}", "g: again", "'k': \"v\"", "\t- tab", "<<: *x", "id: danger-control", "..."]),
    max_size=12))))
def test_yaml_loader(text: str) -> None:
    with scratch_file("fuzz.yaml", text.encode("utf-8")) as path:
        try:
            documents = load_yaml_documents(path)
        except DataError as exc:
            assert exc.location.file == path and exc.location.line >= 1
            return
    assert documents and all(doc.line >= 1 and doc.path == path for doc in documents)


# ----------------------------------------------------------------------------- whole builds

YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2, 10**12), st.floats(allow_nan=True), st.text(max_size=12),
              st.sampled_from(["ECL:38(2)", "several", "paper-000#3.3", "(2020)黑01民终4637号", "statute:ECL#art-99",
                               "unnumbered:x", "platform:sankuai", "danger-control", "", "2020-01-01"])),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.sampled_from(["target", "sources", "form", "share", "x"]),
                                               children, max_size=3)),
    max_leaves=6)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


FILES = ["cases/heilongjiang-4637.yaml", "knowledge/knowledge.yaml", "publications.yaml"]


@settings(max_examples=max(60, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data(), YAML_VALUES)
def test_build_of_a_mutated_valid_base(file: str, data: st.DataObject, value: Any) -> None:
    original = yaml.safe_load((VALID / file).read_text(encoding="utf-8"))
    paths = list(_paths(original))
    path = data.draw(st.sampled_from(paths))
    node = original
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        shutil.copytree(VALID, root)
        (root / file).write_text(yaml.safe_dump(original, allow_unicode=True), encoding="utf-8")
        try:
            report = build_graph(root)
        except BuildRefused as refused:
            assert refused.errors
            for error in refused.errors:
                assert error.location.file.is_relative_to(root) and error.location.line >= 1, str(error)
            return
    assert isinstance(report, BuildReport) and report.graph.nodes
