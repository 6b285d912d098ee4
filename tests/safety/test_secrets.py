"""Secrets stay secret, and nothing is written but an explicit save.

The HMAC secret and a Basic password never appear in any report (any format,
redacted or not), screen, notification, copied or saved text, or log; with
redaction on, neither does the token's signature. Diagnosis and the TUI write no
file except the report the user saves.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from authtui.core.diagnose import diagnose
from authtui.core.render import render
from tests.safety import _flows
from tests.safety._flows import BASIC, PASSWORD, SECRET, SIGNATURE, WatchedApp
from tests.safety._guard import watching

ALWAYS_HIDDEN = (SECRET, PASSWORD, BASIC)


def _assert_hidden(text: str, *, redacted: bool) -> None:
    for value in ALWAYS_HIDDEN:
        assert value not in text
    if redacted:
        assert SIGNATURE not in text


@pytest.mark.parametrize("paste", [_flows.BASIC_PASTE, _flows.BEARER_PASTE], ids=["basic", "hs256"])
@pytest.mark.parametrize("redact", [True, False], ids=["redacted", "whole"])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_reports_never_show_secrets(paste: str, redact: bool, fmt: str) -> None:
    report = diagnose(paste, _flows.options(redact=redact))
    _assert_hidden(render(report, fmt), redacted=redact)
    _assert_hidden(repr(report), redacted=redact)
    if fmt == "text":
        _assert_hidden(render(report, fmt, color=True), redacted=redact)


def test_the_secret_was_used_and_the_token_shows_when_asked() -> None:
    """The checks above are not vacuous: the secret verified, --no-redact shows the token."""
    whole = diagnose(_flows.BEARER_PASTE, _flows.options(redact=False))
    assert "sig.valid" in {f.code for f in whole.findings}
    assert SIGNATURE in render(whole, "json")
    basic = diagnose(_flows.BASIC_PASTE, _flows.options())
    assert basic.credentials is not None and basic.credentials.scheme == "Basic"


def test_cli_output_and_logs_never_show_secrets(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    outputs = _flows.cli_flows(tmp_path)
    assert len(outputs) == 13
    for out in outputs:
        _assert_hidden(out, redacted=out.startswith("REDACTED"))
    _assert_hidden(caplog.text, redacted=True)


async def test_tui_never_shows_secrets(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Token in the token pane (its tab stays hidden), secret in the masked field, Basic
    credentials in the paste: screens, notifications, copied and saved text stay clean."""
    caplog.set_level(logging.DEBUG)
    saved = tmp_path / "report.md"
    bearer = WatchedApp(_flows.RESPONSE_ONLY, _flows.options(token=_flows.TOKEN))
    await _flows.tui_flows(bearer, save_to=saved)
    assert bearer.copied and bearer.notes and len(bearer.screens) > 5
    assert "sig.valid" in _flows.all_text(bearer) or "Signature" in _flows.all_text(bearer)
    _assert_hidden(_flows.all_text(bearer), redacted=True)
    _assert_hidden(saved.read_text(encoding="utf-8"), redacted=True)
    basic = WatchedApp(_flows.BASIC_PASTE, _flows.options())
    await _flows.tui_flows(basic)
    for value in (SECRET, PASSWORD):
        assert value not in _flows.all_text(basic)
    assert BASIC not in "\n".join([*basic.notes, *basic.copied])
    _assert_hidden(caplog.text, redacted=True)


def test_diagnosis_and_cli_write_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    monkeypatch.chdir(tmp_path)
    with watching() as watch:
        for redact in (True, False):
            for paste in (_flows.BASIC_PASTE, _flows.BEARER_PASTE):
                for fmt in ("text", "json", "markdown"):
                    render(diagnose(paste, _flows.options(redact=redact)), fmt)
    assert watch.writes == []
    _flows.cli_flows(inputs)  # writes its input files first...
    with watching() as watch:
        for name in ("basic.txt", "bearer.txt"):
            _flows.run_cli(["diagnose", str(inputs / name), "--format", "json"])
    assert watch.writes == []  # ...then reading them writes nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


async def test_tui_writes_only_the_explicit_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    saved = tmp_path / "saved-report.md"
    app = WatchedApp(_flows.BEARER_PASTE, _flows.options(), demo="expired")
    with watching() as watch:
        await _flows.tui_flows(app, save_to=saved)
    assert watch.writes == [str(saved)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [saved.name]
