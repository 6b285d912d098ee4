"""Verdict rules that generalise (issue 12, item 4): each a rule, each a table.

Every row is a paste, the options beside it, and what the verdict must say: its kind,
its first cause (or none), the findings that must be there (with their severity) and
those that must not. ``now`` is passed in; nothing reads the wall clock.
"""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest

from authtui.core.diagnose import diagnose
from authtui.core.model import Kind, Report, Severity
from authtui.core.options import Options
from authtui.core.render.json import render_json

NOW = 1735689600
SECRET = "k" * 32
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def token(**claims: Any) -> str:
    base: dict[str, Any] = {"sub": "u1", "iat": NOW - 600, "exp": NOW + 3000, "scope": "read"}
    base.update(claims)
    return jwt.encode(base, SECRET, "HS256")


GOOD = token()
EXPIRED = token(exp=NOW - 900)


def http(request: str, status: str, *headers: str, body: str = "") -> str:
    """A request (its lines) and a response (status, headers, body) as pasted."""
    response = f"HTTP/1.1 {status}\n" + "".join(h + "\n" for h in headers) + "\n" + body
    return request.rstrip("\n") + "\n\n" + response


def get(*headers: str, target: str = "/api/orders") -> str:
    return f"GET {target} HTTP/1.1\nHost: api.test\n" + "".join(h + "\n" for h in headers)


BEARER = f"Authorization: Bearer {GOOD}"
JSON = "Accept: application/json"
GRAPHQL_POST = (
    "POST /graphql HTTP/1.1\nHost: api.test\nContent-Type: application/json\n" + BEARER + "\n"
)


def graphql(code: str) -> str:
    body = json.dumps(
        {"errors": [{"message": "no", "extensions": {"code": code}}], "data": {"me": None}}
    )
    return http(GRAPHQL_POST, "200 OK", "Content-Type: application/json", body=body)


LOGIN_FORM = (
    '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post">'
    '<input name="username"><input type="password" name="password"></form></body></html>'
)
BEARER_CHALLENGE = 'WWW-Authenticate: Bearer realm="api"'

# (id, paste, options, kind, first cause or None, {code: severity}, codes absent)
RULES: list[tuple[str, str, dict[str, Any], Kind, str | None, dict[str, Severity], list[str]]] = [
    # A 2xx is not an auth failure: what would be a cause elsewhere is a warning here.
    (
        "200, token in the query string: a warning about leaking, not the cause",
        http(get(target=f"/api/orders?access_token={GOOD}"), "200 OK", body="[]"),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {"authz.wrong_header": W},
        [],
    ),
    (
        "200 to an expired token: the server took it; a warning",
        http(get(f"Authorization: Bearer {EXPIRED}"), "200 OK", body="[]"),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {"time.expired": W},
        [],
    ),
    (
        "204 with no credentials: nothing failed",
        http(get(), "204 No Content"),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {"authz.missing": W},
        [],
    ),
    # ... except in the shapes that hide one behind a 2xx or 3xx.
    (
        "GraphQL 200 UNAUTHENTICATED",
        graphql("UNAUTHENTICATED"),
        {},
        Kind.AUTHENTICATION,
        "status.graphql_auth",
        {"status.graphql_auth": E},
        [],
    ),
    (
        "GraphQL 200 FORBIDDEN",
        graphql("FORBIDDEN"),
        {},
        Kind.AUTHORIZATION,
        "status.graphql_auth",
        {"status.graphql_auth": E},
        [],
    ),
    (
        "GraphQL 200 Hasura invalid-jwt",
        graphql("invalid-jwt"),
        {},
        Kind.AUTHENTICATION,
        "status.graphql_auth",
        {"status.graphql_auth": E},
        [],
    ),
    (
        "GraphQL 200 with a validation error is no auth failure",
        graphql("GRAPHQL_VALIDATION_FAILED"),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {},
        ["status.graphql_auth"],
    ),
    (
        "GraphQL 200 UNAUTHENTICATED to an expired token: the token explains it",
        graphql("UNAUTHENTICATED").replace(GOOD, EXPIRED),
        {},
        Kind.AUTHENTICATION,
        "time.expired",
        {"status.graphql_auth": E, "time.expired": E},
        [],
    ),
    (
        "302 to a sign-in page where an API expected data",
        http(get(BEARER, JSON), "302 Found", "Location: /Account/Login?ReturnUrl=%2Fapi%2Forders"),
        {},
        Kind.AUTHENTICATION,
        "status.login_redirect",
        {"status.login_redirect": E},
        ["status.not_auth"],
    ),
    (
        "302 to an identity provider's authorize endpoint, no request shown",
        http(
            "",
            "302 Found",
            "Location: https://idp.test/realms/shop/protocol/openid-connect/auth"
            "?client_id=web&redirect_uri=https%3A%2F%2Fapp",
        ).lstrip(),
        {},
        Kind.AUTHENTICATION,
        "status.login_redirect",
        {"status.login_redirect": E},
        [],
    ),
    (
        "302 elsewhere is no auth failure",
        http(get(BEARER, JSON), "302 Found", "Location: /api/orders/"),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {},
        ["status.login_redirect"],
    ),
    (
        "200 sign-in page answering an API call",
        http(get(JSON), "200 OK", "Content-Type: text/html", body=LOGIN_FORM),
        {},
        Kind.AUTHENTICATION,
        "authz.missing",
        {"status.login_redirect": E, "authz.missing": E},
        [],
    ),
    (
        "200 sign-in page a browser asked for is just a page",
        http(
            get("Accept: text/html,application/xhtml+xml", target="/login"),
            "200 OK",
            "Content-Type: text/html",
            body=LOGIN_FORM,
        ),
        {},
        Kind.NOT_AN_AUTH_FAILURE,
        None,
        {},
        ["status.login_redirect"],
    ),
    # A 401 with invalid_request to a request with no credentials is a missing credential.
    (
        "401 invalid_request, no credentials: authentication, authz.missing",
        http(
            get(JSON),
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_request", error_description="bad"',
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.missing",
        {"authz.missing": E, "challenge.invalid_request": E, "status.mismatch": W},
        [],
    ),
    (
        "400 invalid_request stays a bad request",
        http(get(BEARER), "400 Bad Request", 'WWW-Authenticate: Bearer error="invalid_request"'),
        {},
        Kind.BAD_REQUEST,
        "challenge.invalid_request",
        {"challenge.invalid_request": E},
        [],
    ),
    # An unchallenged scheme, when it is the only problem on a 400/401, is the cause.
    (
        "401, no challenge, JWT scheme and nothing else wrong",
        http(get(f"Authorization: JWT {GOOD}"), "401 Unauthorized", body="Unauthorized"),
        {},
        Kind.AUTHENTICATION,
        "authz.scheme_mismatch",
        {"authz.scheme_mismatch": E},
        [],
    ),
    (
        "400, no challenge, Token scheme alone",
        http(get(f"Authorization: Token {GOOD}"), "400 Bad Request", body="bad request"),
        {},
        Kind.BAD_REQUEST,
        "authz.scheme_mismatch",
        {"authz.scheme_mismatch": E},
        [],
    ),
    (
        "the scheme is a guess when the token has another problem",
        http(get(f"Authorization: JWT {EXPIRED}"), "401 Unauthorized"),
        {},
        Kind.AUTHENTICATION,
        "time.expired",
        {"authz.scheme_mismatch": W, "time.expired": E},
        [],
    ),
    (
        "the server's words agree that it read no token: the scheme is the cause",
        http(
            get(f"Authorization: JWT {EXPIRED}"),
            "401 Unauthorized",
            "Content-Type: application/json",
            body='{"detail": "Authentication credentials were not provided."}',
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.scheme_mismatch",
        {"authz.scheme_mismatch": E, "server.missing_token": E},
        [],
    ),
    (
        "Basic sent, no challenge, the body asks for a Bearer token",
        http(
            get("Authorization: Basic YWxpY2U6czNjcmV0"),
            "401 Unauthorized",
            body='Bad Authorization header format. Format is "Authorization: Bearer <token>"',
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.scheme_mismatch",
        {"authz.scheme_mismatch": E, "authz.basic": INFO},
        [],
    ),
    (
        "Basic sent where Basic is asked, refused",
        http(
            get("Authorization: Basic YWxpY2U6czNjcmV0"),
            "401 Unauthorized",
            'WWW-Authenticate: Basic realm="shop"',
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.basic",
        {"authz.basic": E},
        ["authz.scheme_mismatch"],
    ),
    # Proxy-Authorization in a scheme Proxy-Authenticate did not ask for, on a 407.
    (
        "407, Basic proxy credentials, the proxy asks for Negotiate",
        http(
            "CONNECT api.test:443 HTTP/1.1\nHost: api.test:443\n"
            "Proxy-Authorization: Basic dXNlcjpwYXNz\n",
            "407 Proxy Authentication Required",
            "Proxy-Authenticate: Negotiate",
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.scheme_mismatch",
        {"authz.scheme_mismatch": E},
        ["authz.multiple"],
    ),
    (
        "407 to a request carrying only the API's token",
        http(
            get(BEARER), "407 Proxy Authentication Required", 'Proxy-Authenticate: Basic realm="p"'
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.missing",
        {"authz.missing": E},
        ["authz.scheme_mismatch"],
    ),
    (
        "407, Basic proxy credentials in the scheme asked: refused",
        http(
            get(BEARER, "Proxy-Authorization: Basic dXNlcjpwYXNz"),
            "407 Proxy Authentication Required",
            'Proxy-Authenticate: Basic realm="p"',
        ),
        {},
        Kind.AUTHENTICATION,
        "authz.basic",
        {"authz.basic": E},
        ["authz.multiple", "authz.scheme_mismatch"],
    ),
    (
        "407 without Proxy-Authenticate",
        http(get("Proxy-Authorization: Basic dXNlcjpwYXNz"), "407 Proxy Authentication Required"),
        {},
        Kind.AUTHENTICATION,
        "authz.basic",
        {"authz.basic": E, "status.no_challenge": W},
        [],
    ),
]


def check(
    report: Report, kind: Kind, top: str | None, have: dict[str, Severity], absent: list[str]
) -> None:
    assert report.verdict.kind is kind, report.verdict
    assert (report.verdict.causes[0] if report.verdict.causes else None) == top, report.verdict
    severities = {f.code: f.severity for f in report.findings}
    for code, severity in have.items():
        assert severities.get(code) is severity, (code, severities.get(code))
    for code in absent:
        assert code not in severities, code


@pytest.mark.parametrize(
    ("paste", "options", "kind", "top", "have", "absent"),
    [r[1:] for r in RULES],
    ids=[r[0] for r in RULES],
)
def test_verdict_rules(
    paste: str,
    options: dict[str, Any],
    kind: Kind,
    top: str | None,
    have: dict[str, Severity],
    absent: list[str],
) -> None:
    check(diagnose(paste, Options(now=NOW, **options)), kind, top, have, absent)


def test_a_bare_407_says_a_proxy_wants_its_own_credentials() -> None:
    paste = "HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Negotiate\n\n"
    verdict = diagnose(paste, Options(now=NOW)).verdict
    assert verdict.kind is Kind.AUTHENTICATION
    assert "Proxy-Authorization (Negotiate)" in verdict.headline
    assert "proxy's credentials" in verdict.next_step


def test_a_2xx_that_fails_nothing_has_no_causes_and_no_error() -> None:
    report = diagnose(http(get(target=f"/x?access_token={EXPIRED}"), "200 OK"), Options(now=NOW))
    assert report.verdict.causes == ()
    assert not report.has_error
    assert report.verdict.headline.startswith("A 200 response, not an authentication failure")


# --- one cause from two sources: confirms ------------------------------------------------

SCOPE_403 = http(
    get(f"Authorization: Bearer {token(scope='orders:read')}"),
    "403 Forbidden",
    'WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"',
)
EXPIRED_401 = http(
    get(f"Authorization: Bearer {EXPIRED}"),
    "401 Unauthorized",
    'WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired"',
)

CONFIRMS = [
    # (id, paste, options, the cause, {confirming code: what it confirms})
    (
        "scope: the token and the challenge",
        SCOPE_403,
        {"scopes": ("orders:write",)},
        "scope.insufficient",
        {"challenge.insufficient_scope": ("scope.insufficient",)},
    ),
    (
        "scope: the challenge alone names what the token lacks",
        SCOPE_403,
        {},
        "scope.insufficient",
        {"challenge.insufficient_scope": ("scope.insufficient",)},
    ),
    (
        "exp: the token and the server's words",
        EXPIRED_401,
        {},
        "time.expired",
        {"server.expired": ("time.expired",)},
    ),
    (
        "no credentials: the request and invalid_request on a 401",
        http(get(), "401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_request"'),
        {},
        "authz.missing",
        {"challenge.invalid_request": ("authz.missing",)},
    ),
    (
        "a bare invalid_token confirms what says why the token was refused",
        EXPIRED_401,
        {},
        "time.expired",
        # (this token's iat lies after its exp: the refusal confirms both reasons)
        {"challenge.invalid_token": ("time.expired", "time.window_invalid")},
    ),
    (
        "invalid_token and a quoted token: the request's form is why",
        http(
            get(f'Authorization: Bearer "{GOOD}"'),
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token"',
        ),
        {},
        "authz.quoted_token",
        {"challenge.invalid_token": ("authz.quoted_token",)},
    ),
    (
        "no token pasted: invalid_token confirms the server's words for why",
        http(
            "GET /api/orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer opaque-ref-123",
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token", error_description="Jwt expired at'
            ' 2025-01-01T00:00:00Z"',
        ),
        {},
        "server.expired",
        {"challenge.invalid_token": ("server.expired",)},
    ),
    (
        "scope: the challenge and the server's words, the token unreadable",
        http(
            get("Authorization: Bearer ya29.opaque-reference-token"),
            "403 Forbidden",
            'WWW-Authenticate: Bearer error="insufficient_scope", error_description="The request'
            ' requires higher privileges than provided by the access token."',
        ),
        {},
        "challenge.insufficient_scope",
        {"server.scope": ("challenge.insufficient_scope",)},
    ),
    (
        "a 403 to a request without credentials is the missing credentials",
        http(get(), "403 Forbidden"),
        {},
        "authz.missing",
        {"status.forbidden_without_credentials": ("authz.missing",)},
    ),
    (
        "nbf and iat both in the future: one token from the future",
        http(
            get(f"Authorization: Bearer {token(nbf=NOW + 600, iat=NOW + 600)}"),
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token"',
        ),
        {},
        "time.not_yet_valid",
        {"time.iat_future": ("time.not_yet_valid",)},
    ),
]


def test_invalid_token_confirms_no_missing_credentials() -> None:
    """A refusal of a token cannot restate that no token was sent: both stay causes."""
    paste = http(get(), "401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_token"')
    report = diagnose(paste, Options(now=NOW))
    refusal = next(f for f in report.findings if f.code == "challenge.invalid_token")
    assert refusal.confirms == ()
    assert {"authz.missing", "challenge.invalid_token"} <= set(report.verdict.causes)


@pytest.mark.parametrize(
    ("paste", "options", "cause", "confirming"),
    [c[1:] for c in CONFIRMS],
    ids=[c[0] for c in CONFIRMS],
)
def test_one_cause_from_two_sources(
    paste: str, options: dict[str, Any], cause: str, confirming: dict[str, tuple[str, ...]]
) -> None:
    report = diagnose(paste, Options(now=NOW, **options))
    assert report.verdict.causes[0] == cause
    for code, confirms in confirming.items():
        assert code not in report.verdict.causes  # named once
        found = [f for f in report.findings if f.code == code]
        assert found and all(f.confirms == confirms for f in found)
    assert [f.code for f in report.findings].count(cause) == 1  # and listed once
    assert next(f for f in report.findings if f.code == cause).confirms == ()


def test_the_json_report_carries_confirms() -> None:
    report = diagnose(SCOPE_403, Options(now=NOW, scopes=("orders:write",)))
    data = json.loads(render_json(report))
    by_code = {f["code"]: f for f in data["findings"]}
    assert by_code["challenge.insufficient_scope"]["confirms"] == ["scope.insufficient"]
    assert by_code["scope.insufficient"]["confirms"] == []
    assert all(isinstance(f["confirms"], list) for f in data["findings"])
    assert data["verdict"]["causes"] == ["scope.insufficient"]
    assert [f["code"] for f in data["findings"]].count("scope.insufficient") == 1


def test_a_warning_is_not_confirmed() -> None:
    """Only a cause (an error) is confirmed: a confirmation of a warning stays a cause."""
    paste = http(
        get(f"Authorization: Bearer {token(scope='')}"),
        "403 Forbidden",
        'WWW-Authenticate: Bearer error="insufficient_scope"',
    )
    report = diagnose(paste, Options(now=NOW))
    challenge = next(f for f in report.findings if f.code == "challenge.insufficient_scope")
    assert challenge.confirms == ()
    assert "challenge.insufficient_scope" in report.verdict.causes
