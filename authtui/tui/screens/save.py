"""F3: save the report as Markdown to a file the user names."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

DEFAULT_REPORT_PATH = "./authtui-report.md"


class SaveReport(ModalScreen[str | None]):
    """Asks for a file name; dismisses with it (or ``None`` when cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save.cancel")
    ]

    def __init__(self, path: str = DEFAULT_REPORT_PATH, redacted: bool = True) -> None:
        super().__init__()
        self._path = path
        self._redacted = redacted

    def compose(self) -> ComposeResult:
        """The file name field and two buttons."""
        words = "redacted" if self._redacted else "NOT redacted (redaction is off)"
        with Vertical(id="save-box"):
            yield Label(f"Save the report as Markdown ({words}; the secret is never written)")
            yield Input(self._path, id="save-path")
            with Horizontal(id="save-buttons"):
                yield Button("Save", id="save-ok", variant="primary")
                yield Button("Cancel", id="save-cancel")

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save-ok")
    def _save(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        path = self.query_one("#save-path", Input).value.strip()
        self.dismiss(path or None)

    @on(Button.Pressed, "#save-cancel")
    def _cancel_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
