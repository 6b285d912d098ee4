"""Checks: whether the request carries credentials, and where they travel.

No credentials at all (or, for a proxy's 407, no Proxy-Authorization), a token in a
cookie, and a browser's sanitized export that leaves credentials out. The rest of
the credentials' checks are in :mod:`.authz`.
"""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding, Severity
from authtui.core.read.hidden import is_preflight
from authtui.core.safety.secrets import redacted_form


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
    if ctx.token_roles and ctx.status is not None and 200 <= ctx.status < 300:
        return  # the token endpoint's own exchange: its client authenticates otherwise
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
            source=sources.request_line(ctx.exchange),
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
        source=sources.request_line(ctx.exchange),
    )


def _missing_proxy_credentials(ctx: Context) -> Iterator[Finding]:
    if ctx.exchange.request_header("Proxy-Authorization"):
        return
    asked = sorted({c.scheme for c in ctx.challenges if for_proxy(c.field_name)})
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
        source=sources.request_line(ctx.exchange),
    )


def for_proxy(field_name: str) -> bool:
    return field_name.lower().startswith("proxy-")


def cookie(ctx: Context) -> Iterator[Finding]:
    """``authz.cookie``: a token travels in a cookie; it is decoded and judged."""
    has_authorization = any(c.field_name.lower() == "authorization" for c in ctx.credentials)
    bearer_asked = any(
        c.scheme_key in ("bearer", "dpop") for c in ctx.challenges if not for_proxy(c.field_name)
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
            source=sources.credentials(cred),
        )


def stripped(ctx: Context) -> Iterator[Finding]:
    """``authz.stripped``: the paste is an export that leaves credentials out (said for an
    exchange that failed; a success needs no credentials explained)."""
    if not stripped_export(ctx):
        return
    if ctx.status is not None and 200 <= ctx.status < 300 and ctx.hidden is None:
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


CHECKS: tuple[Check, ...] = (missing, cookie, stripped)
