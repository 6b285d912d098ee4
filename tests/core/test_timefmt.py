"""Tests for authtui.core.timefmt: formatting and reading times, never raising."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.timefmt import (
    describe,
    local,
    parse_http_date,
    parse_now,
    parse_time_option,
    relative,
    since,
    to_datetime,
    utc,
)

PLUS_ONE = timezone(timedelta(hours=1))
MINUS_HALF = timezone(-timedelta(hours=3, minutes=30))
T0 = 1_700_000_000


@pytest.mark.parametrize(
    ("ts", "expected"),
    [
        (T0, "2023-11-14T22:13:20Z"),
        (T0 + 0.25, "2023-11-14T22:13:20Z"),
        (T0 + 0.5, "2023-11-14T22:13:21Z"),
        (T0 - 0.7, "2023-11-14T22:13:19Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (10**30, "1e+30 (out of range for a date)"),
        (float("nan"), "nan (out of range for a date)"),
        (float("inf"), "inf (out of range for a date)"),
        (10**400, "a huge number (out of range for a date)"),
    ],
)
def test_utc(ts: float, expected: str) -> None:
    assert utc(ts) == expected


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (PLUS_ONE, "2023-11-14 23:13:20 +01:00"),
        (MINUS_HALF, "2023-11-14 18:43:20 -03:30"),
        (UTC, "2023-11-14 22:13:20 +00:00"),
    ],
)
def test_local_with_offset(tz: timezone, expected: str) -> None:
    assert local(T0, tz) == expected


def test_local_default_zone_has_offset() -> None:
    text = local(T0)
    assert text[:10] in ("2023-11-14", "2023-11-15")
    assert text[-6] in "+-" and text[-3] == ":"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0 s"),
        (45, "45 s"),
        (-45, "45 s"),
        (0.5, "1 s"),
        (0.3, "under 1 s"),
        (-0.3, "under 1 s"),
        (44.6, "45 s"),
        (59.6, "1 min"),
        (845.123, "14 min 5 s"),
        (845.7, "14 min 6 s"),
        (59, "59 s"),
        (60, "1 min"),
        (840, "14 min"),
        (845, "14 min 5 s"),
        (3600, "1 h"),
        (7500, "2 h 5 min"),
        (7530, "2 h 5 min"),
        (86400, "1 day"),
        (3 * 86400, "3 days"),
        (3 * 86400 + 7200, "3 days 2 h"),
        (400 * 86400, "1 year 35 days"),
        (float("nan"), "an unknown time"),
        (float("inf"), "an immense time"),
        (10**30, "an immense time"),
        (10**400, "an immense time"),
    ],
)
def test_relative(seconds: float, expected: str) -> None:
    assert relative(seconds) == expected


@pytest.mark.parametrize(
    ("ts", "now", "expected"),
    [
        (T0, T0 + 840, "14 min ago"),
        (T0 + 300, T0, "in 5 min"),
        (T0, T0, "now"),
        (T0, T0 + 0.4, "now"),
        (T0, T0 + 5.123, "5 s ago"),
        (T0 + 840.7, T0, "in 14 min 1 s"),
        (float("nan"), T0, "at an unknown time"),
    ],
)
def test_since(ts: float, now: float, expected: str) -> None:
    assert since(ts, now) == expected


@pytest.mark.parametrize(
    ("ts", "now", "expected"),
    [
        (T0, T0 + 840, "2023-11-14T22:13:20Z (2023-11-14 23:13:20 +01:00, 14 min ago)"),
        (T0 + 300, T0, "2023-11-14T22:18:20Z (2023-11-14 23:18:20 +01:00, in 5 min)"),
        (10**30, T0, "1e+30 (out of range for a date)"),
    ],
)
def test_describe(ts: float, now: float, expected: str) -> None:
    assert describe(ts, now, PLUS_ONE) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784111777.0),
        ("Sunday, 06-Nov-94 08:49:37 GMT", 784111777.0),
        ("Sun Nov  6 08:49:37 1994", 784111777.0),
        ("Tue, 14 Nov 2023 22:13:20 GMT", float(T0)),
        ("  tue, 14 nov 2023 22:13:20 gmt  ", float(T0)),
        ("Tue, 14 Nov 2023 22:13:20", float(T0)),
        ("Tuesday, 14-Nov-23 22:13:20 GMT", float(T0)),
        ("Thursday, 01-Jan-70 00:00:00 GMT", 0.0),
        ("Sun, 31 Feb 1994 08:49:37 GMT", None),
        ("Sun, 06 Nov 1994 25:49:37 GMT", None),
        ("Sun, 06 Nov 1994 08:49 GMT", None),
        ("Sun, 06 Foo 1994 08:49:37 GMT", None),
        ("Sun, 06 Nov 1994 08:49:37 CET", None),
        ("1700000000", None),
        ("", None),
        ("x" * 1000, None),
    ],
)
def test_parse_http_date(value: str, expected: float | None) -> None:
    assert parse_http_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1700000000", float(T0)),
        ("1700000000.5", T0 + 0.5),
        (" 1700000000 ", float(T0)),
        ("-5", -5.0),
        ("2023-11-14T22:13:20Z", float(T0)),
        ("2023-11-14t22:13:20z", float(T0)),
        ("2023-11-14T23:13:20+01:00", float(T0)),
        ("2023-11-14T22:13:20.123Z", T0 + 0.123),
        ("2023-11-14T22:13:20", float(T0)),
        ("2023-11-14", float(T0 - 22 * 3600 - 13 * 60 - 20)),
        ("nan", None),
        ("inf", None),
        ("1e9", None),
        ("99999999999999999999999", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_time_option(text: str, expected: float | None) -> None:
    result = parse_time_option(text)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


NOW_FORMS = [
    # every form --now and the TUI's Evaluation time field take (T0 = 2023-11-14T22:13:20Z)
    ("1700000000", float(T0)),
    ("1700000000.25", T0 + 0.25),
    ("2023-11-14T22:13:20Z", float(T0)),
    ("2023-11-14T23:13:20+01:00", float(T0)),
    ("Tue, 14 Nov 2023 22:13:20 GMT", float(T0)),
    ("Tuesday, 14-Nov-23 22:13:20 GMT", float(T0)),
    ("Tue Nov 14 22:13:20 2023", float(T0)),
    ("capture", "capture"),
    (" CAPTURE ", "capture"),
    ("device", "device"),
    ("now", "device"),
    ("Now", "device"),
    ("yesterday", None),
    ("captured", None),
    ("", None),
    ("Tue, 14 Nov 2023 25:13:20 GMT", None),
]


@pytest.mark.parametrize(("text", "expected"), NOW_FORMS)
def test_parse_now_every_form(text: str, expected: float | str | None) -> None:
    assert parse_now(text) == expected


def test_parse_time_option_reads_http_dates() -> None:
    assert parse_time_option("Wed, 01 Jan 2025 10:00:00 GMT") == 1_735_725_600.0


@given(st.text(max_size=80))
def test_parse_now_never_raises(text: str) -> None:
    result = parse_now(text)
    assert result is None or result in ("capture", "device") or isinstance(result, float)


def test_to_datetime_limits() -> None:
    assert to_datetime(T0) is not None
    assert to_datetime(10**30) is None
    assert to_datetime(float("-inf")) is None


@given(st.text(max_size=200))
def test_parse_http_date_never_raises(text: str) -> None:
    result = parse_http_date(text)
    assert result is None or isinstance(result, float)


@given(st.text(max_size=200))
def test_parse_time_option_never_raises(text: str) -> None:
    result = parse_time_option(text)
    assert result is None or isinstance(result, float)


@given(st.one_of(st.floats(), st.integers(min_value=-(10**500), max_value=10**500)))
def test_formatting_never_raises(value: float) -> None:
    for text in (utc(value), local(value, PLUS_ONE), relative(value), describe(value, T0)):
        assert isinstance(text, str) and text


def test_http_date_with_non_ascii_digits_is_unreadable_not_a_crash() -> None:
    # '¹' is a digit to str.isdigit() but not to int(): found by the fuzzer.
    assert parse_http_date("Sun, 15 Jun 2025 15:06:4¹ GMT") is None
    assert parse_http_date("Sun, 15 Jun 2025 15:0٦:40 GMT") is None


def test_local_is_to_the_second() -> None:
    assert local(T0 + 0.6, PLUS_ONE) == "2023-11-14 23:13:21 +01:00"


def test_a_device_clock_with_a_fraction_shows_whole_seconds() -> None:
    """A report judged by a device clock read with its fraction says the same all
    through a second, and shows no fraction of one anywhere."""
    import re

    from authtui.core.diagnose import diagnose
    from authtui.core.options import Options
    from authtui.core.render import render
    from tests.core.test_clock import token

    paste = token(iat=T0 - 3600, exp=T0 - 20, nbf=T0 - 3600)  # expired 20 s before
    texts = [
        render(diagnose(paste, Options(device_now=T0 + fraction)), "text")
        for fraction in (0.1, 0.2345, 0.49)
    ]
    assert texts[0] == texts[1] == texts[2]
    assert "expired 20 s" in texts[0]
    assert not re.search(r"\d\.\d+ s\b|:\d\d\.\d|\d{10}\.\d", texts[0]), texts[0]
