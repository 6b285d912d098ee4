"""HAR files and other JSON pastes: entries picked, fields read, tokens offered, never a crash."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.model import Header, Note
from authtui.core.read.har import decode_leading_json, json_tokens, read_har
from authtui.core.read.paste import read_paste

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU"


def entry(
    method: str = "GET",
    url: str = "https://api.x/orders",
    status: Any = 401,
    **extra: Any,
) -> dict[str, Any]:
    """A HAR entry; ``request``/``response`` keys in ``extra`` are merged in."""
    request = {"method": method, "url": url, "headers": [], "httpVersion": "HTTP/1.1"}
    response = {"status": status, "statusText": "", "headers": [], "content": {"text": ""}}
    request.update(extra.get("request", {}))
    response.update(extra.get("response", {}))
    return {"request": request, "response": response}


def har(*entries: Any) -> dict[str, Any]:
    return {"log": {"version": "1.2", "creator": {"name": "t"}, "entries": list(entries)}}


FILTER_CASES = [
    ("every-entry-first-failing-selected", [200, 401, 204, 403, 407], [200, 401, 204, 403, 407], 1),
    ("none-failing-last-selected", [200, 302, 500], [200, 302, 500], 2),
    ("no-response-status", [0, 0], [None, None], 0),
    ("one-failing", [401], [401], 0),
]


@pytest.mark.parametrize(
    ("statuses", "kept", "selected"),
    [c[1:] for c in FILTER_CASES],
    ids=[c[0] for c in FILTER_CASES],
)
def test_entries_kept_and_selected(
    statuses: list[int], kept: list[int | None], selected: int
) -> None:
    doc = har(*(entry(url=f"https://api.x/{i}", status=s) for i, s in enumerate(statuses)))
    paste = read_paste(json.dumps(doc))
    assert [e.status for e in paste.exchanges] == kept
    assert paste.selected == selected
    assert all(e.source == "har" for e in paste.exchanges)


def test_entry_fields() -> None:
    doc = har(
        entry(
            "POST",
            "https://api.x/orders",
            401,
            request={
                "headers": [
                    {"name": ":authority", "value": "api.x"},
                    {"name": "Authorization", "value": f"Bearer {JWT}"},
                    {"name": "Accept", "value": "*/*"},
                ],
                "queryString": [{"name": "a", "value": "b c"}],
                "postData": {"mimeType": "application/json", "text": '{"q":1}'},
                "httpVersion": "h2",
            },
            response={
                "statusText": "Unauthorized",
                "httpVersion": "http/2.0",
                "headers": [{"name": "www-authenticate", "value": 'Bearer error="invalid_token"'}],
                "content": {"text": '{"error":"invalid_token"}', "mimeType": "application/json"},
            },
        )
    )
    exchange = read_paste(json.dumps(doc)).exchange
    assert exchange.method == "POST"
    assert exchange.url == "https://api.x/orders?a=b+c"
    assert exchange.target == "/orders?a=b+c"
    assert exchange.request_headers == (
        Header("Authorization", f"Bearer {JWT}"),
        Header("Accept", "*/*"),
    )
    assert exchange.request_body == '{"q":1}'
    assert exchange.status == 401
    assert exchange.reason == "Unauthorized"
    assert exchange.http_version == "HTTP/2"
    assert exchange.response_header("WWW-Authenticate") == ['Bearer error="invalid_token"']
    assert exchange.body == '{"error":"invalid_token"}'
    assert exchange.label == "POST https://api.x/orders?a=b+c -> 401"


def test_query_string_not_added_twice() -> None:
    doc = har(
        entry(url="https://api.x/o?a=1", request={"queryString": [{"name": "a", "value": "1"}]})
    )
    assert read_paste(json.dumps(doc)).exchange.url == "https://api.x/o?a=1"


BODY_CASES = [
    ("plain", {"text": "hello"}, "hello"),
    ("base64", {"text": base64.b64encode(b'{"a":1}').decode(), "encoding": "base64"}, '{"a":1}'),
    ("base64-no-padding", {"text": "eyJhIjoxfQ", "encoding": "base64"}, '{"a":1}'),
    ("base64-urlsafe", {"text": "Pz8_", "encoding": "base64"}, "???"),
    (
        "base64-binary",
        {"text": base64.b64encode(b"\xff\xfe").decode(), "encoding": "base64"},
        "\ufffd\ufffd",
    ),
    ("base64-broken", {"text": "a", "encoding": "base64"}, "a"),
    ("missing", {}, ""),
    ("not-a-string", {"text": 42}, ""),
]


@pytest.mark.parametrize(
    ("content", "body"), [c[1:] for c in BODY_CASES], ids=[c[0] for c in BODY_CASES]
)
def test_response_content(content: dict[str, Any], body: str) -> None:
    doc = har(entry(response={"content": content}))
    assert read_paste(json.dumps(doc)).exchange.body == body


VERSION_CASES = [
    ("HTTP/1.1", "HTTP/1.1"),
    ("http/1.1", "HTTP/1.1"),
    ("h2", "HTTP/2"),
    ("http/2.0", "HTTP/2"),
    ("h3", "HTTP/3"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("version", "expected"), VERSION_CASES)
def test_http_version(version: Any, expected: str | None) -> None:
    doc = har(entry(request={"httpVersion": version}, response={"httpVersion": version}))
    assert read_paste(json.dumps(doc)).exchange.http_version == expected


MALFORMED = [
    ("entries-not-a-list", {"log": {"entries": {"a": 1}}}, ["paste.har_unreadable"]),
    ("entries-empty", {"log": {"entries": []}}, ["paste.har_empty"]),
    ("entry-junk", har("junk", 5, None, {"request": 5}), ["paste.har_entry_unreadable"]),
    (
        "wrong-types",
        har(
            {
                "request": {"method": 7, "url": ["x"], "headers": [1, {"name": 2}, "x"]},
                "response": {"status": "abc", "headers": {"a": 1}, "content": []},
            }
        ),
        [],
    ),
    ("status-as-bool", har(entry(status=True)), []),
    ("bad-ipv6-url", har(entry(url="http://[::1")), []),
]


@pytest.mark.parametrize(
    ("doc", "codes"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_har_notes(doc: Any, codes: list[str]) -> None:
    paste = read_paste(json.dumps(doc))
    assert set(codes) <= {n.code for n in paste.notes}
    for exchange in paste.exchanges:
        assert exchange.status is None or 100 <= exchange.status <= 599


def test_status_as_string_digits() -> None:
    assert read_paste(json.dumps(har(entry(status="403")))).exchange.status == 403


def test_every_entry_is_kept_and_the_first_failing_one_selected() -> None:
    paste = read_paste(json.dumps(har(entry(status=200), entry(status=401), entry(status=200))))
    assert [e.status for e in paste.exchanges] == [200, 401, 200]
    assert paste.selected == 1 and paste.exchange.status == 401
    note = next(n for n in paste.notes if n.code == "paste.har_entries")
    assert "3 entries, 1 of them failing" in note.message and "entry 2" in note.message


def test_not_a_har() -> None:
    assert read_har({"log": "x"}) is None
    assert read_har([1, 2]) is None
    assert read_har({"entries": []}) is None


TOKEN_CASES = [
    ("token-endpoint", {"access_token": JWT, "token_type": "Bearer"}, [JWT]),
    (
        "access-token-first",
        {"id_token": "id-" + JWT, "access_token": "at-" + JWT, "refresh_token": "r"},
        ["at-" + JWT, "id-" + JWT],
    ),
    ("camel-case", {"data": {"accessToken": "abc"}}, ["abc"]),
    ("jwt-anywhere", {"items": [{"x": JWT}], "n": 1}, [JWT]),
    ("jwt-in-list", [JWT, "plain", JWT], [JWT]),
    ("no-token", {"message": "Bad credentials"}, []),
    ("empty-token", {"access_token": "  "}, []),
    ("non-string-token", {"access_token": 5, "token": None}, []),
]


@pytest.mark.parametrize(
    ("doc", "tokens"), [c[1:] for c in TOKEN_CASES], ids=[c[0] for c in TOKEN_CASES]
)
def test_json_tokens(doc: Any, tokens: list[str]) -> None:
    assert json_tokens(doc) == tokens


def test_json_tokens_deep_nesting_is_iterative() -> None:
    doc: Any = {"access_token": "deep"}
    for _ in range(100_000):
        doc = [doc]
    assert json_tokens(doc) == ["deep"]


DECODE_CASES = [
    ("object", '{"a": 1} rest', 0, ({"a": 1}, 8)),
    ("offset", "  [1, 2]\nGET", 2, ([1, 2], 8)),
]


@pytest.mark.parametrize(
    ("text", "start", "expected"), [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES]
)
def test_decode_leading_json(text: str, start: int, expected: tuple[object, int]) -> None:
    assert decode_leading_json(text, start) == expected


@pytest.mark.parametrize(
    "text",
    ["[" * 30_000 + "]" * 30_000, '{"a": ', "{'a': 1}", "[1e99999999999, 1" + "0" * 5000 + "]"],
    ids=["too-deep", "cut-short", "python-dict", "huge-number"],
)
def test_decode_leading_json_unreadable(text: str) -> None:
    result = decode_leading_json(text, 0)
    assert isinstance(result, Note)
    assert result.code == "paste.json_unreadable"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                [
                    "log",
                    "entries",
                    "request",
                    "response",
                    "status",
                    "headers",
                    "name",
                    "value",
                    "url",
                    "method",
                    "content",
                    "text",
                    "encoding",
                    "queryString",
                    "postData",
                    "httpVersion",
                    "statusText",
                    "access_token",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_any_json_shape_reads(doc: Any) -> None:
    read_har(doc)
    json_tokens(doc)
    paste = read_paste(json.dumps(doc))
    assert 0 <= paste.selected <= max(len(paste.exchanges) - 1, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES, max_size=5))
def test_any_har_entries_read(entries: list[Any]) -> None:
    paste = read_paste(json.dumps(har(*entries)))
    for exchange in paste.exchanges:
        assert exchange.source == "har"
        assert exchange.label
