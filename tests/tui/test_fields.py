"""The settings fields turned into Options: table-driven, plus Hypothesis."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.options import DEFAULT_SKEW, Secret
from authtui.tui.fields import Form, build_options, parse_skew, parse_when, read_key, split_words

NOW = 1_700_000_000.0


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("", DEFAULT_SKEW, False),
        ("0", 0.0, False),
        ("300", 300.0, False),
        (" 90s ", 90.0, False),
        ("1.5", 1.5, False),
        ("-5", DEFAULT_SKEW, True),
        ("nan", DEFAULT_SKEW, True),
        ("inf", DEFAULT_SKEW, True),
        ("soon", DEFAULT_SKEW, True),
    ],
)
def test_parse_skew(text: str, value: float, problem: bool) -> None:
    got, why = parse_skew(text)
    assert got == value
    assert (why is not None) is problem


@pytest.mark.parametrize(
    ("text", "value", "reading", "problem"),
    [
        ("", None, "auto", False),
        ("now", None, "device", False),
        (" NOW ", None, "device", False),
        ("device", None, "device", False),
        ("capture", None, "capture", False),
        (" Capture", None, "capture", False),
        ("1600000000", 1_600_000_000.0, "auto", False),
        ("2023-11-14T22:13:20Z", 1_700_000_000.0, "auto", False),
        ("2023-11-14T23:13:20+01:00", 1_700_000_000.0, "auto", False),
        ("Tue, 14 Nov 2023 22:13:20 GMT", 1_700_000_000.0, "auto", False),
        ("Tuesday, 14-Nov-23 22:13:20 GMT", 1_700_000_000.0, "auto", False),
        ("Tue Nov 14 22:13:20 2023", 1_700_000_000.0, "auto", False),
        ("yesterday", None, "auto", True),
    ],
)
def test_parse_when(text: str, value: float | None, reading: str, problem: bool) -> None:
    """The Evaluation time field takes every form --now takes."""
    got, asked, why = parse_when(text)
    assert (got, asked) == (value, reading)
    assert (why is not None) is problem


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ()),
        ("a", ("a",)),
        ("a, b  c,,", ("a", "b", "c")),
        ("https://api.example.com https://other", ("https://api.example.com", "https://other")),
    ],
)
def test_split_words(text: str, words: tuple[str, ...]) -> None:
    assert split_words(text) == words


def test_key_from_existing_file(tmp_path: Path) -> None:
    key = tmp_path / "jwks.json"
    key.write_text('{"keys": []}', encoding="utf-8")
    keys, source, problem = read_key(f"  {key}  ")
    assert problem is None
    assert keys[0].name == str(key)
    assert keys[0].data == b'{"keys": []}'
    assert "12 bytes" in source


def test_key_pasted_text() -> None:
    pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----"
    keys, source, problem = read_key(pem)
    assert problem is None
    assert keys[0].name == "pasted key"
    assert keys[0].data == pem.encode()
    assert source.startswith("pasted text")


@pytest.mark.parametrize("text", ["~nouser0", "a\x00b"])
def test_key_unusable_path_is_key_text(text: str) -> None:
    keys, _, problem = read_key(text)
    assert problem is None and keys[0].name == "pasted key"


@pytest.mark.parametrize("text", ["./nowhere/key.pem", "missing.json"])
def test_key_missing_path_is_a_problem_not_a_key(text: str) -> None:
    keys, _, problem = read_key(text)
    assert keys == ()
    assert problem is not None and "no file" in problem


def test_key_empty() -> None:
    assert read_key("   ") == ((), "", None)


def test_build_options_from_every_field() -> None:
    form = Form(
        paste="x",
        token=" eyJ.a.b \n",
        skew="300",
        when="1600000000",
        audiences="api-1, api-2",
        issuer=" https://iss/ ",
        scopes="read write",
        secret="s3cret",
        entry=2,
        redact=False,
    )
    built = build_options(form, NOW)
    options = built.options
    assert options.now == 1_600_000_000.0 and built.fixed_time
    assert options.skew == 300.0
    assert options.audiences == ("api-1", "api-2")
    assert options.issuer == "https://iss/"
    assert options.scopes == ("read", "write")
    assert options.token == "eyJ.a.b"
    assert options.secret == Secret(b"s3cret")
    assert options.entry == 2
    assert options.redact is False
    assert built.problems == ()
    assert "s3cret" not in repr(form) and "s3cret" not in repr(options)


def test_build_options_defaults_and_forced_redaction() -> None:
    built = build_options(Form(redact=False), NOW, force_redact=True)
    assert built.options.now is None and not built.fixed_time
    assert built.options.device_now == NOW and built.options.reading == "auto"
    assert built.options.front == "tui"
    assert built.options.redact is True
    assert built.options.token is None and built.options.secret is None
    assert built.options.issuer is None


def test_problems_are_collected() -> None:
    built = build_options(Form(skew="x", when="y", key="./nope.pem"), NOW)
    assert len(built.problems) == 3


@given(
    st.text(max_size=200),
    st.text(max_size=60),
    st.text(max_size=60),
    st.text(max_size=200),
)
def test_any_text_builds_options(skew: str, when: str, words: str, key: str) -> None:
    form = Form(skew=skew, when=when, audiences=words, scopes=words, key=key, issuer=words)
    built = build_options(form, NOW)
    assert built.options.skew >= 0
    assert built.options.device_now == NOW
