"""Shared Hypothesis strategies.

``nested`` builds JSON-like values two levels deep without ``st.recursive``:
Hypothesis 6.15x sometimes warns (as an error, under filterwarnings=error) that a
recursive ``extend`` "doesn't use its argument" when it plainly does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

Strategy = st.SearchStrategy[Any]


def nested(base: Strategy, extend: Callable[[Strategy], Strategy], **_ignored: Any) -> Strategy:
    """``base``, ``extend(base)`` and ``extend`` of both: containers up to two deep."""
    one = extend(base)
    return st.one_of(base, one, extend(st.one_of(base, one)))
