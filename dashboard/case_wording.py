"""How a case's record reads where the sources are silent or a label would mislead: the court (the paper's
name, cited; else the code's; else that none is named), an unnumbered instance, a case with no liability
recorded, and a victim's share (its own share of the loss, contributory fault — not a liability).

Pure wording over rows of the ``case_detail`` / ``case_holdings`` queries, shared by the case cards and the
printable brief.
"""

from __future__ import annotations

from typing import Any

from lawgraph.dashboard.i18n import Language, procedure_name, t

#: parties whose "share" is the part of their own loss they bear (their contributory fault), not a liability
OWN_LOSS_PARTIES = frozenset({"victim"})


def cited(sources: list[str] | None) -> str:
    """``["paper-002#3.3.1"]`` → ``paper-002 §3.3.1``.

    >>> cited(["paper-000#3.1.2", "paper-000#3.1.4"])
    'paper-000 §3.1.2, paper-000 §3.1.4'
    """
    return ", ".join(s.replace("#", " §", 1) for s in sources or [])


def court_text(case: dict[str, Any], lang: Language | None = None) -> str:
    """The court of a numbered case: the paper's name for it (cited), else the code's, else that none is named.

    >>> court_text({"court_in_source": "黑龙江省哈尔滨市中级人民法院", "sources": ["paper-002#3.3.1"]}, "en")
    '黑龙江省哈尔滨市中级人民法院 (as paper-002 §3.3.1 names it)'
    >>> court_text({"court_name_zh": "北京市第一中级人民法院", "court_code": "京01"}, "en")
    '北京市第一中级人民法院 (from the court code 京01; the paper does not name the court)'
    >>> court_text({"court_code": "海"}, "en")
    'not named in the source (the code 海 does not identify the court)'
    """
    if case.get("court_in_source"):
        return f"{case['court_in_source']} ({t('case.court_as_named', lang).format(where=cited(case.get('sources')))})"
    if case.get("court_name_zh"):
        return f"{case['court_name_zh']} ({t('case.court_from_code', lang).format(code=case.get('court_code'))})"
    return t("case.court_not_named", lang).format(code=case.get("court_code") or "—")


def number_line(case: dict[str, Any], lang: Language | None = None) -> str:
    """Court · year · procedure of a numbered case; for an unnumbered one, that the source gives no number."""
    if not case.get("case_number"):
        return t("case.unnumbered", lang)
    return (f"{t('case.court', lang)}: {court_text(case, lang)} · {t('case.year', lang)}: {case.get('year') or '—'}"
            f" · {t('case.procedure', lang)}: {procedure_name(case.get('procedure'), lang)}")


def own_loss_text(row: dict[str, Any], lang: Language | None = None) -> str | None:
    """A victim's share as what it is (None for any other party, or without a share).

    >>> own_loss_text({"party": "victim", "form": "several", "share": 0.2}, "en")
    'bears 20% of the loss itself (contributory fault)'
    >>> own_loss_text({"party": "platform", "form": "several", "share": 0.3}, "en") is None
    True
    """
    if row.get("party") not in OWN_LOSS_PARTIES or row.get("share") is None:
        return None
    return t("case.own_loss", lang).format(share=f"{row['share']:.0%}")


def no_holding_text(case: dict[str, Any], lang: Language | None = None) -> str:
    """Why no liability is recorded: what the paper does say of the outcome, and where."""
    said = case.get("outcome_en") or ""
    where = cited(case.get("sources"))
    return f"{t('case.no_holding', lang)} — {said}" + (f" ({where})" if where else "")
