"""The paste reader's working state: the notes it collects and the message it is
reading (start line, headers, folded lines, body lines), before it becomes exchanges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from authtui.core.limits import MAX_NOTES_PER_CODE, clip
from authtui.core.model import Header, Note
from authtui.core.place import Span
from authtui.core.read.lines import BODYLESS, CHALLENGE_FIELDS, REQUEST, RESPONSE, side_of

# --- notes ------------------------------------------------------------------------


class Notes:
    """Collects notes, listing only the first few of each code."""

    def __init__(self) -> None:
        self.items: list[Note] = []
        self.counts: dict[str, int] = {}

    def add(self, code: str, message: str, evidence: str = "") -> None:
        """Record a note (evidence shortened); past the first few of a code, only count it."""
        count = self.counts.get(code, 0) + 1
        self.counts[code] = count
        if count <= MAX_NOTES_PER_CODE:
            self.items.append(Note(code, message, clip(evidence)))

    def result(self) -> tuple[Note, ...]:
        """The notes kept, then one summary note per code that had more."""
        more = [
            Note(code, f"{count - MAX_NOTES_PER_CODE} more like the above were not listed.")
            for code, count in self.counts.items()
            if count > MAX_NOTES_PER_CODE
        ]
        return (*self.items, *more)


# --- messages ---------------------------------------------------------------------


@dataclass(slots=True)
class Msg:
    """One message (or header block) as it is being read."""

    kind: str
    """``request``, ``response`` or ``block`` (header lines without a start line)."""
    source: str
    method: str | None = None
    target: str | None = None
    version: str | None = None
    status: int | None = None
    reason: str | None = None
    headers: list[Header] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    body_text: bool = False
    """A non-blank body line has been read."""
    authority: str | None = None
    scheme: str | None = None
    url: str | None = None
    curl_host: str | None = None
    curl_port: int | None = None
    curl_tls: bool | None = None
    """Whether curl spoke of TLS on the connection (None: no ``Connected to`` line)."""
    folded: list[str] = field(default_factory=list)
    """Continuation lines of the last header, joined when the next one arrives."""
    only_challenges: bool = True
    """Every header so far is a WWW-Authenticate-like field."""
    start_span: Span | None = None
    """Where its start line (request or status line, or what stands for it) was read."""
    status_span: Span | None = None
    """Where the status was read when a field gave it (``:status``, ``Status:``)."""
    body_span: Span | None = None
    """Where its body was read, first to last non-blank line."""
    fold_end: int = -1
    """Where the last continuation line of the last header ends (-1: none)."""

    def add(self, header: Header) -> None:
        """Append a header (after joining the folded lines of the one before)."""
        if self.folded:
            self.close()
        self.only_challenges = self.only_challenges and header.key in CHALLENGE_FIELDS
        self.headers.append(header)

    def fold(self, text: str, span: Span | None = None) -> None:
        """Continue the last header's value (obs-fold); joined later in linear time.
        ``span`` is where the continuation line was read: the header's span grows to it."""
        self.folded.append(text)
        if span is not None:
            self.fold_end = span.end

    def close(self) -> None:
        """Join pending continuation lines into the last header."""
        if self.folded and self.headers:
            last = self.headers[-1]
            value = " ".join([last.value, *self.folded]).strip()
            span = last.span
            if span is not None and self.fold_end > span.end:
                span = span._replace(end=self.fold_end)
            self.headers[-1] = Header(last.name, value, span)
        self.folded = []
        self.fold_end = -1

    def sides(self) -> list[str]:
        """The half each header belongs to, in order."""
        self.close()
        if self.kind != "block":
            return [self.kind] * len(self.headers)
        hints = [side_of(h.key) for h in self.headers]
        first = next((s for s in hints if s), None) or self._default_side()
        out: list[str] = []
        for hint in hints:
            first = hint or first
            out.append(first)
        return out

    def _default_side(self) -> str:
        if any(w in h.key for h in self.headers for w in ("auth", "token", "key", "api")):
            return REQUEST
        return RESPONSE

    def has_response(self) -> bool:
        """True when any part of this message belongs to a response."""
        return self.status is not None or RESPONSE in self.sides()


def status_code(code: str, notes: Notes, evidence: str) -> int | None:
    """A status code from 100 to 599, else None (with a ``paste.bad_status`` note)."""
    if len(code) == 3 and code.isascii() and code.isdigit() and 100 <= int(code) <= 599:
        return int(code)
    notes.add("paste.bad_status", "A status code must be a number from 100 to 599.", evidence)
    return None


def has_body(msg: Msg) -> bool:
    """Whether what follows the blank line after this message's headers is its body.

    Bare challenges, request header blocks and GET-like requests carry none, so the
    lines after them are read afresh (a token, the response's headers, prose).
    """
    if msg.source == "challenge":
        return False
    if msg.kind == REQUEST:
        return msg.method not in BODYLESS
    return msg.kind == RESPONSE or msg.has_response()
