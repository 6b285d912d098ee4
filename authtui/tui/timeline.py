"""The time strip's layout: the token's times, the request, the server's Date and the
device clock on one line, in order, with the skew window around the evaluation time.

Textual-free, so it is tested like the core. The times of an old capture span
minutes (the token's life) and years (the capture's age) at once: no linear
scale shows both, so the strip draws the moments in order and writes each gap's
length on the line between them (``iat ━ 5 min ━ [request=Date ±60 s] ─ 2 d ─ now``).
The token's valid stretch is drawn heavy; the evaluation time is marked and
bracketed by its skew window. It fits the width it is given (80 columns and up
stay readable; narrower, the gap words go first).
"""

from __future__ import annotations

from dataclasses import dataclass

from authtui.core.clock import numeric_date, token_state
from authtui.core.model import Clock, ClockBasis

_YEAR = 365 * 86400
_STEPS = ((_YEAR, "y"), (86400, "d"), (3600, "h"), (60, "min"), (1, "s"))
_SHORT_NAMES = {"request": "req", "judged": "eval"}
SAME = 1.0
"""Moments less than this many seconds apart are drawn as one (``iat=nbf``)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the strip: its text and what it shows (the widget styles it)."""

    text: str
    kind: str
    """``caption`` (which clock judged), ``point``, ``judged-ok``, ``judged-bad``,
    ``valid`` (a line inside the token's lifetime), ``line`` (outside it) or
    ``window`` (the skew brackets)."""


@dataclass(slots=True)
class _Point:
    at: float
    names: list[str]
    judged: bool = False


def short(seconds: float) -> str:
    """A gap in one unit, rounded down: ``45 s``, ``14 min``, ``3 h``, ``2 d``, ``1 y``."""
    span = abs(seconds)
    for size, unit in _STEPS:
        if span >= size:
            return f"{int(span // size)} {unit}"
    return "0 s"


def _skew(skew: float) -> str:
    return f"{skew:g} s" if skew < 600 else short(skew)


def _points(clock: Clock, claims: object) -> list[_Point]:
    found: list[tuple[float, str]] = []
    for name in ("iat", "nbf", "exp"):
        at = numeric_date(claims, name)
        if at is not None:
            found.append((at, name))
    if clock.captured_at is not None:
        found.append((clock.captured_at, "request"))
    if clock.server_now is not None:
        found.append((clock.server_now, "Date"))
    found.append((clock.device if clock.device is not None else clock.now, "now"))
    if all(abs(at - clock.now) >= SAME for at, _ in found):
        found.append((clock.now, "given" if clock.basis is ClockBasis.GIVEN else "judged"))
    points: list[_Point] = []
    for at, name in sorted(found, key=lambda item: item[0]):
        if points and at - points[-1].at < SAME:
            points[-1].names.append(name)
        else:
            points.append(_Point(at, [name]))
    for point in points:
        point.judged = abs(point.at - clock.now) < SAME
    return points


def _valid_span(claims: object) -> tuple[float, float] | None:
    exp = numeric_date(claims, "exp")
    starts = [s for n in ("nbf", "iat") if (s := numeric_date(claims, n)) is not None]
    if exp is None and not starts:
        return None
    return (max(starts) if starts else float("-inf"), exp if exp is not None else float("inf"))


def _layout(points: list[_Point], clock: Clock, claims: object, level: int) -> list[Segment]:
    """The strip at one level of detail: 0 full, 1 compact, 2 without gap words."""
    span = _valid_span(claims)
    state = token_state(claims, clock.now, clock.skew)
    judged_kind = "judged-bad" if state in ("expired", "early") else "judged-ok"
    inside = [abs(p.at - clock.now) <= clock.skew for p in points]
    first = inside.index(True) if True in inside else None
    last = len(inside) - 1 - inside[::-1].index(True) if True in inside else None
    out: list[Segment] = []
    for i, point in enumerate(points):
        if i:
            before = points[i - 1]
            valid = span is not None and span[0] <= before.at and point.at <= span[1]
            bar = "━" if valid else "─"
            gap = short(point.at - before.at)
            text = {0: f" {bar} {gap} {bar} ", 1: f" {bar}{gap}{bar} "}.get(level, f" {bar}{bar} ")
            out.append(Segment(text, "valid" if valid else "line"))
        if i == first:
            out.append(Segment("[", "window"))
        names = point.names if level < 2 else [_SHORT_NAMES.get(n, n) for n in point.names]
        out.append(Segment("=".join(names), judged_kind if point.judged else "point"))
        if i == last:
            out.append(Segment(f" ±{_skew(clock.skew)}]", "window"))
    return out


CAPTIONS = {
    ClockBasis.CAPTURE: "at capture time: ",
    ClockBasis.DEVICE: "by device clock: ",
    ClockBasis.GIVEN: "at time given: ",
}
"""What judged, in front of the strip (left out first when the width is short)."""


def strip(clock: Clock, claims: object, width: int = 80) -> list[Segment]:
    """The strip for a report's clock and the token's claims, at most ``width``
    columns (cut with an ellipsis only when even the barest form is wider).
    Empty when there is nothing to set against the evaluation time."""
    points = _points(clock, claims)
    if len(points) < 2:
        return []
    caption = [Segment(CAPTIONS[clock.basis], "caption")]
    for with_caption, level in ((True, 0), (True, 1), (False, 0), (False, 1), (False, 2)):
        segments = (caption if with_caption else []) + _layout(points, clock, claims, level)
        if sum(len(s.text) for s in segments) <= width:
            return segments
    out: list[Segment] = []
    room = max(width - 1, 0)
    for segment in segments:
        if len(segment.text) > room:
            out.append(Segment(segment.text[:room] + "…", segment.kind))
            break
        out.append(segment)
        room -= len(segment.text)
    return out


def plain(segments: list[Segment]) -> str:
    """The strip as plain text (tests, logs)."""
    return "".join(s.text for s in segments)
