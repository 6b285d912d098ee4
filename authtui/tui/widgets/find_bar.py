"""``/`` in a read-only pane: a one-line find field docked at the bottom.

Finds as you type (the first match from where the pane is), Enter finds the
next one, Escape closes the field and gives focus back to the pane. What to find
and where are the app's (:meth:`~authtui.tui.navigation.Navigation.find_in`);
this widget only holds the text and the place it started.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input, OptionList

from authtui.tui.widgets.safe_input import SafeInput

Find = Callable[[Widget, str, int], bool]
"""Move a pane to the first match of a text at or after a position; False if none."""


def find_line(lines: Sequence[str], text: str, start: int) -> int | None:
    """The index of the first line at or after ``start`` (wrapping round) holding
    ``text``, case-insensitively; ``None`` when none does or ``text`` is empty."""
    needle = text.casefold()
    if not needle or not lines:
        return None
    count = len(lines)
    for step in range(count):
        index = (start + step) % count
        if needle in lines[index].casefold():
            return index
    return None


def position_of(target: Widget) -> int:
    """Where a pane is now: its highlighted finding, or its top line."""
    if isinstance(target, OptionList):
        return target.highlighted or 0
    return round(target.scroll_y)


class FindBar(SafeInput):
    """The find field of one pane."""

    DEFAULT_CSS = """
    FindBar { height: 1; }
    FindBar.-not-found { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", id="find.close", show=False),
    ]

    def __init__(self, target: Widget, find: Find) -> None:
        super().__init__(
            placeholder="Find (Enter: next, Escape: close)", id="find-bar", compact=True
        )
        self.target = target
        self._find_in = find
        self._start = position_of(target)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(self._start)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self._find(position_of(self.target) + 1)

    def _find(self, start: int) -> None:
        found = self._find_in(self.target, self.value, start)
        self.set_class(bool(self.value) and not found, "-not-found")

    def action_close(self) -> None:
        """Close the field; the pane keeps where the find took it."""
        self.target.focus()
        self.remove()
