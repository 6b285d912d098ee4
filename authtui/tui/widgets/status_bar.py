"""The status bar: one line of what just happened, in the footer's row.

Toasts of several lines covered the findings for seconds after every case load
and every copy. A message is one line here instead: it takes the footer's row
for a few seconds (like an editor's echo area), then the keys come back; the
verdict, the findings and the detail never move and are never covered.

Messages quote file names and exceptions: the line is plain text (markup off)
through the terminal boundary (:func:`one_line`).
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from authtui.core.safety.terminal import one_line

SHOWING = "-status"
"""The screen's class while a message is shown (the stylesheet hides the footer)."""
SECONDS = {"information": 6.0, "warning": 10.0, "error": 15.0}
"""How long a message stays, by severity, when the caller gives no timeout."""
ICONS = {"information": "●", "warning": "▲", "error": "✖"}
STYLES = {
    "information": "$text-primary",
    "warning": "bold $text-warning",
    "error": "bold $text-error",
}


class StatusBar(Static):
    """The last message, for a few seconds; hidden otherwise."""

    DEFAULT_CSS = """
    StatusBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        display: none;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._timer: Timer | None = None
        self.message = ""
        """The message shown (``""``: none), as plain text."""

    def say(
        self, message: str, severity: str = "information", timeout: float | None = None
    ) -> None:
        """Show one line for ``timeout`` seconds (by severity when ``None``)."""
        text = one_line(message)
        self.message = text
        icon = ICONS.get(severity, "●")
        self.update(Content.assemble((f"{icon} ", STYLES.get(severity, "")), text))
        self.display = True
        self.screen.add_class(SHOWING)
        if self._timer is not None:
            self._timer.stop()
        seconds = SECONDS.get(severity, 6.0) if timeout is None else timeout
        self._timer = self.set_timer(seconds, self.clear, name="status-clear")

    def clear(self) -> None:
        """Hide the message: the footer's keys show again."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.message = ""
        self.display = False
        self.screen.remove_class(SHOWING)
