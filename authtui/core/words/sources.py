"""What the server said, in words: every error message of a response, with its place.

:func:`error_texts` gathers the ``error_description`` (and non-standard ``error``)
of each challenge (``WWW-Authenticate`` and ``Proxy-Authenticate``), the error
headers (``X-Error*``, ``grpc-message``, ``x-amzn-ErrorType``, ``x-ms-error-code``
and kin), a custom reason phrase, and the messages of the response body in any
shape (:mod:`.bodies`). Nothing here raises on the input; everything is bounded
(:data:`~.bodies.BODY_CAP`, :data:`~.bodies.TEXT_CAP`, :data:`MAX_TEXTS`) and linear.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from http import HTTPStatus
from urllib.parse import unquote

from authtui.core.model import Challenge, Exchange
from authtui.core.words.bodies import ServerText, body_texts, clean

MAX_TEXTS = 48
"""Most messages returned for one exchange."""

RFC6750_ERRORS = frozenset({"invalid_request", "invalid_token", "insufficient_scope"})
"""Error codes another area reports (``challenge.*``); not repeated as server words."""

_CHALLENGE_HEADERS = ("www-authenticate", "proxy-authenticate", "www-authentication")
_WORD_HEADERS = frozenset(
    {"grpc-message", "x-reason", "x-auth-reason", "x-status-reason", "x-failure-reason"}
)
"""Headers that carry a message without saying ``error`` in their name."""
_NOT_WORDS = ("-id", "-uri", "-url", "-link")
"""``X-Error-Id``, ``X-Error-Uri``: references, not words."""


def error_texts(exchange: Exchange, challenges: Sequence[Challenge]) -> list[ServerText]:
    """Every human or machine message the server gave, in order, without duplicates."""
    found: list[ServerText] = []
    seen: set[tuple[str, str]] = set()
    for item in _all_texts(exchange, challenges):
        text = clean(item.text)
        key = (item.where, text)
        if not text or key in seen:
            continue
        seen.add(key)
        found.append(ServerText(item.where, text, item.span))
        if len(found) >= MAX_TEXTS:
            break
    return found


def _all_texts(exchange: Exchange, challenges: Sequence[Challenge]) -> Iterator[ServerText]:
    yield from _challenge_texts(challenges)
    yield from _raw_challenge_texts(exchange, challenges)
    yield from _header_texts(exchange)
    yield from _reason_text(exchange)
    body = exchange.body_span
    for item in body_texts(exchange.body):
        yield replace(item, span=body) if body is not None else item


def _challenge_texts(challenges: Sequence[Challenge]) -> Iterator[ServerText]:
    for challenge in challenges:
        description = challenge.params.get("error_description")
        if description:
            yield ServerText(
                f"{challenge.field_name} error_description", description, challenge.span
            )
        error = challenge.params.get("error")
        if error and error.strip().lower() not in RFC6750_ERRORS:
            yield ServerText(f"{challenge.field_name} error", error, challenge.span)


def _raw_challenge_texts(
    exchange: Exchange, challenges: Sequence[Challenge]
) -> Iterator[ServerText]:
    """``error_description`` read straight from challenge fields the parser missed."""
    known = {c.params.get("error_description", "") for c in challenges}
    for header in exchange.response_headers:
        if header.key not in _CHALLENGE_HEADERS:
            continue
        value = _raw_description(header.value)
        if value and value not in known:
            yield ServerText(f"{header.name} error_description", value, header.span)


def _raw_description(value: str) -> str:
    """The value after ``error_description`` (``=`` optional, quotes optional)."""
    start = value.lower().find("error_description")
    if start < 0:
        return ""
    rest = value[start + len("error_description") :].lstrip()
    if rest.startswith("="):
        rest = rest[1:].lstrip()
    if rest.startswith('"'):
        end = rest.find('"', 1)
        return rest[1:end] if end > 0 else rest[1:]
    end = rest.find(",")
    return rest if end < 0 else rest[:end]


def _header_texts(exchange: Exchange) -> Iterator[ServerText]:
    """Response headers that carry an error: ``X-Error``, ``X-Error-Message``,
    ``x-amzn-ErrorType``, ``x-ms-error-code``, ``grpc-message`` (percent-decoded)..."""
    for header in exchange.response_headers:
        key = header.key
        if key in _CHALLENGE_HEADERS or not header.value.strip():
            continue
        if key in _WORD_HEADERS or ("error" in key and not key.endswith(_NOT_WORDS)):
            value = unquote(header.value) if key == "grpc-message" else header.value
            yield ServerText(f"header {header.name}", value, header.span)


def _reason_text(exchange: Exchange) -> Iterator[ServerText]:
    """A reason phrase that is not the standard one for its status says something."""
    reason = (exchange.reason or "").strip()
    if not reason or exchange.status is None:
        return
    try:
        standard = HTTPStatus(exchange.status).phrase
    except ValueError:
        standard = ""
    if reason.lower() != standard.lower():
        yield ServerText("status line reason", reason, exchange.status_line)
