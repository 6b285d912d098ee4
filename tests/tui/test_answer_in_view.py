"""The answer always in view: every workshop case, at every size, plain and presenter.

What is asserted is what a person reads on the screen (the rendered rows, no
scrolling): the verdict's whole next step, the top finding's title and the start
of its detail. Then the paste's fold to one summary line, its opening on focus,
and the key that maximises a pane.
"""

from __future__ import annotations

import re

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import TextArea

from authtui.core.demos.catalog import DEMOS
from authtui.core.model import Finding, Severity
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.answer import FOLDED
from authtui.tui.widgets.paste_summary import PasteSummary
from tests.tui.conftest import RecordingApp, make_app

SIZES = [(80, 24), (100, 30), (120, 36), (200, 50)]
DETAIL_START = 24
"""How much of the detail must show: its first words, enough to start reading."""


def _squash(text: str) -> str:
    """Text without its white space: wrapping moves words, never changes them."""
    return re.sub(r"\s+", "", text)


def _rows(app: RecordingApp, widget: Widget) -> str:
    """The screen's text inside a widget's visible region, as a person sees it."""
    strips = app.screen._compositor.render_strips()
    region = widget.content_region.intersection(app.screen.region)
    rows = [strips[y].text[region.x : region.right] for y in range(region.y, region.bottom)]
    return "\n".join(rows)


def _top(app: RecordingApp) -> Finding:
    assert app.report is not None
    return next(f for f in app.report.findings if f.severity is not Severity.OK)


def _detail_start(finding: Finding) -> str:
    text = finding.detail or finding.evidence or finding.fix
    return _squash(printable(text))[:DETAIL_START]


async def _assert_answer_in_view(app: RecordingApp, case: str, size: tuple[int, int]) -> None:
    assert app.report is not None
    where = f"{case} at {size[0]}x{size[1]}{' presenter' if app.presenter else ''}"
    verdict = _squash(_rows(app, app.query_one("#verdict")))
    next_step = app.report.verdict.next_step
    assert next_step, where
    assert _squash("Next: " + printable(next_step)) in verdict, f"next step cut: {where}"
    top = _top(app)
    findings = _squash(_rows(app, app.query_one("#findings")))
    assert _squash(one_line(top.title))[:40] in findings, f"top finding hidden: {where}"
    detail = _squash(_rows(app, app.query_one("#detail")))
    assert _detail_start(top) in detail, f"detail hidden: {where}"


@pytest.mark.parametrize("presenter", [False, True], ids=["plain", "presenter"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_case_shows_its_answer_without_scrolling(
    size: tuple[int, int], presenter: bool
) -> None:
    app = make_app(presenter=presenter)
    async with app.run_test(size=size) as pilot:
        for demo in DEMOS:
            assert app.load_demo_case(demo.name)
            await pilot.pause()
            await pilot.pause()
            await _assert_answer_in_view(app, demo.name, size)


async def test_a_case_on_the_command_line_opens_on_its_answer() -> None:
    app = make_app(demo="missing-scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class(FOLDED)
        assert app.focused is app.query_one("#findings")
        await _assert_answer_in_view(app, "missing-scope", (80, 24))


async def test_the_paste_folds_to_a_summary_line_and_opens_on_focus() -> None:
    app = make_app(demo="missing-scope")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        summary = app.query_one(PasteSummary)
        assert summary.display and not app.query_one("#inputs").display
        line = _rows(app, summary)
        assert "POST https://api.shop.test/cart/items" in line
        assert "→ 403" in line and "Bearer eyJhbGciOi" in line
        assert app.report is not None and app.report.token is not None
        assert app.report.token.raw[:40] not in line  # a prefix only
        summary.focus()  # Tab or a click reaches it the same way
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.has_class(FOLDED)
        assert isinstance(app.focused, TextArea) and app.focused.id == "paste"
        assert app.query_one("#inputs").display and not summary.display
        await pilot.press("tab")  # leave the inputs: they fold again
        app.query_one("#findings").focus()
        await pilot.pause()
        assert app.screen.has_class(FOLDED)


async def test_typing_does_not_fold_a_whole_paste_does() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        paste = app.query_one("#paste", TextArea)
        await pilot.press(*"Authorization: Bearer abc")
        await pilot.pause()
        assert app.focused is paste and not app.screen.has_class(FOLDED)
        paste.load_text("")
        app.post_message(events.Paste("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n"))
        await pilot.pause()
        await pilot.pause()
        results = (app.query_one("#findings"), app.query_one("#decoded"))
        assert app.focused in results  # the results tab shown (Decoded: the typed token)
        assert app.screen.has_class(FOLDED)
        assert "→ 401" in _rows(app, app.query_one(PasteSummary))


async def test_nothing_pasted_nothing_folds() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#findings").focus()
        await pilot.pause()
        assert not app.screen.has_class(FOLDED)
        assert not app.query_one(PasteSummary).display


async def test_the_maximise_key_fills_the_screen_with_the_focused_pane_and_back() -> None:
    app = make_app(demo="missing-scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.query_one("#detail").focus()  # a scroll box: its tabs fill the screen
        await pilot.press("plus")  # lazygit's key, in a read-only pane
        results = app.query_one("#results")
        assert app.screen.maximized is results
        assert results.region.height >= 23  # the screen but the footer's row
        assert not app.query_one("#verdict").region
        await pilot.press("f10")  # Harlequin's
        assert app.screen.maximized is None
        app.action_focus_pane("paste")
        await pilot.pause()
        await pilot.press("ctrl+right_square_bracket")  # in the editor, no F-key
        assert app.screen.maximized is app.query_one("#paste")
        await pilot.press("escape")
        assert app.screen.maximized is None
