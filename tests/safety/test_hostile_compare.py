"""Hostile pastes never drive the terminal through ``compare`` either: every attack of
tests/hostile.py, compared with a clean paste, in every format (colour included)."""

from __future__ import annotations

import json
import re

import pytest

from authtui.core.compare.model import Comparison
from authtui.core.compare.run import compare_texts
from authtui.core.options import Options
from authtui.core.render import render_comparison
from authtui.core.safety.terminal import is_unsafe
from tests.hostile import HOSTILE

NOW = 1_700_000_000.0
_OWN_COLOUR = re.compile("\x1b\\[[0-9;]*m")
CLEAN = "GET /orders HTTP/1.1\nHost: api.test\n\nHTTP/1.1 200 OK\n\n"


def _unsafe(text: str) -> list[str]:
    return sorted({hex(ord(ch)) for ch in text if is_unsafe(ch) and ch != "\n"})


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    return {name: compare_texts(CLEAN, paste, Options(now=NOW)) for name, paste in HOSTILE.items()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_control_character_reaches_any_format(
    comparisons: dict[str, Comparison], name: str
) -> None:
    comparison = comparisons[name]
    for fmt in ("text", "markdown", "json"):
        out = render_comparison(comparison, fmt)
        assert _unsafe(out) == [], fmt
    coloured = render_comparison(comparison, "text", color=True)
    assert _unsafe(_OWN_COLOUR.sub("", coloured)) == []
    doc = json.loads(render_comparison(comparison, "json"))
    assert doc["schema"] == "authtui.compare/1"
