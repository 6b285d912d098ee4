"""The data model every layer shares: frozen dataclasses, nothing clever.

Data flows one way: pasted text -> :class:`Paste` (with :class:`Exchange`,
:class:`Challenge`, :class:`Credentials`, :class:`Token`) -> :class:`Finding` ->
:class:`Report`. Nothing here imports anything beyond the standard library and
:mod:`~authtui.core.place` (where a thing was read).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from authtui.core.place import Source, Span


class Severity(StrEnum):
    """How much a finding matters for the failure at hand."""

    ERROR = "error"
    """Explains the failure, or would make a correct server refuse the request."""
    WARNING = "warning"
    """Legal but risky or non-conforming; may matter with some servers."""
    INFO = "info"
    """Context that helps a person read the rest."""
    OK = "ok"
    """A check that passed: it shows what was ruled out."""

    @property
    def rank(self) -> int:
        """Sort key: errors first, ``ok`` last."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2, Severity.OK: 3}


@dataclass(frozen=True, slots=True)
class Note:
    """Something a reader had to read leniently, or could not read at all.

    Readers never raise on user input; they return what they could read and a
    note for each thing that was off.
    """

    code: str
    """Stable identifier. Where a note maps straight to a finding, it *is* that
    finding's code (``authz.quoted_token``); otherwise a dotted reader code such as
    ``challenge.missing_comma``, ``paste.truncated`` or ``token.padding``."""
    message: str
    """One plain sentence that says what was off."""
    evidence: str = ""
    """The exact text concerned (may be shortened with an ellipsis)."""


@dataclass(frozen=True, slots=True)
class Header:
    """One header field line, as written (name case and value kept)."""

    name: str
    value: str
    span: Span | None = field(default=None, compare=False)
    """Where the field was read in the paste: the whole line as written (white space
    around it left out; with its continuation lines when folded); in a HAR file, its
    ``{"name": …, "value": …}`` object. ``None`` for a header no line holds (implied by
    a curl option, built by a test)."""
    key: str = field(init=False, repr=False, compare=False)
    """The name lower-cased, for lookups (computed once: headers are looked up often)."""

    def __post_init__(self) -> None:
        if len(self.name) <= _SHARED_NAME:
            name, key = _shared_name(self.name)
            object.__setattr__(self, "name", name)
            object.__setattr__(self, "key", key)
        else:
            object.__setattr__(self, "key", self.name.lower())


_SHARED_NAME = 64
"""Header names up to this long are shared: a paste may repeat one a million times."""


@lru_cache(maxsize=4096)
def _shared_name(name: str) -> tuple[str, str]:
    """One copy of a header name, and of its lower case, for every header that has it."""
    return name, name.lower()


def _find(headers: tuple[Header, ...], name: str) -> list[str]:
    wanted = name.lower()
    return [h.value for h in headers if h.key == wanted]


@dataclass(frozen=True, slots=True)
class Exchange:
    """A request and/or its response, as far as the paste shows them."""

    method: str | None = None
    """Request method (``GET``), when the request line was pasted."""
    target: str | None = None
    """Request target as written: origin-form ``/orders?x=1`` or absolute URL."""
    url: str | None = None
    """The full request URL when it can be known (HAR, absolute-form target,
    or ``Host`` plus target; scheme ``https`` assumed when not shown)."""
    request_headers: tuple[Header, ...] = ()
    request_body: str = ""
    status: int | None = None
    reason: str | None = None
    """Reason phrase as written; ``None`` for HTTP/2 or when absent."""
    http_version: str | None = None
    """Protocol of the response line (``HTTP/1.1``, ``HTTP/2``), else of the request."""
    response_headers: tuple[Header, ...] = ()
    body: str = ""
    """The response body (decoded text)."""
    source: str = "text"
    """What shape it was read from: ``http``, ``curl``, ``httpie``, ``har``,
    ``headers``, ``challenge`` (a bare WWW-Authenticate value), ``token``..."""
    label: str = ""
    """Short human label, e.g. ``GET /orders -> 401`` (used to pick HAR entries)."""
    started: str = ""
    """A HAR entry's ``startedDateTime`` as written (the client's clock when it sent
    the request); ``""`` for every other shape of paste."""
    request_line: Span | None = field(default=None, compare=False)
    """Where the request line was read (``GET /orders HTTP/1.1``, a curl command's first
    line, an HTTP/2 ``:method`` line); in a HAR file, the entry's ``request`` object."""
    status_line: Span | None = field(default=None, compare=False)
    """Where the status line was read (``HTTP/1.1 401 Unauthorized``, ``:status``, a
    ``Status:`` field); in a HAR file, the response's ``"status"`` member."""
    body_span: Span | None = field(default=None, compare=False)
    """Where the response body was read, first to last non-blank line; in a HAR file, the
    response's ``content`` object."""

    @property
    def has_request(self) -> bool:
        """True when any part of the request was pasted."""
        return self.method is not None or bool(self.request_headers)

    @property
    def has_response(self) -> bool:
        """True when any part of the response was pasted."""
        return self.status is not None or bool(self.response_headers) or bool(self.body)

    def request_header(self, name: str) -> list[str]:
        """Every value of a request header, in order (case-insensitive name)."""
        return _find(self.request_headers, name)

    def response_header(self, name: str) -> list[str]:
        """Every value of a response header, in order (case-insensitive name)."""
        return _find(self.response_headers, name)


@dataclass(frozen=True, slots=True)
class ExchangeKey:
    """An exchange as a cache key: its value and where each part was read (its spans,
    which the exchange's equality leaves out, are in what is read from it)."""

    exchange: Exchange
    spans: tuple[Span | None, ...]

    @classmethod
    def of(cls, exchange: Exchange) -> ExchangeKey | None:
        """The key of ``exchange``; ``None`` when it is too big to keep in a cache (over
        1,000 fields or 1 MiB of body: a paste that repeats a line a million times)."""
        fields = len(exchange.request_headers) + len(exchange.response_headers)
        if fields > 1000 or len(exchange.body) + len(exchange.request_body) > 1 << 20:
            return None
        lines = (exchange.request_line, exchange.status_line, exchange.body_span)
        spans = (*lines, *(h.span for h in exchange.request_headers + exchange.response_headers))
        return cls(exchange, spans)


@dataclass(frozen=True, slots=True)
class Paste:
    """Everything the reader made of one paste."""

    exchanges: tuple[Exchange, ...] = ()
    """Every exchange found. For a HAR file: only the failing (401/403/407) entries,
    or every entry when none failed."""
    selected: int = 0
    """Index into ``exchanges`` of the one to diagnose (first failing by default)."""
    tokens: tuple[str, ...] = ()
    """Standalone tokens found outside any header (a bare JWT, a token after a blank
    line), as written (not yet cleaned)."""
    notes: tuple[Note, ...] = ()
    """What had to be read leniently or could not be read."""
    truncated_at: int | None = None
    """When the paste was over the size cap: the offset after which it was ignored."""
    transport: tuple[str, ...] = ()
    """What a ``curl -v`` transcript (or a client's error) said about the connection
    beneath HTTP: TLS alerts, certificate requests and errors, each line as written."""
    stripped: tuple[str, ...] = ()
    """When the paste is an export known to leave out credentials (a browser's
    sanitized HAR): the signs that say so, in words. Empty otherwise."""
    token_roles: tuple[tuple[str, str], ...] = ()
    """Tokens of a token endpoint's JSON answer, as (member name, token), in the
    order of the answer (``access_token``, ``id_token``, ``refresh_token``)."""
    token_spans: tuple[Span | None, ...] = ()
    """Where each of :attr:`tokens` was read in the paste (its lines, when it stood on
    lines of its own), in the same order; ``None`` where no stretch holds it alone."""

    @property
    def exchange(self) -> Exchange:
        """The exchange to diagnose (an empty one when nothing was found)."""
        if not self.exchanges:
            return Exchange()
        return self.exchanges[min(max(self.selected, 0), len(self.exchanges) - 1)]


@dataclass(frozen=True, slots=True)
class Challenge:
    """One challenge of a ``WWW-Authenticate`` or ``Proxy-Authenticate`` field."""

    scheme: str
    """Scheme as written (``Bearer``, ``bearer``, ``DPoP``)."""
    token68: str | None = None
    params: Mapping[str, str] = field(default_factory=dict)
    """Parameter names lower-cased, values unquoted and unescaped. The first of
    duplicate parameters wins (the duplicate is noted)."""
    field_name: str = "WWW-Authenticate"
    """The header it came from, as written."""
    raw: str = ""
    notes: tuple[Note, ...] = ()
    """Deviations from RFC 9110/6750 read leniently in this challenge."""
    span: Span | None = None
    """Where the field that holds it was read in the paste (:attr:`Header.span`)."""

    @property
    def scheme_key(self) -> str:
        """Scheme lower-cased, for comparisons."""
        return self.scheme.lower()


@dataclass(frozen=True, slots=True)
class Credentials:
    """Credentials the request carried, and where."""

    scheme: str | None
    """Scheme as written; ``None`` for a bare token with no scheme."""
    token68: str | None = None
    """The token68 / b64token part (the token itself for Bearer and DPoP)."""
    params: Mapping[str, str] = field(default_factory=dict)
    field_name: str = "Authorization"
    """Where it travelled: a header name as written (``Authorization``,
    ``X-Access-Token``, ``DPoP``), or ``query access_token`` / ``form access_token``."""
    raw: str = ""
    """The field value as pasted."""
    notes: tuple[Note, ...] = ()
    """Deviations, with finding codes where they map to one (``authz.quoted_token``,
    ``authz.whitespace``, ``authz.double_scheme``, ``authz.scheme_case``,
    ``authz.invalid_chars``, ``authz.no_scheme``...)."""
    span: Span | None = None
    """Where they were read in the paste: the header line, the request line for the
    query, the body for a form; ``None`` when no line of the paste holds them."""

    @property
    def scheme_key(self) -> str:
        """Scheme lower-cased ('' when there is none)."""
        return (self.scheme or "").lower()


class TokenForm(StrEnum):
    """What a token turned out to be (contract: ``token.form``)."""

    JWS = "jws"
    JWE = "jwe"
    UNSECURED = "unsecured"
    OPAQUE = "opaque"
    MALFORMED = "malformed"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Token:
    """A token, classified and decoded for display (never validated here)."""

    raw: str
    """The compact token after cleaning (prefix, quotes and white space removed)."""
    form: TokenForm
    source: str = ""
    """Where it was found, in words: ``Authorization header``, ``token pane``..."""
    header: dict[str, Any] | None = None
    """Decoded JOSE header (JSON values kept exactly), when readable."""
    claims: dict[str, Any] | None = None
    """Decoded payload when it is a JSON object (JWS and unsecured only)."""
    segments: tuple[str, ...] = ()
    """The dot-separated segments as base64url text."""
    signing_input: bytes = b""
    """ASCII bytes of ``header.payload`` exactly as they travelled, for verification."""
    signature: bytes = b""
    """Decoded signature bytes (JWS)."""
    notes: tuple[Note, ...] = ()
    """Lenient readings (padding, standard alphabet, white space, duplicate keys,
    nested JWT) and, for a malformed token, where and why it failed."""
    payload: bytes = b""
    """The decoded payload of a JWS whose payload is not a JSON object (RFC 7515
    allows any payload); empty otherwise (the claims hold a JSON payload)."""
    span: Span | None = None
    """Where it was read in the paste: the header line that carried it, or its own lines;
    ``None`` for a token given on its own (an option, the token pane)."""

    @property
    def alg(self) -> str | None:
        """The header's ``alg`` when it is a string."""
        value = (self.header or {}).get("alg")
        return value if isinstance(value, str) else None

    @property
    def kid(self) -> str | None:
        """The header's ``kid`` when it is a string."""
        value = (self.header or {}).get("kid")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the diagnosis found. ``code`` is the contract's stable ID."""

    code: str
    severity: Severity
    title: str
    """One line."""
    detail: str = ""
    """What it means, in plain words."""
    evidence: str = ""
    """The exact value seen, with where it came from."""
    fix: str = ""
    """What to do next."""
    refs: tuple[str, ...] = ()
    """Spec references, e.g. ``RFC 7519 §4.1.4``."""
    confirms: tuple[str, ...] = ()
    """Codes of findings this one confirms from another source (the server's
    ``insufficient_scope`` confirms the token's ``scope.insufficient``): the same
    cause, named once in the verdict's causes."""
    source: Source | None = None
    """Where its evidence came from (a line of the paste, a claim of the token, a key);
    ``None`` when the evidence has no place there."""


class Kind(StrEnum):
    """The verdict's judgement (contract: ``verdict.kind``)."""

    AUTHENTICATION = "authentication"
    AUTHORIZATION = "authorization"
    BAD_REQUEST = "bad-request"
    NOT_AN_AUTH_FAILURE = "not-an-auth-failure"
    UNKNOWN = "unknown"


class SignatureStatus(StrEnum):
    """Contract: ``token.signature``."""

    VALID = "valid"
    INVALID = "invalid"
    NOT_CHECKED = "not-checked"
    NO_KEY_MATCHED = "no-key-matched"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The tool's judgement from all the evidence."""

    status: int | None
    kind: Kind
    headline: str
    """One sentence a senior engineer would say."""
    causes: tuple[str, ...] = ()
    """Finding codes, most likely first."""
    next_step: str = ""
    """What to do or paste next."""


class ClockBasis(StrEnum):
    """Where the evaluation time came from (contract: ``clock.basis``)."""

    GIVEN = "given"
    """``--now TIME`` (or a time typed in the TUI's Evaluation time field)."""
    CAPTURE = "capture"
    """The paste's own time: a HAR entry's ``startedDateTime``, else ``Date`` plus ``Age``."""
    DEVICE = "device"
    """The device clock."""


@dataclass(frozen=True, slots=True)
class Clock:
    """The clocks the time checks used."""

    now: float
    """Evaluation time (epoch seconds)."""
    server_now: float | None
    """The server's clock when it answered: the response's ``Date`` plus its ``Age``
    (a cached response carries the origin's older ``Date``), when readable."""
    skew: float
    """Clock-skew allowance in seconds."""
    basis: ClockBasis = ClockBasis.DEVICE
    """Where :attr:`now` came from."""
    captured_at: float | None = None
    """The paste's own time (the moment of the request), or ``None``."""
    device: float | None = None
    """The device clock the rule compared the paste with."""
    summary: str = ""
    """Which clock judged, in words, and what the other reading would change
    (``judged at the capture time, 2 days ago; by the device clock the token has
    also expired``). Shown by every front end as is."""


class Tier(StrEnum):
    """How hidden a redacted value is (contract: "Redaction")."""

    CREDENTIAL = "credential"
    """Hidden by default, shown with ``--no-redact``; cut to a recognisable prefix."""
    SECRET = "secret"
    """Hidden always; shown as a fingerprint (length and the start of its SHA-256)."""


@dataclass(frozen=True, slots=True)
class Redaction:
    """One field whose value the report hides (never the value itself)."""

    where: str
    """The field, in words: ``header X-API-Key``, ``query sig``, ``form password``,
    ``response body refresh_token``, ``header Cookie session``..."""
    tier: Tier


@dataclass(frozen=True, slots=True)
class Totals:
    """Exact counts of what a report lists only in part.

    A paste may hold a million challenges or headers: every one is read and checked,
    and the report lists the first few hundred (``limits.SHOWN_*``), with these counts.
    """

    challenges: int
    """Challenges of the exchange in all (``Report.challenges`` lists the first ones)."""
    request_headers: int
    """Request headers of the exchange in all."""
    response_headers: int
    """Response headers of the exchange in all."""
    findings: int
    """Findings in all (``Report.findings`` lists the highest ranked of each code)."""
    findings_omitted: tuple[tuple[str, int], ...] = ()
    """``(code, how many findings of it are not listed)`` for each code cut, in order."""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole diagnosis, ready for any renderer. Already redacted as asked."""

    verdict: Verdict
    findings: tuple[Finding, ...]
    """Ranked: causes first, then by severity."""
    exchange: Exchange
    challenges: tuple[Challenge, ...]
    credentials: Credentials | None
    token: Token | None
    signature: SignatureStatus
    clock: Clock
    notes: tuple[Note, ...] = ()
    """Reader notes (what was read leniently or ignored)."""
    entries: tuple[str, ...] = ()
    """Labels of every exchange in the paste (HAR entries), for picking."""
    selected: int = 0
    redacted: bool = True
    """Whether credentials were hidden (secrets always are)."""
    redactions: tuple[Redaction, ...] = ()
    """Every field the report hides, with its tier, each once, in the order met."""
    totals: Totals | None = None
    """Exact counts of the lists above, when any of them is shown in part; None when
    every list is whole (see :meth:`counts`)."""

    def counts(self) -> Totals:
        """The exact counts, whether or not a list was cut."""
        if self.totals is not None:
            return self.totals
        exchange = self.exchange
        return Totals(
            challenges=len(self.challenges),
            request_headers=len(exchange.request_headers),
            response_headers=len(exchange.response_headers),
            findings=len(self.findings),
        )

    @property
    def has_error(self) -> bool:
        """True when any finding has severity ``error`` (exit status 1)."""
        return any(f.severity is Severity.ERROR for f in self.findings)
