"""The footer of keys: one widget, one line; keys clicked, hovered, left out whole."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import Static

from authtui.tui.widgets.keys_footer import EDGE, KeysFooter, ShownKey, place
from tests.tui.conftest import make_app


class Ringer(Static, can_focus=True):
    """A focusable widget with a key of its own, shown in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.ring", "Ring", tooltip="rings the bell")
    ]


class Small(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("n", "note", "Note"),
        Binding("m", "muted", "Muted"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield Static("plain", id="plain")
        yield Ringer("ringer", id="ringer")
        yield KeysFooter()

    def action_note(self) -> None:
        self.notes.append("note")

    def action_ring(self) -> None:
        self.notes.append("ring")

    def action_muted(self) -> None:
        self.notes.append("muted")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "muted" else True  # None: shown, but disabled

    def bell(self) -> None:
        self.bells += 1


def _labels(app: App[Any]) -> list[str]:
    return [key.description for key in app.query_one(KeysFooter).keys]


def _spot(app: App[Any], description: str) -> int:
    """The footer's column where the key with this description starts."""
    footer = app.query_one(KeysFooter)
    return next(s.start for s in footer.placed() if s.key.description == description)


def test_keys_placed_whole_from_the_left_and_the_palette_last() -> None:
    keys = (ShownKey("a", "^a", "Alpha"), ShownKey("b", "^b", "Bravo"), ShownKey("c", "^c", ""))
    palette = ShownKey("ctrl+p", "^p", "palette")
    wide = place(keys, palette, 40)
    assert [(s.key.key, s.start, s.end) for s in wide] == [
        ("a", 0, 8),
        ("b", 9, 17),
        ("c", 18, 20),
        ("ctrl+p", 28, 39),  # its edge mark, its key; one cell after it
    ]
    assert wide[-1].palette and wide[-1].end - wide[-1].start == len(EDGE) + palette.width
    # 20 cells: room for the palette (11) and the first key (8) only: "^b Bravo"
    # would run under the palette's, so it is left out, and so is every key after it
    narrow = place(keys, palette, 20)
    assert [s.key.key for s in narrow] == ["a", "ctrl+p"]
    assert [s.key.key for s in place(keys, palette, 10)] == ["a"]  # no room for the palette
    assert [s.key.key for s in place(keys, None, 20)] == ["a", "b", "c"]


async def test_app_footer_shows_its_keys_in_one_line_wherever_focus_is() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        keys = footer.keys
        assert {"Help", "Copy", "Save", "Case", "Clipboard", "Clear", "Quit"} <= {
            k.description for k in keys
        }
        line = footer.render_line(0).text
        assert line.startswith("^g Help ^y Copy") and line.rstrip().endswith(f"{EDGE}^p palette")
        assert len(line) == 120
        for pane in ("token", "findings", "settings", "decoded", "paste"):
            app.action_focus_pane(pane)
            await pilot.pause()
            assert footer.keys is keys  # the same keys: nothing worked out again


async def test_footer_follows_the_keys_shown() -> None:
    app = Small()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert "Ring" in _labels(app) and "Quit" in _labels(app)  # focused at start
        app.set_focus(None)
        await pilot.pause()
        assert "Ring" not in _labels(app) and "Quit" in _labels(app)
        assert "Ring" not in app.query_one(KeysFooter).render_line(0).text
        app.query_one("#ringer").focus()
        await pilot.pause()
        assert "Ring" in _labels(app) and "Ring" in app.query_one(KeysFooter).render_line(0).text


async def test_a_click_presses_the_key_under_it() -> None:
    app = Small()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        await pilot.click(KeysFooter, offset=(_spot(app, "Note") + 1, 0))
        await pilot.click(KeysFooter, offset=(_spot(app, "Ring"), 0))
        await pilot.pause()
        assert app.notes == ["note", "ring"]
        await pilot.click(KeysFooter, offset=(_spot(app, "Muted"), 0))  # disabled: a bell
        await pilot.pause()
        assert app.notes == ["note", "ring"] and app.bells == 1


async def test_app_footer_click_opens_help() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click(KeysFooter, offset=(_spot(app, "Help"), 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_hover_highlights_one_key_and_shows_its_tooltip() -> None:
    app = Small()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        plain = footer.render_line(0)
        ring = _spot(app, "Ring")
        await pilot.hover(KeysFooter, offset=(ring + 2, 0))
        await pilot.pause()
        lit = footer.render_line(0)
        changed = [x for x in range(80) if lit.crop(x, x + 1).text and _bg(lit, x) != _bg(plain, x)]
        assert changed and min(changed) == ring and max(changed) < _spot(app, "Muted")
        assert footer.tooltip == "rings the bell"
        muted = _spot(app, "Muted")
        await pilot.hover(KeysFooter, offset=(muted, 0))  # no tooltip of its own
        await pilot.pause()
        assert footer.tooltip is None and _bg(footer.render_line(0), muted) != _bg(plain, muted)


def _bg(strip: Strip, x: int) -> object:
    segments = list(strip.crop(x, x + 1))
    return segments[0].style.bgcolor if segments and segments[0].style else None
