"""Shared helpers for the TUI tests: a frozen clock, no ticker, recorded notifications."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from authtui.core.options import Options
from authtui.tui.app import AuthTUI

NOW = 1_700_000_000.0
"""The frozen evaluation clock of every TUI test."""


class RecordingApp(AuthTUI):
    """AuthTUI that also keeps every notification's text, for assertions."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


def make_app(paste: str = "", options: Options | None = None, **kwargs: Any) -> RecordingApp:
    """An app on the frozen clock, ticker off, no display, not in tmux."""
    kwargs.setdefault("clock", lambda: NOW)
    kwargs.setdefault("tick", False)
    kwargs.setdefault("environ", {})
    kwargs.setdefault("clipboard_timeout", 0.2)
    return RecordingApp(paste, options or Options(), **kwargs)


@pytest.fixture
def utc_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so screens do not depend on the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
