"""Keys that work on every terminal: every binding walked with each pane focused,
plain keys in the read-only panes, redraw, clear with a question and an undo."""

from __future__ import annotations

from typing import Any

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input, OptionList, TextArea

from authtui.core.options import Options
from authtui.tui.keys import (
    APP_BINDINGS,
    CSI_CTRL_KEYS,
    PANE_ALT_KEYS,
    PANE_BINDINGS,
    RESERVED,
    RESERVED_ALIASES,
    all_bindings,
)
from authtui.tui.screens.confirm import Confirm
from authtui.tui.screens.help import HelpScreen
from tests.tui.conftest import NOW, RecordingApp, make_app

SIZE = (120, 36)

PASTE = (
    "GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer abc.def\n\n"
    'HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error="insufficient_scope", '
    'scope="orders:write"\n'
)

FOCUS = {
    "paste": ("paste", "#paste"),
    "token": ("token", "#token"),
    "key": ("settings", "#key"),
    "audiences": ("settings", "#audiences"),
    "findings": ("findings", "#findings"),
    "detail": ("findings", "#detail"),
    "decoded": ("decoded", "#decoded"),
}
"""Where focus is put: (pane to show, widget to focus)."""

READ_ONLY = {"findings", "detail", "decoded"}


class WalkingApp(RecordingApp):
    """Records the app's own actions a key asks for instead of running them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ran: list[str] = []
        self.recording = False

    async def _dispatch_action(self, namespace: DOMNode, action_name: str, params: Any) -> bool:
        if self.recording and namespace is self:
            self.ran.append(f"{action_name}{params!r}" if params else action_name)
            return True
        return await super()._dispatch_action(namespace, action_name, params)


def _keys() -> list[tuple[str, str, bool]]:
    """(key, action, plain) for every key of every binding."""
    return [
        (key, binding.action, binding in PANE_BINDINGS)
        for binding in all_bindings()
        for key in binding.key.split(",")
    ]


def _ran_name(action: str) -> str:
    name, _, params = action.partition("(")
    return f"{name}({params[:-1]},)" if params else name


@pytest.mark.parametrize("focus", list(FOCUS))
async def test_every_binding_with_each_pane_focused(focus: str) -> None:
    app = WalkingApp(PASTE, Options(), clock=lambda: NOW, tick=False, environ={})
    async with app.run_test(size=SIZE) as pilot:
        pane, selector = FOCUS[focus]
        app.action_focus_pane(pane)
        app.query_one(selector).focus()
        await pilot.pause()
        widget = app.focused
        assert widget is not None and f"#{widget.id}" == selector
        for key, action, plain in _keys():
            before = widget.text if isinstance(widget, TextArea) else None
            app.ran.clear()
            app.recording = True
            await pilot.press(key)
            app.recording = False
            assert app.focused is widget, key
            if plain and focus not in READ_ONLY:
                assert app.ran == [], f"{key}: a plain key reaches the field, it runs nothing"
                if isinstance(widget, TextArea):
                    assert widget.text != before, f"{key}: the editor types it"
                    widget.load_text(before or "")
            else:
                assert app.ran == [_ran_name(action)], key
                if isinstance(widget, TextArea):
                    assert widget.text == before, f"{key} must not reach the editor"


def test_every_action_has_a_direct_key_without_alt_or_f_keys() -> None:
    for binding in APP_BINDINGS:
        assert isinstance(binding, Binding)
        if binding.id in PANE_ALT_KEYS | RESERVED_ALIASES:
            continue  # ctrl+n (next pane) reaches them all from an editor
        direct = binding.key.split(",")[0]
        assert direct.startswith("ctrl+"), binding.id
        assert direct not in RESERVED, f"{binding.id}: {direct} {RESERVED.get(direct)}"
        one_byte = len(direct) == len("ctrl+x") or direct in (
            "ctrl+underscore",  # ctrl+/
            "ctrl+right_square_bracket",  # ctrl+]
        )
        assert one_byte or direct in CSI_CTRL_KEYS, f"{binding.id}: {direct} is not one key"


def test_no_first_key_is_a_chord_terminals_take() -> None:
    keys = [b.key.split(",")[0] for b in all_bindings() if b.id not in RESERVED_ALIASES]
    assert not [key for key in keys if key in RESERVED]
    assert len(keys) == len(set(keys)), "each first key does one thing"
    for binding in all_bindings():
        assert binding.description and binding.id


async def test_plain_keys_move_in_the_findings_and_jump_between_panes() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("findings")
        await pilot.pause()
        findings = app.query_one("#findings", OptionList)
        assert findings.highlighted == 0
        await pilot.press("j")
        assert findings.highlighted == 1
        await pilot.press("k")
        assert findings.highlighted == 0
        await pilot.press("5")
        assert app.focused is not None and app.focused.id == "decoded"
        await pilot.press("2")
        assert app.focused is not None and app.focused.id == "token"
        await pilot.press("ctrl+n")
        assert app.focused is not None and app.focused.id == "audiences"
        await pilot.press("ctrl+n")
        assert app.focused is findings
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_slash_finds_in_the_findings_as_you_type() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("findings")
        await pilot.pause()
        findings = app.query_one("#findings", OptionList)
        prompts = [
            str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)
        ]
        wanted = next(i for i, text in enumerate(prompts) if "opaque" in text)
        assert wanted > 0
        await pilot.press("slash", *"OPAQ")
        await pilot.pause()
        assert findings.highlighted == wanted
        assert isinstance(app.focused, Input) and app.focused.id == "find-bar"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is findings and not app.query("#find-bar")
        assert findings.highlighted == wanted, "the list stays where the find took it"


async def test_ctrl_l_redraws_every_cell_and_keeps_the_fields() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        updates: list[str] = []
        display = app._display

        def recording(screen: Any, renderable: Any) -> None:
            updates.append(type(renderable).__name__)
            display(screen, renderable)

        app._display = recording  # type: ignore[method-assign]
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "LayoutUpdate" in updates, "a full repaint, not only the changed cells"
        assert app.query_one("#paste", TextArea).text == PASTE


async def test_clear_asks_and_keep_keeps_everything() -> None:
    app = make_app(PASTE, Options(audiences=("api",)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # focus is on Keep
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert app.query_one("#paste", TextArea).text == PASTE
        assert app.form().audiences == "api"


async def test_clear_then_undo_puts_every_field_back() -> None:
    options = Options(audiences=("api",), issuer="https://iss/", scopes=("a", "b"), skew=5)
    app = make_app(PASTE, options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one("#token", TextArea).load_text("tok.en.x")
        await pilot.pause()
        before = app.form()
        await pilot.press("ctrl+k", "y")
        await pilot.pause()
        cleared = app.form()
        assert cleared.paste == "" and cleared.token == "" and cleared.audiences == ""
        assert cleared.skew == "60"
        assert any("ctrl+u puts them back" in note for note in app.notes)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert app.form() == before
        assert app.report is not None and app.report.findings
        await pilot.press("ctrl+u")
        assert any("Nothing to put back" in note for note in app.notes)
