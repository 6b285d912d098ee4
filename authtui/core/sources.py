"""Where a finding's evidence came from, built from what a check holds.

A check quotes a header, a status line, a claim or a key; these helpers turn the thing
quoted into a :class:`~authtui.core.place.Source` (its stretch of the paste, its place
in the token, its key). Each returns ``None`` when the thing has no place to point at
(a header no line of the paste holds, a token given on its own with no claim named):
a finding never carries a made-up place.

Claims and token segments always refer to the token under diagnosis (``ctx.token``,
the report's token): pass only that token to :func:`claim`, :func:`jose_header` and
:func:`segment`; for another token (a DPoP proof, the ID token of a token endpoint's
answer), :func:`paste` of its span says where it was read.
"""

from __future__ import annotations

from authtui.core.model import Challenge, Credentials, Exchange, Header, Token
from authtui.core.place import Source, Span, TokenPart


def paste(span: Span | None) -> Source | None:
    """A stretch of the paste, or ``None``."""
    return Source(paste=span) if span is not None else None


def header(found: Header | None) -> Source | None:
    """The line of a header field."""
    return paste(found.span) if found is not None else None


def field(exchange: Exchange, name: str, *, request: bool = False) -> Source | None:
    """The line of the first response (or request) header called ``name``."""
    wanted = name.lower()
    headers = exchange.request_headers if request else exchange.response_headers
    return header(next((h for h in headers if h.key == wanted), None))


def status(exchange: Exchange) -> Source | None:
    """The status line."""
    return paste(exchange.status_line)


def request_line(exchange: Exchange) -> Source | None:
    """The request line."""
    return paste(exchange.request_line)


def body(exchange: Exchange) -> Source | None:
    """The response body."""
    return paste(exchange.body_span)


def challenge(found: Challenge | None) -> Source | None:
    """The line of the field that holds a challenge."""
    return paste(found.span) if found is not None else None


def credentials(found: Credentials | None) -> Source | None:
    """Where credentials travelled: their header line (the request line for the query)."""
    return paste(found.span) if found is not None else None


def token(found: Token | None) -> Source | None:
    """Where a token was read in the paste (no place inside it)."""
    return paste(found.span) if found is not None else None


def segment(found: Token | None, part: TokenPart) -> Source | None:
    """A segment of the token under diagnosis, with where the token was read."""
    if found is None:
        return None
    return Source(paste=found.span, token_part=part)


def claim(found: Token | None, *path: str) -> Source | None:
    """A claim of the token under diagnosis (``claim(token, "aud")``, nested:
    ``claim(token, "realm_access", "roles")``), with where the token was read."""
    if found is None or not path:
        return None
    return Source(paste=found.span, token_part=TokenPart.PAYLOAD, claim=("claims", *path))


def jose_header(found: Token | None, name: str) -> Source | None:
    """A member of the JOSE header of the token under diagnosis (``kid``, ``alg``)."""
    if found is None:
        return None
    return Source(paste=found.span, token_part=TokenPart.HEADER, claim=("header", name))


def key(label: str, found: Token | None = None, name: str = "") -> Source | None:
    """A key input, by its label; with ``name``, also the JOSE header member of the
    token under diagnosis the key was chosen by (``kid``, ``alg``)."""
    if not label and found is None:
        return None
    inside = jose_header(found, name) if name else segment(found, TokenPart.SIGNATURE)
    if inside is None:
        return Source(key=label)
    return Source(paste=inside.paste, token_part=inside.token_part, claim=inside.claim, key=label)


def first(*sources: Source | None) -> Source | None:
    """The first of ``sources`` that has a place."""
    return next((s for s in sources if s is not None), None)
