"""Widget state in the URL, by id (``?facts=a,b&lang=zh``), so a view can be bookmarked and shared.

Streamlit's ``bind="query-params"`` writes the *formatted* option (a label in the reader's language);
these helpers write ids instead. :func:`incoming` returns a URL value only when it differs from what
this session last wrote (a new link was followed), so the widget keeps the reader's own choices.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

_WRITTEN = "url-written:"


def split_ids(raw: str) -> list[str]:
    """``"a,b,,c"`` → ``["a", "b", "c"]``.

    >>> split_ids("platform-knew-or-should-have-known, no-necessary-measures")
    ['platform-knew-or-should-have-known', 'no-necessary-measures']
    """
    return [part.strip() for part in raw.split(",") if part.strip()]


def incoming(param: str) -> str | None:
    """The URL's value of ``param`` if a link brought a new one, else None."""
    raw = st.query_params.get(param)
    if raw is None or raw == st.session_state.get(_WRITTEN + param):
        return None
    st.session_state[_WRITTEN + param] = raw
    return raw


def seed(key: str, param: str, options: Iterable[str]) -> None:
    """Before the widget ``key`` is drawn: take its value from the URL if a link brought one."""
    raw = incoming(param)
    if raw is not None and raw in set(options):
        st.session_state[key] = raw


def publish(param: str, value: str | list[str] | None) -> None:
    """Write the widget's value (ids, comma-joined) to the URL; drop the parameter when empty."""
    text = ",".join(value) if isinstance(value, list) else value
    if text:
        st.query_params[param] = text
    elif param in st.query_params:
        del st.query_params[param]
    st.session_state[_WRITTEN + param] = text or None
