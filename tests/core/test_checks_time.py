"""Tests for authtui.core.checks.time: PyJWT's boundaries, every code firing and not."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.checks.time import (
    _EVALUATING,
    CHECKS,
    all_time_findings,
    check_claim_times,
    check_valid,
    read_stamp,
)
from authtui.core.context import Context
from authtui.core.model import Exchange, Finding, Header, Paste, Severity, Token, TokenForm
from authtui.core.options import Options
from tests.strategies import nested

NOW = 1_700_000_840.0
SKEW = 60.0


def make_ctx(
    claims: dict[str, Any] | None,
    *,
    now: float = NOW,
    skew: float = SKEW,
    server_now: float | None = None,
    date: str | None = None,
    form: TokenForm = TokenForm.JWS,
) -> Context:
    headers = (Header("Date", date),) if date else ()
    token = Token(raw="x", form=form, header={"alg": "RS256"}, claims=claims)
    return Context(
        options=Options(),
        paste=Paste(),
        exchange=Exchange(status=401, response_headers=headers),
        now=now,
        skew=skew,
        server_now=server_now,
        token=token,
    )


def run(ctx: Context) -> list[Finding]:
    return list(all_time_findings(ctx))


def by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def codes(claims: dict[str, Any] | None, **kw: Any) -> dict[str, Severity]:
    return {f.code: f.severity for f in run(make_ctx(claims, **kw))}


E, W, INFO, OK = Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.OK
LATER = NOW + 3600


@pytest.mark.parametrize(
    ("case", "claims", "present", "absent"),
    [
        # exp: expired when exp <= now - skew (PyJWT), within skew when now - skew < exp <= now
        ("exp == now-skew", {"exp": NOW - SKEW}, {"time.expired": E}, ["time.valid"]),
        ("exp == now-skew-1", {"exp": NOW - SKEW - 1}, {"time.expired": E}, []),
        (
            "exp == now-skew+1",
            {"exp": NOW - SKEW + 1},
            {"time.expired_within_skew": W},
            ["time.expired", "time.valid"],
        ),
        ("exp == now", {"exp": NOW}, {"time.expired_within_skew": W}, ["time.expired"]),
        (
            "exp == now+1",
            {"exp": NOW + 1},
            {"time.expiring_soon": INFO, "time.valid": OK},
            ["time.expired_within_skew"],
        ),
        ("exp in 5 min", {"exp": NOW + 300}, {"time.expiring_soon": INFO}, []),
        ("exp in 5 min 1 s", {"exp": NOW + 301}, {"time.valid": OK}, ["time.expiring_soon"]),
        # nbf: not yet valid when nbf > now + skew
        ("nbf == now+skew", {"exp": LATER, "nbf": NOW + SKEW}, {"time.nbf_within_skew": W}, []),
        (
            "nbf == now+skew+1",
            {"exp": LATER, "nbf": NOW + SKEW + 1},
            {"time.not_yet_valid": E},
            ["time.nbf_within_skew", "time.valid"],
        ),
        ("nbf == now", {"exp": LATER, "nbf": NOW}, {"time.valid": OK}, ["time.nbf_within_skew"]),
        # iat: in the future when iat > now + skew
        ("iat == now+skew", {"exp": LATER, "iat": NOW + SKEW}, {"time.iat_future": W}, []),
        ("iat == now+skew+1", {"exp": LATER, "iat": NOW + SKEW + 1}, {"time.iat_future": E}, []),
        ("iat == now", {"exp": LATER, "iat": NOW}, {"time.valid": OK}, ["time.iat_future"]),
        # skew 0 behaves like PyJWT's default leeway
        ("skew 0, exp == now", {"exp": NOW, "skew": 0}, {"time.expired": E}, []),
    ],
)
def test_boundaries(
    case: str, claims: dict[str, Any], present: dict[str, Severity], absent: list[str]
) -> None:
    claims = dict(claims)
    skew = claims.pop("skew", SKEW)
    found = codes(claims, skew=skew)
    for code, severity in present.items():
        assert found.get(code) == severity, (case, found)
    for code in absent:
        assert code not in found, (case, found)


@pytest.mark.parametrize(
    ("claims", "code", "severity", "in_title"),
    [
        ({"iat": NOW - 60}, "time.no_exp", W, "no exp"),
        ({"exp": 1_700_000_000_000}, "time.milliseconds", E, "milliseconds"),
        ({"exp": 1_700_000_000_000_000}, "time.milliseconds", E, "microseconds"),
        ({"iat": 1_700_000_000_000_000_000, "exp": LATER}, "time.milliseconds", E, "nanoseconds"),
        ({"exp": "1700000000"}, "time.bad_type", E, "string holding a number"),
        ({"exp": "2023-11-14T22:13:20Z"}, "time.bad_type", E, "date string"),
        ({"exp": "soon"}, "time.bad_type", E, "a string"),
        ({"exp": True}, "time.bad_type", E, "boolean"),
        ({"exp": None}, "time.bad_type", E, "null"),
        ({"exp": [NOW]}, "time.bad_type", E, "array"),
        ({"exp": {"v": 1}}, "time.bad_type", E, "object"),
        ({"exp": 10**30}, "time.bad_type", E, "absurd"),
        ({"exp": 10**5000}, "time.bad_type", E, "absurd"),
        ({"exp": float("nan")}, "time.bad_type", E, "finite"),
        ({"exp": LATER, "nbf": LATER + 1}, "time.window_invalid", E, "nbf"),
        ({"exp": LATER, "iat": LATER}, "time.window_invalid", E, "iat"),
        ({"exp": NOW + 2 * 86400, "iat": NOW - 60}, "time.lifetime_long", INFO, "2 days"),
        ({"exp": NOW + 30 * 86400, "iat": NOW - 60}, "time.lifetime_long", W, "30 days"),
        ({"exp": NOW + 3000, "iat": NOW - 60, "iss": 123456}, "time.lifetime_long", E, "GitHub"),
        ({"exp": NOW + 3000, "iat": NOW - 60, "iss": "Iv23liABC"}, "time.lifetime_long", E, "10"),
    ],
)
def test_codes_fire(claims: dict[str, Any], code: str, severity: Severity, in_title: str) -> None:
    found = by_code(run(make_ctx(claims)))
    assert code in found, found.keys()
    assert found[code].severity == severity
    assert in_title in found[code].title
    assert found[code].evidence and found[code].fix and found[code].refs
    assert "time.valid" not in found or code == "time.lifetime_long"


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": NOW + 3600, "iat": NOW - 60, "nbf": NOW - 60},
        {"exp": NOW + 86400 - 60, "iat": NOW - 60},
        {"exp": NOW + 590, "iat": NOW - 10, "iss": 123456},
        {"exp": NOW + 3600.5, "iat": NOW - 0.25},
        {"exp": 99_999_999_999},
    ],
)
def test_clean_token_is_only_valid(claims: dict[str, Any]) -> None:
    found = codes(claims)
    assert found == {"time.valid": OK}


def test_no_token_or_no_claims_gives_nothing() -> None:
    assert run(make_ctx(None)) == []
    assert run(make_ctx(None, form=TokenForm.OPAQUE)) == []
    ctx = make_ctx({"exp": 1})
    bare = Context(
        options=ctx.options,
        paste=ctx.paste,
        exchange=ctx.exchange,
        now=NOW,
        skew=SKEW,
        server_now=None,
    )
    assert run(bare) == []


def test_expired_evidence_and_title() -> None:
    found = by_code(run(make_ctx({"exp": 1_700_000_000})))["time.expired"]
    assert found.title == "The token expired 14 min before the evaluation time"
    assert found.evidence.startswith("exp=1700000000 (2023-11-14T22:13:20Z, ")
    assert "14 min ago)" in found.evidence
    assert "RFC 7519 §4.1.4" in found.refs


def test_within_skew_names_the_stacks() -> None:
    found = by_code(run(make_ctx({"exp": NOW - 30})))["time.expired_within_skew"]
    assert "PyJWT" in found.detail and "Spring" in found.detail and "ASP.NET" in found.detail


def test_milliseconds_shows_seconds() -> None:
    found = by_code(run(make_ctx({"exp": 1_700_000_000_000})))["time.milliseconds"]
    assert "2023-11-14T22:13:20Z" in found.detail
    assert "1700000000" in found.fix


def test_numeric_string_mentions_pyjwt() -> None:
    found = by_code(run(make_ctx({"exp": "1700000000"})))["time.bad_type"]
    assert "PyJWT" in found.detail


DATE = "Tue, 14 Nov 2023 22:33:20 GMT"  # NOW + 360


@pytest.mark.parametrize(
    ("claims", "server_now", "severity", "in_title"),
    [
        # the server's clock makes it fail, the evaluation clock does not: explains the 401
        ({"exp": NOW + 160}, NOW + 360, E, "had expired 3 min 20 s earlier"),
        ({"exp": LATER, "nbf": NOW}, NOW - 600, E, "was not yet valid"),
        ({"exp": LATER, "iat": NOW}, NOW - 600, E, "issued"),
        # the evaluation clock fails it, the server's did not: an old paste
        ({"exp": NOW - 140}, NOW - 840, W, "still valid"),
        # both agree
        ({"exp": LATER}, NOW + 360, W, "6 min ahead of the evaluation clock; by both"),
        ({"exp": LATER}, NOW - 360, W, "6 min behind the evaluation clock"),
        ({"exp": NOW - 600}, NOW - 360, W, "by it too, the token had expired 4 min earlier"),
        # no token claims: just the clocks
        (None, NOW + 360, INFO, "6 min ahead"),
    ],
)
def test_server_clock(
    claims: dict[str, Any] | None, server_now: float, severity: Severity, in_title: str
) -> None:
    found = by_code(run(make_ctx(claims, server_now=server_now, date=DATE)))
    finding = found["time.server_clock"]
    assert finding.severity == severity
    assert in_title in finding.title
    assert f"Date: {DATE}" in finding.evidence


@pytest.mark.parametrize("server_now", [NOW, NOW + SKEW, NOW - SKEW, None, float("nan")])
def test_server_clock_silent_within_skew(server_now: float | None) -> None:
    assert "time.server_clock" not in codes({"exp": LATER}, server_now=server_now)


def test_checks_registered() -> None:
    assert [c.__name__ for c in CHECKS] == [
        "check_claim_times",
        "check_server_clock",
        "check_capture_time",
    ]


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": LATER},
        {"exp": NOW - 3600},
        {"exp": LATER, "nbf": NOW + 3600},
        {"exp": "soon"},
        {"iat": NOW},
        {},
    ],
)
def test_combined_check_matches_the_separate_ones(claims: dict[str, object]) -> None:
    ctx = make_ctx(claims)
    combined = [f.code for f in check_claim_times(ctx)]
    separate = [f.code for check in _EVALUATING for f in check(ctx)]
    separate += [f.code for f in check_valid(ctx)]
    assert combined == separate


def test_read_stamp_keeps_floats() -> None:
    assert read_stamp("exp", 1.5).seconds == 1.5
    assert read_stamp("exp", -5).seconds == -5.0


json_values = nested(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(),
        st.text(max_size=30),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@given(
    st.dictionaries(st.sampled_from(["exp", "nbf", "iat", "iss", "sub"]), json_values),
    st.floats(min_value=-1e12, max_value=1e12),
    st.one_of(st.none(), st.floats(allow_nan=True)),
)
def test_any_claims_never_raise(
    claims: dict[str, Any], now: float, server_now: float | None
) -> None:
    for finding in run(make_ctx(claims, now=now, server_now=server_now)):
        assert finding.code.startswith("time.")
        assert finding.title and finding.fix
