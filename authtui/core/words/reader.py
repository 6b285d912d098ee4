"""The reader of server words: what the server's own messages mean, as findings.

The server's messages (challenge ``error_description``, error bodies, vendor
headers; see :mod:`authtui.core.words.sources`) are matched against the table in
:mod:`authtui.core.words.table`. Each ``server.*`` code is reported once,
with the evidence of every message that said it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from authtui.core.controls import CONTROLS, control, via
from authtui.core.model import Challenge, Exchange, Finding, Severity
from authtui.core.options import FrontEnd
from authtui.core.words import pattern as sp
from authtui.core.words.match import match_normalised
from authtui.core.words.sources import RFC6750_ERRORS, ServerText, error_texts

EVIDENCE_CAP = 300
"""Longest quoted message in a finding's evidence."""
_MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class _CodeText:
    title: str
    fix: str
    """May name controls: ``{key}`` (the control), ``{via_key}`` (``with --key``, ``in
    Settings › Verification key``), filled for the front end that asks."""
    refs: tuple[str, ...]

    def fix_for(self, front: FrontEnd) -> str:
        """The fix, naming the controls of ``front``."""
        names = {name: control(name, front) for name in CONTROLS}
        names.update({f"via_{name}": via(name, front) for name in CONTROLS})
        return self.fix.format_map(names)


_CODE_TEXTS: dict[str, _CodeText] = {
    sp.EXPIRED: _CodeText(
        "The server says the token expired",
        "Get a fresh token (refresh it or sign in again) and retry. If a fresh token fails "
        "too, compare the server's clock with the issuer's (see the time.* findings).",
        ("RFC 7519 §4.1.4", "RFC 6750 §3.1"),
    ),
    sp.NOT_YET_VALID: _CodeText(
        "The server says the token is not valid yet",
        "The token's nbf/iat lie in the server's future: sync the issuer's, client's and "
        "server's clocks (NTP), backdate iat/nbf a little, or allow clock skew on the server.",
        ("RFC 7519 §4.1.5", "RFC 7519 §4.1.6"),
    ),
    sp.BAD_SIGNATURE: _CodeText(
        "The server says the token's signature is invalid",
        "Check the token comes unaltered from the issuer this API trusts, and that the "
        "server allows its alg; verify it here with the issuer's JWKS ({key}) to see which "
        "side is wrong.",
        ("RFC 7515 §5.2", "RFC 8725 §3.1"),
    ),
    sp.UNKNOWN_KEY: _CodeText(
        "The server found no key to verify the token",
        "Compare the token's kid and alg with the keys the server loads from its configured "
        "issuer (authority, tenant, realm, JWKS URL); a rotated key needs a metadata refresh. "
        "Give the JWKS {via_key} to check.",
        ("RFC 7515 §4.1.4", "RFC 7517 §5", "RFC 8725 §3.1"),
    ),
    sp.AUDIENCE: _CodeText(
        "The server says the token's audience is wrong",
        "Request the token for this API (the audience, resource or API scope parameter at "
        "the token endpoint), or add the token's aud to the API's accepted audiences. Give "
        "the expected audience {via_aud} to compare.",
        ("RFC 7519 §4.1.3", "RFC 8725 §3.9"),
    ),
    sp.ISSUER: _CodeText(
        "The server says the token's issuer is wrong",
        "Get the token from the issuer the API trusts, or configure the API to trust this "
        "one: the match is exact (scheme, host, path, trailing slash, /v2.0). Give the "
        "expected issuer {via_iss} to compare.",
        ("RFC 7519 §4.1.1", "RFC 8725 §3.8"),
    ),
    sp.SCOPE: _CodeText(
        "The server says the token lacks the scope or permission needed",
        "Request the token with the scope or role this endpoint needs (and consent to it), "
        "or grant it to the client or user. Give the required scope {via_scope} to compare.",
        ("RFC 6750 §3.1", "RFC 6749 §3.3"),
    ),
    sp.MALFORMED: _CodeText(
        "The server says the token or its header is malformed",
        "Send exactly 'Authorization: Bearer <token>' with the whole token (a JWT has three "
        "dot-separated parts), no quotes, no line breaks.",
        ("RFC 6750 §2.1", "RFC 7515 §7.1"),
    ),
    sp.MISSING_TOKEN: _CodeText(
        "The server says no token reached it",
        "Check the request carries 'Authorization: Bearer <token>' all the way to the app: "
        "a proxy, a redirect, CORS or the WSGI/CGI layer may strip the header.",
        ("RFC 6750 §2.1", "RFC 6750 §3.1", "RFC 9110 §11.6.2"),
    ),
    sp.WRONG_TOKEN_TYPE: _CodeText(
        "The server says this is the wrong kind of token",
        "Send the kind of token the server expects: an access token for APIs (not the ID or "
        "refresh token), or an ID token where the service demands one.",
        ("RFC 8725 §3.11", "RFC 9068 §2.1"),
    ),
}


_REPEATED_CODES = RFC6750_ERRORS - {"insufficient_scope"}
"""Codes another check reports; a text that is only one of them is skipped."""


@dataclass(slots=True)
class _Hits:
    """Everything the server said that maps to one code."""

    code: str
    rows: list[sp.Pattern] = field(default_factory=list)
    texts: list[ServerText] = field(default_factory=list)


def server_findings(
    texts: Sequence[ServerText], challenge_errors: Collection[str] = (), front: FrontEnd = "cli"
) -> list[Finding]:
    """One finding per ``server.*`` code the texts support, in order of first mention.

    ``challenge_errors`` are the (lower-cased) ``error`` codes of the challenges: a
    text that only repeats one of them, or only names an RFC 6750 code another
    check reports, is skipped. ``front`` is the front end that asks (advice names
    its controls).
    """
    errors = {e.strip().lower() for e in challenge_errors}
    hits: dict[str, _Hits] = {}
    # Servers often say the same words twice (challenge and body): match them once.
    matched: dict[str, list[sp.Pattern]] = {}
    for item in texts:
        normalised = sp.normalise(item.text)
        if normalised in errors or normalised in _REPEATED_CODES:
            continue
        rows = matched.get(normalised)
        if rows is None:
            rows = matched[normalised] = match_normalised(normalised, errors)
        for row in rows:
            entry = hits.setdefault(row.code, _Hits(row.code))
            entry.rows.append(row)
            entry.texts.append(item)
    return [_finding(entry, front) for entry in hits.values()]


def _finding(hits: _Hits, front: FrontEnd) -> Finding:
    statements = [row for row in hits.rows if not row.hint]
    lead = statements[0] if statements else hits.rows[0]
    base = _CODE_TEXTS[hits.code]
    return Finding(
        code=hits.code,
        severity=Severity.ERROR if statements else Severity.WARNING,
        title=lead.title or base.title,
        detail=_detail(lead, hits.rows),
        evidence=_evidence(hits.texts),
        fix=lead.fix or base.fix_for(front),
        refs=base.refs,
    )


def _detail(lead: sp.Pattern, rows: Sequence[sp.Pattern]) -> str:
    parts = [lead.meaning]
    if lead.vendor:
        parts.append(f"(Recognised as the wording of {lead.vendor}.)")
    other = next((r for r in rows if r.meaning != lead.meaning), None)
    if other is not None:
        parts.append(f"Another message: {other.meaning}")
    return " ".join(parts)


def _evidence(texts: Sequence[ServerText]) -> str:
    """Each distinct message once, with every place that said it; a message already
    contained in a longer one (an HTML heading in the page text) is not repeated."""
    places: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    for item in texts:
        norm = sp.normalise(item.text)
        if any(norm != seen and (norm in seen or seen in norm) for seen in places):
            continue
        places.setdefault(norm, [])
        if item.where not in places[norm]:
            places[norm].append(item.where)
        first.setdefault(norm, item.text)
    shown = [
        f'{", ".join(wheres)}: "{shorten(first[norm])}"'
        for norm, wheres in list(places.items())[:_MAX_EVIDENCE]
    ]
    if len(places) > _MAX_EVIDENCE:
        shown.append(f"and {len(places) - _MAX_EVIDENCE} more")
    return "; ".join(shown)


def shorten(text: str, limit: int = EVIDENCE_CAP) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def read_server_words(
    exchange: Exchange, challenges: Sequence[Challenge], front: FrontEnd = "cli"
) -> list[Finding]:
    """Map the server's own messages to ``server.*`` findings (not for 1xx-3xx answers);
    ``front`` is the front end that asks (advice names its controls)."""
    status = exchange.status
    if status is not None and status < 400:
        return []
    texts = error_texts(exchange, challenges)
    errors = [c.params["error"].lower() for c in challenges if "error" in c.params]
    return server_findings(texts, errors, front)
