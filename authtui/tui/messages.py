"""Typed messages the widgets and workers post to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from authtui.core.model import Finding, Note


@dataclass
class FindingChosen(Message):
    """The user highlighted a finding or reader note in the list."""

    item: Finding | Note | None
    """What to show in the detail pane (``None``: nothing highlighted)."""


@dataclass
class ClipboardRead(Message):
    """The system clipboard answered (or failed) in the worker thread."""

    ok: bool
    text: str
    reason: str


@dataclass
class ReportCopied(Message):
    """Copying the report finished; ``summary`` says what was tried."""

    summary: str
    ok: bool
