"""Times for people: UTC, local and relative forms, and the date formats users paste.

Every function here takes numbers or text from a paste and never raises: a time
that no calendar can show (NaN, infinity, 10**30) is shown as such, and a date
that cannot be read gives ``None``.

Times are shown to the second, rounded half up: a device clock read with its
fraction (``time.time()``) would otherwise change every text that shows it many
times a second ("14 min 5.123 s"). The values themselves are never rounded here:
a claim keeps its exact value in the JSON report and wherever it is quoted.
"""

from __future__ import annotations

import calendar
import math
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MAX_DATE_TEXT = 64
"""Longer text is not a date; it is refused before any parsing."""

_UNITS = (("year", 365 * 86400), ("day", 86400), ("h", 3600), ("min", 60))


def to_datetime(ts: float) -> datetime | None:
    """``ts`` (epoch seconds) as an aware UTC datetime, or ``None`` when no
    calendar date can show it (NaN, infinite, before year 1 or after 9999)."""
    try:
        seconds = float(ts)
    except (OverflowError, ValueError, TypeError):
        return None
    if not math.isfinite(seconds):
        return None
    try:
        return _EPOCH + timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        return None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _out_of_range(ts: float) -> str:
    try:
        shown = f"{float(ts):g}"
    except (OverflowError, ValueError, TypeError):
        shown = "a huge number"
    return f"{shown} (out of range for a date)"


def _date(moment: datetime) -> str:
    """``%Y-%m-%d``, formatted by hand: strftime costs a microsecond a call. Years
    before 1000 keep strftime (its ``%Y`` does not pad them on every platform)."""
    if moment.year < 1000:
        return f"{moment:%Y-%m-%d}"
    return f"{moment.year}-{moment.month:02d}-{moment.day:02d}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"


def to_second(seconds: float) -> float:
    """``seconds`` rounded half up to a whole second (``-0.5`` to ``0``, ``14.5`` to
    ``15``); what cannot be rounded (NaN, infinity) comes back as it is."""
    try:
        return float(math.floor(float(seconds) + 0.5))
    except (OverflowError, ValueError, TypeError):
        return seconds


def _moment(ts: float) -> datetime | None:
    """``ts`` as a datetime, to the second."""
    return to_datetime(to_second(ts))


def utc(ts: float) -> str:
    """``ts`` as RFC 3339 UTC, to the second: ``2023-11-14T22:13:20Z``."""
    moment = _moment(ts)
    if moment is None:
        return _out_of_range(ts)
    return f"{_date(moment)}T{_clock(moment)}Z"


def _offset(moment: datetime) -> str:
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def local(ts: float, tz: tzinfo | None = None) -> str:
    """``ts`` in local time with its offset, to the second: ``2023-11-14 23:13:20 +01:00``.

    ``tz`` defaults to the machine's zone; tests pass one in.
    """
    moment = _moment(ts)
    if moment is None:
        return _out_of_range(ts)
    try:
        here = moment.astimezone(tz)
    except (OverflowError, ValueError, OSError):
        return utc(ts)
    return f"{_date(here)} {_clock(here)} {_offset(here)}"


def _plural(count: int, unit: str) -> str:
    if unit in ("year", "day") and count != 1:
        return f"{count} {unit}s"
    return f"{count} {unit}"


def relative(seconds: float) -> str:
    """A duration, compact and to the second: ``45 s``, ``14 min``, ``14 min 5 s``,
    ``2 h 5 min``, ``3 days``; ``under 1 s`` for less than half a second but not none.
    Two units at most, the smaller one truncated; the sign is ignored."""
    try:
        exact = abs(float(seconds))
    except (OverflowError, ValueError, TypeError):
        return "an immense time"
    if math.isnan(exact):
        return "an unknown time"
    if math.isinf(exact) or exact >= 1e15:
        return "an immense time"
    span = to_second(exact)
    if span < 60:
        return "under 1 s" if span == 0 and exact > 0 else f"{int(span)} s"
    whole = int(span)
    parts: list[str] = []
    for unit, size in _UNITS:
        count, whole = divmod(whole, size)
        if count or parts:
            parts.append(_plural(count, unit))
        if len(parts) == 2:
            break
    if len(parts) < 2:
        parts.append(f"{whole} s")
    return " ".join(p for p in parts if not p.startswith("0 "))


def since(ts: float, now: float) -> str:
    """``14 min ago``, ``in 5 min`` or ``now`` (under half a second away): ``ts`` seen
    from ``now``, to the second."""
    try:
        delta = float(ts) - float(now)
    except (OverflowError, ValueError, TypeError):
        return "at an immense distance"
    if math.isnan(delta):
        return "at an unknown time"
    if abs(delta) < 0.5:
        return "now"
    if delta < 0:
        return f"{relative(delta)} ago"
    return f"in {relative(delta)}"


def describe(ts: float, now: float, tz: tzinfo | None = None) -> str:
    """``2023-11-14T22:13:20Z (2023-11-14 23:13:20 +01:00, 14 min ago)``, to the second."""
    if to_datetime(ts) is None:
        return _out_of_range(ts)
    return f"{utc(ts)} ({local(ts, tz)}, {since(ts, now)})"


def _epoch(year: int, month: int, day: int, hms: str) -> float | None:
    pieces = hms.split(":")
    if len(pieces) != 3 or not all(len(p) == 2 and p.isascii() and p.isdigit() for p in pieces):
        return None
    hour, minute, second = (int(p) for p in pieces)
    try:
        moment = datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except ValueError:
        return None
    return float(calendar.timegm(moment.timetuple()) + (second - min(second, 59)))


def _number(text: str, digits: tuple[int, ...]) -> int | None:
    if len(text) not in digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)


def _fixdate(rest: list[str]) -> float | None:
    """``06 Nov 1994 08:49:37 GMT`` (IMF-fixdate, also RFC 1123 without GMT)."""
    if len(rest) not in (4, 5) or (len(rest) == 5 and rest[4].upper() not in ("GMT", "UTC")):
        return None
    day, year = _number(rest[0], (1, 2)), _number(rest[2], (4,))
    month = _MONTHS.get(rest[1].lower())
    if day is None or year is None or month is None:
        return None
    return _epoch(year, month, day, rest[3])


def _rfc850(rest: list[str]) -> float | None:
    """``06-Nov-94 08:49:37 GMT`` (obsolete RFC 850 form, two-digit year)."""
    if len(rest) not in (2, 3) or (len(rest) == 3 and rest[2].upper() not in ("GMT", "UTC")):
        return None
    fields = rest[0].split("-")
    if len(fields) != 3:
        return None
    day, year = _number(fields[0], (1, 2)), _number(fields[2], (2, 4))
    month = _MONTHS.get(fields[1].lower())
    if day is None or year is None or month is None:
        return None
    if len(fields[2]) == 2:
        year += 2000 if year < 70 else 1900
    return _epoch(year, month, day, rest[1])


def _asctime(words: list[str]) -> float | None:
    """``Sun Nov  6 08:49:37 1994`` (obsolete asctime form)."""
    if len(words) != 5:
        return None
    month = _MONTHS.get(words[1].lower())
    day, year = _number(words[2], (1, 2)), _number(words[4], (4,))
    if day is None or year is None or month is None:
        return None
    return _epoch(year, month, day, words[3])


def parse_http_date(value: str) -> float | None:
    """An HTTP date (RFC 9110 §5.6.7: IMF-fixdate, RFC 850 or asctime) as epoch
    seconds, or ``None`` when it is not one. Never raises."""
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > _MAX_DATE_TEXT:
        return None
    return _http_date(text)


@lru_cache(maxsize=64)
def _http_date(text: str) -> float | None:
    """:func:`parse_http_date` of a stripped text of at most 64 characters, read once
    per text: a paste's ``Date`` is read again at every diagnosis of it."""
    _head, comma, tail = text.partition(",")
    if comma:
        rest = tail.split()
        return _fixdate(rest) if len(rest) in (4, 5) and "-" not in rest[0] else _rfc850(rest)
    return _asctime(text.split())


def parse_time_option(text: str) -> float | None:
    """A time as a user types it: epoch seconds (``1700000000``, ``1700000000.5``),
    RFC 3339 / ISO 8601 (``2023-11-14T22:13:20Z``, ``…+01:00``; a value without
    an offset is read as UTC), or an HTTP-date as a ``Date`` header carries it
    (IMF-fixdate ``Wed, 01 Jan 2025 10:00:00 GMT``, RFC 850, asctime). ``None``
    when it is none of these or no date can show it. Never raises."""
    raw = text.strip() if isinstance(text, str) else ""
    if not raw or len(raw) > _MAX_DATE_TEXT:
        return None
    number = _epoch_number(raw)
    if number is not None:
        return number if to_datetime(number) is not None else None
    try:
        moment = datetime.fromisoformat(raw.upper().replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        return parse_http_date(raw)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.timestamp()
    except (OverflowError, ValueError, OSError):
        return None


def _epoch_number(raw: str) -> float | None:
    body = raw[1:] if raw[:1] in "+-" else raw
    whole, dot, fraction = body.partition(".")
    if not whole.isascii() or not whole.isdigit():
        return None
    if dot and (not fraction.isascii() or not fraction.isdigit()):
        return None
    try:
        number = float(raw)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


CLOCK_WORDS = {"capture": "capture", "device": "device", "now": "device"}
"""The ``--now`` words and the reading each asks for: the paste's own time
(``capture``) or the device clock (``device``, ``now``)."""


def parse_now(text: str) -> float | str | None:
    """A ``--now`` value (also the TUI's Evaluation time field): a time as
    :func:`parse_time_option` reads it (epoch seconds), or a clock word of
    :data:`CLOCK_WORDS` as the reading it asks for (``"capture"`` or ``"device"``).
    ``None`` when it is neither. Never raises."""
    raw = text.strip().lower() if isinstance(text, str) else ""
    if raw in CLOCK_WORDS:
        return CLOCK_WORDS[raw]
    return parse_time_option(text)
