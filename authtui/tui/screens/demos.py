"""F4: pick a workshop case to load."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class DemoPicker(ModalScreen[str | None]):
    """Lists the workshop cases; dismisses with the chosen case's name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="demos.cancel")
    ]

    def __init__(self, cases: Sequence[tuple[str, str, str]]) -> None:
        """``cases``: (name, title, summary) of each workshop case."""
        super().__init__()
        self._cases = list(cases)

    def compose(self) -> ComposeResult:
        """A title and the list."""
        with Vertical(id="demo-box"):
            yield Label("Load a workshop case (Enter loads, Escape cancels)", id="demo-title")
            options = [
                Option(
                    Content.assemble((title, "bold"), ("  " + name, "dim"), "\n  ", summary),
                    id=name,
                )
                for name, title, summary in self._cases
            ]
            yield OptionList(*options, id="demo-list", markup=False)

    @on(OptionList.OptionSelected, "#demo-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        """Close without loading anything."""
        self.dismiss(None)
