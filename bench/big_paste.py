"""The TUI on a 5 MB HAR (``cat big.har | authtui -``): first screen, and keys while it reads.

A HAR of about 5 MB is generated (some 1,900 entries of the typical request, one
in seven a 401, pretty-printed as browsers export them: about 100,000 lines).
authtui is opened headless on it under ``App.run_test``, as ``authtui -`` would be:

1. First screen: from creating the app to ``run_test`` handing over (composed,
   the paste loaded into the editor, the first screen drawn), against a minimal
   Textual app showing the same paste in one ``TextArea`` (Textual's own editor,
   which wraps 5 MB a character at a time). Also shown: the time until the
   findings are on screen (the diagnosis runs in the background).
2. Key latency during the diagnosis: while a background run is reading and
   diagnosing the HAR, a key is pressed and the time taken until its effect is
   on screen (F1 opens help, Escape closes it, a character appears in the Token
   pane) is measured with Pilot; median of several, each made while a run is in
   flight (a run is restarted, as after an edit, whenever the last one ended).
   Goal: median at most 100 ms. The same keys with nothing running are shown
   for comparison.
3. Typing into the 5 MB paste itself: time per character typed into the Paste
   pane (the edits settle before the paste is read again).

Run: ``python bench/big_paste.py``. Ratios are printed last.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable

import _case
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import TextArea

from authtui.core.options import Options
from authtui.tui.app import AuthTUI
from authtui.tui.screens.help import HelpScreen

SIZE = (120, 40)
TARGET = 5_000_000
SAMPLES = 9


def big_har(case: _case.Case, size: int = TARGET) -> str:
    """A pretty-printed HAR of about ``size`` characters."""
    entries = []
    body = json.dumps({"orders": [{"id": j, "state": "open"} for j in range(8)]})
    index = 0
    while True:
        status = 401 if index % 7 == 3 else 200
        headers = [{"name": "Content-Type", "value": "application/json"}]
        if status == 401:
            challenge = 'Bearer realm="api", error="invalid_token"'
            headers.append({"name": "WWW-Authenticate", "value": challenge})
        entries.append(
            {
                "startedDateTime": "2025-06-15T15:06:40.000Z",
                "time": 12,
                "request": {
                    "method": "GET",
                    "url": f"https://api.shop.test/v1/orders/{index}?limit=50",
                    "httpVersion": "HTTP/1.1",
                    "headers": [
                        {"name": "Authorization", "value": f"Bearer {case.token}"},
                        {"name": "Accept", "value": "application/json"},
                    ],
                    "queryString": [],
                    "cookies": [],
                    "headersSize": -1,
                    "bodySize": 0,
                },
                "response": {
                    "status": status,
                    "statusText": "Unauthorized" if status == 401 else "OK",
                    "httpVersion": "HTTP/1.1",
                    "headers": headers,
                    "content": {"size": len(body), "mimeType": "application/json", "text": body},
                    "redirectURL": "",
                    "headersSize": -1,
                    "bodySize": len(body),
                    "cookies": [],
                },
                "cache": {},
                "timings": {"send": 0, "wait": 10, "receive": 2},
            }
        )
        index += 1
        if index % 100 == 0:
            text = json.dumps({"log": {"version": "1.2", "entries": entries}}, indent=2)
            if len(text) >= size:
                return text


class Minimal(App[None]):
    """One TextArea holding the paste."""

    def __init__(self, paste: str) -> None:
        super().__init__()
        self._paste = paste

    def compose(self) -> ComposeResult:
        yield TextArea(self._paste, id="paste")


async def _first_screen(make: Callable[[], App[object]]) -> float:
    start = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE):
        return time.perf_counter() - start  # run_test hands over once the screen is up


async def _key_to_effect(app: App[object], key: str, done: Callable[[], bool]) -> float:
    """Seconds from a key reaching the app (as the terminal driver sends it) to its effect.

    Unlike ``pilot.press``, which also waits for the app to be idle afterwards (and
    so for any diagnosis the key starts), this times what a person sees: the key
    being answered.
    """
    driver = app._driver
    assert driver is not None
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    start = time.perf_counter()
    driver.send_message(event)
    while not done():
        await asyncio.sleep(0.001)
    return time.perf_counter() - start


KEYS = (
    ("alt+r", "focus the findings", lambda app: app.focused is app.query_one("#findings")),
    ("alt+t", "focus the token pane", lambda app: app.focused is app.query_one("#token")),
    ("x", "a character in the token pane", None),
)
"""Keys whose effect is cheap to see: what is measured is waiting, not the work."""


def _restart(app: AuthTUI) -> None:
    """Start a run that reads the whole paste again (as after an edit of it)."""
    child = app.engine.child
    if child is not None:
        child._held = None  # the child forgets it read the paste
    app._read_text = ""
    app.rediagnose()


async def _key_latencies(app: AuthTUI, pilot: Pilot[int], *, busy: bool) -> tuple[list[float], int]:
    """Latencies of :data:`KEYS`, each while a run reads the paste (``busy``) or not."""
    latencies: list[float] = []
    in_flight = 0
    token = app.query_one("#token", TextArea)
    for sample in range(SAMPLES):
        if busy:
            _restart(app)
        key, _, effect = KEYS[sample % len(KEYS)]
        if effect is None:
            wanted = token.text + key
            latency = await _key_to_effect(app, key, lambda w=wanted: token.text == w)
        else:
            latency = await _key_to_effect(app, key, lambda e=effect: e(app))
        in_flight += app.diagnosing  # still running after the key was answered
        latencies.append(latency)
        await app.workers.wait_for_complete()
        await pilot.pause()
    return latencies, in_flight


async def _help(app: AuthTUI, pilot: Pilot[int]) -> float:
    """F1 to the help screen on top (its Markdown then fills in), with a run going."""
    _restart(app)
    latency = await _key_to_effect(app, "f1", lambda: isinstance(app.screen, HelpScreen))
    await app.workers.wait_for_complete()
    await pilot.pause()
    await _key_to_effect(app, "escape", lambda: not isinstance(app.screen, HelpScreen))
    await pilot.pause()
    return latency


async def _typing(app: AuthTUI, pilot: Pilot[int], keys: str) -> float:
    area = app.query_one("#paste", TextArea)
    area.focus()
    area.move_cursor((1, 0))
    await pilot.pause()
    typed = []
    for key in keys:
        wanted = len(area.text) + 1
        typed.append(await _key_to_effect(app, key, lambda w=wanted: len(area.text) == w))
    await app.workers.wait_for_complete()
    return statistics.median(typed)


async def _run(paste: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["minimal"] = await _first_screen(lambda: Minimal(paste))
    start = time.perf_counter()
    app = AuthTUI(paste, Options(now=_case.NOW), tick=False, environ={})
    async with app.run_test(size=SIZE) as pilot:
        figures["first"] = time.perf_counter() - start  # the first screen is up
        figures["reading at first screen"] = float(app.reading)
        while app.reading or app.report is None:
            await asyncio.sleep(0.005)
        figures["findings"] = time.perf_counter() - start
        await pilot.pause()
        busy, in_flight = await _key_latencies(app, pilot, busy=True)
        idle, _ = await _key_latencies(app, pilot, busy=False)
        figures |= {"busy": statistics.median(busy), "busy max": max(busy)}
        figures |= {"idle": statistics.median(idle), "in flight": in_flight}
        figures["help"] = await _help(app, pilot)
        figures["typing"] = await _typing(app, pilot, "abcdefghij")
    return figures


def main() -> int:
    """Measure and print; always exit 0."""
    paste = big_har(_case.build_case())
    print(f"HAR: {len(paste) / 1e6:.1f} MB, {paste.count(chr(10)) + 1:,} lines")
    figures = asyncio.run(_run(paste))
    print(f"  the run was still going after {int(figures['in flight'])} of {SAMPLES} keys")
    print(f"  reading when the first screen was up: {bool(figures['reading at first screen'])}")
    _case.show("authtui: first screen (5 MB HAR, diagnosis running)", figures["first"])
    _case.show("minimal TextArea app: first screen, same paste", figures["minimal"])
    _case.show("authtui: findings on screen (from start)", figures["findings"])
    _case.show("key -> effect while the HAR is read (median)", figures["busy"])
    _case.show("key -> effect while the HAR is read (slowest)", figures["busy max"])
    _case.show("key -> effect with nothing running (median)", figures["idle"])
    _case.show("F1 -> help screen on top, while the HAR is read", figures["help"])
    _case.show("a character typed into the 5 MB paste (median)", figures["typing"])
    print(
        _case.ratio_line(
            "big paste: first screen vs minimal app", figures["first"] / figures["minimal"], 1.5
        )
    )
    print(
        _case.ratio_line(
            "big paste: key latency during diagnosis / 100 ms", figures["busy"] / 0.1, 1.0
        )
    )
    print(
        _case.ratio_line("big paste: typing into it / 100 ms a key", figures["typing"] / 0.1, 1.0)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
