"""The system clipboard, honestly: best effort, bounded in time, never silent.

Textual-free helpers. Pasting through the terminal (bracketed paste) always
works and needs none of this; pyperclip needs a display and its helpers
(xclip, wl-paste, pbpaste) can hang, so every call here runs with a timeout in
a daemon thread and comes back as a plain :class:`ClipResult`.
"""

from __future__ import annotations

import base64
import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

CLIPBOARD_TIMEOUT = 2.0
"""Seconds to wait for pyperclip before giving up."""

NO_CLIPBOARD = "no clipboard reachable (no display over SSH?): paste with your terminal instead"


@dataclass(frozen=True, slots=True)
class ClipResult:
    """What one clipboard call gave."""

    ok: bool
    text: str = ""
    """The clipboard text (paste) when ``ok``."""
    reason: str = ""
    """Why it failed, in words, when not ``ok``."""


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when a system clipboard may be reachable (X11, Wayland, macOS, Windows)."""
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if plat == "darwin" or plat.startswith("win"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _with_timeout(call: Callable[[], object], timeout: float) -> tuple[bool, object]:
    """Run ``call`` in a daemon thread: (finished?, result or exception)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except Exception as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="authtui-clipboard", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        return False, None
    if "error" in box:
        return True, box["error"]
    return True, box.get("value")


def _failure(outcome: object, finished: bool, timeout: float) -> ClipResult:
    if not finished:
        return ClipResult(
            False, reason=f"clipboard did not answer within {timeout:g} s: {NO_CLIPBOARD}"
        )
    return ClipResult(False, reason=f"{NO_CLIPBOARD} ({type(outcome).__name__}: {outcome})")


def read_clipboard(timeout: float = CLIPBOARD_TIMEOUT) -> ClipResult:
    """The system clipboard's text via pyperclip, or why it could not be read."""
    try:
        import pyperclip
    except ImportError:
        return ClipResult(False, reason=f"pyperclip is not installed: {NO_CLIPBOARD}")
    finished, outcome = _with_timeout(pyperclip.paste, timeout)
    if not finished or isinstance(outcome, BaseException):
        return _failure(outcome, finished, timeout)
    if not isinstance(outcome, str):
        return ClipResult(False, reason="the clipboard holds no text")
    return ClipResult(True, text=outcome)


def write_clipboard(text: str, timeout: float = CLIPBOARD_TIMEOUT) -> ClipResult:
    """Put ``text`` on the system clipboard via pyperclip, or say why not."""
    try:
        import pyperclip
    except ImportError:
        return ClipResult(False, reason="pyperclip is not installed")
    finished, outcome = _with_timeout(lambda: pyperclip.copy(text), timeout)
    if not finished or isinstance(outcome, BaseException):
        return _failure(outcome, finished, timeout)
    return ClipResult(True)


def osc52(text: str) -> str:
    """The OSC 52 sequence that asks the terminal to set its clipboard."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{encoded}\a"


def tmux_passthrough(sequence: str) -> str:
    """Wrap an escape sequence in tmux's DCS passthrough (needs allow-passthrough)."""
    doubled = sequence.replace("\x1b", "\x1b\x1b")
    return f"\x1bPtmux;{doubled}\x1b\\"
