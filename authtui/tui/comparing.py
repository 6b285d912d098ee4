"""The app's side of the Compare screen: what it is opened with.

A mixin of :class:`~authtui.tui.app.AuthTUI`, kept apart from the app's layout. The
screen gets the paste being diagnosed (side B), the app's options with one device clock
for both sides, the HAR entries when the paste has several, and the working side of a
workshop pair when one is loaded (``staging-vs-production``).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual.widgets import TextArea

from authtui.core.options import Options

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

    from authtui.tui.fields import Built

    _Base = App[int]
else:
    _Base = object


class Comparing(_Base):
    """Opens the Compare screen (ctrl+/ or F6, the palette's "compare: ...")."""

    compare_with = ""
    """The paste of the request that works, from a workshop pair ("" for none)."""

    if TYPE_CHECKING:
        built: Built | None

        _clock: Callable[[], float]

    def action_compare(self) -> None:
        """Compare the paste with the request that works, or two of its HAR entries."""
        from authtui.tui.screens.compare import CompareScreen  # on demand: the compare rules

        if isinstance(self.screen, CompareScreen):
            return
        options = self.built.options if self.built is not None else Options()
        options = dataclasses.replace(options, entry=None, device_now=self._clock())
        report = getattr(self, "report", None)
        entries = report.entries if report is not None else ()
        selected = report.selected if report is not None else 0
        paste = self.query_one("#paste", TextArea).text
        screen = CompareScreen(
            paste, options, entries=entries, selected=selected, other=self.compare_with
        )
        self.push_screen(screen)
