"""The messages of a response body, whatever its shape, each with its place.

* JSON (RFC 9457 problem+json included): every string under a message key
  (``message``, ``error``, ``detail``, ``title``, ``reason``, ``code``...) at any depth
  under the usual containers (``error``, ``errors[]``, ``details[]``, ``fault``,
  ``extensions``...), placed as a path: ``body $.error.message``, ``body $.errors[0].detail``.
* XML: the text of every leaf element with a message name (``<Message>``,
  ``<soap:faultstring>``...), placed as ``body XML <Message>``.
* HTML: one text per block (``<title>``, headings, paragraphs, ``<pre>``, list items,
  ``<div>``...), placed as ``body HTML <p>``. Comments, scripts and styles are never read.
* Plain text: ``body text``.

A stack trace is not the server's statement: a block that holds one is read only up to
its first frame (``at f (file.js:1:2)``, ``File "x.py", line 3``), and a Python traceback
by its last line, the exception. Nothing here raises; everything is bounded and linear.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from authtui.core.place import Span

BODY_CAP = 64 * 1024
"""Only this much of a body is looked at."""
TEXT_CAP = 2048
"""Longest message kept (characters)."""
_LIST_CAP = 10
"""Items read from each JSON list."""
_NODE_CAP = 400
"""JSON values visited in one body."""
_DEPTH_CAP = 12
"""Deepest JSON nesting read."""
_BLOCK_CAP = 40
"""HTML blocks or XML elements kept from one body."""


@dataclass(frozen=True, slots=True)
class ServerText:
    """One message the server gave, and where it came from."""

    where: str
    """In words: ``WWW-Authenticate error_description``, ``body $.error.message``..."""
    text: str
    """The message as the server wrote it (white space collapsed, capped)."""
    span: Span | None = None
    """Where it was read in the paste: the header line, the status line, the body."""


def clean(text: str) -> str:
    """Collapse white space and cap the length."""
    return " ".join(text[: TEXT_CAP * 2].split())[:TEXT_CAP]


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
            return _html_texts(text)
        return _xml_texts(text)
    message = message_of(text)
    return [ServerText("body text", message)] if message else []


# --- stack traces ---------------------------------------------------------------------------


def _is_frame(line: str) -> bool:
    """A stack frame: ``at fn (file:1:2)`` (JavaScript, Java, .NET), ``File "x", line 3``
    (Python), ``goroutine 1 [running]:`` (Go)."""
    stripped = line.strip()
    if stripped.startswith("at ") and (stripped.endswith(")") or _has_line_number(stripped)):
        return True
    if stripped.startswith('File "') and ", line " in stripped:
        return True
    return stripped.startswith("goroutine ") and stripped.endswith(":")


def _has_line_number(line: str) -> bool:
    """``file.js:12``, ``x.cs:line 42``: a colon followed by a digit or ``line``."""
    at = line.find(":")
    while 0 <= at < len(line) - 1:
        rest = line[at + 1 : at + 6]
        if rest[:1].isdigit() or rest.startswith("line "):
            return True
        at = line.find(":", at + 1)
    return False


_TRACEBACK = "traceback (most recent call last)"


def message_of(block: str) -> str:
    """The message of a block of text: its lines up to the first stack frame; for a
    Python traceback, its last unindented line (the exception and its message)."""
    lines = [line for line in block[: TEXT_CAP * 4].splitlines() if line.strip()]
    if not lines:
        return ""
    if lines[0].strip().lower().startswith(_TRACEBACK):
        tail = [line for line in lines[1:] if not line[:1].isspace() and not _is_frame(line)]
        return clean(tail[-1]) if tail else ""
    kept: list[str] = []
    for line in lines:
        if _is_frame(line):
            break
        kept.append(line)
    return clean(" ".join(kept))


# --- JSON ----------------------------------------------------------------------------------

_NOT_JSON = object()


def _lenient_json(text: str) -> Any:
    """The first JSON value of ``text`` (trailing junk such as a stray ``}`` ignored)."""
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return _NOT_JSON
    return value


def _key(name: str) -> str:
    """``error_description``, ``errorDescription`` and ``Error-Description`` alike
    (``@type``, a JSON-LD annotation, is ``type``: not a message key)."""
    return "".join(c for c in name.lower() if c.isalnum())


MESSAGE_KEYS = frozenset(
    {
        "message",
        "messages",
        "msg",
        "error",
        "errors",
        "errordescription",
        "errormessage",
        "errorcode",
        "errortype",
        "detail",
        "details",
        "title",
        "reason",
        "reasons",
        "description",
        "faultstring",
        "fault",
        "code",
        "status",
        "hint",
        "cause",
        "exp",
        "nbf",
    }
)
"""Keys (compared by :func:`_key`) whose string values are the server's words."""

_MESSAGE_ENDINGS = ("message", "msg", "description", "reason", "detail", "details")
"""``errorMessage``, ``userMessage``, ``error_msg``, ``failureReason``: messages too."""
_NOT_MESSAGES = ("id", "uri", "url", "link", "href", "time", "timestamp", "count")
"""``errorId``, ``error_uri``: references, not words."""


def is_message_key(name: str) -> bool:
    """Whether a JSON key or an XML element name (any spelling) holds the server's words."""
    key = _key(name)
    if key in MESSAGE_KEYS or key.endswith(_MESSAGE_ENDINGS):
        return True
    return key.startswith("error") and not key.endswith(_NOT_MESSAGES)


_CONTAINER_KEYS = MESSAGE_KEYS | frozenset(
    {"extensions", "innererror", "errorinfo", "response", "result", "data", "meta", "problem"}
)
"""Keys under which messages are looked for, at any depth."""


def _json_texts(value: Any) -> Iterator[ServerText]:
    budget = [_NODE_CAP]
    if isinstance(value, str):
        yield ServerText("body $", value)
        return
    yield from _walk(value, "$", 0, budget)


def _walk(value: Any, path: str, depth: int, budget: list[int]) -> Iterator[ServerText]:
    """Strings under message keys, in document order (depth and node count bounded)."""
    if depth > _DEPTH_CAP or budget[0] <= 0:
        return
    budget[0] -= 1
    if isinstance(value, dict):
        for name, item in list(value.items())[:64]:
            key = _key(str(name))
            where = _path(path, str(name))
            if isinstance(item, str):
                if is_message_key(key):
                    yield ServerText(f"body {where}", item)
            elif key in _CONTAINER_KEYS or is_message_key(key):
                yield from _walk(item, where, depth + 1, budget)
    elif isinstance(value, list):
        for i, item in enumerate(value[:_LIST_CAP]):
            if isinstance(item, str):
                yield ServerText(f"body {path}[{i}]", item)
            else:
                yield from _walk(item, f"{path}[{i}]", depth + 1, budget)


def _path(path: str, name: str) -> str:
    if name.replace("_", "").replace("-", "").isalnum() and "-" not in name:
        return f"{path}.{name}"
    return f"{path}[{json.dumps(name)}]"


# --- markup --------------------------------------------------------------------------------

_HTML_MARKERS = ("<html", "<!doctype html", "<body", "<title", "<h1", "<h2", "<head", "<p>")


def _looks_html(lowered: str) -> bool:
    return any(marker in lowered for marker in _HTML_MARKERS)


_BLOCK_TAGS = frozenset(
    {
        "title",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "pre",
        "li",
        "dt",
        "dd",
        "div",
        "td",
        "th",
        "blockquote",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "body",
        "html",
        "head",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "form",
        "hr",
        "address",
        "center",
    }
)
"""Tags that begin or end a block of text."""
_QUIET_BLOCKS = frozenset({"body", "html", "head", "table", "tr", "ul", "ol", "dl", "form"})
"""Blocks named after their first real block, not after themselves."""


def _tags(markup: str) -> Iterator[tuple[str, str, bool]]:
    """``(text before, tag name as written, closing)`` for each tag, then
    ``(rest, "", False)``."""
    pos = 0
    while True:
        start = markup.find("<", pos)
        if start < 0:
            yield markup[pos:], "", False
            return
        end = markup.find(">", start + 1)
        if end < 0:
            yield markup[pos:start], "", False
            return
        inner = markup[start + 1 : end].strip()
        closing = inner.startswith("/")
        name = inner.lstrip("/").split(None, 1)[0].rstrip("/") if inner else ""
        yield markup[pos:start], name, closing
        pos = end + 1


def _html_texts(text: str) -> list[ServerText]:
    import html  # here, not at start-up: only HTML bodies need it (html.entities is big)

    found: list[ServerText] = []
    current = ""
    parts: list[str] = []

    def flush() -> None:
        block = html.unescape("".join(parts)).replace("\xa0", " ")
        parts.clear()
        message = message_of(block)
        if message and len(found) < _BLOCK_CAP:
            found.append(
                ServerText(f"body HTML <{current}>" if current else "body HTML text", message)
            )

    for before, written, closing in _tags(drop_hidden(text)):
        name = written.lower()
        parts.append(before)
        if name == "br":
            parts.append("\n")
        elif name in _BLOCK_TAGS:
            flush()
            current = "" if closing or name in _QUIET_BLOCKS else name
        elif name:
            parts.append(" ")
    flush()
    return found


_XML_MESSAGE_NAMES = frozenset(
    {
        "message",
        "code",
        "error",
        "errormessage",
        "errorcode",
        "errordescription",
        "detail",
        "description",
        "reason",
        "faultstring",
        "faultcode",
        "text",
        "title",
        "authenticationerrordetail",
    }
)


def _xml_texts(text: str) -> list[ServerText]:
    """The text of each leaf element whose local name is a message name."""
    import html

    found: list[ServerText] = []
    opened = ""
    for before, name, closing in _tags(drop_hidden(text)):
        if closing and opened and name == opened:
            value = clean(html.unescape(before))
            if value and len(found) < _BLOCK_CAP:
                found.append(ServerText(f"body XML <{opened}>", value))
        opened = ""
        local = name.rsplit(":", 1)[-1]
        if name and not closing and (_key(local) in _XML_MESSAGE_NAMES or is_message_key(local)):
            opened = name
    return found


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
    import html

    parts: list[str] = []
    for before, name, _closing in _tags(drop_hidden(markup)):
        parts.append(before)
        if name:
            parts.append(" ")
    return html.unescape("".join(parts))
