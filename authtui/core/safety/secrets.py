"""The one scrubber for secrets: redaction by field, wherever a field is echoed.

A value is hidden because of the field that holds it, never because its text
turns up somewhere (contract: "Redaction"). Two tiers (:class:`~authtui.core.model.Tier`):

* **credentials** (tokens, DPoP proofs, client assertions, cookie values, session
  tokens): hidden by default, shown with ``--no-redact``; cut to a prefix that
  identifies them, ``eyJhbGciOi…(redacted)``;
* **secrets** (passwords, client secrets, API keys, signatures of signed URLs and
  requests, Digest ``response``, the HMAC secret): hidden always, shown as a
  :func:`fingerprint` (length and the first 8 hex digits of the SHA-256), so two
  pastes can be compared without revealing either.

:class:`Scrubber` knows every place a field is echoed: a header (``Authorization``
by scheme, ``Cookie`` and ``Set-Cookie`` pair by pair, a URL header, any header
whose name means a credential or a secret), a URL (its password, its query and
fragment), a form, multipart or JSON body at any depth. Which names mean what is
:mod:`.names`; the shapes are walked in :mod:`.shapes`. The checks build their
evidence from its renderings; :func:`~authtui.core.safety.redact.redact_report`
applies it to a whole report.
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote

from authtui.core.model import (
    Credentials,
    Exchange,
    ExchangeKey,
    Header,
    Redaction,
    Tier,
    Token,
    TokenForm,
)
from authtui.core.safety.names import Place, field_tier
from authtui.core.safety.shapes import (
    decode_basic,
    multipart_boundary,
    scheme_tier,
    scrub_authorization,
    scrub_basic,
    scrub_cookies,
    scrub_json,
    scrub_multipart,
    scrub_pairs,
    scrub_pem,
    scrub_url,
    scrub_urls_in,
)

if TYPE_CHECKING:  # an annotation: the TUI's scrubbing does not load the checks' context
    from authtui.core.context import Context

_MAX_REDACTIONS = 200
"""Fields listed one by one in ``Report.redactions``; past them, one count per tier."""
_FIELD_NEEDLES = 64
"""Values met in fields that the backstop also hunts in free text (the first ones)."""
_TCHARS = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~")
"""Characters of a header name (RFC 9110 token)."""
_URL_HEADERS = frozenset({"location", "content-location", "referer", "referrer", "origin"})


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a secret is shown as: enough to compare two pastes, nothing to use."""

    length: int
    """Characters (bytes, for a secret given as bytes)."""
    sha256: str
    """The first 8 hex digits of the SHA-256 of its UTF-8 bytes."""
    unit: str = "chars"

    def __str__(self) -> str:
        return f"(secret {self.length} {self.unit} sha256:{self.sha256})"


def fingerprint(value: str | bytes) -> Fingerprint:
    """The fingerprint of a secret: equal secrets give equal fingerprints, always."""
    if isinstance(value, bytes):
        return Fingerprint(len(value), hashlib.sha256(value).hexdigest()[:8], "bytes")
    data = value.encode("utf-8", "surrogatepass")
    return Fingerprint(len(value), hashlib.sha256(data).hexdigest()[:8])


def redacted_form(value: str) -> str:
    """A credential shortened to a prefix that identifies it but cannot be used."""
    keep = min(10, len(value) // 4)
    return f"{value[:keep]}…(redacted)"


@lru_cache(maxsize=4096)
def _header_kind(name: str) -> tuple[str, Tier | None]:
    """How a header's value is read: ``cookie``, ``set-cookie``, ``authorization`` (by
    scheme), ``url``, ``whole`` (its name means a credential or a secret: the tier), or
    ``text`` (anything else: only the URLs in it are scrubbed)."""
    key = name.lower()
    if key == "cookie":
        return "cookie", None
    if key in ("set-cookie", "set-cookie2"):
        return "set-cookie", None
    if key.endswith("authorization"):
        return "authorization", None
    if key in _URL_HEADERS or key.endswith(("url", "uri")):
        return "url", None
    tier = field_tier(name, Place.HEADER)
    return ("text", None) if tier is None else ("whole", tier)


def _content_type(headers: tuple[Header, ...]) -> str:
    return next((h.value for h in headers if h.key == "content-type"), "")


class Scrubber:
    """Hides every credential and secret of the fields it is given, by field.

    ``redact`` hides the credentials too (secrets are hidden always). Each method
    takes a field as pasted and gives it as it may be shown; :attr:`redactions`
    lists what was hidden so far, each field once.
    """

    def __init__(self, redact: bool = True) -> None:
        self.redact = redact
        self._redactions: dict[tuple[str, Tier], None] = {}
        self._more: dict[Tier, set[str]] = {}
        self._needles: dict[str, str] = {}
        self._shown: dict[tuple[str, str], str] = {}
        """Header values already scrubbed (a credential is echoed in several places)."""

    @property
    def redactions(self) -> tuple[Redaction, ...]:
        """Every field hidden so far, with its tier, in the order met."""
        listed = [Redaction(where, tier) for where, tier in self._redactions]
        listed += [Redaction(f"and {len(more)} more fields", t) for t, more in self._more.items()]
        return tuple(listed)

    def needles(self) -> dict[str, str]:
        """Values hidden so far (the first few) and what they are shown as."""
        return dict(self._needles)

    def mark(self, where: str, tier: Tier) -> None:
        """Record that the field ``where`` is hidden (for a value never echoed as text)."""
        if (where, tier) in self._redactions:
            return
        if len(self._redactions) < _MAX_REDACTIONS:
            self._redactions[where, tier] = None
        else:
            self._more.setdefault(tier, set()).add(where)

    def hide(self, where: str, value: str, tier: Tier) -> str:
        """What to show for ``value``, which the field ``where`` holds: a fingerprint
        for a secret, a prefix for a credential (itself when not redacting)."""
        if tier is Tier.CREDENTIAL and not self.redact:
            return value
        shown = str(fingerprint(value)) if tier is Tier.SECRET else redacted_form(value)
        self.mark(where, tier)
        if len(self._needles) < _FIELD_NEEDLES:
            self._needles.setdefault(value, shown)
        return shown

    # --- fields ---------------------------------------------------------------------

    def header(self, name: str, value: str) -> str:
        """A header's value as it may be shown."""
        kind, tier = _header_kind(name)
        if kind == "text":
            return self.text(value)
        known = self._shown.get((name, value))
        if known is None:
            known = self._shown[name, value] = self._field(name, value, kind, tier)
        return known

    def _field(self, name: str, value: str, kind: str, tier: Tier | None) -> str:
        where = f"header {name}"
        if kind == "cookie" or kind == "set-cookie":
            return scrub_cookies(value, where, self.hide, set_cookie=kind == "set-cookie")
        if kind == "authorization":
            return scrub_authorization(value, where, self.hide)
        if kind == "url":
            return self.url(value)
        core = value.strip()
        if tier is None or not core:
            return value
        start = value.find(core)
        return value[:start] + self.hide(where, core, tier) + value[start + len(core) :]

    def url(self, url: str) -> str:
        """A URL, absolute or a path, with its password and sensitive parameters hidden."""
        return scrub_url(url, self.hide)

    def text(self, text: str) -> str:
        """Free text with the URLs in it scrubbed."""
        return scrub_urls_in(text, self.hide)

    def body(self, text: str, content_type: str, where: str) -> str:
        """A request or response body: JSON, urlencoded or multipart form, else text;
        a PEM private key in any of them."""
        text = scrub_pem(text, where, self.hide)
        core = text.strip()
        if not core:
            return text
        kind = content_type.split(";")[0].strip().lower()
        if core[0] in "{[" or kind.endswith("json"):
            return scrub_json(text, where, self.hide)
        boundary = (
            multipart_boundary(content_type, text)
            if kind.startswith("multipart") or (not kind and core.startswith("--"))
            else None
        )
        if boundary:
            return scrub_multipart(text, boundary, self.hide)
        if kind == "application/x-www-form-urlencoded" or (
            kind in ("", "text/plain") and "=" in core and not any(c.isspace() for c in core)
        ):
            return scrub_pairs(text, Place.FORM, "form", self.hide, plus=True)
        return self.text(text)

    def line(self, text: str) -> str:
        """A piece of a paste quoted as it was (a reader's note): a header line, else
        a body, read by its shape."""
        name, colon, value = text.partition(":")
        if (
            colon
            and name.strip()
            and _TCHARS.issuperset(name.strip())
            and not value.startswith("//")
        ):
            return f"{name}:{self.header(name.strip(), value)}"
        return self.body(text, "", "paste")

    def exchange(self, ex: Exchange) -> Exchange:
        """An exchange with every field scrubbed (headers, target, URL, bodies, label).

        A scrubber that has hidden nothing yet takes the answer, and all it hid on the
        way, from the last few exchanges scrubbed (:func:`_scrubbed_exchange`).
        """
        key = ExchangeKey.of(ex)
        if key is None or self._redactions or self._more or self._needles or self._shown:
            return self._exchange(ex)
        shown, state = _scrubbed_exchange(key, self.redact)
        self._restore(state)
        return shown

    def _state(self) -> _State:
        """What this scrubber has hidden so far, frozen."""
        return _State(
            redactions=tuple(self._redactions),
            more=tuple((tier, frozenset(names)) for tier, names in self._more.items()),
            needles=tuple(self._needles.items()),
            shown=tuple(self._shown.items()),
        )

    def _restore(self, state: _State) -> None:
        """Take up ``state`` as what this scrubber has hidden so far."""
        self._redactions = dict.fromkeys(state.redactions)
        self._more = {tier: set(names) for tier, names in state.more}
        self._needles = dict(state.needles)
        self._shown = dict(state.shown)

    def _exchange(self, ex: Exchange) -> Exchange:
        return changed(
            ex,
            target=self.url(ex.target) if ex.target else ex.target,
            url=self.url(ex.url) if ex.url else ex.url,
            request_headers=self._headers(ex.request_headers),
            request_body=self.body(
                ex.request_body, _content_type(ex.request_headers), "request body"
            ),
            response_headers=self._headers(ex.response_headers),
            body=self.body(ex.body, _content_type(ex.response_headers), "response body"),
            label=self.text(ex.label),
        )

    def _headers(self, headers: tuple[Header, ...]) -> tuple[Header, ...]:
        out = []
        changed = False
        for h in headers:
            shown = self.header(h.name, h.value)
            if shown != h.value:
                out.append(Header(h.name, shown, h.span))
                changed = True
            else:
                out.append(h)
        return tuple(out) if changed else headers

    # --- credentials and tokens -----------------------------------------------------

    def _credential_place(self, cred: Credentials) -> tuple[str, Place | None, str]:
        """(where, place, name) of a credential: a header, or a query or form field."""
        kind, _, name = cred.field_name.partition(" ")
        if name and kind in ("query", "form"):
            return cred.field_name, Place.QUERY if kind == "query" else Place.FORM, name
        return f"header {cred.field_name}", None, cred.field_name

    def credential(self, cred: Credentials) -> str:
        """The value a credential travelled in, as it may be shown."""
        where, place, name = self._credential_place(cred)
        if place is None:
            return self.header(cred.field_name, cred.raw)
        tier = field_tier(name, place) or Tier.CREDENTIAL
        return self.hide(where, unquote(cred.raw), tier) if cred.raw else cred.raw

    def _token68(self, cred: Credentials) -> str | None:
        token = cred.token68
        if not token:
            return token
        where, place, name = self._credential_place(cred)
        if cred.scheme_key == "basic":
            return scrub_basic(token, where, self.hide)
        if cred.scheme:
            tier = scheme_tier(cred.scheme)
        else:
            tier = field_tier(name, place or Place.HEADER) or Tier.CREDENTIAL
        return self.hide(where, token, tier)

    def hidden_parts(self, cred: Credentials) -> list[tuple[str, Tier]]:
        """The parts of a credential this scrubber hides, each with its tier: its
        token (a Basic one decoded too, and its password) and its sensitive params."""
        parts: list[tuple[str, Tier]] = []
        tier = Tier.SECRET if cred.scheme_key == "basic" else scheme_tier(cred.scheme or "")
        if cred.token68 and (self.redact or tier is Tier.SECRET):
            parts.append((cred.token68, tier))
            decoded = decode_basic(cred.token68) if cred.scheme_key == "basic" else None
            if decoded:
                parts += [(decoded, tier), (decoded.partition(":")[2], tier)]
        for name, value in cred.params.items():
            param = field_tier(name, Place.PARAM)
            if param is Tier.SECRET or (param is Tier.CREDENTIAL and self.redact):
                parts.append((value, param))
        return [(p, t) for p, t in parts if p]

    def note_evidence(self, cred: Credentials, evidence: str) -> str:
        """A note's evidence about ``cred``: itself when it quotes nothing hidden, else
        the credential's field as it may be shown."""
        hidden = [part for part, _ in self.hidden_parts(cred)]
        if evidence and not _overlaps(evidence, hidden):
            return evidence
        return self.credential(cred).replace("\r", "\\r").replace("\n", "\\n")

    def credentials(self, cred: Credentials | None) -> Credentials | None:
        """A parsed credential with its token, parameters, raw value and notes scrubbed."""
        if cred is None:
            return None
        where, _, _ = self._credential_place(cred)
        params = {}
        for name, value in cred.params.items():
            tier = field_tier(name, Place.PARAM)
            params[name] = self.hide(f"{where} {name}", value, tier) if tier and value else value
        notes = tuple(
            replace(n, evidence=self.note_evidence(cred, n.evidence)) if n.evidence else n
            for n in cred.notes
        )
        return changed(
            cred,
            token68=self._token68(cred),
            params=params if params != cred.params else cred.params,
            raw=self.credential(cred),
            notes=notes if notes != cred.notes else cred.notes,
        )

    def token(self, token: Token | None) -> Token | None:
        """A decoded token with its compact form, its signature (text and bytes) and,
        unless they were decoded for display, its other segments redacted; its header
        and claims, what the tool exists to show, are kept."""
        if token is None or not token.raw or not self.redact:
            return token
        where = f"token ({token.source})" if token.source else "token"
        keep = {TokenForm.JWS: 2, TokenForm.UNSECURED: 2, TokenForm.JWE: 1}.get(token.form, 0)
        segments = tuple(
            s if i < keep else self.hide(where, s, Tier.CREDENTIAL) if s else s
            for i, s in enumerate(token.segments)
        )
        return replace(
            token,
            raw=self.hide(where, token.raw, Tier.CREDENTIAL),
            segments=segments,
            signature=b"",
            signing_input=token.signing_input if keep == 2 else b"",
        )


@dataclass(frozen=True, slots=True)
class _State:
    """What a :class:`Scrubber` has hidden, frozen (to be kept in a cache)."""

    redactions: tuple[tuple[str, Tier], ...]
    more: tuple[tuple[Tier, frozenset[str]], ...]
    needles: tuple[tuple[str, str], ...]
    shown: tuple[tuple[tuple[str, str], str], ...]


@lru_cache(maxsize=4)
def _scrubbed_exchange(key: ExchangeKey, redact: bool) -> tuple[Exchange, _State]:
    """An exchange scrubbed by a fresh scrubber, and what that scrubber then holds.

    Once per distinct exchange (value and spans) and redaction: the TUI re-diagnoses
    the same paste at every keystroke. Bounded to the last few exchanges; the values it
    holds (the needles) are in those exchanges, which the cache holds anyway.
    """
    scrub = Scrubber(redact)
    shown = scrub._exchange(key.exchange)
    return shown, scrub._state()


T = TypeVar("T")


def changed(value: T, **fields: Any) -> T:
    """``value`` with ``fields`` replaced, or ``value`` itself when none differs."""
    changes = {k: v for k, v in fields.items() if v is not getattr(value, k)}
    return replace(value, **changes) if changes else value  # type: ignore[type-var]


def _overlaps(text: str, hidden: list[str]) -> bool:
    """Whether ``text`` quotes any piece (four characters or more, or all of a shorter
    value) of the hidden values."""
    if len(text) > 400:
        return bool(hidden)
    for value in hidden:
        if len(value) < 4:
            if value in text:
                return True
            continue
        if any(text[i : i + 4] in value for i in range(len(text) - 3)):
            return True
    return False


def scrubber_for(ctx: Context) -> Scrubber:
    """The scrubber for one diagnosis (redacting as the options ask)."""
    return Scrubber(ctx.options.redact)
