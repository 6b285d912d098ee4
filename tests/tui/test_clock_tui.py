"""The clock in the TUI, through Pilot: the verdict says which clock judged, one key
switches the reading, the time strip draws the moments, the field takes every form."""

from __future__ import annotations

from email.utils import formatdate

import jwt
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from authtui.core.model import ClockBasis
from authtui.core.options import Options
from authtui.tui.commands import COMMANDS
from authtui.tui.keys import APP_BINDINGS, SWITCH_KEY
from authtui.tui.widgets.time_strip import TimeStrip
from tests.tui.conftest import NOW, RecordingApp, make_app

DAY = 86400
THEN = int(NOW) - 2 * DAY
"""The capture's own time: two days before the frozen device clock."""
TOKEN = jwt.encode(
    {
        "iss": "https://idp.shop.test",
        "aud": "api",
        "sub": "u1",
        "iat": THEN - 300,
        "exp": THEN + 3300,
    },
    "a-workshop-secret-that-is-long-enough-000",
    algorithm="HS256",
)
OLD_CAPTURE = (
    "> GET /orders HTTP/1.1\n> Host: api.shop.test\n"
    f"> Authorization: Bearer {TOKEN}\n>\n"
    f"< HTTP/1.1 401 Unauthorized\n< Date: {formatdate(THEN, usegmt=True)}\n"
    '< WWW-Authenticate: Bearer error="invalid_token",'
    ' error_description="The issuer is invalid"\n<\n'
)
"""A ``curl -v`` transcript from two days ago whose real cause is the issuer."""
SIZE = (120, 36)


def _plain(app: RecordingApp, selector: str) -> str:
    content = app.query_one(selector, Static).content
    return content.plain if isinstance(content, Content) else str(content)


def _codes(app: RecordingApp) -> set[str]:
    assert app.report is not None
    return {f.code for f in app.report.findings}


async def test_an_old_capture_is_judged_at_its_own_time_and_says_so() -> None:
    app = make_app(OLD_CAPTURE, Options(issuer="https://idp.shop.test/"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.report is not None and app.report.clock.basis is ClockBasis.CAPTURE
        assert app.report.verdict.causes[0] == "claims.iss_mismatch"
        assert "time.expired" not in _codes(app) and "time.server_clock" not in _codes(app)
        verdict = _plain(app, "#verdict-text")
        assert "Clock: Judged at the capture time, 2 days ago (the response's Date)" in verdict
        assert "by the device clock the token has expired since" in verdict
        assert f"{SWITCH_KEY} switches the reading" in verdict
        strip = app.query_one(TimeStrip)
        assert strip.display
        # the paste folded, the strip has the whole width: its caption fits
        assert "iat ━ 5 min ━ [request=Date ±60 s]" in _plain(app, "#time-strip")


async def test_one_key_switches_the_reading_while_the_paste_has_focus() -> None:
    app = make_app(OLD_CAPTURE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        paste = app.query_one("#paste", TextArea)
        app.action_focus_pane("paste")  # it opened on the answer: back in the paste
        await pilot.pause()
        assert app.focused is paste
        await pilot.press(SWITCH_KEY)
        await pilot.pause()
        assert app.report is not None and app.report.clock.basis is ClockBasis.DEVICE
        assert "time.expired" in _codes(app) and "time.server_clock" in _codes(app)
        assert "Judged by the device clock" in _plain(app, "#verdict-text")
        assert _plain(app, "#time-strip").endswith("[now ±60 s]")
        assert any("Judged by the device clock now" in note for note in app.notes)
        assert paste.text == OLD_CAPTURE, "the key must not reach the TextArea"
        app.action_focus_pane("settings")
        await pilot.pause()
        assert app.query_one("#when", Input).value == "device"
        await pilot.press(SWITCH_KEY)  # with the Evaluation time field itself focused
        await pilot.pause()
        assert app.report.clock.basis is ClockBasis.CAPTURE
        assert app.query_one("#when", Input).value == "capture"
        assert "time.expired" not in _codes(app)


async def test_the_switch_is_a_palette_command() -> None:
    assert ("clock: switch reading", "switch_clock") in [(n, a) for n, _, a in COMMANDS]
    app = make_app(OLD_CAPTURE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"clock: switch")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.report is not None and app.report.clock.basis is ClockBasis.DEVICE


async def test_the_binding_has_a_description_and_an_id() -> None:
    (binding,) = [b for b in APP_BINDINGS if getattr(b, "key", "") == SWITCH_KEY]
    assert binding.description and binding.id == "clock.switch"  # type: ignore[union-attr]
    assert binding.priority  # type: ignore[union-attr]


async def test_the_evaluation_time_field_takes_an_http_date() -> None:
    app = make_app(OLD_CAPTURE)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        app.query_one("#when", Input).value = formatdate(THEN + 4000, usegmt=True)
        await pilot.pause()
        assert app.report is not None and app.report.clock.basis is ClockBasis.GIVEN
        assert app.report.clock.now == THEN + 4000
        assert "time.expired" in _codes(app)
        assert "judged at the time given" in _plain(app, "#settings-status")
        assert "exp ─11 min─ [given ±60 s] ─1 d─ now" in _plain(app, "#time-strip")


async def test_the_command_lines_reading_prefills_the_field() -> None:
    app = make_app(OLD_CAPTURE, Options(reading="device"))
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        assert app.query_one("#when", Input).value == "device"
        assert app.report is not None and app.report.clock.basis is ClockBasis.DEVICE


async def test_advice_in_the_tui_names_its_settings() -> None:
    app = make_app(OLD_CAPTURE, Options(issuer="https://idp.shop.test/"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.report is not None
        texts = " ".join(f"{f.fix} {f.evidence} {f.detail}" for f in app.report.findings)
        assert "Settings › Evaluation time: device" in texts
        assert "expected (Settings › Expected issuer)" in texts
        assert "--" not in texts


async def test_the_strip_stays_readable_at_80_columns() -> None:
    app = make_app(OLD_CAPTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+r")
        await pilot.pause()
        strip = app.query_one(TimeStrip)
        line = _plain(app, "#time-strip")
        assert strip.display and len(line) <= strip.content_region.width
        assert line == (
            "at capture time: iat ━ 5 min ━ [request=Date ±60 s] ━ 55 min ━ exp ─ 1 d ─ now"
        )


async def test_no_strip_for_a_paste_without_times() -> None:
    app = make_app("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query_one(TimeStrip).display
