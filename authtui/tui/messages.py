"""Typed messages the widgets and workers post to the app.

Messages take their fields in ``__init__``, as Textual's own do: a dataclass would
compile three methods per message while the app starts, for an equality and a repr
no message needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from authtui.core.model import Finding, Note, Paste, Report
from authtui.core.options import Options


class FindingChosen(Message):
    """The user highlighted a finding or reader note in the list (posted to the app
    itself, not bubbled)."""

    def __init__(self, item: Finding | Note | None, confirmed_by: tuple[Finding, ...] = ()) -> None:
        super().__init__()
        self.item = item
        """What to show in the detail pane (``None``: nothing highlighted)."""
        self.confirmed_by = confirmed_by
        """For a cause, the findings folded under it that confirm it."""


class ClipboardRead(Message):
    """The system clipboard answered (or failed) in the worker thread."""

    def __init__(self, ok: bool, text: str, reason: str) -> None:
        super().__init__()
        self.ok = ok
        self.text = text
        self.reason = reason


class ReportCopied(Message):
    """Copying the report finished; ``summary`` says what was sent, in one line."""

    def __init__(self, summary: str, ok: bool, text: str = "") -> None:
        super().__init__()
        self.summary = summary
        self.ok = ok
        """Something confirmed the copy (the system clipboard took it)."""
        self.text = text
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


class Diagnosed(Message):
    """A background run ended (the worker posts it)."""

    def __init__(
        self, job: DiagnosisJob, read: Paste | None, report: Report | None, error: str = ""
    ) -> None:
        super().__init__()
        self.job = job
        self.read = read
        """What was read of ``job.paste`` (``None`` when reading failed)."""
        self.report = report
        """The report, or ``None`` when the run was stale before diagnosing, or failed."""
        self.error = error
        """Why the run failed, in words (``""``: it did not)."""
