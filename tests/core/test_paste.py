"""The paste reader: every paste shape, leniency notes, and robustness on any input."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.limits import MAX_EXCHANGES, MAX_PASTE_CHARS, MAX_TOKENS
from authtui.core.model import Paste
from authtui.core.read.paste import default_selected, read_paste

JWT = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9"
    ".eyJpc3MiOiJodHRwczovL2F1dGguc2hvcC50ZXN0LyIsImV4cCI6MTczNTY4NjAwMH0"
    ".D_x_aLpnuABPyKe5f2QaVx0cm8D2n-igLCpahVlrRXZvPi_Z_uPnWrwoz-lhH5OZ9EyoYdWCfhDctFk"
)

ACCEPTANCE = Path("/work/shared/acceptance/cases.json")


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [(h.name, h.value) for h in headers]


def check(paste: Paste, expected: dict[str, Any]) -> None:
    """Assert the fields named in ``expected`` on the paste and its selected exchange."""
    exchange = paste.exchange
    for key, want in expected.items():
        if key == "count":
            assert len(paste.exchanges) == want
        elif key == "selected":
            assert paste.selected == want
        elif key == "tokens":
            assert paste.tokens == tuple(want)
        elif key == "notes":
            codes = {n.code for n in paste.notes}
            assert set(want) <= codes, codes
        elif key == "no_notes":
            assert not paste.notes, paste.notes
        elif key == "req":
            assert _pairs(exchange.request_headers) == want
        elif key == "resp":
            assert _pairs(exchange.response_headers) == want
        elif key == "labels":
            assert [e.label for e in paste.exchanges] == want
        else:
            assert getattr(exchange, key) == want, (key, getattr(exchange, key))


RAW_PAIR = f"""GET /cart HTTP/1.1
Host: api.example.test
Authorization: Bearer {JWT}

HTTP/1.1 401 Unauthorized
Date: Wed, 01 Jan 2025 00:00:00 GMT
WWW-Authenticate: Bearer realm="shop", error="invalid_token", error_description="token expired"
"""

CURL_V = f"""$ curl -v https://api.example.test/cart
*   Trying 127.0.0.1:443...
* Connected to api.example.test (127.0.0.1) port 443
* TLSv1.3 (OUT), TLS handshake, Client hello (1):
}} [512 bytes data]
> GET /cart HTTP/1.1
> Host: api.example.test
> User-Agent: curl/8.5.0
> Authorization: Bearer {JWT}
>
< HTTP/1.1 401 Unauthorized
< WWW-Authenticate: Bearer error="invalid_token"
< Content-Type: application/json
<
{{ [26 bytes data]
{{"message":"Unauthorized"}}
* Connection #0 to host api.example.test left intact
"""

AWS_DOC = """
      < HTTP/1.1 401 Unauthorized
      < Date: Wed, 13 May 2020 04:07:30 GMT
      < Content-Length: 26
      < Connection: keep-alive
      < www-authenticate: Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"
      < apigw-requestid: Mc7UVioPPHcEKPA=
      <
      {"message":"Unauthorized"}}
"""  # noqa: E501

HTTPIE = """GET /orders HTTP/1.1
Accept: */*
Accept-Encoding: gzip, deflate
Connection: keep-alive
Host: api.example.test
User-Agent: HTTPie/3.2.2
Authorization: Bearer abc


HTTP/1.1 403 Forbidden
Content-Length: 0
WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:read"

"""

CHROME_H2 = """:status: 401
content-type: application/json
date: Wed, 01 Jan 2025 00:00:00 GMT
www-authenticate: Bearer error="invalid_token"

:authority: api.example.test
:method: GET
:path: /orders?page=2
:scheme: https
accept: application/json
authorization: Bearer abc
"""

CHROME_GENERAL = """Request URL: https://api.example.test/orders
Request Method: GET
Status Code: 403 Forbidden
Remote Address: 10.0.0.1:443
Referrer Policy: strict-origin-when-cross-origin
"""

CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "raw-pair-lf",
        RAW_PAIR,
        {
            "count": 1,
            "method": "GET",
            "target": "/cart",
            "url": "https://api.example.test/cart",
            "status": 401,
            "reason": "Unauthorized",
            "http_version": "HTTP/1.1",
            "source": "http",
            "label": "GET /cart -> 401",
            "req": [("Host", "api.example.test"), ("Authorization", f"Bearer {JWT}")],
            "resp": [
                ("Date", "Wed, 01 Jan 2025 00:00:00 GMT"),
                (
                    "WWW-Authenticate",
                    'Bearer realm="shop", error="invalid_token", error_description="token expired"',
                ),
            ],
            "body": "",
            "tokens": [],
            "no_notes": True,
        },
    ),
    (
        "raw-pair-crlf",
        RAW_PAIR.replace("\n", "\r\n"),
        {"count": 1, "status": 401, "url": "https://api.example.test/cart", "no_notes": True},
    ),
    (
        "mixed-line-endings",
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\nServer: x\r\n\r\nno\r\n",
        {"status": 401, "resp": [("WWW-Authenticate", "Bearer"), ("Server", "x")], "body": "no"},
    ),
    (
        "obs-fold",
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="x",\n\terror="invalid_token"\n',
        {
            "resp": [("WWW-Authenticate", 'Bearer realm="x", error="invalid_token"')],
            "notes": ["paste.obs_fold"],
        },
    ),
    (
        "repeated-fields-in-order",
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="a"\n'
        "Set-Cookie: a=1\nWWW-Authenticate: Bearer\n",
        {
            "resp": [
                ("WWW-Authenticate", 'Basic realm="a"'),
                ("Set-Cookie", "a=1"),
                ("WWW-Authenticate", "Bearer"),
            ]
        },
    ),
    (
        "response-alone",
        'HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error="insufficient_scope"\n',
        {"count": 1, "method": None, "status": 403, "label": "403 Forbidden", "req": []},
    ),
    (
        "request-alone",
        "DELETE /orders/7 HTTP/1.1\nHost: api.x\nAuthorization: Bearer abc\n",
        {"count": 1, "method": "DELETE", "status": None, "resp": [], "label": "DELETE /orders/7"},
    ),
    (
        "http2-lowercase-pair",
        "GET /cart HTTP/2\nhost: api.example.test\nauthorization: Bearer abc\n\n"
        'HTTP/2 401\nwww-authenticate: Bearer error="invalid_token"\n',
        {
            "count": 1,
            "status": 401,
            "reason": None,
            "http_version": "HTTP/2",
            "url": "https://api.example.test/cart",
            "req": [("host", "api.example.test"), ("authorization", "Bearer abc")],
        },
    ),
    (
        "http2-dot-zero",
        "HTTP/2.0 401\n",
        {"status": 401, "reason": None, "http_version": "HTTP/2.0"},
    ),
    ("http3", "HTTP/3 403\nserver: x\n", {"status": 403, "http_version": "HTTP/3"}),
    (
        "curl-v",
        CURL_V,
        {
            "count": 1,
            "source": "curl",
            "method": "GET",
            "url": "https://api.example.test/cart",
            "status": 401,
            "req": [
                ("Host", "api.example.test"),
                ("User-Agent", "curl/8.5.0"),
                ("Authorization", f"Bearer {JWT}"),
            ],
            "resp": [
                ("WWW-Authenticate", 'Bearer error="invalid_token"'),
                ("Content-Type", "application/json"),
            ],
            "body": '{"message":"Unauthorized"}',
            "tokens": [],
        },
    ),
    (
        "curl-port-80-is-http",
        "* Connected to localhost (127.0.0.1) port 80 (#0)\n> GET /me HTTP/1.1\n>\n"
        "< HTTP/1.1 401 Unauthorized\n<\n",
        {"url": "http://localhost/me", "status": 401, "source": "curl"},
    ),
    (
        "curl-connected-without-tls-is-http",
        "*   Trying 127.0.0.1:18431...\n* Connected to 127.0.0.1 (127.0.0.1) port 18431 (#0)\n"
        "> GET /me HTTP/1.1\n> Host: 127.0.0.1:18431\n>\n< HTTP/1.0 401 Unauthorized\n<\n",
        {"url": "http://127.0.0.1:18431/me", "status": 401},
    ),
    (
        "curl-tls-handshake-is-https",
        "* Connected to localhost (127.0.0.1) port 18443 (#0)\n* ALPN: offers h2,http/1.1\n"
        "* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n"
        "> GET /me HTTP/1.1\n> Host: localhost:18443\n>\n< HTTP/1.1 401 Unauthorized\n<\n",
        {"url": "https://localhost:18443/me", "status": 401},
    ),
    (
        "curl-port-8080-without-tls-is-http",
        "* Connected to api.x (10.0.0.1) port 8080\n> GET /me HTTP/1.1\n>\n< HTTP/1.1 401 x\n<\n",
        {"url": "http://api.x:8080/me", "status": 401},
    ),
    (
        "curl-other-port-without-host",
        "* Connected to api.x (10.0.0.1) port 8443\n> GET /me HTTP/1.1\n>\n< HTTP/2 403\n<\n",
        {"url": "https://api.x:8443/me", "status": 403},
    ),
    (
        "curl-body-runs-into-connection-line",
        "> GET /me HTTP/1.1\n>\n< HTTP/1.1 401 Unauthorized\n<\n"
        '{"message":"Bad credentials"}* Connection #0 to host api.github.com left intact\n',
        {"body": '{"message":"Bad credentials"}', "status": 401, "method": "GET"},
    ),
    (
        "curl-100-continue-skipped",
        "> POST /upload HTTP/1.1\n> Expect: 100-continue\n>\n< HTTP/1.1 100 Continue\n<\n"
        "< HTTP/1.1 403 Forbidden\n< Content-Length: 0\n<\n",
        {"count": 1, "method": "POST", "status": 403, "resp": [("Content-Length", "0")]},
    ),
    (
        "aws-doc-curl-snippet",
        AWS_DOC,
        {
            "count": 1,
            "source": "curl",
            "status": 401,
            "body": '{"message":"Unauthorized"}}',
            "resp": [
                ("Date", "Wed, 13 May 2020 04:07:30 GMT"),
                ("Content-Length", "26"),
                ("Connection", "keep-alive"),
                (
                    "www-authenticate",
                    'Bearer scope="" error="invalid_token" '
                    'error_description="the token does not have a valid audience"',
                ),
                ("apigw-requestid", "Mc7UVioPPHcEKPA="),
            ],
        },
    ),
    (
        "curl-i",
        "HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n"
        '{"message":"Bad credentials"}\n',
        {"status": 401, "body": '{"message":"Bad credentials"}', "source": "http"},
    ),
    (
        "httpie",
        HTTPIE,
        {
            "count": 1,
            "source": "httpie",
            "status": 403,
            "method": "GET",
            "url": "https://api.example.test/orders",
            "label": "GET /orders -> 403",
        },
    ),
    (
        "chrome-h2-pseudo-headers",
        CHROME_H2,
        {
            "count": 1,
            "source": "headers",
            "method": "GET",
            "target": "/orders?page=2",
            "url": "https://api.example.test/orders?page=2",
            "status": 401,
            "req": [("accept", "application/json"), ("authorization", "Bearer abc")],
            "resp": [
                ("content-type", "application/json"),
                ("date", "Wed, 01 Jan 2025 00:00:00 GMT"),
                ("www-authenticate", 'Bearer error="invalid_token"'),
            ],
        },
    ),
    (
        "chrome-general-section",
        CHROME_GENERAL,
        {
            "method": "GET",
            "url": "https://api.example.test/orders",
            "target": "/orders",
            "status": 403,
            "reason": "Forbidden",
            "req": [],
            "resp": [],
        },
    ),
    (
        "header-block-split-by-names",
        'authorization: Bearer x\nhost: api.x\nwww-authenticate: Bearer error="invalid_token"\n'
        "content-type: text/plain\n\nJwt verification fails\n",
        {
            "count": 1,
            "source": "headers",
            "status": None,
            "req": [("authorization", "Bearer x"), ("host", "api.x")],
            "resp": [
                ("www-authenticate", 'Bearer error="invalid_token"'),
                ("content-type", "text/plain"),
            ],
            "body": "Jwt verification fails",
        },
    ),
    (
        "section-titles-between-blocks",
        "Request headers:\nauthorization: Bearer x\n\nResponse headers:\n"
        "www-authenticate: Bearer\n",
        {
            "count": 1,
            "req": [("authorization", "Bearer x")],
            "resp": [("www-authenticate", "Bearer")],
            "request_body": "",
            "notes": ["paste.ignored_text"],
        },
    ),
    (
        "python-dict-is-not-headers",
        "{'Www-Authenticate': 'Basic realm=\"k\"'}\n'Audit-Id': 'ffa6'\n",
        {"count": 0},
    ),
    (
        "neutral-before-classified-follows-it",
        "content-length: 0\nwww-authenticate: Bearer\n",
        {"resp": [("content-length", "0"), ("www-authenticate", "Bearer")], "req": []},
    ),
    (
        "custom-api-key-block-is-request",
        "X-Api-Key: 1234567890abcdef\n",
        {"req": [("X-Api-Key", "1234567890abcdef")], "resp": []},
    ),
    (
        "bare-challenge-value",
        'Bearer realm="x", error="invalid_token"',
        {
            "count": 1,
            "source": "challenge",
            "status": None,
            "resp": [("WWW-Authenticate", 'Bearer realm="x", error="invalid_token"')],
            "no_notes": True,
        },
    ),
    (
        "bare-www-authenticate-line",
        'WWW-Authenticate: Bearer realm="x"\n',
        {"source": "challenge", "resp": [("WWW-Authenticate", 'Bearer realm="x"')]},
    ),
    (
        "bare-scheme-alone",
        "Bearer\n",
        {"source": "challenge", "resp": [("WWW-Authenticate", "Bearer")]},
    ),
    (
        "bare-multi-challenge-unknown-scheme",
        'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
        {"source": "challenge", "count": 1},
    ),
    (
        "bare-challenges-on-two-lines",
        'Basic realm="a"\nDPoP algs="ES256"\n',
        {
            "resp": [
                ("WWW-Authenticate", 'Basic realm="a"'),
                ("WWW-Authenticate", 'DPoP algs="ES256"'),
            ]
        },
    ),
    (
        "proxy-authenticate-kept",
        'HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="p"\n',
        {"status": 407, "resp": [("Proxy-Authenticate", 'Basic realm="p"')]},
    ),
    (
        "misspelled-www-authentication",
        'HTTP/1.1 401 Unauthorized\nwww-authentication: Bearer realm="x"\n',
        {
            "resp": [("www-authentication", 'Bearer realm="x"')],
            "notes": ["challenge.header_misspelled"],
        },
    ),
    (
        "okta-garbled-no-colon",
        'www-Authenticate Bearer error "Invalid_token", error_description = '
        '"The Signature key was not found".',
        {
            "resp": [
                (
                    "www-Authenticate",
                    'Bearer error "Invalid_token", error_description = '
                    '"The Signature key was not found".',
                )
            ],
            "notes": ["paste.header_no_colon"],
        },
    ),
    (
        "space-before-colon",
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate : Bearer\n",
        {"resp": [("WWW-Authenticate", "Bearer")], "notes": ["paste.header_space"]},
    ),
    (
        "no-colon-inside-headers",
        "HTTP/1.1 401 Unauthorized\nServer: x\nthis is not a header\nDate: now\n",
        {"resp": [("Server", "x"), ("Date", "now")], "notes": ["paste.unreadable_line"]},
    ),
    (
        "bare-authorization-line",
        f"Authorization: Bearer {JWT}\n",
        {
            "count": 1,
            "source": "headers",
            "req": [("Authorization", f"Bearer {JWT}")],
            "resp": [],
            "tokens": [],
        },
    ),
    ("bare-jwt", f"\n  {JWT}  \n", {"count": 0, "tokens": [JWT], "no_notes": True}),
    (
        "bare-quoted-jwt",
        f"'{JWT}'",
        {"tokens": [f"'{JWT}'"]},
    ),
    (
        "bare-opaque-token",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a",
        {"tokens": ["gho_16C7e42F292c6912E7710c838347Ae178B4a"]},
    ),
    ("bearer-and-token", f"Bearer {JWT}", {"count": 0, "tokens": [f"Bearer {JWT}"]}),
    (
        "token-after-blank-line-following-headers",
        f"GET /cart HTTP/1.1\nHost: a.test\n\n{JWT}\n",
        {"count": 1, "request_body": "", "tokens": [JWT], "url": "https://a.test/cart"},
    ),
    (
        "token-after-response-body",
        f'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n{{"a":1}}\n\n{JWT}\n',
        {"body": '{"a":1}', "tokens": [JWT]},
    ),
    (
        "wrapped-jwt-joined",
        f"{JWT[:64]}\n{JWT[64:128]}\n{JWT[128:]}\n",
        {"tokens": [f"{JWT[:64]}\n{JWT[64:128]}\n{JWT[128:]}"], "notes": ["paste.token_wrapped"]},
    ),
    (
        "two-tokens-stay-apart",
        f"{JWT}\n{JWT[:-1]}A\n",
        {"tokens": [JWT, f"{JWT[:-1]}A"]},
    ),
    (
        "status-out-of-range",
        "HTTP/1.1 999 Weird\n",
        {
            "count": 1,
            "status": None,
            "reason": "Weird",
            "label": "response with an unreadable status",
            "notes": ["paste.bad_status"],
        },
    ),
    (
        "absolute-form-target",
        "GET https://api.x/v1/me?x=1 HTTP/1.1\n",
        {"target": "https://api.x/v1/me?x=1", "url": "https://api.x/v1/me?x=1"},
    ),
    (
        "form-body-with-access-token",
        "POST /orders HTTP/1.1\nHost: a\nContent-Type: application/x-www-form-urlencoded\n\n"
        "access_token=abc&x=1\nHTTP/1.1 401 Unauthorized\n",
        {"request_body": "access_token=abc&x=1", "status": 401, "body": ""},
    ),
    (
        "response-then-request-header",
        f"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\nAuthorization: Bearer {JWT}\n",
        {"count": 1, "status": 401, "req": [("Authorization", f"Bearer {JWT}")], "body": ""},
    ),
    (
        "request-then-challenge-without-blank",
        'GET /a HTTP/1.1\nAuthorization: Bearer x\nBearer error="invalid_token"\n',
        {
            "count": 1,
            "method": "GET",
            "resp": [("WWW-Authenticate", 'Bearer error="invalid_token"')],
        },
    ),
    (
        "bare-challenge-inside-response",
        'HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\nBearer error="invalid_token"\n',
        {
            "resp": [
                ("Content-Type", "text/plain"),
                ("WWW-Authenticate", 'Bearer error="invalid_token"'),
            ],
            "notes": ["paste.bare_challenge"],
        },
    ),
    (
        "several-exchanges-first-failing-selected",
        "GET /a HTTP/1.1\n\nHTTP/1.1 200 OK\n\nGET /b HTTP/1.1\n\nHTTP/1.1 403 Forbidden\n\n"
        "GET /c HTTP/1.1\n\nHTTP/1.1 401 Unauthorized\n",
        {
            "count": 3,
            "selected": 1,
            "labels": ["GET /a -> 200", "GET /b -> 403", "GET /c -> 401"],
        },
    ),
    (
        "none-failing-last-with-status-selected",
        "HTTP/1.1 200 OK\n\nHTTP/1.1 302 Found\n\nGET /x HTTP/1.1\nHost: h\n",
        {"count": 2, "selected": 1, "status": 302},
    ),
    (
        "markdown-fences-and-prose",
        "Here is my request:\n```http\nGET /a HTTP/1.1\nAuthorization: Bearer x\n```\n"
        "and the response:\n```\nHTTP/1.1 403 Forbidden\n```\n",
        {"count": 1, "method": "GET", "status": 403, "notes": ["paste.ignored_text"]},
    ),
    (
        "indented-block",
        "    GET /a HTTP/1.1\n    Host: x\n\n    HTTP/1.1 401 Unauthorized\n"
        "    WWW-Authenticate: Bearer\n",
        {"count": 1, "url": "https://x/a", "status": 401},
    ),
    (
        "json-token-endpoint",
        json.dumps({"access_token": JWT, "token_type": "Bearer", "expires_in": 3600}),
        {"count": 0, "tokens": [JWT], "notes": []},
    ),
    (
        "json-then-http",
        '{"error": "invalid_token"}\nHTTP/1.1 401 Unauthorized\n',
        {"count": 1, "status": 401, "notes": ["paste.json_not_har"]},
    ),
    (
        "json-too-deep",
        "[" * 30000 + "]" * 30000,
        {"count": 0, "tokens": [], "notes": ["paste.json_unreadable"]},
    ),
    (
        "broken-json-still-offers-jwt",
        f'{{"access_token": "{JWT}", ',
        {"count": 0, "tokens": [JWT], "notes": ["paste.json_unreadable"]},
    ),
    (
        "basic-credentials-without-name",
        "Basic YWxpY2U6d29uZGVybGFuZC00Mg==",
        {"count": 0, "tokens": [], "notes": ["paste.bare_credentials"]},
    ),
    (
        "prose-is-ignored",
        "Hello, I get this error:\nError: something went wrong\nSetting foo=bar did not help\n",
        {"count": 0, "tokens": [], "notes": ["paste.ignored_text"]},
    ),
    (
        "url-line-is-not-a-header",
        "https://api.example.test/orders\n",
        {"count": 0, "notes": ["paste.ignored_text"]},
    ),
    (
        "pseudo-status-bad",
        ":status: abc\nwww-authenticate: Bearer\n",
        {"status": None, "notes": ["paste.bad_status"]},
    ),
    (
        "binary-garbage",
        '\x00\ufffd{["=,;\x00\ufffd\n\x01\x02HTTP/1.1 401 Unauthorized\n',
        {"notes": ["paste.control_chars", "paste.binary"]},
    ),
    (
        "half-a-header",
        "HTTP/1.1 401 Unauthorized\nWWW-Authen",
        {"status": 401, "resp": [], "notes": ["paste.unreadable_line"]},
    ),
    (
        "envoy-body",
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="https://shop.test/cart", '
        'error="invalid_token"\n\nJwks doesn\'t have key to match kid or alg from Jwt\n',
        {"body": "Jwks doesn't have key to match kid or alg from Jwt", "tokens": []},
    ),
    ("empty", "", {"count": 0, "tokens": [], "no_notes": True, "selected": 0}),
    ("blank-lines", "\n\n \r\n\t\n", {"count": 0, "tokens": [], "no_notes": True}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_paste_shapes(text: str, expected: dict[str, Any]) -> None:
    check(read_paste(text), expected)


def test_truncated_above_the_cap() -> None:
    text = "HTTP/1.1 401 Unauthorized\n\n" + "x" * MAX_PASTE_CHARS
    paste = read_paste(text)
    assert paste.truncated_at == MAX_PASTE_CHARS
    assert paste.notes[0].code == "paste.truncated"
    assert paste.exchange.status == 401
    assert len(paste.exchange.body) == MAX_PASTE_CHARS - len("HTTP/1.1 401 Unauthorized\n\n")


def test_not_truncated_at_the_cap() -> None:
    paste = read_paste("x" * MAX_PASTE_CHARS)
    assert paste.truncated_at is None
    assert "paste.truncated" not in {n.code for n in paste.notes}


def test_notes_per_code_are_capped_with_a_summary() -> None:
    text = "HTTP/1.1 401 Unauthorized\n" + "no colon here\n" * 50
    notes = [n for n in read_paste(text).notes if n.code == "paste.unreadable_line"]
    assert len(notes) == 6
    assert notes[-1].message.startswith("45 more")


def test_tokens_are_capped() -> None:
    text = "\n\n".join(f"{JWT[:-4]}{i:04d}" for i in range(MAX_TOKENS + 5))
    paste = read_paste(text)
    assert len(paste.tokens) == MAX_TOKENS
    assert "paste.too_many_tokens" in {n.code for n in paste.notes}


def test_exchanges_are_capped() -> None:
    paste = read_paste("HTTP/1.1 401 Unauthorized\n" * (MAX_EXCHANGES + 3))
    assert len(paste.exchanges) == MAX_EXCHANGES
    assert "paste.too_many_exchanges" in {n.code for n in paste.notes}


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], 0),
        ([None], 0),
        ([200, 403, 401], 1),
        ([200, 302, None], 1),
        ([None, 407], 1),
        ([500, 404], 1),
    ],
)
def test_default_selected(statuses: list[int | None], expected: int) -> None:
    from authtui.core.model import Exchange

    assert default_selected(tuple(Exchange(status=s) for s in statuses)) == expected


def _acceptance_pastes() -> list[tuple[str, str, dict[str, Any]]]:
    if not ACCEPTANCE.exists():
        return []
    cases = json.loads(ACCEPTANCE.read_text(encoding="utf-8"))
    out = []
    for case in cases:
        if "paste" in case:
            out.append((case["id"], case["paste"], case.get("expect", {})))
        elif "paste_b64" in case:
            text = base64.b64decode(case["paste_b64"]).decode("utf-8", errors="replace")
            out.append((case["id"], text, case.get("expect", {})))
    return out


@pytest.mark.skipif(not ACCEPTANCE.exists(), reason="no shared acceptance cases")
@pytest.mark.parametrize(
    ("text", "expect"),
    [c[1:] for c in _acceptance_pastes()],
    ids=[c[0] for c in _acceptance_pastes()],
)
def test_acceptance_pastes_read(text: str, expect: dict[str, Any]) -> None:
    paste = read_paste(text)
    if "status" in expect:
        assert paste.exchange.status == expect["status"]
    if "challenges" in expect:
        assert paste.exchange.response_header("WWW-Authenticate")


# --- robustness -------------------------------------------------------------------

FRAGMENTS = [
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    ":",
    "> ",
    "< ",
    "* ",
    "{ [",
    "HTTP/1.1 401 Unauthorized",
    "HTTP/2 ",
    "GET /x HTTP/1.1",
    "GET ",
    "Host: a",
    "WWW-Authenticate: ",
    "www-authentication",
    "Authorization",
    "Bearer ",
    "realm=",
    '"',
    "\\",
    "=",
    ",",
    "eyJ",
    JWT,
    ".",
    "{",
    "}",
    "[",
    "]",
    '{"log": {"entries": [',
    "```",
    ":status: ",
    "Status Code: ",
    "* Connected to h (1.1.1.1) port 80",
    "\x00",
    "\ufffd",
    "a",
    "0",
]


def _invariants(paste: Paste) -> None:
    assert 0 <= paste.selected <= max(len(paste.exchanges) - 1, 0)
    assert len(paste.tokens) <= MAX_TOKENS
    for exchange in paste.exchanges:
        assert exchange.label
        assert exchange.status is None or 100 <= exchange.status <= 599
        assert exchange.has_request or exchange.has_response or exchange.http_version


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads(text: str) -> None:
    _invariants(read_paste(text))


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_any_bytes_read(data: bytes) -> None:
    _invariants(read_paste(data.decode("utf-8", errors="replace")))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_http_like_text_reads(text: str) -> None:
    _invariants(read_paste(text))


MB = 1 << 20
ADVERSARIAL = {
    "newlines": "\n" * MB,
    "one-char": "a" * MB,
    "token-chars": "aB1" * (MB // 3),
    "dots-token": "eyJ" + "." * 100_000,
    "colons": ":" * MB,
    "header-lines": "a: b\n" * (MB // 5),
    "long-header-block": "GET / HTTP/1.1\n" + "x-a: b\n" * (MB // 7),
    "folds": "HTTP/1.1 401 X\nA: b\n" + " c\n" * (MB // 3),
    "open-quote": 'Bearer a="' + '\\"' * (MB // 2),
    "params": "Bearer " + "a=b " * (MB // 4),
    "commas": "Bearer " + "," * MB,
    "deep-json": "[" * MB,
    "curl-headers": "> GET / HTTP/1.1\n" + "> a: b\n" * (MB // 7),
    "blank-then-body": "HTTP/1.1 401 X\n\n" + "\n" * (MB // 2) + "x\n" * (MB // 4),
    "bare-challenges": 'Bearer realm="x"\n' * (MB // 17),
    "token-lines": ("eyJ" + "a" * 40 + "\n") * (MB // 44),
    "nul": "\x00" * MB,
    "replacement": "\ufffd" * MB,
    "carriage-returns": "\r" * MB,
    "eyJ-repeated": "eyJ" * (MB // 3),
    "curl-data": "{ [" * (MB // 3),
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_megabyte_completes(text: str) -> None:
    _invariants(read_paste(text))


CHROME_SECTIONS = """Request URL: https://api.test/orders
Request Method: GET
Status Code: 401 Unauthorized
Remote Address: 1.2.3.4:443

www-authenticate: Bearer error="invalid_token"
content-length: 0

authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln
"""


def test_chrome_general_response_and_request_sections_are_one_exchange() -> None:
    paste = read_paste(CHROME_SECTIONS)
    assert len(paste.exchanges) == 1
    exchange = paste.exchange
    assert (exchange.status, exchange.method, exchange.url) == (
        401,
        "GET",
        "https://api.test/orders",
    )
    assert [h.name for h in exchange.request_headers] == ["authorization"]
    assert [h.name for h in exchange.response_headers] == ["www-authenticate", "content-length"]
    assert exchange.body == ""


def test_two_devtools_responses_stay_two_exchanges() -> None:
    text = "Status Code: 401\n\nwww-authenticate: Bearer\n\nStatus Code: 403\n\nserver: x\n"
    assert [e.status for e in read_paste(text).exchanges] == [401, 403]


def test_response_header_block_then_body_keeps_the_body() -> None:
    text = 'www-authenticate: Bearer error="invalid_token"\n\n{"error":"invalid_token"}\n'
    assert read_paste(text).exchange.body == '{"error":"invalid_token"}'
