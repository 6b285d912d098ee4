"""'Copy as cURL' commands: shell words (bash, cmd), curl options, pairing with output."""

from __future__ import annotations

import base64
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.limits import MAX_TOKENS
from authtui.core.model import Paste
from authtui.core.read.curlcmd import command_text
from authtui.core.read.paste import read_paste
from authtui.core.read.shellwords import crt_words, split_command

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"
RESPONSE = 'HTTP/2 401\nwww-authenticate: Bearer error="invalid_token"\n'

CHROME_BASH = f"""curl 'https://api.shop.test/orders?x=1' \\
  -H 'accept: application/json' \\
  -H 'authorization: Bearer {JWT}' \\
  -H 'sec-fetch-mode: cors' \\
  --compressed"""

CHROME_BASH_POST = f"""curl 'https://api.shop.test/orders' \\
  -H 'authorization: Bearer {JWT}' \\
  -H 'content-type: application/json' \\
  --data-raw $'{{"note":"it\\'s\\\\n"}}'"""

FIREFOX = (
    "curl 'https://api.shop.test/orders' -X POST -H 'User-Agent: Mozilla/5.0' "
    f"-H 'Accept: */*' -H 'Authorization: Bearer {JWT}' --data-raw 'a=1&b=2'"
)

POSTMAN = f"""curl --location --request PUT 'https://api.shop.test/orders/7' \\
--header 'Authorization: Bearer {JWT}' \\
--header 'Content-Type: application/json' \\
--data '{{
    "qty": 2
}}'"""

CMD_NEW = f"""curl ^"https://api.shop.test/orders?x=1^&y=2^" ^
  -H ^"accept: application/json^" ^
  -H ^"authorization: Bearer {JWT}^" ^
  --data-raw ^"^{{^\\^"a^\\^":1^}}^" ^
  --compressed"""

CMD_OLD = f"""curl "https://api.shop.test/orders" ^
  -H "Authorization: Bearer {JWT}" ^
  --compressed"""

CURL_V = f"""$ curl -v 'https://api.shop.test:8443/me' -H 'Authorization: Bearer {JWT}'
* Connected to api.shop.test (10.0.0.1) port 8443
> GET /me HTTP/1.1
> Host: api.shop.test:8443
> Authorization: Bearer {JWT}
>
< HTTP/1.1 403 Forbidden
< WWW-Authenticate: Bearer error="insufficient_scope"
<
"""


def _basic(userpass: str) -> str:
    return "Basic " + base64.b64encode(userpass.encode()).decode()


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [(h.name, h.value) for h in headers]


def check(paste: Paste, expected: dict[str, Any]) -> None:
    """Assert the fields named in ``expected`` on the paste and its selected exchange."""
    exchange = paste.exchange
    for key, want in expected.items():
        if key == "count":
            assert len(paste.exchanges) == want
        elif key == "notes":
            assert set(want) <= {n.code for n in paste.notes}, paste.notes
        elif key == "no_notes":
            assert not paste.notes, paste.notes
        elif key == "req":
            assert _pairs(exchange.request_headers) == want
        elif key == "has_req":
            assert set(want) <= set(_pairs(exchange.request_headers)), exchange.request_headers
        elif key == "tokens":
            assert paste.tokens == tuple(want)
        else:
            assert getattr(exchange, key) == want, (key, getattr(exchange, key))


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "chrome-bash",
        CHROME_BASH,
        {
            "count": 1,
            "source": "curl-command",
            "method": "GET",
            "target": "/orders?x=1",
            "url": "https://api.shop.test/orders?x=1",
            "req": [
                ("accept", "application/json"),
                ("authorization", f"Bearer {JWT}"),
                ("sec-fetch-mode", "cors"),
            ],
            "status": None,
            "label": "GET /orders?x=1",
            "no_notes": True,
        },
    ),
    (
        "chrome-bash-then-response",
        CHROME_BASH + "\n\n" + RESPONSE,
        {
            "count": 1,
            "source": "curl-command",
            "status": 401,
            "label": "GET /orders?x=1 -> 401",
        },
    ),
    (
        "chrome-bash-ansi-c-body",
        CHROME_BASH_POST,
        {
            "method": "POST",
            "request_body": '{"note":"it\'s\\n"}',
            "req": [
                ("authorization", f"Bearer {JWT}"),
                ("content-type", "application/json"),
            ],
        },
    ),
    (
        "firefox-one-line-then-curl-i",
        FIREFOX + "\nHTTP/1.1 403 Forbidden\nContent-Length: 0\n",
        {
            "count": 1,
            "method": "POST",
            "status": 403,
            "request_body": "a=1&b=2",
            "has_req": [
                ("Authorization", f"Bearer {JWT}"),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
        },
    ),
    (
        "postman-multiline-data",
        POSTMAN,
        {
            "method": "PUT",
            "url": "https://api.shop.test/orders/7",
            "request_body": '{\n    "qty": 2\n}',
            "req": [
                ("Authorization", f"Bearer {JWT}"),
                ("Content-Type", "application/json"),
            ],
            "no_notes": True,
        },
    ),
    (
        "postman-then-response",
        POSTMAN + "\n" + RESPONSE,
        {"count": 1, "method": "PUT", "status": 401, "source": "curl-command"},
    ),
    (
        "cmd-caret-quoted",
        CMD_NEW,
        {
            "method": "POST",
            "url": "https://api.shop.test/orders?x=1&y=2",
            "request_body": '{"a":1}',
            "has_req": [("authorization", f"Bearer {JWT}")],
        },
    ),
    (
        "cmd-plain-quotes-then-response",
        CMD_OLD + "\n" + RESPONSE,
        {
            "count": 1,
            "method": "GET",
            "status": 401,
            "req": [("Authorization", f"Bearer {JWT}")],
        },
    ),
    (
        "windows-prompt-curl-exe",
        f'C:\\Users\\me>curl.exe -H "Authorization: Bearer {JWT}" https://api.shop.test/a',
        {"url": "https://api.shop.test/a", "req": [("Authorization", f"Bearer {JWT}")]},
    ),
    (
        "curl-v-transcript-wins",
        CURL_V,
        {
            "count": 1,
            "source": "curl",
            "status": 403,
            "url": "https://api.shop.test:8443/me",
            "req": [("Host", "api.shop.test:8443"), ("Authorization", f"Bearer {JWT}")],
            "no_notes": True,
        },
    ),
    (
        "user-becomes-basic",
        "curl -u alice:s3cret https://api.shop.test/me",
        {"req": [("Authorization", _basic("alice:s3cret"))], "method": "GET"},
    ),
    (
        "long-user-option",
        "curl --user 'bob:p a:ss' https://api.shop.test/me",
        {"req": [("Authorization", _basic("bob:p a:ss"))]},
    ),
    (
        "url-userinfo-becomes-basic",
        "curl https://carol:pw%21@api.shop.test/me",
        {"req": [("Authorization", _basic("carol:pw!"))], "url": "https://api.shop.test/me"},
    ),
    (
        "user-without-password",
        "curl -u alice https://api.shop.test/me",
        {"req": [], "notes": ["paste.curl_user_no_password"]},
    ),
    (
        "digest-is-computed-at-run-time",
        "curl --digest -u alice:pw https://api.shop.test/me",
        {"req": [], "notes": ["paste.curl_auth_runtime"]},
    ),
    (
        "oauth2-bearer",
        f"curl --oauth2-bearer {JWT} https://api.shop.test/me",
        {"req": [("Authorization", f"Bearer {JWT}")]},
    ),
    (
        "header-beats-user",
        "curl -H 'Authorization: Bearer x' -u a:b https://api.shop.test/me",
        {"req": [("Authorization", "Bearer x")], "notes": ["paste.curl_auth_overridden"]},
    ),
    (
        "request-short-attached-and-long",
        "curl -XDELETE https://api.shop.test/a --request PATCH",
        {"method": "PATCH"},
    ),
    (
        "short-cluster-with-value",
        "curl -sSLH 'X-Api-Key: k1' https://api.shop.test/a",
        {"req": [("X-Api-Key", "k1")], "method": "GET"},
    ),
    (
        "data-parts-joined-and-form-default",
        "curl -d a=1 --data b=2 --data-urlencode 'c=x y' https://api.shop.test/t",
        {
            "method": "POST",
            "request_body": "a=1&b=2&c=x%20y",
            "req": [("Content-Type", "application/x-www-form-urlencoded")],
        },
    ),
    (
        "get-puts-data-in-query",
        "curl -G -d access_token=abc https://api.shop.test/t",
        {"method": "GET", "target": "/t?access_token=abc", "request_body": "", "req": []},
    ),
    (
        "json-option",
        "curl --json '{\"a\":1}' https://api.shop.test/t",
        {
            "method": "POST",
            "request_body": '{"a":1}',
            "req": [("Content-Type", "application/json"), ("Accept", "application/json")],
        },
    ),
    (
        "cookie-and-cookie-file",
        "curl -b 'sid=1; theme=dark' --cookie jar.txt https://api.shop.test/",
        {"req": [("Cookie", "sid=1; theme=dark")], "notes": ["paste.curl_file"]},
    ),
    (
        "data-from-file",
        "curl -d @body.json https://api.shop.test/t",
        {"request_body": "", "method": "POST", "notes": ["paste.curl_file"]},
    ),
    (
        "head-and-no-scheme",
        "curl -I localhost:8080/health",
        {"method": "HEAD", "url": "http://localhost:8080/health", "target": "/health"},
    ),
    (
        "shell-variable-noted",
        'curl -H "Authorization: Bearer $TOKEN" https://api.shop.test/a',
        {"req": [("Authorization", "Bearer $TOKEN")], "notes": ["paste.curl_variable"]},
    ),
    (
        "pipe-ends-command",
        f"curl -s https://api.shop.test/a -H 'Authorization: Bearer {JWT}' | jq .",
        {"url": "https://api.shop.test/a", "req": [("Authorization", f"Bearer {JWT}")]},
    ),
    (
        "fragment-dropped",
        "curl 'https://api.shop.test/a?b=1#frag'",
        {"url": "https://api.shop.test/a?b=1", "target": "/a?b=1"},
    ),
    (
        "no-url",
        "curl -v --compressed",
        {"count": 0, "notes": ["paste.curl_no_url"]},
    ),
    (
        "unclosed-quote-closes-at-line-end",
        "curl 'https://api.shop.test/a -H x\nHTTP/1.1 401 Unauthorized\n",
        {"count": 1, "status": 401, "notes": ["paste.curl_unclosed_quote"]},
    ),
    (
        "prose-mentioning-curl-is-not-a-command",
        "curl is a tool\nHTTP/1.1 401 Unauthorized\n",
        {"count": 1, "method": None, "status": 401, "notes": ["paste.ignored_text"]},
    ),
    (
        "jwt-body-stays-a-body",
        f"curl -d '{JWT}' https://api.shop.test/introspect",
        {"request_body": JWT, "tokens": []},
    ),
    (
        "two-commands-two-exchanges",
        "curl https://api.shop.test/a\nHTTP/1.1 200 OK\n\ncurl https://api.shop.test/b\n"
        "HTTP/1.1 401 Unauthorized\n",
        {"count": 2, "target": "/b", "status": 401},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_curl_command(text: str, expected: dict[str, Any]) -> None:
    check(read_paste(text), expected)


def test_response_headers_kept() -> None:
    exchange = read_paste(CHROME_BASH + "\n\n" + RESPONSE).exchange
    assert exchange.response_header("www-authenticate") == ['Bearer error="invalid_token"']
    assert exchange.request_header("authorization") == [f"Bearer {JWT}"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("curl 'https://a.test/'", "curl 'https://a.test/'"),
        ("$ curl -v https://a.test/", "curl -v https://a.test/"),
        ("PS C:\\> curl.exe https://a.test/", "curl.exe https://a.test/"),
        ("curl example.com/x", "curl example.com/x"),
        ("curl is great", None),
        ("curly 'x'", None),
        ("curl", None),
        ("GET / HTTP/1.1", None),
    ],
)
def test_command_text(line: str, expected: str | None) -> None:
    assert command_text(line) == expected


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (["curl 'a b' c"], ["curl", "a b", "c"]),
        (['curl "a \\"b\\" \\$x \\q"'], ["curl", 'a "b" $x \\q']),
        (["curl $'a\\tb\\x41\\u00e9\\101\\''"], ["curl", "a\tbAéA'"]),
        (["curl a\\ b"], ["curl", "a b"]),
        (["curl a \\", "  b"], ["curl", "a", "b"]),
        (["curl ''"], ["curl", ""]),
        (["curl a # comment 'x"], ["curl", "a"]),
        (["curl a 2>&1"], ["curl", "a"]),
        (["curl 'x", "y'"], ["curl", "x\ny"]),
        (['curl ^"a b^" ^', "  c"], ["curl", "a b", "c"]),
        (['curl "a^b" c^&d ^', "e"], ["curl", "a^b", "c&d", "e"]),
        (['curl "a^b" c^&d'], ["curl", "a^b", "c^"]),  # no caret continuation: bash
        (['curl ^"x^', "", 'y^"'], ["curl", "x\ny"]),
    ],
)
def test_split_words(lines: list[str], words: list[str]) -> None:
    assert split_command(lines, 0, lines[0], 1 << 20).words == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('a "b c" d', ["a", "b c", "d"]),
        ('"a\\"b"', ['a"b']),
        ('a\\\\"b c"', ["a\\b c"]),
        ("a\\b", ["a\\b"]),
        ('"a""b"', ['a"b']),
        ('""', [""]),
    ],
)
def test_crt_words(text: str, words: list[str]) -> None:
    assert crt_words(text) == words


def _invariants(paste: Paste) -> None:
    assert 0 <= paste.selected <= max(len(paste.exchanges) - 1, 0)
    assert len(paste.tokens) <= MAX_TOKENS
    for exchange in paste.exchanges:
        assert exchange.label
        assert exchange.status is None or 100 <= exchange.status <= 599


FRAGMENTS = [
    "curl ",
    "$ curl ",
    "curl.exe ",
    "'",
    '"',
    "$'",
    "\\",
    "^",
    '^"',
    "\n",
    " \\\n",
    " ^\n",
    "-H ",
    "-u ",
    "-X",
    "-d ",
    "--data-raw ",
    "--oauth2-bearer ",
    "-G ",
    "https://a.test/x?y=1",
    "a:b@",
    "#",
    "|",
    "$TOKEN",
    "\\x4",
    "\\u{",
    "Authorization: Bearer abc",
    "HTTP/1.1 401 X\n",
    "> GET / HTTP/1.1\n",
    "--",
    "@f",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=50).map("".join))
def test_curl_like_text_reads(text: str) -> None:
    _invariants(read_paste(text))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_command_reads(text: str) -> None:
    _invariants(read_paste("curl " + text))
    _invariants(read_paste("curl ^" + text))


MB = 1 << 20
ADVERSARIAL = {
    "unclosed-quote-lines": "curl 'x\n" * (MB // 8),
    "unclosed-double-lines": 'curl "x\n' * (MB // 8),
    "continuations": "curl https://a.test/ \\\n" + "-H 'a: b' \\\n" * (MB // 12),
    "caret-continuations": "curl x ^\n" + "^\n" * (MB // 2),
    "backslashes": "curl " + "\\" * MB,
    "escaped-spaces": "curl " + "\\ " * (MB // 2),
    "ansi-escapes": "curl $'" + "\\x" * (MB // 2),
    "many-words": "curl " + "a " * (MB // 2),
    "long-quote": "curl '" + "a" * MB,
    "crt-backslashes": 'curl ^"' + "\\" * MB,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_adversarial_megabyte_completes(text: str) -> None:
    started = time.perf_counter()
    _invariants(read_paste(text))
    assert time.perf_counter() - started < 20
