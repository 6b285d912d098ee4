"""The terminal boundary: untrusted text made safe to show.

Pasted text never drives the terminal. Every character of Unicode category Cc
(but newline and tab), Cf (bidirectional controls, zero-width characters, the
soft hyphen...), Zl, Zp, and lone surrogates is shown as a visible escape
(``\\x1b``, ``\\u202e``, ``\\U000e0001``); a CR or CR LF at the end of a line is a
line end, a CR inside a line is escaped (contract: "Terminal safety").

Every path from foreign text to a terminal goes through :func:`printable` (the
text and Markdown renderers, messages on stderr, every widget of the TUI);
:func:`json_safe` is its counterpart for JSON, which writes the same characters
as ``\\uXXXX``. :func:`is_unsafe` is the one definition of the set.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_KEPT = frozenset("\n\t")
_ASCII_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""The ASCII characters :func:`is_unsafe` is true of (CR among them)."""
_LINE_END_CR = re.compile("\r+(?=\n|$)")
"""CRs that end a line: before a newline or at the very end."""


@lru_cache(maxsize=4096)
def is_unsafe(ch: str) -> bool:
    """True for a character that must not reach a terminal as it is.

    Categories Cc (but newline and tab), Cf, Zl, Zp and Cs (lone surrogates).
    """
    if ch in _KEPT:
        return False
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def escape_char(ch: str) -> str:
    """The visible escape of one character: ``\\x1b``, ``\\u202e``, ``\\U000e0001``."""
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _looks_safe(text: str) -> bool:
    """A fast test that holds for most text: nothing to escape at all."""
    if text.isascii():
        return _ASCII_UNSAFE.search(text) is None
    if text.isprintable():
        return True
    # isprintable is false for newline, tab and the Zs spaces too (which are safe):
    # look closer only when one of those is not the whole reason.
    return not any(is_unsafe(ch) for ch in text if not ch.isprintable())


def printable(text: str) -> str:
    """``text`` with every unsafe character shown as a visible escape.

    Newlines and tabs stay; a CR (or several) that ends a line goes, as a line end;
    any other CR is escaped like the rest. Safe text comes back as it is.
    """
    if _looks_safe(text):
        return text
    if "\r" in text:
        text = _LINE_END_CR.sub("", text)
    return "".join(escape_char(ch) if is_unsafe(ch) else ch for ch in text)


def one_line(text: str) -> str:
    """:func:`printable` for a place that holds one line: line breaks shown as ``⏎``."""
    return printable(text).replace("\n", "⏎")


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(text: str) -> str:
    """A JSON document with every unsafe character inside it written as ``\\uXXXX``.

    For text that :func:`json.dumps` wrote with ``ensure_ascii=False``: it escapes
    the C0 controls itself, but writes DEL, C1, Cf, Zl, Zp and lone surrogates raw.
    Structural newlines (indentation) are kept; inside strings there are none.
    """
    if _looks_safe(text):
        return text
    return "".join(_json_escape(ch) if is_unsafe(ch) else ch for ch in text)


@dataclass(frozen=True, slots=True)
class UnsafeText:
    """Where a text holds characters that :func:`printable` has to escape."""

    count: int
    """How many there are in all (a CR that ends a line does not count)."""
    lines: tuple[int, ...]
    """The first few line numbers (1-based) that hold one."""
    kinds: tuple[str, ...]
    """The first few distinct characters, each as its escape and name."""


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if not name and unicodedata.category(ch) == "Cc":
        name = _C0_NAMES.get(ord(ch), "control character")
    return f"{escape_char(ch)} ({name.lower() or 'unnamed'})"


_C0_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}


def find_unsafe(text: str, limit: int = 5) -> UnsafeText | None:
    """What :func:`printable` would escape in ``text``, and on which lines; None if nothing.

    Linear: one fast test of the whole text, then a look at the lines that fail it.
    """
    if _looks_safe(text.replace("\r\n", "\n")) and not text.endswith("\r"):
        return None
    count = 0
    lines: list[int] = []
    kinds: dict[str, None] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if _looks_safe(line):
            continue
        found = [ch for ch in line if is_unsafe(ch)]
        count += len(found)
        if len(lines) < limit:
            lines.append(number)
        for ch in found:
            if len(kinds) >= limit:
                break
            kinds.setdefault(ch)
    if not count:
        return None
    return UnsafeText(count, tuple(lines), tuple(_describe(ch) for ch in kinds))
