"""Moving around with the keyboard: panes, plain keys in read-only panes, find, redraw.

A mixin for :class:`~authtui.tui.app.AuthTUI`. The plain keys of
:data:`~authtui.tui.keys.PANE_BINDINGS` are app bindings without priority: an
editor takes a printable key before any binding sees it, and :meth:`check_action`
turns them off on every screen but the main one (``q`` in the case list is not
"quit") and while a text field has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from authtui.tui.keys import PANES
from authtui.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from textual.app import App

    from authtui.tui.keymap import Remap

    _Base = App[int]
else:
    _Base = object


PANE_ACTIONS = frozenset(
    {
        "pane_help",
        "pane_down",
        "pane_up",
        "find",
        "pane_go",
        "pane_quit",
        "pane_maximize",
        "pane_next_case",
    }
)
"""The actions of the plain keys: only on the main screen, in a read-only pane."""

PANE_OF_WIDGET = {
    "paste": "paste",
    "token": "token",
    "settings": "settings",
    "findings": "findings",
    "detail": "findings",
    "decoded": "decoded",
}
"""Which pane a widget with this id (or inside it) belongs to."""

READ_ONLY_PANES = frozenset({"findings", "decoded"})
"""The panes whose plain keys act (the findings pane holds the list and the detail)."""

SEARCHABLE = ("findings", "detail", "decoded")
"""The read-only panes ``/`` searches, by widget id."""


class Navigation(_Base):
    """Pane keys, ``j``/``k``, ``/`` find, ctrl+l redraw."""

    _pane_asked: tuple[object, str] | None = None
    """(what had focus, the pane ctrl+n asked for): focus changes after the key."""

    if TYPE_CHECKING:

        def action_focus_pane(self, name: str) -> None:
            """Show a pane's tab and focus it (the app's)."""

        user_keys: Remap

        def key_label(self, binding_id: str) -> str:
            """The first live key of a binding (the app's)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Plain keys act only on the main screen and outside text fields."""
        if action in PANE_ACTIONS:
            if self.screen is not self.screen_stack[0]:
                return False
            if isinstance(self.focused, Input | TextArea):
                return False
            return self.current_pane() in READ_ONLY_PANES
        return True

    def current_pane(self) -> str | None:
        """The pane the focused widget is in, by :data:`~authtui.tui.keys.PANES` name."""
        node: DOMNode | None = self.focused
        while node is not None:
            if isinstance(node, Widget) and node.id in PANE_OF_WIDGET:
                return PANE_OF_WIDGET[node.id]
            node = node.parent
        return None

    def action_next_pane(self) -> None:
        """ctrl+n: the next pane (paste, token, settings, findings, decoded, paste...)."""
        names = [name for name, _ in PANES]
        current = self.current_pane()
        asked = self._pane_asked
        if asked is not None and asked[0] is self.focused:
            current = asked[1]  # focus moves after this key: a quick second press goes on
        index = names.index(current) + 1 if current in names else 0
        target = names[index % len(names)]
        self._pane_asked = (self.focused, target)
        self.action_focus_pane(target)

    def action_pane_go(self, name: str) -> None:
        """A digit in a read-only pane: jump to that pane."""
        self.action_focus_pane(name)

    async def action_pane_help(self) -> None:
        """``?`` in a read-only pane: the help screen."""
        await self.run_action("help")

    def action_pane_quit(self) -> None:
        """``q`` in a read-only pane: leave."""
        self.exit()

    async def action_pane_maximize(self) -> None:
        """``+`` in a read-only pane: maximise it, and back."""
        await self.run_action("maximize_pane")

    async def action_pane_next_case(self, step: int = 1) -> None:
        """``]`` / ``[`` in a read-only pane: the next or previous workshop case."""
        await self.run_action(f"next_case({step})")

    def _scroll_target(self) -> Widget | None:
        focused = self.focused
        return focused if isinstance(focused, Widget) and focused.id in SEARCHABLE else None

    def action_pane_down(self) -> None:
        """``j``: the next finding, or one line down."""
        target = self._scroll_target()
        if isinstance(target, OptionList):
            target.action_cursor_down()
        elif target is not None:
            target.scroll_down(animate=False)

    def action_pane_up(self) -> None:
        """``k``: the previous finding, or one line up."""
        target = self._scroll_target()
        if isinstance(target, OptionList):
            target.action_cursor_up()
        elif target is not None:
            target.scroll_up(animate=False)

    def action_find(self) -> None:
        """``/``: find text in the focused read-only pane (the findings otherwise)."""
        from authtui.tui.widgets.find_bar import FindBar  # with the first find

        target = self._scroll_target() or self.query_one("#findings", Widget)
        for old in self.query(FindBar):
            old.remove()
        bar = FindBar(target, self.find_in)
        footers = self.screen.query(KeysFooter)
        self.screen.mount(bar, before=footers.first() if footers else None)
        bar.focus()

    def find_in(self, target: Widget, text: str, start: int) -> bool:
        """Move ``target`` to the first match of ``text`` at or after ``start``
        (wrapping round): a finding highlighted, or a line scrolled to the top."""
        from authtui.tui.widgets.find_bar import find_line

        if isinstance(target, OptionList):
            prompts = [
                str(target.get_option_at_index(i).prompt) for i in range(target.option_count)
            ]
            index = find_line(prompts, text, start)
            if index is not None:
                target.highlighted = index
            return index is not None
        lines = target_lines(target)
        index = find_line(lines, text, start)
        if index is not None:
            target.scroll_to(y=index, animate=False)
        return index is not None

    def action_help(self) -> None:
        """ctrl+g: the help screen, with the live key bindings (again: close it)."""
        from authtui.tui.screens.help import HelpScreen, help_rows, help_text  # Markdown, on demand

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        names = ("copy", "report.copy"), ("save", "report.save"), ("redact", "view.redact")
        labels = {name: self.key_label(binding_id) for name, binding_id in names}
        labels["paste_clipboard"] = self.key_label("paste.clipboard")
        text = help_text(help_rows(self.user_keys), self.user_keys, labels)
        self.push_screen(HelpScreen(text))

    def action_redraw(self) -> None:
        """ctrl+l: repaint every cell of the screen (after a terminal was scribbled on)."""
        screen = self.screen
        screen.refresh(screen.region, layout=True)


def target_lines(target: Widget) -> list[str]:
    """The lines a scroll view shows, wrapped to its width, as plain text."""
    from textual.content import Content
    from textual.widgets import Static

    width = max(1, target.scrollable_content_region.width)
    lines: list[str] = []
    for static in target.query(Static):
        visual = static.visual
        if isinstance(visual, Content):
            lines += [line.plain for line in visual.wrap(width)]
    return lines
