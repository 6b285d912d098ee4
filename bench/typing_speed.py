"""Typing: time per keystroke from key to updated findings, under Pilot.

authtui is opened headless on the typical paste with its JWKS; 200 characters
(the start of the typical token) are typed one key at a time into the token pane
with ``await pilot.press(key)``, which returns once the app has handled the key
and is idle again: the TextArea changed, diagnose() ran, the findings were
re-shown. The floor is a minimal Textual app with one focused ``TextArea`` that
echoes the same 200 keys. Goal: at most 1.3x.
Both wall time and CPU time per key are shown: Pilot polls for idleness with
short sleeps, so wall time carries a fixed cost per key; CPU time is the work.

Run: ``python bench/typing_speed.py``. The ratio is the last line.
"""

from __future__ import annotations

import asyncio
import time

import _case
from textual.app import App, ComposeResult
from textual.widgets import TextArea

from authtui.core.options import KeyInput, Options
from authtui.tui.app import AuthTUI

KEYS = 200
SIZE = (120, 40)


class Minimal(App[None]):
    """One TextArea that echoes what is typed."""

    def compose(self) -> ComposeResult:
        yield TextArea(id="token")


async def _type(app: App[object], selector: str, keys: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds per key, typing ``keys`` into ``selector``."""
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(selector, TextArea).focus()
        await pilot.pause()
        wall, cpu = time.perf_counter(), time.process_time()
        for key in keys:
            await pilot.press(key)
        wall = (time.perf_counter() - wall) / len(keys)
        cpu = (time.process_time() - cpu) / len(keys)
        typed = app.query_one(selector, TextArea).text
    assert typed == "".join(keys), typed[:40]
    return wall, cpu


async def _run() -> tuple[tuple[float, float], tuple[float, float], int]:
    case = _case.build_case()
    paste = case.paste.replace(f"Authorization: Bearer {case.token}\r\n", "")
    keys = list(case.token[:KEYS])
    options = Options(now=_case.NOW, keys=(KeyInput("jwks.json", case.jwks.encode()),))
    authtui = AuthTUI(paste, options, tick=False, environ={})
    reports: list[object] = []
    original = authtui.rediagnose

    def counted() -> None:
        original()
        reports.append(authtui.report)

    authtui.rediagnose = counted  # type: ignore[method-assign]
    ours = await _type(authtui, "#token", keys)
    floor = await _type(Minimal(), "#token", keys)
    return ours, floor, len(reports)


def main() -> int:
    """Type into both apps; always exit 0."""
    ours, floor, diagnoses = asyncio.run(_run())
    print(f"typed {KEYS} keys into the token pane; {diagnoses} diagnoses ran")
    _case.show("authtui: key -> updated findings, wall per key", ours[0])
    _case.show("minimal TextArea app: key -> echo, wall per key", floor[0])
    _case.show("authtui: CPU per key", ours[1])
    _case.show("minimal TextArea app: CPU per key", floor[1])
    print(_case.ratio_line("typing: CPU per keystroke", ours[1] / floor[1], 1.3))
    print(
        _case.ratio_line(
            "typing: wall per keystroke (includes Pilot's idle polling)", ours[0] / floor[0], 1.3
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
