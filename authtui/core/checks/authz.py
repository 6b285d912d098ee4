"""Checks: the request's own credentials (the ``Authorization`` header and kin)."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.http.basic import basic_user
from authtui.core.model import Credentials, Finding, Note, Severity
from authtui.core.read.hidden import is_preflight
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


def _headers_named(ctx: Context) -> str:
    return "request headers: " + (", ".join(h.name for h in ctx.exchange.request_headers) or "none")


def stripped_export(ctx: Context) -> bool:
    """True when the request comes from a sanitized export that leaves credentials out."""
    ex = ctx.exchange
    return (
        bool(ctx.paste.stripped)
        and ex.source == "har"
        and not any(ex.request_header(name) for name in ("Authorization", "Cookie"))
    )


def missing(ctx: Context) -> Iterator[Finding]:
    """The request is shown and carries no credentials at all (no Proxy-Authorization,
    for a proxy's 407)."""
    if not ctx.exchange.has_request or is_preflight(ctx.exchange):
        return  # a preflight never carries credentials: status.preflight says why
    if ctx.status == 407:
        yield from _missing_proxy_credentials(ctx)
        return
    if ctx.credentials:
        return
    refused = ctx.refused or bool(ctx.challenges)
    if stripped_export(ctx):
        yield Finding(
            "authz.missing",
            Severity.INFO,
            "The request shows no credentials: the export may have left them out",
            detail=(
                "This HAR looks like a browser's sanitized export, which drops Authorization "
                "and cookies: whether the request carried a token cannot be told from it "
                "(see authz.stripped)."
            ),
            evidence=_headers_named(ctx),
            fix="Export the HAR again with sensitive data, or copy the request as cURL.",
            refs=("RFC 6750 §2.1",),
        )
        return
    yield Finding(
        "authz.missing",
        Severity.ERROR if refused else Severity.WARNING,
        "The request carries no credentials",
        detail=(
            "No Authorization header, no token in a custom header, a cookie, the query or the "
            "form body. Either the client never attached it, or something on the way removed "
            "it (a redirect to another host drops Authorization; Apache mod_wsgi needs "
            "WSGIPassAuthorization On; some proxies strip it)."
        ),
        evidence=_headers_named(ctx),
        fix="Attach `Authorization: Bearer <token>`; if the client does, find where it is lost.",
        refs=("RFC 6750 §2.1", "RFC 9110 §11.6.2"),
    )


def _missing_proxy_credentials(ctx: Context) -> Iterator[Finding]:
    if ctx.exchange.request_header("Proxy-Authorization"):
        return
    asked = sorted({c.scheme for c in ctx.challenges if _for_proxy(c.field_name)})
    yield Finding(
        "authz.missing",
        Severity.ERROR,
        "The request carries no Proxy-Authorization for the proxy that asked for it",
        detail=(
            "A 407 comes from a proxy between the client and the API: it wants its own "
            "credentials in Proxy-Authorization. The API's Authorization header does not "
            "satisfy it, and proxies never pass it on as theirs."
        ),
        evidence=_headers_named(ctx)
        + (f"; Proxy-Authenticate schemes: {', '.join(asked)}" if asked else ""),
        fix="Give the client the proxy's credentials (`HTTPS_PROXY=http://user:pass@proxy:3128`,"
        " `curl --proxy-user`, or the proxy's Negotiate/NTLM sign-in), not a new API token.",
        refs=("RFC 9110 §11.7.1", "RFC 9110 §15.5.8"),
    )


def _for_proxy(field_name: str) -> bool:
    return field_name.lower().startswith("proxy-")


def scheme_mismatch(ctx: Context) -> Iterator[Finding]:
    """The credentials' scheme is not one the server (or, for Proxy-Authorization, the
    proxy) challenged."""
    yield from _proxy_scheme_mismatch(ctx)
    asked = {c.scheme_key for c in ctx.challenges if not _for_proxy(c.field_name)}
    for cred in ctx.credentials:
        if cred.field_name.lower() != "authorization" or cred.scheme is None:
            continue
        sent = cred.scheme_key
        if asked and sent in asked:
            continue
        if not asked and sent in ("bearer", "basic", "dpop", "digest", "negotiate", "ntlm"):
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


def _proxy_scheme_mismatch(ctx: Context) -> Iterator[Finding]:
    challenges = [c for c in ctx.challenges if _for_proxy(c.field_name)]
    asked = {c.scheme_key for c in challenges}
    if not asked:
        return
    wanted = ", ".join(sorted({c.scheme for c in challenges}))
    for cred in ctx.credentials:
        if cred.field_name.lower() != "proxy-authorization" or cred.scheme is None:
            continue
        if cred.scheme_key in asked:
            continue
        yield Finding(
            "authz.scheme_mismatch",
            Severity.ERROR if ctx.status == 407 else Severity.WARNING,
            f"{cred.scheme} proxy credentials sent, the proxy asks for {wanted}",
            detail=(
                "The proxy's Proxy-Authenticate challenge names the schemes it accepts, as "
                "WWW-Authenticate does for a server; credentials in another scheme are "
                "ignored, and the proxy answers 407 again."
            ),
            evidence=f"Proxy-Authorization: {cred.scheme} …; Proxy-Authenticate schemes: {wanted}",
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


def basic(ctx: Context) -> Iterator[Finding]:
    """Basic credentials, decoded: the user shown, the password never."""
    for cred in ctx.credentials:
        if cred.scheme_key != "basic":
            continue
        user, has_password, note = basic_user(cred)
        yield Finding(
            "authz.basic",
            Severity.INFO if note is None else Severity.WARNING,
            f"Basic credentials for user {user!r}" if user is not None else "Basic credentials",
            detail=(
                "Basic sends a user name and password, base64-encoded (not encrypted). "
                + ("A password is present (never shown here). " if has_password else "")
                + (note.message if note else "")
            ),
            evidence=f"{cred.field_name}: Basic (hidden); user={user!r}",
            fix="If the API wants a token, send `Authorization: Bearer <token>` instead.",
            refs=("RFC 7617 §2",),
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


def cookie(ctx: Context) -> Iterator[Finding]:
    """``authz.cookie``: a token travels in a cookie; it is decoded and judged."""
    has_authorization = any(c.field_name.lower() == "authorization" for c in ctx.credentials)
    bearer_asked = any(
        c.scheme_key in ("bearer", "dpop") for c in ctx.challenges if not _for_proxy(c.field_name)
    )
    for cred in ctx.credentials:
        if not cred.field_name.lower().startswith("cookie "):
            continue
        name = cred.field_name[len("cookie ") :]
        judged = ctx.request_token is not None and ctx.request_token.source == cred.field_name
        cause = not has_authorization and bearer_asked and ctx.refused
        yield Finding(
            "authz.cookie",
            Severity.ERROR if cause else Severity.INFO,
            f"The token travels in the cookie {name}"
            + (", but the server asks for a Bearer token in Authorization" if cause else ""),
            detail=(
                "A token in a cookie is read only by a server (or a gateway) set up to take it "
                "from that cookie. "
                + (
                    "This server challenges with Bearer: it reads the Authorization header, "
                    "finds none, and answers as if no token was sent."
                    if cause
                    else "The request also carries an Authorization header, which is the one "
                    "most servers read."
                    if has_authorization
                    else "It is decoded and judged below like an Authorization header's."
                )
                + (" The token judged in this report is this cookie's." if judged else "")
            ),
            evidence=f"Cookie: {name}={redacted_form(cred.raw)}",
            fix=(
                "Send it as `Authorization: Bearer <token>` (a browser app: read it from its "
                "store and set the header), or configure the server to read this cookie."
                if cause
                else "Nothing to change if the server reads this cookie; otherwise send the "
                "token as `Authorization: Bearer <token>`."
            ),
            refs=("RFC 6750 §2.1", "RFC 6265 §5.4"),
        )


def stripped(ctx: Context) -> Iterator[Finding]:
    """``authz.stripped``: the paste is an export that leaves credentials out."""
    if not stripped_export(ctx):
        return
    server_saw = [e for e in ctx.challenge_errors() if e.lower() != "invalid_request"]
    saw_words = [f.code for f in ctx.server_findings if f.code != "server.missing_token"]
    hint = ""
    if server_saw or saw_words:
        hint = (
            " The server's answer shows it read a token ("
            + ", ".join([f"error={e}" for e in server_saw] + saw_words)
            + "), so the request did carry one."
        )
    yield Finding(
        "authz.stripped",
        Severity.WARNING,
        "The HAR is a sanitized export: Authorization and cookies were left out of it",
        detail=(
            "Browsers export HAR files without Authorization, Cookie and Set-Cookie unless "
            "asked for sensitive data (Chrome since 130 by default; Firefox likewise). What "
            "the request is missing here may be the export's doing, not the client's, so "
            "it is not blamed." + hint
        ),
        evidence="; ".join(ctx.paste.stripped),
        fix=(
            "Export again with sensitive data (Chrome: DevTools settings > Network > Allow to "
            'generate HAR with sensitive data, then "Export HAR (with sensitive data)"), or '
            '"Copy as cURL" the failing request, and paste that (redacted here by default).'
        ),
        refs=("W3C HAR 1.2 (log.entries[].request.headers)", "RFC 6750 §2.1"),
    )


CHECKS: tuple[Check, ...] = (
    credential_form,
    missing,
    cookie,
    stripped,
    scheme_mismatch,
    basic,
    multiple,
    wrong_header,
    token_mismatch,
)
