"""The court-code table (data/courts.yaml): which court a case number's code stands for, where known.

A paper's own naming of a court (a case's ``court_name_zh``) comes first; this table names the court of a
case whose paper does not. A code with ``name_zh: null`` is one the number cannot resolve (the pre-2016
abbreviations), with a note saying why.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

#: the table's file, in the data folder (optional: a data folder without it names no court by code)
COURT_CODES_FILE = "courts.yaml"


class CourtCode(BaseModel):
    """One row of the table."""

    model_config = ConfigDict(extra="forbid")

    code: str
    name_zh: str | None
    note_en: str | None = None
