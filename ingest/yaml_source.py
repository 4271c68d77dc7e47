"""Safe YAML reading that keeps line numbers for error messages.

Only plain YAML is accepted: anchors and aliases (the "billion laughs" bomb), tags other than the
core ones (``!!python/object``, ``!!binary``, ``!custom`` …) and a key given twice in one mapping are
refused; files over :data:`MAX_FILE_BYTES` are refused before they are parsed. A problem with a whole
file (too large, empty) is reported at line 1, so every message has the ``file:line:`` form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lawgraph.ingest.errors import DataError, SourceLocation
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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
        raise DataError(SourceLocation(path, 1), f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(re.split(rb"\r\n|\r|\n", raw[: exc.start]))  # lines end as editors end them
        raise DataError(SourceLocation(path, line), f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise DataError(SourceLocation(path, 1), "file is empty")
    return text.removeprefix("\ufeff")


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list):  # type: ignore[type-arg]
    """A list that remembers the line of each item (1-based)."""

    line: int = 0
    lines: list[int]


def _yaml_problem(path: Path, exc: yaml.YAMLError, text: str = "") -> DataError:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow (a control character …)
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return DataError(SourceLocation(path, line), f"malformed YAML: character U+{char:04X}: {exc.reason}")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    return DataError(SourceLocation(path, line), f"malformed YAML: {problem}")


def _refuse_unsafe_constructs(path: Path, text: str) -> None:
    if "&" not in text and "*" not in text:  # no anchor or alias can be written without these
        return
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, AliasEvent):
                raise DataError(SourceLocation(path, event.start_mark.line + 1),
                                "YAML aliases (*name) are not allowed in data files")
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor:
                raise DataError(SourceLocation(path, event.start_mark.line + 1),
                                "YAML anchors (&name) are not allowed in data files")
    except yaml.YAMLError as exc:
        raise _yaml_problem(path, exc, text) from None


#: the tags plain YAML resolves to (explicit or implicit); any other tag is refused
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}"
                        for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def _construct(node: Node, constructor: SafeConstructor) -> Any:
    if node.tag not in _PLAIN_TAGS:
        raise _Refused(node.start_mark.line + 1,
                       f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in data files")
    if isinstance(node, MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.lines = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, constructor)
            if key in mapping:
                raise _Refused(key_node.start_mark.line + 1,
                               f"duplicate key {key!r} (first at line {mapping.lines[key]})")
            mapping[key] = _construct(value_node, constructor)
            mapping.lines[key] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, SequenceNode):
        items = LineList(_construct(item, constructor) for item in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [item.start_mark.line + 1 for item in node.value]
        return items
    assert isinstance(node, ScalarNode)
    return constructor.construct_object(node, deep=True)


def load_yaml_documents(path: Path) -> list[YamlDocument]:
    """Parse every document of a YAML file; mappings and lists keep their line numbers."""
    text = read_text_checked(path)
    _refuse_unsafe_constructs(path, text)
    constructor = SafeConstructor()
    result = []
    try:
        for node in yaml.compose_all(text, Loader=_Loader):
            if node is None:
                continue
            data = _construct(node, constructor)
            if data is None:
                continue
            result.append(YamlDocument(path, node.start_mark.line + 1, data))
    except yaml.YAMLError as exc:
        raise _yaml_problem(path, exc, text) from None
    except _Refused as exc:
        raise DataError(SourceLocation(path, exc.line), exc.message) from None
    except (TypeError, ValueError) as exc:  # e.g. an unhashable key
        raise DataError(SourceLocation(path, 1), f"malformed YAML: {exc}") from None
    if not result:
        raise DataError(SourceLocation(path, 1), "file holds no YAML document")
    return result


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping/list (or of one of its keys/items); 0 when unknown."""
    if isinstance(node, LineDict):
        return node.line if key is None else node.lines.get(key, 0)
    if isinstance(node, LineList):
        if key is None:
            return node.line
        return node.lines[key] if isinstance(key, int) and 0 <= key < len(node.lines) else 0
    return 0


def plain(node: Any) -> Any:
    """Turn line-keeping containers into plain dicts and lists for pydantic."""
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
