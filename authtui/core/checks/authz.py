"""Checks: the request's own credentials (the ``Authorization`` header and kin)."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core import sources
from authtui.core.checks import Check, authz_carried
from authtui.core.checks.authz_carried import for_proxy
from authtui.core.context import Context
from authtui.core.http.basic import basic_user
from authtui.core.model import Challenge, Credentials, Finding, Note, Severity
from authtui.core.safety.secrets import Scrubber, redacted_form, scrubber_for

_B64TOKEN = "RFC 6750 §2.1"

# How the credential parser's notes read as findings: severity, title, fix.
_NOTE_FINDINGS: dict[str, tuple[Severity, str, str]] = {
    "authz.no_scheme": (
        Severity.ERROR,
        "The token was sent without `Bearer ` in front",
        "Send `Authorization: Bearer <token>`. Most servers (FastAPI, Spring, ASP.NET Core, "
        "Kong) ignore a bare token and answer as if none was sent.",
    ),
    "authz.no_space": (
        Severity.ERROR,
        "No space between the scheme and the token",
        "Put exactly one space after the scheme: `Bearer <token>`.",
    ),
    "authz.double_scheme": (
        Severity.ERROR,
        "The scheme appears twice (`Bearer Bearer …`)",
        "The client adds `Bearer ` to a value that already has it: send it once.",
    ),
    "authz.quoted_token": (
        Severity.ERROR,
        "Quotes around the token",
        "Remove the quotes: they come from a shell or a config file and become part of the "
        "token the server sees.",
    ),
    "authz.whitespace": (
        Severity.WARNING,
        "Extra white space in the credentials",
        "Send exactly `Bearer <token>`: one space, no trailing blanks, no line breaks. "
        "Strict servers (regex `^Bearer (.+)$`) reject anything else.",
    ),
    "authz.invalid_chars": (
        Severity.ERROR,
        "Characters that cannot appear in a Bearer token",
        "The token was damaged on the way (copy, URL or shell encoding): copy it again.",
    ),
    "authz.scheme_case": (
        Severity.WARNING,
        "The scheme is not written `Bearer`",
        "Scheme names are case-insensitive (RFC 9110 §11.1), yet some servers compare "
        "`Bearer` exactly: send `Bearer`.",
    ),
    "authz.multiple": (
        Severity.ERROR,
        "More than one credential in one header",
        "Send one credential: one Authorization header with one scheme.",
    ),
    "authz.empty_credentials": (
        Severity.ERROR,
        "A scheme with no token after it",
        "The client sent `Bearer` with an empty token: the variable holding it was empty.",
    ),
}

_SEVERE_WHITESPACE = ("line break", "newline", "inside")


def _from_note(cred: Credentials, note: Note, scrub: Scrubber) -> Finding | None:
    spec = _NOTE_FINDINGS.get(note.code)
    if spec is None:
        return None
    severity, title, fix = spec
    if note.code == "authz.whitespace" and any(
        w in note.message.lower() for w in _SEVERE_WHITESPACE
    ):
        severity = Severity.ERROR
    if note.code == "authz.no_scheme" and cred.field_name.lower() != "authorization":
        return None
    return Finding(
        note.code,
        severity,
        title,
        detail=note.message,
        evidence=f"{cred.field_name}: {scrub.note_evidence(cred, note.evidence)}",
        fix=fix,
        refs=(_B64TOKEN, "RFC 9110 §11.4"),
        source=sources.credentials(cred),
    )


def credential_form(ctx: Context) -> Iterator[Finding]:
    """Everything the parser noticed about the way credentials were written."""
    scrub = scrubber_for(ctx)
    for cred in ctx.credentials:
        for note in cred.notes:
            finding = _from_note(cred, note, scrub)
            if finding is not None:
                yield finding


_TOKEN_SCHEMES = frozenset({"bearer", "token", "jwt", "oauth", "oauth2"})
"""Schemes that carry a bearer token under one name or another."""
_STANDARD_SCHEMES = frozenset({"bearer", "basic", "dpop", "digest", "negotiate", "ntlm"})
_PASSWORD_SCHEMES = frozenset({"basic", "digest"})
"""Schemes that carry a user and password, never a token."""
_WORDS_SAY = {
    "the server's words say": "no token was provided",
    "the server's words speak of": "a token",
}


def scheme_mismatch(ctx: Context) -> Iterator[Finding]:
    """The credentials' scheme is not one the server challenged, or not the one its
    words ask for (``Format is Authorization: Bearer <token>``) when it sent no challenge;
    for Proxy-Authorization, not one the proxy challenged."""
    yield from _proxy_scheme_mismatch(ctx)
    asked = {c.scheme_key for c in ctx.challenges if not for_proxy(c.field_name)}
    for cred in ctx.credentials:
        if cred.field_name.lower() != "authorization" or cred.scheme is None:
            continue
        sent = cred.scheme_key
        if asked:
            if sent in asked:
                continue
            severity, wanted, source = Severity.ERROR, _names(ctx), "challenge schemes"
            if _only_a_name(ctx, cred, asked):
                severity = Severity.WARNING
        elif ctx.server_schemes:
            if sent in ctx.server_schemes:
                continue
            severity, source = Severity.ERROR, "the server's words ask for"
            wanted = ", ".join(sorted(s.capitalize() for s in ctx.server_schemes))
        elif ctx.server_wants_token and sent not in ("bearer", "dpop"):
            severity, wanted, source = Severity.ERROR, "Bearer", "the server's words say"
        elif ctx.server_talks_token and sent in _PASSWORD_SCHEMES:
            severity, wanted, source = Severity.ERROR, "Bearer", "the server's words speak of"
        elif sent in _STANDARD_SCHEMES or (sent == "token" and _is_github(ctx)):
            continue
        elif sent in ("jwt", "token", "oauth", "oauth2"):
            severity, wanted, source = Severity.WARNING, "Bearer", "challenge schemes"
        else:
            continue
        yield Finding(
            "authz.scheme_mismatch",
            severity,
            f"{cred.scheme} credentials sent, the server asks for {wanted}",
            detail=_scheme_detail(sent, asked or set(ctx.server_schemes))
            + _scheme_basis(ctx, asked, severity),
            evidence=f"Authorization: {cred.scheme} …; {source}: {_WORDS_SAY.get(source, wanted)}",
            fix="Send the credentials the server asks for: "
            f"`Authorization: {wanted.split(',')[0]} <token>`.",
            refs=("RFC 9110 §11.6.1", "RFC 6750 §2.1", "RFC 9449 §7.1"),
            source=sources.credentials(cred),
        )


def _proxy_challenges(ctx: Context) -> list[Challenge]:
    """What the proxy asked for: Proxy-Authenticate; or, from a proxy that answers 401
    (tinyproxy) to a request sent through it (absolute-form target or CONNECT) that
    carried only Proxy-Authorization, WWW-Authenticate."""
    proxied = [c for c in ctx.challenges if for_proxy(c.field_name)]
    if proxied:
        return proxied
    ex = ctx.exchange
    through_proxy = (ex.method or "").upper() == "CONNECT" or "://" in (ex.target or "")[:16]
    only_proxy = ex.request_header("Proxy-Authorization") and not ex.request_header("Authorization")
    return list(ctx.challenges) if through_proxy and only_proxy and ctx.status == 401 else []


def _proxy_scheme_mismatch(ctx: Context) -> Iterator[Finding]:
    challenges = _proxy_challenges(ctx)
    asked = {c.scheme_key for c in challenges}
    if not asked:
        return
    wanted = ", ".join(dict.fromkeys(c.scheme for c in challenges))
    for cred in ctx.credentials:
        if cred.field_name.lower() != "proxy-authorization" or cred.scheme is None:
            continue
        if cred.scheme_key in asked:
            continue
        yield Finding(
            "authz.scheme_mismatch",
            Severity.ERROR if ctx.status in (401, 407) else Severity.WARNING,
            f"{cred.scheme} proxy credentials sent, the proxy asks for {wanted}",
            detail=(
                "The proxy's Proxy-Authenticate challenge names the schemes it accepts, as "
                "WWW-Authenticate does for a server; credentials in another scheme are "
                "ignored, and the proxy answers 407 again."
            ),
            evidence=f"Proxy-Authorization: {cred.scheme} …; "
            f"{challenges[0].field_name} schemes: {wanted}",
            fix=f"Send `Proxy-Authorization: {wanted.split(',')[0]} …` (curl: --proxy-"
            f"{'negotiate' if 'negotiate' in asked else 'ntlm' if 'ntlm' in asked else 'basic'}"
            ", or the proxy's own sign-in).",
            refs=("RFC 9110 §11.7.1", "RFC 9110 §11.7.2"),
            source=sources.credentials(cred),
        )


def _names(ctx: Context) -> str:
    schemes = {c.scheme for c in ctx.challenges if not for_proxy(c.field_name)}
    return ", ".join(sorted(schemes)) or "Bearer"


def _only_a_name(ctx: Context, cred: Credentials, asked: set[str]) -> bool:
    """A token sent as ``Bearer`` to a server that calls its scheme ``Token`` or ``JWT``
    (hapi-auth-jwt2, gin-jwt), whose words (or a 403) show it read the token anyway."""
    if cred.scheme_key not in _TOKEN_SCHEMES or not asked <= _TOKEN_SCHEMES or not cred.token68:
        return False
    return ctx.server_read_token or ctx.status == 403


def _scheme_basis(ctx: Context, asked: set[str], severity: Severity) -> str:
    if asked and severity is Severity.WARNING:
        return (
            " Yet the server's words (or its 403) show it read the token: the scheme's name "
            "differs, but it is not what failed."
        )
    if asked:
        return ""
    if ctx.server_schemes:
        return " The server sent no challenge; its own message says which scheme it reads."
    if ctx.server_wants_token:
        return (
            " The server sent no challenge, but its own message says no token reached it: it "
            "does not read credentials in this scheme."
        )
    if ctx.server_talks_token:
        return (
            " The server sent no challenge, but its own message speaks of a token, which a "
            "user name and password are not."
        )
    return " The server sent no challenge, so this is a likely guess, not a fact."


def _is_github(ctx: Context) -> bool:
    """GitHub documents `Authorization: token <PAT>` beside Bearer."""
    ex = ctx.exchange
    if ex.response_header("X-OAuth-Scopes") or ex.response_header("X-GitHub-Request-Id"):
        return True
    host = (ex.request_header("Host") or [""])[0].lower() or (ex.url or "").lower()
    return "github" in host


def _scheme_detail(sent: str, asked: set[str]) -> str:
    if sent == "basic" and "bearer" in asked:
        return (
            "The server wants a Bearer token but received a user name and password. A "
            "server whose OAuth resource-server setup is not active often falls back to "
            "Basic; or the client has the wrong credentials configured."
        )
    if sent == "bearer" and asked == {"basic"}:
        return (
            "The server only offers Basic: the token-based configuration may not be active "
            "(Spring Boot falls back to HTTP Basic), or this endpoint is not the API you think."
        )
    if sent == "bearer" and "dpop" in asked and "bearer" not in asked:
        return "The server requires DPoP: send `Authorization: DPoP <token>` with a DPoP proof."
    if sent in ("jwt", "token"):
        return (
            f"`{sent.upper() if sent == 'jwt' else 'Token'}` is a legacy scheme "
            "(django-rest-framework-jwt, DRF TokenAuthentication); OAuth resource servers "
            "expect `Bearer`."
        )
    return "Servers only read credentials in a scheme they support."


def basic(ctx: Context) -> Iterator[Finding]:
    """Basic credentials, decoded: the user shown, the password as a fingerprint (a value
    that is not user:password is all secret: an API key sent as Basic). Well-formed
    Basic credentials refused by a server that asks for Basic are the cause: the user
    name or the password is wrong (or the user may not log in here); refused by a 401
    with no challenge at all, they are the likely cause."""
    scrub = scrubber_for(ctx)
    for cred in ctx.credentials:
        if cred.scheme_key != "basic":
            continue
        user, has_password, note = basic_user(cred)
        refusal = _refusal(ctx, cred) if note is None and has_password else ""
        severity = {"challenged": Severity.ERROR, "unchallenged": Severity.WARNING}.get(
            refusal, Severity.INFO if note is None else Severity.WARNING
        )
        described = f"user {user!r}" if user is not None else "Basic credentials"
        title = f"Basic credentials for user {user!r}" if user is not None else "Basic credentials"
        yield Finding(
            "authz.basic",
            severity,
            f"The server refused the Basic credentials of {described}" if refusal else title,
            detail=(
                "Basic sends a user name and password, base64-encoded (not encrypted). "
                + (
                    "A password is present (shown only as its fingerprint). "
                    if has_password
                    else ""
                )
                + (note.message if note else "")
                + _REFUSALS.get(refusal, "")
            ),
            evidence=f"{cred.field_name}: {scrub.credential(cred)}"
            + (f"; {ctx.status} {_CHALLENGED[refusal]}" if refusal else ""),
            fix="Check the user name and password (and that the user is allowed in this realm)."
            if refusal
            else "If the API wants a token, send `Authorization: Bearer <token>` instead.",
            refs=("RFC 7617 §2",),
            source=sources.credentials(cred),
        )


_REFUSALS = {
    "challenged": "The server asks for Basic and refused these: the password is wrong, the "
    "user is unknown, or the user may not log in to this realm.",
    "unchallenged": "The server refused them without a challenge to say what it wants: the "
    "password is wrong or the user unknown, or it does not take Basic at all.",
}
_CHALLENGED = {"challenged": "with a Basic challenge", "unchallenged": "without a challenge"}


def _refusal(ctx: Context, cred: Credentials) -> str:
    """``challenged``: a 401 (407 or a proxy's 401 for ``Proxy-Authorization``) whose
    matching challenge asks for Basic. ``unchallenged``: a 401 to ``Authorization:
    Basic`` with no challenge and no words that ask for something else (a token, another
    scheme). Else empty."""
    proxy = cred.field_name.lower() == "proxy-authorization"
    if proxy:
        # A proxy asks in Proxy-Authenticate (tinyproxy in a 401's WWW-Authenticate); a
        # 407 that names no scheme still refused what it was given.
        asked = {c.scheme_key for c in _proxy_challenges(ctx)}
        refused = "basic" in asked or (not asked and ctx.status == 407)
        return "challenged" if ctx.status in (401, 407) and refused else ""
    if ctx.status != 401:
        return ""
    field = "proxy-authenticate" if proxy else "www-authenticate"
    if any(c.scheme_key == "basic" and c.field_name.lower() == field for c in ctx.challenges):
        return "challenged"
    words_ask = ctx.server_schemes or ctx.server_wants_token or ctx.server_talks_token
    if ctx.challenges or words_ask:
        return ""
    return "unchallenged"


_PLACES_SHOWN = 10
"""Places of credentials an ``authz.multiple`` finding names (it counts them all)."""


def _for_the_api(cred: Credentials) -> bool:
    """Credentials meant for the API under RFC 6750 (not a proxy's, not a cookie)."""
    where = cred.field_name.lower()
    return where != "proxy-authorization" and not where.startswith("cookie ")


def multiple(ctx: Context) -> Iterator[Finding]:
    """More than one way of sending credentials in one request (a proxy's credentials
    and cookies are for other readers and do not count)."""
    sent = [c for c in ctx.credentials if _for_the_api(c)]
    places = [c.field_name for c in sent]
    if len(places) < 2:
        return
    total = max(ctx.credential_total, len(places))
    places = places[:_PLACES_SHOWN]
    if total > len(places):
        places.append(f"and {total - len(places):,} more")
    yield Finding(
        "authz.multiple",
        Severity.ERROR,
        f"The request carries {total:,} credentials",
        detail=(
            "RFC 6750 forbids more than one method per request, and servers pick different "
            "ones: the token you are checking may not be the one the server read."
        ),
        evidence="credentials in: " + ", ".join(places),
        fix="Send exactly one: `Authorization: Bearer <token>`.",
        refs=("RFC 6750 §2", "RFC 9110 §5.3"),
        source=sources.first(*(sources.credentials(c) for c in sent)),
    )


def wrong_header(ctx: Context) -> Iterator[Finding]:
    """The token travels in a non-standard header or in the query string."""
    has_authorization = any(c.field_name.lower() == "authorization" for c in ctx.credentials)
    scrub = scrubber_for(ctx)
    for cred in ctx.credentials:
        where = cred.field_name.lower()
        if where in ("authorization", "proxy-authorization") or where.startswith("cookie "):
            continue
        in_query = where.startswith("query")
        in_form = where.startswith("form")
        if in_form and not has_authorization:
            continue  # RFC 6750 §2.2 allows the form body, with conditions
        yield Finding(
            "authz.wrong_header",
            Severity.WARNING if has_authorization else Severity.ERROR,
            "The token travels in the query string"
            if in_query
            else f"The token travels in {cred.field_name}, not Authorization",
            detail=(
                "Tokens in URLs leak into logs, browser history and Referer headers; many "
                "servers (Okta, Spring) refuse them outright."
                if in_query
                else "Standard servers read only `Authorization`. Custom headers work only "
                "when the server was configured for that exact name, and proxies drop or "
                "rename unknown headers."
            ),
            evidence=f"{cred.field_name}: {scrub.credential(cred)}",
            fix="Send it as `Authorization: Bearer <token>`.",
            refs=("RFC 6750 §2.1", "RFC 6750 §2.3") if in_query else ("RFC 6750 §2.1",),
            source=sources.credentials(cred),
        )


def token_mismatch(ctx: Context) -> Iterator[Finding]:
    """The token pasted on its own differs from the one in the request."""
    req, alone = ctx.request_token, ctx.pasted_token
    if req is None or alone is None or not req.raw or not alone.raw or req.raw == alone.raw:
        return
    yield Finding(
        "authz.token_mismatch",
        Severity.WARNING,
        "The token pasted on its own is not the one the request sent",
        detail=(
            "The diagnosis uses the request's token. If you meant to check the other one, "
            "remove it from the request or paste the request that used it."
        ),
        evidence=f"request: {redacted_form(req.raw)} ({len(req.raw)} chars); "
        f"pasted: {redacted_form(alone.raw)} ({len(alone.raw)} chars)",
        fix="Make sure you are looking at the token that was actually sent.",
        source=sources.token(req),
    )


CHECKS: tuple[Check, ...] = (
    credential_form,
    *authz_carried.CHECKS,
    scheme_mismatch,
    basic,
    multiple,
    wrong_header,
    token_mismatch,
)
