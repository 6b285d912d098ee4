"""Typing: CPU per keystroke, from key to updated findings, against an echo.

authtui is opened on the typical paste with its JWKS; 200 characters (the start
of the typical token) are typed one key at a time into the token pane. The floor
is a minimal Textual app with one focused ``TextArea`` that echoes the same 200
keys. Goal: authtui's CPU per key at most 1.3x the floor's.

Two harnesses, both in this one run:

1. **In a terminal** (the goal's figure): each app runs as its own process with
   Textual's real driver on a pseudo-terminal of 120x40 (``_typing_child.py``).
   The bench writes one key's byte, waits until the app's output has been quiet
   for 60 ms (the echo and, for authtui, the diagnosis drawn), and goes on. CPU
   is the process's user+system time over the typing, read from ``/proc``; the
   child reports what the editor holds and how many diagnoses ran, and the bench
   checks both. This is what a keystroke costs a person at a terminal.
2. **Under Pilot** (for reference): ``await pilot.press(key)`` in one process.
   Pilot waits for idleness by posting a callback to *every* widget on the
   screen after each key, so its figure also charges an app for the harness's
   bookkeeping in proportion to its widget count (about 50 here, 1 in the
   floor); the bench measures that cost alone (waits with no key) and prints it.

Run: ``python bench/typing_speed.py`` (``--terminal-only``: the goal's figure
alone). The goal's ratio is the last line.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import _case
from _terminal import SIZE, Terminal, drain
from _typing_child import Minimal, count_diagnoses
from textual.app import App
from textual.widgets import TextArea

from authtui.core.options import KeyInput, Options
from authtui.tui.app import AuthTUI

KEYS = 200
QUIET = 0.06
"""Seconds without output after which a key counts as handled and drawn."""
HERE = Path(__file__).resolve().parent


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


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU of a process so far (from /proc, all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class TypedInto(Terminal):
    """One app in its own process on a pseudo-terminal, typed into key by key."""

    def __init__(self, argv: list[str], result: Path) -> None:
        super().__init__([sys.executable, str(HERE / "_typing_child.py"), *argv, str(result)])
        self.result = result

    def started(self) -> None:
        """Wait for the first screen (drawn, then quiet)."""
        drain(self.master, 0.3, first=20.0)

    def cpu(self) -> float:
        """The process's CPU seconds so far."""
        return _cpu_seconds(self.child.pid)

    def type(self, key: str) -> None:
        """Type one key and wait until the app has drawn what it does."""
        os.write(self.master, key.encode())
        drain(self.master, QUIET)

    def quit(self) -> tuple[str, int]:
        """ctrl+q; what the editor held and how many diagnoses ran."""
        os.write(self.master, b"\x11")
        deadline = time.monotonic() + 20
        while self.child.poll() is None and time.monotonic() < deadline:
            drain(self.master, 0.1)
        self.close()
        report = json.loads(self.result.read_text(encoding="utf-8"))
        return report["text"], report["diagnoses"]


def _in_terminals(ours: list[str], floor: list[str], keys: list[str]) -> tuple[float, float]:
    """CPU seconds per key of both apps, each in its own terminal, alive together:
    every key goes to one, then to the other, so both meet the same machine
    (a shared machine's speed changes from one second to the next)."""
    with tempfile.TemporaryDirectory() as tmp:
        apps = [TypedInto(ours, Path(tmp, "ours.json")), TypedInto(floor, Path(tmp, "floor.json"))]
        try:
            for app in apps:
                app.started()
            before = [app.cpu() for app in apps]
            for key in keys:
                for app in apps:
                    app.type(key)
            cpu = [(app.cpu() - was) / len(keys) for app, was in zip(apps, before, strict=True)]
            (typed, diagnoses), (echoed, _) = [app.quit() for app in apps]
        finally:
            for app in apps:
                if app.child.returncode is None:
                    app.close()
    expected = "".join(keys)
    if typed != expected or echoed != expected:
        raise SystemExit(f"keys were lost: authtui holds {typed[:30]!r}, floor {echoed[:30]!r}")
    if diagnoses < len(keys):
        raise SystemExit(f"only {diagnoses} diagnoses ran for {len(keys)} keys")
    print(f"in a terminal: typed {len(keys)} keys into each; authtui ran {diagnoses} diagnoses")
    return cpu[0], cpu[1]


async def _harness_cost(app: App[object]) -> float:
    """CPU seconds of Pilot's two idle-waits per key with no key pressed."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cpu = time.process_time()
        for _ in range(KEYS):
            await pilot._wait_for_screen()  # what press() waits on, twice per key
            await pilot._wait_for_screen()
        return (time.process_time() - cpu) / KEYS


_CASE = _case.build_case()
PASTE = _CASE.paste.replace(f"Authorization: Bearer {_CASE.token}\r\n", "")
"""The typical paste without its Authorization line: the token is typed instead."""


def _authtui_app() -> AuthTUI:
    """authtui on :data:`PASTE`, the JWKS as key."""
    options = Options(now=_case.NOW, keys=(KeyInput("jwks.json", _CASE.jwks.encode()),))
    return AuthTUI(PASTE, options, tick=False, environ={})


async def _run() -> tuple[tuple[float, float], tuple[float, float], int]:
    keys = list(_CASE.token[:KEYS])
    authtui = _authtui_app()
    diagnoses = count_diagnoses(authtui)
    ours = await _type(authtui, "#token", keys)
    floor = await _type(Minimal(), "#token", keys)
    return ours, floor, diagnoses[0]


def _terminal_figures() -> tuple[float, float]:
    """CPU per key in a terminal: authtui's and the floor's."""
    keys = list(_CASE.token[:KEYS])
    with tempfile.TemporaryDirectory() as tmp:
        paste, jwks = Path(tmp, "paste.txt"), Path(tmp, "jwks.json")
        paste.write_text(PASTE, encoding="utf-8")
        jwks.write_text(_CASE.jwks, encoding="utf-8")
        return _in_terminals(["authtui", str(paste), str(jwks)], ["minimal"], keys)


def _pilot_figures() -> None:
    """Type under Pilot, measure Pilot's own waits, print the reference figures."""
    ours, floor, diagnoses = asyncio.run(_run())
    harness = asyncio.run(_harness_cost(_authtui_app())), asyncio.run(_harness_cost(Minimal()))
    print(f"under Pilot: typed {KEYS} keys into the token pane; {diagnoses} diagnoses ran")
    _case.show("under Pilot, authtui: key -> updated findings, wall per key", ours[0])
    _case.show("under Pilot, minimal app: key -> echo, wall per key", floor[0])
    _case.show("under Pilot, authtui: CPU per key", ours[1])
    _case.show("under Pilot, minimal app: CPU per key", floor[1])
    _case.show("under Pilot, authtui: Pilot's waits alone, CPU per key", harness[0])
    _case.show("under Pilot, minimal app: Pilot's waits alone, CPU per key", harness[1])
    print(f"typing under Pilot (reference, harness included): CPU {ours[1] / floor[1]:.2f}x")
    print(
        "typing under Pilot, Pilot's own waits taken out: "
        f"CPU {(ours[1] - harness[0]) / (floor[1] - harness[1]):.2f}x"
    )


def main(argv: list[str]) -> int:
    """Type into both apps, under Pilot (unless ``--terminal-only``) and in a
    terminal; always exit 0 (or say why the figure cannot be trusted)."""
    if "--terminal-only" not in argv:
        _pilot_figures()
    term_ours, term_floor = _terminal_figures()
    _case.show("in a terminal, authtui: CPU per key", term_ours)
    _case.show("in a terminal, minimal app: CPU per key", term_floor)
    print(_case.ratio_line("typing: CPU per keystroke, in a terminal", term_ours / term_floor, 1.3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
