"""When the request happened, and which clock judges it (contract: Clock).

The one notion of "when this happened" that every front end shares. One clock
cannot tell "a capture three hours old" from "a server three hours off", so the
rule asks a second one: a HAR entry's own request time, the token's ``iat`` and
``nbf`` (a token is not used before it is issued), the device clock. Without a
time given (``--now TIME``), :func:`decide` applies the contract's rule:

- a HAR entry's ``startedDateTime`` is the request's time: basis ``capture``;
- a ``Date`` (plus ``Age``) within :data:`FRESH` of the device clock: a fresh
  paste, basis ``device``;
- a ``Date`` ahead by more than :data:`FRESH`: the server's clock is ahead;
- a ``Date`` behind by more than :data:`FRESH` with a token issued (``iat`` or
  ``nbf``) after it by more than the skew: the server's clock is behind;
- otherwise both readings stay possible: from :data:`OLD` behind, basis
  ``capture``; between :data:`FRESH` and :data:`OLD`, basis ``device``.

``--now capture`` and ``--now device`` (:attr:`Options.reading`) flip the
reading; the rule's own conclusion (:class:`Situation`) is kept for the words.
The device clock is passed in; nothing here reads the wall clock. Never raises.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from authtui.core.model import ClockBasis, Exchange, Token
from authtui.core.options import Options
from authtui.core.timefmt import parse_http_date, parse_time_option, relative, since, utc

FRESH = 300.0
"""A ``Date`` within 5 minutes of the device clock is a fresh paste."""
OLD = 3600.0
"""A ``Date`` from 1 hour behind the device clock, uncontradicted, is an old capture."""
NUMERIC_DATE_LIMIT = 1e11
"""A NumericDate beyond this (year 5138) is not seconds (milliseconds or finer)."""
MAX_AGE = 2**31
"""The largest ``Age`` taken as is (RFC 9111 §1.2.2: larger values mean 2^31)."""
_AGE_DIGITS = 10


class Situation(StrEnum):
    """What the rule concluded about the paste's time and the server's clock."""

    GIVEN = "given"
    """A time was given: the rule did not run."""
    HAR = "har"
    """A HAR entry records when the request was sent."""
    NO_TIME = "no-time"
    """Nothing in the paste says when the request happened."""
    FRESH = "fresh"
    """The response's time is within 5 minutes of the device clock."""
    SERVER_AHEAD = "server-ahead"
    """The response's time is ahead of the device clock by more than 5 minutes."""
    SERVER_BEHIND = "server-behind"
    """Behind by more than 5 minutes, and the token was issued after it."""
    OLD_CAPTURE = "old-capture"
    """Behind by 1 hour or more, uncontradicted: an old capture (or a clock off)."""
    RECENT = "recent"
    """Behind by 5 minutes to 1 hour, uncontradicted: a clock off (or an old paste)."""


AMBIGUOUS = frozenset({Situation.OLD_CAPTURE, Situation.RECENT})
"""Situations where both readings (an old paste, a wrong server clock) stay possible."""


@dataclass(frozen=True, slots=True)
class Moment:
    """A time read from the paste, with where it came from."""

    at: float
    """Epoch seconds."""
    source: str
    """``startedDateTime``, ``Date`` or ``Date + Age``."""
    evidence: str
    """The field(s) as written: ``Date: Mon, 15 Sep 2025 16:45:00 GMT; Age: 120``."""

    @property
    def words(self) -> str:
        """Where the time comes from, in words (``the response's Date``)."""
        return _SOURCE_WORDS.get(self.source, self.source)


_SOURCE_WORDS = {
    "startedDateTime": "the HAR entry's startedDateTime",
    "Date": "the response's Date",
    "Date + Age": "the response's Date plus its Age",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """The evaluation clock of one diagnosis, and why."""

    basis: ClockBasis
    now: float
    """The evaluation time (epoch seconds)."""
    device: float
    """The device clock the paste was compared with."""
    skew: float
    situation: Situation
    """The rule's conclusion, whatever reading was asked for."""
    asked: str = "auto"
    """What the user asked: ``given``, ``auto``, ``capture`` or ``device``."""
    captured: Moment | None = None
    """The request's own time: ``startedDateTime``, else ``Date`` plus ``Age``."""
    server: Moment | None = None
    """The server's clock when it answered (``Date`` plus ``Age``)."""
    started: float | None = None
    """A HAR entry's ``startedDateTime`` (the client's clock)."""
    issued: tuple[str, float] | None = None
    """The token's latest of ``iat``/``nbf`` (name, seconds), when usable."""

    @classmethod
    def fixed(cls, now: float, server_now: float | None, skew: float) -> Reading:
        """A reading at a time given, for callers that build a context by hand."""
        server = None if server_now is None else Moment(server_now, "Date", "")
        return cls(ClockBasis.GIVEN, now, now, skew, Situation.GIVEN, "given", None, server)

    @property
    def captured_at(self) -> float | None:
        """The paste's own time, or ``None`` (contract: ``clock.captured_at``)."""
        return None if self.captured is None else self.captured.at

    @property
    def server_now(self) -> float | None:
        """The server's clock when it answered, or ``None``."""
        return None if self.server is None else self.server.at

    @property
    def ambiguous(self) -> bool:
        """True when an old paste and a wrong server clock both fit the paste."""
        return self.situation in AMBIGUOUS

    @property
    def reference(self) -> tuple[float, str]:
        """The clock the server's is compared with, and its name in words: the
        client's (a HAR), the time given, else the device clock."""
        if self.basis is ClockBasis.GIVEN:
            return self.now, "the evaluation clock"
        if self.started is not None:
            return self.started, "the client's clock (startedDateTime)"
        return self.device, "the device clock"

    @property
    def server_offset(self) -> float | None:
        """How far the server's clock is ahead (positive) of :attr:`reference`."""
        if self.server is None:
            return None
        return self.server.at - self.reference[0]

    @property
    def server_clock_due(self) -> bool:
        """Whether ``time.server_clock`` fires for this reading (contract: Clock)."""
        offset = self.server_offset
        if offset is None or not math.isfinite(offset):
            return False
        beyond = abs(offset) > self.skew
        if self.basis is ClockBasis.GIVEN or self.started is not None:
            return beyond
        if self.basis is ClockBasis.CAPTURE:
            return False  # the response's own time is the evaluation clock
        return beyond or self.situation is not Situation.FRESH

    @property
    def capture_far(self) -> bool:
        """Judged at the capture time, and that is far (over 5 min) from the device clock."""
        return self.basis is ClockBasis.CAPTURE and abs(self.device - self.now) > FRESH


def numeric_date(claims: object, name: str) -> float | None:
    """A claim as usable NumericDate seconds (a finite number, not milliseconds), or ``None``."""
    if not isinstance(claims, dict):
        return None
    value: Any = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = float(value)
    except OverflowError:
        return None
    if not math.isfinite(seconds) or abs(seconds) > NUMERIC_DATE_LIMIT:
        return None
    return seconds


def _age(exchange: Exchange) -> tuple[float, str] | None:
    ages = exchange.response_header("Age")
    if not ages:
        return None
    text = ages[0].strip()
    if not text or len(text) > _AGE_DIGITS or not text.isascii() or not text.isdigit():
        return None
    return float(min(int(text), MAX_AGE)), text


def server_moment(exchange: Exchange) -> Moment | None:
    """The server's clock when it answered: the first ``Date`` plus ``Age``."""
    dates = exchange.response_header("Date")
    date = parse_http_date(dates[0]) if dates else None
    if date is None:
        return None
    shown = f"Date: {dates[0].strip()}"
    age = _age(exchange)
    if age is None or age[0] == 0:
        return Moment(date, "Date", shown)
    return Moment(date + age[0], "Date + Age", f"{shown}; Age: {age[1]}")


def started_moment(exchange: Exchange) -> Moment | None:
    """A HAR entry's ``startedDateTime``, when it reads as a time."""
    if not exchange.started:
        return None
    at = parse_time_option(exchange.started)
    if at is None:
        return None
    return Moment(at, "startedDateTime", f"startedDateTime: {exchange.started.strip()}")


def _issued(token: Token | None) -> tuple[str, float] | None:
    claims = token.claims if token is not None else None
    found = [(n, s) for n in ("iat", "nbf") if (s := numeric_date(claims, n)) is not None]
    return max(found, key=lambda item: item[1]) if found else None


def situation_of(
    started: Moment | None,
    server: Moment | None,
    device: float,
    issued: tuple[str, float] | None,
    skew: float,
) -> Situation:
    """The contract's rule, on the numbers alone (see the module docstring)."""
    if started is not None:
        return Situation.HAR
    if server is None or not math.isfinite(server.at):
        return Situation.NO_TIME
    gap = server.at - device
    if abs(gap) <= FRESH:
        return Situation.FRESH
    if gap > FRESH:
        return Situation.SERVER_AHEAD
    if issued is not None and issued[1] > server.at + skew:
        return Situation.SERVER_BEHIND
    if -gap >= OLD:
        return Situation.OLD_CAPTURE
    return Situation.RECENT


def decide(exchange: Exchange, token: Token | None, options: Options, device: float) -> Reading:
    """The evaluation clock for one exchange and token, by the options and the rule."""
    skew = float(options.skew)
    started = started_moment(exchange)
    server = server_moment(exchange)
    issued = _issued(token)
    captured = started or server
    situation = situation_of(started, server, device, issued, skew)
    asked: str = options.reading
    if options.now is not None:
        basis, now, asked = ClockBasis.GIVEN, float(options.now), "given"
    elif options.reading == "device" or captured is None:
        basis, now = ClockBasis.DEVICE, device
    elif options.reading == "capture" or situation in (Situation.HAR, Situation.OLD_CAPTURE):
        basis, now = ClockBasis.CAPTURE, captured.at
    else:
        basis, now = ClockBasis.DEVICE, device
    return Reading(
        basis,
        now,
        device,
        skew,
        situation,
        asked,
        captured=captured,
        server=server,
        started=None if started is None else started.at,
        issued=issued,
    )


# ------------------------------------------------------------------ in words

_STATE_NOW = {
    "valid": "is valid",
    "expired": "has expired",
    "early": "is not yet valid",
}
_STATE_ALSO_NOW = {
    "valid": "is valid too",
    "expired": "has also expired",
    "early": "is not yet valid either",
}
_STATE_THEN = {
    "valid": "was still valid",
    "expired": "had already expired",
    "early": "was not yet valid",
}
_STATE_ALSO_THEN = {
    "valid": "was valid too",
    "expired": "had also expired",
    "early": "was not yet valid either",
}


def token_state(claims: object, at: float, skew: float) -> str:
    """``expired``, ``early`` (nbf or iat ahead), ``valid``, or ``""`` without exp/nbf/iat;
    PyJWT's boundaries (``exp <= at - skew``; ``nbf``, ``iat > at + skew``)."""
    exp = numeric_date(claims, "exp")
    starts = [s for n in ("nbf", "iat") if (s := numeric_date(claims, n)) is not None]
    if exp is None and not starts:
        return ""
    if exp is not None and exp <= at - skew:
        return "expired"
    if any(start > at + skew for start in starts):
        return "early"
    return "valid"


def other_reading(reading: Reading, token: Token | None) -> str:
    """What the other reading makes of the token, in words (``""`` when nothing):
    the device clock for a capture-time reading, the capture time for a device one."""
    claims = token.claims if token is not None else None
    here = token_state(claims, reading.now, reading.skew)
    if not here or reading.basis is ClockBasis.GIVEN:
        return ""
    if reading.basis is ClockBasis.CAPTURE:
        there = token_state(claims, reading.device, reading.skew)
        if there == here:
            return f"by the device clock the token {_STATE_ALSO_NOW[there]}"
        tail = " since, which says nothing about this request" if there == "expired" else ""
        return f"by the device clock the token {_STATE_NOW[there]}{tail}"
    captured = reading.captured
    if captured is None or not (reading.ambiguous or reading.started is not None):
        return ""
    there = token_state(claims, captured.at, reading.skew)
    when = f"at the capture time ({since(captured.at, reading.device)})"
    words = _STATE_ALSO_THEN if there == here else _STATE_THEN
    return f"{when} the token {words[there]}"


def evaluated_at(reading: Reading) -> str:
    """The evaluation clock's name: ``the capture time``, ``the device clock``..."""
    if reading.basis is ClockBasis.CAPTURE:
        return "the capture time"
    if reading.basis is ClockBasis.GIVEN:
        return "the time given"
    return "the device clock"


def _device_reason(reading: Reading) -> str:
    captured, offset = reading.captured, reading.server_offset
    if reading.asked == "capture" and captured is None:
        return " (asked for the capture time, but the paste carries no time of its own)"
    if captured is None:
        return " (the paste carries no time of its own)"
    if reading.situation is Situation.FRESH:
        return " (the paste is fresh)"
    gap = relative(offset) if offset is not None else ""
    if reading.situation is Situation.SERVER_AHEAD:
        return f"; the server's clock is {gap} ahead"
    if reading.situation is Situation.SERVER_BEHIND:
        return f"; the server's clock is {gap} behind (the token was issued after its Date)"
    if reading.ambiguous:
        return f"; the paste may simply be {relative(reading.device - captured.at)} old"
    return ""


def summary(reading: Reading, token: Token | None) -> str:
    """Which clock judged, and what the other reading would change, in one sentence
    without a capital or a full stop (``judged at the capture time, 2 days ago ...``)."""
    other = other_reading(reading, token)
    if reading.basis is ClockBasis.GIVEN:
        head = f"judged at the time given, {utc(round(reading.now))}"
        if abs(reading.now - reading.device) >= 1:
            head += f" ({since(reading.now, reading.device)})"
    elif reading.basis is ClockBasis.CAPTURE and reading.captured is not None:
        ago = since(reading.now, reading.device)
        head = f"judged at the capture time, {ago} ({reading.captured.words})"
        if ago == "now":
            head = f"judged at the capture time ({reading.captured.words})"
    else:
        head = "judged by the device clock" + _device_reason(reading)
    return f"{head}; {other}" if other else head
