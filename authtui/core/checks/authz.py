"""Checks: the request's own credentials (the ``Authorization`` header and kin)."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core.checks import Check, authz_carried
from authtui.core.checks.authz_carried import for_proxy
from authtui.core.context import Context
from authtui.core.http.basic import basic_user
from authtui.core.model import Challenge, Credentials, Finding, Note, Severity
from authtui.core.safety.secrets import redacted_form

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


def _from_note(cred: Credentials, note: Note) -> Finding | None:
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
        evidence=f"{cred.field_name}: {note.evidence or cred.raw}",
        fix=fix,
        refs=(_B64TOKEN, "RFC 9110 §11.4"),
    )


def credential_form(ctx: Context) -> Iterator[Finding]:
    """Everything the parser noticed about the way credentials were written."""
    for cred in ctx.credentials:
        for note in cred.notes:
            finding = _from_note(cred, note)
            if finding is not None:
                yield finding


def scheme_mismatch(ctx: Context) -> Iterator[Finding]:
    """The credentials' scheme is not one the server (or, for Proxy-Authorization, the
    proxy) challenged."""
    yield from _proxy_scheme_mismatch(ctx)
    asked = {c.scheme_key for c in ctx.challenges if not for_proxy(c.field_name)}
    for cred in ctx.credentials:
        if cred.field_name.lower() != "authorization" or cred.scheme is None:
            continue
        sent = cred.scheme_key
        if asked and sent in asked:
            continue
        if not asked and sent in ("bearer", "basic", "dpop", "digest", "negotiate", "ntlm"):
            yield from _unchallenged(ctx, cred)
            continue
        odd_scheme = sent in ("jwt", "token", "oauth", "oauth2")
        if not asked and (not odd_scheme or (sent == "token" and _is_github(ctx))):
            continue
        wanted = ", ".join(sorted({c.scheme for c in ctx.challenges})) or "Bearer"
        yield Finding(
            "authz.scheme_mismatch",
            Severity.ERROR if asked else Severity.WARNING,
            f"{cred.scheme} credentials sent, the server asks for {wanted}",
            detail=(
                _scheme_detail(sent, asked)
                + (
                    ""
                    if asked
                    else " The server sent no challenge, so this is a likely guess, not a fact."
                )
            ),
            evidence=f"Authorization: {cred.scheme} …; challenge schemes: {wanted}",
            fix="Send the credentials the server asks for: "
            f"`Authorization: {wanted.split(',')[0]} <token>`.",
            refs=("RFC 9110 §11.6.1", "RFC 6750 §2.1", "RFC 9449 §7.1"),
        )


def _words_ask(ctx: Context, sent: str) -> tuple[str, str] | None:
    """(scheme, why) the server's words ask for, when its answer carries no challenge."""
    if ctx.status not in (400, 401, 403):
        return None
    body = ctx.exchange.body[:4096].lower()
    if sent != "bearer":
        if "bearer" in body:
            return "Bearer", "the response body names Bearer"
        if any(f.code == "server.missing_token" for f in ctx.server_findings):
            return "Bearer", "the server says no token reached it"
        if sent in ("basic", "digest") and ("jwt" in body or "token" in body):
            return "Bearer", "the response body speaks of a token"
    elif "basic" in body or "password" in body:
        return "Basic", "the response body speaks of Basic or a password"
    return None


def _unchallenged(ctx: Context, cred: Credentials) -> Iterator[Finding]:
    """A standard scheme, no challenge, and the server's words ask for another one."""
    asked = _words_ask(ctx, cred.scheme_key)
    if asked is None or asked[0].lower() == cred.scheme_key:
        return
    wanted, why = asked
    yield Finding(
        "authz.scheme_mismatch",
        Severity.WARNING,
        f"{cred.scheme} credentials sent, the server's words ask for {wanted}",
        detail=(
            f"The answer carries no challenge, but {why}: the server reads another scheme "
            f"than {cred.scheme} and answers as if no credentials came."
        ),
        evidence=f"Authorization: {cred.scheme} …; no challenge; {why}",
        fix=f"Send the credentials the server asks for: `Authorization: {wanted} <token>`"
        if wanted == "Bearer"
        else f"Send the credentials the server asks for: `Authorization: {wanted} …`.",
        refs=("RFC 9110 §11.6.1", "RFC 6750 §2.1"),
    )


def _proxy_challenges(ctx: Context) -> list[Challenge]:
    """What the proxy asked for: Proxy-Authenticate; or, from a proxy that answers 401
    (tinyproxy) to a request that carried only Proxy-Authorization, WWW-Authenticate."""
    proxied = [c for c in ctx.challenges if for_proxy(c.field_name)]
    if proxied:
        return proxied
    only_proxy = ctx.exchange.request_header("Proxy-Authorization") and not (
        ctx.exchange.request_header("Authorization")
    )
    return list(ctx.challenges) if only_proxy and ctx.status == 401 else []


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
        )


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


def _basic_refused(ctx: Context, cred: Credentials) -> Severity | None:
    """An error when Basic credentials went where Basic is asked for and were refused; a
    warning when the 401 names no scheme at all (refused, or not read: RFC 7617 servers
    challenge with Basic); ``None`` when nothing says they were refused."""
    if cred.field_name.lower() == "proxy-authorization":
        asked = {c.scheme_key for c in _proxy_challenges(ctx)}
        refused = ctx.status in (401, 407) and (not asked or "basic" in asked)
        return Severity.ERROR if refused else None
    asked = {c.scheme_key for c in ctx.challenges if not for_proxy(c.field_name)}
    if ctx.status != 401 or (asked and "basic" not in asked):
        return None
    if asked:
        return Severity.ERROR
    return Severity.WARNING if _words_ask(ctx, "basic") is None else None


def basic(ctx: Context) -> Iterator[Finding]:
    """Basic credentials, decoded: the user shown, the password never. Sent where Basic
    is asked for and answered 401 (407 by a proxy), they were refused: an error."""
    for cred in ctx.credentials:
        if cred.scheme_key != "basic":
            continue
        user, has_password, note = basic_user(cred)
        refused = _basic_refused(ctx, cred) if note is None and user is not None else None
        who = "the proxy" if cred.field_name.lower() == "proxy-authorization" else "the server"
        sure = refused is Severity.ERROR
        yield Finding(
            "authz.basic",
            refused or (Severity.INFO if note is None else Severity.WARNING),
            (
                f"{who.capitalize()} refused the Basic credentials for user {user!r}"
                + ("" if sure else ", or does not take Basic: its 401 names no scheme")
            )
            if refused
            else f"Basic credentials for user {user!r}"
            if user is not None
            else "Basic credentials",
            detail=(
                "Basic sends a user name and password, base64-encoded (not encrypted). "
                + ("A password is present (never shown here). " if has_password else "")
                + (note.message if note else "")
                + (
                    f"{who.capitalize()} asks for Basic and answered {ctx.status}: it read the "
                    "user and password and did not accept them (a wrong password, an unknown "
                    "user, or a user the realm does not allow)."
                    if sure
                    else "The 401 carries no challenge: a Basic server (RFC 7617) names its "
                    "realm, so either this one refused the password without saying so, or it "
                    "does not take Basic at all and saw no credentials it reads."
                    if refused
                    else ""
                )
            ),
            evidence=f"{cred.field_name}: Basic (hidden); user={user!r}"
            + (f"; status {ctx.status}" if refused else ""),
            fix=(
                f"Check the password for {user!r} (and that the user exists in this realm); "
                "a password fingerprint from two pastes can be compared without showing it."
                if refused
                else "If the API wants a token, send `Authorization: Bearer <token>` instead."
            ),
            refs=("RFC 7617 §2", "RFC 9110 §15.5.2") if refused else ("RFC 7617 §2",),
        )


def _for_the_api(cred: Credentials) -> bool:
    """Credentials meant for the API under RFC 6750 (not a proxy's, not a cookie)."""
    where = cred.field_name.lower()
    return where != "proxy-authorization" and not where.startswith("cookie ")


def multiple(ctx: Context) -> Iterator[Finding]:
    """More than one way of sending credentials in one request (a proxy's credentials
    and cookies are for other readers and do not count)."""
    places = [c.field_name for c in ctx.credentials if _for_the_api(c)]
    if len(places) < 2:
        return
    yield Finding(
        "authz.multiple",
        Severity.ERROR,
        f"The request carries {len(places)} credentials",
        detail=(
            "RFC 6750 forbids more than one method per request, and servers pick different "
            "ones: the token you are checking may not be the one the server read."
        ),
        evidence="credentials in: " + ", ".join(places),
        fix="Send exactly one: `Authorization: Bearer <token>`.",
        refs=("RFC 6750 §2", "RFC 9110 §5.3"),
    )


def wrong_header(ctx: Context) -> Iterator[Finding]:
    """The token travels in a non-standard header or in the query string."""
    has_authorization = any(c.field_name.lower() == "authorization" for c in ctx.credentials)
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
            evidence=f"{cred.field_name}: {cred.raw}",
            fix="Send it as `Authorization: Bearer <token>`.",
            refs=("RFC 6750 §2.1", "RFC 6750 §2.3") if in_query else ("RFC 6750 §2.1",),
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
