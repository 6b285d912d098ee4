"""End to end over realworld.md: each paste as a user would paste it, and what a colleague expects.

Pastes are written as status line, headers, blank line, body (with the request first when
the entry shows one). Tokens are generated with PyJWT where the entry implies one; ``now``
is fixed (and set to the response's Date where the entry shows one).
"""

from __future__ import annotations

from typing import Any

import jwt
import pytest

from authtui.core.diagnose import diagnose
from authtui.core.model import Kind, Severity
from authtui.core.options import Options

NOW = 1735689600
A, Z, B, U = Kind.AUTHENTICATION, Kind.AUTHORIZATION, Kind.BAD_REQUEST, Kind.UNKNOWN


def tok(**claims: Any) -> str:
    """An Entra-like access token (HS256, test key); claims override the defaults."""
    base: dict[str, Any] = {
        "iss": "https://login.microsoftonline.com/t/v2.0",
        "sub": "u",
        "aud": "https://storage.azure.com",
        "iat": NOW - 7200,
        "exp": NOW + 3000,
        "scp": "user_impersonation",
    }
    base.update(claims)
    return jwt.encode(base, "k" * 32, "HS256")


PASTES: dict[str, str] = {
    "rw1": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_tok'
        'en", error_description="The signature key was not found"\n\n'
    ),
    "rw3": (
        'HTTP/1.1 401 Unauthorized\nwww-Authenticate Bearer error "Invalid_toke'
        'n", error_description = "The Signature key was not found".\n\n'
    ),
    "rw5": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_tok'
        'en", error_description="The audience \'empty\' is invalid"\n\n'
    ),
    "rw9": (
        'HTTP/1.1 401 Unauthorized\nWww-Authenticate: Bearer error="invalid_tok'
        'en", error_description="The issuer \'(null)\' is invalid"\n\n'
    ),
    "rw17": (
        'HTTP/1.1 401\nWWW-Authenticate: Bearer error="invalid_token", error_de'
        'scription="An error occurred while attempting to decode the Jwt: Signe'
        "d JWT rejected: Another algorithm expected, or no matching key(s) foun"
        'd", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"\n\n'
    ),
    "rw21": (
        'HTTP/1.1 403\nWWW-Authenticate: Bearer error="insufficient_scope", err'
        'or_description="The request requires higher privileges than provided b'
        'y the access token.", error_uri="https://tools.ietf.org/html/rfc6750#s'
        'ection-3.1"\n\n'
    ),
    "rw23": "HTTP/1.1 401\nwww-authenticate: Bearer\n\n",
    "rw25": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="Spring"\nCon'
        'tent-Type: application/json\n\n{"timestamp":1423990178614,"status":401'
        ',"error":"Unauthorized","message":"Full authentication is required to '
        'access this resource","path":"/"}'
    ),
    "rw33": (
        'HTTP/2 403\nwww-authenticate: Bearer realm="https://accounts.google.co'
        'm/", error="insufficient_scope", scope="https://www.googleapis.com/aut'
        'h/contacts https://www.google.com/m8/feeds"\nserver: ESF\n\n{"error": '
        '{"code": 403, "message": "Request had insufficient authentication scop'
        'es.", "status": "PERMISSION_DENIED"}}'
    ),
    "rw37": (
        "HTTP/1.1 401 Unauthorized\nContent-Type: text/html\n\n<html><head><tit"
        "le>401 Unauthorized</title></head><body><h1>Error: Unauthorized</h1><h"
        "2>Your client does not have permission to the requested URL <code>/end"
        "point/xxxxx</code>.</h2></body></html>"
    ),
    "rw39": (
        'HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"message'
        '": "Bad credentials", "documentation_url": "https://docs.github.com/re'
        'st", "status": "401"}'
    ),
    "rw41": (
        "HTTP/1.1 401 Unauthorized\n\n{\"message\":\"'Expiration time' claim ('"
        'exp\') is too far in the future","documentation_url":"https://docs.git'
        'hub.com/rest"}'
    ),
    "rw45": (
        "GET /repos/o/r/statuses/abc HTTP/1.1\nHost: api.github.com\nAuthorizat"
        "ion: token gho_16C7e42F292c6912E7710c838347Ae178B4a\n\nHTTP/1.1 404 No"
        "t Found\nX-Accepted-OAuth-Scopes: repo\nX-OAuth-Scopes: repo:status\n\n"
        '{"message":"Not Found","documentation_url":"https://docs.github.com/re'
        'st/commits/statuses#create-a-commit-status"}'
    ),
    "rw49": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api", error'
        '="invalid_token", error_description="Invalid Compact JWS"\n\n'
    ),
    "rw51": (
        "GET /oauth2/v1/userinfo HTTP/1.1\nHost: dev-927219.oktapreview.com\nAu"
        "thorization: Bearer 12345654321\n\nHTTP/1.1 401 Unauthorized\nServer: "
        "nginx\nContent-Length: 0\nAccess-Control-Expose-Headers: WWW-Authentic"
        'ate\nWWW-Authenticate: Bearer authorization_uri="http://dev-927219.okt'
        'apreview.com/oauth2/v1/authorize", realm="http://dev-927219.oktaprevie'
        'w.com"\nX-Okta-Request-Id: WzUiGpX@JRbqLffskRVMHgAADSo\n\n'
    ),
    "rw53": "GET /oauth2/v1/userinfo?access_token="
    + tok()
    + (
        " HTTP/1.1\nHost: x.okta.com\n\nHTTP/1.1 400 Bad Request\nWWW-Authentic"
        'ate: Bearer error="invalid_request", error_description="The access tok'
        'en cannot be presented in a query string."\n\n'
    ),
    "rw59": (
        'HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"error":'
        ' "invalid_grant", "error_description": "Invalid bearer token"}'
    ),
    "rw61": (
        'HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer realm="http://hell'
        'oworld.test.local:7070/helloworld/hello-jwt", error="invalid_token"\nc'
        "ontent-length: 22\ncontent-type: text/plain\n\nJwt verification fails"
    ),
    "rw63": ("HTTP/1.1 401 Unauthorized\ncontent-type: text/plain\n\nJwt issuer is not configured"),
    "rw67": "GET / HTTP/1.1\nHost: kong\nAuthorization: "
    + tok()
    + "\n\nHTTP/1.1 401 Unauthorized\n\nUnauthorized",
    "rw69": (
        "GET / HTTP/1.1\nHost: kong\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIs"
        "InR5cCI6.eyJzdWIiOiJ1In0.c2ln\n\nHTTP/1.1 500 Internal Server Error\nC"
        'ontent-Type: application/json\n\n{"message":"An unexpected error occur'
        'red","request_id":"asdfasdfasdf"}'
    ),
    "rw71": (
        "HTTP/1.1 401 Unauthorized\nServer: nginx/1.27.0\nContent-Type: text/ht"
        "ml\n\n<html><head><title>401 Authorization Required</title></head></ht"
        "ml>"
    ),
    "rw73": "GET /items HTTP/1.1\nHost: localhost:8000\nAuthorization: "
    + tok()
    + (
        '\n\nHTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{"detail'
        '":"Not authenticated"}'
    ),
    "rw75": "GET /api/ HTTP/1.1\nHost: x\nAuthorization: JWT "
    + tok()
    + (
        '\n\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"det'
        'ail": "Authentication credentials were not provided."}'
    ),
    "rw79": (
        'HTTP/1.1 401 Unauthorized\nWww-Authenticate: Basic realm="kubernetes-'
        'master"\nAudit-Id: ffa6c4c6-4ba9-4de7-b3c7-23437edbe4ff\nContent-Leng'
        'th: 129\n\n{"kind":"Status","apiVersion":"v1","metadata":{},'
        '"status":"Failure","message":"Unauthorized","reason":"Unaut'
        'horized","code":401}'
    ),
    "rw83": (
        'HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer realm="https://aut'
        'h.docker.io/token",service="registry.docker.io",scope="repository:open'
        'jdk:pull",error="insufficient_scope"\n\nauthentication required'
    ),
    "rw85": ("GET /v1.0/me HTTP/1.1\nHost: graph.microsoft.com\nAuthorization: Bearer ")
    + tok(aud="https://graph.windows.net")
    + (
        '\n\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"err'
        'or": {"code": "InvalidAuthenticationToken", "message": "Access token v'
        'alidation failure.", "innerError": {"request-id": "be979fa7", "date": '
        '"2018-08-03T17:43:32"}}}'
    ),
    "rw87": ("GET /c/b HTTP/1.1\nHost: acct.blob.core.windows.net\nAuthorization: Bearer ")
    + tok(exp=NOW - 1800)
    + (
        "\n\nHTTP/1.1 401 Server failed to authenticate the request. Please ref"
        "er to the information in the www-authenticate header.\nWww-Authenticat"
        "e: Bearer authorization_uri=https://login.microsoftonline.com/72f988bf"
        "-86f1-41af-91ab-2d7cd011db47/oauth2/authorize resource_id=https://stor"
        "age.azure.com\nX-Ms-Error-Code: InvalidAuthenticationInfo\n\n<?xml ver"
        'sion="1.0" encoding="utf-8"?><Error><Code>InvalidAuthenticationInfo</C'
        "ode><Message>Server failed to authenticate the request. Please refer t"
        "o the information in the www-authenticate header.</Message><Authentica"
        "tionErrorDetail>Lifetime validation failed. The token is expired.</Aut"
        "henticationErrorDetail></Error>"
    ),
    "rw89arm": (
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer authorization_uri="
        '"https://login.windows.net/", error="invalid_token", error_description'
        "=\"The authentication failed because of missing 'Authorization' heade"
        'r."\n\n'
    ),
    "rw89cae": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="", authoriz'
        'ation_uri="https://login.microsoftonline.com/common/oauth2/authorize",'
        ' client_id="00000003-0000-0000-c000-000000000000", error="insufficient'
        '_claims", claims="eyJhY2Nlc3NfdG9rZW4iOiB7ImZvbyI6ICJiYXIifX0="\n\n'
    ),
    "rw91": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP error="use_dpop_nonc'
        'e", error_description="Resource server requires nonce in DPoP proof"\n'
        'DPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v\n\n{"error":"use_dpop_nonce"}'
    ),
    "rw95": (
        'HTTP/2 401\nwww-authenticate: Bearer error="invalid_token", error_desc'
        'ription="Missing Authorization header"\n\n'
    ),
    "rw97": (
        'HTTP/1.1 401 Invalid Token\nContent-Type: application/json\n\n{"error"'
        ': "access_denied", "error_description": "Invalid Token"}'
    ),
    "rw99a": ("GET /sale/offers HTTP/1.1\nHost: api.allegro.pl\nAuthorization: Bearer")
    + tok()
    + "\n\nHTTP/1.1 401 Unauthorized\n\n",
    "rw101": ("GET /devices HTTP/1.1\nHost: api.jetkvm.com\nauthorization: bearer ")
    + tok()
    + "\n\nHTTP/1.1 401 Unauthorized\n\n",
    "rw103": ("GET /api/me HTTP/1.1\nHost: localhost\nX-Authorization: Bearer ")
    + tok()
    + (
        '\n\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"sta'
        'tus":401,"message":"Authentication failed","errorCode":10,"timestamp":'
        "1515558348119}"
    ),
    "rw105": "GET /restricted HTTP/1.1\nHost: localhost\nAuthorization: "
    + tok()
    + (
        '\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{"stat'
        'usCode": 400, "error": "Bad Request", "message": "Bad HTTP authenticat'
        'ion header format"}'
    ),
    "rw107": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth2 realm="WSO2 API Ma'
        'nager", error="invalid_token", error_description="The access token exp'
        'ired"\n\n'
    ),
    "rw109": (
        "GET /me HTTP/1.1\nHost: shielded-retreat-23877.herokuapp.com\n\nHTTP/1"
        ".1 400 Bad Request\nContent-Length: 0\nwww-authenticate: Bearer realm="
        '"https://shielded-retreat-23877.herokuapp.com", error="invalid_request'
        '", error_description="no bearer token provided"\n\n'
    ),
    "rw111": (
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm="secret", do'
        'main="/",  qop=auth,algorithm=MD5, nonce="6f93719059cf8d568005727f3250'
        'e798" opaque="1234opaque1234"\n\n'
    ),
}
AWS_TOKEN = jwt.encode(
    {"iss": "https://i.test", "aud": "wrong", "iat": 1589342000, "exp": 1589345000, "sub": "u"},
    "k" * 32,
    "HS256",
)
PASTES["rw27"] = (
    "GET /pets HTTP/1.1\nHost: abc.execute-api.us-east-1.amazonaws.com\n"
    f"Authorization: {AWS_TOKEN}\n\n"
    "HTTP/1.1 401 Unauthorized\nDate: Wed, 13 May 2020 04:07:30 GMT\nContent-Length: 26\n"
    "Connection: keep-alive\n"
    'www-authenticate: Bearer scope="" error="invalid_token" '
    'error_description="the token does not have a valid audience"\n'
    "apigw-requestid: Mc7UVioPPHcEKPA=\n\n"
    '{"message":"Unauthorized"}}'
)
PASTES["rw19"] = (
    "HTTP/1.1 401\n"
    'WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while '
    "attempting to decode the Jwt: The issuer: 'https://abc.b2clogin.com/e761f276-37f8-499d-aaec-"
    "47801cdea4d1/v2.0/' is not registered in trusted issuer repository, so cannot create "
    'JWSKeySelector.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"\n\n'
)
PASTES["rw29"] = (
    "HTTP/1.1 401 Unauthorized\n"
    'www-authenticate: Bearer error="invalid_token", error_description="signing method ES256 is '
    'invalid"\n\n'
)
PASTES["rw35"] = (
    "HTTP/1.1 403 Forbidden\nContent-Type: application/json\n\n"
    '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":'
    '[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],'
    '"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",'
    '"reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com"}]}}'
)
PASTES["rw89kv"] = (
    "HTTP/1.1 401 Unauthorized\n"
    'WWW-Authenticate: Bearer authorization="https://login.microsoftonline.com/72f988bf-86f1-41af-'
    '91ab-2d7cd011db47", resource="https://vault.azure.net"\n\n'
)
PASTES["rw89rev"] = (
    "HTTP/1.1 401 Unauthorized\n"
    'WWW-Authenticate: Bearer authorization_uri="https://login.windows-ppe.net/", '
    'error="invalid_token", error_description="User session has been revoked", '
    'claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYwMzc0MjgwMCJ9fX0="'
    "\n\n"
)

# (entry, expected kinds, acceptable top causes, codes expected among the findings, options)
CASES: list[Any] = [
    ("rw1", {A}, {"server.unknown_key"}, {"challenge.invalid_token"}, {}),
    ("rw3", {A}, {"server.unknown_key"}, {"challenge.invalid_token", "challenge.nonstandard"}, {}),
    ("rw5", {A}, {"server.audience"}, {"challenge.invalid_token"}, {}),
    ("rw9", {A}, {"server.issuer"}, {"challenge.invalid_token"}, {}),
    ("rw17", {A}, {"server.unknown_key", "server.bad_signature"}, {"challenge.invalid_token"}, {}),
    ("rw19", {A}, {"server.issuer"}, {"challenge.invalid_token"}, {}),
    ("rw21", {Z}, {"server.scope", "challenge.insufficient_scope"}, set(), {}),
    ("rw23", {A}, {"token.missing"}, set(), {}),
    ("rw25", {A}, {"server.missing_token"}, set(), {}),
    ("rw29", {A}, {"server.bad_signature", "server.unknown_key"}, {"challenge.invalid_token"}, {}),
    (
        "rw33",
        {Z},
        {"server.scope", "challenge.insufficient_scope"},
        {"challenge.insufficient_scope"},
        {},
    ),
    ("rw35", {Z}, {"server.scope"}, set(), {}),
    ("rw37", {A}, {"server.wrong_token_type", "server.audience"}, {"status.no_challenge"}, {}),
    ("rw39", {A}, {"server.expired"}, {"status.no_challenge"}, {}),
    ("rw41", {A}, {"server.expired", "server.not_yet_valid"}, set(), {}),
    ("rw45", {Z}, {"scope.insufficient"}, {"status.mismatch"}, {}),
    ("rw49", {A}, {"server.malformed", "server.wrong_token_type"}, {"challenge.invalid_token"}, {}),
    ("rw51", {A}, {"challenge.no_error"}, {"challenge.authorization_uri"}, {}),
    ("rw53", {B}, {"authz.wrong_header"}, {"server.malformed", "challenge.invalid_request"}, {}),
    ("rw59", {A}, {"status.no_challenge"}, set(), {}),
    ("rw61", {A}, {"server.bad_signature"}, {"challenge.invalid_token"}, {}),
    ("rw63", {A}, {"server.issuer"}, {"status.no_challenge"}, {}),
    ("rw67", {A}, {"authz.no_scheme"}, {"status.no_challenge"}, {}),
    ("rw69", {A}, {"token.malformed"}, {"status.mismatch"}, {}),
    ("rw71", {A}, {"status.no_challenge"}, set(), {}),
    ("rw73", {A}, {"authz.no_scheme"}, {"server.missing_token"}, {}),
    ("rw75", {A}, {"server.missing_token", "authz.scheme_mismatch"}, {"authz.scheme_mismatch"}, {}),
    ("rw79", {A}, {None}, set(), {}),
    ("rw83", {Z}, {"server.scope", "challenge.insufficient_scope"}, {"status.mismatch"}, {}),
    ("rw85", {A}, {"server.audience"}, set(), {}),
    (
        "rw85",
        {A},
        {"claims.aud_mismatch"},
        {"server.audience"},
        {"audiences": ("https://graph.microsoft.com",)},
    ),
    ("rw87", {A}, {"time.expired"}, {"server.expired", "challenge.nonstandard"}, {}),
    ("rw89arm", {A}, {"server.missing_token"}, {"challenge.invalid_token"}, {}),
    ("rw89cae", {A}, {"challenge.claims"}, {"challenge.authorization_uri"}, {}),
    ("rw89kv", {A}, {"token.missing"}, {"challenge.authorization_uri"}, {}),
    ("rw89rev", {A}, {"server.expired"}, {"challenge.invalid_token", "challenge.claims"}, {}),
    ("rw91", {A}, {"challenge.dpop_nonce"}, set(), {}),
    ("rw95", {A}, {"server.missing_token"}, {"challenge.invalid_token"}, {}),
    ("rw97", {A}, {"status.no_challenge"}, set(), {}),
    ("rw99a", {A}, {"authz.no_space"}, set(), {}),
    ("rw101", {A}, {"authz.scheme_case"}, set(), {}),
    ("rw103", {A}, {"authz.wrong_header"}, set(), {}),
    ("rw105", {A, B}, {"authz.no_scheme"}, {"server.malformed"}, {}),
    ("rw107", {A}, {"server.expired"}, {"challenge.invalid_token", "challenge.nonstandard"}, {}),
    ("rw109", {B, A}, {"authz.missing", "server.missing_token"}, {"challenge.invalid_request"}, {}),
    ("rw111", {A}, {"challenge.nonstandard"}, set(), {}),
]


def _id(case: Any) -> str:
    return case[0] + ("+aud" if case[4] else "")


@pytest.mark.parametrize(
    ("entry", "kinds", "tops", "expected", "options"), CASES, ids=[_id(c) for c in CASES]
)
def test_realworld(
    entry: str,
    kinds: set[Kind],
    tops: set[str | None],
    expected: set[str],
    options: dict[str, Any],
) -> None:
    report = diagnose(PASTES[entry], Options(now=NOW, **options))
    verdict = report.verdict
    assert verdict.kind in kinds, (verdict.kind, verdict.headline)
    top = verdict.causes[0] if verdict.causes else None
    assert top in tops, verdict.causes
    found = {f.code for f in report.findings}
    assert expected <= found, sorted(found)
    assert "internal.check_failed" not in found
    assert verdict.headline.endswith(".")
    for finding in report.findings:
        if finding.severity in (Severity.ERROR, Severity.WARNING):
            assert finding.evidence and finding.fix, finding.code


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert set(PASTES) >= {c[0] for c in CASES}


# --- answers once judged wrong or noisy, now fixed ------------------------------------


def test_rw27_audience_outranks_a_prefix_the_server_coped_with() -> None:
    report = diagnose(PASTES["rw27"], Options(now=1589342850))
    assert report.verdict.causes[0] == "server.audience"


def test_rw87_no_error_is_noise_when_the_server_read_the_token() -> None:
    report = diagnose(PASTES["rw87"], Options(now=NOW))
    assert "challenge.no_error" not in {f.code for f in report.findings}


def test_rw45_github_token_scheme_is_not_a_mismatch() -> None:
    report = diagnose(PASTES["rw45"], Options(now=NOW))
    assert "authz.scheme_mismatch" not in {f.code for f in report.findings}
