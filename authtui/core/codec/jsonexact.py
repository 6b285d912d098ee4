"""JSON read and written back exactly, for JOSE headers and JWT claims.

Values keep their meaning and their text: integers stay exact beyond 2**53, a
float whose text does not survive ``float`` (``1e400``, ``0.1000000000000000001``,
``1.0e2``) is kept as a :class:`JsonNumber` (a :class:`decimal.Decimal` that
remembers its text). Duplicate keys are noted; the last value wins, as most JSON
libraries do.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from authtui.core.model import Note

MAX_INT_DIGITS = 4000
"""Longer integers are kept as :class:`JsonNumber` (Python refuses to convert
more than 4300 digits, and such a number is no use as an int anyway)."""


class JsonNumber(Decimal):
    """A JSON number kept as the exact text it was written with."""

    text: str

    def __new__(cls, text: str) -> JsonNumber:
        """Build from the number's JSON text."""
        self = super().__new__(cls, text)
        self.text = text
        return self


def _excerpt(text: str, pos: int, width: int = 30) -> str:
    start = max(0, pos - width // 2)
    return (
        ("…" if start else "")
        + text[start : start + width]
        + ("…" if start + width < len(text) else "")
    )


class _Reader:
    """One parse: collects notes while ``json`` calls back."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def note(self, code: str, message: str, evidence: str = "") -> None:
        if len(self.notes) < 20:  # a hostile payload could repeat a key thousands of times
            self.notes.append(Note(code, message, evidence))

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                self.note(
                    "token.duplicate_key",
                    f'the key "{key}" appears more than once; the last value is used here, '
                    "as most libraries do, but some use the first or reject the token "
                    "(RFC 7515 §4, RFC 7519 §4).",
                    key,
                )
            result[key] = value
        return result

    def number(self, text: str) -> float | JsonNumber:
        value = float(text)
        if math.isinf(value):
            self.note(
                "token.big_number",
                f"the number {text[:40]} is too large for a 64-bit float; most libraries "
                "read it as infinity or reject it. Kept here as written.",
                text[:40],
            )
            return JsonNumber(text)
        if json.dumps(value) == text:
            return value
        return JsonNumber(text)

    def integer(self, text: str) -> int | JsonNumber:
        if len(text) > MAX_INT_DIGITS:
            self.note(
                "token.big_number",
                f"an integer of {len(text)} digits; kept as written.",
                text[:40] + "…",
            )
            return JsonNumber(text)
        return int(text)

    def constant(self, text: str) -> Any:
        raise ValueError(f"{text} is not JSON (RFC 8259 §6)")


def _decode_utf8(data: bytes, reader: _Reader) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        reader.note(
            "token.not_utf8",
            f"byte {data[exc.start : exc.start + 1]!r} at offset {exc.start} is not UTF-8; "
            "shown with U+FFFD in its place (JOSE requires UTF-8, RFC 7515 §2).",
            repr(data[max(0, exc.start - 8) : exc.start + 8]),
        )
        return data.decode("utf-8", errors="replace")


def _kind(value: Any) -> str:
    """JSON's name for a value's type."""
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "a number"


def parse_json_object(data: bytes) -> tuple[dict[str, Any] | None, tuple[Note, ...]]:
    """Parse bytes that should hold one JSON object, keeping values exact.

    Returns the object (``None`` when unreadable or not an object) and notes:
    ``token.not_utf8``, ``token.not_json`` (with the error position),
    ``token.too_deep``, ``token.payload_not_object``, ``token.duplicate_key``,
    ``token.big_number``. Never raises.
    """
    reader = _Reader()
    text = _decode_utf8(data, reader)
    try:
        value = json.loads(
            text,
            object_pairs_hook=reader.pairs,
            parse_float=reader.number,
            parse_int=reader.integer,
            parse_constant=reader.constant,
        )
    except json.JSONDecodeError as exc:
        reader.note(
            "token.not_json",
            f"not JSON: {exc.msg} (offset {exc.pos}, line {exc.lineno}, column {exc.colno}).",
            _excerpt(text, exc.pos),
        )
        return None, tuple(reader.notes)
    except RecursionError:
        reader.note(
            "token.too_deep",
            "the JSON is nested too deeply to read; no issuer writes such a token.",
            text[:30] + "…",
        )
        return None, tuple(reader.notes)
    except (ValueError, InvalidOperation) as exc:
        reader.note("token.not_json", f"not JSON: {exc}.", text[:30])
        return None, tuple(reader.notes)
    if not isinstance(value, dict):
        reader.note(
            "token.payload_not_object",
            f"the JSON is {_kind(value)}, not an object.",
            _excerpt(text, 0),
        )
        return None, tuple(reader.notes)
    return value, tuple(reader.notes)


def _number_text(value: Any) -> str | None:
    """JSON text for a number (bool excluded), or None when ``value`` is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, JsonNumber):
        return value.text
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value) if math.isfinite(value) else json.dumps(str(value))
    return None


def _dump(value: Any, indent: str | None, level: int, out: Callable[[str], None]) -> None:
    number = _number_text(value)
    if number is not None:
        out(number)
        return
    if isinstance(value, dict):
        _dump_items([(str(k), v) for k, v in value.items()], "{}", indent, level, out)
    elif isinstance(value, list | tuple):
        _dump_items([(None, v) for v in value], "[]", indent, level, out)
    else:
        out(
            json.dumps(
                value if value is None or isinstance(value, bool | str) else str(value),
                ensure_ascii=False,
            )
        )


def _dump_items(
    items: list[tuple[str | None, Any]],
    brackets: str,
    indent: str | None,
    level: int,
    out: Callable[[str], None],
) -> None:
    if not items:
        out(brackets)
        return
    out(brackets[0])
    inner = "" if indent is None else "\n" + indent * (level + 1)
    separator = ", " if indent is None else ","
    for i, (key, item) in enumerate(items):
        out((separator if i else "") + inner)
        if key is not None:
            out(json.dumps(key, ensure_ascii=False) + ": ")
        _dump(item, indent, level + 1, out)
    out(("" if indent is None else "\n" + indent * level) + brackets[1])


def dumps_exact(value: Any, indent: int | None = 2) -> str:
    """Serialise JSON values as read by :func:`parse_json_object`, numbers exactly.

    ``3.0`` stays ``3.0``, ``2**64`` stays exact, a :class:`JsonNumber` is written
    as its original text. Non-ASCII text is kept (``ensure_ascii=False``). Values
    JSON cannot hold are written as strings. Never raises.
    """
    parts: list[str] = []
    try:
        _dump(value, None if indent is None else " " * indent, 0, parts.append)
    except RecursionError:
        return '"(nested too deeply to show)"'
    return "".join(parts)
