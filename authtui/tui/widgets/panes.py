"""Tabbed panes, drawn light: the row of tabs is one widget, the panes a ContentSwitcher.

Textual's :class:`~textual.widgets.TabbedContent` builds its row of tabs from a
scrolling container, a widget per tab and an underline widget whose highlight is
animated, and the app shows two of them: before the first frame they cost about
as much again as all the rest of the screen's widgets together (composing,
styling, and the frames of the animation). The app uses a small part of them: a
pane chosen by code (:attr:`Panes.active`), by a click on its tab or by ←/→ on
the focused row, a tab whose label changes ("Findings ✖1"), and a message when
the active pane changes. :class:`Panes` does that with :class:`PaneTabs`, one
widget drawing the labels and the bar under the active one, in the look of
Textual's tabs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import ContentSwitcher, TabPane

BAR, HALF_LEFT, HALF_RIGHT = "━", "╺", "╸"
"""The underline's pieces (as Textual's ``Bar`` draws them)."""


class PaneTab:
    """One tab of the row: its pane's id and its label (which the app may change)."""

    def __init__(self, row: PaneTabs, pane_id: str, label: str) -> None:
        self._row, self.id, self._label = row, pane_id, label

    @property
    def label(self) -> str:
        """The tab's text."""
        return self._label

    @label.setter
    def label(self, text: object) -> None:
        self._label = str(text)
        self._row.refresh()


class PaneTabs(Widget, can_focus=True):
    """The row over :class:`Panes`: each tab's label, and a bar under the active one."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "previous_tab", "Previous tab", show=False),
        Binding("right", "next_tab", "Next tab", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-tabs--tab",
        "pane-tabs--active",
        "pane-tabs--cursor",
        "pane-tabs--bar",
        "pane-tabs--bar-focused",
    }
    DEFAULT_CSS = """
    PaneTabs {
        width: 1fr;
        height: 2;
        .pane-tabs--tab {
            color: $foreground 50%;
        }
        .pane-tabs--active {
            color: $foreground;
        }
        .pane-tabs--cursor {
            text-style: $block-cursor-text-style;
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
        .pane-tabs--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        .pane-tabs--bar-focused {
            color: $block-cursor-background;
            background: $foreground 30%;
        }
    }
    """

    def __init__(self, panes: Panes, tabs: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self._panes = panes
        self.tabs = [PaneTab(self, pane_id, label) for pane_id, label in tabs]
        self._hover: str | None = None

    def spans(self) -> list[tuple[PaneTab, int, int]]:
        """Each tab with the cells it takes: its label and a cell either side."""
        spans, x = [], 0
        for tab in self.tabs:
            width = cell_len(tab.label) + 2
            spans.append((tab, x, x + width))
            x += width
        return spans

    def render_line(self, y: int) -> Strip:
        """Row 0: the labels; row 1: the bar, highlighted under the active label."""
        width = self.size.width
        base = self.rich_style
        active = self._panes.active
        if y == 0:
            return self._labels(width, base, active)
        if y == 1:
            return self._bar(width, base, active)
        return Strip.blank(width, base)

    def _labels(self, width: int, base: Style, active: str) -> Strip:
        style = self.get_component_rich_style
        segments: list[Segment] = []
        for tab, _, _ in self.spans():
            if tab.id == active:
                look = style("pane-tabs--cursor" if self.has_focus else "pane-tabs--active")
            elif tab.id == self._hover:
                look = style("pane-tabs--active")
            else:
                look = style("pane-tabs--tab")
            segments.extend((Segment(" ", look), Segment(tab.label, look), Segment(" ", look)))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _bar(self, width: int, base: Style, active: str) -> Strip:
        part = self.get_component_rich_style(
            "pane-tabs--bar-focused" if self.has_focus else "pane-tabs--bar"
        )
        lit = base + Style(color=part.color)
        dim = base + Style(color=part.bgcolor)
        start = end = 0
        for tab, left, right in self.spans():
            if tab.id == active:
                start, end = left + 1, right - 1
        if start >= width or end <= start:
            return Strip([Segment(BAR * width, dim)], width)
        end = min(end, width)
        segments = [Segment(BAR * (start - 1) + HALF_RIGHT, dim)] if start else []
        segments.append(Segment(BAR * (end - start), lit))
        if end < width:
            segments.append(Segment(HALF_LEFT + BAR * (width - end - 1), dim))
        return Strip(segments, width)

    def _tab_at(self, x: int) -> PaneTab | None:
        for tab, left, right in self.spans():
            if left <= x < right:
                return tab
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A press on a tab shows its pane: on the press, not the click, because the
        press focuses the row, which can move it (the answer's layout gives the
        focused side room) before the button is released."""
        tab = self._tab_at(event.x)
        if tab is not None:
            self._panes.active = tab.id

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The tab under the pointer is drawn as the active one is."""
        tab = self._tab_at(event.x)
        self._set_hover(tab.id if tab is not None else None)

    def on_leave(self) -> None:
        """The pointer left the row."""
        self._set_hover(None)

    def _set_hover(self, pane_id: str | None) -> None:
        if pane_id != self._hover:
            self._hover = pane_id
            self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self.refresh()

    def action_previous_tab(self) -> None:
        """←: the tab to the left (round to the last)."""
        self._move(-1)

    def action_next_tab(self) -> None:
        """→: the tab to the right (round to the first)."""
        self._move(1)

    def _move(self, step: int) -> None:
        ids = [tab.id for tab in self.tabs]
        if ids:
            here = ids.index(self._panes.active) if self._panes.active in ids else 0
            self._panes.active = ids[(here + step) % len(ids)]


class Panes(Vertical):
    """Panes (:class:`~textual.widgets.TabPane`, yielded inside it) behind a row of tabs."""

    ALLOW_MAXIMIZE = True
    DEFAULT_CSS = """
    Panes {
        height: auto;
        & > PaneTabs {
            dock: top;
        }
    }
    """

    class TabActivated(Message):
        """The pane shown changed (by code, a click or a key)."""

        ALLOW_SELECTOR_MATCH: ClassVar[set[str]] = {"pane"}

        def __init__(self, panes: Panes, pane: TabPane) -> None:
            self.panes = panes
            self.pane = pane
            """The pane now shown."""
            super().__init__()

        @property
        def control(self) -> Panes:
            """The panes whose shown pane changed."""
            return self.panes

    def __init__(self, *, id: str, initial: str) -> None:
        super().__init__(id=id)
        self._initial = initial
        self._active = initial
        self._content: list[TabPane] = []

    def compose_add_child(self, widget: Widget) -> None:
        """Panes yielded inside ``with Panes(...)`` go behind the row."""
        if not isinstance(widget, TabPane) or not widget.id:
            raise TypeError("Panes holds TabPanes with ids")
        self._content.append(widget)

    def compose(self) -> ComposeResult:
        """The row of tabs, then the panes."""
        yield PaneTabs(self, ((pane.id or "", str(pane._title)) for pane in self._content))
        with ContentSwitcher(initial=self._initial):
            yield from self._content

    @property
    def row(self) -> PaneTabs:
        """The row of tabs."""
        return self.query_one(PaneTabs)

    @property
    def active(self) -> str:
        """The id of the pane shown."""
        return self._active

    @active.setter
    def active(self, pane_id: str) -> None:
        if pane_id == self._active:
            return
        pane = self.get_pane(pane_id)
        self._active = pane_id
        self.query_one(ContentSwitcher).current = pane_id
        self.row.refresh()
        self.post_message(self.TabActivated(self, pane))

    def get_tab(self, pane_id: str) -> PaneTab:
        """The tab of a pane (its label can be changed)."""
        for tab in self.row.tabs:
            if tab.id == pane_id:
                return tab
        raise ValueError(f"no pane {pane_id!r}")

    def get_pane(self, pane_id: str) -> TabPane:
        """The pane of this id."""
        for pane in self._content:
            if pane.id == pane_id:
                return pane
        raise ValueError(f"no pane {pane_id!r}")

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        """A widget in a pane was focused (by code): show that pane."""
        event.stop()
        if event.tab_pane.id is not None and event.tab_pane in self._content:
            self.active = event.tab_pane.id
