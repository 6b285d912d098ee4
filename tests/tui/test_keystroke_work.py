"""A keystroke does only the work its answer needs (bench/typing_speed.py measures it).

Each test pins one saving: a widget whose drawing did not change is not drawn
again, a one-row line is not laid out again, and messages nobody needs at every
keystroke are not bubbled through every container. Each also shows the change
that *is* drawn, so none can pass by drawing nothing.
"""

from __future__ import annotations

import itertools
from email.utils import formatdate
from typing import Any

from textual.content import Content
from textual.widgets import Input, Static, TextArea

from authtui.core.options import Options
from authtui.tui.messages import FindingChosen
from authtui.tui.widgets.paste_summary import PasteSummary
from authtui.tui.widgets.time_strip import TimeStrip
from tests.tui.conftest import NOW, RecordingApp, make_app
from tests.tui.test_clock_tui import OLD_CAPTURE, SIZE, THEN, TOKEN


def _ticking_clock() -> Any:
    """A device clock that moves a tenth of a second at every reading."""
    ticks = itertools.count()
    return lambda: NOW + next(ticks) / 10


def _spy_updates(widget: Any) -> list[dict[str, object]]:
    """Record the keyword arguments of every ``update`` call on a Static."""
    calls: list[dict[str, object]] = []
    update = widget.update

    def spy(*args: object, **kwargs: object) -> None:
        calls.append(kwargs)
        update(*args, **kwargs)

    widget.update = spy
    return calls


async def test_the_time_strip_is_not_drawn_again_when_only_the_device_clock_moved() -> None:
    app = make_app(OLD_CAPTURE, Options(issuer="https://idp.shop.test/"), clock=_ticking_clock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        strip = app.query_one(TimeStrip)
        assert strip.display
        calls = _spy_updates(strip)
        first = app.report
        app.rediagnose()
        app.rediagnose()
        assert app.report is not None and first is not None
        assert app.report.clock.device != first.clock.device  # the clock did move
        assert calls == []
        app.action_focus_pane("settings")
        await pilot.pause()
        app.query_one("#when", Input).value = formatdate(THEN + 4000, usegmt=True)
        await pilot.pause()
        assert calls  # a new evaluation time (and the width the open inputs leave) is drawn
        content = strip.content
        assert isinstance(content, Content) and "[given ±60 s]" in content.plain


async def test_the_paste_summary_changes_without_laying_the_screen_out() -> None:
    app = make_app(OLD_CAPTURE.replace(f"> Authorization: Bearer {TOKEN}\n", ""))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        summary = app.query_one(PasteSummary)
        before = summary.content
        calls = _spy_updates(summary)
        token = app.query_one("#token", TextArea)
        token.focus()
        await pilot.press(*"eyJhbGciOi")
        assert calls and all(call.get("layout") is False for call in calls)
        said = summary.content
        assert isinstance(said, Content) and "→ 401 token ey" in said.plain
        assert said != before


class _Listening(RecordingApp):
    """Records the cursor moves and edits that reach the app."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.moves = 0
        self.edits = 0

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self.moves += 1

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.edits += 1


async def test_the_editors_post_edits_but_not_cursor_moves() -> None:
    app = _Listening("", Options(), clock=lambda: NOW, tick=False, environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one("#token", TextArea).focus()
        await pilot.press(*"abc", "left", "left")
        assert app.edits == 3
        assert app.moves == 0


async def test_a_chosen_finding_goes_to_the_app_without_bubbling() -> None:
    app = make_app(OLD_CAPTURE, Options(issuer="https://idp.shop.test/"))
    seen_by_screen: list[FindingChosen] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.message_signal.subscribe(
            app.screen,
            lambda message: (
                seen_by_screen.append(message) if isinstance(message, FindingChosen) else None
            ),
            immediate=True,  # not through the screen's own queue, which would publish again
        )
        shown = app.query_one("#detail-body", Static).content
        app.query_one("#findings").focus()
        await pilot.press("down")
        assert app.query_one("#detail-body", Static).content != shown
        assert seen_by_screen == []
