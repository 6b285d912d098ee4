"""Typed messages the widgets and workers post to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from authtui.core.model import Finding, Note, Paste, Report
from authtui.core.options import Options


@dataclass
class FindingChosen(Message):
    """The user highlighted a finding or reader note in the list (posted to the app
    itself, not bubbled)."""

    item: Finding | Note | None
    """What to show in the detail pane (``None``: nothing highlighted)."""
    confirmed_by: tuple[Finding, ...] = ()
    """For a cause, the findings folded under it that confirm it."""


@dataclass
class ClipboardRead(Message):
    """The system clipboard answered (or failed) in the worker thread."""

    ok: bool
    text: str
    reason: str


@dataclass
class ReportCopied(Message):
    """Copying the report finished; ``summary`` says what was sent, in one line."""

    summary: str
    ok: bool
    """Something confirmed the copy (the system clipboard took it)."""
    text: str = ""
    """What was copied (to show it when the copy was not confirmed)."""


@dataclass(frozen=True)
class DiagnosisJob:
    """One run of the diagnosis in the background: what it answers."""

    generation: int
    """Which request this is; only the latest request's result is shown."""
    paste: str
    options: Options
    empty: bool
    """Nothing pasted at all: the result is shown as the welcome."""
    read: Paste | None = None
    """The paste already read (when its text is the one read last), or ``None``."""


@dataclass
class Diagnosed(Message):
    """A background run ended (the worker posts it)."""

    job: DiagnosisJob
    read: Paste | None
    """What was read of ``job.paste`` (``None`` when reading failed)."""
    report: Report | None
    """The report, or ``None`` when the run was stale before diagnosing, or failed."""
    error: str = ""
    """Why the run failed, in words (``""``: it did not)."""
