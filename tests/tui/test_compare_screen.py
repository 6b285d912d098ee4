"""The Compare screen: a second paste or two HAR entries, both verdicts, ranked differences."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest
from textual.content import Content
from textual.widgets import OptionList, Static, TextArea

from authtui.core.options import Options
from authtui.tui.screens.compare import CompareScreen
from authtui.tui.widgets.entry_picker import EntryPicker
from tests.tui.conftest import NOW, make_app

SECRET = "s3cret-hmac-key-that-is-long-enough-for-hs256!!"
SIZE = (100, 32)


def _token(scope: str) -> str:
    body = {"sub": "alice", "iss": "https://iss/", "aud": "api", "exp": NOW + 600, "scope": scope}
    return jwt.encode(body, SECRET, algorithm="HS256")


def _exchange(scope: str, status: str, challenge: str = "") -> str:
    response = f"HTTP/1.1 {status}\n" + (f"WWW-Authenticate: {challenge}\n" if challenge else "")
    return (
        f"GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer {_token(scope)}\n\n"
        + response
    )


WORKING = _exchange("orders:read orders:write", "200 OK")
FAILING = _exchange(
    "orders:read", "403 Forbidden", 'Bearer error="insufficient_scope", scope="orders:write"'
)


def _har() -> str:
    def entry(scope: str, status: int, text: str) -> dict[str, Any]:
        headers = [{"name": "Authorization", "value": f"Bearer {_token(scope)}"}]
        return {
            "startedDateTime": "2023-11-14T22:13:20.000Z",
            "request": {"method": "GET", "url": "https://api.test/orders", "headers": headers},
            "response": {"status": status, "statusText": text, "headers": []},
        }

    entries = [entry("orders:read orders:write", 200, "OK"), entry("orders:read", 403, "Forbidden")]
    return json.dumps({"log": {"version": "1.2", "entries": entries}})


def _plain(screen: CompareScreen, selector: str) -> str:
    content = screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Content) else str(content)


async def test_ctrl_slash_compares_the_paste_with_a_second_one() -> None:
    app = make_app(FAILING, Options(now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+underscore")  # what ctrl+/ sends
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert "Paste the exchange that works" in _plain(screen, "#compare-summary")
        area = screen.query_one("#compare-paste", TextArea)
        assert app.focused is area
        area.load_text(WORKING)
        await pilot.pause()
        comparison = screen.comparison
        assert comparison is not None and comparison.working.value == "a"
        summary = _plain(screen, "#compare-summary")
        assert summary.startswith(comparison.headline)
        assert "orders:write" in comparison.headline
        assert "A works  200" in summary and "B fails  403" in summary
        listing = screen.query_one("#compare-differences", OptionList)
        assert listing.option_count == len(comparison.differences) > 0
        top = comparison.differences[0]
        detail = _plain(screen, "#compare-detail")
        assert top.code in detail and f"A: {top.a}" in detail and f"B: {top.b}" in detail
        if listing.option_count > 1:
            listing.focus()
            await pilot.press("down")
            await pilot.pause()
            assert comparison.differences[1].code in _plain(screen, "#compare-detail")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_two_har_entries_are_picked_and_compared() -> None:
    app = make_app(_har(), Options(now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.report is not None and app.report.selected == 1  # the failing entry
        app.action_compare()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert not screen.query("#compare-paste")
        assert screen.query_one("#compare-a", EntryPicker).value == 0
        assert screen.query_one("#compare-b", EntryPicker).value == 1
        comparison = screen.comparison
        assert comparison is not None and comparison.working.value == "a"
        assert any(d.code == "diff.scope" for d in comparison.differences)
        screen.query_one("#compare-a", EntryPicker).value = 1  # the same entry twice
        await pilot.pause()
        assert screen.comparison is not None and screen.comparison.differences == ()
        assert "no difference that matters" in _plain(screen, "#compare-summary")


async def test_the_palette_offers_compare() -> None:
    from authtui.tui.commands import COMMANDS, binding_ids

    assert any(action == "compare" for _, _, action in COMMANDS)
    assert binding_ids()["compare"] == "compare.open"  # the palette shows its live key


async def test_a_workshop_pair_brings_its_working_side() -> None:
    app = make_app(options=Options(now=NOW), demo="staging-vs-production")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_compare()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.query_one("#compare-paste", TextArea).text.strip()
        assert screen.comparison is not None
        assert screen.comparison.cause == "diff.scope"


@pytest.mark.usefixtures("utc_tz")
def test_compare_screen_snapshot(snap_compare: Any) -> None:
    async def open_compare(pilot: Any) -> None:
        pilot.app.action_compare()
        await pilot.pause()
        pilot.app.screen.query_one("#compare-paste", TextArea).load_text(WORKING)
        await pilot.pause()

    app = make_app(FAILING, Options(now=NOW))
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_compare)
