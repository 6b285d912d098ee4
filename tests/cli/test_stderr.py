"""Messages on stderr never drive the terminal: every attack of the hostile corpus, as a
file name, an environment variable's name, an option's value or an unknown option,
reaches stderr only as visible escapes, on one line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from authtui.cli import files, main
from authtui.cli.errors import say
from authtui.core.safety.terminal import is_unsafe
from tests.hostile import ATTACKS

NAMES = {
    **ATTACKS,
    "newline": "a\nb",
    "undecodable-argv": "a\udcff\udc80b",  # bytes that are not UTF-8, as Python gives them
    "lone-surrogate": "x\ud800",
}
"""The corpus, plus what only a command line can carry: a line break in a name, and the
surrogate escapes Python makes of undecodable bytes in argv."""


def _assert_safe(err: str) -> None:
    assert err.endswith("\n")
    body = err[:-1]
    assert "\n" not in body, err
    unsafe = sorted({f"U+{ord(ch):04X}" for ch in body if is_unsafe(ch)})
    assert not unsafe, f"{unsafe} reached stderr: {err!r}"


@pytest.fixture(autouse=True)
def _piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    monkeypatch.setattr(files, "PIPE_WAIT_SECONDS", 0.1)


def _messages(attack: str, tmp: Path) -> dict[str, list[str]]:
    """Every way a command line echoes what it was given back on stderr."""
    missing = str(tmp / f"paste{attack}.txt")
    return {
        "paste file name": ["diagnose", missing],
        "--key file name": ["diagnose", "--token", "x", "--key", missing],
        "--token-file name": ["diagnose", "--token-file", missing],
        "--secret-file name": ["diagnose", "--token", "x", "--secret-file", missing],
        "directory name": ["diagnose", str(tmp)],
        "--secret-env name": ["diagnose", "--token", "x", "--secret-env", f"NO_SUCH{attack}"],
        "--now value": ["diagnose", "--token", "x", "--now", f"soon{attack}"],
        "--skew value": ["diagnose", "--token", "x", "--skew", f"1{attack}"],
        "--format value": ["diagnose", "--token", "x", "--format", f"json{attack}"],
        "--entry value": ["diagnose", "--token", "x", "--entry", f"2{attack}"],
        "unknown option": ["diagnose", f"--bogus{attack}"],
        "extra argument": ["diagnose", "a", f"b{attack}"],
        "tui file name": [missing],
        "tui unknown option": [f"--bogus{attack}"],
        "--demo name": ["--demo", f"expired{attack}"],
        "compare file names": ["compare", missing, missing],
        "compare --entry-a value": ["compare", missing, "--entry-a", f"1{attack}"],
        "serve file name": ["serve", missing],
        "serve --host": ["serve", "--host", f"10.0.0.1{attack}"],
        "serve unknown option": ["serve", f"--bogus{attack}"],
    }


@pytest.mark.parametrize("name", NAMES)
def test_no_attack_reaches_stderr_as_a_control_character(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attack = NAMES[name]
    directory = tmp_path / f"dir{attack}" if "\x00" not in attack else tmp_path
    if directory != tmp_path:
        try:
            directory.mkdir()
        except (OSError, UnicodeError):  # a name this file system cannot hold
            directory = tmp_path
    for place, argv in _messages(attack, directory).items():
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 2, (place, err)
        _assert_safe(err)


def test_the_escape_is_visible_not_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", "--token", "x", "--secret-env", "A\x1b[2JB"]) == 2
    assert "A\\x1b[2JB" in capsys.readouterr().err


def test_say_writes_one_safe_line(capsys: pytest.CaptureFixture[str]) -> None:
    say("first\nsecond\x9b2J\u202e\n")
    assert capsys.readouterr().err == "first⏎second\\x9b2J\\u202e\n"


def test_the_bytes_a_process_writes_are_safe(tmp_path: Path) -> None:
    """As a terminal sees it: the bytes of a real process's stderr."""
    attack = ATTACKS["osc52-clipboard"] + ATTACKS["c1-csi"] + ATTACKS["bidi-override"]
    result = subprocess.run(
        [sys.executable, "-m", "authtui", "diagnose", str(tmp_path / f"x{attack}")],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    err = result.stderr.decode("utf-8", errors="strict")
    _assert_safe(err)
    assert b"\x1b" not in result.stderr and b"\xc2\x9b" not in result.stderr
