"""JSON pastes: HAR files (HTTP Archive 1.2) and JSON that only carries tokens.

A HAR file becomes one :class:`~authtui.core.model.Exchange` per entry, in the
file's order; the first failing one (401, 403, 407, or an auth failure behind a 2xx
or 3xx: :mod:`.hidden`) is the one diagnosed unless another is picked, and a working
entry stays reachable, to compare with. Other JSON (a token endpoint's
answer, say) is no exchange, but its tokens are offered. Nothing here raises on
user input: every field may be missing or of the wrong type.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import urlencode, urlsplit

from authtui.core.limits import clip
from authtui.core.model import Exchange, Header, Note
from authtui.core.place import Span
from authtui.core.read.hidden import hidden_failure
from authtui.core.read.jsonspans import Path, value_spans
from authtui.core.read.lines import FAILING  # re-exported: har.FAILING as before

TOKEN_KEYS = (
    "access_token",
    "accessToken",
    "token",
    "jwt",
    "id_token",
    "idToken",
)
"""JSON keys whose string values are offered as tokens, most wanted first."""

_DECODER = json.JSONDecoder()
_STARTED_LIMIT = 64
"""Longer text is no date: ``startedDateTime`` is kept only this far."""
_URLSAFE = str.maketrans("-_", "+/")


def decode_leading_json(text: str, start: int) -> tuple[object, int] | Note:
    """Decode the JSON value that begins at ``text[start]``.

    Returns the value and the offset just after it, or a ``paste.json_unreadable``
    note when it is not valid JSON (including nesting too deep to decode).
    """
    try:
        return _DECODER.raw_decode(text, start)
    except RecursionError:
        reason = "it is nested too deeply to read"
    except ValueError as exc:  # JSONDecodeError, and integers too long to convert
        reason = f"it is not valid JSON ({clip(str(exc), 80)})"
    return Note(
        "paste.json_unreadable",
        f"The paste starts like JSON but {reason}; it was read as text instead.",
        clip(text[start:].lstrip()),
    )


def _wanted(path: Path) -> bool:
    """The places a diagnosis points at: each entry, its request and response, the
    response's status and content, every header."""
    n = len(path)
    if n < 3 or path[0] != "log" or path[1] != "entries":
        return False
    if n == 3:
        return True
    side = path[3]
    if n == 4:
        return side in ("request", "response")
    if n == 5:
        return side == "response" and path[4] in ("status", "content")
    return n == 6 and path[4] == "headers"


def _descend(path: Path) -> bool:
    """Whether a wanted place may lie inside the container at ``path``."""
    n = len(path)
    if n < 2:
        return path in ((), ("log",))
    if path[0] != "log" or path[1] != "entries":
        return False
    if n <= 3:
        return True
    if path[3] not in ("request", "response"):
        return False
    return n == 4 or (n == 5 and path[4] == "headers")


class HarPlaces:
    """Where the members of a HAR file were written in the paste.

    ``text[start:]`` begins with the HAR's JSON; ``base`` is the offset of ``text`` in
    what the user pasted (after a byte-order mark).
    """

    def __init__(self, text: str, start: int, base: int = 0) -> None:
        found = value_spans(text, start, _wanted, _descend)
        lone_cr = "\r" in text
        self.spans: dict[Path, Span] = {}
        line, at = 1, 0
        # In order of offset, so that lines are counted once over the text.
        for path, (begin, end) in sorted(found.items(), key=lambda item: item[1][0]):
            line += text.count("\n", at, begin)
            if lone_cr:
                line += text.count("\r", at, begin) - text.count("\r\n", at, begin)
            at = begin
            self.spans[path] = Span(base + begin, base + end, line)

    def span(self, path: Path) -> Span | None:
        """Where the value at ``path`` was written (with its key), if anywhere."""
        return self.spans.get(path)


def read_har(
    doc: object, places: HarPlaces | None = None
) -> tuple[list[Exchange], list[Note]] | None:
    """Read a decoded HAR document; ``None`` when ``doc`` is not a HAR file. ``places``
    says where its members were written (each header, status and entry gets its span).

    Keeps every readable entry, in order.
    """
    log = doc.get("log") if isinstance(doc, dict) else None
    if not isinstance(log, dict) or "entries" not in log:
        return None
    entries = log.get("entries")
    if not isinstance(entries, list):
        note = Note("paste.har_unreadable", "The HAR file's log.entries is not a list.")
        return [], [note]
    exchanges: list[Exchange] = []
    skipped = 0
    for index, entry in enumerate(entries):
        exchange = _entry(entry, _At(places, ("log", "entries", index)))
        if exchange is None:
            skipped += 1
        else:
            exchanges.append(exchange)
    return exchanges, _summary(len(entries), exchanges, skipped)


def failed(exchange: Exchange) -> bool:
    """A 401, 403 or 407, or an auth failure hidden behind a 2xx or 3xx."""
    return exchange.status in FAILING or hidden_failure(exchange) is not None


_BROWSERS = (
    ("webinspector", "Chrome, Edge or another Chromium browser's DevTools (creator WebInspector)"),
    ("firefox", "Firefox's DevTools"),
    ("webkit", "Safari's Web Inspector"),
    ("safari", "Safari's Web Inspector"),
    ("chrome", "Chrome's DevTools"),
    ("edge", "Edge's DevTools"),
)
_CHROMIUM_FIELDS = ("_transferSize", "_initiator", "_priority", "_resourceType", "_connectionId")
_CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


def _browser(log: dict[str, Any], entries: list[Any]) -> str | None:
    """Which browser's developer tools wrote the HAR, from its creator or its own fields."""
    creator = _dict(log.get("creator"))
    name = _str(creator.get("name")).lower() + " " + _str(_dict(log.get("browser")).get("name"))
    for mark, words in _BROWSERS:
        if mark in name.lower():
            return words
    first = _dict(entries[0]) if entries else {}
    fields = [f for f in _CHROMIUM_FIELDS if f in first or f in _dict(first.get("response"))]
    if fields:
        return f"a Chromium browser's DevTools (its own fields: {', '.join(fields[:3])})"
    return None


def sanitized_signs(doc: object) -> tuple[str, ...]:
    """The signs that a HAR is a browser's sanitized export, in words; empty when it is not.

    Chrome (since 130) and Firefox export HAR files without ``Authorization``,
    ``Cookie`` and ``Set-Cookie`` unless told to keep "sensitive data": a browser-made
    HAR in which no entry carries any of them, nor any parsed cookie, was sanitized or
    recorded without a signed-in session, and cannot tell which.
    """
    log = _dict(_dict(doc).get("log"))
    entries = log.get("entries")
    if not isinstance(entries, list) or not entries:
        return ()
    browser = _browser(log, entries)
    if browser is None:
        return ()
    for entry in entries:
        request, response = _dict(_dict(entry).get("request")), _dict(_dict(entry).get("response"))
        names = {h.key for h in _headers(request.get("headers"))}
        if names & _CREDENTIAL_HEADERS or request.get("cookies") or response.get("cookies"):
            return ()
        if any(h.key == "set-cookie" for h in _headers(response.get("headers"))):
            return ()
    return (
        f"written by {browser}",
        f"none of its {len(entries)} entries carries Authorization, Cookie or Set-Cookie, "
        "nor any parsed cookie",
    )


def json_tokens(doc: object) -> list[str]:
    """Tokens a JSON value carries: values of token keys first, then any JWT-looking string."""
    by_key: dict[str, list[str]] = {}
    loose: list[str] = []
    stack: list[object] = [doc]
    while stack:  # iterative: a JSON value may be nested deeply
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str) and key in TOKEN_KEYS:
                    by_key.setdefault(key, []).append(value)
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, str) and _jwt_like(item):
            loose.append(item)
    ordered = [v for key in TOKEN_KEYS for v in by_key.get(key, [])] + loose
    return list(dict.fromkeys(v for v in ordered if v.strip()))


def _jwt_like(value: str) -> bool:
    return value.startswith("eyJ") and value.count(".") >= 2 and " " not in value


def _summary(total: int, exchanges: list[Exchange], skipped: int) -> list[Note]:
    notes: list[Note] = []
    if skipped:
        notes.append(
            Note(
                "paste.har_entry_unreadable",
                f"{skipped} of {total} HAR entries had no readable request or response "
                "and were skipped.",
            )
        )
    failing = [i for i, e in enumerate(exchanges) if failed(e)]
    if failing and len(failing) < len(exchanges):
        # The one diagnosed by default (read.pair.default_selected): a 401/403/407 first.
        first = next((i for i in failing if exchanges[i].status in FAILING), failing[0])
        notes.append(
            Note(
                "paste.har_entries",
                f"The HAR file holds {len(exchanges)} entries, {len(failing)} of them "
                "failing (401, 403, 407, or an auth failure behind a 2xx or 3xx); entry "
                f"{first + 1} is diagnosed unless another is picked.",
            )
        )
    return notes


class _At:
    """The places of one entry (nothing when the HAR's text was not walked)."""

    def __init__(self, places: HarPlaces | None, path: Path) -> None:
        self.places = places
        self.path = path

    def span(self, *keys: str | int) -> Span | None:
        return self.places.span(self.path + keys) if self.places is not None else None


def _entry(entry: object, at: _At) -> Exchange | None:
    if not isinstance(entry, dict):
        return None
    request = _dict(entry.get("request"))
    response = _dict(entry.get("response"))
    if not request and not response:
        return None
    method = _str(request.get("method")) or None
    url = _with_query(_str(request.get("url")) or None, request.get("queryString"))
    status = _status(response.get("status"))
    version = _version(response.get("httpVersion")) or _version(request.get("httpVersion"))
    return Exchange(
        method=method,
        target=_origin_form(url),
        url=url,
        request_headers=_headers(request.get("headers"), at, "request"),
        request_body=_str(_dict(request.get("postData")).get("text")),
        status=status,
        reason=_str(response.get("statusText")) or None,
        http_version=version,
        response_headers=_headers(response.get("headers"), at, "response"),
        body=_content_text(_dict(response.get("content"))),
        source="har",
        label=f"{method or '?'} {url or '?'} -> {status if status is not None else '?'}",
        started=_str(entry.get("startedDateTime"))[:_STARTED_LIMIT],
        request_line=at.span("request"),
        status_line=at.span("response", "status"),
        body_span=at.span("response", "content"),
    )


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _status(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 3:
        value = int(value)
    if isinstance(value, int) and 100 <= value <= 599:
        return value
    return None  # HAR uses 0 for a request that got no response


def _version(value: object) -> str | None:
    text = _str(value).strip()
    lowered = text.lower()
    if lowered in ("h2", "http/2", "http/2.0"):
        return "HTTP/2"
    if lowered in ("h3", "http/3", "http/3.0"):
        return "HTTP/3"
    if lowered.startswith("http/"):
        return "HTTP/" + text[5:]
    return text or None


def _headers(value: object, at: _At | None = None, side: str = "") -> tuple[Header, ...]:
    if not isinstance(value, list):
        return ()
    headers: list[Header] = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            continue
        name, text = item.get("name"), item.get("value")
        if isinstance(name, str) and name and not name.startswith(":"):
            span = at.span(side, "headers", index) if at is not None else None
            headers.append(Header(name, text if isinstance(text, str) else "", span))
    return tuple(headers)


def _with_query(url: str | None, query: object) -> str | None:
    if url is None or "?" in url or not isinstance(query, list):
        return url
    pairs = [
        (item["name"], _str(item.get("value")))
        for item in query
        if isinstance(item, dict) and isinstance(item.get("name"), str)
    ]
    return f"{url}?{urlencode(pairs)}" if pairs else url


def _origin_form(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def _content_text(content: dict[str, Any]) -> str:
    text = _str(content.get("text"))
    if _str(content.get("encoding")).lower() != "base64":
        return text
    compact = "".join(text.split()).translate(_URLSAFE)
    compact += "=" * (-len(compact) % 4)
    try:
        raw = base64.b64decode(compact, altchars=None, validate=False)
    except (binascii.Error, ValueError):
        return text
    return raw.decode("utf-8", errors="replace")
