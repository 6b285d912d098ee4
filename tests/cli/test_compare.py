"""`authtui compare` as scripts use it: formats, the JSON contract, exit status,
usage errors, HAR entries, and nothing secret in any format."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from authtui.cli import main
from tests.compare_pairs import API_KEY, NOW, PASSWORD, Exchange, basic, har, refused, token

WORKING = Exchange()
FAILING = refused(status=403, authorization="Bearer " + token(scope="orders:read"))


@pytest.fixture(autouse=True)
def _empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """As from a script: standard input is an empty pipe, not a terminal."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))


def _write(tmp_path: Path, text: str, name: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _pair(tmp_path: Path, a: Exchange = WORKING, b: Exchange = FAILING) -> tuple[str, str]:
    return _write(tmp_path, a.text(), "a.txt"), _write(tmp_path, b.text(), "b.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["compare", *argv, "--now", str(NOW)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = _run(capsys, *argv, "--format", "json")
    return code, json.loads(out)


def test_json_has_the_contracts_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _json(capsys, *_pair(tmp_path))
    assert code == 1
    assert doc["schema"] == "authtui.compare/1"
    assert doc["working"] == "a"
    assert doc["headline"] == "B's token lacks orders:write, which A's has."
    for side in ("a", "b"):
        assert doc[side]["schema"] == "authtui.report/1"
        assert set(doc[side]) >= {"verdict", "findings", "exchange", "token", "clock"}
    assert doc["b"]["verdict"]["kind"] == "authorization"
    first = doc["differences"][0]
    assert set(first) == {"code", "severity", "title", "a", "b", "detail"}
    assert (first["code"], first["severity"]) == ("diff.scope", "error")
    assert (first["a"], first["b"]) == ("orders:read orders:write", "orders:read")
    assert doc["cause"] == "diff.scope"


def test_swapped_arguments_keep_the_working_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    _, forward = _json(capsys, a, b)
    _, swapped = _json(capsys, b, a)
    assert swapped["working"] == "b"
    assert swapped["headline"] == "A's token lacks orders:write, which B's has."
    assert [d["code"] for d in swapped["differences"]] == [
        d["code"] for d in forward["differences"]
    ]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_say_the_headline_and_both_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = _run(capsys, *_pair(tmp_path), "--format", fmt)
    assert code == 1 and not err
    assert "lacks orders:write, which A" in out
    assert "diff.scope" in out and "orders:read orders:write" in out
    assert "A works, B fails" in out


def test_identical_pastes_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = _pair(tmp_path)
    code, out, _ = _run(capsys, a, a)
    assert code == 0
    assert "No differences that matter." in out
    code, doc = _json(capsys, a, a)
    assert code == 0 and doc["differences"] == [] and doc["working"] == "both"


def test_two_entries_of_one_har(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, har(WORKING, FAILING), "session.har")
    code, doc = _json(capsys, path, "--entry-a", "1", "--entry-b", "2")
    assert code == 1 and doc["working"] == "a"
    assert doc["differences"][0]["code"] == "diff.scope"
    assert (doc["a"]["exchange"]["status"], doc["b"]["exchange"]["status"]) == (200, 403)
    code, doc = _json(capsys, path, "--entry-a", "2", "--entry-b", "2")
    assert code == 0 and doc["working"] == "neither"


def test_one_side_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, b = _pair(tmp_path)
    stdin = io.TextIOWrapper(io.BytesIO(WORKING.text().encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, doc = _json(capsys, "-", b)
    assert code == 1 and doc["working"] == "a"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["{a}"], "give two pastes A and B, or one HAR file"),
        (["{a}", "--entry-a", "1"], "give two pastes A and B, or one HAR file"),
        (["{har}", "--entry-a", "1", "--entry-b", "3"], "--entry-b 3: "),
        (["{har}", "--entry-a", "0", "--entry-b", "1"], "--entry-a 0: "),
        (["{a}", "{tmp}/no-such-file.txt"], "cannot read B"),
        (["-", "-"], "only one side can be read from standard input"),
        (["{a}", "{a}", "--format", "yaml"], "invalid choice"),
        ([], "the following arguments are required: A"),
    ],
    ids=[
        "no-b",
        "one-entry",
        "entry-out-of-range",
        "entry-zero",
        "no-file",
        "two-stdin",
        "bad-format",
        "nothing",
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    a, _ = _pair(tmp_path)
    names = {"a": a, "har": _write(tmp_path, har(WORKING, FAILING), "s.har"), "tmp": tmp_path}
    code, out, err = _run(capsys, *(arg.format(**names) for arg in argv))
    assert code == 2 and not out
    assert words in err and err.count("\n") == 1


def _secret_pair() -> tuple[Exchange, Exchange, list[str]]:
    good, bad = token(), token(scope="orders:read")
    a = Exchange(
        authorization="Bearer " + good,
        request=(
            ("Proxy-Authorization", basic("proxy-user", PASSWORD)),
            ("X-API-Key", API_KEY),
        ),
    )
    b = refused(
        status=403,
        authorization="Bearer " + bad,
        request=(
            ("Proxy-Authorization", basic("proxy-user", "another-pass")),
            ("X-API-Key", "sk-live-rotated-9876543210"),
        ),
    )
    return a, b, [good, bad, PASSWORD, "another-pass", API_KEY, "sk-live-rotated-9876543210"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_no_token_or_secret_in_any_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    a, b, secrets = _secret_pair()
    code, out, err = _run(capsys, *_pair(tmp_path, a, b), "--format", fmt)
    assert code == 1
    for value in secrets:
        assert value not in out + err
        assert value.split(".")[-1] not in out + err  # not even a token's signature
    if fmt == "json":
        differences = json.loads(out)["differences"]
        for name in ("Proxy-Authorization", "X-API-Key"):
            found = next(d for d in differences if name in d["title"])
            assert "sha256:" in found["a"] and "sha256:" in found["b"]
            assert found["a"] != found["b"]


def test_no_redact_shows_tokens_never_secrets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, secrets = _secret_pair()
    code, out, _ = _run(capsys, *_pair(tmp_path, a, b), "--format", "json", "--no-redact")
    assert code == 1
    assert secrets[0] in out and secrets[1] in out
    for secret in secrets[2:]:
        assert secret not in out


def test_a_secret_that_differs_shows_as_two_fingerprints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = Exchange(authorization=basic())
    b = refused(authorization=basic(password="another-pass"))
    _, doc = _json(capsys, *_pair(tmp_path, a, b))
    secret = next(d for d in doc["differences"] if "password" in d["title"])
    assert secret["code"] == "diff.header" and doc["cause"] == "diff.header"
    assert "sha256" in secret["a"] and "sha256" in secret["b"] and secret["a"] != secret["b"]
    assert PASSWORD not in json.dumps(doc) and "another-pass" not in json.dumps(doc)


def test_compare_imports_no_ui_and_no_web_server(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    probe = (
        "import sys; from authtui.cli import main; "
        f"code = main(['compare', {a!r}, {b!r}, '--now', '{NOW}', '--format', 'json']); "
        "print(code, 'textual' in sys.modules, 'rich' in sys.modules, "
        "'authtui.tui' in sys.modules, 'aiohttp' in sys.modules or 'authtui.web' in "
        "sys.modules, file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert proc.stderr.strip().splitlines()[-1] == "1 False False False False"
