"""A paste from a pipe: the app is on screen at once, says it is reading, then diagnoses."""

from __future__ import annotations

import io
import sys
import threading
from typing import Any

import pytest
from textual.content import Content
from textual.widgets import Static, TextArea

import authtui.tui.launch
from authtui.cli import main
from authtui.cli.args import read_pipe
from authtui.tui.answer import FOLDED
from tests.tui.conftest import make_app

PASTE = "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n"


def _verdict(app: Any) -> str:
    content = app.query_one("#verdict-text", Static).content
    return content.plain if isinstance(content, Content) else str(content)


async def test_the_app_reads_the_pipe_while_on_screen_and_says_so() -> None:
    closed = threading.Event()

    def read() -> str:
        closed.wait(5)
        return PASTE

    app = make_app(read_pipe=read)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Reading standard input…" in _verdict(app)
        assert app.pipe_open
        app.query_one("#token", TextArea).load_text("x")  # an edit meanwhile: still reading
        app.rediagnose()
        await pilot.pause()
        app.query_one("#token", TextArea).load_text("")
        app.rediagnose()
        await pilot.pause()
        assert "Reading standard input…" in _verdict(app)
        closed.set()  # the pipe closes
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not app.pipe_open
        assert app.query_one("#paste", TextArea).text == PASTE
        assert app.report is not None and app.report.verdict.status == 401
        assert app.screen.has_class(FOLDED)  # the answer in view


async def test_a_failed_read_says_why() -> None:
    def read() -> str:
        raise OSError("broken pipe")

    app = make_app(read_pipe=read)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.pipe_open
        assert any("Could not read standard input" in note for note in app.notes)
        assert "Paste a refused request" in _verdict(app)


class _Pipe(io.BytesIO):
    def isatty(self) -> bool:
        return False


def test_the_command_line_leaves_the_pipe_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def fake_run_tui(paste: str, options: Any, **kwargs: Any) -> int:
        calls.append({"paste": paste, **kwargs})
        return 0

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_Pipe(PASTE.encode())))
    monkeypatch.setattr(authtui.tui.launch, "run_tui", fake_run_tui)
    assert main([]) == 0
    assert calls[0]["paste"] == "" and calls[0]["from_pipe"] is True
    assert calls[0]["read_pipe"] is read_pipe
    assert sys.stdin.buffer.read() == PASTE.encode()  # not read before the app started


def test_read_pipe_decodes_a_paste() -> None:
    assert read_pipe(io.BytesIO(b"\xef\xbb\xbfHTTP/1.1 401\r\n")).startswith("HTTP/1.1 401")
