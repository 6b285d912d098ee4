"""Big pastes are read in the background: the reading state, then the result; a newer
edit wins over an older run; keys are answered while a run is in flight.

The engine is injected: its reader blocks on an Event until the test lets it go,
so every state is observed as it is, without timings.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from authtui.core.diagnose import diagnose_paste
from authtui.core.model import Paste, Report
from authtui.core.options import Options
from authtui.core.read.paste import read_paste
from authtui.tui.diagnosing import Engine, size_words
from authtui.tui.offload import ChildProcess
from authtui.tui.screens.help import HelpScreen
from tests.tui.conftest import NOW, RecordingApp, make_app

SIZE = (100, 32)
WAIT = 10.0
"""Seconds a blocked reader waits at most (a test that fails never hangs)."""


def _paste(status: str) -> str:
    token = jwt.encode({"sub": "alice", "exp": NOW + 600}, "k" * 32, algorithm="HS256")
    return (
        f"GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer {token}\n\n"
        f'HTTP/1.1 {status}\nWWW-Authenticate: Bearer error="invalid_token"\n'
    )


A, B = _paste("401 Unauthorized"), _paste("403 Forbidden")


@dataclass
class Gate:
    """A reader and a diagnosis that wait for the test, and what they were asked."""

    released: dict[str, threading.Event] = field(default_factory=dict)
    reads: list[str] = field(default_factory=list)
    diagnosed: list[str] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)

    def release(self, paste: str) -> None:
        self.released.setdefault(paste, threading.Event()).set()

    def read(self, paste: str) -> Paste:
        self.reads.append(paste)
        if paste.strip():
            self.entered.set()
            assert self.released.setdefault(paste, threading.Event()).wait(WAIT)
        return read_paste(paste)

    def diagnose(self, read: Paste, options: Options) -> Report:
        report = diagnose_paste(read, options)
        self.diagnosed.append(str(report.verdict.status))
        return report


class Watched(RecordingApp):
    """Records every report shown and every reading state."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shown: list[int | None] = []
        self.readings: list[str] = []

    def show_report(self, report: Report, *, empty: bool) -> None:
        self.shown.append(report.verdict.status)
        super().show_report(report, empty=empty)

    def show_reading(self, size: str) -> None:
        self.readings.append(size)
        super().show_reading(size)


@pytest.fixture
def gate() -> Iterator[Gate]:
    gate = Gate()
    yield gate
    for event in gate.released.values():  # never leave a worker thread waiting
        event.set()


def _app(gate: Gate, paste: str = "", **engine: Any) -> Watched:
    engine.setdefault("big", 100)
    engine.setdefault("settle", 0)
    kwargs = {"clock": lambda: NOW, "tick": False, "environ": {}, "clipboard_timeout": 0.2}
    built = Engine(read=gate.read, diagnose=gate.diagnose, **engine)
    return Watched(paste, Options(now=NOW), engine=built, **kwargs)


async def _finish(app: Watched, pilot: Pilot[int]) -> None:
    """Wait for every background run to end and its result to be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _banner(app: Watched) -> str:
    content = app.query_one("#verdict-text", Static).content
    return str(getattr(content, "plain", content))


async def test_a_big_paste_shows_the_reading_state_then_the_result(gate: Gate) -> None:
    app = _app(gate, A)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gate.entered.wait(WAIT)  # the worker is reading
        assert app.reading and app.diagnosing
        assert app.readings == [size_words(A)]
        assert f"Reading {size_words(A)}" in _banner(app)
        assert app.report is None or app.shown == []
        gate.release(A)
        await _finish(app, pilot)
        assert not app.reading and not app.diagnosing
        assert app.shown == [401]
        assert "401" in _banner(app) and "Reading" not in _banner(app)


async def test_a_newer_edit_wins_over_an_older_run(gate: Gate) -> None:
    app = _app(gate)
    async with app.run_test(size=SIZE) as pilot:
        area = app.query_one("#paste", TextArea)
        area.load_text(A)
        await pilot.pause()
        assert gate.entered.wait(WAIT)  # A is being read...
        area.load_text(B)  # ...when B is pasted
        await pilot.pause()
        assert app.readings[-1] == size_words(B)
        gate.release(A)  # A's run ends: stale, its result is dropped, B's run starts
        gate.release(B)
        await _finish(app, pilot)
        await _finish(app, pilot)
        assert 401 not in app.shown and app.shown[-1] == 403  # A's 401 was never shown
        assert gate.diagnosed == ["None", "403"]  # the empty start, then B: A learnt it was
        # stale after reading and skipped its diagnosis
        assert app.report is not None and app.report.verdict.status == 403


async def test_keys_are_answered_while_a_diagnosis_is_in_flight(gate: Gate) -> None:
    app = _app(gate, A)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gate.entered.wait(WAIT) and app.diagnosing
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # answered while the reader waits
        await pilot.press("escape", "alt+t")
        await pilot.press(*"abc")
        await pilot.pause()
        assert app.query_one("#token", TextArea).text == "abc"
        assert app.diagnosing and app.shown == []  # still reading A
        gate.release(A)
        await _finish(app, pilot)
        assert app.shown and app.shown[-1] == 401


async def test_a_small_paste_is_diagnosed_at_once_without_a_reading_state(gate: Gate) -> None:
    app = _app(gate, big=10_000)
    gate.release(A)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#paste", TextArea).load_text(A)
        await pilot.pause()
        assert app.shown[-1] == 401
        assert app.readings == [] and not app.diagnosing


async def test_copying_while_reading_says_the_report_is_not_ready(gate: Gate) -> None:
    app = _app(gate, A)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gate.entered.wait(WAIT)
        await pilot.press("f2")
        await pilot.pause()
        assert any("Still reading" in n for n in app.notes)
        gate.release(A)
        await _finish(app, pilot)


async def test_options_changed_during_a_run_reuse_its_reading(gate: Gate) -> None:
    app = _app(gate, A)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gate.entered.wait(WAIT)
        app._settings.set_value("scopes", "orders:write")  # a new request, same paste
        app.rediagnose()
        gate.release(A)
        await _finish(app, pilot)
        await _finish(app, pilot)
        assert gate.reads.count(A) == 1  # read once, by the first run; the second reused it
        assert app.report is not None and app.report.verdict.status == 401
        assert app.shown[-1:] == [401] and app.shown.count(401) == 1


async def test_a_failing_run_is_reported_and_the_next_one_runs() -> None:
    calls: list[str] = []

    def read(paste: str) -> Paste:
        calls.append(paste)
        if paste == A:
            raise RuntimeError("reader broke")
        return read_paste(paste)

    app = make_app(A, Options(now=NOW), engine=Engine(read=read, big=100, settle=0))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("The diagnosis failed: RuntimeError: reader broke" in n for n in app.notes)
        app.query_one("#paste", TextArea).load_text(B)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.report is not None and app.report.verdict.status == 403


async def test_edits_of_a_big_paste_settle_before_a_run(gate: Gate) -> None:
    gate.release(A)
    app = _app(gate, A, settle=30)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(app, pilot)
        reads = len(gate.reads)
        area = app.query_one("#paste", TextArea)
        area.focus()
        await pilot.press(*"xyz")
        await pilot.pause()
        assert len(gate.reads) == reads  # no run per keystroke
        assert app.reading and "Reading" in _banner(app)
        assert app._settle_timer is not None  # one run, when the typing stops
        edited = area.text
        gate.release(edited)
        app._settle_timer.stop()
        app.rediagnose()  # what the timer does when it fires
        await _finish(app, pilot)
        assert gate.reads[reads:] == [edited]


def test_sizes_are_said_as_people_say_them() -> None:
    assert size_words("x" * 5_000_000) == "5.0 MB"
    assert size_words("x" * 312_400) == "312 KB"
    assert size_words("é" * 600_000) == "1.2 MB"  # UTF-8 bytes
    assert size_words("") == "1 KB"


# ------------------------------------------------------------ the child process


def test_the_child_process_diagnoses_and_keeps_the_paste_it_read() -> None:
    child = ChildProcess()
    try:
        first = child.run(A, Options(now=NOW))
        assert first.verdict.status == 401
        assert child.holds(A) and not child.holds(B)
        again = child.run(A, Options(now=NOW, scopes=("orders:write",)))  # the paste not sent
        assert again.verdict.status == 401
        assert child.run(B, Options(now=NOW)).verdict.status == 403
        assert child.holds(B)
    finally:
        child.close()


class _DiesOnArrival:
    """Options that end the child as it reads them (it dies in the middle of a run)."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (os._exit, (3,))


def test_a_child_that_dies_fails_that_run_and_the_next_starts_another() -> None:
    child = ChildProcess()
    try:
        child.run(A, Options(now=NOW))
        with pytest.raises(RuntimeError, match="background reader stopped"):
            child.run(A, _DiesOnArrival())  # type: ignore[arg-type]
        assert not child.holds(A)
        assert child.run(A, Options(now=NOW)).verdict.status == 401
        child.close()  # closed while idle: the next run simply starts a new child
        assert child.run(B, Options(now=NOW)).verdict.status == 403
    finally:
        child.close()


def test_the_child_sends_a_failure_back_as_a_sentence() -> None:
    child = ChildProcess()
    try:
        with pytest.raises(RuntimeError, match="Error"):
            child.run(A, "not options")  # type: ignore[arg-type]
        assert child.run(A, Options(now=NOW)).verdict.status == 401  # and keeps serving
    finally:
        child.close()


async def test_the_app_reads_a_big_paste_in_its_child_process() -> None:
    engine = Engine(child=ChildProcess(), big=100, settle=0)
    app = Watched(A, Options(now=NOW), engine=engine, clock=lambda: NOW, tick=False, environ={})
    async with app.run_test(size=SIZE) as pilot:
        await _finish(app, pilot)
        assert app.readings == [size_words(A)]
        assert app.shown[-1] == 401 and app.report is not None
        assert engine.child is not None and engine.child.holds(A)
        app.query_one("#paste", TextArea).load_text(B)
        await _finish(app, pilot)
        await _finish(app, pilot)
        assert app.shown[-1] == 403
    assert engine.child._process is None or engine.child._process.poll() is not None  # closed
