"""Hostile pastes never drive the terminal: every attack, in every place, in every format.

The corpus is tests/hostile.py. For each paste, the text (with and without colour),
Markdown and JSON reports hold no character the terminal boundary would escape
(authtui's own colour codes aside), the escape is visible instead, and JSON writes
them as \\uXXXX and still reads back.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from authtui.core.diagnose import diagnose
from authtui.core.options import Options
from authtui.core.render import render
from authtui.core.safety.terminal import is_unsafe
from tests.hostile import ATTACKS, HOSTILE

NOW = 1_700_000_000.0
_OWN_COLOUR = re.compile("\x1b\\[[0-9;]*m")


def _unsafe(text: str, *, colour: bool = False) -> list[str]:
    if colour:
        text = _OWN_COLOUR.sub("", text)
    return sorted({hex(ord(ch)) for ch in text if is_unsafe(ch) and ch != "\n"})


@pytest.fixture(scope="module")
def reports() -> dict[str, object]:
    return {name: diagnose(paste, Options(now=NOW)) for name, paste in HOSTILE.items()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_control_character_reaches_the_output(
    reports: dict[str, object], name: str, fmt: str
) -> None:
    out = render(reports[name], fmt)  # type: ignore[arg-type]
    assert _unsafe(out) == []
    if fmt == "json":
        json.loads(out)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_control_character_reaches_coloured_text(reports: dict[str, object], name: str) -> None:
    out = render(reports[name], "text", color=True)  # type: ignore[arg-type]
    assert _unsafe(out, colour=True) == []


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_the_paste_says_it_held_such_characters(attack: str) -> None:
    report = diagnose(HOSTILE[f"reason-{attack}"], Options(now=NOW))
    found = [f for f in report.findings if f.code == "paste.control_chars"]
    assert len(found) == 1 and found[0].severity.value == "info"
    assert "line" in found[0].evidence and "\\" in found[0].evidence


def test_a_clean_paste_has_no_such_finding() -> None:
    report = diagnose("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\n\r\n")
    assert all(f.code != "paste.control_chars" for f in report.findings)


def test_the_escape_is_visible_in_every_format() -> None:
    report = diagnose(HOSTILE["reason-osc52-clipboard"], Options(now=NOW))
    assert "Unauthorized\\x1b]52;c;cHduZWQ=\\x07" in render(report, "text")
    assert "Unauthorized\\x1b]52;c;cHduZWQ=\\x07" in render(report, "markdown")
    assert json.loads(render(report, "json"))["exchange"]["reason"].endswith(
        "\x1b]52;c;cHduZWQ=\x07"
    )
    assert "\\u001b]52" in render(report, "json")


def test_json_keeps_bidi_and_c1_as_escapes() -> None:
    report = diagnose(HOSTILE["reason-bidi-override"], Options(now=NOW))
    out = render(report, "json")
    assert "\u202e" not in out and "\\u202e" in out
    report = diagnose(HOSTILE["reason-c1-csi"], Options(now=NOW))
    out = render(report, "json")
    assert "\x9b" not in out and "\\u009b" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("name", ["reason-osc52-clipboard", "har-lone-surrogates", "kid-c1-csi"])
def test_the_command_writes_no_control_byte(tmp_path: Path, name: str, fmt: str) -> None:
    paste = tmp_path / "paste.txt"
    paste.write_bytes(HOSTILE[name].encode("utf-8", "surrogatepass"))
    result = subprocess.run(
        [sys.executable, "-m", "authtui", "diagnose", str(paste), "--format", fmt, "--now", "0"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        assert _unsafe(text) == []
