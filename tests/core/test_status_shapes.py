"""Auth failures that are not a plain 401/403 (issue 12, item 5): preflights, client
certificates, proxies, and failures behind a 2xx or 3xx. Tables over the readers
(read/hidden, read/transport) and over the checks, ``now`` passed in."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.checks import status_shapes
from authtui.core.context import Context
from authtui.core.diagnose import build_context, diagnose
from authtui.core.model import Exchange, Header, Kind, Severity
from authtui.core.options import Options
from authtui.core.read.har import sanitized_signs
from authtui.core.read.harvest import body_token_response, token_response
from authtui.core.read.hidden import (
    api_request,
    graphql_auth_errors,
    hidden_failure,
    login_url,
)
from authtui.core.read.paste import read_paste
from authtui.core.read.transport import transport_lines
from tests.strategies import nested

NOW = 1735689600.0


def ctx(text: str) -> Context:
    return build_context(text, Options(now=NOW))


def codes(text: str, check: status_shapes.Check) -> list[str]:
    return [f.code for f in check(ctx(text))]


# --- CORS preflight ---------------------------------------------------------------------

PREFLIGHT = (
    "OPTIONS /api/orders HTTP/1.1\nHost: api.test\nOrigin: https://shop.test\n"
    "Access-Control-Request-Method: POST\nAccess-Control-Request-Headers: authorization\n\n"
)

PREFLIGHTS = [
    ("401", PREFLIGHT + 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="a"\n', True),
    ("403", PREFLIGHT + "HTTP/1.1 403 Forbidden\n", True),
    ("answered 204", PREFLIGHT + "HTTP/1.1 204 No Content\n", False),
    (
        "OPTIONS without Access-Control-Request-Method",
        "OPTIONS /api HTTP/1.1\nHost: api.test\n\nHTTP/1.1 401 Unauthorized\n",
        False,
    ),
    ("GET refused", "GET /api HTTP/1.1\nHost: a\n\nHTTP/1.1 401 Unauthorized\n", False),
]


@pytest.mark.parametrize(
    ("text", "fires"), [p[1:] for p in PREFLIGHTS], ids=[p[0] for p in PREFLIGHTS]
)
def test_preflight(text: str, fires: bool) -> None:
    assert codes(text, status_shapes.preflight) == (["status.preflight"] if fires else [])


@pytest.mark.parametrize("status", ["401 Unauthorized", "403 Forbidden"])
def test_a_refused_preflight_does_not_blame_the_client(status: str) -> None:
    report = diagnose(PREFLIGHT + f"HTTP/1.1 {status}\n", Options(now=NOW))
    found = {f.code for f in report.findings}
    assert report.verdict.causes[0] == "status.preflight"
    assert report.verdict.kind is Kind.AUTHENTICATION
    assert not found & {"authz.missing", "status.forbidden_without_credentials"}


# --- client certificates ----------------------------------------------------------------


def nginx(title: str) -> str:
    return (
        "HTTP/1.1 400 Bad Request\nServer: nginx\nContent-Type: text/html\n\n"
        f"<html><head><title>400 {title}</title></head><body><center>{title}</center>"
        "</body></html>\n"
    )


def curl_tls(*lines: str) -> str:
    return (
        "*   Trying 127.0.0.1:8443...\n* Connected to localhost (127.0.0.1) port 8443 (#0)\n"
        + "".join(line + "\n" for line in lines)
    )


REQUEST_CERT = "* TLSv1.2 (IN), TLS handshake, Request CERT (13):"
CLIENT_CERTS = [
    # (id, paste, state in the title or None when it must not fire)
    ("nginx: none sent", nginx("No required SSL certificate was sent"), "requires"),
    ("nginx: refused", nginx("The SSL certificate error"), "refused"),
    ("nginx 496", "HTTP/1.1 496 SSL Certificate Required\n\n", "requires"),
    (
        "IIS 403.7",
        "HTTP/1.1 403 Forbidden\n\nHTTP Error 403.7 - Forbidden: client certificate required\n",
        "requires",
    ),
    (
        "curl -v, TLS 1.3, alert 116 as curl prints it",
        curl_tls(
            "> GET / HTTP/1.1",
            "> Host: localhost",
            ">",
            "* TLSv1.3 (IN), TLS alert, unknown (628):",
        ),
        "requires",
    ),
    (
        "OpenSSL reason: tlsv13 alert certificate required",
        curl_tls(
            "curl: (56) OpenSSL SSL_read: error:0A00045C:SSL routines::tlsv13 alert "
            "certificate required, errno 0"
        ),
        "requires",
    ),
    (
        "TLS 1.2: sslv3 alert bad certificate",
        curl_tls(
            REQUEST_CERT, "curl: (35) error:14094412:SSL routines:sslv3 alert bad certificate"
        ),
        "refused",
    ),
    (
        "curl -v: (IN) alert unknown CA",
        curl_tls("* TLSv1.3 (IN), TLS alert, unknown CA (560):"),
        "refused",
    ),
    (
        "handshake failure after Request CERT",
        curl_tls(REQUEST_CERT, "* sslv3 alert handshake failure"),
        "refused",
    ),
    (
        "handshake failure alone is no client-cert sign",
        curl_tls("* sslv3 alert handshake failure"),
        None,
    ),
    ("Go client", 'Get "https://api": remote error: tls: certificate required\n', "requires"),
    (
        "Java client",
        "javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate\n",
        "refused",
    ),
    (
        "Python client",
        "ssl.SSLError: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate "
        "required (_ssl.c:2580)\n",
        "requires",
    ),
    (
        "curl could not load its own certificate",
        "curl: (58) could not load PEM client certificate from client.pem, OpenSSL error\n",
        "could not load",
    ),
    (
        "SSL certificate problem is the server's certificate",
        curl_tls("curl: (60) SSL certificate problem: unable to get local issuer certificate"),
        None,
    ),
    ("a plain 400", "HTTP/1.1 400 Bad Request\n\nbad json\n", None),
    (
        "curl's OUT alert is the client's own",
        curl_tls("* TLSv1.3 (OUT), TLS alert, unknown CA (560):"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "state"), [c[1:] for c in CLIENT_CERTS], ids=[c[0] for c in CLIENT_CERTS]
)
def test_client_cert(text: str, state: str | None) -> None:
    found = list(status_shapes.client_cert(ctx(text)))
    if state is None:
        assert found == []
        return
    (finding,) = found
    assert finding.code == "status.client_cert" and finding.severity is Severity.ERROR
    assert state in finding.title
    assert finding.evidence and finding.fix and finding.refs


def test_client_cert_is_the_cause_and_authentication() -> None:
    report = diagnose(nginx("No required SSL certificate was sent"), Options(now=NOW))
    assert report.verdict.causes[0] == "status.client_cert"
    assert report.verdict.kind is Kind.AUTHENTICATION


def test_server_certificate_problem_is_not_auth() -> None:
    text = curl_tls("curl: (60) SSL certificate problem: self-signed certificate")
    report = diagnose(text, Options(now=NOW))
    assert report.verdict.causes[0] == "status.server_cert"
    assert report.verdict.kind is Kind.NOT_AN_AUTH_FAILURE
    assert "status.client_cert" not in {f.code for f in report.findings}


def test_transport_lines_keep_only_the_connection() -> None:
    text = curl_tls(
        "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
        REQUEST_CERT,
        "> GET / HTTP/1.1",
        "< HTTP/1.1 200 OK",
        "* TLSv1.3 (IN), TLS alert, unknown (628):",
    )
    assert transport_lines(text) == (
        "TLSv1.2 (IN), TLS handshake, Request CERT (13):",
        "TLSv1.3 (IN), TLS alert, unknown (628):",
    )
    assert read_paste(text).transport == transport_lines(text)
    assert transport_lines("GET / HTTP/1.1\nHost: a\n") == ()


# --- behind a 2xx or 3xx ----------------------------------------------------------------

LOGIN_URLS = [
    ("/login", True),
    ("https://app.test/Account/Login?ReturnUrl=%2Fapi", True),
    ("/users/sign_in", True),
    ("/accounts/log-in/?next=/api/", True),
    ("/signInPage", True),
    ("https://login.microsoftonline.com/t/oauth2/v2.0/authorize?client_id=x", True),
    ("https://idp.test/realms/r/protocol/openid-connect/auth?client_id=a&redirect_uri=b", True),
    ("/oauth2/start?rd=%2Fapi", True),
    ("https://auth.example.test/?rd=https%3A%2F%2Fapp", True),
    ("/.auth/login/aad", True),
    ("/cdn-cgi/access/login/app.test", True),
    ("/lessons/1", False),
    ("/api/orders?next=2", False),
    ("/unauthorized", False),
    ("https://api.test/v2/orders", False),
    ("/auth", False),
]


@pytest.mark.parametrize(("url", "login"), LOGIN_URLS)
def test_login_url(url: str, login: bool) -> None:
    assert (login_url(url) is not None) is login


def response(status: int, body: str = "", *headers: tuple[str, str]) -> Exchange:
    return Exchange(
        status=status, body=body, response_headers=tuple(Header(n, v) for n, v in headers)
    )


def errors(*items: dict[str, object]) -> str:
    return json.dumps({"errors": list(items), "data": None})


GRAPHQL = [
    (
        "Apollo UNAUTHENTICATED",
        response(200, errors({"message": "m", "extensions": {"code": "UNAUTHENTICATED"}})),
        [("UNAUTHENTICATED", False)],
    ),
    (
        "Apollo FORBIDDEN",
        response(200, errors({"message": "m", "extensions": {"code": "FORBIDDEN"}})),
        [("FORBIDDEN", True)],
    ),
    (
        "Hasura access-denied",
        response(200, errors({"message": "m", "extensions": {"code": "access-denied"}})),
        [("access-denied", True)],
    ),
    (
        "GitHub type",
        response(200, errors({"message": "m", "type": "FORBIDDEN"})),
        [("FORBIDDEN", True)],
    ),
    (
        "code beside message",
        response(200, errors({"message": "m", "code": "UNAUTHORIZED"})),
        [("UNAUTHORIZED", False)],
    ),
    (
        "other errors",
        response(200, errors({"message": "m", "extensions": {"code": "BAD_USER_INPUT"}})),
        [],
    ),
    (
        "a 401 is a plain refusal",
        response(401, errors({"message": "m", "extensions": {"code": "UNAUTHENTICATED"}})),
        [],
    ),
    ("not JSON", response(200, "<html>errors</html>"), []),
    ("errors not a list", response(200, '{"errors": "UNAUTHENTICATED"}'), []),
]


@pytest.mark.parametrize(
    ("exchange", "want"), [g[1:] for g in GRAPHQL], ids=[g[0] for g in GRAPHQL]
)
def test_graphql_auth_errors(exchange: Exchange, want: list[tuple[str, bool]]) -> None:
    assert [(e.code, e.authorization) for e in graphql_auth_errors(exchange)] == want


API_REQUESTS = [
    ({"Authorization": "Bearer x"}, True),
    ({"Accept": "application/json"}, True),
    ({"X-Requested-With": "XMLHttpRequest"}, True),
    ({"Sec-Fetch-Mode": "cors"}, True),
    ({"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9"}, False),
    ({"Sec-Fetch-Mode": "navigate"}, False),
]


@pytest.mark.parametrize(("headers", "api"), API_REQUESTS)
def test_api_request(headers: dict[str, str], api: bool) -> None:
    exchange = Exchange(
        method="GET",
        target="/orders",
        request_headers=tuple(Header(n, v) for n, v in headers.items()),
    )
    assert (api_request(exchange) is not None) is api


def test_api_paths_and_methods_are_api_requests() -> None:
    assert api_request(Exchange(method="GET", target="/api/orders")) is not None
    assert api_request(Exchange(method="DELETE", target="/orders/1")) is not None
    assert api_request(Exchange(method="GET", target="/orders")) is None


def test_hidden_failures_are_picked_in_a_har() -> None:
    def entry(status: int, url: str, headers: list[dict[str, str]], body: str = "") -> object:
        return {
            "request": {
                "method": "GET",
                "url": url,
                "headers": [{"name": "Accept", "value": "application/json"}],
            },
            "response": {"status": status, "headers": headers, "content": {"text": body}},
        }

    har = {
        "log": {
            "entries": [
                entry(200, "https://app.test/api/me", [], "{}"),
                entry(
                    302, "https://app.test/api/orders", [{"name": "Location", "value": "/login"}]
                ),
                entry(200, "https://app.test/api/items", [], "[]"),
            ]
        }
    }
    paste = read_paste(json.dumps(har))
    assert [e.status for e in paste.exchanges] == [200, 302, 200]  # every entry kept
    assert paste.selected == 1 and hidden_failure(paste.exchange) == "login_redirect"


def test_the_first_hidden_failure_is_selected() -> None:
    text = (
        "GET /a HTTP/1.1\nHost: x\n\nHTTP/1.1 200 OK\n\nok\n\n"
        "GET /api/b HTTP/1.1\nHost: x\nAccept: application/json\n\n"
        "HTTP/1.1 302 Found\nLocation: /login\n\n"
    )
    paste = read_paste(text)
    assert paste.exchange.status == 302


# --- the readers never raise ------------------------------------------------------------

JSON_VALUES = nested(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_text_readers_never_raise(text: str) -> None:
    login_url(text)
    transport_lines(text)
    body_token_response(text)
    exchange = Exchange(
        method="OPTIONS",
        status=302,
        body=text,
        request_headers=(Header("Accept", text[:40]),),
        response_headers=(Header("Location", text), Header("Content-Type", "text/html")),
    )
    hidden_failure(exchange)
    api_request(exchange)
    graphql_auth_errors(Exchange(status=200, body="{" + text))


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_json_readers_never_raise(doc: object) -> None:
    token_response(doc)
    sanitized_signs({"log": {"creator": doc, "entries": [doc, {"request": doc}]}})
    sanitized_signs(doc)
    graphql_auth_errors(Exchange(status=200, body=json.dumps({"errors": [doc]})))
