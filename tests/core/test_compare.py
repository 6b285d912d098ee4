"""The compare stage, table-driven over pairs: each pair differs in one way, and the
comparison names that way, with both values, and heads with it when it explains."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.compare.model import CODES, Working
from authtui.core.compare.run import compare_entries, compare_texts
from authtui.core.model import Severity
from authtui.core.options import Options
from tests.compare_pairs import (
    API_KEY,
    NOW,
    PASSWORD,
    Exchange,
    basic,
    har,
    refused,
    token,
)

OPTIONS = Options(now=NOW)
OK = Exchange()
EXPIRED = token(iat=NOW - 7200, exp=NOW - 3660)

# (id, working exchange, failing exchange, the code that must head, words the headline holds)
PAIRS: list[tuple[str, Exchange, Exchange, str, str]] = [
    (
        "scheme",
        OK,
        refused(authorization=basic()),
        "diff.scheme",
        "B sends Basic credentials, A sends Bearer",
    ),
    (
        "no-scheme",
        OK,
        refused(authorization=token()),
        "diff.scheme",
        "B sends the token with no scheme",
    ),
    (
        "token-in-query",
        OK,
        refused(authorization=None, path=f"/orders?access_token={token()}"),
        "diff.scheme",
        "query access_token",
    ),
    (
        "stripped-authorization",
        OK,
        refused(authorization=None),
        "diff.header",
        "B's request carries no Authorization header, A's does",
    ),
    (
        "via-another-path",
        Exchange(request=(("Via", "1.1 edge-proxy"),)),
        refused(request=(("Via", "1.1 corp-gateway"),)),
        "diff.header",
        "another path",
    ),
    (
        "forwarded-only-on-one",
        OK,
        refused(request=(("X-Forwarded-Proto", "http"),)),
        "diff.header",
        "went through a proxy",
    ),
    (
        "api-key-differs",
        Exchange(request=(("X-API-Key", API_KEY),)),
        refused(request=(("X-API-Key", API_KEY + "-old"),)),
        "diff.header",
        "B sends another X-API-Key than A",
    ),
    (
        "api-key-missing",
        Exchange(request=(("X-API-Key", API_KEY),)),
        refused(),
        "diff.header",
        "no X-API-Key header",
    ),
    (
        "basic-password",
        Exchange(authorization=basic()),
        refused(authorization=basic(password="wrong-pass")),
        "diff.header",
        "another Basic password",
    ),
    (
        "basic-user",
        Exchange(authorization=basic()),
        refused(authorization=basic(user="mallory")),
        "diff.client",
        "user 'mallory', A for 'alice'",
    ),
    (
        "cookie-missing",
        Exchange(request=(("Cookie", "session=abc123def456; theme=dark"),)),
        refused(request=(("Cookie", "theme=dark"),)),
        "diff.header",
        "B sends no cookie session",
    ),
    ("host", OK, refused(host="api.prod.example.test"), "diff.host", "B went to api.prod"),
    ("form", OK, refused(authorization="Bearer eyJhbGciOi%%%garbage!!.x.y"), "diff.token_form", ""),
    (
        "alg",
        OK,
        refused(authorization="Bearer " + token(alg="HS384")),
        "diff.alg",
        "signed with HS384, A's with HS256",
    ),
    (
        "kid-rotation",
        OK,
        refused(authorization="Bearer " + token(header={"kid": "key-2026-02"})),
        "diff.kid",
        "key key-2026-02, A's with key-2026-01 (a key rotation?)",
    ),
    (
        "iss",
        OK,
        refused(authorization="Bearer " + token(iss="https://idp.example.test")),
        "diff.iss",
        "issued by https://idp.example.test, A's by https://idp.example.test/",
    ),
    (
        "aud",
        OK,
        refused(authorization="Bearer " + token(aud="https://other.example.test")),
        "diff.aud",
        "B's token is for https://other.example.test",
    ),
    (
        "scope-lost",
        OK,
        refused(status=403, authorization="Bearer " + token(scope="orders:read")),
        "diff.scope",
        "B's token lacks orders:write, which A's has",
    ),
    (
        "client",
        OK,
        refused(authorization="Bearer " + token(azp="shop-mobile")),
        "diff.client",
        "issued to azp=shop-mobile",
    ),
    (
        "typ",
        OK,
        refused(authorization="Bearer " + token(header={"typ": "JWT"})),
        "diff.typ",
        "typ JWT, A's typ at+jwt",
    ),
    (
        "refresh-token",
        OK,
        refused(authorization="Bearer " + token(type="refresh")),
        "diff.typ",
        "type=refresh",
    ),
    ("one-expired", OK, refused(authorization="Bearer " + EXPIRED), "diff.expiry", "had expired"),
    (
        "not-yet-valid",
        OK,
        refused(authorization="Bearer " + token(nbf=NOW + 900)),
        "diff.expiry",
        "was not yet valid",
    ),
    (
        "server-words",
        OK,
        refused(
            response=(("Content-Type", "application/json"),),
            body='{"error": "invalid_token", "error_description": "Signature verification failed"}',
        ),
        "diff.server",
        "B's server says the token's signature is invalid",
    ),
    (
        "server-clock",
        OK,
        refused(authorization="Bearer " + token(iat=NOW - 60, exp=NOW + 240), date=NOW + 900),
        "diff.clock",
        "B's server clock is 15 min ahead",
    ),
]


@pytest.mark.parametrize(
    ("working", "failing", "code", "words"),
    [p[1:] for p in PAIRS],
    ids=[p[0] for p in PAIRS],
)
def test_the_difference_heads_and_is_named(
    working: Exchange, failing: Exchange, code: str, words: str
) -> None:
    comparison = compare_texts(working.text(), failing.text(), OPTIONS)
    assert comparison.working is Working.A
    assert comparison.cause == code, [d.code for d in comparison.differences]
    assert words in comparison.headline
    top = next(d for d in comparison.differences if d.code == code)
    assert top.a != top.b and top.title and top.detail
    assert comparison.differences[0].code not in {"diff.status", "diff.kind"}


@pytest.mark.parametrize(
    ("working", "failing", "code"), [p[1:4] for p in PAIRS], ids=[p[0] for p in PAIRS]
)
def test_argument_order_never_decides_which_side_works(
    working: Exchange, failing: Exchange, code: str
) -> None:
    forward = compare_texts(working.text(), failing.text(), OPTIONS)
    swapped = compare_texts(failing.text(), working.text(), OPTIONS)
    assert swapped.working is Working.B and swapped.cause == code
    assert [(d.code, d.a, d.b) for d in swapped.differences] == [
        (d.code, d.b, d.a) for d in forward.differences
    ]
    assert swapped.headline == _swap_labels(forward.headline)


def _swap_labels(text: str) -> str:
    return re.sub(r"\b[AB]\b", lambda m: "B" if m.group() == "A" else "A", text)


CONTEXT_ONLY: list[tuple[str, Exchange, Exchange, str, Severity]] = [
    (
        "scope-gained",
        OK,
        refused(authorization="Bearer " + token(scope="orders:read orders:write admin")),
        "diff.scope",
        Severity.INFO,
    ),
    (
        "lifetime",
        OK,
        refused(authorization="Bearer " + token(iat=NOW - 60, exp=NOW + 240)),
        "diff.lifetime",
        Severity.INFO,
    ),
    ("another-endpoint", OK, refused(path="/admin"), "diff.host", Severity.INFO),
    (
        "another-client-program",
        OK,
        refused(request=(("User-Agent", "python-requests/2.32.3"),)),
        "diff.header",
        Severity.INFO,
    ),
    (
        "challenge",
        OK,
        refused(response=(("WWW-Authenticate", 'Bearer realm="prod"'),)),
        "diff.challenge",
        Severity.INFO,
    ),
    ("status", OK, refused(), "diff.status", Severity.INFO),
    ("kind", OK, refused(), "diff.kind", Severity.INFO),
]


@pytest.mark.parametrize(
    ("working", "failing", "code", "severity"),
    [p[1:] for p in CONTEXT_ONLY],
    ids=[p[0] for p in CONTEXT_ONLY],
)
def test_differences_that_cannot_explain_are_listed_below(
    working: Exchange, failing: Exchange, code: str, severity: Severity
) -> None:
    comparison = compare_texts(working.text(), failing.text(), OPTIONS)
    found = [d for d in comparison.differences if d.code == code]
    assert found and found[0].severity is severity
    assert comparison.cause != code


def test_status_and_kind_alone_do_not_head_the_headline() -> None:
    comparison = compare_texts(OK.text(), refused().text(), OPTIONS)
    assert {d.code for d in comparison.differences} == {
        "diff.status",
        "diff.kind",
        "diff.challenge",
        "diff.server",
    }
    assert comparison.cause == "diff.server"  # invalid_token: a warning, not the status
    only_symptoms = compare_texts(
        OK.text(), refused(response=(("WWW-Authenticate", "Bearer"),)).text(), OPTIONS
    )
    assert only_symptoms.cause is None
    assert {d.code for d in only_symptoms.differences} >= {"diff.status", "diff.kind"}
    assert only_symptoms.headline.startswith("B fails where A works")


def test_no_difference_explains_it_falls_back_on_the_failing_sides_own_diagnosis() -> None:
    failing = Exchange(status=401, response=(("WWW-Authenticate", 'Bearer realm="api"'),))
    working = Exchange(response=(("WWW-Authenticate", 'Bearer realm="api"'),))
    comparison = compare_texts(working.text(), failing.text(), OPTIONS)
    assert comparison.working is Working.A and comparison.cause is None
    assert comparison.headline.startswith("B fails where A works, and nothing that differs")


# Claims that differ from token to token by nature: never a difference themselves.
BY_NATURE = {
    "jti": "another-jti",
    "iat": NOW - 30,
    "exp": NOW + 3570,
    "nbf": NOW - 30,
    "auth_time": NOW - 100,
    "nonce": "n-2",
    "sid": "s-2",
    "at_hash": "h-2",
    "uti": "u-2",
    "rh": "r-2",
    "aio": "a-2",
}


@pytest.mark.parametrize("claim", sorted(BY_NATURE))
def test_claims_that_differ_by_nature_are_never_differences(claim: str) -> None:
    first = {"nbf": NOW - 60, "auth_time": NOW - 90, "nonce": "n-1", "sid": "s-1"}
    first |= {"at_hash": "h-1", "uti": "u-1", "rh": "r-1", "aio": "a-1"}
    second = dict(first)
    second[claim] = BY_NATURE[claim]
    if claim in {"iat", "exp"}:  # the lifetime stays: both move together
        second |= {"iat": NOW - 30, "exp": NOW + 3570}
    a = Exchange(authorization="Bearer " + token(**first))
    b = Exchange(authorization="Bearer " + token(**second))
    comparison = compare_texts(a.text(), b.text(), OPTIONS)
    assert comparison.differences == ()
    assert comparison.working is Working.BOTH


IGNORED_HEADERS = [
    ("X-Request-Id", "r-1", "r-2"),
    ("traceparent", "00-aaaa-01", "00-bbbb-01"),
    ("Content-Length", "10", "20"),
    ("Date", "Fri, 15 Jan 2027 08:00:00 GMT", "Fri, 15 Jan 2027 09:00:00 GMT"),
    ("User-Agent", "curl/8.5.0", "curl/8.11.1"),
    ("Cookie", "session=abc123def456", "session=zyx987wvu654"),
]


@pytest.mark.parametrize(("name", "first", "second"), IGNORED_HEADERS)
def test_headers_that_differ_by_nature_are_never_differences(
    name: str, first: str, second: str
) -> None:
    a = Exchange(request=((name, first),))
    b = Exchange(request=((name, second),))
    assert compare_texts(a.text(), b.text(), OPTIONS).differences == ()
    if name not in {"User-Agent", "Cookie"}:  # present on one side only: still nothing
        alone = Exchange(request=(("User-Agent", "curl/8.5.0"), (name, first)))
        assert compare_texts(alone.text(), OK.text(), OPTIONS).differences == ()


@pytest.mark.parametrize(
    ("exchange", "working"),
    [(OK, Working.BOTH), (refused(), Working.NEITHER), (Exchange(authorization=basic()), None)],
    ids=["working", "failing", "basic"],
)
def test_identical_pairs_have_no_differences(exchange: Exchange, working: Working | None) -> None:
    comparison = compare_texts(exchange.text(), exchange.text(), OPTIONS)
    assert comparison.differences == ()
    if working is not None:
        assert comparison.working is working


def test_both_work_and_both_fail_have_their_own_headlines() -> None:
    both = compare_texts(OK.text(), Exchange(path="/orders/7").text(), OPTIONS)
    assert both.working is Working.BOTH
    assert both.headline == "Both work; they differ in where they went."
    same = compare_texts(refused().text(), refused(path="/orders/7").text(), OPTIONS)
    assert same.working is Working.NEITHER
    assert same.headline.startswith("Both fail, for the same reason: ")
    differently = compare_texts(
        refused(authorization="Bearer " + EXPIRED).text(),
        refused(authorization=None).text(),
        OPTIONS,
    )
    assert differently.headline.startswith("Both fail, differently: A: the token expired")
    assert all(d.severity is not Severity.ERROR for d in differently.differences)
    assert compare_texts(OK.text(), OK.text(), OPTIONS).headline == (
        "Both work, and nothing that matters differs between them."
    )


def test_which_side_works_comes_from_the_verdicts() -> None:
    # A token on its own works when nothing in it fails.
    fresh, expired = token(), EXPIRED
    assert compare_texts(fresh, expired, OPTIONS).working is Working.A
    assert compare_texts(expired, fresh, OPTIONS).working is Working.B
    # A status the verdict calls no auth failure works; a 4xx the differences explain fails.
    refresh = Exchange(status=400, authorization="Bearer " + token(type="refresh"), date=None)
    comparison = compare_texts(OK.text(), refresh.text(), OPTIONS)
    assert comparison.working is Working.A and comparison.cause == "diff.typ"
    not_found = compare_texts(OK.text(), Exchange(status=400, path="/x").text(), OPTIONS)
    assert not_found.working is Working.BOTH


def test_two_entries_of_one_har() -> None:
    text = har(OK, refused(authorization="Bearer " + token(scope="orders:read"), status=403))
    comparison = compare_entries(text, 0, 1, OPTIONS)
    assert comparison.working is Working.A and comparison.cause == "diff.scope"
    assert comparison.a.exchange.status == 200 and comparison.b.exchange.status == 403
    assert compare_entries(text, 1, 0, OPTIONS).working is Working.B


def test_a_secret_that_differs_shows_as_two_fingerprints_never_its_value() -> None:
    a = Exchange(authorization=basic(), request=(("X-API-Key", API_KEY),))
    b = refused(authorization=basic(password="wrong-pass"), request=(("X-API-Key", "other-key-9"),))
    for options in (OPTIONS, replace(OPTIONS, redact=False)):
        comparison = compare_texts(a.text(), b.text(), options)
        secrets = [d for d in comparison.differences if "sha256" in d.a]
        assert len(secrets) == 2
        digest = hashlib.sha256(API_KEY.encode()).hexdigest()[:8]
        assert any(f"(secret {len(API_KEY)} chars sha256:{digest})" in d.a for d in secrets)
        for d in secrets:
            assert d.a != d.b and "sha256" in d.b
            for value in (PASSWORD, "wrong-pass", API_KEY, "other-key-9"):
                assert value not in d.a + d.b + d.title + d.detail


def test_every_code_is_in_the_contracts_order() -> None:
    assert CODES[0] == "diff.scheme" and CODES[-2:] == ("diff.status", "diff.kind")
    assert len(set(CODES)) == 18


def test_what_a_server_that_accepted_the_caller_says_outweighs_the_environment() -> None:
    # Staging and production differ by nature (host, issuer, audience, key); production
    # answers 403 insufficient_scope: it accepted the caller, so the scope explains.
    staging = Exchange(host="api.staging.example.test")
    production = refused(
        status=403,
        authorization="Bearer "
        + token(
            header={"kid": "prod-1"},
            iss="https://idp.prod.example.test/",
            aud="https://api.prod.example.test",
            scope="orders:read",
        ),
        response=(("WWW-Authenticate", 'Bearer error="insufficient_scope", scope="orders:write"'),),
    )
    comparison = compare_texts(staging.text(), production.text(), OPTIONS)
    assert comparison.cause == "diff.scope"
    assert comparison.headline == (
        "B's token lacks orders:write, which A's has; B's server says so too."
    )
    by_code = {d.code: d for d in comparison.differences}
    for code in ("diff.kid", "diff.iss", "diff.aud"):
        assert by_code[code].severity is Severity.WARNING
        assert "accepted who the caller is" in by_code[code].detail


def test_what_the_failing_server_confirms_ranks_first_among_errors() -> None:
    # kid ranks above aud in the contract; the server names the audience.
    failing = refused(
        authorization="Bearer "
        + token(header={"kid": "key-2026-02"}, aud="https://other.example.test"),
        response=(
            (
                "WWW-Authenticate",
                'Bearer error="invalid_token", error_description="invalid audience"',
            ),
        ),
    )
    comparison = compare_texts(OK.text(), failing.text(), OPTIONS)
    assert comparison.cause == "diff.aud"
    codes = [d.code for d in comparison.differences]
    assert codes.index("diff.aud") < codes.index("diff.kid")
    unconfirmed = compare_texts(
        OK.text(),
        refused(
            authorization="Bearer "
            + token(header={"kid": "key-2026-02"}, aud="https://other.example.test")
        ).text(),
        OPTIONS,
    )
    assert unconfirmed.cause == "diff.kid"


_LINES = st.sampled_from(
    [
        "GET /orders HTTP/1.1",
        "HTTP/1.1 401 Unauthorized",
        "HTTP/1.1 200 OK",
        "Host: api.example.test",
        "Via: 1.1 proxy",
        "Authorization: Bearer " + token(),
        "Authorization: " + basic(),
        "Authorization: Basic !!!",
        'WWW-Authenticate: Bearer error="invalid_token"',
        "X-API-Key: k",
        "Cookie: a=1; b",
        "",
    ]
)
_PASTES = st.one_of(st.text(max_size=200), st.lists(_LINES, max_size=8).map("\n".join))


@settings(max_examples=60, deadline=None)
@given(_PASTES, _PASTES)
def test_any_two_pastes_compare_and_render(a: str, b: str) -> None:
    from authtui.core.render import render_comparison

    comparison = compare_texts(a, b, OPTIONS)
    assert comparison.headline
    for fmt in ("text", "markdown", "json"):
        assert render_comparison(comparison, fmt)
    assert (comparison.differences == ()) == (compare_texts(b, a, OPTIONS).differences == ())


def test_without_a_time_each_side_is_judged_at_its_own() -> None:
    week = 7 * 86400
    old_token = token(iat=NOW - week - 60, exp=NOW - week + 3540)
    old = har(Exchange(authorization="Bearer " + old_token, date=NOW - week), started=NOW - week)
    fresh = Exchange(date=NOW).text()
    comparison = compare_texts(old, fresh, Options(device_now=NOW))
    assert comparison.working is Working.BOTH  # each valid at its own time
    clocks = [d for d in comparison.differences if d.code == "diff.clock"]
    assert len(clocks) == 1 and clocks[0].severity is Severity.INFO
    assert "capture time" in clocks[0].title and "device clock" in clocks[0].title
    assert "capture time" in clocks[0].a and "device clock" in clocks[0].b
    assert not [d for d in comparison.differences if d.code == "diff.expiry"]


def test_a_har_servers_clock_is_measured_against_the_clients() -> None:
    ahead = har(Exchange(date=NOW + 900, status=401))
    comparison = compare_texts(har(Exchange()), ahead, Options(device_now=NOW))
    clocks = [d for d in comparison.differences if d.code == "diff.clock"]
    assert clocks and "15 min ahead" in clocks[0].title
    assert clocks[0].a == "server Date within 60 s of the request's time"


def test_the_failing_sides_own_diagnosis_outweighs_what_only_may_matter() -> None:
    import jwt

    from authtui.core.options import Secret
    from tests.compare_pairs import CLAIMS, HEADER, SECRET

    forged = jwt.encode(CLAIMS, SECRET + "-another", algorithm="HS256", headers=HEADER)
    failing = refused(authorization="Bearer " + forged, request=(("Via", "1.1 corp-gateway"),))
    options = replace(OPTIONS, secret=Secret((SECRET + "-HS256").encode()))
    comparison = compare_texts(OK.text(), failing.text(), options)
    assert comparison.cause is None
    assert comparison.headline.startswith(
        "B fails where A works, and nothing that differs explains it; B's own diagnosis: "
    )
    assert "signature" in comparison.headline
    assert [d.code for d in comparison.differences if d.severity is Severity.WARNING][:1] == [
        "diff.header"
    ]


def test_what_a_server_said_without_a_reading_is_quoted() -> None:
    failing = refused(
        status=401,
        response=(("Content-Type", "text/plain"), ("WWW-Authenticate", 'Bearer realm="api"')),
        body="Authentication Error",
    )
    comparison = compare_texts(OK.text(), failing.text(), OPTIONS)
    server = [d for d in comparison.differences if d.code == "diff.server"]
    assert server and server[0].severity is Severity.WARNING  # it may matter, no more
    assert server[0].title == 'B\'s server said "Authentication Error" (body text)'
    assert comparison.cause == "diff.server"
