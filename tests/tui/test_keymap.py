"""keys.toml: remapping by binding id, read without ever raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import TextArea

from authtui.tui.commands import AuthCommands
from authtui.tui.keymap import default_keys_file, key_text, load_keys, parse_keys, valid_key
from authtui.tui.screens.help import HelpScreen
from tests.tui.conftest import make_app

SIZE = (120, 36)


def test_a_key_or_a_list_of_keys_by_id() -> None:
    remap = parse_keys('[keys]\n"report.copy" = "F12"\n"app.help" = ["ctrl+g", "?"]\n')
    assert remap.keymap == {"report.copy": "f12", "app.help": "ctrl+g,question_mark"}
    assert remap.problems == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[keys\n", "not TOML"),
        ("keys = 3\n", "must be a table"),
        ('[keys]\n"report.nope" = "ctrl+e"\n', "is no binding id"),
        ('[keys]\n"report.copy" = 3\n', "a key or a list of keys"),
        ('[keys]\n"report.copy" = []\n', "a key or a list of keys"),
        ('[keys]\n"report.copy" = "ctrl+nothing"\n', "not a key Textual knows"),
        ('[keys]\n"report.copy" = "hyperspace+e"\n', "not a key Textual knows"),
        ('[keys]\n"report.copy" = "ctrl+s"\n', "is a risky choice (XOFF"),
        ('[keys]\n"report.copy" = "ctrl+g"\n', "ctrl+g is now the key of app.help and report.copy"),
    ],
)
def test_what_is_wrong_is_said_and_left_out(text: str, said: str) -> None:
    remap = parse_keys(text)
    assert any(said in problem for problem in remap.problems), remap.problems
    if "risky" not in said and "now the key" not in said:
        assert remap.keymap == {}


@given(st.text(max_size=300))
def test_parse_never_raises(text: str) -> None:
    parse_keys(text)


def test_files_missing_unreadable_or_not_utf8(tmp_path: Path) -> None:
    assert load_keys(tmp_path / "none.toml").problems == ()
    assert load_keys(None).keymap == {}
    assert "cannot read it" in load_keys(tmp_path).problems[0]  # a directory
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe")
    assert "not UTF-8" in load_keys(bad).problems[0]
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 70_000)
    assert "larger than" in load_keys(big).problems[0]


def test_the_file_is_in_the_user_config_directory(tmp_path: Path) -> None:
    assert default_keys_file({"AUTHTUI_KEYS": str(tmp_path / "k.toml")}) == tmp_path / "k.toml"
    path = default_keys_file({})
    assert path.name == "keys.toml" and path.parent.name == "authtui"


def test_keys_are_written_as_people_type_them() -> None:
    assert [key_text(k) for k in ("ctrl+y", "f2", "question_mark", "slash")] == [
        "ctrl+y",
        "F2",
        "?",
        "/",
    ]
    assert valid_key("ctrl+y") and valid_key("f12") and valid_key("?") and valid_key("+")
    assert not valid_key("ctrl+") and not valid_key("ctrl+yy")


async def test_a_remapped_key_works_and_the_old_one_types(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"app.help" = "ctrl+e"\n', encoding="utf-8")
    app = make_app(keys_file=keys)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen._text
        assert "| ctrl+e | Help | `app.help` |" in text
        assert str(keys) in text and "remaps 1 binding" in text


async def test_problems_are_said_at_start_and_on_the_help_screen(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"no.such" = "ctrl+e"\n', encoding="utf-8")
    app = make_app(keys_file=keys)
    async with app.run_test(size=SIZE) as pilot:
        assert any("'no.such' is no binding id" in note for note in app.notes)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "'no.such' is no binding id" in app.screen._text


async def test_served_leaves_ctrl_v_to_the_browser() -> None:
    app = make_app(served=True)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#paste", TextArea).focus()
        assert app.live_keys("paste.clipboard") == ["F5"]
        await pilot.pause()


async def test_the_palette_shows_each_commands_live_key(tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\n"report.copy" = "ctrl+e"\n', encoding="utf-8")
    app = make_app(keys_file=keys)
    async with app.run_test(size=SIZE):
        provider = AuthCommands(app.screen)
        hits = [hit async for hit in provider.discover()]
        shown = {str(hit.text): str(hit.prompt) for hit in hits}
        assert shown["report: copy as Markdown"].endswith("ctrl+e")
        assert shown["paste: clear all"].endswith("ctrl+k")
        assert shown["clock: switch reading"].endswith("ctrl+r")
        found = [hit async for hit in provider.search("undo clear")]
        assert any(str(hit.prompt).endswith("ctrl+u") for hit in found)
