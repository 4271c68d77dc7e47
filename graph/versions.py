"""Which text of a statute governed on a date: a work, its versions and ``in_force_on``.

A statute is a *work* (``FSL``) with *versions* (``FSL@2021``, ``FSL@2025``), each the text as adopted
on its ``version_date``. A version governs from its ``effective_from``; the corpus does not always print
that date (an amendment's file prints its adoption, not its commencement), and then nothing is assumed
silently: the answer says ``certain=False``, or, where the corpus holds both the earlier and the later
text, that it cannot choose between them. A date before every version the corpus holds resolves to the
work, flagged ``version-not-in-corpus``, never to a later text. A repealed work answers with its successor.

>>> fsl = Work("FSL", enacted="2009-02-28", versions=(
...     Version("FSL@2021", "2021-04-29", None), Version("FSL@2025", "2025-09-12", None)))
>>> in_force_on(fsl, "2022-06-01").version
'FSL@2021'
>>> in_force_on(fsl, "2012-03-01").status.value
'version-not-in-corpus'
>>> in_force_on(fsl, "2026-01-01").candidates  # the 2025 file prints no effective date
('FSL@2021', 'FSL@2025')
>>> tll = Work("TLL", enacted="2009-12-26", repealed="2021-01-01", successor="CC",
...            versions=(Version("TLL@2009", "2009-12-26", "2010-07-01"),))
>>> in_force_on(tll, "2015-05-05").version, in_force_on(tll, "2015-05-05").certain
('TLL@2009', True)
>>> r = in_force_on(tll, "2021-03-01"); (r.status.value, r.successor)
('repealed', 'CC')
>>> in_force_on(tll, "2010-03-01").status.value
'not-yet-in-force'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from lawgraph.graph.model import GraphData, Label

from lawgraph.errors import InvalidInput

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Status(StrEnum):
    """What ``in_force_on`` found."""

    IN_FORCE = "in-force"
    VERSION_NOT_IN_CORPUS = "version-not-in-corpus"
    VERSION_UNDECIDED = "version-undecided"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    REPEALED = "repealed"


@dataclass(frozen=True)
class Version:
    """One text of a work: its id, the date it was adopted as (printed) and its printed effective date."""

    id: str
    version_date: str
    effective_from: str | None

    @property
    def start(self) -> str:
        """The first day it can have governed: its effective date, else (at the earliest) its adoption."""
        return self.effective_from or self.version_date


@dataclass(frozen=True)
class Work:
    """A statute: its versions in the corpus (any order), when it was first adopted, its repeal and successor."""

    code: str
    versions: tuple[Version, ...]
    enacted: str | None = None
    repealed: str | None = None
    successor: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The answer: ``version`` is set only when one text of the corpus governed."""

    work: str
    date: str
    status: Status
    version: str | None = None
    certain: bool = False
    candidates: tuple[str, ...] = ()
    successor: str | None = None
    note: str = ""


def _iso(date: str | dt.date) -> str:
    if isinstance(date, dt.date):
        return date.isoformat()
    if not _ISO.match(date):
        raise InvalidInput(f"not an ISO date (YYYY-MM-DD): {date!r}")
    return date


def in_force_on(work: Work, date: str | dt.date) -> Resolution:
    """Which version of ``work`` (or which successor work) governed on ``date``.

    Raises
    ------
    InvalidInput
        For a date that is not ``YYYY-MM-DD``.
    """
    day = _iso(date)
    code = work.code
    if work.repealed and day >= work.repealed:
        return Resolution(code, day, Status.REPEALED, successor=work.successor,
                          note=f"{code} was repealed on {work.repealed}" +
                               (f"; its successor is {work.successor}" if work.successor else ""))
    versions = sorted(work.versions, key=lambda v: v.version_date)
    held = [v for v in versions if v.start <= day]
    if not held:
        first = versions[0] if versions else None
        original = first is not None and first.version_date == work.enacted
        if (work.enacted and day < work.enacted) or original:
            return Resolution(code, day, Status.NOT_YET_IN_FORCE,
                              note=f"{code} was not yet in force on {day}")
        earliest = f" (the earliest text held is {first.id}, adopted {first.version_date})" if first else ""
        return Resolution(code, day, Status.VERSION_NOT_IN_CORPUS,
                          note=f"the text of {code} in force on {day} is not in the corpus{earliest}")
    current = held[-1]
    if current.effective_from is None and len(held) > 1:
        earlier = held[-2]
        return Resolution(code, day, Status.VERSION_UNDECIDED, candidates=(earlier.id, current.id),
                          note=f"{current.id} was adopted on {current.version_date} but the corpus prints no "
                               f"effective date: {earlier.id} or {current.id} governed on {day}")
    if current.effective_from is None:
        return Resolution(code, day, Status.IN_FORCE, current.id, certain=False, candidates=(current.id,),
                          note=f"{current.id} was adopted on {current.version_date}; the corpus prints no "
                               f"effective date, and no earlier text of {code} is in the corpus")
    return Resolution(code, day, Status.IN_FORCE, current.id, certain=True, candidates=(current.id,))


def works_from_graph(graph: GraphData) -> dict[str, Work]:
    """Every statute of a built graph as a :class:`Work` (its StatuteVersion nodes are its versions)."""
    versions: dict[str, list[Version]] = {}
    for node in graph.nodes.values():
        if node.label is Label.STATUTE_VERSION:
            props = node.props
            versions.setdefault(props["law"], []).append(
                Version(node.id, props.get("version_date") or "", props.get("effective_from")))
    works = {}
    for node in graph.nodes.values():
        if node.label is Label.STATUTE:
            props = node.props
            works[node.id] = Work(node.id, tuple(versions.get(node.id, ())), props.get("enacted"),
                                  props.get("repealed"), props.get("successor"))
    return works
