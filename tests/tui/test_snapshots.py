"""A handful of SVG snapshots (pytest-textual-snapshot), frozen clock, UTC, no ticker.

Update with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at
the SVGs under tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from authtui.core.options import Options
from tests.tui.conftest import NOW, make_app

pytestmark = pytest.mark.usefixtures("utc_tz")


def _app(**kwargs: Any) -> Any:
    return make_app(options=Options(now=NOW), **kwargs)


def test_empty_screen(snap_compare: Any) -> None:
    assert snap_compare(_app(), terminal_size=(100, 32))


# Workshop keys are generated per process, so the paste (with its signature) differs
# from run to run: these snapshots show the (empty) Token tab beside the results.


def test_expired_token_diagnosis(snap_compare: Any) -> None:
    app = _app(demo="expired")
    assert snap_compare(app, terminal_size=(120, 36), press=["alt+t", "alt+r"])


def test_small_terminal(snap_compare: Any) -> None:
    assert snap_compare(
        _app(demo="missing-scope"), terminal_size=(80, 24), press=["alt+t", "alt+r"]
    )


def test_light_presenter_theme(snap_compare: Any) -> None:
    app = _app(demo="wrong-audience", presenter=True)
    assert snap_compare(app, terminal_size=(120, 36), press=["alt+t", "alt+d"])


def test_help_screen(snap_compare: Any) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(100, 32), run_before=open_help)


def test_time_strip_of_an_old_capture(snap_compare: Any) -> None:
    """80x24: a two-day-old curl -v transcript, judged at its own time; the strip under
    the verdict draws iat, the request (= its Date) in its skew window, exp and now."""
    from tests.tui.test_clock_tui import OLD_CAPTURE

    app = make_app(OLD_CAPTURE, Options(issuer="https://idp.shop.test/"))
    assert snap_compare(app, terminal_size=(80, 24), press=["alt+r"])
