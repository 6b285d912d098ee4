"""The answer always in view: the paste folds to a line, a key maximises a pane.

Once a paste has been diagnosed and the focus is elsewhere than the inputs, the
inputs fold to one summary line (:class:`PasteSummary`) and the verdict, the
findings and the detail get the whole screen; focusing that line (Tab, a click,
the paste pane's key) opens the inputs again and puts the cursor in the paste.
A whole paste (the terminal's bracketed paste) and a workshop case move the
focus to the findings, so the answer shows at once; typing does not.

The rule is one function of the state (:meth:`AnswerLayout.fit_answer`), run
whenever the focus or the report changes: a screen class, ``-folded``, that the
stylesheet reads. A mixin for :class:`~authtui.tui.app.AuthTUI`, kept apart so
app.py stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget

from authtui.tui.lookup import by_id
from authtui.tui.widgets.panes import Panes
from authtui.tui.widgets.paste_summary import PasteSummary

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from authtui.core.model import Report

    _Base = App[int]
else:
    _Base = object

INPUT_PANES = {"tab-paste": "paste", "tab-token": "token", "tab-settings": "settings"}
"""The pane (as ``focus_pane`` names it) behind each input tab."""
FOLDED = "-folded"
"""The main screen's class while the inputs are folded to the summary line."""


class AnswerLayout(_Base):
    """Folds the inputs once there is an answer; maximises the focused pane."""

    ALLOW_IN_MAXIMIZED_VIEW = "KeysFooter, StatusBar"
    report: Report | None
    _answer_ready: bool = False
    """A diagnosis of something pasted is on screen (not the welcome)."""

    if TYPE_CHECKING:

        def action_focus_pane(self, name: str) -> None:
            """The app's: show a pane's tab and focus it."""

    @property
    def _main_screen(self) -> Screen[object]:
        return self.screen_stack[0]

    def answer_shown(self, report: Report | None, *, empty: bool) -> None:
        """A report is on screen: describe it in the summary line, fold if due."""
        self._answer_ready = report is not None and not empty
        summary = by_id(self._main_screen, "#paste-summary", PasteSummary)
        if summary is not None:
            summary.show(report if self._answer_ready else None)
        self.fit_answer()

    def fit_answer(self) -> None:
        """Fold the inputs when there is an answer and the focus is not in them."""
        screen = self._main_screen
        box = by_id(screen, "#inputs", Panes)
        if box is None:
            return
        focused = screen.focused
        in_inputs = focused is not None and (focused is box or box in focused.ancestors)
        screen.set_class(self._answer_ready and not in_inputs, FOLDED)

    def show_answer(self) -> None:
        """Put the focus on the results (the inputs fold): after a whole paste or a case.
        The findings, or the Decoded view when it is the tab shown (a bare token)."""
        screen = self._main_screen
        tabs = by_id(screen, "#results", Panes)
        target = "#decoded" if tabs is not None and tabs.active == "tab-decoded" else "#findings"
        results = by_id(screen, target, Widget)
        if results is not None:
            results.focus()

    def on_paste(self, event: events.Paste) -> None:
        """A whole paste into the paste pane: show its answer once it has been read."""
        focused = self._main_screen.focused
        into_paste = focused is not None and focused.id == "paste"
        if into_paste and self.screen is self._main_screen and event.text.strip():
            self.call_after_refresh(self.show_answer)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus moved: the summary line opens the inputs; elsewhere, fold or not."""
        if isinstance(event.widget, PasteSummary):
            screen = self._main_screen  # still focused (not the screen's first auto-focus)
            if screen.has_class(FOLDED) and screen.focused is event.widget:
                self.call_later(self._open_inputs)
        else:
            self.call_later(self.fit_answer)

    def _open_inputs(self) -> None:
        """Open the inputs at the tab that was showing and focus its editor."""
        screen = self._main_screen
        screen.remove_class(FOLDED)
        box = screen.query_one("#inputs", Panes)
        self.action_focus_pane(INPUT_PANES.get(box.active, "paste"))

    def action_maximize_pane(self) -> None:
        """Fill the screen with the focused pane, or put it back (escape does too)."""
        screen = self.screen
        if screen.maximized is not None:
            screen.minimize()
        elif (focused := screen.focused) is not None:  # an editor, a list: itself;
            panes = focused.ancestors_with_self  # a scroll box: its tabs
            pane = next((w for w in panes if isinstance(w, Widget) and w.allow_maximize), None)
            if pane is not None:
                screen.maximize(pane, container=False)
