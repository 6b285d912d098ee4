"""Clipboard helpers: timeouts, failures, OSC 52 and tmux wrapping."""

from __future__ import annotations

import base64
import time

import pyperclip
import pytest

from authtui.tui.clipboard import (
    NO_CLIPBOARD,
    has_display,
    osc52,
    read_clipboard,
    tmux_passthrough,
    write_clipboard,
)


def _raise(*_args: object) -> str:
    raise pyperclip.PyperclipException("could not find a copy/paste mechanism")


def _hang(*_args: object) -> str:
    time.sleep(2)
    return "too late"


def test_read_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyperclip, "paste", lambda: "HTTP/1.1 401")
    result = read_clipboard(1.0)
    assert result.ok and result.text == "HTTP/1.1 401"


def test_read_failure_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyperclip, "paste", _raise)
    result = read_clipboard(1.0)
    assert not result.ok
    assert NO_CLIPBOARD in result.reason
    assert "PyperclipException" in result.reason


def test_read_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pyperclip, "paste", _hang)
    started = time.monotonic()
    result = read_clipboard(0.1)
    assert time.monotonic() - started < 1.5
    assert not result.ok
    assert "did not answer within 0.1 s" in result.reason


def test_write_ok_and_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", seen.append)
    assert write_clipboard("report", 1.0).ok
    assert seen == ["report"]
    monkeypatch.setattr(pyperclip, "copy", _raise)
    assert not write_clipboard("report", 1.0).ok
    monkeypatch.setattr(pyperclip, "copy", _hang)
    assert "did not answer" in write_clipboard("report", 0.1).reason


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"DISPLAY": ""}, "linux", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_has_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert has_display(environ, platform) is expected


def test_osc52_and_tmux_wrap() -> None:
    seq = osc52("héllo")
    assert seq == "\x1b]52;c;" + base64.b64encode("héllo".encode()).decode() + "\a"
    wrapped = tmux_passthrough(seq)
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]52;c;")
    assert wrapped.endswith("\a\x1b\\")
