"""Safe YAML reading that keeps line numbers for error messages.

Only plain YAML is accepted: anchors and aliases (the "billion laughs" bomb) and tags are refused,
and files over :data:`MAX_FILE_BYTES` are refused before they are parsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from ingest.errors import DataError, SourceLocation

#: Largest data file read (statute files are < 250 kB; a case file is a few kB).
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class YamlDocument:
    """One YAML document of a file, with the line it starts on."""

    path: Path
    line: int
    data: Any


def read_text_checked(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 data file, refusing one that is too large, empty or not UTF-8."""
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(SourceLocation(path), f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(SourceLocation(path, line), f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise DataError(SourceLocation(path), "file is empty")
    return text.removeprefix("\ufeff")


def _refuse_unsafe_constructs(path: Path, text: str) -> None:
    yaml = YAML(typ="safe", pure=True)
    try:
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise DataError(SourceLocation(path, line), "YAML aliases (*name) are not allowed in data files")
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise DataError(SourceLocation(path, line), "YAML anchors (&name) are not allowed in data files")
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataError(SourceLocation(path, line), f"malformed YAML: {exc.problem or exc.context}") from None


def load_yaml_documents(path: Path) -> list[YamlDocument]:
    """Parse every document of a YAML file; mappings and lists keep their line numbers."""
    text = read_text_checked(path)
    _refuse_unsafe_constructs(path, text)
    yaml = YAML(typ="rt", pure=True)
    try:
        documents = list(yaml.load_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataError(SourceLocation(path, line), f"malformed YAML: {exc.problem or exc.context}") from None
    except YAMLError as exc:
        raise DataError(SourceLocation(path), f"malformed YAML: {exc}") from None
    result = []
    for document in documents:
        if document is None:
            continue
        result.append(YamlDocument(path, line_of(document), document))
    if not result:
        raise DataError(SourceLocation(path), "file holds no YAML document")
    return result


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping/list (or of one of its keys/items); 0 when unknown."""
    if isinstance(node, (CommentedMap, CommentedSeq)):
        try:
            if key is None:
                return int(node.lc.line) + 1
            if isinstance(node, CommentedMap) and key in node:
                return int(node.lc.key(key)[0]) + 1
            if isinstance(node, CommentedSeq) and isinstance(key, int):
                return int(node.lc.item(key)[0]) + 1
        except (AttributeError, KeyError, TypeError, IndexError):
            return 0
    return 0


def plain(node: Any) -> Any:
    """Turn ruamel's commented containers into plain dicts/lists/str for pydantic."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def iter_items(node: Any) -> Iterator[tuple[int, Any]]:
    """Items of a YAML list with their line numbers."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield line_of(node, index), item
