"""What the app does between a report and its panes: where a report opens, and which
part of the paste, the token and the Decoded view a chosen finding points at.

Source linking: the core says where each finding's evidence came from
(:class:`~authtui.core.model.Source`); :mod:`authtui.tui.source_places` turns that into
stretches of the editors and a member of the Decoded view, and this mixin shows them:
choosing a finding highlights its header line or token segment in the Paste pane (or
the segment in the Token pane) and its claim in the Decoded view. A report of text the
editors no longer hold (they were edited since) highlights nothing in them.

A mixin of :class:`~authtui.tui.app.AuthTUI`, kept apart from the app's layout so
each stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from authtui.core.model import Finding, Note, Report
from authtui.tui.lookup import by_id
from authtui.tui.source_places import NOWHERE, Places, places
from authtui.tui.token_headline import is_bare_token
from authtui.tui.widgets.marked_area import MarkedTextArea
from authtui.tui.widgets.panes import Panes
from authtui.tui.widgets.token_view import TokenView

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[int]
else:
    _Base = object


class ReportLinks(_Base):
    """Opens a paste that is only a token on the Decoded view; links findings to places."""

    _bare_token_shown = False
    """The last report shown was of a paste that is only a token."""
    _linked: tuple[Report, str, str] | None = None
    """The report shown, with the paste and token texts it was diagnosed from."""
    linked_places: Places = NOWHERE
    """What the chosen finding highlights (for tests and the status line)."""

    def link_report(self, report: Report, *, empty: bool) -> None:
        """A report was shown: a paste that has just become a bare token opens on the
        Decoded view (once: the user may go back to the findings, and the clock ticks)."""
        bare = not empty and is_bare_token(report)
        if bare and not self._bare_token_shown:
            tabs = by_id(self, "#results", Panes)
            if tabs is not None:
                tabs.active = "tab-decoded"
        self._bare_token_shown = bare
        self._linked = (report, self._editor_text("#paste"), self._editor_text("#token"))

    def _editor_text(self, selector: str) -> str:
        area = by_id(self, selector, MarkedTextArea)
        return area.text if area is not None else ""

    def link_finding(self, item: Finding | Note | None) -> None:
        """Highlight where the chosen finding's evidence is (nothing for a note)."""
        found = NOWHERE
        linked = self._linked
        if isinstance(item, Finding) and linked is not None:
            report, paste_text, token_text = linked
            found = places(item.source, report.token, paste_text, token_text)
        self.linked_places = found
        self._mark("#paste", found.paste, linked[1] if linked else None)
        self._mark("#token", found.token, linked[2] if linked else None)
        view = by_id(self, "#decoded", TokenView)
        if view is not None:
            view.highlight_member(found.member)

    def _mark(self, selector: str, stretch: tuple[int, int] | None, text: str | None) -> None:
        area = by_id(self, selector, MarkedTextArea)
        if area is None:
            return
        if stretch is not None and area.text == text:
            area.show_source(*stretch)
        else:
            area.clear_source()
