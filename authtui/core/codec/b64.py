"""Lenient base64url, as JOSE uses it (RFC 7515 §2, RFC 4648 §5).

JOSE writes base64url without ``=`` padding and without white space. People paste
tokens that carry padding or the standard alphabet (``+`` ``/``); we read those and
say so, and we name the first character that is not base64 at all.
"""

from __future__ import annotations

import base64
import binascii
import re

from authtui.core.model import Note

_NOT_B64 = re.compile(r"[^A-Za-z0-9_\-+/=]")
"""The first character outside both alphabets (and padding). One class, no backtracking."""

_EVIDENCE_MAX = 40


def _describe(char: str) -> str:
    """A character named so that invisible ones show."""
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f"U+{ord(char):04X}"


def _excerpt(text: str, offset: int) -> str:
    """A short piece of ``text`` around ``offset`` for a note's evidence."""
    start = max(0, offset - _EVIDENCE_MAX // 2)
    piece = text[start : start + _EVIDENCE_MAX]
    return ("…" if start else "") + piece + ("…" if start + _EVIDENCE_MAX < len(text) else "")


def _padding_notes(text: str) -> tuple[str, list[Note], Note | None]:
    """Strip trailing ``=``; a ``=`` anywhere else is an invalid character."""
    body = text.rstrip("=")
    pad = len(text) - len(body)
    inner = body.find("=")
    if inner >= 0:
        note = Note(
            "token.bad_base64",
            f"'=' at offset {inner} is padding in the middle of the text; base64url has none.",
            _excerpt(text, inner),
        )
        return body, [], note
    notes: list[Note] = []
    if pad:
        notes.append(
            Note(
                "token.padding",
                f"{pad} '=' padding character(s) at the end; JOSE base64url is written "
                "without padding (RFC 7515 §2).",
                text[-min(len(text), 12) :],
            )
        )
    return body, notes, None


def decode_b64url(text: str) -> tuple[bytes | None, tuple[Note, ...]]:
    """Decode base64url leniently.

    Padding and the standard alphabet are accepted with a note (``token.padding``,
    ``token.std_alphabet``). An invalid character or an impossible length gives
    ``None`` and a ``token.bad_base64`` note that names the character and its offset.
    Never raises; linear in the length of ``text``.
    """
    bad = _NOT_B64.search(text)
    if bad is not None:
        offset = bad.start()
        return None, (
            Note(
                "token.bad_base64",
                f"{_describe(bad.group())} at offset {offset} is not a base64url character.",
                _excerpt(text, offset),
            ),
        )
    body, notes, fatal = _padding_notes(text)
    if fatal is not None:
        return None, (fatal,)
    if "+" in body or "/" in body:
        first = min(i for i in (body.find("+"), body.find("/")) if i >= 0)
        notes.append(
            Note(
                "token.std_alphabet",
                f"standard base64 ('+' or '/', first at offset {first}) instead of "
                "base64url ('-' and '_'); JOSE uses base64url (RFC 7515 §2).",
                _excerpt(text, first),
            )
        )
        body = body.replace("+", "-").replace("/", "_")
    if len(body) % 4 == 1:
        return None, (
            *notes,
            Note(
                "token.bad_base64",
                f"a length of {len(body)} characters is impossible in base64url (one "
                "character too many or too few: the text may be cut short).",
                _excerpt(body, len(body)),
            ),
        )
    try:
        data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:  # not reachable after the checks above
        return None, (*notes, Note("token.bad_base64", f"not base64url: {exc}.", ""))
    return data, tuple(notes)


def encode_b64url(data: bytes) -> str:
    """Encode bytes as unpadded base64url (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
