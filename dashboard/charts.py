"""Bar charts that show every label whole: horizontal bars, the label axis without a length limit and without
dropping labels that would crowd, one bar as thick as many (a share chart of one party is not a thin line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

if TYPE_CHECKING:
    import pandas as pd

#: pixels per bar, and around them (axis, padding)
BAR = 34
FRAME = 40


def label_axis() -> alt.Axis:
    """The axis of the bars' labels: whole labels, every one drawn."""
    return alt.Axis(labelLimit=0, labelOverlap=False, title=None)


def bars(frame: pd.DataFrame, label: str, value: str, *, share: bool = False) -> alt.Chart:
    """One horizontal bar per row of ``frame``: ``label`` on the left, whole, the bar's length ``value``
    (a share of 0–1 as a percentage on a fixed 0–100 % scale when ``share``).

    >>> import pandas as pd
    >>> chart = bars(pd.DataFrame({"form": ["Joint and several liability of the platform"], "n": [3]}), "form", "n")
    >>> spec = chart.to_dict()
    >>> spec["encoding"]["y"]["axis"]["labelLimit"], spec["height"]
    (0, 74)
    """
    scale = alt.Scale(domain=[0, 1]) if share else alt.Undefined
    axis = alt.Axis(format="%", title=value) if share else alt.Axis(tickMinStep=1, title=value)
    return alt.Chart(frame).mark_bar(size=BAR - 10).encode(
        y=alt.Y(f"{label}:N", sort=None, axis=label_axis()),
        x=alt.X(f"{value}:Q", scale=scale, axis=axis),
        tooltip=[label, alt.Tooltip(f"{value}:Q", format="%" if share else "d")],
    ).properties(height=FRAME + BAR * len(frame))
