"""The verification key field: pasted key text, or a file path completed with Tab.

A path is not read while it is typed (every keystroke would read a partial
path): the app reads it once, when the field is left (:class:`KeyFieldLeft`).
Tab completes a path from what is on disk (the longest common start of the
names that match; a directory gets its ``/``) and moves on when there is
nothing to complete. With paths off (``authtui serve``) Tab only moves on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from authtui.tui.fields import may_be_path
from authtui.tui.widgets.safe_area import SafeTextArea

MAX_LISTED = 2000
"""Directory entries looked at for one completion (a huge directory stays quick)."""


@dataclass
class KeyFieldLeft(Message):
    """Focus left the key field: time to read a path typed there."""


@dataclass(frozen=True)
class Completion:
    """What Tab found: the completed text, and the names that matched."""

    text: str
    matches: tuple[str, ...]


def complete_path(text: str, *, limit: int = MAX_LISTED) -> Completion | None:
    """Complete a one-line path from the names on disk; ``None`` when nothing matches.
    Never raises (an unreadable directory matches nothing)."""
    if not may_be_path(text):
        return None
    typed = text.strip()
    head, sep, prefix = typed.rpartition("/")
    folder = head + sep
    try:
        where = Path(folder or ".").expanduser()
        names: list[str] = []
        with os.scandir(where) as entries:
            for count, entry in enumerate(entries):
                if count >= limit:
                    break
                if entry.name.startswith(prefix) and (prefix or not entry.name.startswith(".")):
                    names.append(entry.name + ("/" if entry.is_dir() else ""))
    except (OSError, ValueError, RuntimeError):
        return None
    if not names:
        return None
    names.sort()
    first, last = names[0], names[-1]  # sorted: their common start is everyone's
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    common = first[:size]
    return Completion(folder + common, tuple(names))


class KeyArea(SafeTextArea):
    """The key field: Tab completes a path; leaving the field asks for it to be read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete the path", id="key.complete", show=False),
    ]

    def __init__(self, text: str = "", *, key_paths: bool = True, **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self.key_paths = key_paths
        self.matches: tuple[str, ...] = ()
        """The names the last Tab found, when it could not choose among them."""

    def action_complete(self) -> None:
        """Complete the path typed; with nothing to complete, move to the next field."""
        found = complete_path(self.text) if self.key_paths else None
        if found is None or found.text == self.text.strip():
            if found is not None and len(found.matches) > 1 and self.matches != found.matches:
                self.matches = found.matches  # a second Tab moves on
                self.notify("Matches: " + "  ".join(found.matches[:12]), markup=False)
                return
            self.matches = ()
            self.screen.focus_next()
            return
        self.matches = ()
        self.load_text(found.text)
        self.move_cursor(self.document.end)

    def on_blur(self, event: events.Blur) -> None:
        """Focus went elsewhere: the app reads a path typed here, once."""
        self.post_message(KeyFieldLeft())
