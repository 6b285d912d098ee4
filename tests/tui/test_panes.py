"""Tabbed panes, drawn light: the row of tabs, clicks and keys, the message, the look."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Static, TabPane

from authtui.tui.widgets.panes import BAR, HALF_LEFT, HALF_RIGHT, Panes, PaneTabs
from tests.tui.conftest import make_app


class Three(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.settings_shown = 0

    def compose(self) -> ComposeResult:
        with Panes(id="box", initial="a"):
            with TabPane("Alpha", id="a"):
                yield Static("first", id="first")
            with TabPane("Bravo", id="b"):
                yield Static("second", id="second", classes="focusable")
            with TabPane("Charlie", id="c"):
                yield Static("third")

    @on(Panes.TabActivated)
    def _shown(self, event: Panes.TabActivated) -> None:
        self.shown.append(event.pane.id or "")

    @on(Panes.TabActivated, "#box", pane="#c")
    def _charlie(self) -> None:
        self.settings_shown += 1


def _row(app: App[Any]) -> PaneTabs:
    return app.query_one(PaneTabs)


async def test_the_row_draws_each_label_and_the_bar_under_the_active_one() -> None:
    app = Three()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        row = _row(app)
        assert row.render_line(0).text.rstrip() == " Alpha  Bravo  Charlie"
        # "Alpha" takes cells 1-5: the bar is lit there, with half bars either side
        assert row.render_line(1).text == BAR * 0 + HALF_RIGHT + BAR * 5 + HALF_LEFT + BAR * 33
        app.query_one(Panes).active = "b"
        await pilot.pause()
        assert row.render_line(1).text == BAR * 7 + HALF_RIGHT + BAR * 5 + HALF_LEFT + BAR * 26
        assert app.query_one("#b", TabPane).display and not app.query_one("#a", TabPane).display
        assert app.shown == ["b"]


async def test_a_click_or_the_arrows_change_the_pane_and_say_so() -> None:
    app = Three()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        await pilot.click(PaneTabs, offset=(16, 0))  # on "Charlie"
        await pilot.pause()
        assert app.query_one(Panes).active == "c" and app.settings_shown == 1
        _row(app).focus()
        await pilot.press("right")  # round to the first
        await pilot.press("left", "left")
        await pilot.pause()
        assert app.shown == ["c", "a", "c", "b"]
        app.query_one(Panes).active = "b"  # already shown: nothing said
        await pilot.pause()
        assert app.shown == ["c", "a", "c", "b"] and app.settings_shown == 2


async def test_a_label_changed_by_the_app_is_drawn() -> None:
    app = Three()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        app.query_one(Panes).get_tab("a").label = "Alpha ✖2"
        await pilot.pause()
        assert _row(app).render_line(0).text.startswith(" Alpha ✖2  Bravo")
        assert _row(app).render_line(1).text.startswith(HALF_RIGHT + BAR * 8 + HALF_LEFT)


async def test_the_active_tab_takes_the_cursor_colours_when_the_row_has_focus() -> None:
    app = Three()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        row = _row(app)
        app.set_focus(None)
        await pilot.pause()
        blurred = row.render_line(0)
        row.focus()
        await pilot.pause()
        focused = row.render_line(0)
        assert focused.text == blurred.text
        assert _bg(focused, 2) != _bg(blurred, 2)  # on "Alpha"
        assert _bg(focused, 9) == _bg(blurred, 9)  # on "Bravo"


async def test_the_app_results_open_the_decoded_view_on_a_click() -> None:
    """The press focuses the row, and the answer's layout moves it up before the
    release (Textual's tabs, which switch on the click, missed this one)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        results = app.query_one("#results", Panes)
        row = results.query_one(PaneTabs)
        decoded = next(left for tab, left, _ in row.spans() if tab.id == "tab-decoded")
        await pilot.click(row, offset=(decoded + 1, 0))
        await pilot.pause()
        assert results.active == "tab-decoded"


def _bg(strip: Any, x: int) -> object:
    segments = list(strip.crop(x, x + 1))
    return segments[0].style.bgcolor if segments and segments[0].style else None
