"""The paste reader: whatever text the user pasted in, exchanges, tokens and notes out.

Reads raw HTTP/1.x and HTTP/2-style messages, ``curl -v``/``curl -i`` and HTTPie
transcripts, "Copy as cURL" commands (bash and Windows cmd), header blocks copied
from browser developer tools, HAR files, bare ``WWW-Authenticate`` values and bare
tokens, alone or one after another. It never
raises on its input and works line by line, in time linear in the paste's size.

The work is split: :mod:`.lines` classifies one line at a time,
:mod:`.reader` is the state machine that builds messages (:mod:`.message`),
:mod:`.harvest` harvests standalone tokens, :mod:`.curlcmd` reads a curl command
(words split by :mod:`.shellwords`), :mod:`.har` reads HAR files, and :mod:`.pair`
turns messages into request/response halves and pairs them into exchanges.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from authtui.core.limits import MAX_EXCHANGES, MAX_PASTE_CHARS, MAX_QUOTE_SPAN
from authtui.core.model import Exchange, Note, Paste
from authtui.core.read.harvest import jwt_words, token_response
from authtui.core.read.lines import REQUEST, curl_prefix, is_curl
from authtui.core.read.message import Msg, Notes
from authtui.core.read.pair import default_selected, halves, pair
from authtui.core.read.places import Places, lines_before
from authtui.core.read.reader import IDLE, Reader
from authtui.core.read.transport import transport_lines
from authtui.core.safety.terminal import find_unsafe

if TYPE_CHECKING:
    from authtui.core.read.curlcmd import CurlRequest

# The curl command reader (with its shell-word scanners) and the HAR reader are
# imported where they are used, only for pastes that need them: most pastes are
# neither, and start-up should not pay for them.

__all__ = ["default_selected", "read_paste"]


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _dedent(lines)


def _dedent(lines: list[str]) -> list[str]:
    """Remove white space every non-blank line starts with (an indented code block)."""
    prefix: str | None = None
    for line in lines:
        if not line.strip():
            continue
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if prefix is None:
            prefix = indent
        elif not indent.startswith(prefix):
            k = 0
            while k < min(len(prefix), len(indent)) and prefix[k] == indent[k]:
                k += 1
            prefix = prefix[:k]
        if not prefix:
            return lines
    if not prefix:
        return lines
    cut = len(prefix)
    return [line[cut:] if line.startswith(prefix) else line.lstrip(" \t") for line in lines]


def _read_lines(text: str, reader: Reader, notes: Notes, base: int, base_line: int) -> None:
    """Read ``text`` line by line; ``base`` is its offset in the paste, ``base_line`` the
    number of line ends before it there (for :class:`~authtui.core.place.Span`)."""
    lines = _lines(text)
    reader.places = reader.harvest.places = Places(text, lines, base, base_line)
    curl = is_curl(lines)
    # A curl command starts with "curl" (after a prompt): without that word anywhere,
    # no line can start one, and the command reader is not even imported.
    commands = "curl" in text
    budget = MAX_QUOTE_SPAN
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        first = _command_text(line) if commands and reader.may_start_command() else None
        if first is not None:
            from authtui.core.read.curlcmd import read_command

            read = read_command(lines, i, first, budget)
            budget = max(budget - read.spanned, 0)
            for note in read.notes:
                notes.add(note.code, note.message, note.evidence)
            if read.request is not None:
                reader.command(_command_msg(read.request, reader.places, i, read.end))
            i = max(read.end, i + 1)
            continue
        reader.at = i
        if curl:
            split = curl_prefix(line)
            if split is not None:
                reader.feed(*split)
        elif line or reader.state != IDLE or reader.harvest.pending:
            reader.feed(None, line)
        i += 1
    reader.finish()


def _command_text(line: str) -> str | None:
    from authtui.core.read.curlcmd import command_text

    return command_text(line)


def _command_msg(request: CurlRequest, places: Places, first: int, end: int) -> Msg:
    """A curl command's request as a message, to be paired with the response after it.

    The command spans lines ``first`` to ``end`` (exclusive): a header is placed on the
    line that writes it (``-H 'Authorization: …'``), one an option implies (``-u``,
    ``--oauth2-bearer``) on the whole command."""
    last = max(end - 1, first)
    whole = places.span(first, last)
    headers = []
    for header in request.headers:
        at = places.find(first, last + 1, header.name + ":")
        span = places.span(at) if at is not None else whole
        headers.append(replace(header, span=span))
    msg = Msg(
        REQUEST,
        "curl-command",
        method=request.method,
        target=request.target,
        url=request.url,
        headers=headers,
        body=[request.body] if request.body else [],
    )
    msg.start_span = whole
    return msg


def _read_json(
    text: str, start: int, notes: Notes, stripped: list[str], base: int = 0
) -> tuple[list[Exchange], list[str], list[tuple[str, str]], int]:
    """A leading JSON value: HAR exchanges, a token endpoint's answer (its tokens with
    their member names), or the tokens it holds. Returns where the text after it begins
    (0 when it could not be read: the whole paste is then text). The signs that a HAR
    is a sanitized export go to ``stripped``; ``base`` is the offset of ``text`` in the
    paste (after a byte-order mark), for the spans of a HAR's members."""
    from authtui.core.read.har import (
        HarPlaces,
        decode_leading_json,
        json_tokens,
        read_har,
        sanitized_signs,
    )

    decoded = decode_leading_json(text, start)
    if isinstance(decoded, Note):
        notes.add(decoded.code, decoded.message, decoded.evidence)
        return [], jwt_words(text), [], 0
    doc, end = decoded
    roles = token_response(doc)
    if roles:  # a token endpoint's answer: checks/token_kind shows its tokens side by side
        return [], [], roles, end
    har = read_har(doc, HarPlaces(text, start, base) if _is_har(doc) else None)
    if har is not None:
        exchanges, har_notes = har
        stripped.extend(sanitized_signs(doc))
        for note in har_notes:
            notes.add(note.code, note.message, note.evidence)
        if not exchanges:
            notes.add("paste.har_empty", "The HAR file holds no entries with a request.")
        return exchanges, [], [], end
    tokens = json_tokens(doc)
    notes.add(
        "paste.json_not_har",
        "The paste is JSON but not a HAR file; only the tokens in it were used."
        if tokens
        else "The paste is JSON but not a HAR file, and holds no token.",
        text[start:end],
    )
    return [], tokens, [], end


def _is_har(doc: object) -> bool:
    log = doc.get("log") if isinstance(doc, dict) else None
    return isinstance(log, dict) and isinstance(log.get("entries"), list)


def read_paste(text: str, limit: int = MAX_PASTE_CHARS) -> Paste:
    """Read a paste of any shape into exchanges, standalone tokens and notes.

    Never raises. Only the first ``limit`` characters are read (default
    :data:`~authtui.core.limits.MAX_PASTE_CHARS`): past them nothing is read, not even
    the rest of the line the cut falls in, and the note ``paste.truncated`` says so.
    Everything before the cut is read, every line of it.
    """
    notes = Notes()
    truncated_at: int | None = None
    if len(text) > limit:
        truncated_at = limit
        notes.add(
            "paste.truncated",
            f"The paste is longer than {limit:,} characters; only the first {limit:,} "
            "were read, and nothing after them (a challenge, a header, a token) is diagnosed.",
        )
        text = text[:limit]
    bom = 1 if text.startswith("\ufeff") else 0
    text = text[bom:]
    _note_control(text, notes)
    reader = Reader(notes)
    exchanges: list[Exchange] = []
    stripped: list[str] = []
    start = len(text) - len(text.lstrip())
    rest, end = text, 0
    if text[start : start + 1] in ("{", "["):
        exchanges, tokens, roles, end = _read_json(text, start, notes, stripped, bom)
        for token in tokens:
            reader.harvest.add(token)
        if roles:
            reader.harvest.add_roles(roles)
        rest = text[end:]
    _read_lines(rest, reader, notes, bom + end, lines_before(text, end))
    items = [half for msg in reader.messages for half in halves(msg, reader.harvest)]
    exchanges.extend(pair(items))
    if len(exchanges) > MAX_EXCHANGES:
        notes.add(
            "paste.too_many_exchanges",
            f"The paste holds {len(exchanges):,} exchanges; only the first "
            f"{MAX_EXCHANGES} were kept.",
        )
        del exchanges[MAX_EXCHANGES:]
    found = tuple(exchanges)
    return Paste(
        exchanges=found,
        selected=default_selected(found),
        tokens=tuple(reader.harvest.found),
        token_spans=tuple(reader.harvest.spans.get(token) for token in reader.harvest.found),
        token_roles=tuple(reader.harvest.roles),
        transport=transport_lines(text),
        stripped=tuple(stripped),
        notes=notes.result(),
        truncated_at=truncated_at,
    )


def _note_control(text: str, notes: Notes) -> None:
    """Note characters that could drive a terminal (shown escaped), and undecodable bytes."""
    unsafe = find_unsafe(text)
    if unsafe is not None:
        lines = ", ".join(str(n) for n in unsafe.lines)
        more = "…" if unsafe.count > len(unsafe.kinds) else ""
        notes.add(
            "paste.control_chars",
            f"The paste holds {unsafe.count:,} control or invisible formatting "
            f"character{'s' if unsafe.count != 1 else ''} (terminal escapes, bidirectional "
            "controls, zero-width characters); they are shown escaped, never acted on.",
            f"line{'s' if len(unsafe.lines) != 1 else ''} {lines}: "
            + ", ".join(unsafe.kinds)
            + more,
        )
    undecodable = text.count("\ufffd")
    if undecodable:
        notes.add(
            "paste.undecodable",
            f"The paste holds {undecodable:,} undecodable byte sequence"
            f"{'s' if undecodable != 1 else ''} (shown as \ufffd); it may be binary data or "
            "text in another encoding.",
        )
