"""Where on screen a finding's evidence is: its stretch of the Paste and Token panes,
and the member of the Decoded view, from the core's :class:`~authtui.core.model.Source`.

The core says where the evidence was read (a span of the paste, a segment of the token
under diagnosis, a claim path); this module turns that into what the panes highlight:

- the paste's span as it is (a header line, the status line, a body); when the evidence
  is one segment of the token (``time.expired`` is in the payload) and the span holds the
  token whole, only that segment of it;
- in the Token pane, that segment, when the token under diagnosis is the one typed there;
- the top-level member of the header or the claims (``claims.exp``).

Nothing is guessed: a finding without a source highlights nothing, and a token that is
not found as it was read (folded over lines) highlights its span, not a segment.

Textual-free, so it is tested like the core.
"""

from __future__ import annotations

from dataclasses import dataclass

from authtui.core.model import Token, TokenForm
from authtui.core.place import Source, TokenPart

Stretch = tuple[int, int]
"""``(start, end)`` offsets into a pane's text."""


@dataclass(frozen=True, slots=True)
class Places:
    """What each pane highlights for one finding (``None``/empty: nothing)."""

    paste: Stretch | None = None
    token: Stretch | None = None
    member: tuple[str, str] | None = None
    """``("claims", "exp")`` or ``("header", "kid")``: the Decoded view's row."""


NOWHERE = Places()
_COMPACT = (TokenForm.JWS, TokenForm.JWE, TokenForm.UNSECURED)


_B64URL_OR_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def segment_stretch(compact: str, part: TokenPart) -> Stretch | None:
    """Where ``part`` lies in a compact token's text (a JWE's payload: from its encrypted
    key to its ciphertext; its signature: the tag), or ``None`` when it has no such part."""
    pieces = compact.split(".")
    if len(pieces) < 2:
        return None
    starts = []
    offset = 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece) + 1
    ends = [start + len(piece) for start, piece in zip(starts, pieces, strict=True)]
    if part is TokenPart.HEADER:
        return (starts[0], ends[0])
    if part is TokenPart.SIGNATURE:
        return (starts[-1], ends[-1]) if len(pieces) >= 3 and pieces[-1] else None
    last = len(pieces) - 2 if len(pieces) >= 3 else len(pieces) - 1
    return (starts[1], ends[last])


def _in(text: str, token: Token, part: TokenPart | None, within: Stretch) -> Stretch | None:
    """The segment's stretch in ``text``, looking for the token inside ``within`` only.

    The report's token may be redacted (its signature hidden), so the token is found by
    its header segment, which is never secret, and read from the text itself."""
    if part is None or not token.segments or token.form not in _COMPACT:
        return None
    found = text.find(token.segments[0] + ".", within[0], within[1])
    if found < 0:
        return None
    end = found
    while end < within[1] and text[end] in _B64URL_OR_DOT:
        end += 1
    stretch = segment_stretch(text[found:end], part)
    if stretch is None:
        return None
    return (found + stretch[0], found + stretch[1])


def places(source: Source | None, token: Token | None, paste_text: str, token_text: str) -> Places:
    """What each pane highlights for evidence read at ``source``; ``token`` is the token
    under diagnosis (the report's), the texts are the two editors' as diagnosed."""
    if source is None:
        return NOWHERE
    paste: Stretch | None = None
    in_token_pane: Stretch | None = None
    part = source.token_part
    if source.paste is not None:
        span = source.paste
        start, end = max(0, span.start), min(len(paste_text), span.end)
        if start < end:
            paste = (start, end)
            if token is not None:
                paste = _in(paste_text, token, part, paste) or paste
    elif token is not None and token.span is not None:  # a segment, read in the paste
        paste = _in(paste_text, token, part, (token.span.start, token.span.end))
    elif token is not None:  # the token given on its own
        in_token_pane = _in(token_text, token, part, (0, len(token_text)))
    member = None
    if len(source.claim) >= 2 and source.claim[0] in ("claims", "header"):
        member = (source.claim[0], source.claim[1])
    return Places(paste=paste, token=in_token_pane, member=member)
