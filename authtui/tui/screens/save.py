"""F3: save the report as Markdown to a file the user names.

The dialog looks at the path before writing (:mod:`authtui.tui.savefile`): a new
file is written at once; for an existing file it asks, and the file is replaced
only by the button, which then reads "Replace" (Enter in the name field asks
again, it never replaces); a symbolic link, a directory or a device is refused.
Every message is plain text through the terminal boundary (a path is never
markup, even with ``[/]`` in it), and a failure stays in the dialog, so the name
can be fixed there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from authtui.core.safety.terminal import one_line
from authtui.tui.savefile import DEFAULT_REPORT_PATH, Target, look
from authtui.tui.widgets.safe_input import SafeInput

Writer = Callable[[Path, bool], str]
"""Writes the report to a path (replacing the file there when told): ``""`` or why not."""


@dataclass(frozen=True, slots=True)
class Saved:
    """What the dialog wrote."""

    path: Path
    replaced: bool
    """True when an existing file was replaced (the user confirmed it)."""


def _refusal(path: Path, target: Target) -> str:
    """Why nothing is written at ``path`` (``""``: something may be)."""
    shown = one_line(str(path))
    if target is Target.LINK:
        return (
            f"{shown} is a symbolic link: authtui does not write through links. "
            "Choose another name."
        )
    if target is Target.DIRECTORY:
        return f"{shown} is a directory: add a file name."
    if target is Target.OTHER:
        return f"{shown} is not a regular file: choose another name."
    return ""


class SaveReport(ModalScreen[Saved | None]):
    """Asks for a file name, writes there; dismisses with what was saved (or ``None``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save.cancel")
    ]

    def __init__(
        self, path: str = DEFAULT_REPORT_PATH, redacted: bool = True, *, write: Writer
    ) -> None:
        super().__init__()
        self._path = path
        self._redacted = redacted
        self._writer = write
        self._confirming: Path | None = None
        """The existing file the user was asked about (a second press replaces it)."""

    def compose(self) -> ComposeResult:
        """The file name field, a line for what happened, and two buttons."""
        words = "redacted" if self._redacted else "NOT redacted (redaction is off)"
        with Vertical(id="save-box"):
            yield Label(f"Save the report as Markdown ({words}; the secret is never written)")
            yield SafeInput(self._path, id="save-path")
            yield Static("", id="save-message", markup=False)
            with Horizontal(id="save-buttons"):
                yield Button("Save", id="save-ok", variant="primary")
                yield Button("Cancel", id="save-cancel")

    @property
    def said(self) -> str:
        """What the dialog says under the name (``""``: nothing)."""
        return str(self.query_one("#save-message", Static).content)

    def _say(self, text: str) -> None:
        self.query_one("#save-message", Static).update(one_line(text))

    def _ask(self, path: Path | None) -> None:
        """Ask about replacing ``path`` (``None``: no longer)."""
        self._confirming = path
        button = self.query_one("#save-ok", Button)
        button.label = "Replace" if path else "Save"
        button.variant = "warning" if path else "primary"

    @on(Input.Changed, "#save-path")
    def _renamed(self, event: Input.Changed) -> None:
        event.stop()
        if self._confirming is not None:
            self._ask(None)
            self._say("")

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save-ok")
    def _save(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        typed = self.query_one("#save-path", Input).value.strip()
        if not typed:
            self._say("Type a file name.")
            return
        try:
            path = Path(typed).expanduser()
        except RuntimeError:  # ~user that does not exist
            path = Path(typed)
        target = look(path)
        refusal = _refusal(path, target)
        if refusal:
            self._ask(None)
            self._say(refusal)
            return
        replace = target is Target.FILE
        confirmed = isinstance(event, Button.Pressed) and self._confirming == path
        if replace and not confirmed:
            self._ask(path)
            self._say(f"{path} already exists. Replace it, or change the name.")
            return
        error = self._writer(path, replace)
        if error:
            self._ask(None)
            self._say(error)
            return
        self.dismiss(Saved(path, replace))

    @on(Button.Pressed, "#save-cancel")
    def _cancel_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
