"""A paste from a pipe, read while the app is already on screen.

``(cat capture.txt; sleep 5) | authtui`` used to show a blank terminal until
the pipe closed: standard input was read to its end before the app started.
Now the app starts at once and says "Reading standard input…" in the verdict
banner; a thread reads the pipe (the launcher hands over its own copy of it,
since the keys then come from the terminal) and the paste, once whole, fills
the Paste pane and is diagnosed. Keys work meanwhile.

A mixin for :class:`~authtui.tui.app.AuthTUI`, kept apart so app.py stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widgets import TextArea

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from textual.app import App

    _Base = App[int]
else:
    _Base = object

READING_WHAT = "standard input"
"""What the banner says it is reading ("Reading standard input…")."""


class PipeRead(Message):
    """The pipe closed: everything it carried (or why reading it failed)."""

    def __init__(self, text: str, error: str = "") -> None:
        super().__init__()
        self.text = text
        self.error = error


class PipedPaste(_Base):
    """Reads the paste from a pipe in a thread, with the app already on screen."""

    read_pipe: Callable[[], str] | None = None
    """Reads the pipe to its end (``None``: the paste did not come from a pipe)."""
    pipe_open: bool = False
    """The pipe is being read: the banner says so."""

    if TYPE_CHECKING:

        def _quiet(self) -> AbstractContextManager[None]:
            """The app's: change fields without each change re-diagnosing."""

        def rediagnose(self) -> None:
            """The app's: diagnose the fields again."""

        def show_reading(self, size: str) -> None:
            """The app's: the banner says what is being read."""

        def show_answer(self) -> None:
            """:class:`~authtui.tui.answer.AnswerLayout`'s: focus the findings."""

    def start_reading_pipe(self) -> None:
        """Say "Reading standard input…" and read the pipe in a thread."""
        if self.read_pipe is None:
            return
        self.pipe_open = True
        self.show_reading(READING_WHAT)
        self._read_pipe(self.read_pipe)

    @work(thread=True, exclusive=True, group="stdin")
    def _read_pipe(self, read: Callable[[], str]) -> None:
        try:
            text = read()
        except (OSError, ValueError) as exc:
            self.post_message(PipeRead("", f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(PipeRead(text))

    def on_pipe_read(self, event: PipeRead) -> None:
        """The pipe closed: its text is the paste (a plain handler: ``@on`` is not
        seen in a mixin)."""
        self.pipe_open = False
        if event.error:
            self.notify(f"Could not read standard input: {event.error}", severity="error")
        paste = self.query("#paste").results(TextArea)
        area = next(iter(paste), None)
        if area is None:  # the app is closing
            return
        if event.text.strip() and area.text.strip():  # typed meanwhile: that wins
            self.notify("Standard input closed; the Paste pane was edited meanwhile: kept.")
        elif event.text.strip():
            with self._quiet():
                area.load_text(event.text)
        self.rediagnose()
        if event.text.strip():
            self.show_answer()
