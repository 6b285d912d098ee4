"""Read RFC 9110 §11 challenges and credentials leniently, noting every deviation.

``WWW-Authenticate`` values are read the way browsers read them: what a server
plainly meant is recovered (params separated by spaces only, unquoted URLs, a
comma right after the scheme, an unterminated quote) and each deviation becomes a
:class:`~authtui.core.model.Note` on the challenge. Legal forms (empty list
elements, white space around ``=``, any letter case) make no note.

Credentials are read the same way: the cleaned token comes back ready to decode,
and what had to be cleaned is noted with the contract's ``authz.*`` codes.

Everything here is a hand-written scanner: linear in the input, never raising.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from string import ascii_letters, digits
from urllib.parse import parse_qsl, unquote

from authtui.core.model import Challenge, Credentials, Exchange, Header, Note

CHALLENGE_FIELDS: frozenset[str] = frozenset(
    {"www-authenticate", "proxy-authenticate", "www-authentication", "proxy-authentication"}
)
"""Lower-case names of the fields that carry challenges (misspellings included)."""

TOKEN_HEADERS: frozenset[str] = frozenset(
    {
        "x-authorization",
        "x-access-token",
        "x-auth-token",
        "x-id-token",
        "x-jwt",
        "x-jwt-assertion",
        "x-forwarded-access-token",
        "access-token",
        "x-token",
    }
)
"""Lower-case names of non-standard request headers that conventionally carry tokens."""

KNOWN_SCHEMES: frozenset[str] = frozenset(
    {
        "basic",
        "bearer",
        "digest",
        "dpop",
        "hoba",
        "mutual",
        "negotiate",
        "ntlm",
        "oauth",
        "scram-sha-1",
        "scram-sha-256",
        "vapid",
        "aws4-hmac-sha256",
        "token",
        "jwt",
        "apikey",
        "privatetoken",
        "concealed",
        "gnap",
    }
)
"""Lower-case authentication schemes seen in the wild (IANA registry and common ones)."""

_TCHAR = frozenset(ascii_letters + digits + "!#$%&'*+-.^_`|~")
_TOKEN68 = frozenset(ascii_letters + digits + "-._~+/")
_WS = frozenset(" \t\r\n")
_NEWLINES = frozenset("\r\n")
_NOT_TOKEN68 = re.compile(r"[^A-Za-z0-9\-._~+/]")
"""One character outside ``_TOKEN68`` (a single class: linear, no backtracking)."""
_STOP_WORD = frozenset(' \t\r\n,="')
_STOP_VALUE = frozenset(" \t\r\n,")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_PARAM_SCHEMES = frozenset({"digest", "oauth", "mutual", "hoba", "aws4-hmac-sha256"})
_TOKEN68_SCHEMES = frozenset({"bearer", "dpop", "basic", "negotiate", "ntlm", "token", "jwt"})
_GLUE_SCHEMES = ("bearer", "dpop", "basic")
_CASE_CHECKED = {"bearer": "Bearer", "dpop": "DPoP"}

MAX_CHALLENGES = 256
"""Challenges read from one field value; the rest is ignored (with a note)."""
MAX_PARAMS = 256
"""Parameters kept per challenge."""
_MAX_NOTES_PER_CODE = 5


def _clip(text: str, limit: int = 60) -> str:
    """Shorten evidence text, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _visible(text: str) -> str:
    """Make tabs and line breaks visible in evidence."""
    return text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def _is_token(text: str) -> bool:
    return bool(text) and all(ch in _TCHAR for ch in text)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


_STOP_CLASSES: dict[frozenset[str], re.Pattern[str]] = {}
"""One compiled character class per stop set: a single-class search never backtracks."""


def _scan_until(text: str, pos: int, stops: frozenset[str]) -> int:
    """Index of the first character at or after ``pos`` that is in ``stops`` (else the end)."""
    pattern = _STOP_CLASSES.get(stops)
    if pattern is None:
        pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(stops)) + "]")
        _STOP_CLASSES[stops] = pattern
    found = pattern.search(text, pos)
    return found.start() if found else max(pos, len(text))


def _read_quoted(text: str, pos: int) -> tuple[str, int, bool]:
    """Read a quoted-string starting at ``text[pos] == '"'``.

    Returns the unescaped content, the position after the closing quote, and
    whether the closing quote was found (if not, the rest of the text is taken).
    """
    out: list[str] = []
    i = pos + 1
    n = len(text)
    while i < n:
        quote = text.find('"', i)
        if quote < 0:
            quote = n
        slash = text.find("\\", i, quote)
        if 0 <= slash < quote:
            out.append(text[i:slash])
            if slash + 1 < n:
                out.append(text[slash + 1])
            i = slash + 2
            continue
        out.append(text[i:quote])
        if quote < n:
            return "".join(out), quote + 1, True
        return "".join(out), n, False
    return "".join(out), n, False


# --------------------------------------------------------------------------- challenges


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
        notes.append(Note(code, message, _clip(evidence)))


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
                repr(_clip(text)),
            )
        return tuple(self.done), tuple(self.field_notes)

    def _garbled(self, message: str, evidence: str) -> None:
        target = self.cur.notes if self.cur is not None else self.field_notes
        _add_note(target, "challenge.garbled", message, evidence)

    def _strip_field_name(self) -> None:
        """A pasted ``WWW-Authenticate Bearer …`` line: drop the field name."""
        text = self.text
        start = _skip_ws(text, 0)
        end = _scan_until(text, start, frozenset(" \t\r\n:"))
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
            elif ch in _WS:
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
            _, self.pos, _ = _read_quoted(text, self.pos)
            self._garbled(
                "A quoted string stands where a name belongs; ignored.", text[start : self.pos]
            )
            return
        if ch == "=":
            self.pos += 1
            self._garbled("A stray '=' with no parameter name before it; ignored.", "=")
            return
        start = self.pos
        self.pos = _scan_until(text, self.pos, _STOP_WORD)
        word = text[start : self.pos]
        look = _skip_ws(text, self.pos)
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
        if not _is_token(scheme):
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
        start = _skip_ws(text, self.pos)
        end = start
        while end < len(text) and text[end] in _TOKEN68:
            end += 1
        if end == start:
            return
        while end < len(text) and text[end] == "=":
            end += 1
        after = _skip_ws(text, end)
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
        if not _is_token(name):
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
        self.pos = _skip_ws(text, self.pos)
        if self.pos < len(text) and text[self.pos] == '"':
            value, self.pos, closed = _read_quoted(text, self.pos)
            return value, True, closed
        start = self.pos
        self.pos = _scan_until(text, self.pos, _STOP_VALUE)
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
        elif not _is_token(value):
            bad = next(c for c in value if c not in _TCHAR)
            cur.note(
                "challenge.unquoted_value",
                f"The value of {key!r} holds {bad!r}, which needs quotes; read up to the next "
                "space or comma.",
                shown,
            )

    def _trailing_junk(self, cur: _Builder) -> None:
        """Text glued to a quoted value (``"x".``) is skipped with a note."""
        text = self.text
        if self.pos >= len(text) or text[self.pos] in _STOP_VALUE:
            return
        start = self.pos
        self.pos = _scan_until(text, self.pos, _STOP_VALUE)
        cur.note(
            "challenge.garbled",
            "Text follows a quoted value with no separator; ignored.",
            text[start : self.pos],
        )

    def _finish(self) -> None:
        if self.cur is not None:
            self.done.append(self.cur.build(self.text, self.field_name))
            self.cur = None


def parse_challenges(
    value: str, field_name: str = "WWW-Authenticate"
) -> tuple[tuple[Challenge, ...], tuple[Note, ...]]:
    """Read every challenge of one field value, in order.

    Returns the challenges (each with its own deviations in ``Challenge.notes``)
    and the field-level notes that belong to no challenge (``challenge.empty``,
    text before the first scheme). Never raises; linear in ``len(value)``.
    """
    return _ChallengeReader(value, field_name).run()


def challenges_of(headers: Sequence[Header]) -> tuple[tuple[Challenge, ...], tuple[Note, ...]]:
    """Every challenge of every challenge-carrying header, in order, plus field-level notes."""
    challenges: list[Challenge] = []
    notes: list[Note] = []
    for header in headers:
        if header.key not in CHALLENGE_FIELDS:
            continue
        found, field_notes = parse_challenges(header.value, header.name)
        challenges.extend(found)
        notes.extend(field_notes)
    return tuple(challenges), tuple(notes)


# --------------------------------------------------------------------------- credentials


def _first_invalid(token: str) -> tuple[int, str] | None:
    """Position (0-based) and character of the first char outside RFC 6750 b64token."""
    found = _NOT_TOKEN68.search(token.rstrip("="))
    return (found.start(), found.group()) if found else None


def _peek(token: str) -> str:
    """A short, safe prefix of a token for evidence (tokens are secrets)."""
    return token if len(token) <= 12 else token[:10] + "…"


def _looks_like_token(word: str) -> bool:
    """A lone word that is a token rather than a scheme name."""
    bare = word.strip(_QUOTES)
    if not bare or not _is_token(word):
        return bool(bare)
    return "." in bare or len(bare) > 20 or any(c in digits or c in "_~+/=" for c in bare)


def _glued(word: str) -> tuple[str, str] | None:
    """``Bearereyj…`` / ``Bearer{token}``: the scheme and what is glued to it."""
    lower = word.lower()
    for scheme in _GLUE_SCHEMES:
        if lower.startswith(scheme) and len(word) > len(scheme):
            rest = word[len(scheme) :]
            if len(rest) >= 8 or rest[0] in "{$<[(" + _QUOTES or rest.startswith("eyJ"):
                return word[: len(scheme)], rest
    return None


def _split_word(text: str) -> tuple[str, str, str]:
    """First word, the white space after it, and the rest."""
    end = _scan_until(text, 0, _WS)
    rest_at = _skip_ws(text, end)
    return text[:end], text[end:rest_at], text[rest_at:]


def _describe_ws(ws: str) -> str:
    if "\n" in ws or "\r" in ws:
        return "a line break"
    if "\t" in ws:
        return "a tab"
    return f"{len(ws)} spaces"


def _clean_token(token: str, notes: list[Note]) -> str | None:
    """Remove quotes and white space from a token, noting each; flag invalid chars."""
    text = token
    if text and (text[0] in _QUOTES or text[-1] in _QUOTES):
        text = text.strip(_QUOTES)
        notes.append(
            Note(
                "authz.quoted_token",
                "The token is wrapped in quotes; they become part of what the server reads.",
                _peek(token),
            )
        )
    if not _WS.isdisjoint(text):
        where = "a line break inside" if not _NEWLINES.isdisjoint(text) else "white space inside"
        notes.append(
            Note(
                "authz.whitespace",
                f"The token has {where} it; it was removed to read the token.",
                _visible(_peek(text)),
            )
        )
        text = "".join(c for c in text if c not in _WS)
    if not text:
        notes.append(Note("authz.empty_credentials", "The credentials hold no token.", ""))
        return None
    bad = _first_invalid(text)
    if bad is not None:
        index, ch = bad
        window = text[max(0, index - 4) : index + 5]
        notes.append(
            Note(
                "authz.invalid_chars",
                f"The token holds {ch!r} at position {index + 1}, which RFC 6750 b64token "
                "does not allow.",
                _visible(window),
            )
        )
    return text


def _split_multiple(rest: str) -> tuple[str, str | None]:
    """``x, Basic y``: the first credential's text and the next scheme, if any."""
    n = len(rest)
    pos = rest.find(",")
    while 0 <= pos < n:
        start = _skip_ws(rest, pos + 1)
        end = _scan_until(rest, start, _STOP_VALUE)
        if rest[start:end].lower() in KNOWN_SCHEMES:
            return rest[:pos], rest[start:end]
        pos = rest.find(",", max(end, pos + 1))
    return rest, None


def _wants_params(scheme_key: str, rest: str) -> bool:
    if scheme_key in _PARAM_SCHEMES:
        return True
    if scheme_key in _TOKEN68_SCHEMES:
        return False
    name_end = _scan_until(rest, 0, _STOP_WORD)
    eq = _skip_ws(rest, name_end)
    if name_end == 0 or eq >= len(rest) or rest[eq] != "=":
        return False
    value = _skip_ws(rest, eq + 1)
    return value < len(rest) and rest[value] not in "=,"


@dataclass(slots=True)
class _Creds:
    """Credentials being read."""

    scheme: str | None = None
    token: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def _read_single(word: str, bare_ok: bool, out: _Creds) -> None:
    """A value of one word: a scheme alone, a glued scheme, or a bare token."""
    glued = _glued(word)
    if word.lower() in KNOWN_SCHEMES:
        out.scheme = word
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {word!r} has no token after it.", word)
        )
    elif glued is not None:
        out.scheme, rest = glued
        out.notes.append(
            Note(
                "authz.no_space",
                f"The token is glued to the scheme {out.scheme!r} with no space.",
                _peek(word),
            )
        )
        out.token = _clean_token(rest, out.notes)
    elif bare_ok or _looks_like_token(word):
        _read_bare(word, bare_ok, out)
    else:
        out.scheme = word
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {word!r} has no token after it.", word)
        )


def _read_bare(text: str, bare_ok: bool, out: _Creds) -> None:
    if not bare_ok:
        out.notes.append(
            Note(
                "authz.no_scheme",
                "The token is sent bare, with no scheme such as 'Bearer ' in front.",
                _peek(text),
            )
        )
    out.token = _clean_token(text, out.notes)


def _read_scheme_and_rest(scheme: str, ws: str, rest: str, out: _Creds) -> None:
    key = scheme.lower()
    out.scheme = scheme
    wanted = _CASE_CHECKED.get(key)
    if wanted is not None and scheme != wanted:
        out.notes.append(
            Note("authz.scheme_case", f"The scheme is written {scheme!r}, not {wanted!r}.", scheme)
        )
    if ws != " ":
        out.notes.append(
            Note(
                "authz.whitespace",
                f"The scheme is followed by {_describe_ws(ws)} instead of one space.",
                _visible(f"{scheme}{ws}"),
            )
        )
    rest = _drop_double_scheme(scheme, rest, out)
    if not rest:
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {scheme!r} has no token after it.", scheme)
        )
    elif _wants_params(key, rest):
        _read_params(f"{scheme} {rest}", out)
    else:
        first, other = _split_multiple(rest)
        if other is not None:
            out.notes.append(
                Note(
                    "authz.multiple",
                    f"One value carries two credentials: {scheme} and {other}.",
                    f"{scheme} …, {other} …",
                )
            )
        out.token = _clean_token(first.strip(" \t"), out.notes)


def _drop_double_scheme(scheme: str, rest: str, out: _Creds) -> str:
    """``Bearer Bearer x``: drop the repeated scheme words."""
    key = scheme.lower()
    pos = 0
    while pos < len(rest):
        end = _scan_until(rest, pos, _WS)
        if rest[pos:end].lower().rstrip(":") != key:
            break
        pos = _skip_ws(rest, end)
    if pos:
        out.notes.append(
            Note("authz.double_scheme", f"The scheme {scheme!r} is written twice.", scheme)
        )
    return rest[pos:]


def _read_params(text: str, out: _Creds) -> None:
    found, field_notes = parse_challenges(text, "Authorization")
    out.notes.extend(field_notes)
    if not found:
        return
    out.params = dict(found[0].params)
    out.token = found[0].token68
    out.notes.extend(found[0].notes)
    if len(found) > 1:
        out.notes.append(
            Note(
                "authz.multiple",
                f"One value carries more than one credential ({found[1].scheme} follows).",
                found[1].scheme,
            )
        )


def _colon_scheme(word: str) -> bool:
    """``Bearer:`` copied with the colon of a header line."""
    return word.endswith(":") and word[:-1].lower() in KNOWN_SCHEMES


def _parse(value: str, field_name: str, bare_ok: bool) -> Credentials:
    out = _Creds()
    text = value.strip(" \t\r\n")
    if text and value.rstrip(" \t\r\n") != value:
        out.notes.append(
            Note(
                "authz.whitespace",
                "The value ends with trailing white space.",
                _visible(value[-12:]),
            )
        )
    if not text:
        out.notes.append(
            Note("authz.empty_credentials", f"The {field_name} value is empty.", repr(value))
        )
    else:
        first, ws, rest = _split_word(text)
        if not rest:
            _read_single(first, bare_ok, out)
        elif _colon_scheme(first):
            out.notes.append(
                Note(
                    "authz.invalid_chars",
                    f"A ':' follows the scheme {first[:-1]!r}; the server reads "
                    f"{first!r} as the scheme.",
                    first,
                )
            )
            _read_scheme_and_rest(first[:-1], ws, rest, out)
        elif first.lower() not in KNOWN_SCHEMES and (bare_ok or _looks_like_token(first)):
            _read_bare(text, bare_ok, out)
        else:
            _read_scheme_and_rest(first, ws, rest, out)
    return Credentials(
        scheme=out.scheme,
        token68=out.token,
        params=out.params,
        field_name=field_name,
        raw=value,
        notes=tuple(out.notes),
    )


def parse_credentials(value: str, field_name: str = "Authorization") -> Credentials:
    """Read an ``Authorization``-style value leniently.

    ``token68`` is the cleaned token (quotes, a doubled scheme and white space
    removed) so it can be decoded; ``raw`` is the value as given. Deviations are
    notes with the contract's ``authz.*`` codes. Never raises.
    """
    return _parse(value, field_name, bare_ok=False)


def _query_of(exchange: Exchange) -> str:
    target = exchange.target or exchange.url or ""
    query = target.partition("?")[2]
    return query.partition("#")[0]


def _query_tokens(exchange: Exchange) -> list[Credentials]:
    found: list[Credentials] = []
    for part in _query_of(exchange).split("&"):
        name, eq, raw = part.partition("=")
        if eq and unquote(name) == "access_token":
            cred = _parse(unquote(raw), "query access_token", bare_ok=True)
            found.append(_with_raw(cred, raw))
    return found


def _form_tokens(exchange: Exchange) -> list[Credentials]:
    types = exchange.request_header("Content-Type")
    kind = types[0].split(";")[0].strip().lower() if types else ""
    if (
        kind not in ("", "application/x-www-form-urlencoded")
        or "access_token" not in exchange.request_body
    ):
        return []
    found: list[Credentials] = []
    for name, val in parse_qsl(exchange.request_body.strip(), keep_blank_values=True):
        if name == "access_token":
            found.append(_parse(val, "form access_token", bare_ok=True))
    return found


def _with_raw(cred: Credentials, raw: str) -> Credentials:
    return Credentials(
        scheme=cred.scheme,
        token68=cred.token68,
        params=cred.params,
        field_name=cred.field_name,
        raw=raw,
        notes=cred.notes,
    )


def request_credentials(exchange: Exchange) -> tuple[Credentials, ...]:
    """Every credential the request carries, in order of importance.

    ``Authorization`` fields first (each one), then ``Proxy-Authorization``, then
    non-standard token headers (:data:`TOKEN_HEADERS`) in header order, then an
    ``access_token`` in the query, then in a form body. The ``DPoP`` proof header is
    not a credential and is left out.
    """
    headers = exchange.request_headers
    found = [parse_credentials(h.value, h.name) for h in headers if h.key == "authorization"]
    found += [parse_credentials(h.value, h.name) for h in headers if h.key == "proxy-authorization"]
    found += [_parse(h.value, h.name, bare_ok=True) for h in headers if h.key in TOKEN_HEADERS]
    found += _query_tokens(exchange)
    found += _form_tokens(exchange)
    return tuple(found)


# --------------------------------------------------------------------------- Basic


def basic_user(credentials: Credentials) -> tuple[str | None, bool, Note | None]:
    """Decode Basic credentials: the user id, whether a password is present, a note.

    The password itself is never returned. The note says what was off (not Basic,
    no token, bad base64, not UTF-8, no colon); ``None`` when all is well.
    """
    token = credentials.token68
    if credentials.scheme_key != "basic" or not token:
        return None, False, Note("basic.no_token", "There are no Basic credentials to decode.")
    note: Note | None = None
    try:
        data = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        padded = token + "=" * (-len(token) % 4)
        try:
            data = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            return (
                None,
                False,
                Note("basic.base64", "The Basic credentials are not valid base64.", _peek(token)),
            )
        note = Note(
            "basic.base64",
            "The Basic credentials are not standard padded base64; read leniently.",
            _peek(token),
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = data.decode("latin-1")
        note = Note(
            "basic.charset",
            "The Basic credentials are not UTF-8 (RFC 7617 §2.1); read as ISO-8859-1.",
        )
    user, colon, password = decoded.partition(":")
    if not colon:
        return (
            user,
            False,
            Note(
                "basic.no_colon",
                "The decoded Basic credentials hold no ':' between user id and password.",
            ),
        )
    return user, bool(password), note
