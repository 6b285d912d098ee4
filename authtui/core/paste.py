"""The paste reader: whatever text the user pasted in, exchanges, tokens and notes out.

Reads raw HTTP/1.x and HTTP/2-style messages, ``curl -v``/``curl -i`` and HTTPie
transcripts, header blocks copied from browser developer tools, HAR files, bare
``WWW-Authenticate`` values and bare tokens, alone or one after another. It never
raises on its input and works line by line, in time linear in the paste's size.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass, field, replace

from authtui.core.har import FAILING, decode_leading_json, json_tokens, read_har
from authtui.core.limits import (
    MAX_EXCHANGES,
    MAX_NOTES_PER_CODE,
    MAX_PASTE_CHARS,
    MAX_TOKEN_CHARS,
    MAX_TOKENS,
    clip,
)
from authtui.core.model import Exchange, Header, Note, Paste

REQUEST = "request"
RESPONSE = "response"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TCHAR = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~")
_TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + "-._~+/=")
_DIGITS = frozenset(string.digits)
_LETTERS = frozenset(string.ascii_letters)
_JWT_WORD = re.compile(r"eyJ[A-Za-z0-9\-._~+/=]*")  # one class, no backtracking
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

_METHODS = _words("GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH PROPFIND QUERY")
_BODYLESS = _words("GET HEAD DELETE OPTIONS TRACE CONNECT")
_SCHEMES = _words("bearer basic digest dpop negotiate ntlm hoba mutual pop oauth kerberos")
_CHALLENGE_FIELDS = frozenset({"www-authenticate", "www-authentication", "proxy-authenticate"})
_NAMED_FIELDS = _CHALLENGE_FIELDS | {"authorization", "proxy-authorization"}

_REQUEST_NAMES = _words(
    """authorization proxy-authorization dpop cookie host user-agent accept accept-encoding
    accept-language accept-charset x-authorization x-access-token x-auth-token x-api-key
    api-key apikey x-id-token x-jwt-assertion x-amz-security-token x-amz-date
    x-amz-content-sha256 x-goog-api-key ocp-apim-subscription-key origin referer
    if-none-match if-match if-modified-since if-unmodified-since if-range range expect te
    max-forwards dnt upgrade-insecure-requests x-requested-with x-forwarded-for
    x-forwarded-host x-forwarded-proto forwarded x-csrf-token x-xsrf-token
    access-control-request-method access-control-request-headers"""
)
_REQUEST_PREFIXES = ("sec-fetch-", "sec-ch-", ":")
_RESPONSE_NAMES = _words(
    """www-authenticate www-authentication proxy-authenticate authentication-info
    proxy-authentication-info dpop-nonce date server set-cookie location retry-after etag
    last-modified age expires accept-ranges alt-svc strict-transport-security
    x-content-type-options x-frame-options content-security-policy x-xss-protection
    referrer-policy permissions-policy x-powered-by x-oauth-scopes x-accepted-oauth-scopes
    x-github-request-id x-ms-error-code apigw-requestid x-amzn-requestid x-amzn-errortype
    x-amz-request-id x-okta-request-id cf-ray nel report-to server-timing
    timing-allow-origin x-cache status :status"""
)
_RESPONSE_PREFIXES = (
    "access-control-allow-",
    "access-control-expose-",
    "access-control-max-age",
    "x-ratelimit-",
    "ratelimit-",
    "cross-origin-",
    "x-envoy-",
)
_NEUTRAL_NAMES = _words(
    """content-type content-length connection cache-control pragma vary transfer-encoding
    content-encoding keep-alive via x-request-id x-correlation-id traceparent tracestate
    content-language content-disposition upgrade trailer priority audit-id"""
)
_GENERAL = {  # Chrome's "General" section of the Network panel
    "request url": ":url",
    "request method": ":method",
    "status code": ":status",
    "remote address": ":remote",
    "referrer policy": ":remote",
}


# --- line classifiers -------------------------------------------------------------


def _is_token(text: str) -> bool:
    return bool(text) and set(text) <= _TCHAR


def _is_version(text: str) -> bool:
    if text[:5].upper() != "HTTP/":
        return False
    rest = text[5:]
    if len(rest) == 1:
        return rest in _DIGITS
    return len(rest) == 3 and rest[0] in _DIGITS and rest[1] == "." and rest[2] in _DIGITS


@dataclass(frozen=True, slots=True)
class _Start:
    kind: str
    version: str | None = None
    method: str | None = None
    target: str | None = None
    code: str | None = None
    reason: str | None = None


def _start_line(line: str) -> _Start | None:
    """A status line or request line (``line`` already stripped), else None."""
    parts = line.split(None, 2)
    if not parts:
        return None
    if _is_version(parts[0]):
        if len(parts) < 2:
            return None
        version = "HTTP/" + parts[0][5:]
        reason = parts[2].strip() if len(parts) == 3 else None
        return _Start(RESPONSE, version=version, code=parts[1], reason=reason or None)
    method = parts[0]
    if not (len(method) <= 24 and method.isascii() and method.isalpha() and method.isupper()):
        return None
    if len(parts) == 3 and _is_version(parts[2]):
        version = "HTTP/" + parts[2][5:]
        return _Start(REQUEST, version=version, method=method, target=parts[1])
    if len(parts) == 2 and method in _METHODS and _target_like(parts[1]):
        return _Start(REQUEST, method=method, target=parts[1])
    return None


def _target_like(target: str) -> bool:
    return target.startswith("/") or target == "*" or _absolute(target)


def _absolute(target: str) -> bool:
    return target[:8].lower() == "https://" or target[:7].lower() == "http://"


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    value: str
    spaced: bool = False
    """Whitespace stood between the name and the colon."""


def _header_line(line: str) -> _Field | None:
    """``Name: value`` (or a ``:pseudo: value``), else None. ``line`` is not indented."""
    if not line or line[0] in " \t":
        return None
    start = 1 if line[0] == ":" else 0
    colon = line.find(":", start)
    if colon <= start:
        return None
    raw = line[:colon]
    name = raw.rstrip(" \t")
    value = line[colon + 1 :].strip(" \t")
    general = _GENERAL.get(name.lower())
    if general is not None:
        return _Field(general, value)
    if not _is_token(name[start:]) or name[0] in "'\"" or value.startswith("//"):
        return None  # a URL such as https://host/ is no header, nor a quoted dict key
    return _Field(name, value, spaced=name != raw)


def _named_without_colon(line: str) -> _Field | None:
    """``WWW-Authenticate Bearer ...``: a well-known field name and a space, no colon."""
    name, _, rest = line.partition(" ")
    if name.lower() in _NAMED_FIELDS and rest.strip():
        return _Field(name, rest.strip(" \t"))
    return None


def _params_only(text: str) -> bool:
    """True when ``text`` is a list of auth-params (``a=b, c="d"``), read leniently.

    After a comma a bare token may start a further challenge (``..., Basic realm="x"``).
    """
    i, n, seen, element_start = 0, len(text), False, False
    while i < n:
        while i < n and text[i] in " \t,":
            element_start = element_start or text[i] == ","
            i += 1
        if i == n:
            break
        start = i
        while i < n and text[i] in _TCHAR:
            i += 1
        if i == start:
            return False
        while i < n and text[i] in " \t":
            i += 1
        if i == n or text[i] != "=":
            if not element_start:
                return False
            element_start = False  # a scheme: its parameters follow
            continue
        i += 1
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == "=":
            return False  # token68 padding (``abc==``), not a parameter
        i = _skip_value(text, i)
        seen, element_start = True, False
    return seen


def _skip_value(text: str, i: int) -> int:
    if i < len(text) and text[i] == '"':
        i += 1
        while i < len(text) and text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1
    while i < len(text) and text[i] not in " \t,":
        i += 1
    return i


def _first_is_param(text: str) -> bool:
    name, eq, value = text.partition("=")
    name = name.rstrip(" \t")
    value = value.lstrip(" \t")
    return bool(eq) and _is_token(name) and bool(value) and value[0] != "="


def _is_challenge(line: str) -> bool:
    """A bare challenge: ``Bearer realm="x", ...``, ``Newauth a=b``, or a known scheme alone."""
    scheme, _, rest = line.partition(" ")
    comma = scheme.endswith(",")
    scheme = scheme.rstrip(",")
    if not _is_token(scheme) or scheme[0] not in _LETTERS:
        return False
    known = scheme.lower() in _SCHEMES
    rest = rest.strip(" \t")
    if not rest:
        return known
    if known and (comma or rest.startswith(",") or _first_is_param(rest)):
        return True
    return _params_only(rest)


def _bearer_credential(line: str) -> bool:
    """``Bearer <token>`` / ``DPoP <token>`` pasted without a header name."""
    scheme, _, rest = line.partition(" ")
    rest = rest.strip()
    return scheme.lower() in ("bearer", "dpop") and bool(rest) and " " not in rest


def _unquote(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "'\"":
        return word[1:-1]
    return word


def _is_tokenish(word: str) -> bool:
    """A word that looks like a token: a JWT (``eyJ...``) or a long opaque value."""
    text = _unquote(word)
    if not 16 <= len(text) <= MAX_TOKEN_CHARS:
        return False
    chars = set(text)
    if not chars <= _TOKEN_CHARS or "=" in text.rstrip("="):
        return False
    if text.startswith("eyJ"):
        return True
    if text[0] in "/." or len(text) < 20:
        return False
    return not chars.isdisjoint(_DIGITS) and not chars.isdisjoint(_LETTERS)


def _side_of(key: str) -> str | None:
    """Which half of an exchange a header name belongs to; None when it could be either."""
    if key in _RESPONSE_NAMES or key.startswith(_RESPONSE_PREFIXES):
        return RESPONSE
    if key in _REQUEST_NAMES or key.startswith(_REQUEST_PREFIXES):
        return REQUEST
    return None


def _plausible(key: str) -> bool:
    """Whether a lone ``Name: value`` line is likely a header rather than prose."""
    return _side_of(key) is not None or key in _NEUTRAL_NAMES or "-" in key


def _curl_connected(text: str) -> tuple[str, int | None] | None:
    """``Connected to api.example.test (1.2.3.4) port 443``: the host and the port."""
    marker = text.find("Connected to ")
    if marker < 0:
        return None
    words = text[marker + 13 :].split()
    if not words:
        return None
    port = None
    for before, word in itertools.pairwise(words):
        if before == "port" and word.isascii() and word.isdigit() and len(word) <= 5:
            port = int(word)
    return words[0], port


# --- notes ------------------------------------------------------------------------


class _Notes:
    """Collects notes, listing only the first few of each code."""

    def __init__(self) -> None:
        self.items: list[Note] = []
        self.counts: dict[str, int] = {}

    def add(self, code: str, message: str, evidence: str = "") -> None:
        count = self.counts.get(code, 0) + 1
        self.counts[code] = count
        if count <= MAX_NOTES_PER_CODE:
            self.items.append(Note(code, message, clip(evidence)))

    def result(self) -> tuple[Note, ...]:
        more = [
            Note(code, f"{count - MAX_NOTES_PER_CODE} more like the above were not listed.")
            for code, count in self.counts.items()
            if count > MAX_NOTES_PER_CODE
        ]
        return (*self.items, *more)


# --- messages ---------------------------------------------------------------------


@dataclass(slots=True)
class _Msg:
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
    folded: list[str] = field(default_factory=list)
    """Continuation lines of the last header, joined when the next one arrives."""
    only_challenges: bool = True
    """Every header so far is a WWW-Authenticate-like field."""

    def add(self, header: Header) -> None:
        """Append a header (after joining the folded lines of the one before)."""
        self.close()
        self.only_challenges = self.only_challenges and header.key in _CHALLENGE_FIELDS
        self.headers.append(header)

    def fold(self, text: str) -> None:
        """Continue the last header's value (obs-fold); joined later in linear time."""
        self.folded.append(text)

    def close(self) -> None:
        """Join pending continuation lines into the last header."""
        if self.folded and self.headers:
            last = self.headers[-1]
            value = " ".join([last.value, *self.folded]).strip()
            self.headers[-1] = Header(last.name, value)
        self.folded = []

    def sides(self) -> list[str]:
        """The half each header belongs to, in order."""
        self.close()
        if self.kind != "block":
            return [self.kind] * len(self.headers)
        hints = [_side_of(h.key) for h in self.headers]
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


def _status_code(code: str, notes: _Notes, evidence: str) -> int | None:
    if len(code) == 3 and code.isascii() and code.isdigit() and 100 <= int(code) <= 599:
        return int(code)
    notes.add("paste.bad_status", "A status code must be a number from 100 to 599.", evidence)
    return None


# --- the reader -------------------------------------------------------------------

_IDLE, _HEADERS, _BODY = "idle", "headers", "body"


class _Reader:
    """A line-by-line state machine over one paste."""

    def __init__(self, notes: _Notes) -> None:
        self.notes = notes
        self.messages: list[_Msg] = []
        self.msg: _Msg | None = None
        self.state = _IDLE
        self.tokens: list[str] = []
        self.pending: list[str] = []
        self.pending_dots = 0
        self.pending_chars = 0
        self.curl_host: str | None = None
        self.curl_port: int | None = None
        self.ignored = 0
        self.first_ignored = ""
        self.binary = 0

    # -- entry points

    def feed(self, prefix: str | None, text: str) -> None:
        """Read one line; ``prefix`` is curl's ``>``, ``<`` or ``*``, else None."""
        if prefix is None:
            self._plain(text)
            return
        self._flush_token()
        if prefix == "*":
            self._curl_info(text)
        else:
            self._curl_line(REQUEST if prefix == ">" else RESPONSE, text)

    def finish(self) -> None:
        """Close what is still open."""
        self._flush_token()
        self._end()
        if self.ignored:
            self.notes.add(
                "paste.ignored_text",
                f"{self.ignored} line(s) were not HTTP, a challenge or a token, and were ignored.",
                self.first_ignored,
            )
        if self.binary:
            self.notes.add(
                "paste.binary",
                f"{self.binary} line(s) held NUL bytes (binary data) and were ignored.",
            )

    # -- curl transcripts

    def _curl_info(self, text: str) -> None:
        connected = _curl_connected(text)
        if connected is not None:
            self.curl_host, self.curl_port = connected

    def _curl_line(self, side: str, text: str) -> None:
        stripped = text.strip()
        msg = self.msg
        current = msg is not None and msg.kind == side and msg.source == "curl"
        if not stripped:
            if current and self.state == _HEADERS:
                self.state = _BODY if side == RESPONSE else _IDLE
            return
        start = _start_line(stripped)
        if start is not None:
            self._begin(start, "curl", stripped)
            return
        if not current or self.state != _HEADERS:
            self._open(_Msg(side, "curl"))
        self._header_section(text)

    # -- plain lines

    def _plain(self, line: str) -> None:
        stripped = line.strip()
        if self.pending:
            if self._continues_token(stripped):
                self._pend(stripped)
                return
            self._flush_token()
        if stripped.startswith("```"):
            self._end()
            return
        if "\x00" in line:
            self.binary += 1
            return
        msg = self.msg
        if self.state == _BODY and msg is not None and self._body_takes(msg, stripped):
            msg.body.append(line)
            msg.body_text = msg.body_text or bool(stripped)
            return
        if self.state == _HEADERS:
            if not stripped:
                if msg is not None and not _has_body(msg):
                    self._end()
                else:
                    self.state = _BODY
                return
            if self._header_section(line):
                return
        self._classify(stripped)

    def _header_section(self, line: str) -> bool:
        """Read a line inside a header section; False when it is no header line at all."""
        msg = self.msg
        assert msg is not None
        if line[:1] in (" ", "\t"):
            self._fold(msg, line)
            return True
        found = _header_line(line)
        if found is None:
            found = _named_without_colon(line.strip())
            if found is not None:
                self.notes.add(
                    "paste.header_no_colon",
                    f"The {found.name} line has no colon after the name; read leniently.",
                    line,
                )
        if found is not None:
            self._add_header(msg, found, line)
            return True
        if msg.source == "curl":
            self.notes.add("paste.unreadable_line", "A header line has no colon.", line)
            return True
        return False

    def _fold(self, msg: _Msg, line: str) -> None:
        if not msg.headers:
            self.notes.add("paste.unreadable_line", "An indented line follows no header.", line)
            return
        last = msg.headers[-1]
        msg.fold(line.strip())
        self.notes.add(
            "paste.obs_fold",
            f"The {last.name} field continues on an indented line (obsolete line folding, "
            "RFC 9112 §5.2); the lines were joined with one space.",
            line,
        )

    def _body_takes(self, msg: _Msg, stripped: str) -> bool:
        """Whether a line after the blank line still belongs to the message's body."""
        if _start_line(stripped) is not None:
            return False
        if not stripped or msg.body_text:
            return True
        request_like = msg.kind == REQUEST or (msg.kind == "block" and not msg.has_response())
        found = _header_line(stripped)
        if found is not None:
            key = found.name.lower()
            if (request_like and _plausible(key)) or _side_of(key) == REQUEST:
                return False
        return not (request_like and (_is_challenge(stripped) or _bearer_credential(stripped)))

    def _classify(self, stripped: str) -> None:
        """A line outside any header section or body (or one that ended it)."""
        if not stripped:
            self._end()
            return
        start = _start_line(stripped)
        if start is not None:
            self._begin(start, "http", stripped)
            return
        in_headers = self.state == _HEADERS and self.msg is not None
        if in_headers:
            assert self.msg is not None
            if self._in_section(self.msg, stripped):
                return
        elif self._starts_block(stripped):
            return
        if _is_challenge(stripped) and (not in_headers or _scheme_known(stripped)):
            self._bare_challenge(stripped)
        elif _bearer_credential(stripped):
            self._end()
            self._add_token(stripped)
        elif _scheme_known(stripped) and " " in stripped:
            self._end()
            self.notes.add(
                "paste.bare_credentials",
                "A scheme and credentials without a header name were ignored: paste them with "
                "their header (Authorization: ... or WWW-Authenticate: ...).",
                stripped,
            )
        elif " " not in stripped and _is_tokenish(stripped):
            self._end()
            self._pend(stripped)
        elif in_headers:
            self.notes.add(
                "paste.unreadable_line", "A line inside a header block has no colon.", stripped
            )
        else:
            self._end()
            self.ignored += 1
            self.first_ignored = self.first_ignored or stripped

    def _in_section(self, msg: _Msg, stripped: str) -> bool:
        """Lines in a header section that are not ``Name: value`` but still belong."""
        if not (_is_challenge(stripped) and _scheme_known(stripped)) or msg.kind == REQUEST:
            return False
        if msg.source != "challenge":
            self.notes.add(
                "paste.bare_challenge",
                "A challenge without its header name was read as a WWW-Authenticate field.",
                stripped,
            )
        msg.add(Header("WWW-Authenticate", stripped))
        return True

    def _starts_block(self, stripped: str) -> bool:
        found = _header_line(stripped)
        if found is None:
            found = _named_without_colon(stripped)
            if found is not None:
                self.notes.add(
                    "paste.header_no_colon",
                    f"The {found.name} line has no colon after the name; read leniently.",
                    stripped,
                )
        if found is None or not (found.name.startswith(":") or _plausible(found.name.lower())):
            return False
        self._open(_Msg("block", "headers"))
        assert self.msg is not None
        self._add_header(self.msg, found, stripped)
        return True

    def _bare_challenge(self, stripped: str) -> None:
        msg = self.msg
        if not (self.state == _HEADERS and msg is not None and msg.source == "challenge"):
            self._open(_Msg("block", "challenge"))
            msg = self.msg
            assert msg is not None
        msg.add(Header("WWW-Authenticate", stripped))

    # -- headers and messages

    def _add_header(self, msg: _Msg, found: _Field, line: str) -> None:
        if found.name.startswith(":"):
            self._pseudo(msg, found, line)
            return
        if found.spaced:
            self.notes.add(
                "paste.header_space",
                f"White space stands between {found.name} and its colon (not allowed by "
                "RFC 9112 §5.1); read leniently.",
                line,
            )
        key = found.name.lower()
        if key == "www-authentication":
            self.notes.add(
                "challenge.header_misspelled",
                f"The header is named {found.name}; the standard name is WWW-Authenticate "
                "(RFC 9110 §11.6.1), and clients ignore the misspelling.",
                line,
            )
        if key == "status" and msg.kind == "block" and msg.status is None:
            msg.status = _status_code(found.value.split(" ", 1)[0], self.notes, line)
        msg.add(Header(found.name, found.value))

    def _pseudo(self, msg: _Msg, found: _Field, line: str) -> None:
        key, value = found.name.lower(), found.value
        if key == ":status":
            code, _, reason = value.partition(" ")
            msg.status = _status_code(code, self.notes, line)
            msg.reason = reason.strip() or msg.reason
        elif key == ":method":
            msg.method = value or None
        elif key == ":path":
            msg.target = value or None
        elif key == ":authority":
            msg.authority = value or None
        elif key == ":scheme":
            msg.scheme = value or None
        elif key == ":url" and value:
            msg.url = value
            msg.target = msg.target or _path_of(value)
        if key in (":status", ":method", ":path", ":authority", ":url"):
            msg.add(Header(key, value))  # a side marker, dropped later

    def _begin(self, start: _Start, source: str, line: str) -> None:
        msg = _Msg(start.kind, source, method=start.method, target=start.target)
        msg.version = start.version
        if start.kind == RESPONSE:
            msg.status = _status_code(start.code or "", self.notes, line)
            msg.reason = start.reason
        self._open(msg)

    def _open(self, msg: _Msg) -> None:
        self._end()
        if msg.source == "curl" and msg.kind == REQUEST:
            msg.curl_host, msg.curl_port = self.curl_host, self.curl_port
        self.msg = msg
        self.state = _HEADERS

    def _end(self) -> None:
        if self.msg is not None:
            self.messages.append(self.msg)
        self.msg = None
        self.state = _IDLE

    # -- tokens

    def _continues_token(self, stripped: str) -> bool:
        """A JWT wrapped over several lines: equal-length lines of token characters."""
        first, last = self.pending[0], self.pending[-1]
        if not stripped or not set(stripped) <= _TOKEN_CHARS or len(last) < 40:
            return False
        if len(last) != len(first) or len(stripped) > len(first):
            return False
        if self.pending_chars + len(stripped) > MAX_TOKEN_CHARS:
            return False
        return not stripped.startswith("eyJ") or self.pending_dots < 2 or last.endswith(".")

    def _pend(self, stripped: str) -> None:
        self.pending.append(stripped)
        self.pending_dots += stripped.count(".")
        self.pending_chars += len(stripped)

    def _flush_token(self) -> None:
        if not self.pending:
            return
        if len(self.pending) > 1:
            self.notes.add(
                "paste.token_wrapped",
                f"A token broken over {len(self.pending)} lines was joined; remove the line "
                "breaks before sending it.",
                self.pending[0],
            )
        self._add_token("\n".join(self.pending))
        self.pending = []
        self.pending_dots = self.pending_chars = 0

    def _add_token(self, token: str) -> None:
        if token in self.tokens:
            return
        if len(self.tokens) >= MAX_TOKENS:
            self.notes.add("paste.too_many_tokens", f"Only the first {MAX_TOKENS} tokens are kept.")
            return
        self.tokens.append(token)


def _has_body(msg: _Msg) -> bool:
    """Whether what follows the blank line after this message's headers is its body.

    Bare challenges, request header blocks and GET-like requests carry none, so the
    lines after them are read afresh (a token, the response's headers, prose).
    """
    if msg.source == "challenge":
        return False
    if msg.kind == REQUEST:
        return msg.method not in _BODYLESS
    return msg.kind == RESPONSE or msg.has_response()


def _scheme_known(line: str) -> bool:
    return line.partition(" ")[0].rstrip(",").lower() in _SCHEMES


def _path_of(url: str) -> str | None:
    rest = url.split("://", 1)[1] if "://" in url else ""
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else ("/" if rest else None)


# --- from messages to exchanges ---------------------------------------------------


def _body_text(lines: list[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def _take_tokens(body: str, reader: _Reader) -> str:
    """A body that is only a token is a token; so is a JWT alone in the last paragraph."""
    stripped = body.strip()
    if stripped and " " not in stripped and "\n" not in stripped and _is_tokenish(stripped):
        reader._add_token(stripped)
        return ""
    head, sep, last = body.rpartition("\n\n")
    last = last.strip()
    if sep and last.startswith("eyJ") and " " not in last and _is_tokenish(last):
        reader._add_token(last)
        return head.rstrip()
    return body


def _halves(msg: _Msg, reader: _Reader) -> list[tuple[str, Exchange]]:
    """The request half and/or the response half of one message."""
    sides = msg.sides()
    request = tuple(h for h, s in zip(msg.headers, sides, strict=True) if s == REQUEST)
    response = tuple(h for h, s in zip(msg.headers, sides, strict=True) if s == RESPONSE)
    body = _take_tokens(_body_text(msg.body), reader)
    to_response = msg.kind == RESPONSE or (msg.kind == "block" and msg.has_response())
    source = msg.source
    if msg.kind == "block" and msg.only_challenges:
        source = "challenge"
    if source == "http" and any("httpie" in v.lower() for v in _values(request, "user-agent")):
        source = "httpie"
    out: list[tuple[str, Exchange]] = []
    req_headers = tuple(h for h in request if not h.name.startswith(":"))
    if msg.method or msg.target or req_headers or (body and not to_response):
        out.append(
            (
                REQUEST,
                Exchange(
                    method=msg.method,
                    target=msg.target,
                    url=_url(msg, req_headers),
                    request_headers=req_headers,
                    request_body="" if to_response else body,
                    http_version=None if to_response else msg.version,
                    source=source,
                ),
            )
        )
    resp_headers = tuple(h for h in response if not h.name.startswith(":"))
    if msg.kind == RESPONSE or msg.status is not None or resp_headers or (body and to_response):
        out.append(
            (
                RESPONSE,
                Exchange(
                    status=msg.status,
                    reason=msg.reason,
                    http_version=msg.version if to_response else None,
                    response_headers=resp_headers,
                    body=body if to_response else "",
                    source=source,
                ),
            )
        )
    return out


def _values(headers: tuple[Header, ...], key: str) -> list[str]:
    return [h.value for h in headers if h.key == key]


def _url(msg: _Msg, headers: tuple[Header, ...]) -> str | None:
    """The full request URL when the paste shows it (scheme https unless shown otherwise)."""
    if msg.url:
        return msg.url
    target = msg.target
    if not target:
        return None
    if _absolute(target):
        return target
    if not target.startswith("/"):
        return None
    hosts = _values(headers, "host")
    host = (hosts[0].strip() if hosts else "") or msg.authority or _curl_authority(msg)
    if not host or " " in host:
        return None
    scheme = msg.scheme or ("http" if msg.curl_port == 80 else "https")
    return f"{scheme}://{host}{target}"


def _curl_authority(msg: _Msg) -> str | None:
    if msg.curl_host is None:
        return None
    if msg.curl_port in (None, 80, 443):
        return msg.curl_host
    return f"{msg.curl_host}:{msg.curl_port}"


def _merge(request: Exchange, response: Exchange) -> Exchange:
    source = (
        request.source if request.source == response.source else _merged_source(request, response)
    )
    return replace(
        request,
        status=response.status,
        reason=response.reason,
        http_version=response.http_version or request.http_version,
        response_headers=response.response_headers,
        body=response.body,
        source=source,
    )


def _merged_source(request: Exchange, response: Exchange) -> str:
    for source in ("curl", "httpie", "http"):
        if source in (request.source, response.source):
            return source
    return "headers"


def _final_responses(items: list[tuple[str, Exchange]]) -> list[tuple[str, Exchange]]:
    """Drop interim responses (``100 Continue``) that another response follows."""
    return [
        item
        for i, item in enumerate(items)
        if not (
            item[0] == RESPONSE
            and item[1].status is not None
            and item[1].status < 200
            and i + 1 < len(items)
            and items[i + 1][0] == RESPONSE
        )
    ]


def _pair(items: list[tuple[str, Exchange]]) -> list[Exchange]:
    """Pair each request with the response that follows it (or a lone response with the
    request pasted after it); the rest stand alone."""
    items = _final_responses(items)
    out: list[Exchange] = []
    i, n = 0, len(items)
    while i < n:
        side, exchange = items[i]
        nxt = items[i + 1] if i + 1 < n else None
        if side == REQUEST and nxt is not None and nxt[0] == RESPONSE:
            out.append(_merge(exchange, nxt[1]))
            i += 2
        elif (
            side == RESPONSE
            and nxt is not None
            and nxt[0] == REQUEST
            and not (i + 2 < n and items[i + 2][0] == RESPONSE)
        ):
            out.append(_merge(nxt[1], exchange))
            i += 2
        else:
            out.append(exchange)
            i += 1
    return [replace(e, label=_label(e)) for e in out]


def _label(exchange: Exchange) -> str:
    request = " ".join(p for p in (exchange.method, exchange.target) if p)
    if exchange.status is not None:
        if request:
            return f"{request} -> {exchange.status}"
        return " ".join(p for p in (str(exchange.status), exchange.reason) if p)
    if request:
        return request if not exchange.has_response else f"{request} -> response"
    if exchange.source == "challenge":
        return "challenge only"
    if exchange.request_headers and exchange.response_headers:
        return "request and response headers"
    if exchange.request_headers:
        return "request headers"
    if exchange.response_headers or exchange.body:
        return "response headers"
    return "response with an unreadable status"


def default_selected(exchanges: tuple[Exchange, ...]) -> int:
    """The exchange to diagnose: the first failing (401/403/407), else the last with a
    status, else 0."""
    for index, exchange in enumerate(exchanges):
        if exchange.status in FAILING:
            return index
    for index in range(len(exchanges) - 1, -1, -1):
        if exchanges[index].status is not None:
            return index
    return 0


# --- the whole paste --------------------------------------------------------------


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


def _is_curl(lines: list[str]) -> bool:
    return any(
        line[:2] in ("> ", "< ") and _start_line(line[2:].strip()) is not None for line in lines
    )


def _curl_prefix(line: str) -> tuple[str | None, str] | None:
    """Split a curl -v line into its prefix and text; None for a line to skip."""
    head = line[:2]
    if head in ("> ", "< ", "* "):
        return head[0], line[2:]
    if line in (">", "<", "*"):
        return line, ""
    if head in ("{ ", "} ") and line[2:3] == "[":
        return None  # { [5 bytes data]
    cut = line.find("* Connection #")
    if cut > 0:  # a body without a final newline runs into curl's next line
        return None, line[:cut]
    return None, line


def _read_lines(text: str, reader: _Reader) -> None:
    lines = _lines(text)
    if _is_curl(lines):
        for line in lines:
            split = _curl_prefix(line)
            if split is not None:
                reader.feed(*split)
    else:
        for line in lines:
            if line or reader.state != _IDLE or reader.pending:
                reader.feed(None, line)
    reader.finish()


def _jwt_words(text: str) -> list[str]:
    """Every ``eyJ...`` run of token characters with two dots or more, in one pass."""
    found: list[str] = []
    for match in _JWT_WORD.finditer(text):
        if match.group().count(".") >= 2:
            found.append(match.group())
            if len(found) >= MAX_TOKENS:
                break
    return found


def _read_json(text: str, start: int, notes: _Notes) -> tuple[list[Exchange], list[str], int]:
    """A leading JSON value: HAR exchanges, or the tokens it holds. Returns where the
    text after it begins (0 when it could not be read: the whole paste is then text)."""
    decoded = decode_leading_json(text, start)
    if isinstance(decoded, Note):
        notes.add(decoded.code, decoded.message, decoded.evidence)
        return [], _jwt_words(text), 0
    doc, end = decoded
    har = read_har(doc)
    if har is not None:
        exchanges, har_notes = har
        for note in har_notes:
            notes.add(note.code, note.message, note.evidence)
        if not exchanges:
            notes.add("paste.har_empty", "The HAR file holds no entries with a request.")
        return exchanges, [], end
    tokens = json_tokens(doc)
    notes.add(
        "paste.json_not_har",
        "The paste is JSON but not a HAR file; only the tokens in it were used."
        if tokens
        else "The paste is JSON but not a HAR file, and holds no token.",
        text[start:end],
    )
    return [], tokens, end


def read_paste(text: str) -> Paste:
    """Read a paste of any shape into exchanges, standalone tokens and notes.

    Never raises; over :data:`~authtui.core.limits.MAX_PASTE_CHARS` the rest is ignored.
    """
    notes = _Notes()
    truncated_at: int | None = None
    if len(text) > MAX_PASTE_CHARS:
        truncated_at = MAX_PASTE_CHARS
        notes.add(
            "paste.truncated",
            f"The paste is {len(text):,} characters long; only the first "
            f"{MAX_PASTE_CHARS:,} were read.",
        )
        text = text[:MAX_PASTE_CHARS]
    text = text.removeprefix("\ufeff")
    _note_control(text, notes)
    reader = _Reader(notes)
    exchanges: list[Exchange] = []
    start = len(text) - len(text.lstrip())
    rest = text
    if text[start : start + 1] in ("{", "["):
        exchanges, tokens, end = _read_json(text, start, notes)
        for token in tokens:
            reader._add_token(token)
        rest = text[end:]
    _read_lines(rest, reader)
    items = [half for msg in reader.messages for half in _halves(msg, reader)]
    exchanges.extend(_pair(items))
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
        tokens=tuple(reader.tokens),
        notes=notes.result(),
        truncated_at=truncated_at,
    )


def _note_control(text: str, notes: _Notes) -> None:
    count = _CONTROL.subn("", text)[1]
    if count:
        notes.add(
            "paste.control_chars",
            f"The paste holds {count:,} control or undecodable characters; it may be binary "
            "data or text in another encoding.",
        )
