"""The report on a screen of its own, to copy by hand when a copy cannot be confirmed.

OSC 52 never answers: the terminal may have taken the report or dropped it.
When nothing confirmed the copy (no system clipboard), this screen shows the
report as plain text, nothing beside it, so tmux copy-mode (prefix+[) or the
terminal's own selection takes exactly its lines. Escape or q goes back.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from authtui.core.safety.terminal import one_line, printable

HOW = "Select it to copy: tmux prefix+[ then space and enter, or your terminal's mouse selection."


class ReportView(Screen[None]):
    """The report's Markdown, scrollable, under one line saying what was sent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="report_view.close"),
        Binding("j", "scroll('down')", "Down", id="report_view.down", show=False),
        Binding("k", "scroll('up')", "Up", id="report_view.up", show=False),
    ]
    DEFAULT_CSS = """
    ReportView #report-said {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    ReportView #report-scroll {
        height: 1fr;
    }
    """

    def __init__(self, markdown: str, said: str) -> None:
        """``said``: what the copy did, in one line."""
        super().__init__()
        self._markdown = markdown
        self._said = said

    def compose(self) -> ComposeResult:
        """What was sent, how to copy, then the report itself."""
        head = Content.assemble(
            (one_line(self._said), "bold"), "\n", HOW, ("  Escape or q: back.", "dim")
        )
        yield Static(head, id="report-said", markup=False)
        with VerticalScroll(id="report-scroll"):
            yield Static(printable(self._markdown), id="report-text", markup=False)

    def on_mount(self) -> None:
        """The report takes the keys (arrows, page keys, j/k scroll)."""
        self.query_one("#report-scroll").focus()

    def action_scroll(self, direction: str) -> None:
        """j/k: a line down or up."""
        scroll = self.query_one("#report-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down(animate=False)
        else:
            scroll.scroll_up(animate=False)

    def action_close(self) -> None:
        """Back to the diagnosis."""
        self.dismiss(None)
