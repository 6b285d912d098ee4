"""Checks: what the status code means, and when it contradicts the rest."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core import sources
from authtui.core.checks import Check, status_shapes
from authtui.core.checks.authz_carried import stripped_export
from authtui.core.context import Context
from authtui.core.model import Challenge, Finding, Severity, TokenForm
from authtui.core.read.hidden import is_preflight
from authtui.core.safety.secrets import scrubber_for

_AUTH_WORDS = (
    "unauthorized",
    "unauthenticated",
    "forbidden",
    "token",
    "jwt",
    "credential",
    "authenticat",
    "authoriz",
)


def _challenge_fields(ctx: Context) -> list[str]:
    return sorted({c.field_name for c in ctx.challenges})


def status_meaning(ctx: Context) -> Iterator[Finding]:
    """Say what the status code means in auth terms (info)."""
    status = ctx.status
    if status == 401:
        yield Finding(
            "status.unauthorized",
            Severity.INFO,
            "401 Unauthorized: the server did not accept the credentials (or saw none)",
            detail=(
                "401 means the request lacks valid authentication credentials: missing, "
                "expired, malformed, or signed with a key the server does not trust. "
                "The WWW-Authenticate challenge says which scheme the server wants."
            ),
            evidence=f"status line: {status} {ctx.exchange.reason or ''}".rstrip(),
            fix="Find out why the credentials were refused: see the findings above.",
            source=sources.status(ctx.exchange),
            refs=("RFC 9110 §15.5.2",),
        )
    elif status == 403:
        yield Finding(
            "status.forbidden",
            Severity.INFO,
            "403 Forbidden: the server understood the request and refused it",
            detail=(
                "403 means the credentials, if any, were understood but are not enough: a "
                "missing scope or role, or a policy (IP, tenant, resource ownership). Some "
                "frameworks also answer 403 for a missing or invalid token."
            ),
            evidence=f"status line: {status} {ctx.exchange.reason or ''}".rstrip(),
            fix="Compare what the endpoint requires with the token's scopes and roles.",
            source=sources.status(ctx.exchange),
            refs=("RFC 9110 §15.5.4",),
        )
    elif status == 407:
        yield Finding(
            "status.proxy",
            Severity.INFO,
            "407 Proxy Authentication Required: a proxy, not the API, wants credentials",
            detail=(
                "The proxy between you and the server asks for Proxy-Authorization. The "
                "API's own Authorization header does not satisfy a proxy."
            ),
            evidence=f"status line: {status}; challenges: {', '.join(_challenge_fields(ctx))}",
            fix="Configure the proxy credentials (HTTPS_PROXY with user:password, or the "
            "proxy's SSO) rather than changing the API token.",
            refs=("RFC 9110 §11.7", "RFC 9110 §15.5.8"),
            source=sources.status(ctx.exchange),
        )


def no_challenge(ctx: Context) -> Iterator[Finding]:
    """A 401 must carry at least one WWW-Authenticate challenge, a 407 a Proxy-Authenticate."""
    if ctx.status == 407:
        yield from _no_proxy_challenge(ctx)
        return
    if ctx.status != 401 or any(c.field_name.lower() == "www-authenticate" for c in ctx.challenges):
        return
    misspelled = [
        c.field_name for c in ctx.challenges if c.field_name.lower() != "www-authenticate"
    ]
    yield Finding(
        "status.no_challenge",
        Severity.WARNING,
        "401 without a WWW-Authenticate challenge",
        detail=(
            "RFC 9110 requires a 401 to say which authentication scheme the server wants. "
            "Without it, clients cannot tell what is expected and the error detail an "
            "RFC 6750 server would send is missing. Common causes: a reverse proxy "
            "(nginx auth_request) passing the status through, an older gateway, or a "
            "framework that writes the status by hand."
            + (
                f" A challenge was sent under a wrong header name ({', '.join(misspelled)})."
                if misspelled
                else ""
            )
        ),
        evidence=f"status {ctx.status}; response headers: "
        + (", ".join(h.name for h in ctx.exchange.response_headers) or "none pasted"),
        fix=(
            "Read the response body and the server's logs for the reason; if you own the "
            'server, send `WWW-Authenticate: Bearer realm="...", error="invalid_token"`.'
        ),
        refs=("RFC 9110 §15.5.2", "RFC 9110 §11.6.1"),
        source=sources.status(ctx.exchange),
    )


def _no_proxy_challenge(ctx: Context) -> Iterator[Finding]:
    if any(c.field_name.lower() == "proxy-authenticate" for c in ctx.challenges):
        return
    yield Finding(
        "status.no_challenge",
        Severity.WARNING,
        "407 without a Proxy-Authenticate challenge",
        detail=(
            "RFC 9110 requires a 407 to say, in Proxy-Authenticate, which scheme the proxy "
            "wants; without it a client cannot answer. The proxy's documentation (or its "
            "error page) says which sign-in it expects."
        ),
        evidence="status 407; response headers: "
        + (", ".join(h.name for h in ctx.exchange.response_headers) or "none pasted"),
        fix="Ask the proxy's owners which credentials it takes (Basic, Negotiate, NTLM).",
        refs=("RFC 9110 §15.5.8", "RFC 9110 §11.7.1"),
        source=sources.status(ctx.exchange),
    )


def forbidden_without_credentials(ctx: Context) -> Iterator[Finding]:
    """A 403 to a request that carried nothing is really an authentication problem
    (unless a preflight, which never carries any, or an export that left them out)."""
    if ctx.status != 403 or not ctx.exchange.has_request or ctx.credentials:
        return
    if is_preflight(ctx.exchange) or stripped_export(ctx):
        return
    yield Finding(
        "status.forbidden_without_credentials",
        Severity.ERROR,
        "403 to a request that carried no credentials: really an authentication problem",
        detail=(
            "The request shows no Authorization header and no token elsewhere, so the "
            "server had nothing to authorise. Frameworks such as FastAPI's HTTPBearer (before "
            "0.115) and Django REST framework answer 403 here instead of 401. The header may "
            "also have been stripped on the way (mod_wsgi without WSGIPassAuthorization, a "
            "proxy, a redirect to another host)."
        ),
        evidence="status 403; request headers: "
        + (", ".join(h.name for h in ctx.exchange.request_headers) or "none"),
        fix="Send the token as `Authorization: Bearer <token>` and check it reaches the app.",
        refs=("RFC 9110 §15.5.4", "RFC 6750 §3.1"),
        source=sources.status(ctx.exchange),
    )


def _bearer_errors(ctx: Context) -> list[Challenge]:
    return [c for c in ctx.challenges if "error" in c.params]


def mismatch(ctx: Context) -> Iterator[Finding]:
    """The status code contradicts the challenge's error, or hides an auth failure."""
    status = ctx.status
    if status is None:
        return
    for challenge in _bearer_errors(ctx):
        scheme, error = challenge.scheme, challenge.params["error"]
        expected = {"invalid_request": 400, "invalid_token": 401, "insufficient_scope": 403}.get(
            error.lower()
        )
        if expected is None or expected == status:
            continue
        registry = error.lower() == "insufficient_scope" and status == 401
        if error.lower() == "invalid_request" and status == 401 and no_credentials(ctx):
            yield _invalid_request_without_credentials(challenge)
            continue
        yield Finding(
            "status.mismatch",
            Severity.WARNING,
            f"{error} answered with {status} instead of {expected}",
            detail=(
                f"RFC 6750 pairs {error} with {expected}."
                + (
                    " Container registries (Docker distribution, OCI) conventionally answer "
                    "401 with insufficient_scope: the token must be fetched again for the "
                    "scope in the challenge."
                    if registry
                    else " The server's status and its error disagree; trust the error, "
                    "it is more specific."
                )
            ),
            evidence=f"status {status}; {scheme} error={error}",
            fix=(
                "Request a token for the scope in the challenge's scope parameter."
                if registry
                else f"Act on the error ({error}); if you own the server, answer {expected}."
            ),
            refs=("RFC 6750 §3.1",),
            source=sources.challenge(challenge),
        )
    if status in (404, 500, 502, 503) and _hides_auth_failure(ctx):
        yield Finding(
            "status.mismatch",
            Severity.WARNING,
            f"An authentication or authorisation failure answered with {status}",
            detail=(
                "404: some APIs (GitHub among them) hide resources the token may not see "
                "behind 404 rather than 403. 500: a gateway plugin crashed on a token it "
                "could not decode instead of answering 401."
                if status != 404
                else "Some APIs (GitHub among them) answer 404 rather than 403 for a "
                "resource the token may not see, so as not to reveal it exists."
            ),
            evidence=_auth_evidence(ctx),
            fix="Treat it as a 401/403: check the token's scopes and validity below.",
            refs=("RFC 9110 §15.5.4", "RFC 9110 §15.5.5"),
            source=sources.field(ctx.exchange, "X-Accepted-OAuth-Scopes")
            or sources.body(ctx.exchange),
        )


def no_credentials(ctx: Context) -> bool:
    """True when the request is shown and carries no credentials at all."""
    return ctx.exchange.has_request and not ctx.credentials


def _invalid_request_without_credentials(challenge: Challenge) -> Finding:
    scheme, error = challenge.scheme, challenge.params["error"]
    return Finding(
        "status.mismatch",
        Severity.WARNING,
        f"{error} answered with 401 to a request that carried no credentials",
        detail=(
            "RFC 6750 §3.1 says a request with no credentials gets a challenge without an "
            "error code; this server names invalid_request instead (and RFC 6750 pairs that "
            "code with 400). Here it means what the 401 means: no token was sent."
        ),
        evidence=f"status 401; {scheme} error={error}; no credentials in the request",
        fix="Read it as a missing token: attach `Authorization: Bearer <token>`.",
        refs=("RFC 6750 §3.1",),
        source=sources.challenge(challenge),
    )


def _hides_auth_failure(ctx: Context) -> bool:
    if ctx.exchange.response_header("X-Accepted-OAuth-Scopes") and (
        ctx.credentials or ctx.exchange.response_header("X-OAuth-Scopes")
    ):
        return True
    if ctx.status == 404:
        return False
    if ctx.token is not None and ctx.token.form is TokenForm.MALFORMED:
        return True
    body = ctx.exchange.body[:4096].lower()
    return bool(ctx.credentials) and any(word in body for word in ("jwt", "token", "hdr"))


def _auth_evidence(ctx: Context) -> str:
    accepted = ctx.exchange.response_header("X-Accepted-OAuth-Scopes")
    if accepted:
        have = ctx.exchange.response_header("X-OAuth-Scopes")
        granted = have[0] if have else "(none)"
        return f"X-Accepted-OAuth-Scopes: {accepted[0]}; X-OAuth-Scopes: {granted}"
    ex = ctx.exchange
    types = ex.response_header("Content-Type")
    body = scrubber_for(ctx).body(ex.body, types[0] if types else "", "response body")
    return f"status {ctx.status}; body: {body[:200]!r}"


def not_an_auth_failure(ctx: Context) -> Iterator[Finding]:
    """A status outside the auth family, with nothing that points at auth."""
    status = ctx.status
    if status is None or status in (400, 401, 403, 404, 407, 500, 502, 503) or ctx.challenges:
        return
    if ctx.hidden is not None:
        return  # a shape that hides an auth failure: status_shapes names it
    body = ctx.exchange.body[:2048].lower()
    if any(word in body for word in _AUTH_WORDS):
        return
    yield Finding(
        "status.not_auth",
        Severity.INFO,
        f"{status} is not an authentication or authorisation failure",
        detail="Nothing in the response points at credentials; the token below is still checked.",
        evidence=f"status line: {status} {ctx.exchange.reason or ''}".rstrip(),
        fix="Paste the failing response (401 or 403) if there is one.",
        refs=("RFC 9110 §15",),
        source=sources.status(ctx.exchange),
    )


CHECKS: tuple[Check, ...] = (
    status_meaning,
    *status_shapes.CHECKS,
    no_challenge,
    forbidden_without_credentials,
    mismatch,
    not_an_auth_failure,
)
