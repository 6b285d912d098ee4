"""The time strip's layout (Textual-free): order, gaps, the skew window, the width."""

from __future__ import annotations

import pytest

from authtui.core.model import Clock, ClockBasis
from authtui.tui.timeline import CAPTIONS, plain, short, strip

NOW = 1_700_000_000.0
DAY = 86400.0
CLAIMS = {"iat": NOW - 2 * DAY - 300, "exp": NOW - 2 * DAY + 3300}


def clock(basis: ClockBasis, now: float, **kw: float | None) -> Clock:
    kw.setdefault("captured_at", NOW - 2 * DAY)
    kw.setdefault("server_now", NOW - 2 * DAY)
    kw.setdefault("device", NOW)
    return Clock(now=now, skew=60.0, basis=basis, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "0 s"), (0.5, "0 s"), (59, "59 s"), (60, "1 min"), (3599, "59 min"), (3600, "1 h"),
     (86399, "23 h"), (86400, "1 d"), (400 * DAY, "1 y"), (-120, "2 min")],
)  # fmt: skip
def test_short(seconds: float, words: str) -> None:
    assert short(seconds) == words


def test_an_old_capture_judged_at_its_own_time() -> None:
    line = plain(strip(clock(ClockBasis.CAPTURE, NOW - 2 * DAY), CLAIMS))
    assert line == (
        "at capture time: iat ━ 5 min ━ [request=Date ±60 s] ━ 55 min ━ exp ─ 1 d ─ now"
    )


def test_the_same_capture_by_the_device_clock() -> None:
    segments = strip(clock(ClockBasis.DEVICE, NOW), CLAIMS)
    assert plain(segments).endswith("exp ─ 1 d ─ [now ±60 s]")
    judged = [s for s in segments if s.kind.startswith("judged")]
    assert [(s.text, s.kind) for s in judged] == [("now", "judged-bad")]
    assert [s.kind for s in segments if s.text.strip().startswith("━")] == ["valid", "valid"]


def test_a_time_given_is_its_own_point() -> None:
    line = plain(strip(clock(ClockBasis.GIVEN, NOW - DAY), CLAIMS, width=120))
    assert "exp ─ 23 h ─ [given ±60 s] ─ 1 d ─ now" in line
    assert line.startswith(CAPTIONS[ClockBasis.GIVEN])


def test_points_within_the_skew_window_sit_inside_the_brackets() -> None:
    claims = {"iat": NOW - 3600, "exp": NOW - 30}
    line = plain(strip(clock(ClockBasis.DEVICE, NOW, captured_at=None, server_now=None), claims))
    assert line.endswith("iat ━ 59 min ━ [exp ─ 30 s ─ now ±60 s]")


def test_a_server_date_apart_from_the_request_is_drawn_apart() -> None:
    har = clock(ClockBasis.CAPTURE, NOW - DAY, captured_at=NOW - DAY, server_now=NOW - DAY - 7200)
    assert "Date ─ 2 h ─ [request ±60 s]" in plain(strip(har, {}))


def test_nothing_to_draw_without_a_second_moment() -> None:
    assert strip(clock(ClockBasis.DEVICE, NOW, captured_at=None, server_now=None), None) == []


@pytest.mark.parametrize("width", [200, 80, 76, 60, 45, 30, 10])
def test_it_fits_the_width(width: int) -> None:
    busy = {"iat": NOW - 400 * DAY, "nbf": NOW - 400 * DAY + 60, "exp": NOW - 399 * DAY}
    wide = clock(ClockBasis.GIVEN, NOW - 10 * DAY, server_now=NOW - 2 * DAY - 3 * 3600)
    line = plain(strip(wide, busy, width))
    assert len(line) <= width
    if width >= 76:
        for name in ("iat", "nbf", "exp", "req", "Date", "given", "now"):
            assert name in line
