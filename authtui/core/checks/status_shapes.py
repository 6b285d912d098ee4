"""Checks: auth failures that are not a plain 401/403.

A CORS preflight refused for want of credentials it could never carry; a client
certificate required or refused (nginx's 400, a TLS alert in a ``curl -v``
transcript); a GraphQL 200 whose errors say ``UNAUTHENTICATED``; a redirect to a
sign-in page (or the page itself) where an API call was answered. The shapes are
read in :mod:`authtui.core.read.hidden` and :mod:`authtui.core.read.transport`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.limits import clip
from authtui.core.model import Finding, Severity
from authtui.core.read.hidden import (
    api_request,
    graphql_auth_errors,
    is_preflight,
    login_form,
    login_redirect,
)

# --- the CORS preflight ---------------------------------------------------------


def preflight(ctx: Context) -> Iterator[Finding]:
    """``status.preflight``: a CORS preflight answered 401/403."""
    ex = ctx.exchange
    if ctx.status not in (401, 403, 407) or not is_preflight(ex):
        return
    asked = ex.request_header("Access-Control-Request-Method")[0]
    headers = ex.request_header("Access-Control-Request-Headers")
    origin = ex.request_header("Origin")
    yield Finding(
        "status.preflight",
        Severity.ERROR,
        f"The CORS preflight was refused with {ctx.status}: browsers never send credentials "
        "on a preflight",
        detail=(
            "Before a cross-origin request with an Authorization header (or a JSON body), the "
            "browser asks OPTIONS with Access-Control-Request-Method, and it never attaches "
            "credentials to that question. A server that demands authentication on it answers "
            f"{ctx.status}, and the browser never sends the real request: it reports a CORS "
            "error instead. The token is not the problem; the server's order of checks is."
        ),
        evidence=f"OPTIONS {ex.target or ex.url or ''}".rstrip()
        + f"; Access-Control-Request-Method: {asked}"
        + (f"; Access-Control-Request-Headers: {headers[0]}" if headers else "")
        + (f"; Origin: {origin[0]}" if origin else "")
        + f"; status {ctx.status}",
        fix=(
            "Let preflights through before authentication: answer OPTIONS with the CORS headers "
            "and no auth check (Spring Security: http.cors(); ASP.NET Core: UseCors() before "
            "UseAuthentication(); Express: cors() before the JWT middleware; nginx auth_request "
            "or an API gateway authorizer: skip OPTIONS)."
        ),
        refs=("Fetch Standard §4.8 (CORS-preflight fetch)", "RFC 9110 §9.3.7"),
        source=sources.request_line(ex),
    )


# --- client certificates (mutual TLS) -------------------------------------------

_ALERTS = {
    40: "handshake failure",
    42: "bad certificate",
    43: "unsupported certificate",
    44: "certificate revoked",
    45: "certificate expired",
    46: "certificate unknown",
    48: "unknown ca",
    49: "access denied",
    116: "certificate required",
}
_ALERT_NAMES = "|".join(sorted(_ALERTS.values(), key=len, reverse=True))
_RECEIVED = (
    # OpenSSL reasons name alerts received from the peer: sslv3/tlsv1/tlsv13 alert ...
    re.compile(rf"(?:sslv3|tlsv1|tlsv13|tlsv1\.[0-3]|tls) alert ({_ALERT_NAMES})"),
    re.compile(r"remote error: tls: ([a-z ]+)"),  # Go
    re.compile(rf"received fatal alert: ({_ALERT_NAMES})"),  # Java
    re.compile(r"\(in\), tls alert, ([a-z ]+?) \((\d+)\)"),  # curl -v
    re.compile(r"ssl alert number (\d+)"),  # OpenSSL, Node
)
_GO_WORDS = {
    "unknown certificate authority": "unknown ca",
    "expired certificate": "certificate expired",
    "revoked certificate": "certificate revoked",
}
_CLIENT_LOAD = (
    "could not load pem client certificate",
    "could not load client key",
    "unable to set client certificate",
    "unable to use client certificate",
    "unable to set private key file",
    "can't load the certificate",
    "client certificate not found",
)
_REQUIRED_WORDS = ("no required ssl certificate was sent", "403.7")
_REFUSED_WORDS = ("the ssl certificate error", "403.16", "403.17", "403.13")


@dataclass(frozen=True, slots=True)
class _Cert:
    state: str
    """``required``, ``refused`` or ``unloadable``."""
    why: str
    evidence: str


def _alert_of(line: str) -> str | None:
    lowered = line.lower().replace("_", " ")
    for pattern in _RECEIVED:
        match = pattern.search(lowered)
        if match is None:
            continue
        groups = [g for g in match.groups() if g]
        name = groups[0].strip()
        if name.isdigit():
            number = int(name)
            name = _ALERTS.get(number - 512 if number > 512 else number, "")
        elif len(groups) > 1 and groups[1].isdigit() and name == "unknown":
            name = _ALERTS.get(int(groups[1]) - 512, "")
        name = _GO_WORDS.get(name, name)
        if name in _ALERTS.values():
            return name
    return None


def _from_transport(lines: tuple[str, ...]) -> _Cert | None:
    asked = any("request cert" in line.lower() for line in lines)
    for line in lines:
        lowered = line.lower()
        if any(words in lowered for words in _CLIENT_LOAD):
            return _Cert("unloadable", "the client could not load its own certificate or key", line)
        alert = _alert_of(line)
        if alert is None or (alert == "handshake failure" and not asked):
            continue
        if alert == "certificate required":
            return _Cert("required", "the server's TLS alert: certificate required", line)
        return _Cert("refused", f"the server's TLS alert: {alert}", line)
    return None


def _from_body(ctx: Context) -> _Cert | None:
    if ctx.status not in (400, 401, 403, 495, 496):
        return None
    lowered = ctx.exchange.body[:8192].lower()
    status_line = f"status {ctx.status} {ctx.exchange.reason or ''}".rstrip()
    body = clip(" ".join(ctx.exchange.body[:8192].split()), 160)
    quote = f"{status_line}; body: {body}" if body else status_line
    if ctx.status == 496 or any(w in lowered for w in _REQUIRED_WORDS):
        return _Cert("required", "the server says no client certificate was sent", quote)
    if ctx.status == 495 or any(w in lowered for w in _REFUSED_WORDS):
        return _Cert("refused", "the server says the client certificate is not accepted", quote)
    if "client certificate" in lowered or "client cert" in lowered:
        if any(w in lowered for w in ("required", "missing", "not provided", "no client")):
            return _Cert("required", "the server asks for a client certificate", quote)
        if any(w in lowered for w in ("invalid", "untrusted", "expired", "revoked", "rejected")):
            return _Cert("refused", "the server refuses the client certificate", quote)
    return None


_CERT_TITLES = {
    "required": "The server requires a client certificate (mutual TLS), and none was sent",
    "refused": "The server refused the client certificate (mutual TLS)",
    "unloadable": "The client could not load its client certificate (mutual TLS)",
}
_CERT_FIXES = {
    "required": (
        "Send the client certificate the server trusts (curl --cert client.pem --key "
        "client.key; requests: cert=(...); a gateway: its mTLS client profile). A token "
        "does not replace it: the TLS handshake comes first."
    ),
    "refused": (
        "Check the certificate against the server's trust store: issued by a CA the server "
        "trusts (send the intermediate chain with it), not expired or revoked, with the "
        "clientAuth extended key usage."
    ),
    "unloadable": (
        "Check the --cert/--key files: PEM or the right --cert-type, the key matching the "
        "certificate, a passphrase given for an encrypted key."
    ),
}


def client_cert(ctx: Context) -> Iterator[Finding]:
    """``status.client_cert``: a client certificate was required or refused."""
    transport = _from_transport(ctx.paste.transport)
    found = transport or _from_body(ctx)
    if found is None:
        return
    yield Finding(
        "status.client_cert",
        Severity.ERROR,
        _CERT_TITLES[found.state],
        detail=(
            f"Mutual TLS is checked before any HTTP credential: {found.why}. "
            + (
                "nginx answers 400 for it (ssl_verify_client on), Apache, Envoy and Go end the "
                "handshake with an alert; Authorization headers and tokens were never read."
                if found.state != "unloadable"
                else "curl stops before it connects; nothing reached the server."
            )
        ),
        evidence=found.evidence,
        fix=_CERT_FIXES[found.state],
        refs=("RFC 8446 §4.3.2", "RFC 8446 §6.2", "RFC 8705 §2"),
        # curl's TLS lines are kept without their place; the server's words are the body.
        source=None if transport is not None else sources.body(ctx.exchange),
    )


def server_cert(ctx: Context) -> Iterator[Finding]:
    """``status.server_cert``: the client refused the server's certificate (not auth)."""
    if ctx.exchange.has_response:
        return
    line = next((s for s in ctx.paste.transport if "ssl certificate problem" in s.lower()), None)
    if line is None:
        return
    yield Finding(
        "status.server_cert",
        Severity.ERROR,
        "The client refused the server's TLS certificate: the request never reached the API",
        detail=(
            '"SSL certificate problem" is curl checking the server\'s certificate (self-signed, '
            "an unknown CA, expired, a wrong host name): the connection failed before HTTP, "
            "so this is not an authentication or authorisation failure, and no client "
            "certificate is involved."
        ),
        evidence=line,
        fix="Give curl the server's CA (--cacert ca.pem) or fix the server's certificate chain;"
        " never turn verification off (-k) outside a test.",
        refs=("RFC 5280 §6", "RFC 8446 §4.4.2"),
    )


# --- failures behind a 2xx or 3xx -----------------------------------------------

_LOGIN_FIX = (
    "Send the credentials the API accepts (`Authorization: Bearer <token>`). If you own the "
    "server, make API routes answer 401 instead of redirecting: ASP.NET Core: JwtBearer as "
    "the default challenge scheme, or OnRedirectToLogin returning 401 for /api; Spring "
    "Security: an AuthenticationEntryPoint that answers 401 to non-HTML requests; "
    "oauth2-proxy: --skip-jwt-bearer-tokens; Django: an API view without login_required."
)
_LOGIN_DETAIL = (
    "This is a web app's sign-in flow (a cookie or OpenID Connect session), not an API's "
    "refusal: the request was not authenticated, and a client that follows it receives an "
    "HTML page with 200 where it expected data. Cookie authentication in front of the API "
    "(ASP.NET Core's cookie scheme, Spring Security formLogin, Django login_required, an "
    "OIDC proxy such as oauth2-proxy or a load balancer's authenticate action) answers so "
    "when no session cookie came, or when the token was not read."
)


def login_redirect_check(ctx: Context) -> Iterator[Finding]:
    """``status.login_redirect``: a 3xx to a sign-in page, or a 200 sign-in form."""
    ex = ctx.exchange
    redirect = login_redirect(ex)
    form = login_form(ex) if redirect is None else None
    if redirect is None and form is None:
        return
    api = api_request(ex)
    if form is not None and api is None and ex.has_request:
        return  # a browser opening a sign-in page is not a failure
    navigation = redirect is not None and api is None and ex.has_request
    what = (
        f"{ctx.status} to a sign-in page ({redirect[1]})"
        if redirect is not None
        else f"{ctx.status} with a sign-in page ({form})"
    )
    yield Finding(
        "status.login_redirect",
        Severity.INFO if navigation else Severity.ERROR,
        (
            "The server answered with a redirect to its sign-in page"
            if redirect is not None
            else "The server answered with its sign-in page"
        )
        + (
            ": the browser is sent to sign in"
            if navigation
            else ", where an API call expected data"
        ),
        detail=_LOGIN_DETAIL
        + (" The request looks like an API call: " + api + "." if api else "")
        + (
            " The request is a browser's navigation, for which that is the normal flow."
            if navigation
            else ""
        ),
        evidence=what + (f"; Location: {redirect[0]}" if redirect is not None else ""),
        fix=_LOGIN_FIX,
        refs=("RFC 9110 §15.4", "RFC 6750 §3"),
        source=sources.field(ex, "Location") if redirect is not None else sources.body(ex),
    )


def graphql_auth(ctx: Context) -> Iterator[Finding]:
    """``status.graphql_auth``: a GraphQL 2xx whose errors say UNAUTHENTICATED/FORBIDDEN."""
    errors = graphql_auth_errors(ctx.exchange)
    if not errors:
        return
    first = errors[0]
    kind = "an authorization" if all(e.authorization for e in errors) else "an authentication"
    quoted = "; ".join(
        f"{e.where}: {e.code}" + (f' ("{clip(e.message, 100)}")' if e.message else "")
        for e in errors[:3]
    )
    yield Finding(
        "status.graphql_auth",
        Severity.ERROR,
        f"GraphQL answered {ctx.status} with {first.code}: {kind} failure behind a {ctx.status}",
        detail=(
            "GraphQL servers answer 200 for errors in the result, auth failures among them "
            "(Apollo Server, GraphQL Yoga, Hasura, GitHub); the status says nothing, the "
            "errors array does. "
            + (
                "FORBIDDEN: the caller was identified but may not read this field or run this "
                "operation."
                if kind.startswith("an authorization")
                else "UNAUTHENTICATED: the server did not accept the credentials, or saw none."
            )
        ),
        evidence=quoted,
        fix=(
            "Treat it as a 403: check the roles or scopes the resolver requires."
            if kind.startswith("an authorization")
            else "Treat it as a 401: send a valid token (Authorization: Bearer), and read the "
            "error's message for why this one was refused."
        ),
        refs=("GraphQL over HTTP §7", "GraphQL §7.1.2 (errors)"),
        source=sources.body(ctx.exchange),
    )


CHECKS: tuple[Check, ...] = (
    preflight,
    client_cert,
    server_cert,
    login_redirect_check,
    graphql_auth,
)
