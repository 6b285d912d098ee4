"""The console script starts with the garbage collector paused (authtui.startup).

It resumes once the command's modules are loaded, or for the TUI at its first frame;
a program that calls :func:`authtui.cli.main` (as these tests do) keeps its own
collector as it set it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from authtui import startup
from authtui.cli import console, main
from tests.tui.conftest import make_app


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """Whatever a test does, the test process's collector runs afterwards, unfrozen."""
    yield
    startup.resume()
    gc.unfreeze()
    gc.enable()


def test_resume_does_nothing_unless_pause_paused() -> None:
    frozen = gc.get_freeze_count()
    startup.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_pause_leaves_a_collector_its_host_turned_off_alone() -> None:
    gc.disable()
    startup.pause()
    gc.enable()  # the host's own choice, later
    startup.resume()
    assert gc.get_freeze_count() == 0  # pause had not paused it, so resume froze nothing


def test_resume_freezes_what_start_up_made_and_runs_the_collector_again() -> None:
    startup.pause()
    assert not gc.isenabled()
    startup.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    startup.resume()  # a second time: nothing more
    assert gc.isenabled()


def test_a_command_runs_with_the_collector_resumed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    import authtui.cli.diagnose

    def demos() -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(authtui.cli.diagnose, "cmd_demos", demos)
    monkeypatch.setattr("sys.argv", ["authtui", "demos"])
    assert console() == 0
    assert seen == [True]
    assert gc.isenabled()


def test_main_called_by_a_program_leaves_its_collector_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    frozen = gc.get_freeze_count()
    assert main(["demos"]) == 0
    assert "expired" in capsys.readouterr().out
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


async def test_the_tui_resumes_the_collector_at_its_first_frame() -> None:
    startup.pause()
    app = make_app("HTTP/1.1 401 Unauthorized\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
