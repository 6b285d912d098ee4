"""Running the diagnosis without ever holding up a key.

A small paste (the common case) is read and diagnosed at once, on the UI thread:
the core takes milliseconds, and the screen goes from one result to the next with
nothing in between. A big paste (:attr:`Engine.big` characters or more) is read
and diagnosed in the background (the core is pure, so it runs anywhere): in a
child process (:mod:`authtui.tui.offload`; a thread would hold the interpreter
lock the keys need) waited for by a worker thread, or in the worker thread itself
when the engine has no child (tests). The verdict says what is being read
("Reading 5.0 MB…"), every key is answered meanwhile, and the result is shown
only if it still answers the fields as they are now.

One run at a time. A request made while a run is going waits as *the* next run
(a newer request replaces it); when the run ends, its result is shown only if no
request came after it started, and the waiting one starts. A thread cannot be
stopped, so a superseded run skips its diagnosis when it learns after reading
that it is stale, and what it found is dropped: a stale result is never shown,
though its reading of the paste is kept when the paste is still the same text.
An edit of a big paste starts a run only after the edits settle
(:attr:`Engine.settle` seconds without one), so typing does not re-read megabytes
a keystroke.

The app's very first diagnosis is usually done already: the launcher began it in
the child before importing Textual (:mod:`authtui.tui.head_start`), and this
process imports the reader and the diagnosis only after the first frame
(:meth:`Engine.warm_up`).

A mixin for :class:`~authtui.tui.app.AuthTUI`, kept apart so app.py stays small.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work

from authtui.tui.messages import Diagnosed, DiagnosisJob
from authtui.tui.offload import BIG_PASTE, ChildProcess

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from authtui.core.model import Paste, Report
    from authtui.core.options import Options
    from authtui.tui.head_start import HeadStart

    _Base = App[int]
else:
    _Base = object

SETTLE = 0.3
"""Seconds without an edit before a big paste is read again."""


def read_paste(text: str) -> Paste:
    """:func:`authtui.core.read.paste.read_paste`, imported at its first call (the
    head start's report comes without the paste's reading: see :meth:`_diagnose_now`)."""
    from authtui.core.read.paste import read_paste as read

    return read(text)


def diagnose_paste(read: Paste, options: Options) -> Report:
    """:func:`authtui.core.diagnose.diagnose_paste`, imported at its first call: PyJWT,
    cryptography and the checks come with it, and the first screen does without
    them (:mod:`authtui.tui.head_start`)."""
    from authtui.core.diagnose import diagnose_paste as diagnose

    return diagnose(read, options)


@dataclass(frozen=True, slots=True)
class Engine:
    """What the app runs to diagnose, and when in the background (tests swap these)."""

    read: Callable[[str], Paste] = read_paste
    """Paste text to exchanges, tokens and notes."""
    diagnose: Callable[[Paste, Options], Report] = diagnose_paste
    """What was read, and the options, to a report."""
    big: int = BIG_PASTE
    """Pastes this long or longer are read and diagnosed in a worker thread."""
    settle: float = SETTLE
    """Seconds an edit of a big paste waits for the next before a run starts."""
    child: ChildProcess | None = None
    """Where big pastes are read and diagnosed (``None``: in the worker thread, with
    :attr:`read` and :attr:`diagnose`). The app's own engine has one."""

    @property
    def cold(self) -> bool:
        """No diagnosis has run in this process yet: its modules are still to load."""
        return self.diagnose is diagnose_paste and "authtui.core.diagnose" not in sys.modules

    def warm_up(self) -> None:
        """Import what the first diagnosis in this process runs (the diagnosis and
        every check), so that the first key after start-up does not wait for it."""
        importlib.import_module("authtui.core.read.paste")
        importlib.import_module("authtui.core.diagnose")
        importlib.import_module("authtui.core.checks").all_checks()

    def close(self) -> None:
        """End the child process, if one was started."""
        if self.child is not None:
            self.child.close()


def size_words(text: str) -> str:
    """A paste's size as people say it: ``5.0 MB``, ``312 KB`` (UTF-8 bytes)."""
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


class DiagnosisRunner(_Base):
    """Diagnoses at once or in the background; never shows a stale result."""

    engine: Engine
    report: Report | None
    _read_text: str | None = None
    """The paste text last read (``None``: none yet), and what was read of it."""
    _read: Paste | None = None
    _generation: int = 0
    _in_flight: bool = False
    _waiting: DiagnosisJob | None = None
    _settle_timer: Timer | None = None
    reading: bool = False
    """True while a big paste is being read and the findings shown are from before."""
    head_start: HeadStart | None = None
    """The first diagnosis, begun by the launcher in the child (its report is taken
    by the first small-paste diagnosis, when it answers the same fields)."""
    head_started: bool = False
    """The report shown is the head start's (diagnosed by the clock of before)."""

    def show_report(self, report: Report, *, empty: bool) -> None:
        """Show a report (the app draws it)."""
        raise NotImplementedError

    def show_reading(self, size: str) -> None:
        """Say that a big paste is being read (the app draws it)."""
        raise NotImplementedError

    @property
    def diagnosing(self) -> bool:
        """True while a run is going in the background."""
        return self._in_flight

    def run_diagnosis(self, paste: str, options: Options, *, empty: bool) -> None:
        """Diagnose the paste with these options: now if small, else in the background."""
        self._generation += 1
        self._stop_settling()
        known = self._read if paste == self._read_text else None
        if len(paste) < self.engine.big:
            self._waiting = None  # nothing older may be shown after this
            self.reading = False
            self._diagnose_now(paste, known, options, empty=empty)
            return
        child = self.engine.child
        if not (child.holds(paste) if child is not None else known is not None):
            self.reading = True
            self.show_reading(size_words(paste))
        self._waiting = DiagnosisJob(self._generation, paste, options, empty, known)
        if not self._in_flight:
            self._start_waiting()

    def paste_edited(self, paste: str, rediagnose: Callable[[], None]) -> None:
        """The paste changed: a small one is diagnosed now, a big one once edits settle."""
        if len(paste) < self.engine.big or self.engine.settle <= 0:
            rediagnose()
            return
        self._generation += 1  # whatever runs now answers an older paste
        self._waiting = None
        self.reading = True
        self.show_reading(size_words(paste))
        self._stop_settling()
        self._settle_timer = self.set_timer(self.engine.settle, rediagnose, name="paste-settle")

    def _stop_settling(self) -> None:
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None

    def _diagnose_now(
        self, paste: str, known: Paste | None, options: Options, *, empty: bool
    ) -> None:
        try:
            begun, self.head_start = self.head_start, None
            report = begun.take(paste, options) if begun is not None else None
            self.head_started = report is not None
            if report is None:  # (the head start's paste is read by the next run)
                read = known if known is not None else self.engine.read(paste)
                self._read_text, self._read = paste, read
                report = self.engine.diagnose(read, options)
        except Exception as exc:
            self.notify(f"The diagnosis failed: {type(exc).__name__}: {exc}", severity="error")
            return
        self.show_report(report, empty=empty)

    def _start_waiting(self) -> None:
        job = self._waiting
        self._waiting = None
        if job is None:
            return
        if job.read is None and job.paste == self._read_text:
            job = dataclasses.replace(job, read=self._read)  # read meanwhile by a stale run
        self._in_flight = True
        self._run_in_thread(job)

    @work(thread=True, group="diagnose", exit_on_error=False)
    def _run_in_thread(self, job: DiagnosisJob) -> None:
        """In a thread: read (unless known), then diagnose unless already stale;
        or have the child process do both, and wait for it."""
        child = self.engine.child
        try:
            if job.generation != self._generation:
                self.post_message(Diagnosed(job, None, None))  # stale before it began
                return
            if child is not None:
                self.post_message(Diagnosed(job, None, child.run(job.paste, job.options)))
                return
            read = job.read if job.read is not None else self.engine.read(job.paste)
            report = None
            if job.generation == self._generation:
                report = self.engine.diagnose(read, job.options)
            self.post_message(Diagnosed(job, read, report))
        except Exception as exc:
            self.post_message(Diagnosed(job, None, None, f"{type(exc).__name__}: {exc}"))

    def on_diagnosed(self, event: Diagnosed) -> None:
        """A run ended: keep its reading, show its report if still current, start the next.

        (A plain handler: ``@on`` is not seen in a mixin.)
        """
        event.stop()
        self._in_flight = False
        job = event.job
        if event.read is not None:
            self._read_text, self._read = job.paste, event.read
        if job.generation == self._generation:
            self.reading = False
            if event.error:
                self.notify(f"The diagnosis failed: {event.error}", severity="error")
            elif event.report is not None:
                self.show_report(event.report, empty=job.empty)
        self._start_waiting()
