"""The app in served mode (``--served``, as ``authtui serve`` runs it), through Pilot.

Served, it writes no file, reads no file typed into it, leaves the server's
clipboard alone, opens no link, and never reads standard input.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static, TextArea

import authtui.tui.launch
import authtui.tui.reporting
from authtui.cli import main
from authtui.core.options import KeyInput, Options
from authtui.tui.fields import NO_KEY_PATHS
from authtui.tui.screens.save import SaveReport
from authtui.tui.served import CLIPBOARD_OFF, LINKS_OFF, SAVE_OFF, SERVED_PASTE_PLACEHOLDER
from tests.tui.conftest import RecordingApp, make_app

SIZE = (100, 32)
PASTE = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n'


def _status(app: RecordingApp) -> str:
    return str(app.query_one("#settings-status", Static).content)


def _no_pyperclip(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every system-clipboard call a recorded failure of the test."""
    calls: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        calls.append("called")
        raise AssertionError("the server's clipboard must not be touched when served")

    monkeypatch.setattr(authtui.tui.reporting, "read_clipboard", refuse)
    monkeypatch.setattr(authtui.tui.reporting, "write_clipboard", refuse)
    return calls


async def test_save_is_off_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "report.md"
    app = make_app(PASTE, served=True, report_path=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert not isinstance(app.screen, SaveReport)
        assert app.save_report_to(str(target)) is None
    assert SAVE_OFF in app.notes
    assert list(tmp_path.iterdir()) == []


async def test_the_same_save_writes_when_not_served(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    app = make_app(PASTE, report_path=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, SaveReport)
        await pilot.press("enter")
        await pilot.pause()
    assert "challenge.invalid_token" in target.read_text(encoding="utf-8")


async def test_key_path_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "jwks.json"
    key.write_text("not a key", encoding="utf-8")
    touched: list[str] = []
    real_open, real_is_file = Path.open, Path.is_file

    def spy_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        touched.append(str(self))
        return real_open(self, *args, **kwargs)

    def spy_is_file(self: Path) -> bool:
        touched.append(str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "open", spy_open)
    monkeypatch.setattr(Path, "is_file", spy_is_file)
    app = make_app(PASTE, served=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        app.query_one("#key", TextArea).text = str(key)
        await pilot.pause()
        assert app.built is not None and app.built.options.keys == ()
        assert NO_KEY_PATHS in _status(app)
    assert str(key) not in touched


async def test_pasted_key_text_still_works_when_served() -> None:
    app = make_app(PASTE, served=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        app.query_one("#key", TextArea).text = "-----BEGIN PUBLIC KEY-----\nAAAA\n"
        await pilot.pause()
        assert app.built is not None and app.built.options.keys[0].name == "pasted key"
        assert "pasted text" in _status(app)


async def test_command_line_key_is_used_without_its_path() -> None:
    options = Options(keys=(KeyInput(name=__file__, data=b"key bytes"),))
    app = make_app(PASTE, options, served=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        assert app.query_one("#key", TextArea).text == ""
        assert app.built is not None and app.built.options.keys == options.keys
        assert "Key: from the command line" in _status(app)


async def test_clipboard_paste_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_pyperclip(monkeypatch)
    app = make_app(served=True, environ={"DISPLAY": ":0"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
    assert CLIPBOARD_OFF in app.notes
    assert calls == []


async def test_copy_goes_to_the_browser_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_pyperclip(monkeypatch)
    app = make_app(PASTE, served=True, environ={"DISPLAY": ":0", "TMUX": "1"})
    async with app.run_test(size=SIZE) as pilot:
        written: list[str] = []
        assert app._driver is not None
        monkeypatch.setattr(app._driver, "write", written.append)
        await pilot.press("f2")
        await pilot.pause()
    assert calls == []
    assert any(w.startswith("\x1b]52;c;") for w in written)
    assert not any("tmux" in w for w in written)
    assert any("Asked the browser to copy" in n for n in app.notes)


async def test_links_are_not_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(served=True)
    async with app.run_test(size=SIZE) as pilot:
        opened: list[str] = []

        def record(url: str, new_tab: bool = True) -> None:
            opened.append(url)

        assert app._driver is not None
        monkeypatch.setattr(app._driver, "open_url", record)
        app.open_url("https://example.com/")
        await pilot.pause()
    assert opened == []
    assert LINKS_OFF in app.notes


async def test_the_paste_pane_says_how_to_paste_in_a_browser() -> None:
    app = make_app(served=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.query_one("#paste", TextArea).placeholder == SERVED_PASTE_PLACEHOLDER


class _NoStdin(io.BytesIO):
    """Standard input that fails the test when read (textual-serve's protocol pipe)."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("served mode must never read standard input")

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("argv", [["--demo", "expired"], []], ids=["demo", "empty"])
def test_served_command_line_never_reads_stdin(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_run_tui(paste: str, options: Options, **kwargs: Any) -> int:
        started = kwargs.pop("head_start")
        # a case fills the fields itself; an empty start's first diagnosis is begun
        assert (started is None) is bool(argv)
        if started is not None:
            assert started.paste == "" and started.options.front == "tui"
            started.child.close()
        calls.append({"paste": paste, **kwargs})
        return 0

    stdin = io.TextIOWrapper(_NoStdin())
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(authtui.tui.launch, "run_tui", fake_run_tui)
    assert main(["--served", *argv]) == 0
    assert calls == [
        {
            "paste": "",
            "demo": "expired" if argv else None,
            "presenter": False,
            "from_pipe": False,
            "served": True,
            "read_pipe": None,
        }
    ]


def test_served_refuses_the_stdin_paste(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--served", "-"]) == 2
    assert "PASTE must be a file" in capsys.readouterr().err
