"""Input errors that name the file and line, so a user can fix the data without a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawgraph.errors import LawgraphError


@dataclass(frozen=True)
class SourceLocation:
    """A place in a data file (line is 1-based; 0 when the whole file is meant)."""

    file: Path
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


class DataError(LawgraphError):
    """One problem in one data file."""

    def __init__(self, location: SourceLocation, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class BuildRefused(LawgraphError):
    """The build found problems; nothing of it may be loaded."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        head = f"build refused: {len(errors)} error(s) in the data; nothing was loaded"
        super().__init__("\n".join([head, *(str(e) for e in errors)]))
