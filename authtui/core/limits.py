"""Size limits the readers keep to, so any paste is read in bounded, linear time."""

from __future__ import annotations

from typing import Final

MAX_PASTE_CHARS: Final = 8 * 1024 * 1024
"""Characters of a paste that are read; the rest is ignored (note ``paste.truncated``)."""

MAX_TOKEN_CHARS: Final = 1024 * 1024
"""Longest word still offered as a token. Real tokens stay far below this; a
longer word is noise (over 8 KiB is already ``token.too_large``)."""

MAX_TOKENS: Final = 32
"""Most standalone tokens kept from one paste."""

MAX_EXCHANGES: Final = 500
"""Most exchanges kept from one paste (a HAR file or a long transcript)."""

MAX_QUOTE_SPAN: Final = 1024 * 1024
"""Characters, over a whole paste, that quotes in pasted shell commands (a curl
command's ``--data '{...}'``) may run over line breaks; past it a quote closes at its
line's end, so a stray quote cannot make reading quadratic."""

MAX_NOTES_PER_CODE: Final = 5
"""Notes listed per note code; the rest are counted in one summary note."""

SHOWN_CHALLENGES: Final = 100
"""Challenges a report lists in full; every challenge is still read and checked, and
the report keeps their exact count (``Report.totals``)."""

SHOWN_HEADERS: Final = 100
"""Request headers, and response headers, a report lists in full (the rest are read,
checked and counted, not listed)."""

SHOWN_FINDINGS_PER_CODE: Final = 10
"""Findings of one code a report lists (the highest ranked); the rest are counted."""

MAX_CREDENTIALS_PER_FIELD: Final = SHOWN_HEADERS
"""Credentials read from each kind of field (``Authorization``, ``Proxy-Authorization``,
each non-standard token header, the query, the form), in order; the rest are counted.
At least :data:`SHOWN_HEADERS`, so every credential in a listed header is read."""

EVIDENCE_CHARS: Final = 120
"""Longest evidence string in a note before it is shortened."""


def clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """Shorten ``text`` to at most ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"
