"""Messages in the status bar, one line in the footer's row: never a toast over the answer."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from authtui.tui.reporting import copy_size
from authtui.tui.widgets.keys_footer import KeysFooter
from authtui.tui.widgets.status_bar import SHOWING, StatusBar
from tests.tui.conftest import make_app


@pytest.mark.parametrize("presenter", [False, True], ids=["plain", "presenter"])
async def test_a_case_load_says_so_in_one_line_without_covering_anything(presenter: bool) -> None:
    app = make_app(presenter=presenter)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.load_demo_case("expired")
        await pilot.pause()
        regions = {w: app.query_one(w).region for w in ("#verdict", "#findings", "#detail")}
        bar = app.query_one(StatusBar)
        assert bar.display and bar.message == "Loaded workshop case: Expired token"
        assert bar.region.height == 1 and bar.region.y == 23  # the footer's row
        assert app.screen.has_class(SHOWING) and not app.query_one(KeysFooter).display
        assert not list(app.screen.query(Toast))
        bar.clear()  # what its timer does
        await pilot.pause()
        assert not bar.display and app.query_one(KeysFooter).display
        assert {w: app.query_one(w).region for w in regions} == regions  # nothing moved


async def test_a_multi_line_message_is_one_line() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("first line\nsecond line", severity="warning")
        await pilot.pause()
        bar = app.query_one(StatusBar)
        assert "\n" not in bar.message and "first line" in bar.message
        assert "second line" in bar.message


def test_copy_sizes_read_as_people_say_them() -> None:
    assert copy_size("x" * 512) == "512 B"
    assert copy_size("x" * 3_040) == "3.0 KB"
    assert copy_size("é" * 1_000) == "2.0 KB"  # UTF-8 bytes
    assert copy_size("x" * 2_500_000) == "2.5 MB"
