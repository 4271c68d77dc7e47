"""The statute corpus: parser, counts, references, and files the parser has never seen."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lawgraph.graph.model import Label, RelType
from lawgraph.ingest.build import BuildReport, build_graph
from lawgraph.ingest.errors import BuildRefused, DataError
from lawgraph.ingest.statutes import parse_statute_file

EXPECTED_ARTICLES = {"CC": 1260, "ECL": 89, "CRPL": 63, "CL": 505, "FSL": 154, "CSL": 79, "SPC-OCD-1": 20,
                     "SPC-FD": 19, "TLL": 92, "CTL": 428, "AL": 74, "TRL": 112, "SPC-FSCD-1": 14, "SPC-FDPD": 19,
                     "SPC-CCTE": 28, "SPC-CCT-1": 26}
CLI = [sys.executable, "-m", "lawgraph"]


def test_articles_by_law(report: BuildReport) -> None:
    assert report.articles_by_law == EXPECTED_ARTICLES
    inserted = [n for n in report.graph.nodes.values() if n.label is Label.ARTICLE and n.props.get("law") == "CL"
                and n.props.get("suffix")]
    assert len(inserted) == 53


def test_paragraphs_items_and_paths(report: BuildReport) -> None:
    nodes = report.graph.nodes
    assert [n for n in nodes if n.startswith("CC:1198(")] == ["CC:1198(1)", "CC:1198(2)"]
    assert nodes["ECL:38(2)"].props["text_zh"].startswith("对关系消费者生命健康的商品或者服务")
    cl = nodes["CL:286-1"].props
    assert (cl["number"], cl["suffix"], cl["label_zh"]) == (286, 1, "第二百八十六条之一")
    assert nodes["CL:286-1(1)"].props["items"][0] == "（一）致使违法信息大量传播的；"
    assert [n for n in nodes if n.startswith("CL:286-1(")] == ["CL:286-1(1)", "CL:286-1(2)", "CL:286-1(3)"]
    assert nodes["CC:1198"].props["path_zh"] == ["侵权责任编", "第三章 责任主体的特殊规定"]
    assert nodes["ECL"].props["effective"] == "2019-01-01"
    assert nodes["TLL"].props["repealed"] == "2021-01-01"


def test_references_in_text(report: BuildReport) -> None:
    refs = {(e.source, e.target): e.props["text"] for e in report.graph.edges if e.type is RelType.REFERS_TO}
    assert refs[("ECL:83", "ECL:38")] == "本法第三十八条"
    assert refs[("SPC-OCD-1:16", "ECL:38")] == "电子商务法第三十八条"
    assert ("SPC-OCD-1:18", "FSL:62") in refs and ("SPC-OCD-1:18", "FSL:131") in refs
    assert report.references_found == 489
    # SPC-FDPD arts. 3, 9, 10, 11 cite 药品管理法第一百四十四条第三款: the Drug Administration Law is not in the corpus
    assert report.references_outside_corpus == 6


NEW_STATUTE = """# 中华人民共和国测试平台法

2030年1月2日 第一届测试会议通过

2030年6月1日 施行

<!-- INFO END -->

## 第一章 总则

第一条 为了测试，制定本法。

第二条 平台应当遵守本法第一条的规定，并依照《中华人民共和国电子商务法》第三十八条承担责任。

违反前款规定的，依照《中华人民共和国产品质量法》第四十三条处理。

第二条之一 平台有下列情形之一的，适用本法第二条：

（一）未审核的；

（二）未告知的。
"""


def _data_with(tmp_path: Path, name: str, text: str | bytes) -> Path:
    data = tmp_path / "data"
    (data / "statutes").mkdir(parents=True)
    statutes = Path(__file__).resolve().parents[1] / "data" / "statutes"
    for copied in ("ecommerce-law-2018.md", "catalog.yaml"):
        (data / "statutes" / copied).write_bytes((statutes / copied).read_bytes())
    target = data / "statutes" / name
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return data


def test_a_statute_file_never_seen_loads(tmp_path: Path) -> None:
    report = build_graph(_data_with(tmp_path, "test-platform-law-2030.md", NEW_STATUTE))
    assert report.articles_by_law["TPL"] == 3
    statute = report.graph.nodes["TPL"].props
    assert (statute["title_zh"], statute["promulgated"], statute["effective"], statute["kind"]) == (
        "中华人民共和国测试平台法", "2030-01-02", "2030-06-01", "law")
    assert report.graph.nodes["TPL:2-1"].props["suffix"] == 1
    assert report.graph.nodes["TPL:2-1(1)"].props["items"] == ["（一）未审核的；", "（二）未告知的。"]
    refs = {(e.source, e.target) for e in report.graph.edges if e.type is RelType.REFERS_TO}
    assert {("TPL:2", "TPL:1"), ("TPL:2", "ECL:38"), ("TPL:2-1", "TPL:2")} <= refs
    assert report.references_outside_corpus == 1
    assert report.outside_titles == {"中华人民共和国产品质量法": 1}


@pytest.mark.parametrize(("content", "message"), [
    ("# 标题\n\n<!-- INFO END -->\n\n第一条 内容。\n".encode("gbk"), "not valid UTF-8"),
    ("# 中华人民共和国空法\n\n<!-- INFO END -->\n\n## 第一章\n\n", "no articles"),
    ("", "file is empty"),
    ("# 法\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第一条 乙。\n", "duplicate article 第一条 (first at line 5)"),
])
def test_bad_statute_files_are_refused_by_name(tmp_path: Path, content: str | bytes, message: str) -> None:
    data = _data_with(tmp_path, "bad-law.md", content)
    with pytest.raises(BuildRefused) as refused:
        build_graph(data)
    errors = [e for e in refused.value.errors if e.location.file.name == "bad-law.md"]
    assert errors and message in errors[0].message


def test_parser_reports_the_line_of_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dup.md"
    path.write_text("# 法\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第一条 乙。\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        parse_statute_file(path)
    assert str(error.value) == f"{path}:7: duplicate article 第一条 (first at line 5)"


def test_cli_build_json_counts() -> None:
    result = subprocess.run([*CLI, "build", "--json"], capture_output=True, text=True, check=True)
    summary = json.loads(result.stdout)
    assert summary["articles_by_law"] == EXPECTED_ARTICLES
    assert summary["nodes"]["Statute"] == 16


def test_cli_refuses_bad_statute_without_traceback(tmp_path: Path) -> None:
    data = _data_with(tmp_path, "bad-law.md", "# 中华人民共和国空法\n\n<!-- INFO END -->\n")
    result = subprocess.run([*CLI, "build", "--data", str(data)], capture_output=True, text=True)
    assert result.returncode == 2
    assert re.search(r"bad-law.md(:\d+)?: no articles", result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
