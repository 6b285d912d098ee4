"""Pastes with 10^5 challenges, headers or tokens: every line is read, the decisive line
placed last is found, the counts stay exact, and the report lists only a few hundred
items, saying in every format how many more there were.

Behaviour only: the time and memory these take are measured by ``bench/scale.py``.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.diagnose import diagnose
from authtui.core.http.challenges import _ChallengeReader, _plain_challenge, challenges_of
from authtui.core.limits import (
    MAX_CREDENTIALS_PER_FIELD,
    MAX_PASTE_CHARS,
    SHOWN_CHALLENGES,
    SHOWN_FINDINGS_PER_CODE,
    SHOWN_HEADERS,
)
from authtui.core.model import Header, Report
from authtui.core.options import Options
from authtui.core.read.paste import read_paste
from authtui.core.render import render

N = 100_000
NOW = 1_750_000_000
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJleHAiOjE3NTAwMDM2MDB9.c2lnbmF0dXJl"
REQUEST = f"GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer {TOKEN}\n\n"
DECISIVE = 'WWW-Authenticate: Bearer realm="api", error="invalid_token"\n'


def _token(i: int) -> str:
    return f"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl{i:08d}"


@cache
def _report(shape: str) -> Report:
    """One diagnosis per shape, shared by the tests that look at it."""
    if shape == "challenges":
        lines = "".join(f'WWW-Authenticate: Bearer realm="api-{i}"\n' for i in range(N - 1))
        text = f"{REQUEST}HTTP/1.1 401 Unauthorized\n{lines}{DECISIVE}\n"
    elif shape == "headers":
        lines = "".join(f"X-Trace-{i}: hop {i}\n" for i in range(N - 1))
        text = (
            f"GET /orders HTTP/1.1\nHost: api.test\n{lines}Authorization: Bearer {TOKEN}\n\n"
            'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n\n'
        )
    elif shape == "tokens":
        lines = "".join(f"X-Access-Token: {_token(i)}\n" for i in range(N))
        text = (
            f"GET /orders HTTP/1.1\nHost: api.test\n{lines}\n"
            'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n\n'
        )
    else:  # one finding per line: every challenge names an error
        text = f"{REQUEST}HTTP/1.1 401 Unauthorized\n" + DECISIVE * N + "\n"
    assert len(text) <= MAX_PASTE_CHARS
    return diagnose(text, Options(now=NOW))


def _json(shape: str) -> dict[str, object]:
    return json.loads(render(_report(shape), "json"))  # type: ignore[no-any-return]


# --- the decisive line placed last is found ----------------------------------------------


def test_the_one_challenge_with_an_error_is_found_after_100k_without() -> None:
    report = _report("challenges")
    assert "challenge.invalid_token" in {f.code for f in report.findings}
    assert report.verdict.causes[0] in {"challenge.invalid_token", "time.expired"}


def test_the_one_authorization_header_is_found_after_100k_others() -> None:
    report = _report("headers")
    assert report.credentials is not None
    assert report.credentials.field_name == "Authorization"
    assert report.token is not None and report.token.claims == {"sub": "u-1", "exp": 1750003600}
    assert "authz.missing" not in {f.code for f in report.findings}


# --- counts stay exact, lists are cut, in every format -----------------------------------


def test_challenges_are_all_counted_and_a_few_listed() -> None:
    report = _report("challenges")
    assert len(report.challenges) == SHOWN_CHALLENGES
    assert report.challenges[0].params == {"realm": "api-0"}
    assert report.counts().challenges == N
    data = _json("challenges")
    assert data["challenges_total"] == N
    assert len(data["challenges"]) == SHOWN_CHALLENGES  # type: ignore[arg-type]
    exchange = data["exchange"]
    assert isinstance(exchange, dict)
    assert exchange["headers_total"] == N
    assert len(exchange["headers"]) == SHOWN_HEADERS
    assert exchange["request"]["headers_total"] == 2


def test_headers_are_all_counted_and_a_few_listed() -> None:
    data = _json("headers")
    request = data["exchange"]["request"]  # type: ignore[index]
    assert request["headers_total"] == N + 1
    assert len(request["headers"]) == SHOWN_HEADERS
    assert request["headers"][0] == ["Host", "api.test"]


def test_findings_of_one_code_are_counted_and_a_few_listed() -> None:
    report = _report("errors")
    listed = [f for f in report.findings if f.code == "challenge.invalid_token"]
    assert len(listed) == SHOWN_FINDINGS_PER_CODE
    omitted = dict(report.counts().findings_omitted)
    assert omitted["challenge.invalid_token"] == N - SHOWN_FINDINGS_PER_CODE
    data = _json("errors")
    assert data["findings_omitted"]["challenge.invalid_token"] == N - SHOWN_FINDINGS_PER_CODE  # type: ignore[index]
    assert data["findings_total"] == len(data["findings"]) + sum(  # type: ignore[arg-type]
        data["findings_omitted"].values()  # type: ignore[union-attr]
    )
    assert report.has_error


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_say_how_many_more(fmt: str) -> None:
    more = f"{N - SHOWN_FINDINGS_PER_CODE:,} more"
    out = render(_report("errors"), fmt)
    assert more in out and "invalid" in out
    assert f"{N:,} challenges" in out
    assert f"{N:,} response headers" in out
    # each listed finding's title, and the headline once more
    assert out.count("The server rejected the token") == SHOWN_FINDINGS_PER_CODE + 1


def test_many_credentials_are_counted_and_a_bounded_number_read() -> None:
    report = _report("tokens")
    multiple = next(f for f in report.findings if f.code == "authz.multiple")
    assert f"{N:,} credentials" in multiple.title
    assert f"and {N - 10:,} more" in multiple.evidence
    wrong = [f for f in report.findings if f.code == "authz.wrong_header"]
    assert len(wrong) == SHOWN_FINDINGS_PER_CODE
    assert dict(report.counts().findings_omitted)["authz.wrong_header"] == (
        MAX_CREDENTIALS_PER_FIELD - SHOWN_FINDINGS_PER_CODE
    )
    # The listed headers are redacted: every credential in them was read.
    listed = report.exchange.request_headers
    assert all(_token(i) not in h.value for i, h in enumerate(listed))


def test_a_small_report_is_whole_and_unchanged() -> None:
    report = diagnose(REQUEST + "HTTP/1.1 401 Unauthorized\n" + DECISIVE, Options(now=NOW))
    assert report.totals is None
    assert "Listed in part" not in render(report, "text")
    data = json.loads(render(report, "json"))
    assert data["challenges_total"] == 1 and data["findings_omitted"] == {}
    assert data["findings_total"] == len(data["findings"])


# --- every line is read, up to the paste cap ---------------------------------------------


def test_every_line_is_read() -> None:
    assert _report("headers").counts().request_headers == N + 1
    ignored = read_paste("some prose\n" * N)
    note = next(n for n in ignored.notes if n.code == "paste.ignored_text")
    assert f"{N} line(s)" in note.message


def test_at_the_cap_the_rest_is_not_read_and_the_report_says_so() -> None:
    pad = "X-Pad: " + "p" * 100 + "\n"
    head = "HTTP/1.1 401 Unauthorized\n" + pad * (MAX_PASTE_CHARS // len(pad))
    text = head + 'WWW-Authenticate: Bearer error="invalid_token"\n'
    assert len(text) > MAX_PASTE_CHARS
    capped = read_paste(text)
    assert capped.truncated_at == MAX_PASTE_CHARS
    assert capped.notes[0].code == "paste.truncated"
    assert "nothing after them" in capped.notes[0].message
    assert not capped.exchange.response_header("WWW-Authenticate")
    whole = read_paste(text, limit=len(text))
    assert whole.truncated_at is None
    assert whole.exchange.response_header("WWW-Authenticate") == ['Bearer error="invalid_token"']


# --- the plain-syntax reading is the full reader's -----------------------------------------

_PIECES = st.sampled_from(
    [
        "Bearer", "Basic", "realm", "error", "scope", "x", "WWW-Authenticate", "=", "==",
        '"', '"a b"', '"q\\"x"', ",", ", ", " ", "\t", "  ", "invalid_token", "a=b",
        'realm="r"', "abc==", "/", ":", "\\", "é",
    ]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_plain_syntax_gives_what_the_full_reader_gives(value: str) -> None:
    plain = _plain_challenge(value, "WWW-Authenticate")
    if plain is not None:
        assert ((plain,), ()) == _ChallengeReader(value, "WWW-Authenticate").run()


@pytest.mark.parametrize(
    "value",
    [
        'Bearer realm="api", error="invalid_token", error_description="expired"',
        "Basic",
        'Bearer  realm = "a b" ,scope=openid',
        ' DPoP algs="ES256 PS256"  ',
    ],
)
def test_plain_syntax_is_taken_for_plain_challenges(value: str) -> None:
    plain = _plain_challenge(value, "WWW-Authenticate")
    assert plain is not None
    assert ((plain,), ()) == _ChallengeReader(value, "WWW-Authenticate").run()


def test_a_repeated_field_value_is_read_once_and_counted_each_time() -> None:
    header = Header("WWW-Authenticate", "Bearer realm=api")  # a note: read in full
    challenges, notes = challenges_of([header] * 1000)
    assert len(challenges) == 1000
    assert all(c is challenges[0] for c in challenges)
    assert challenges[0].notes and challenges[0].notes[0].code == "challenge.token_realm"
    assert notes == ()
