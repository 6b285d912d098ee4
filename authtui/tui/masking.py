"""Tokens masked where a room can see them: presenter mode's editors.

A projected screen is photographed. In presenter mode the Paste and Token
editors draw each token with its first and last characters only, the rest as
``•``: one ``•`` per character, so the drawing keeps the text's length and
every column the editor computes (cursor, selection, wrapping) stays right.
The text itself is untouched: the diagnosis reads it whole.

What is masked: a JWT or JWE (``eyJ…`` with its dots), the credential after a
``Bearer``, ``DPoP`` or ``Basic`` scheme (not a challenge's ``realm="..."``), and any other run
of 32 or more base64url characters (opaque tokens, hex secrets). Textual-free,
so it is tested like the core.
"""

from __future__ import annotations

import re

KEEP_START = 8
"""Characters shown at a token's start: enough to tell two tokens apart."""
KEEP_END = 4
"""Characters shown at its end."""
MASK = "•"

_TOKEN = re.compile(
    r"(?P<scheme>\b(?:bearer|dpop|basic)\s+)?"
    r"(?P<token>eyJ[A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]*){1,4}"  # a JWS (3 parts) or JWE (5)
    r"|(?(scheme)[^\s,;\"'=]{8,}=*(?=[\s,;]|$)|[A-Za-z0-9_\-+/=]{32,}))",
    re.IGNORECASE,
)


def _masked(token: str) -> str:
    """A short token keeps less: a fifth at most at its start, a tenth at its end."""
    start = min(KEEP_START, len(token) // 5)
    end = min(KEEP_END, len(token) // 10)
    return token[:start] + MASK * (len(token) - start - end) + token[len(token) - end :]


def mask_tokens(line: str) -> str:
    """The line with each token's middle drawn as ``•`` (same length)."""
    if len(line) < 8:
        return line
    return _TOKEN.sub(lambda m: (m.group("scheme") or "") + _masked(m.group("token")), line)
