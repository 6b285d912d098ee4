"""The editors and one-line fields under Pilot: bytes kept, escapes drawn, and the
cursor, selection, mouse and wrapping consistent with what is drawn."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import TextArea

from authtui.core.safety.terminal import is_unsafe
from authtui.tui.widgets.safe_area import SafeTextArea
from authtui.tui.widgets.safe_input import SafeInput

LINE = "ab\x1bcd\u202eef"
"""Drawn ``ab\\x1bcd\\u202eef``: the ESC is drawn columns 2-5, U+202E columns 8-13."""


class Editors(App[None]):
    """One editor and one field, as authtui's panes use them."""

    def __init__(self, text: str = LINE, value: str = LINE, **area: Any) -> None:
        super().__init__()
        self._text, self._value, self._area = text, value, area

    def compose(self) -> ComposeResult:
        yield SafeTextArea(self._text, id="area", **self._area)
        yield SafeInput(self._value, id="field")


def drawn(widget: Widget, rows: int | None = None) -> list[str]:
    """The text of each row the widget draws."""
    height = widget.size.height if rows is None else rows
    return ["".join(s.text for s in widget.render_line(y)) for y in range(height)]


def no_unsafe(rows: list[str]) -> bool:
    return not any(is_unsafe(ch) for row in rows for ch in row)


async def test_the_editor_draws_escapes_and_keeps_the_bytes() -> None:
    app = Editors(
        text="HTTP/1.1 401 x\x1b]52;c;cHduZWQ=\x07\x1b[2J\nnimda\u202e\na\u2028b\x85c\r\n"
    )
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        await pilot.pause()
        rows = drawn(area, 5)
        assert no_unsafe(rows)
        assert rows[0].startswith("HTTP/1.1 401 x\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J")
        assert rows[1].startswith("nimda\\u202e")
        assert rows[2].startswith("a\\u2028b\\x85c")  # separators are characters, not breaks
        assert area.text == app._text


async def test_left_and_right_step_over_a_whole_escape() -> None:
    app = Editors()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((0, 2))  # just before the ESC
        await pilot.press("right")
        assert area.cursor_location == (0, 6)  # just after \x1b
        await pilot.press("right", "right", "right")
        assert area.cursor_location == (0, 14)  # over "cd" and the whole \u202e
        await pilot.press("left")
        assert area.cursor_location == (0, 8)
        await pilot.press("left", "left", "left")
        assert area.cursor_location == (0, 2)


async def test_a_selection_and_a_deletion_take_whole_characters_and_undo_restores() -> None:
    app = Editors()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((0, 2))
        await pilot.press("shift+right")
        assert area.selected_text == "\x1b"
        assert area.selection.end == (0, 6)
        await pilot.press("delete")
        assert area.text == "abcd\u202eef"
        area.move_cursor((0, 10))  # after \u202e
        await pilot.press("backspace")
        assert area.text == "abcdef"
        await pilot.press("ctrl+z")
        assert area.text == "abcd\u202eef"
        await pilot.press("ctrl+z")
        assert area.text == LINE


async def test_no_location_rests_inside_an_escape() -> None:
    app = Editors()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((0, 4))  # inside \x1b: lands before it
        assert area.cursor_location == (0, 2)
        area.selection = area.selection.__class__((0, 3), (0, 11))
        assert area.selection == ((0, 2), (0, 8))
        await pilot.click(SafeTextArea, offset=(4, 0))  # on the "1" of \x1b
        assert area.cursor_location == (0, 2)
        area.move_cursor((0, 14))
        await pilot.press("ctrl+left")  # a word left: never into the escape's letters
        assert area.cursor_location in {(0, 8), (0, 14 - 2)}
        assert not area.display_document.shown(0).inside(area.cursor_location[1])  # type: ignore[union-attr]
        area.insert("X", (0, 3))  # a program inserting inside an escape: before it
        assert area.text == "abX\x1bcd\u202eef"


async def test_wrapped_rows_fit_and_the_cursor_moves_between_them() -> None:
    text = "\x1b" * 12 + " tail"
    app = Editors(text=text, soft_wrap=True)
    async with app.run_test(size=(20, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        await pilot.pause()
        width = area.wrap_width
        sections = area.wrapped_document.get_sections(0)
        assert "".join(sections) == "\\x1b" * 12 + " tail"
        assert all(len(section) <= width for section in sections)
        rows = [row.rstrip() for row in drawn(area, len(sections))]
        assert "".join(rows).replace(" ", "") == ("\\x1b" * 12 + "tail")
        assert no_unsafe(rows)
        for _ in range(len(sections)):
            await pilot.press("down")
            assert not area.display_document.shown(0).inside(area.cursor_location[1])  # type: ignore[union-attr]
        assert area.text == text


async def test_a_bracketed_paste_keeps_every_byte() -> None:
    app = Editors(text="")
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        pasted = 'X-Evil\x1b]52;c;cHduZWQ=\x07: 1\r\nrealm="\u2066admin\u2069"\u2028'
        app.post_message(events.Paste(pasted))  # as the driver does: to the focused widget
        await pilot.pause()
        assert area.text == pasted
        assert no_unsafe(drawn(area, 3))


async def test_the_field_draws_escapes_and_steps_over_them() -> None:
    app = Editors()
    async with app.run_test(size=(60, 12)) as pilot:
        field = app.query_one(SafeInput)
        field.focus()
        await pilot.pause()
        row = drawn(field)[0]
        assert "ab\\x1bcd\\u202eef" in row and no_unsafe([row])
        field.cursor_position = 2
        await pilot.press("right")
        assert field.cursor_position == 3
        assert field._cursor_offset == 6  # drawn after \x1b
        await pilot.press("shift+left")
        assert field.selected_text == "\x1b"
        await pilot.press("backspace")
        assert field.value == "abcd\u202eef"


async def test_a_click_inside_an_escape_of_a_field_lands_on_its_character() -> None:
    app = Editors()
    async with app.run_test(size=(60, 12)) as pilot:
        field = app.query_one(SafeInput)
        field.focus()
        await pilot.pause()
        for cell, position in ((2, 2), (4, 2), (5, 2), (6, 3), (9, 5), (13, 5), (14, 6)):
            assert field._cell_offset_to_index(cell) == position


async def test_a_password_field_draws_bullets_one_a_character() -> None:
    class Secret(App[None]):
        def compose(self) -> ComposeResult:
            yield SafeInput("s\x1bt", password=True, id="secret")

    app = Secret()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(SafeInput)
        field.focus()
        await pilot.pause()
        assert "•••" in drawn(field)[0]
        field.cursor_position = 2
        assert field._cursor_offset == 2


def test_the_editors_of_the_app_are_safe_ones() -> None:
    from authtui.tui.app import AuthTUI

    assert issubclass(SafeTextArea, TextArea)
    source = AuthTUI.compose.__code__.co_names
    assert "SafeTextArea" in source


async def test_a_paste_through_tmux_keeps_its_crlf_lines() -> None:
    """tmux's paste-buffer sends each LF as CR: CR LF lines arrive as CR CR."""
    crlf = "GET /items HTTP/1.1\r\nHost: api\r\n\r\nHTTP/1.1 401 Unauthorized\r\nDate: x\r\n"
    app = Editors(text="")
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        app.post_message(events.Paste(crlf.replace("\n", "\r")))  # as the driver does
        await pilot.pause()
        assert area.text.splitlines() == crlf.splitlines()
        area.load_text("")
        app.post_message(events.Paste("a\rb\r\rc"))  # LF lines with a blank one: as they came
        await pilot.pause()
        assert area.text.splitlines() == ["a", "b", "", "c"]


async def test_a_curl_v_paste_through_tmux_keeps_its_lines() -> None:
    """curl -v: the transcript's own lines end in LF, the headers in CR LF."""
    lines = ["* Connected", "> GET / HTTP/1.1\r", "> Host: a\r", ">\r", "< HTTP/1.1 401 x\r"]
    lines += ["< Date: y\r", "< WWW-Authenticate: Bearer\r", "<\r", "{}"]
    app = Editors(text="")
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one(SafeTextArea).focus()
        app.post_message(events.Paste("\r".join(lines)))  # what tmux sends of "\n".join
        await pilot.pause()
        assert app.query_one(SafeTextArea).text.splitlines() == [x.rstrip("\r") for x in lines]
