"""The main screen is styled once at start; a later resume restyles when Textual asks."""

from __future__ import annotations

import pytest
from textual import events
from textual.dom import DOMNode

from authtui.tui.screens.help import HelpScreen
from authtui.tui.screens.main import MainScreen
from tests.tui.conftest import make_app

pytestmark = pytest.mark.asyncio

PASTE = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n'


async def test_the_first_resume_keeps_the_mounts_styles_a_later_one_restyles_when_asked() -> None:
    app = make_app(PASTE)
    screen_restyles: list[str] = []
    update_styles = app.update_styles

    def spy(node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, MainScreen):  # the whole screen, every widget on it
            screen_restyles.append("screen")
        update_styles(node, animate=animate)

    app.update_styles = spy  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen_restyles == []  # each widget was styled as it was mounted
        # ... and styled it is: the verdict wears its colours, not Textual's defaults
        verdict = app.query_one("#verdict")
        assert verdict.styles.background != app.screen.styles.background
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        app.screen.post_message(events.ScreenResume(refresh_styles=True))
        await pilot.pause()
        assert screen_restyles == ["screen"]  # only the first resume is spared
