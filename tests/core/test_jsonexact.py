"""Exact JSON: big integers, float text, duplicate keys, depth, non-objects."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.codec.jsonexact import JsonNumber, dumps_exact, parse_json_object
from tests.strategies import nested

EXACT = [
    # (id, JSON text, key, expected value)
    ("big-int", '{"n": 18446744073709551616}', "n", 2**64),
    ("float-3.0", '{"n": 3.0}', "n", 3.0),
    ("float-0.1", '{"n": 0.1}', "n", 0.1),
    ("exp-float", '{"n": 1735689600.5}', "n", 1735689600.5),
    ("negative-zero", '{"n": -0.0}', "n", -0.0),
    ("unicode", '{"n": "caf\\u00e9 ☕"}', "n", "café ☕"),
]


@pytest.mark.parametrize(
    ("text", "key", "value"), [c[1:] for c in EXACT], ids=[c[0] for c in EXACT]
)
def test_values_are_exact(text: str, key: str, value: Any) -> None:
    obj, notes = parse_json_object(text.encode())
    assert obj is not None and notes == ()
    assert obj[key] == value and type(obj[key]) is type(value)


ROUND_TRIP = [
    '{"n": 18446744073709551616}',
    '{"n": 3.0}',
    '{"n": 1e400}',
    '{"n": 1.0e2}',
    '{"n": 0.10000000000000000001}',
    '{"a": [1, {"b": null, "c": true}, []], "d": {}}',
    '{"s": "é and \\" and \\\\"}',
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_dumps_exact_reproduces_text(text: str) -> None:
    obj, _ = parse_json_object(text.encode())
    assert dumps_exact(obj, indent=None) == text


def test_dumps_exact_indent_matches_json_module() -> None:
    value = {"a": [1, 2.5, {"b": "x"}], "c": {}, "d": [], "e": "é"}
    assert dumps_exact(value) == json.dumps(value, indent=2, ensure_ascii=False)
    assert dumps_exact(value, indent=None) == json.dumps(value, ensure_ascii=False)


def test_big_float_is_kept_and_noted() -> None:
    obj, notes = parse_json_object(b'{"exp": 1e400}')
    assert obj is not None
    assert isinstance(obj["exp"], JsonNumber) and obj["exp"] == Decimal("1e400")
    assert [n.code for n in notes] == ["token.big_number"]


def test_non_round_trip_float_is_decimal() -> None:
    obj, notes = parse_json_object(b'{"n": 1.0e2}')
    assert obj is not None and isinstance(obj["n"], Decimal) and notes == ()


def test_huge_integer_is_kept_as_text() -> None:
    digits = "7" * 5000
    obj, notes = parse_json_object(f'{{"n": {digits}}}'.encode())
    assert obj is not None and dumps_exact(obj, indent=None) == f'{{"n": {digits}}}'
    assert [n.code for n in notes] == ["token.big_number"]


def test_duplicate_key_last_wins_and_is_noted() -> None:
    obj, notes = parse_json_object(b'{"sub": "alice", "sub": "admin"}')
    assert obj == {"sub": "admin"}
    assert [n.code for n in notes] == ["token.duplicate_key"]
    assert '"sub"' in notes[0].message and "last" in notes[0].message


def test_duplicate_key_in_nested_object() -> None:
    obj, notes = parse_json_object(b'{"a": {"x": 1, "x": 2}}')
    assert obj == {"a": {"x": 2}}
    assert notes[0].evidence == "x"


BAD = [
    # (id, bytes, expected note codes)
    ("array", b"[1, 2]", ["token.payload_not_object"]),
    ("string", b'"eyJ"', ["token.payload_not_object"]),
    ("number", b"42", ["token.payload_not_object"]),
    ("not-json", b"{alg: RS256}", ["token.not_json"]),
    ("empty", b"", ["token.not_json"]),
    ("truncated", b'{"alg": "RS2', ["token.not_json"]),
    ("nan", b'{"exp": NaN}', ["token.not_json"]),
    ("deep", b"[" * 100_000, ["token.too_deep"]),
    ("latin1", b'{"name": "caf\xe9"}', ["token.not_utf8"]),
    ("latin1-broken", b"{\xff}", ["token.not_utf8", "token.not_json"]),
]


@pytest.mark.parametrize(("data", "codes"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_is_noted(data: bytes, codes: list[str]) -> None:
    obj, notes = parse_json_object(data)
    assert [n.code for n in notes] == codes
    if "token.not_utf8" not in codes or "token.not_json" in codes:
        assert obj is None


def test_not_utf8_still_shows_the_object() -> None:
    obj, notes = parse_json_object(b'{"name": "caf\xe9"}')
    assert obj == {"name": "caf\ufffd"}
    assert "offset 13" in notes[0].message


def test_json_error_names_the_position() -> None:
    _, notes = parse_json_object(b'{"a": 1,}')
    assert "offset 8" in notes[0].message


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    obj, notes = parse_json_object(data)
    assert obj is not None or notes


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    obj, _ = parse_json_object(text.encode("utf-8", "surrogatepass"))
    if obj is not None:
        dumps_exact(obj)


json_values = nested(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_round_trip_through_json_module(value: dict[str, Any]) -> None:
    text = json.dumps(value, ensure_ascii=False)
    obj, notes = parse_json_object(text.encode())
    assert obj == value and notes == ()
    assert dumps_exact(obj, indent=None) == text
