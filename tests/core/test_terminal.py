"""The terminal boundary, over every code point (contract: "Terminal safety")."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.safety.terminal import escape_char, is_unsafe, json_safe, one_line, printable

UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def _expected_unsafe(ch: str) -> bool:
    return ch not in "\n\t" and unicodedata.category(ch) in UNSAFE_CATEGORIES


ALL = [chr(code) for code in range(sys.maxunicode + 1)]
UNSAFE = [ch for ch in ALL if _expected_unsafe(ch)]


def test_the_unsafe_set_is_exactly_the_contracts_categories() -> None:
    wrong = [hex(ord(ch)) for ch in ALL if is_unsafe(ch) != _expected_unsafe(ch)]
    assert wrong == []


def test_every_unsafe_code_point_is_shown_as_its_escape() -> None:
    # One string holding every unsafe character, each between two letters.
    text = "".join(f"a{ch}b" for ch in UNSAFE if ch != "\r")
    shown = printable(text)
    assert not any(is_unsafe(ch) for ch in shown)
    assert shown == "".join(f"a{escape_char(ch)}b" for ch in UNSAFE if ch != "\r")


def test_every_safe_code_point_is_kept_as_it_is() -> None:
    safe = "".join(ch for ch in ALL if not _expected_unsafe(ch))
    assert printable(safe) == safe


@pytest.mark.parametrize(
    ("char", "escape"),
    [
        ("\x1b", "\\x1b"),
        ("\x9b", "\\x9b"),
        ("\x7f", "\\x7f"),
        ("\x00", "\\x00"),
        ("\u202e", "\\u202e"),
        ("\u2066", "\\u2066"),
        ("\u200b", "\\u200b"),
        ("\u00ad", "\\xad"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
        ("\ud800", "\\ud800"),
        ("\U000e0001", "\\U000e0001"),
    ],
)
def test_escapes_are_what_a_person_can_read(char: str, escape: str) -> None:
    assert printable(f"x{char}y") == f"x{escape}y"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\r\n", "a\n"),
        ("a\r", "a"),
        ("a\r\r\nb", "a\nb"),
        ("a\rb", "a\\x0db"),
        ("HTTP/1.1 401 x\rEvil", "HTTP/1.1 401 x\\x0dEvil"),
        ("tab\there\nnext", "tab\there\nnext"),
    ],
)
def test_a_cr_ends_a_line_only_at_its_end(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_an_attack_in_a_reason_phrase_is_inert() -> None:
    attack = "Unauthorized\x1b]52;c;cHduZWQ=\x07\x1b[2J"
    assert printable(attack) == "Unauthorized\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J"


def test_bidi_override_cannot_reorder_a_word() -> None:
    assert printable("\u202enimda") == "\\u202enimda"


def test_one_line_shows_line_breaks() -> None:
    assert one_line("a\nb\x1b") == "a⏎b\\x1b"


def test_json_writes_every_unsafe_code_point_as_u_escapes() -> None:
    # Separated, so that a high and a low surrogate do not read back as one pair.
    value = "a".join(UNSAFE)
    text = json_safe(json.dumps({"v": value}, ensure_ascii=False))
    assert not any(is_unsafe(ch) for ch in text)
    assert json.loads(text)["v"] == value


def test_json_keeps_other_text_and_its_structure() -> None:
    document = json.dumps({"é": ["ü", "日本"], "n": 1}, ensure_ascii=False, indent=2)
    assert json_safe(document) == document


@given(st.text())
def test_nothing_unsafe_survives_any_text(text: str) -> None:
    assert not any(is_unsafe(ch) for ch in printable(text))


@given(st.text())
def test_json_safe_round_trips_any_text(text: str) -> None:
    dumped = json_safe(json.dumps(text, ensure_ascii=False))
    assert not any(is_unsafe(ch) for ch in dumped)
    assert json.loads(dumped) == text
