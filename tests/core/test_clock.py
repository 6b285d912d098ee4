"""The Clock rule of the contract: which clock judges a paste, with the device clock passed in.

Table-driven over whole pastes (curl -v transcripts, HAR files, bare tokens) and over
the rule's numbers at their exact boundaries (5 minutes, 1 hour, the skew).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from authtui.core.clock import (
    FRESH,
    OLD,
    Moment,
    Situation,
    decide,
    server_moment,
    situation_of,
    started_moment,
)
from authtui.core.diagnose import diagnose
from authtui.core.model import ClockBasis, Exchange, Header, Report, Severity
from authtui.core.options import Options
from authtui.core.timefmt import utc

DEVICE = 1_760_000_000.0
"""The device clock of every test here (2025-10-09T08:53:20Z)."""
SKEW = 60.0
DAY = 86400.0
AUD = "https://api.shop.test"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(**claims: Any) -> str:
    """A JWS-shaped token (the signature is not checked: no key is given)."""
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = {"iss": "https://idp.shop.test", "sub": "u1", "aud": AUD, "client_id": "web"}
    body.update(jti="j1", **claims)
    return f"{header}.{b64(json.dumps(body).encode())}.{b64(b'not-a-real-signature')}"


def http_date(ts: float) -> str:
    from email.utils import formatdate

    return formatdate(ts, usegmt=True)


def curl_v(tok: str, date: float | None, *, age: int | None = None, status: str = "401") -> str:
    """A ``curl -v`` transcript whose response carries ``Date`` (and ``Age``)."""
    lines = [
        "*   Trying 10.0.0.8:443...",
        "> GET /orders HTTP/1.1",
        "> Host: api.shop.test",
        f"> Authorization: Bearer {tok}",
        ">",
        f"< HTTP/1.1 {status} Unauthorized",
    ]
    if date is not None:
        lines.append(f"< Date: {http_date(date)}")
    if age is not None:
        lines.append(f"< Age: {age}")
    lines += ['< WWW-Authenticate: Bearer error="invalid_token"', "<", ""]
    return "\n".join(lines)


def har(tok: str, started: float, date: float | None = None) -> str:
    """A HAR file with one failing entry sent at ``started`` (and the response's Date)."""
    headers = [{"name": "WWW-Authenticate", "value": 'Bearer error="invalid_token"'}]
    if date is not None:
        headers.append({"name": "Date", "value": http_date(date)})
    entry = {
        "startedDateTime": utc(started).replace("Z", ".000Z"),
        "request": {
            "method": "GET",
            "url": "https://api.shop.test/orders",
            "headers": [{"name": "Authorization", "value": f"Bearer {tok}"}],
        },
        "response": {"status": 401, "statusText": "Unauthorized", "headers": headers},
    }
    return json.dumps({"log": {"version": "1.2", "entries": [entry]}})


def run(paste: str, **options: Any) -> Report:
    options.setdefault("device_now", DEVICE)
    return diagnose(paste, Options(**options))


def codes(report: Report) -> dict[str, Severity]:
    return {f.code: f.severity for f in report.findings}


def finding(report: Report, code: str) -> Any:
    return next(f for f in report.findings if f.code == code)


OLD_TIME = DEVICE - 7 * DAY
"""A capture from a week ago."""
VALID_THEN = token(iat=int(OLD_TIME) - 300, exp=int(OLD_TIME) + 3300)
EXPIRED_THEN = token(iat=int(OLD_TIME) - 7200, exp=int(OLD_TIME) - 3600)

# --------------------------------------------------------------- old captures

OLD_CASES = [
    # (id, paste, options, basis, present, absent, top cause)
    (
        "curl-v valid then",
        curl_v(VALID_THEN, OLD_TIME),
        {},
        ClockBasis.CAPTURE,
        {"time.capture_time": Severity.INFO, "time.valid": Severity.OK},
        ["time.expired", "time.server_clock"],
        "challenge.invalid_token",
    ),
    (
        "curl-v expired then",
        curl_v(EXPIRED_THEN, OLD_TIME),
        {},
        ClockBasis.CAPTURE,
        {"time.expired": Severity.ERROR, "time.capture_time": Severity.INFO},
        ["time.server_clock", "time.valid"],
        "time.expired",
    ),
    (
        "curl-v wrong audience then",
        curl_v(VALID_THEN, OLD_TIME),
        {"audiences": ("https://api.billing.test",)},
        ClockBasis.CAPTURE,
        {"claims.aud_mismatch": Severity.ERROR, "time.capture_time": Severity.INFO},
        ["time.expired", "time.server_clock"],
        "claims.aud_mismatch",
    ),
    (
        "HAR valid then",
        har(VALID_THEN, OLD_TIME, OLD_TIME + 1),
        {},
        ClockBasis.CAPTURE,
        {"time.capture_time": Severity.INFO, "time.valid": Severity.OK},
        ["time.expired", "time.server_clock"],
        "challenge.invalid_token",
    ),
    (
        "HAR expired then",
        har(EXPIRED_THEN, OLD_TIME),
        {},
        ClockBasis.CAPTURE,
        {"time.expired": Severity.ERROR, "time.capture_time": Severity.INFO},
        ["time.server_clock"],
        "time.expired",
    ),
    (
        "HAR wrong audience then",
        har(VALID_THEN, OLD_TIME),
        {"audiences": ("https://api.billing.test",)},
        ClockBasis.CAPTURE,
        {"claims.aud_mismatch": Severity.ERROR},
        ["time.expired", "time.server_clock"],
        "claims.aud_mismatch",
    ),
    (
        "a year-old capture, token issued before it",
        curl_v(
            token(iat=int(DEVICE - 400 * DAY) - 60, exp=int(DEVICE - 400 * DAY) + 600),
            DEVICE - 400 * DAY,
        ),
        {},
        ClockBasis.CAPTURE,
        {"time.capture_time": Severity.INFO, "time.valid": Severity.OK},
        ["time.expired", "time.server_clock", "time.iat_future"],
        "challenge.invalid_token",
    ),
]


@pytest.mark.parametrize(
    ("paste", "options", "basis", "present", "absent", "top"),
    [c[1:] for c in OLD_CASES],
    ids=[c[0] for c in OLD_CASES],
)
def test_an_old_capture_names_its_real_cause_and_no_false_clock_finding(
    paste: str,
    options: dict[str, Any],
    basis: ClockBasis,
    present: dict[str, Severity],
    absent: list[str],
    top: str,
) -> None:
    report = run(paste, **options)
    found = codes(report)
    assert report.clock.basis is basis
    for code, severity in present.items():
        assert found.get(code) == severity, (code, found)
    for code in absent:
        assert code not in found
    assert report.verdict.causes[0] == top
    assert report.clock.captured_at is not None
    assert report.clock.now == report.clock.captured_at < DEVICE - DAY
    assert "expired" not in report.verdict.headline or top == "time.expired"


def test_old_capture_words_say_how_old_and_what_the_device_clock_would_change() -> None:
    report = run(curl_v(VALID_THEN, OLD_TIME))
    capture = finding(report, "time.capture_time")
    assert capture.title == "Judged at the capture time, 7 days ago (the response's Date)"
    assert "By the device clock the token has expired since" in capture.detail
    assert "--now device" in capture.fix
    assert capture.evidence.startswith(f"Date: {http_date(OLD_TIME)}")
    assert report.clock.summary.startswith("judged at the capture time, 7 days ago")
    expired = run(curl_v(EXPIRED_THEN, OLD_TIME))
    assert "by the device clock the token has also expired" in expired.clock.summary
    assert "(the capture time)" in finding(expired, "time.expired").evidence
    assert "--now" not in finding(expired, "time.expired").fix  # already at its own time


def test_har_capture_is_the_clients_request_time() -> None:
    report = run(har(VALID_THEN, OLD_TIME, OLD_TIME))
    assert report.clock.now == OLD_TIME
    assert report.clock.captured_at == OLD_TIME
    assert "startedDateTime" in finding(report, "time.capture_time").title


# ------------------------------------------------------- a server's wrong clock

FRESH_CASES = [
    (
        "fresh paste, server hours behind, token issued minutes ago",
        curl_v(
            token(iat=int(DEVICE) - 120, nbf=int(DEVICE) - 120, exp=int(DEVICE) + 3480),
            DEVICE - 3 * 3600,
        ),
        Severity.ERROR,
        "By the server's clock (Date), the token was not yet valid",
    ),
    (
        "fresh paste, server 2 hours ahead, token expiring in 1 hour",
        curl_v(token(iat=int(DEVICE) - 60, exp=int(DEVICE) + 3600), DEVICE + 2 * 3600),
        Severity.ERROR,
        "By the server's clock (Date), the token had expired",
    ),
    (
        "fresh paste, server 3 minutes behind",
        curl_v(token(iat=int(DEVICE) - 600, exp=int(DEVICE) + 3600), DEVICE - 180),
        Severity.WARNING,
        "The server's clock (Date) is 3 min behind the device clock",
    ),
]


@pytest.mark.parametrize(
    ("paste", "severity", "title"), [c[1:] for c in FRESH_CASES], ids=[c[0] for c in FRESH_CASES]
)
def test_a_fresh_paste_from_a_server_with_a_wrong_clock_still_says_so(
    paste: str, severity: Severity, title: str
) -> None:
    report = run(paste)
    assert report.clock.basis is ClockBasis.DEVICE
    assert report.clock.now == DEVICE
    clock = finding(report, "time.server_clock")
    assert clock.severity is severity
    assert clock.title.startswith(title)
    assert "time.capture_time" not in codes(report)
    assert "NTP" in clock.fix


def test_server_behind_says_the_token_contradicts_an_old_paste() -> None:
    tok = token(iat=int(DEVICE) - 120, exp=int(DEVICE) + 3480)
    report = run(curl_v(tok, DEVICE - 3 * 3600))
    clock = finding(report, "time.server_clock")
    assert "so the request is not that old" in clock.detail
    assert report.verdict.causes[0] == "time.server_clock"
    assert "the server's clock is 3 h behind" in report.clock.summary


def test_har_date_against_the_clients_clock() -> None:
    fine = run(har(VALID_THEN, OLD_TIME, OLD_TIME + SKEW))
    assert "time.server_clock" not in codes(fine)
    off = run(har(VALID_THEN, OLD_TIME, OLD_TIME + SKEW + 1))
    clock = finding(off, "time.server_clock")
    assert "the client's clock (startedDateTime)" in clock.title
    assert "time.capture_time" in codes(off)


# --------------------------------------------- the rule's numbers, exactly


def behind(seconds: float, **claims: Any) -> Report:
    claims.setdefault("exp", int(DEVICE) + 7200)
    return run(curl_v(token(**claims), DEVICE - seconds))


BAND = [
    # (id, seconds behind the device clock, claims, basis, server_clock, capture_time)
    ("within 5 min, under the skew", SKEW, {}, ClockBasis.DEVICE, False, False),
    ("within 5 min, over the skew", SKEW + 1, {}, ClockBasis.DEVICE, True, False),
    ("exactly 5 min behind: fresh", FRESH, {}, ClockBasis.DEVICE, True, False),
    ("5 min 1 s behind: maybe old", FRESH + 1, {}, ClockBasis.DEVICE, True, False),
    ("59 min 59 s behind: device", OLD - 1, {}, ClockBasis.DEVICE, True, False),
    ("exactly 1 h behind: capture", OLD, {}, ClockBasis.CAPTURE, False, True),
    ("a day behind: capture", DAY, {}, ClockBasis.CAPTURE, False, True),
    ("5 min ahead: fresh", -FRESH, {}, ClockBasis.DEVICE, True, False),
    ("5 min 1 s ahead: server ahead", -FRESH - 1, {}, ClockBasis.DEVICE, True, False),
    (
        "2 h behind, iat = Date + skew",
        7200,
        {"iat": int(DEVICE - 7200 + SKEW)},
        ClockBasis.CAPTURE,
        False,
        True,
    ),
    (
        "2 h behind, iat = Date + skew + 1",
        7200,
        {"iat": int(DEVICE - 7200 + SKEW + 1)},
        ClockBasis.DEVICE,
        True,
        False,
    ),
    (
        "2 h behind, nbf = Date + skew + 1",
        7200,
        {"nbf": int(DEVICE - 7200 + SKEW + 1)},
        ClockBasis.DEVICE,
        True,
        False,
    ),
    (
        "2 h behind, iat long before",
        7200,
        {"iat": int(DEVICE - 9000)},
        ClockBasis.CAPTURE,
        False,
        True,
    ),
]


@pytest.mark.parametrize(
    ("seconds", "claims", "basis", "server_clock", "capture_time"),
    [c[1:] for c in BAND],
    ids=[c[0] for c in BAND],
)
def test_the_ambiguous_band_at_the_contracts_numbers(
    seconds: float,
    claims: dict[str, Any],
    basis: ClockBasis,
    server_clock: bool,
    capture_time: bool,
) -> None:
    report = behind(seconds, **claims)
    found = codes(report)
    assert report.clock.basis is basis
    assert ("time.server_clock" in found) is server_clock
    assert ("time.capture_time" in found) is capture_time


@pytest.mark.parametrize(
    ("gap", "issued", "expected"),
    [
        (0.0, None, Situation.FRESH),
        (FRESH, None, Situation.FRESH),
        (-FRESH, None, Situation.FRESH),
        (FRESH + 0.5, None, Situation.SERVER_AHEAD),
        (-FRESH - 0.5, None, Situation.RECENT),
        (-OLD + 0.5, None, Situation.RECENT),
        (-OLD, None, Situation.OLD_CAPTURE),
        (-OLD, ("iat", DEVICE - OLD + SKEW), Situation.OLD_CAPTURE),
        (-OLD, ("iat", DEVICE - OLD + SKEW + 0.5), Situation.SERVER_BEHIND),
        (-FRESH - 1, ("nbf", DEVICE), Situation.SERVER_BEHIND),
        (FRESH + 1, ("iat", DEVICE + 9999), Situation.SERVER_AHEAD),
    ],
)
def test_situation_of_at_the_boundaries(
    gap: float, issued: tuple[str, float] | None, expected: Situation
) -> None:
    server = Moment(DEVICE + gap, "Date", "")
    assert situation_of(None, server, DEVICE, issued, SKEW) is expected


def test_the_band_says_what_judging_at_the_capture_time_would_change() -> None:
    report = behind(20 * 60, exp=int(DEVICE) - 600, iat=int(DEVICE) - 4200)
    clock = finding(report, "time.server_clock")
    assert clock.severity is Severity.WARNING
    assert clock.title.startswith("At the capture time (20 min ago) the token was still valid")
    assert "either the paste is 20 min old, or the server's clock is behind" in clock.detail
    assert "--now capture" in clock.fix
    assert "time.expired" in codes(report)
    assert "at the capture time (20 min ago) the token was still valid" in report.clock.summary


def test_the_band_with_nothing_at_stake_is_context() -> None:
    report = behind(20 * 60, iat=int(DEVICE) - 3600)
    assert finding(report, "time.server_clock").severity is Severity.INFO


# ------------------------------------------------------------- Date plus Age


def test_a_cached_response_carries_the_origins_older_date() -> None:
    tok = token(iat=int(DEVICE) - 9000, exp=int(DEVICE) + 3600)
    report = run(curl_v(tok, DEVICE - 7200, age=7200))
    assert report.clock.basis is ClockBasis.DEVICE
    assert report.clock.captured_at == DEVICE
    assert report.clock.server_now == DEVICE
    assert "time.server_clock" not in codes(report)
    without_age = run(curl_v(tok, DEVICE - 7200))
    assert without_age.clock.basis is ClockBasis.CAPTURE


def test_an_old_cached_capture_is_judged_at_date_plus_age() -> None:
    report = run(curl_v(VALID_THEN, OLD_TIME - 100, age=100))
    assert report.clock.basis is ClockBasis.CAPTURE
    assert report.clock.now == OLD_TIME
    capture = finding(report, "time.capture_time")
    assert "(the response's Date plus its Age)" in capture.title
    assert "Age: 100" in capture.evidence and "RFC 9111 §5.1" in capture.refs


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("60", 60.0),
        (" 60 ", 60.0),
        ("0", 0.0),
        ("-5", 0.0),
        ("1e3", 0.0),
        ("x", 0.0),
        ("", 0.0),
        ("99999999999", 0.0),
        ("9999999999", 2.0**31),
    ],
)
def test_age_is_delta_seconds(age: str, expected: float) -> None:
    exchange = Exchange(response_headers=(Header("Date", http_date(DEVICE)), Header("Age", age)))
    moment = server_moment(exchange)
    assert moment is not None and moment.at == DEVICE + expected


# --------------------------------------------------- no time, and --now forms


def test_a_paste_with_no_time_in_it_is_judged_by_the_device_clock() -> None:
    report = run(token(exp=int(DEVICE) - 3600))
    assert report.clock.basis is ClockBasis.DEVICE
    assert report.clock.captured_at is None and report.clock.now == DEVICE
    assert "time.expired" in codes(report)
    assert "no time of its own" in report.clock.summary
    assert "give the time of the request in --now" in finding(report, "time.expired").fix


def test_now_capture_without_a_capture_time_uses_the_device_clock_and_says_so() -> None:
    report = run(curl_v(VALID_THEN, None), reading="capture")
    assert report.clock.basis is ClockBasis.DEVICE
    note = finding(report, "time.no_capture_time")
    assert note.severity is Severity.INFO
    assert "--now capture" in note.detail
    assert "asked for the capture time" in report.clock.summary


@pytest.mark.parametrize(
    ("options", "basis", "now"),
    [
        ({}, ClockBasis.CAPTURE, OLD_TIME),
        ({"reading": "capture"}, ClockBasis.CAPTURE, OLD_TIME),
        ({"reading": "device"}, ClockBasis.DEVICE, DEVICE),
        ({"now": OLD_TIME + 5}, ClockBasis.GIVEN, OLD_TIME + 5),
        ({"now": OLD_TIME + 5, "reading": "device"}, ClockBasis.GIVEN, OLD_TIME + 5),
    ],
)
def test_the_reading_asked_for_flips_the_basis(
    options: dict[str, Any], basis: ClockBasis, now: float
) -> None:
    report = run(curl_v(VALID_THEN, OLD_TIME), **options)
    assert (report.clock.basis, report.clock.now) == (basis, now)
    assert report.clock.captured_at == OLD_TIME


def test_now_device_on_an_old_capture_says_it_may_simply_be_old() -> None:
    report = run(curl_v(VALID_THEN, OLD_TIME), reading="device")
    clock = finding(report, "time.server_clock")
    assert "Judged by the device clock, as asked" in clock.detail
    assert "At the capture time (7 days ago) the token was still valid" in clock.title


def test_now_capture_on_a_fresh_server_behind_paste_judges_at_its_date() -> None:
    tok = token(iat=int(DEVICE) - 120, exp=int(DEVICE) + 3480)
    report = run(curl_v(tok, DEVICE - 3 * 3600), reading="capture")
    assert report.clock.basis is ClockBasis.CAPTURE
    assert "time.iat_future" in codes(report)
    capture = finding(report, "time.capture_time")
    assert "the server's clock looks behind" in capture.detail


def test_a_given_time_keeps_the_server_clock_check() -> None:
    report = run(curl_v(VALID_THEN, OLD_TIME), now=DEVICE)
    assert report.clock.basis is ClockBasis.GIVEN
    clock = finding(report, "time.server_clock")
    assert "the evaluation clock" in clock.title
    assert "--now capture" in clock.fix


def test_the_device_clock_is_passed_in() -> None:
    later = run(curl_v(VALID_THEN, OLD_TIME), device_now=DEVICE + DAY)
    assert later.clock.device == DEVICE + DAY
    assert "8 days ago" in finding(later, "time.capture_time").title


def test_started_and_server_moments_never_raise_on_odd_fields() -> None:
    assert started_moment(Exchange(started="yesterday")) is None
    assert started_moment(Exchange(started="2025-10-09T08:53:20.000+02:00")) is not None
    assert server_moment(Exchange(response_headers=(Header("Date", "soon"),))) is None
    odd = Exchange(response_headers=(Header("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),))
    reading = decide(odd, None, Options(), DEVICE)
    assert reading.basis is ClockBasis.CAPTURE and reading.situation is Situation.OLD_CAPTURE


def test_what_the_servers_clock_refused_ranks_first_whatever_the_device_clock_adds() -> None:
    """A month-old paste of a token not yet valid at the server's Date: the rule reads the
    server's clock as behind (the token was issued after it) and the device clock judges,
    by which the token has long expired; the server refused it for its nbf, by its own
    clock, and that ranks first."""
    then = DEVICE - 30 * DAY
    tok = token(iat=int(then) + 600, nbf=int(then) + 600, exp=int(then) + 4200)
    report = run(curl_v(tok, then))
    assert report.clock.basis is ClockBasis.DEVICE
    clock = finding(report, "time.server_clock")
    assert clock.severity is Severity.ERROR
    assert clock.title.startswith("By the server's clock (Date), the token was not yet valid")
    assert report.verdict.causes[0] == "time.server_clock"
    assert "time.expired" in codes(report)
