"""Lenient base64url: padding, standard alphabet, invalid characters."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.codec.b64 import decode_b64url, encode_b64url

CASES = [
    # (id, text, expected bytes or None, expected note codes)
    ("plain", "aGVsbG8", b"hello", []),
    ("empty", "", b"", []),
    ("padded", "aGVsbG8=", b"hello", ["token.padding"]),
    ("double-padded", "aGk==", b"hi", ["token.padding"]),
    ("urlsafe-chars", "-_8", b"\xfb\xff", []),
    ("std-alphabet", "+/8", b"\xfb\xff", ["token.std_alphabet"]),
    ("std-and-padding", "+/8=", b"\xfb\xff", ["token.padding", "token.std_alphabet"]),
    ("bad-char", "aGV!sbG8", None, ["token.bad_base64"]),
    ("space", "aGV sbG8", None, ["token.bad_base64"]),
    ("inner-padding", "aG=VsbG8", None, ["token.bad_base64"]),
    ("impossible-length", "aGVsb", None, ["token.bad_base64"]),
    ("non-ascii", "aGVé", None, ["token.bad_base64"]),
]


@pytest.mark.parametrize(
    ("text", "expected", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_decode_table(text: str, expected: bytes | None, codes: list[str]) -> None:
    data, notes = decode_b64url(text)
    assert data == expected
    assert [n.code for n in notes] == codes


def test_bad_char_names_character_and_offset() -> None:
    _, notes = decode_b64url("abcd*efg")
    assert "'*'" in notes[0].message
    assert "offset 4" in notes[0].message


def test_invisible_char_is_named_by_code_point() -> None:
    _, notes = decode_b64url("ab\x00d")
    assert "U+0000" in notes[0].message
    assert "offset 2" in notes[0].message


def test_encode_is_unpadded_urlsafe() -> None:
    assert encode_b64url(b"\xfb\xff") == "-_8"
    assert encode_b64url(b"hi") == "aGk"


@given(st.binary(max_size=200))
def test_round_trip(data: bytes) -> None:
    text = encode_b64url(data)
    assert decode_b64url(text) == (data, ())
    padded = base64.b64encode(data).decode()
    assert decode_b64url(padded)[0] == data


@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    data, notes = decode_b64url(text)
    assert data is not None or any(n.code == "token.bad_base64" for n in notes)


def test_large_input_is_quick() -> None:
    data, _ = decode_b64url("a" * 4_000_000)
    assert data is not None and len(data) == 3_000_000
