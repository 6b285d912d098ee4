"""Token and request shapes seen in the wild (issue 12, item 6): cookies, sanitized HAR
exports, token endpoint answers, refresh and ID markers, group claims."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest

from authtui.core.diagnose import build_context, diagnose
from authtui.core.http.request import request_credentials
from authtui.core.model import Exchange, Header, Kind, Severity, TokenForm
from authtui.core.options import Options
from authtui.core.read.paste import read_paste
from authtui.core.render.json import render_json

NOW = 1735689600
SECRET = "k" * 32


def token(headers: dict[str, Any] | None = None, **claims: Any) -> str:
    base: dict[str, Any] = {"sub": "u1", "iat": NOW - 600, "exp": NOW + 3000}
    base.update(claims)
    return jwt.encode(base, SECRET, "HS256", headers=headers)


def codes(report: Any) -> dict[str, Severity]:
    return {f.code: f.severity for f in report.findings}


# --- tokens in cookies ------------------------------------------------------------------

JWT = token(scope="read")
COOKIES = [
    # (id, Cookie header, the cookie read as a credential or None)
    ("access_token", f"theme=dark; access_token={JWT}", "access_token"),
    ("id_token", f"id_token={JWT}", "id_token"),
    ("jwt", f"jwt={JWT}", "jwt"),
    ("token", "token=abcdef123456", "token"),
    ("__Host- prefix", f"__Host-access-token={JWT}", "__Host-access-token"),
    ("Supabase", f"sb-abcd-auth-token={JWT}", "sb-abcd-auth-token"),
    ("Cloudflare Access", f"CF_Authorization={JWT}", "CF_Authorization"),
    ("any name, a JWT value", f"session={JWT}", "session"),
    ("a session id is no token", "sessionid=8c1f0a0b9d; csrftoken=x1y2", None),
]


@pytest.mark.parametrize(("cookie", "name"), [c[1:] for c in COOKIES], ids=[c[0] for c in COOKIES])
def test_cookie_credentials(cookie: str, name: str | None) -> None:
    exchange = Exchange(method="GET", target="/", request_headers=(Header("Cookie", cookie),))
    found = [c.field_name for c in request_credentials(exchange)]
    assert found == ([f"cookie {name}"] if name else [])


def cookie_paste(
    value: str, *request: str, status: str = "401 Unauthorized", challenge: bool = True
) -> str:
    return (
        "GET /api/orders HTTP/1.1\nHost: api.test\n"
        + "".join(h + "\n" for h in request)
        + f"Cookie: theme=dark; access_token={value}\n\n"
        + f"HTTP/1.1 {status}\n"
        + ('WWW-Authenticate: Bearer realm="api"\n' if challenge else "")
        + "\n"
    )


def test_a_cookie_token_is_decoded_and_judged() -> None:
    expired = token(exp=NOW - 300)
    report = diagnose(cookie_paste(expired, challenge=False), Options(now=NOW))
    assert report.token is not None and report.token.source == "cookie access_token"
    found = codes(report)
    assert found["authz.cookie"] is Severity.INFO
    assert found["time.expired"] is Severity.ERROR
    assert "authz.missing" not in found and "authz.wrong_header" not in found


def test_a_cookie_token_to_a_bearer_server_is_the_cause() -> None:
    report = diagnose(cookie_paste(JWT), Options(now=NOW))
    assert report.verdict.causes[0] == "authz.cookie"
    assert codes(report)["authz.cookie"] is Severity.ERROR


def test_a_cookie_beside_authorization_is_context() -> None:
    other = token(scope="write")
    paste = cookie_paste(JWT, f"Authorization: Bearer {other}")
    report = diagnose(paste, Options(now=NOW, redact=False))
    assert report.token is not None and report.token.raw == other
    found = codes(report)
    assert found["authz.cookie"] is Severity.INFO
    assert "authz.multiple" not in found


def test_cookie_tokens_are_redacted() -> None:
    text = render_json(diagnose(cookie_paste(JWT), Options(now=NOW)))
    assert JWT not in text and JWT.split(".")[2] not in text


# --- sanitized HAR exports --------------------------------------------------------------


def har(creator: str | None, *, extra: dict[str, Any] | None = None, **entry: Any) -> str:
    request = {
        "method": "GET",
        "url": "https://api.test/api/orders",
        "headers": [{"name": "accept", "value": "application/json"}],
        "cookies": [],
    }
    response = {
        "status": entry.get("status", 401),
        "headers": entry.get("response_headers", [{"name": "www-authenticate", "value": "Bearer"}]),
        "cookies": [],
        "content": {"text": ""},
    }
    request["headers"] += entry.get("request_headers", [])
    item: dict[str, Any] = {"request": request, "response": response, **(extra or {})}
    log: dict[str, Any] = {"version": "1.2", "entries": [item]}
    if creator is not None:
        log["creator"] = {"name": creator, "version": "1"}
    return json.dumps({"log": log})


STRIPPED = [
    ("Chrome", har("WebInspector"), True),
    ("Firefox", har("Firefox"), True),
    (
        "Chromium's own fields, no creator",
        har(None, extra={"_transferSize": 10, "_initiator": {}}),
        True,
    ),
    ("not a browser", har("Charles Proxy"), False),
    (
        "exported with cookies",
        har("WebInspector", request_headers=[{"name": "Cookie", "value": "a=b"}]),
        False,
    ),
    (
        "exported with Authorization",
        har("WebInspector", request_headers=[{"name": "Authorization", "value": "Bearer x"}]),
        False,
    ),
    (
        "a Set-Cookie kept",
        har("WebInspector", response_headers=[{"name": "Set-Cookie", "value": "a=b"}]),
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "stripped"), [s[1:] for s in STRIPPED], ids=[s[0] for s in STRIPPED]
)
def test_sanitized_har_is_recognised(text: str, stripped: bool) -> None:
    assert bool(read_paste(text).stripped) is stripped
    found = codes(diagnose(text, Options(now=NOW)))
    assert ("authz.stripped" in found) is stripped


def test_a_sanitized_har_does_not_blame_the_client() -> None:
    text = har(
        "WebInspector",
        status=403,
        response_headers=[
            {"name": "www-authenticate", "value": 'Bearer error="insufficient_scope"'}
        ],
    )
    report = diagnose(text, Options(now=NOW))
    found = codes(report)
    assert found["authz.stripped"] is Severity.WARNING
    assert found["authz.missing"] is Severity.INFO
    assert "status.forbidden_without_credentials" not in found
    stripped = next(f for f in report.findings if f.code == "authz.stripped")
    assert "insufficient_scope" in stripped.detail  # the server saw a token
    assert "WebInspector" in stripped.evidence


def test_a_sanitized_success_needs_no_explaining() -> None:
    text = har("WebInspector", status=200, response_headers=[])
    assert read_paste(text).stripped
    assert "authz.stripped" not in codes(diagnose(text, Options(now=NOW)))


def test_a_bare_sanitized_401_heads_with_the_export() -> None:
    report = diagnose(har("WebInspector"), Options(now=NOW))
    assert report.verdict.causes[0] == "authz.stripped"
    assert report.verdict.kind is Kind.AUTHENTICATION


# --- token endpoint answers -------------------------------------------------------------

ACCESS = token({"typ": "at+jwt"}, aud="https://api.test", scope="orders:read")
ID = token(aud="web", azp="web", nonce="n")
REFRESH = token(token_type="refresh", jti="r")
ANSWER = {"access_token": ACCESS, "token_type": "Bearer", "id_token": ID, "refresh_token": REFRESH}


def test_a_token_answer_judges_the_access_token_and_shows_the_others() -> None:
    report = diagnose(json.dumps(ANSWER), Options(now=NOW, redact=False))
    assert report.token is not None and report.token.raw == ACCESS
    finding = next(f for f in report.findings if f.code == "token.response")
    assert "access_token (judged)" in finding.evidence
    assert "id_token: jws" in finding.evidence and "nonce" not in finding.evidence
    assert "refresh_token: jws" in finding.evidence and "token_type=refresh" in finding.evidence
    assert "token.wrong_type" not in codes(report)
    text = render_json(diagnose(json.dumps(ANSWER), Options(now=NOW)))
    assert ID not in text and REFRESH not in text  # shown decoded, never whole


def test_a_token_answer_in_a_curl_transcript() -> None:
    text = (
        "> POST /oauth2/token HTTP/1.1\n> Host: idp.test\n>\n< HTTP/1.1 200 OK\n"
        "< Content-Type: application/json\n<\n" + json.dumps(ANSWER) + "\n"
    )
    report = diagnose(text, Options(now=NOW, redact=False))
    assert report.token is not None and report.token.raw == ACCESS
    assert "token.response" in codes(report)
    assert "authz.missing" not in codes(report)


def test_cognito_authentication_result() -> None:
    doc = {"AuthenticationResult": {"AccessToken": ACCESS, "IdToken": ID, "RefreshToken": "eyJj"}}
    paste = read_paste(json.dumps(doc))
    assert [role for role, _ in paste.token_roles] == ["access_token", "id_token", "refresh_token"]
    assert paste.tokens[0] == ACCESS


@pytest.mark.parametrize("role", ["refresh_token", "id_token"])
def test_an_answer_holding_only_another_token(role: str) -> None:
    value = "1//0gLmOpaqueRefreshTokenValue" if role == "refresh_token" else ID
    report = diagnose(json.dumps({role: value}), Options(now=NOW))
    finding = next(f for f in report.findings if f.code == "token.wrong_type")
    assert f"the {role} of the token endpoint's answer" in finding.evidence


# --- refresh and ID markers -------------------------------------------------------------

KINDS = [
    # (id, header, claims, kind in the title or None for an access token)
    ("simplejwt refresh", None, {"token_type": "refresh", "user_id": 7}, "refresh"),
    ("simplejwt access", None, {"token_type": "access", "user_id": 7}, None),
    ("flask-jwt-extended refresh", None, {"type": "refresh", "fresh": False}, "refresh"),
    ("flask-jwt-extended access", None, {"type": "access", "fresh": False}, None),
    ("Keycloak Refresh", None, {"typ": "Refresh"}, "refresh"),
    ("Keycloak Offline", None, {"typ": "Offline"}, "refresh"),
    ("Keycloak ID", None, {"typ": "ID"}, "ID token"),
    ("Keycloak Bearer", None, {"typ": "Bearer"}, None),
    ("Cognito id", None, {"token_use": "id"}, "ID token"),
    ("tokenType refresh_token", None, {"tokenType": "refresh_token"}, "refresh"),
    ("header refresh+jwt", {"typ": "refresh+jwt"}, {}, "refresh"),
    ("header secevent+jwt", {"typ": "secevent+jwt"}, {}, "security event"),
    ("header logout+jwt", {"typ": "logout+jwt"}, {}, "logout"),
    ("nonce: an ID token", None, {"nonce": "n", "aud": "web"}, "ID token"),
]


@pytest.mark.parametrize(
    ("header", "claims", "kind"), [k[1:] for k in KINDS], ids=[k[0] for k in KINDS]
)
def test_token_kinds(
    header: dict[str, Any] | None, claims: dict[str, Any], kind: str | None
) -> None:
    raw = token(header, **claims)
    report = diagnose(f"Authorization: Bearer {raw}\n", Options(now=NOW))
    found = [f for f in report.findings if f.code == "token.wrong_type"]
    if kind is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity is Severity.ERROR and kind in finding.title


def test_an_opaque_refresh_token_by_its_prefix() -> None:
    report = diagnose("Authorization: Bearer ghr_1234567890abcdefghij\n", Options(now=NOW))
    assert "refresh" in next(f for f in report.findings if f.code == "token.wrong_type").title


# --- group claims -----------------------------------------------------------------------

GROUPS = [
    ("cognito:groups", {"cognito:groups": ["admins", "readers"]}, "admins", True),
    ("cognito:groups lacks it", {"cognito:groups": ["readers"]}, "admins", False),
    ("Auth0 namespaced roles", {"https://shop.test/roles": ["admin"]}, "admin", True),
    ("custom:roles string", {"custom:roles": "admin editor"}, "editor", True),
    (
        "ZITADEL roles object",
        {"urn:zitadel:iam:org:project:roles": {"admin": {"1": "x"}}},
        "admin",
        True,
    ),
    (
        "Hasura allowed roles",
        {"https://hasura.io/jwt/claims": {"x-hasura-allowed-roles": ["user"]}},
        "user",
        True,
    ),
    ("authorities", {"authorities": ["ROLE_ADMIN"]}, "ROLE_ADMIN", True),
    ("a username is no group", {"cognito:username": "admin"}, "admin", False),
]


@pytest.mark.parametrize(
    ("claims", "scope", "held"), [g[1:] for g in GROUPS], ids=[g[0] for g in GROUPS]
)
def test_group_claims_are_read(claims: dict[str, Any], scope: str, held: bool) -> None:
    raw = token(**claims)
    context = build_context(f"Authorization: Bearer {raw}\n", Options(now=NOW, scopes=(scope,)))
    from authtui.core.checks.scope import check_scopes

    (finding,) = check_scopes(context)
    assert finding.code == ("scope.ok" if held else "scope.insufficient")


def test_a_jws_form_survives_in_the_json_report() -> None:
    raw = token()
    data = json.loads(render_json(diagnose(f"Authorization: Bearer {raw}\n", Options(now=NOW))))
    assert data["token"]["form"] == TokenForm.JWS.value and "payload" not in data["token"]
