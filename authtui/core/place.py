"""Where a thing was read: a stretch of the paste, a segment of the token, a claim path,
a key input. Below the model (which uses it); imports only the standard library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Span(NamedTuple):
    """A stretch of the pasted text: where a header line, a status line, a token or a
    HAR entry's field was read. A tuple, as one is built per header read."""

    start: int
    """Offset of its first character in the text given to the reader (Python string
    indices: code points, a CR LF counted as two)."""
    end: int
    """Offset just after its last character (``text[start:end]`` is the stretch)."""
    line: int
    """1-based number of the line it starts on (lines end at LF, CR LF or a lone CR)."""


class TokenPart(StrEnum):
    """A segment of a compact token (contract: a finding's ``source.token_part``)."""

    HEADER = "header"
    """The JOSE header (``alg``, ``kid``, ``typ``...)."""
    PAYLOAD = "payload"
    """The claims (or a JWE's encrypted key and content, seen as a whole)."""
    SIGNATURE = "signature"


def _path_key(name: str) -> str:
    if name and all(c.isascii() and (c.isalnum() or c in "_-$") for c in name):
        return "." + name
    return f"[{json.dumps(name, ensure_ascii=False)}]"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a finding's evidence came from, as far as it is known, for every front end
    (the TUI highlights it, ``compare`` and the JSON report name it).

    Any of the places may be set together: ``time.expired`` of a token sent in the
    Authorization header has the header's line in the paste, the payload and the claim
    ``claims.exp``. A finding whose evidence has no place carries no source at all
    (``Finding.source`` is ``None``), never a guessed one.
    """

    paste: Span | None = None
    """The stretch of the paste: a header line (the whole line), the status or request
    line, the body, a token on lines of its own, a HAR entry's field."""
    token_part: TokenPart | None = None
    """The segment of the token under diagnosis (``Report.token``) the evidence is in."""
    claim: tuple[str, ...] = ()
    """The path of the member in that token: ``("claims", "aud")``, ``("header", "kid")``,
    ``("claims", "realm_access", "roles")``; empty when the evidence is no one member."""
    key: str = ""
    """The key input the evidence came from, by its label (a file name, ``workshop
    key``), when a key is the evidence."""

    @property
    def line(self) -> int | None:
        """The 1-based line of the paste where the evidence starts, if it is in the paste."""
        return self.paste.line if self.paste is not None else None

    @property
    def claim_path(self) -> str:
        """The claim path as text: ``claims.aud``, ``header.kid``,
        ``claims["https://example.com/roles"]`` for a name that is no plain word; ``""``
        when there is none."""
        if not self.claim:
            return ""
        head, *rest = self.claim
        return head + "".join(_path_key(name) for name in rest)
