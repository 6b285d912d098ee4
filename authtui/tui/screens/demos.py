"""F4: pick a workshop case to load; it opens at the current case and filters as you type.

The filter takes any word of a case's name, title or summary
(:mod:`authtui.tui.case_search`): "wrong aud" leaves Wrong audience. Up and
down move in the list while the filter keeps the cursor; Enter loads the
highlighted case, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from authtui.tui.case_search import Case, filter_cases


def _option(case: Case) -> Option:
    name, title, summary = case
    prompt = Content.assemble((title, "bold"), ("  " + name, "dim"), "\n  ", summary)
    return Option(prompt, id=name)


class DemoPicker(ModalScreen[str | None]):
    """Lists the workshop cases; dismisses with the chosen case's name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="demos.cancel"),
        Binding("down", "move(1)", "Next", id="demos.down", show=False, priority=True),
        Binding("up", "move(-1)", "Previous", id="demos.up", show=False, priority=True),
        Binding("enter", "load", "Load", id="demos.load", show=False, priority=True),
    ]

    def __init__(self, cases: Sequence[Case], current: str | None = None) -> None:
        """``cases``: (name, title, summary) of each workshop case; ``current``: the
        case loaded now (the list opens on it)."""
        super().__init__()
        self._cases = list(cases)
        self._current = current

    def compose(self) -> ComposeResult:
        """A title, the filter and the list."""
        with Vertical(id="demo-box"):
            yield Label(
                "Load a workshop case: type to filter, Enter loads, Escape cancels",
                id="demo-title",
            )
            yield Input(placeholder="any word: wrong aud, scope, dpop…", id="demo-filter")
            yield OptionList(*map(_option, self._cases), id="demo-list", markup=False)

    def on_mount(self) -> None:
        """Open at the current case, the cursor in the filter."""
        self._highlight(self._current)
        self.query_one("#demo-filter", Input).focus()

    @property
    def shown(self) -> list[str]:
        """The names the list shows, in order."""
        listing = self.query_one("#demo-list", OptionList)
        return [listing.get_option_at_index(i).id or "" for i in range(listing.option_count)]

    def _highlight(self, name: str | None) -> None:
        listing = self.query_one("#demo-list", OptionList)
        names = self.shown
        listing.highlighted = names.index(name) if name in names else (0 if names else None)
        if listing.highlighted is not None:
            listing.scroll_to_highlight()

    @on(Input.Changed, "#demo-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        listing = self.query_one("#demo-list", OptionList)
        option = listing.highlighted_option
        keep = option.id if option is not None else self._current
        listing.set_options(map(_option, filter_cases(event.value, self._cases)))
        self._highlight(keep)

    def action_move(self, step: int) -> None:
        """Up or down in the list, wherever the focus is."""
        listing = self.query_one("#demo-list", OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_load(self) -> None:
        """Enter: load the highlighted case (nothing shown: nothing to load)."""
        option = self.query_one("#demo-list", OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    @on(Input.Submitted, "#demo-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_load()

    @on(OptionList.OptionSelected, "#demo-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        """Close without loading anything."""
        self.dismiss(None)
