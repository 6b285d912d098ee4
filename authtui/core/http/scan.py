"""The lexical pieces of RFC 9110 §11 auth fields, shared by challenges and credentials.

Character classes, a white-space skipper, a stop-set scanner and a quoted-string
reader: each is a hand-written loop or a single-class regex search, so linear in
the input and never raising. Also the evidence helpers both readers use.
"""

from __future__ import annotations

import re
from string import ascii_letters, digits

TCHAR = frozenset(ascii_letters + digits + "!#$%&'*+-.^_`|~")
"""Characters of an RFC 9110 token (§5.6.2)."""
TOKEN68_CHARS = frozenset(ascii_letters + digits + "-._~+/")
"""Characters of a token68 (RFC 9110 §11.2), its trailing ``=`` aside."""
WS = frozenset(" \t\r\n")
NEWLINES = frozenset("\r\n")
STOP_WORD = frozenset(' \t\r\n,="')
"""Where a scheme or parameter name ends."""
STOP_VALUE = frozenset(" \t\r\n,")
"""Where an unquoted parameter value ends."""


def visible(text: str) -> str:
    """Make tabs and line breaks visible in evidence."""
    return text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def is_token(text: str) -> bool:
    """True when ``text`` is a non-empty RFC 9110 token (tchar only)."""
    return bool(text) and all(ch in TCHAR for ch in text)


def skip_ws(text: str, pos: int) -> int:
    """Index of the first character at or after ``pos`` that is not white space."""
    while pos < len(text) and text[pos] in WS:
        pos += 1
    return pos


_STOP_CLASSES: dict[frozenset[str], re.Pattern[str]] = {}
"""One compiled character class per stop set: a single-class search never backtracks."""


def scan_until(text: str, pos: int, stops: frozenset[str]) -> int:
    """Index of the first character at or after ``pos`` that is in ``stops`` (else the end)."""
    pattern = _STOP_CLASSES.get(stops)
    if pattern is None:
        pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(stops)) + "]")
        _STOP_CLASSES[stops] = pattern
    found = pattern.search(text, pos)
    return found.start() if found else max(pos, len(text))


def read_quoted(text: str, pos: int) -> tuple[str, int, bool]:
    """Read a quoted-string starting at ``text[pos] == '"'``.

    Returns the unescaped content, the position after the closing quote, and
    whether the closing quote was found (if not, the rest of the text is taken).
    """
    out: list[str] = []
    i = pos + 1
    n = len(text)
    while i < n:
        quote = text.find('"', i)
        if quote < 0:
            quote = n
        slash = text.find("\\", i, quote)
        if 0 <= slash < quote:
            out.append(text[i:slash])
            if slash + 1 < n:
                out.append(text[slash + 1])
            i = slash + 2
            continue
        out.append(text[i:quote])
        if quote < n:
            return "".join(out), quote + 1, True
        return "".join(out), n, False
    return "".join(out), n, False


def peek(token: str) -> str:
    """A short, safe prefix of a token for evidence (tokens are secrets)."""
    return token if len(token) <= 12 else token[:10] + "…"
