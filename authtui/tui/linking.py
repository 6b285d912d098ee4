"""What the app does between a report and its panes: where a report opens, and
(later) which part of the paste a finding points at.

A mixin of :class:`~authtui.tui.app.AuthTUI`, kept apart from the app's layout so
each stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TabbedContent

from authtui.core.model import Report
from authtui.tui.token_headline import is_bare_token

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[int]
else:
    _Base = object


class ReportLinks(_Base):
    """Opens a paste that is only a token on the Decoded view."""

    _bare_token_shown = False
    """The last report shown was of a paste that is only a token."""

    def link_report(self, report: Report, *, empty: bool) -> None:
        """A report was shown: a paste that has just become a bare token opens on the
        Decoded view (once: the user may go back to the findings, and the clock ticks)."""
        bare = not empty and is_bare_token(report)
        if bare and not self._bare_token_shown:
            for tabs in self.query("#results").results(TabbedContent):
                tabs.active = "tab-decoded"
        self._bare_token_shown = bare
