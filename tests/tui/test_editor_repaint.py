"""The editors repaint only the rows a keystroke changed; the screen stays right.

Textual's TextArea repaints every row it has at each cursor move and edit, so a
keystroke costs as many rows as the editor is tall. :class:`SafeTextArea` repaints
the rows of the lines the old and new selection touch and, after an edit, the rows
from the edit down (``_watch_selection``). These tests drive both editors through
a few hundred seeded random keystrokes, pastes, undos and redos, at a size where
they scroll, and after each one compare the screen as it was drawn with the
screen drawn again from scratch: any row the editor failed to repaint differs.
One more test shows the saving is real: typing one character repaints a few rows,
not the editor's height.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from rich.segment import Segment
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import TextArea

from authtui.tui.widgets.safe_area import SafeTextArea
from tests.tui.conftest import make_app

HEADER = "eyJhbGciOiJSUzI1NiJ9"
PAYLOAD = "eyJzdWIiOiIxIiwiZXhwIjoxfQ"
PASTE = (
    "HTTP/1.1 401 Unauthorized\n"
    'WWW-Authenticate: Bearer error="invalid_token"\n'
    f"Authorization: Bearer {HEADER}.{PAYLOAD}.c2ln\n"
    f"folded: {HEADER}.\n{PAYLOAD}\n.c2ln\n"
    "escape \x1b[31m and a bidi \u202e here\n"
)
"""A paste with a token, a token folded over lines (coloured from line to line) and
characters drawn as escapes (wider than they are)."""

KEYS: list[str] = [
    *"eyJ.abc-_x",
    "full_stop",
    "space",
    "enter",
    "backspace",
    "delete",
    "left",
    "right",
    "up",
    "down",
    "home",
    "end",
    "shift+left",
    "shift+right",
    "shift+down",
    "shift+up",
]


class EditorApp(App[None]):
    """One editor alone, so that nothing else on screen repaints it by the way."""

    def __init__(self, text: str, *, masked: bool = False, **editor: Any) -> None:
        super().__init__()
        self._text, self._masked, self._editor = text, masked, editor

    def compose(self) -> ComposeResult:
        yield SafeTextArea(
            self._text, id="editor", soft_wrap=True, masked=self._masked, **self._editor
        )

    def on_mount(self) -> None:
        editor = self.query_one(SafeTextArea)
        editor.cursor_blink = False  # a blink between the two drawings is no stale row
        editor.focus()


async def _same_as_redrawn(pilot: Pilot[Any], editor: TextArea) -> bool:
    """Whether the editor's rows as drawn are what a repaint of all of them draws."""
    await pilot.pause()
    return _drawn(pilot, editor) == await _redrawn(pilot, editor)


def _drawn(pilot: Pilot[Any], editor: TextArea) -> list[list[Segment]]:
    """The editor's rows as the compositor has them (cached rows as they are); only
    the editor's, as other widgets animate (a tab's underline) between drawings."""
    strips = pilot.app.screen._compositor.render_strips()
    region = editor.region
    return [list(strip.crop(region.x, region.right)) for strip in strips[region.y : region.bottom]]


async def _redrawn(pilot: Pilot[Any], editor: TextArea) -> list[list[Segment]]:
    """The editor's rows after every one of them was repainted."""
    editor.refresh()
    await pilot.pause()
    return _drawn(pilot, editor)


async def _act(pilot: Pilot[Any], editor: TextArea, rng: random.Random) -> str:
    """One random action on the focused ``editor``; what it was, for the failure message."""
    roll = rng.random()
    if roll < 0.06:
        editor.undo()
        return "undo"
    if roll < 0.09:
        editor.redo()
        return "redo"
    if roll < 0.15:
        text = rng.choice(["short", PASTE, "a\nb"])
        editor.load_text(text)
        return "load_text"
    if roll < 0.19:
        text = rng.choice([f"{HEADER}.\n{PAYLOAD}", "one\ntwo\nthree\n", "\x1b[2J", "x" * 150])
        editor.post_message(events.Paste(text))
        return f"paste {text!r}"
    key = rng.choice(KEYS)
    await pilot.press(key)
    return key


async def _walk(pilot: Pilot[Any], editor: TextArea, rng: random.Random, steps: int) -> None:
    """``steps`` random actions; after each, the drawing is what a full repaint draws."""
    before = editor.text
    done: list[str] = []
    for _ in range(steps):
        done.append(await _act(pilot, editor, rng))
        assert await _same_as_redrawn(pilot, editor), f"stale rows after {done[-12:]}"
    assert editor.text != before  # the walk did edit


@pytest.mark.parametrize(
    ("masked", "size", "seed"),
    [(False, (60, 16), 11), (False, (100, 30), 12), (True, (60, 16), 13)],
)
async def test_an_editor_alone_draws_after_each_action_what_a_full_repaint_draws(
    masked: bool, size: tuple[int, int], seed: int
) -> None:
    app = EditorApp(PASTE, masked=masked)
    rng = random.Random(seed)
    async with app.run_test(size=size) as pilot:
        editor = app.query_one(SafeTextArea)
        await pilot.pause()
        await _walk(pilot, editor, rng, 120)


async def test_loading_a_new_text_repaints_every_row() -> None:
    app = EditorApp(PASTE)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.query_one(SafeTextArea)
        await pilot.pause()
        editor.load_text(PASTE.upper())
        assert await _same_as_redrawn(pilot, editor)


async def test_an_undo_repaints_every_row_it_moved() -> None:
    app = EditorApp(PASTE)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.query_one(SafeTextArea)
        await pilot.pause()
        editor.insert("one\ntwo\n", (0, 0))
        await pilot.pause()
        editor.move_cursor((6, 2))
        await pilot.pause()
        editor.undo()  # the paste's rows go; the cursor goes back to the top
        assert editor.text == PASTE
        assert await _same_as_redrawn(pilot, editor)


async def test_an_undo_far_from_the_cursor_repaints_the_lines_it_put_back() -> None:
    app = EditorApp(PASTE)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.query_one(SafeTextArea)
        editor.move_cursor((6, 0))
        editor.replace("AAA\nBBB", (1, 0), (2, 5))  # two lines for two: the same height
        await pilot.pause()
        editor.move_cursor((6, 0))
        await pilot.pause()
        editor.undo()
        assert editor.text == PASTE
        assert await _same_as_redrawn(pilot, editor)


async def test_the_first_character_typed_over_a_long_placeholder_clears_all_its_rows() -> None:
    app = EditorApp("", placeholder="Paste what you have here: " * 8)
    async with app.run_test(size=(60, 16)) as pilot:
        editor = app.query_one(SafeTextArea)
        await pilot.pause()
        await pilot.press("x")
        assert editor.text == "x"
        assert await _same_as_redrawn(pilot, editor)
        await pilot.press("backspace")  # and back: the placeholder's rows again
        assert await _same_as_redrawn(pilot, editor)


async def test_a_wider_line_number_gutter_repaints_every_row() -> None:
    app = EditorApp("\n".join(f"line {n}" for n in range(1, 10)), show_line_numbers=True)
    async with app.run_test(size=(60, 16)) as pilot:
        editor = app.query_one(SafeTextArea)
        editor.move_cursor((8, 6))
        await pilot.pause()
        width = editor.gutter_width
        await pilot.press("enter")  # line 10: the numbers take one more column
        assert editor.gutter_width > width
        assert await _same_as_redrawn(pilot, editor)


async def test_an_edit_recolours_the_folded_token_line_above() -> None:
    """A header alone on its line is coloured only while the next line goes on with
    the token: breaking the next line must repaint the one above."""
    app = EditorApp(f"token:\n{HEADER}\n.{PAYLOAD}.c2ln\n")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.query_one(SafeTextArea)
        editor.move_cursor((2, 4))
        await pilot.pause()
        drawn_before = _drawn(pilot, editor)
        await pilot.press("space", "x", "space")  # the line is no longer only base64url
        assert await _same_as_redrawn(pilot, editor)
        row = editor.content_region.y - editor.region.y + 1  # the header's, under the border
        assert HEADER in "".join(segment.text for segment in drawn_before[row])
        assert drawn_before[row] != _drawn(pilot, editor)[row]  # the header lost its colour


@pytest.mark.parametrize(
    ("pane", "size", "seed"),
    [("paste", (80, 24), 1), ("token", (120, 36), 3)],
)
async def test_what_is_drawn_after_each_keystroke_is_what_a_full_repaint_draws(
    pane: str, size: tuple[int, int], seed: int
) -> None:
    app = make_app(PASTE)
    rng = random.Random(seed)
    async with app.run_test(size=size) as pilot:
        app.action_focus_pane(pane)
        await pilot.pause()
        editor = app.query_one(f"#{pane}", SafeTextArea)
        assert editor.has_focus
        editor.cursor_blink = False  # a blink between the two drawings is no stale row
        if pane == "token":
            editor.load_text(f"{HEADER}.{PAYLOAD}.c2ln")
            await pilot.pause()
        await _walk(pilot, editor, rng, 100)


async def test_typing_one_character_repaints_a_few_rows_not_the_whole_editor() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_focus_pane("token")
        await pilot.pause()
        editor = app.query_one("#token", SafeTextArea)
        editor.load_text(HEADER)
        editor.move_cursor((0, len(HEADER)))
        await pilot.pause()
        assert editor.size.height > 20
        rows: list[int] = []
        render_line = editor.render_line

        def counted(y: int) -> Any:
            rows.append(y)
            return render_line(y)

        editor.render_line = counted  # type: ignore[method-assign]
        await pilot.press("x")
        await pilot.pause()
        assert editor.text == HEADER + "x"
        assert 0 < len(set(rows)) <= 4, sorted(set(rows))


async def test_undoing_a_paste_and_the_typing_after_it_leaves_no_rows_of_lost_lines() -> None:
    """Textual re-wraps only the range an undone batch spans; for this batch that left
    rows for lines the document no longer had, and drawing them raised IndexError."""
    app = make_app("first line\nsecond line\n")
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_focus_pane("paste")
        await pilot.pause()
        editor = app.query_one("#paste", SafeTextArea)
        editor.move_cursor((1, 3))
        editor.post_message(events.Paste("one\ntwo\nthree\n"))
        await pilot.pause()
        await pilot.press("up", "_")
        editor.undo()
        await pilot.press("J")
        editor.redo()
        editor.undo()
        editor.undo()
        await pilot.pause()
        assert editor.wrapped_document.height == editor.document.line_count
        assert editor.text == "first line\nsecond line\n"
