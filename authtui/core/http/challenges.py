"""Read RFC 9110 §11 challenges leniently, noting every deviation.

``WWW-Authenticate`` values are read the way browsers read them: what a server
plainly meant is recovered (params separated by spaces only, unquoted URLs, a
comma right after the scheme, an unterminated quote) and each deviation becomes a
:class:`~authtui.core.model.Note` on the challenge. Legal forms (empty list
elements, white space around ``=``, any letter case) make no note.

A hand-written scanner: linear in the input, never raising.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from authtui.core.http.scan import (
    STOP_VALUE,
    STOP_WORD,
    TCHAR,
    TOKEN68_CHARS,
    WS,
    is_token,
    read_quoted,
    scan_until,
    skip_ws,
)
from authtui.core.limits import clip
from authtui.core.model import Challenge, Header, Note

CHALLENGE_FIELDS: frozenset[str] = frozenset(
    {"www-authenticate", "proxy-authenticate", "www-authentication", "proxy-authentication"}
)
"""Lower-case names of the fields that carry challenges (misspellings included)."""

MAX_CHALLENGES = 256
"""Challenges read from one field value; the rest is ignored (with a note)."""
MAX_PARAMS = 256
"""Parameters kept per challenge."""
_MAX_NOTES_PER_CODE = 5

_EVIDENCE = 60
"""Longest challenge text quoted in a note."""


@dataclass(slots=True)
class _Builder:
    """A challenge being read."""

    scheme: str
    start: int
    end: int
    token68: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    comma_joins: int = 0
    space_joins: int = 0
    missing: list[str] = field(default_factory=list)
    comma_after_scheme: bool = False
    elements: int = 0

    def note(self, code: str, message: str, evidence: str = "") -> None:
        _add_note(self.notes, code, message, evidence)

    def build(self, text: str, field_name: str) -> Challenge:
        self._separator_notes()
        return Challenge(
            scheme=self.scheme,
            token68=self.token68,
            params=dict(self.params),
            field_name=field_name,
            raw=text[self.start : self.end].strip(),
            notes=tuple(self.notes),
        )

    def _separator_notes(self) -> None:
        if self.space_joins and not self.comma_joins:
            self.note(
                "challenge.space_separated",
                f"The {self.scheme} challenge separates its parameters with spaces only; "
                "RFC 9110 wants commas. Read leniently.",
                ", ".join(self.params)[:80],
            )
        elif self.space_joins:
            for name in self.missing:
                self.note(
                    "challenge.missing_comma",
                    f"A comma is missing before the parameter {name!r} of the {self.scheme} "
                    "challenge. Read leniently.",
                    name,
                )


def _add_note(notes: list[Note], code: str, message: str, evidence: str) -> None:
    """Append a note, keeping at most a few of each code (bounded output on any input)."""
    if sum(1 for n in notes if n.code == code) < _MAX_NOTES_PER_CODE:
        notes.append(Note(code, message, clip(evidence, _EVIDENCE)))


class _ChallengeReader:
    """One pass over a field value; see :func:`parse_challenges`."""

    def __init__(self, text: str, field_name: str) -> None:
        self.text = text
        self.field_name = field_name
        self.pos = 0
        self.done: list[Challenge] = []
        self.cur: _Builder | None = None
        self.field_notes: list[Note] = []
        self.stopped = False

    # -- driving

    def run(self) -> tuple[tuple[Challenge, ...], tuple[Note, ...]]:
        self._strip_field_name()
        text = self.text
        while not self.stopped:
            sep = self._skip_separators()
            if self.pos >= len(text):
                break
            self._element(sep)
        self._finish()
        if not self.done:
            _add_note(
                self.field_notes,
                "challenge.empty",
                f"The {self.field_name} field holds no challenge.",
                repr(clip(text, _EVIDENCE)),
            )
        return tuple(self.done), tuple(self.field_notes)

    def _garbled(self, message: str, evidence: str) -> None:
        target = self.cur.notes if self.cur is not None else self.field_notes
        _add_note(target, "challenge.garbled", message, evidence)

    def _strip_field_name(self) -> None:
        """A pasted ``WWW-Authenticate Bearer …`` line: drop the field name."""
        text = self.text
        start = skip_ws(text, 0)
        end = scan_until(text, start, frozenset(" \t\r\n:"))
        if text[start:end].lower() not in CHALLENGE_FIELDS or end >= len(text):
            return
        after = end + 1 if text[end] == ":" else end
        if not text[after:].strip():
            return
        self._garbled(
            f"The value starts with the field name {text[start:end]!r}; it was skipped.",
            text[start:end],
        )
        self.pos = after

    def _skip_separators(self) -> str:
        """Skip white space and commas; say what separated this element from the last."""
        text = self.text
        seen = "none"
        while self.pos < len(text):
            ch = text[self.pos]
            if ch == ",":
                seen = "comma"
            elif ch in WS:
                seen = "comma" if seen == "comma" else "space"
            else:
                break
            self.pos += 1
        return seen

    # -- one list element

    def _element(self, sep: str) -> None:
        text = self.text
        ch = text[self.pos]
        if ch == '"':
            start = self.pos
            _, self.pos, _ = read_quoted(text, self.pos)
            self._garbled(
                "A quoted string stands where a name belongs; ignored.", text[start : self.pos]
            )
            return
        if ch == "=":
            self.pos += 1
            self._garbled("A stray '=' with no parameter name before it; ignored.", "=")
            return
        start = self.pos
        self.pos = scan_until(text, self.pos, STOP_WORD)
        word = text[start : self.pos]
        look = skip_ws(text, self.pos)
        nxt = text[look] if look < len(text) else ""
        if nxt == "=":
            self.pos = look + 1
            self._param(word, sep, missing_equals=False)
        elif nxt == '"':
            self.pos = look
            self._param(word, sep, missing_equals=True)
        else:
            self._new_challenge(word, start, sep)

    def _new_challenge(self, scheme: str, start: int, sep: str) -> None:
        had_previous = self.cur is not None
        self._finish()
        if len(self.done) >= MAX_CHALLENGES:
            self._garbled(
                f"More than {MAX_CHALLENGES} challenges in one field; the rest was ignored.",
                self.text[start : start + 40],
            )
            self.stopped = True
            return
        cur = _Builder(scheme=scheme, start=start, end=self.pos)
        self.cur = cur
        if had_previous and sep != "comma":
            cur.note(
                "challenge.missing_comma",
                f"No comma before the {scheme} challenge. Read as a new challenge.",
                scheme,
            )
        if not is_token(scheme):
            cur.note(
                "challenge.garbled",
                f"The scheme {scheme!r} is not a token (RFC 9110 §11.1).",
                scheme,
            )
        self._after_scheme(cur)

    def _after_scheme(self, cur: _Builder) -> None:
        """A comma right after the scheme, or a token68 (decided before any params)."""
        text = self.text
        if self.pos < len(text) and text[self.pos] == ",":
            cur.comma_after_scheme = True
            return
        start = skip_ws(text, self.pos)
        end = start
        while end < len(text) and text[end] in TOKEN68_CHARS:
            end += 1
        if end == start:
            return
        while end < len(text) and text[end] == "=":
            end += 1
        after = skip_ws(text, end)
        if after >= len(text) or text[after] == ",":
            cur.token68 = text[start:end]
            self.pos = end
            cur.end = end

    def _param(self, name: str, sep: str, *, missing_equals: bool) -> None:
        start = self.pos
        value, quoted, closed = self._value()
        cur = self.cur
        if cur is None:
            self._garbled(
                f"The parameter {name!r} comes before any scheme; ignored.",
                f"{name}={self.text[start : self.pos]}",
            )
            return
        self._join(cur, name, sep)
        key = name.lower()
        shown = f"{name}={self.text[start : self.pos].strip()}"
        if missing_equals:
            cur.note(
                "challenge.missing_equals",
                f"The parameter {name!r} has no '=' before its value. Read leniently.",
                shown,
            )
        self._value_notes(cur, key, value, quoted, closed, shown)
        if not is_token(name):
            cur.note("challenge.garbled", f"The parameter name {name!r} is not a token.", name)
        if cur.token68 is not None:
            cur.note(
                "challenge.garbled",
                "Parameters follow a token68; a challenge carries one or the other.",
                shown,
            )
        if key in cur.params:
            cur.note(
                "challenge.duplicate_param",
                f"The parameter {key!r} occurs twice; the first value is kept.",
                shown,
            )
        elif len(cur.params) < MAX_PARAMS:
            cur.params[key] = value
        cur.end = self.pos
        self._trailing_junk(cur)

    def _join(self, cur: _Builder, name: str, sep: str) -> None:
        """Count how this param was separated from the previous one."""
        if cur.elements and sep == "comma":
            cur.comma_joins += 1
        elif cur.elements:
            cur.space_joins += 1
            cur.missing.append(name)
        elif cur.comma_after_scheme and sep == "comma":
            cur.note(
                "challenge.comma_after_scheme",
                f"A comma follows the scheme {cur.scheme!r} directly; its parameters were read "
                "as belonging to it, as the server meant.",
                f"{cur.scheme}, {name}=…",
            )
        cur.elements += 1

    def _value(self) -> tuple[str, bool, bool]:
        """Read a param value after '='; returns (value, was quoted, quote closed)."""
        text = self.text
        self.pos = skip_ws(text, self.pos)
        if self.pos < len(text) and text[self.pos] == '"':
            value, self.pos, closed = read_quoted(text, self.pos)
            return value, True, closed
        start = self.pos
        self.pos = scan_until(text, self.pos, STOP_VALUE)
        return text[start : self.pos], False, True

    def _value_notes(
        self, cur: _Builder, key: str, value: str, quoted: bool, closed: bool, shown: str
    ) -> None:
        if not closed:
            cur.note(
                "challenge.unterminated_quote",
                f"The quoted value of {key!r} has no closing quote; the rest of the field "
                "was taken, as Firefox does.",
                shown,
            )
        if quoted:
            return
        if not value:
            cur.note("challenge.garbled", f"The parameter {key!r} has no value.", shown)
            return
        if key == "realm":
            cur.note(
                "challenge.token_realm",
                "The realm is sent as a token; senders MUST quote it (RFC 9110 §11.5).",
                shown,
            )
        if "\\" in value:
            cur.note(
                "challenge.backslash_in_token",
                f"The unquoted value of {key!r} holds a backslash: escapes only work inside "
                "quotes, so it was kept as written.",
                shown,
            )
        elif not is_token(value):
            bad = next(c for c in value if c not in TCHAR)
            cur.note(
                "challenge.unquoted_value",
                f"The value of {key!r} holds {bad!r}, which needs quotes; read up to the next "
                "space or comma.",
                shown,
            )

    def _trailing_junk(self, cur: _Builder) -> None:
        """Text glued to a quoted value (``"x".``) is skipped with a note."""
        text = self.text
        if self.pos >= len(text) or text[self.pos] in STOP_VALUE:
            return
        start = self.pos
        self.pos = scan_until(text, self.pos, STOP_VALUE)
        cur.note(
            "challenge.garbled",
            "Text follows a quoted value with no separator; ignored.",
            text[start : self.pos],
        )

    def _finish(self) -> None:
        if self.cur is not None:
            self.done.append(self.cur.build(self.text, self.field_name))
            self.cur = None


_TOKEN = "[A-Za-z0-9!#$%&'*+\\-.^_`|~]+"
_PARAM = f'({_TOKEN})[ \\t]*=[ \\t]*(?:"([^"\\\\]*)"|({_TOKEN}))'
_PLAIN_PARAM = f'{_TOKEN}[ \\t]*=[ \\t]*(?:"[^"\\\\]*"|{_TOKEN})'
_ONE_PARAM = re.compile(_PARAM)
_PLAIN_CHALLENGE = re.compile(
    f"[ \\t]*({_TOKEN})(?:[ \\t]+({_PLAIN_PARAM}(?:[ \\t]*,[ \\t]*{_PLAIN_PARAM})*))?[ \\t]*"
)
"""One challenge in plain RFC 9110 syntax: a scheme, then ``name=value`` parameters
separated by commas, each value quoted (without escapes) or a token."""
_PLAIN_LIMIT = 1024
"""Longest field value tried as plain syntax (longer ones go to the full reader)."""


def _plain_challenge(value: str, field_name: str) -> Challenge | None:
    """The one challenge of a field value in plain syntax, else None.

    The common case, read with one regular expression: the same challenge the full
    reader gives, for a value in which it would note nothing. Anything else (several
    challenges, a token68, escapes, a realm not quoted, a duplicate parameter, a
    missing comma...) is None, for the full reader.
    """
    if len(value) > _PLAIN_LIMIT:
        return None
    match = _PLAIN_CHALLENGE.fullmatch(value)
    if match is None:
        return None
    scheme, text = sys.intern(match.group(1)), match.group(2)
    if scheme.lower() in CHALLENGE_FIELDS:
        return None  # the field name pasted into the value: the full reader notes it
    params: dict[str, str] = {}
    end = match.end(1)
    if text is not None:
        for name, quoted, token in _ONE_PARAM.findall(text):
            key = sys.intern(name.lower())  # names repeat, values seldom do
            if key in params or (token and key == "realm"):
                return None
            params[key] = token or quoted
        if len(params) > MAX_PARAMS:
            return None
        end = match.end(2)
    raw = value[match.start(1) : end]
    return Challenge(scheme=scheme, params=params, field_name=field_name, raw=raw)


def parse_challenges(
    value: str, field_name: str = "WWW-Authenticate"
) -> tuple[tuple[Challenge, ...], tuple[Note, ...]]:
    """Read every challenge of one field value, in order.

    Returns the challenges (each with its own deviations in ``Challenge.notes``)
    and the field-level notes that belong to no challenge (``challenge.empty``,
    text before the first scheme). Never raises; linear in ``len(value)``.
    """
    plain = _plain_challenge(value, field_name)
    if plain is not None:
        return (plain,), ()
    return _ChallengeReader(value, field_name).run()


def challenges_of(headers: Sequence[Header]) -> tuple[tuple[Challenge, ...], tuple[Note, ...]]:
    """Every challenge of every challenge-carrying header, in order, plus field-level notes.

    A field value that repeats the one before it (a paste may repeat one line a
    million times) is read once: challenges are frozen, so the same ones stand for
    each occurrence. Only the last one is remembered: a table of every value seen
    would cost more than it saves when the values differ.
    """
    challenges: list[Challenge] = []
    notes: list[Note] = []
    last: tuple[str, str] | None = None
    read: tuple[tuple[Challenge, ...], tuple[Note, ...]] = ((), ())
    for header in headers:
        if header.key not in CHALLENGE_FIELDS:
            continue
        if last is None or header.value != last[0] or header.name != last[1]:
            last = (header.value, header.name)
            read = parse_challenges(header.value, header.name)
        found = read[0]
        if header.span is not None:
            found = tuple(replace(c, span=header.span) for c in found)
        challenges.extend(found)
        notes.extend(read[1])
    return tuple(challenges), tuple(notes)
