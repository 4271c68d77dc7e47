"""Chinese numerals as statute texts write them (第一千二百六十条, 第二百八十六条之一)."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(text: str) -> int:
    """Convert a Chinese numeral below ten thousand to an integer.

    Parameters
    ----------
    text : str
        The numeral, e.g. ``一千二百六十``; ASCII digits are accepted too.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``text`` is empty or not a well-formed numeral.

    Examples
    --------
    >>> chinese_to_int("一千二百六十")
    1260
    >>> chinese_to_int("二百八十六")
    286
    >>> chinese_to_int("十")
    10
    >>> chinese_to_int("十一")
    11
    >>> chinese_to_int("一百零五")
    105
    >>> chinese_to_int("三十八")
    38
    >>> chinese_to_int("1198")
    1198
    >>> chinese_to_int("百十")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral: '百十'
    """
    if not text:
        raise ValueError("empty numeral")
    if text.isascii() and text.isdigit():
        return int(text)
    total = 0
    pending: int | None = None
    last_unit = 10_000
    saw_zero = False
    for position, char in enumerate(text):
        if char in _DIGITS:
            if pending is not None:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            pending = _DIGITS[char]
            if pending == 0:
                if saw_zero or position == 0:
                    raise ValueError(f"not a Chinese numeral: {text!r}")
                saw_zero = True
                pending = None
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            if pending is None:
                if position != 0 or unit != 10:  # only a leading 十 may stand alone (十一 = 11)
                    raise ValueError(f"not a Chinese numeral: {text!r}")
                pending = 1
            total += pending * unit
            pending = None
            last_unit = unit
            saw_zero = False
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if pending is not None:
        total += pending
    return total


def int_to_chinese(number: int) -> str:
    """Write a positive integer below ten thousand as statute texts do.

    Examples
    --------
    >>> int_to_chinese(1260)
    '一千二百六十'
    >>> int_to_chinese(105)
    '一百零五'
    >>> int_to_chinese(10)
    '十'
    >>> int_to_chinese(17)
    '十七'
    >>> all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 10_000))
    True
    """
    if not 0 < number < 10_000:
        raise ValueError(f"out of range: {number}")
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit, unit_char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = (number // unit) % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == 10 and digit == 1 and not parts):
            parts.append(digits[digit])
        parts.append(unit_char)
    return "".join(parts)
