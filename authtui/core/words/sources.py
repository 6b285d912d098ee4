"""What the server said, in words: every error message of a response, with its place.

:func:`error_texts` gathers the ``error_description`` (and non-standard ``error``)
of each challenge, a few vendor headers, a custom reason phrase, and the
messages of the response body: JSON (fixed, well-known paths), XML (``Code``,
``Message``, ``AuthenticationErrorDetail``), HTML (``<title>``, ``<h1>``,
``<h2>`` and the visible text) or plain text. Nothing here raises on the
input; everything is bounded (:data:`BODY_CAP`, :data:`TEXT_CAP`) and linear.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from authtui.core.model import Challenge, Exchange

BODY_CAP = 64 * 1024
"""Only this much of a body is looked at."""
TEXT_CAP = 2048
"""Longest message kept (characters)."""
MAX_TEXTS = 48
"""Most messages returned for one exchange."""
_LIST_CAP = 10
"""Items read from each JSON list."""

RFC6750_ERRORS = frozenset({"invalid_request", "invalid_token", "insufficient_scope"})
"""Error codes another area reports (``challenge.*``); not repeated as server words."""

_VENDOR_HEADERS = ("X-Ms-Error-Code", "x-amzn-ErrorType", "Grpc-Message")
_CHALLENGE_HEADERS = ("www-authenticate", "proxy-authenticate", "www-authentication")


@dataclass(frozen=True, slots=True)
class ServerText:
    """One message the server gave, and where it came from."""

    where: str
    """In words: ``WWW-Authenticate error_description``, ``body JSON error.message``..."""
    text: str
    """The message as the server wrote it (white space collapsed, capped)."""


def error_texts(exchange: Exchange, challenges: Sequence[Challenge]) -> list[ServerText]:
    """Every human or machine message the server gave, in order, without duplicates."""
    found: list[ServerText] = []
    seen: set[tuple[str, str]] = set()
    for item in _all_texts(exchange, challenges):
        text = _clean(item.text)
        key = (item.where, text)
        if not text or key in seen:
            continue
        seen.add(key)
        found.append(ServerText(item.where, text))
        if len(found) >= MAX_TEXTS:
            break
    return found


def _all_texts(exchange: Exchange, challenges: Sequence[Challenge]) -> Iterator[ServerText]:
    yield from _challenge_texts(challenges)
    yield from _raw_challenge_texts(exchange, challenges)
    yield from _header_texts(exchange)
    yield from _reason_text(exchange)
    yield from body_texts(exchange.body)


def _clean(text: str) -> str:
    """Collapse white space and cap the length."""
    return " ".join(text[: TEXT_CAP * 2].split())[:TEXT_CAP]


def _challenge_texts(challenges: Sequence[Challenge]) -> Iterator[ServerText]:
    for challenge in challenges:
        description = challenge.params.get("error_description")
        if description:
            yield ServerText(f"{challenge.field_name} error_description", description)
        error = challenge.params.get("error")
        if error and error.strip().lower() not in RFC6750_ERRORS:
            yield ServerText(f"{challenge.field_name} error", error)


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
            yield ServerText(f"{header.name} error_description", value)


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
    for name in _VENDOR_HEADERS:
        wanted = name.lower()
        for header in exchange.response_headers:
            if header.key == wanted and header.value.strip():
                yield ServerText(f"{header.name} header", header.value)


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
        yield ServerText("status line reason", reason)


def body_texts(body: str) -> list[ServerText]:
    """The messages of a response body: JSON, XML, HTML or plain text."""
    text = body[:BODY_CAP].strip()
    if not text:
        return []
    if text[0] in '{["':
        value = _lenient_json(text)
        if value is not _NOT_JSON:
            return list(_json_texts(value))
    if text[0] == "<":
        lowered = text.lower()
        if _looks_html(lowered):
            return _html_texts(text, lowered)
        return _xml_texts(text, lowered)
    return [ServerText("body text", text[:TEXT_CAP])]


_NOT_JSON = object()


def _lenient_json(text: str) -> Any:
    """The first JSON value of ``text`` (trailing junk such as a stray ``}`` ignored)."""
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return _NOT_JSON
    return value


_TOP_KEYS = (
    "message",
    "Message",
    "error",
    "error_description",
    "detail",
    "title",
    "msg",
    "code",
    "reason",
    "description",
    "errorMessage",
    "error_message",
    "exp",
    "nbf",
)
_ERROR_KEYS = ("message", "code", "status", "description")
_ITEM_KEYS = ("message", "reason", "msg", "code")


def _json_texts(value: Any) -> Iterator[ServerText]:
    if isinstance(value, str):
        yield ServerText("body JSON", value)
    elif isinstance(value, dict):
        yield from _object_texts(value, "")
    elif isinstance(value, list):
        for item in value[:_LIST_CAP]:
            if isinstance(item, dict):
                yield from _item_texts(item, "[]")
            elif isinstance(item, str):
                yield ServerText("body JSON []", item)


def _object_texts(obj: dict[str, Any], prefix: str) -> Iterator[ServerText]:
    """Well-known message fields of an error object (``prefix`` for nested ones)."""
    for key in _TOP_KEYS:
        yield from _strings(obj.get(key), f"{prefix}{key}")
    error = obj.get("error")
    if isinstance(error, dict):
        for key in _ERROR_KEYS:
            yield from _strings(error.get(key), f"error.{key}")
        yield from _list_texts(error.get("errors"), "error.errors[]")
        yield from _list_texts(error.get("details"), "error.details[]")
    yield from _list_texts(obj.get("errors"), "errors[]")
    yield from _list_texts(obj.get("details"), "details[]")
    yield from _list_texts(obj.get("messages"), "messages[]")
    yield from _list_texts(obj.get("detail"), "detail[]")


def _strings(value: Any, path: str) -> Iterator[ServerText]:
    if isinstance(value, str):
        yield ServerText(f"body JSON {path}", value)


def _list_texts(value: Any, path: str) -> Iterator[ServerText]:
    if not isinstance(value, list):
        return
    for item in value[:_LIST_CAP]:
        if isinstance(item, dict):
            yield from _item_texts(item, path)
        elif isinstance(item, str):
            yield ServerText(f"body JSON {path}", item)


def _item_texts(item: dict[str, Any], path: str) -> Iterator[ServerText]:
    for key in _ITEM_KEYS:
        yield from _strings(item.get(key), f"{path}.{key}")


_HTML_MARKERS = ("<html", "<!doctype html", "<body", "<title", "<h1", "<h2", "<head")


def _looks_html(lowered: str) -> bool:
    return any(marker in lowered for marker in _HTML_MARKERS)


def _xml_texts(text: str, lowered: str) -> list[ServerText]:
    found: list[ServerText] = []
    for tag in ("Code", "Message", "AuthenticationErrorDetail"):
        found.extend(
            ServerText(f"body XML {tag}", value) for value in _tag_contents(text, lowered, tag)
        )
    return found


def _html_texts(text: str, lowered: str) -> list[ServerText]:
    text = drop_hidden(text)
    lowered = text.lower()
    found: list[ServerText] = []
    for tag in ("title", "h1", "h2"):
        found.extend(
            ServerText(f"body HTML <{tag}>", value) for value in _tag_contents(text, lowered, tag)
        )
    visible = _clean(strip_tags(text))
    if visible:
        found.append(ServerText("body HTML text", visible))
    return found


def _tag_contents(text: str, lowered: str, tag: str, limit: int = 2) -> list[str]:
    """The text inside the first ``limit`` elements named ``tag`` (case-insensitive)."""
    name = tag.lower()
    contents: list[str] = []
    pos = 0
    while len(contents) < limit:
        start = lowered.find("<" + name, pos)
        if start < 0:
            break
        after = start + 1 + len(name)
        if after < len(lowered) and lowered[after] not in "> \t\r\n/":
            pos = after
            continue
        open_end = lowered.find(">", after)
        if open_end < 0:
            break
        close = lowered.find("</" + name, open_end + 1)
        if close < 0:
            close = len(text)
        value = _clean(strip_tags(text[open_end + 1 : close]))
        if value:
            contents.append(value)
        pos = close + 1
    return contents


_HIDDEN = (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"))


def drop_hidden(markup: str) -> str:
    """``markup`` without comments, scripts and styles. Linear: the next position of
    each opener is remembered and searched again only once reading has passed it."""
    lowered = markup.lower()
    parts: list[str] = []
    pos = 0
    ahead = [lowered.find(opener) for opener, _ in _HIDDEN]
    while True:
        for i, (opener, _) in enumerate(_HIDDEN):
            if 0 <= ahead[i] < pos:
                ahead[i] = lowered.find(opener, pos)
        hits = [(at, i) for i, at in enumerate(ahead) if at >= 0]
        if not hits:
            parts.append(markup[pos:])
            return "".join(parts)
        start, which = min(hits)
        parts.append(markup[pos:start])
        end = lowered.find(_HIDDEN[which][1], start + 4)
        close_end = lowered.find(">", end) if end >= 0 else -1
        if close_end < 0:
            return "".join(parts)
        pos = close_end + 1
        parts.append(" ")


def strip_tags(markup: str) -> str:
    """Visible text of HTML/XML markup: tags, comments, scripts and styles removed,
    character references decoded. Linear: every step moves forward with ``str.find``."""
    markup = drop_hidden(markup)
    parts: list[str] = []
    pos = 0
    while pos < len(markup):
        start = markup.find("<", pos)
        if start < 0:
            parts.append(markup[pos:])
            break
        parts.append(markup[pos:start])
        end = markup.find(">", start + 1)
        pos = len(markup) if end < 0 else end + 1
        parts.append(" ")
    import html  # here, not at start-up: only HTML bodies need it (html.entities is big)

    return html.unescape("".join(parts))
