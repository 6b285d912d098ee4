"""`authtui diagnose` as scripts use it: formats, exit status, usage errors, secrets."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

from authtui.cli import main

NOW = 1_735_689_600


def _token(**claims: object) -> str:
    body = {"iss": "https://auth.shop.test/", "aud": "https://api.shop.test", "sub": "c-1"}
    body.update(claims)
    return jwt.encode(body, "a-long-enough-shared-secret-for-hs256-0001", algorithm="HS256")


EXPIRED = _token(iat=NOW - 7200, exp=NOW - 3600, scope="cart:read")
FRESH = _token(iat=NOW - 60, exp=NOW + 3600, scope="cart:read")

RESPONSE = (
    "GET /cart HTTP/1.1\r\nHost: api.shop.test\r\nAuthorization: Bearer {token}\r\n\r\n"
    "HTTP/1.1 401 Unauthorized\r\n"
    'WWW-Authenticate: Bearer realm="shop", error="invalid_token"\r\n\r\n'
)


@pytest.fixture(autouse=True)
def _empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """As from a script: standard input is an empty pipe, not a terminal."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))


def _write(tmp_path: Path, text: str, name: str = "paste.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["diagnose", *argv, "--format", "json", "--now", str(NOW)])
    return code, json.loads(capsys.readouterr().out)


def test_expired_token_exits_1_with_the_contract_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = _json(capsys, _write(tmp_path, RESPONSE.format(token=EXPIRED)))
    assert code == 1
    assert report["schema"] == "authtui.report/1"
    verdict = report["verdict"]
    assert isinstance(verdict, dict)
    assert verdict["kind"] == "authentication"
    assert verdict["status"] == 401
    assert verdict["causes"][0] == "time.expired"
    codes = {f["code"] for f in report["findings"]}  # type: ignore[union-attr]
    assert {"time.expired", "challenge.invalid_token"} <= codes
    assert report["challenges"] == [
        {
            "scheme": "Bearer",
            "token68": None,
            "params": {"realm": "shop", "error": "invalid_token"},
            "field": "WWW-Authenticate",
        }
    ]
    assert report["clock"] == {
        "now": NOW,
        "server_now": None,
        "skew": 60,
        "basis": "given",
        "captured_at": None,
    }


def test_no_error_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _json(capsys, "--token", FRESH)
    assert code == 0
    assert all(f["severity"] != "error" for f in report["findings"])  # type: ignore[union-attr]


def test_token_is_redacted_by_default_and_whole_with_no_redact(
    capsys: pytest.CaptureFixture[str],
) -> None:
    signature = FRESH.rsplit(".", 1)[1]
    main(["diagnose", "--token", FRESH, "--now", str(NOW), "--format", "json"])
    assert signature not in capsys.readouterr().out
    main(["diagnose", "--token", FRESH, "--now", str(NOW), "--format", "json", "--no-redact"])
    assert FRESH in capsys.readouterr().out


def test_secret_never_printed_in_any_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "a-long-enough-shared-secret-for-hs256-0001"
    secret_file = _write(tmp_path, secret + "\n", "secret")
    for fmt in ("text", "json", "markdown"):
        main(
            [
                "diagnose",
                "--token",
                FRESH,
                "--secret-file",
                secret_file,
                "--format",
                fmt,
                "--now",
                str(NOW),
                "--no-redact",
            ]
        )
        out = capsys.readouterr()
        assert secret not in out.out + out.err


def test_secret_from_the_environment_verifies(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HS_SECRET", "a-long-enough-shared-secret-for-hs256-0001")
    _, report = _json(capsys, "--token", FRESH, "--secret-env", "HS_SECRET")
    assert report["token"]["signature"] == "valid"  # type: ignore[index]


@pytest.mark.parametrize(
    "argv",
    [
        ["diagnose", "/nonexistent/paste.txt"],
        ["diagnose", "--token", "x", "--now", "yesterday-ish"],
        ["diagnose", "--token", "x", "--skew", "lots"],
        ["diagnose", "--token", "x", "--format", "yaml"],
        ["diagnose", "--token", "x", "--key", "/nonexistent/key.pem"],
        ["diagnose", "--token", "x", "--secret-env", "AUTHTUI_SURELY_UNSET_VARIABLE"],
        ["diagnose", "--bogus-option"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err


def test_unreadable_key_is_a_finding_not_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = _write(tmp_path, "this is not a key", "key.pem")
    code, report = _json(capsys, "--token", FRESH, "--key", key)
    assert code == 1
    assert "sig.key_error" in {f["code"] for f in report["findings"]}  # type: ignore[union-attr]


def test_formats_render_the_same_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paste = _write(tmp_path, RESPONSE.format(token=EXPIRED))
    main(["diagnose", paste, "--now", str(NOW)])
    text = capsys.readouterr().out
    main(["diagnose", paste, "--now", str(NOW), "--format", "markdown"])
    markdown = capsys.readouterr().out
    assert "time.expired" in text and "time.expired" in markdown
    assert "\x1b[" not in text  # not a terminal: no colour
    assert markdown.startswith("## authtui diagnosis")


def _subprocess(*argv: str, stdin: str | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "authtui", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_reads_standard_input_when_piped() -> None:
    result = _subprocess(
        "diagnose", "--now", str(NOW), "--format", "json", stdin=RESPONSE.format(token=EXPIRED)
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["verdict"]["causes"][0] == "time.expired"


def test_garbage_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "garbage.bin"
    path.write_bytes(bytes(range(256)) * 64 + b'\x00{["=,;' * 5000)
    result = _subprocess("diagnose", str(path), "--now", str(NOW), "--format", "json")
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr
    json.loads(result.stdout)


def test_version_and_demos_list() -> None:
    assert _subprocess("--version").stdout.startswith("authtui ")
    listing = _subprocess("demos").stdout
    assert "expired" in listing


def test_an_empty_paste_is_a_report_not_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = _json(capsys, _write(tmp_path, "  \n"))
    assert code == 0
    verdict = report["verdict"]
    assert isinstance(verdict, dict)
    assert verdict["kind"] == "unknown"
    assert "paste" in str(verdict["next_step"]).lower()


def test_nothing_at_all_from_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    assert main(["diagnose"]) == 2
    assert "nothing to diagnose" in capsys.readouterr().err


DAY = 86400
OLD_PASTE = (
    "> GET /cart HTTP/1.1\n> Host: api.shop.test\n> Authorization: Bearer {token}\n>\n"
    "< HTTP/1.1 401 Unauthorized\n< Date: Wed, 01 Jan 2025 00:00:00 GMT\n"
    '< WWW-Authenticate: Bearer error="invalid_token"\n<\n'
)
"""A ``curl -v`` transcript whose Date is NOW (2025-01-01T00:00:00Z)."""


@pytest.mark.parametrize(
    ("now", "basis", "at"),
    [
        (None, "capture", NOW),
        ("capture", "capture", NOW),
        ("device", "device", NOW + 7 * DAY),
        ("now", "device", NOW + 7 * DAY),
        ("NOW", "device", NOW + 7 * DAY),
        (str(NOW + 10), "given", NOW + 10),
        ("2025-01-01T00:00:10Z", "given", NOW + 10),
        ("2025-01-01T01:00:10+01:00", "given", NOW + 10),
        ("Wed, 01 Jan 2025 00:00:10 GMT", "given", NOW + 10),
        ("Wednesday, 01-Jan-25 00:00:10 GMT", "given", NOW + 10),
        ("Wed Jan  1 00:00:10 2025", "given", NOW + 10),
    ],
)
def test_every_now_form(
    now: str | None,
    basis: str,
    at: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A week-old capture, the device clock passed in: each --now form and its basis."""
    monkeypatch.setattr("authtui.cli.args.device_clock", lambda: float(NOW + 7 * DAY))
    paste = _write(tmp_path, OLD_PASTE.format(token=FRESH))
    argv = ["diagnose", paste, "--format", "json", *(["--now", now] if now else [])]
    code = main(argv)
    report = json.loads(capsys.readouterr().out)
    assert report["clock"]["basis"] == basis
    assert report["clock"]["now"] == at
    assert report["clock"]["captured_at"] == NOW
    codes = {f["code"] for f in report["findings"]}
    assert ("time.expired" in codes) is (basis == "device")
    assert code == 1  # invalid_token (and, by the device clock, an expired token)


def test_now_capture_without_a_time_in_the_paste_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("authtui.cli.args.device_clock", lambda: float(NOW))
    main(["diagnose", "--token", FRESH, "--now", "capture"])
    out = capsys.readouterr().out
    assert "time.no_capture_time" in out
    assert "asked for the capture time, but the paste carries no time of its own" in out


@pytest.mark.parametrize("value", ["yesterday", "capture-time", "Wed, 32 Jan 2025 00:00:00 GMT"])
def test_an_unreadable_now_is_a_usage_error_naming_every_form(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diagnose", "--token", FRESH, "--now", value]) == 2
    err = capsys.readouterr().err
    assert "HTTP-date" in err and "capture" in err and "\n" not in err.strip()
