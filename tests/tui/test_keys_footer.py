"""The footer of keys: built once, rebuilt only when the keys shown change."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from authtui.tui.widgets.keys_footer import KeysFooter
from tests.tui.conftest import make_app


class Ringer(Static, can_focus=True):
    """A focusable widget with a key of its own, shown in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "app.bell", "Ring")]


class Small(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("plain", id="plain")
        yield Ringer("ringer", id="ringer")
        yield KeysFooter()


def _labels(app: App[object]) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_app_footer_keys_survive_focus_changes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert {"Help", "Copy", "Save", "Case", "Clipboard", "Clear", "Quit"} <= {
            k.description for k in keys
        }
        for pane in ("token", "findings", "settings", "decoded", "paste"):
            app.action_focus_pane(pane)
            await pilot.pause()
        assert list(app.screen.query(FooterKey)) == keys  # the very same widgets


async def test_footer_rebuilt_when_the_keys_shown_change() -> None:
    app = Small()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert "Ring" in _labels(app) and "Quit" in _labels(app)  # focused at start
        app.set_focus(None)
        await pilot.pause()
        assert "Ring" not in _labels(app) and "Quit" in _labels(app)
        app.query_one("#ringer").focus()
        await pilot.pause()
        assert "Ring" in _labels(app) and "Quit" in _labels(app)
