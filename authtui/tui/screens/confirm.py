"""A yes/no question before something that empties fields (ctrl+k: clear all)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class Confirm(ModalScreen[bool]):
    """Asks one question; dismisses with True (``y``, the first button) or False
    (``n``, Escape, the second button, which has focus: Enter keeps everything)."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    #confirm-box {
        width: 90%; max-width: 70; height: auto;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    #confirm-question { width: 1fr; }
    #confirm-buttons { height: auto; margin: 1 0 0 0; }
    #confirm-buttons Button { margin: 0 1 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        """``question`` is shown as it is (it is the app's own text, never a paste's)."""
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(id="confirm-box"):
            yield Label(self._question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="confirm-yes", variant="warning")
                yield Button(f"{self._no} (n)", id="confirm-no")

    def on_mount(self) -> None:
        """Focus the safe answer: Enter keeps everything."""
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """y or n."""
        self.dismiss(answer)
