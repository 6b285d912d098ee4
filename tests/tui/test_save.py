"""F3, the save dialog: asks before replacing, never follows a link, mode 0600,
messages as plain text."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input

from authtui.tui.savefile import SaveError, Target, look, replace_file, write_new
from authtui.tui.screens.save import SaveReport
from tests.tui.conftest import NOW, RecordingApp, make_app

SIZE = (100, 32)
PASTE = (
    "GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer "
    + jwt.encode({"sub": "alice", "exp": NOW - 900}, "k" * 32, algorithm="HS256")
    + '\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n'
)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A umask that would leave new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


async def _open_dialog(app: RecordingApp, pilot: Pilot[int], path: Path) -> SaveReport:
    await pilot.pause()
    await pilot.press("f3")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, SaveReport)
    dialog.query_one("#save-path", Input).value = str(path)
    await pilot.pause()
    return dialog


async def _press_save(pilot: Pilot[int]) -> None:
    """Press the Save (or Replace) button from the keyboard, as a user tabbing to it.

    (Without the 0.2 s press effect, during which Textual ignores another press.)
    """
    button = pilot.app.screen.query_one("#save-ok", Button)
    button.active_effect_duration = 0
    button.focus()
    await pilot.press("enter")
    await pilot.pause()


# ------------------------------------------------------------- the file writer


def test_a_new_file_is_created_exclusively_with_mode_0600(
    tmp_path: Path, loose_umask: None
) -> None:
    target = tmp_path / "r.md"
    write_new(target, "report")
    assert target.read_text() == "report"
    assert _mode(target) == 0o600
    with pytest.raises(SaveError, match="appeared meanwhile"):
        write_new(target, "again")  # never over an existing file
    assert target.read_text() == "report"


def test_a_link_at_the_target_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "r.md"
    link.symlink_to(victim)
    assert look(link) is Target.LINK
    with pytest.raises(SaveError, match="symbolic link"):
        write_new(link, "report")
    with pytest.raises(SaveError, match="symbolic link"):
        replace_file(link, "report")
    assert victim.read_text() == "keep me"
    assert link.is_symlink()


def test_a_dangling_link_is_not_followed_either(tmp_path: Path) -> None:
    link = tmp_path / "r.md"
    link.symlink_to(tmp_path / "would-be-created.md")
    with pytest.raises(SaveError, match="symbolic link"):
        write_new(link, "report")
    assert not (tmp_path / "would-be-created.md").exists()


def test_replacing_is_atomic_leaves_no_temporary_and_sets_0600(
    tmp_path: Path, loose_umask: None
) -> None:
    target = tmp_path / "r.md"
    target.write_text("old")
    target.chmod(0o644)
    replace_file(target, "new")
    assert target.read_text() == "new"
    assert _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_what_is_at_a_path(tmp_path: Path) -> None:
    assert look(tmp_path / "nothing") is Target.NEW
    assert look(tmp_path) is Target.DIRECTORY
    (tmp_path / "f").write_text("")
    assert look(tmp_path / "f") is Target.FILE
    os.mkfifo(tmp_path / "fifo")
    assert look(tmp_path / "fifo") is Target.OTHER


# ------------------------------------------------------------------ the dialog


async def test_a_new_file_is_saved_at_once_with_mode_0600(
    tmp_path: Path, loose_umask: None
) -> None:
    target = tmp_path / "report.md"
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        await _open_dialog(app, pilot, target)
        await _press_save(pilot)
        assert not isinstance(app.screen, SaveReport)
        assert "time.expired" in target.read_text(encoding="utf-8")
        assert _mode(target) == 0o600
        assert any("Saved the report to" in n and "report.md" in n for n in app.notes)


async def test_saving_over_a_file_asks_and_keeps_it_when_declined(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("my notes")
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, target)
        await _press_save(pilot)
        assert app.screen is dialog  # still open: it asks
        assert "already exists" in dialog.said
        assert str(dialog.query_one("#save-ok", Button).label) == "Replace"
        assert target.read_text() == "my notes"
        dialog.query_one("#save-path", Input).focus()
        await pilot.press("enter")  # Enter in the name field asks again, never replaces
        await pilot.pause()
        assert app.screen is dialog and target.read_text() == "my notes"
        await pilot.press("escape")  # declined
        await pilot.pause()
        assert not isinstance(app.screen, SaveReport)
        assert target.read_text() == "my notes"


async def test_saving_over_a_file_replaces_it_when_confirmed(
    tmp_path: Path, loose_umask: None
) -> None:
    target = tmp_path / "report.md"
    target.write_text("my notes")
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        await _open_dialog(app, pilot, target)
        await _press_save(pilot)
        await _press_save(pilot)  # "Replace"
        assert not isinstance(app.screen, SaveReport), app.screen.said
        assert "time.expired" in target.read_text(encoding="utf-8")
        assert _mode(target) == 0o600
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
        assert any(n.startswith("Replaced") for n in app.notes)


async def test_changing_the_name_after_the_question_asks_again(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("a")
    second.write_text("b")
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, first)
        await _press_save(pilot)
        dialog.query_one("#save-path", Input).value = str(second)
        await pilot.pause()
        assert str(dialog.query_one("#save-ok", Button).label) == "Save"
        await _press_save(pilot)  # asks about b.md, does not replace it
        assert app.screen is dialog and "already exists" in dialog.said
        assert (first.read_text(), second.read_text()) == ("a", "b")


async def test_a_link_at_the_target_is_refused_in_the_dialog(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "report.md"
    link.symlink_to(victim)
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, link)
        await _press_save(pilot)
        await _press_save(pilot)  # pressing again does not turn it into a "Replace"
        assert app.screen is dialog
        assert "symbolic link" in dialog.said
        assert victim.read_text() == "keep me" and link.is_symlink()


async def test_a_path_with_markup_in_it_is_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "x["
    folder.mkdir()
    target = tmp_path / "x[/]r[b].md"  # "x[" / "]r[b].md": a real path with [/] in it
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, tmp_path / "no[/]such" / "r.md")
        await _press_save(pilot)  # fails: the message names the path, as text
        assert app.screen is dialog
        assert "no[/]such" in dialog.said and "No such file" in dialog.said
        dialog.query_one("#save-path", Input).value = str(target)
        await pilot.pause()
        await _press_save(pilot)
        assert not isinstance(app.screen, SaveReport)
        assert (folder / "]r[b].md").is_file()
        assert any("]r[b].md" in n for n in app.notes)


async def test_a_hostile_path_is_drawn_escaped_in_the_dialog(tmp_path: Path) -> None:
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, tmp_path / "d\x1b]52;c;eA==\x07" / "r.md")
        await _press_save(pilot)
        assert "d\\x1b]52;c;eA==\\x07" in dialog.said
        rows = [
            "".join(s.text for s in widget.render_line(y))
            for widget in (dialog.query_one("#save-message"), dialog.query_one("#save-path"))
            for y in range(widget.size.height)
        ]
        assert not any(ch in row for row in rows for ch in "\x1b\x07")
        assert any("\\x1b]52" in row for row in rows)


async def test_a_directory_is_refused(tmp_path: Path) -> None:
    app = make_app(PASTE)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _open_dialog(app, pilot, tmp_path)
        await _press_save(pilot)
        assert app.screen is dialog and "is a directory" in dialog.said
