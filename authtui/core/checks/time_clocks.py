"""Checks: the clocks themselves (contract: Clock).

Which clock judges is decided once, in :mod:`authtui.core.clock`; these checks
say what that decision means for the token and what the other reading would
change: ``time.server_clock`` (the server's clock differs from the reference
clock, or may), ``time.capture_time`` (judged at the paste's own time, far from
the device clock) and ``time.no_capture_time`` (the capture time was asked for,
and the paste has none).
"""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core import sources
from authtui.core.checks.time_stamps import TIME_CLAIMS, Stamp, stamps, usable_times, when
from authtui.core.clock import Moment, Reading, Situation, other_reading
from authtui.core.context import Context
from authtui.core.controls import control, set_to
from authtui.core.model import ClockBasis, Finding, Severity
from authtui.core.timefmt import relative, utc

_DATE_REFS = ("RFC 9110 §6.6.1", "RFC 7519 §4.1.4")
_AGE_REF = "RFC 9111 §5.1"


def failures(times: dict[str, float], now: float, skew: float) -> dict[str, str]:
    """What is wrong with the token's times at ``now``: the failing claim and its words
    (PyJWT's boundaries), in claim order."""
    failed: dict[str, str] = {}
    if "exp" in times and times["exp"] <= now - skew:
        failed["exp"] = f"had expired {relative(now - times['exp'])} earlier"
    if "nbf" in times and times["nbf"] > now + skew:
        failed["nbf"] = f"was not yet valid (nbf {relative(times['nbf'] - now)} later)"
    if "iat" in times and times["iat"] > now + skew:
        failed["iat"] = f"was issued {relative(times['iat'] - now)} in its future"
    return failed


def _words(failed: dict[str, str]) -> str:
    return " and ".join(failed.values())


def check_server_clock(ctx: Context) -> Iterator[Finding]:
    """``time.server_clock``: the server's clock (``Date`` plus ``Age``) is off the
    reference clock by more than the skew, or may be (a paste under an hour old);
    what the server's clock makes of the token's times."""
    reading = ctx.clock
    if reading.server_now is None or not reading.server_clock_due:
        return
    found = stamps(ctx)
    if reading.ambiguous and reading.basis is ClockBasis.DEVICE:
        yield _maybe_old_paste(ctx, reading, found)
    else:
        yield _clock_off(ctx, reading, found)


def check_capture_time(ctx: Context) -> Iterator[Finding]:
    """``time.capture_time`` (info): judged at the capture time, far from the device
    clock; ``time.no_capture_time`` (info): asked for, but the paste has no time."""
    reading = ctx.clock
    if reading.capture_far and reading.captured is not None:
        yield _capture_time(ctx, reading, reading.captured)
    elif reading.asked == "capture" and reading.captured is None:
        yield _no_capture_time(ctx)


CHECKS = (check_server_clock, check_capture_time)


# ------------------------------------------------------------ time.server_clock


def _server_evidence(ctx: Context, reading: Reading, found: dict[str, Stamp]) -> str:
    server = reading.server_now or 0.0
    reference, name = reading.reference
    times = usable_times(found)
    dates = ctx.exchange.response_header("Date")
    shown = reading.server.evidence if reading.server and reading.server.evidence else ""
    shown = shown or (f"Date: {dates[0]}" if dates else "server clock")
    parts = [f"{shown} ({utc(server)})", f"{name.removeprefix('the ')} {utc(round(reference))}"]
    if ctx.now != reference:
        parts.append(f"evaluation clock {utc(ctx.now)}")
    parts += [
        f"{when(n, found[n].raw, times[n], server)}, by the server's clock"
        for n in TIME_CLAIMS
        if n in times
    ]
    return "; ".join(parts)


def _why_clock(reading: Reading) -> str:
    """Why the difference is the server's clock and not the paste's age."""
    if reading.basis is ClockBasis.GIVEN:
        return "Either the paste comes from another time, or one of the clocks is off."
    if reading.started is not None:
        return (
            "The HAR entry records when the client sent the request (startedDateTime): the"
            " difference is between the client's clock and the server's, not the paste's age."
        )
    if reading.situation is Situation.SERVER_AHEAD:
        return (
            "A Date ahead of the device clock cannot come from an old paste: the server's"
            " clock runs ahead."
        )
    if reading.situation is Situation.SERVER_BEHIND and reading.issued and reading.server:
        name, issued = reading.issued
        return (
            f"The token was issued ({name} {utc(issued)}) {relative(issued - reading.server.at)}"
            " after that Date, so the request is not that old: the server's clock is behind."
        )
    return (
        "The paste is fresh (its Date is within 5 minutes of the device clock): this is the"
        " server's clock, not the paste's age."
    )


def _clock_off(ctx: Context, reading: Reading, found: dict[str, Stamp]) -> Finding:
    server = reading.server_now or 0.0
    reference, name = reading.reference
    gap = relative(server - reference)
    side = "ahead of" if server > reference else "behind"
    times = usable_times(found)
    at_server = failures(times, server, ctx.skew)
    at_reference = failures(times, reference, ctx.skew)
    clocks = f"The server's clock (Date) is {gap} {side} {name}"
    # The server judged the token by its own clock: a failure by that clock that the
    # reference clock does not share is what the server refused it for.
    if not times:
        severity, title = Severity.INFO, clocks
    elif set(at_server) - set(at_reference):
        severity = Severity.ERROR
        title = f"By the server's clock (Date), the token {_words(at_server)}"
    elif at_reference and not at_server:
        other = "behind" if server > reference else "ahead"
        severity = Severity.WARNING
        title = f"By the server's clock (Date), the token was still valid; {name} is {gap} {other}"
    elif at_server:
        severity, title = Severity.WARNING, f"{clocks}; by it too, the token {_words(at_server)}"
    else:
        severity, title = Severity.WARNING, f"{clocks}; by both, the token's times are fine"
    capture = set_to("now", "capture", ctx.front)
    if reading.basis is ClockBasis.GIVEN:
        fix = (
            f"If the paste is old, judge it at its own time ({capture});"
            " otherwise check clock sync (NTP) on the server and the issuer."
        )
    elif reading.started is not None:
        fix = "Check clock sync (NTP) on the client machine and on the server."
    else:
        fix = (
            "Check clock sync (NTP) on the server and the issuer: the server judges exp, nbf"
            " and iat by its own clock."
        )
    return Finding(
        code="time.server_clock",
        severity=severity,
        title=title,
        detail=(
            f"The response's Date (the server's clock when it answered) is {gap} {side} {name},"
            f" more than the {ctx.skew:g} s allowance. {_why_clock(reading)}"
        ),
        evidence=_server_evidence(ctx, reading, found),
        fix=fix,
        refs=_refs(reading),
        source=sources.field(ctx.exchange, "Date"),
    )


def _maybe_old_paste(ctx: Context, reading: Reading, found: dict[str, Stamp]) -> Finding:
    """A Date 5 minutes to 1 hour behind (or older, judged by the device clock on
    request): the server's clock may be behind, or the paste simply that old."""
    server = reading.server_now or 0.0
    age = relative(reading.device - server)
    times = usable_times(found)
    at_capture = failures(times, server, ctx.skew)
    at_device = failures(times, reading.device, ctx.skew)
    both = (
        f"The response's Date is {age} behind the device clock: an old paste, or a server"
        " clock behind"
    )
    # No iat or nbf lies after the Date (else the rule had found the server's clock
    # behind), so what fails at the capture time fails by the device clock too.
    if not times:
        severity, title = Severity.INFO, both
    elif at_device and not at_capture:
        severity = Severity.WARNING
        title = (
            f"At the capture time ({age} ago) the token was still valid: if the paste is that"
            " old, its times did not refuse it"
        )
    elif at_capture:
        severity, title = Severity.INFO, f"{both}; by both, the token {_words(at_capture)}"
    else:
        severity, title = Severity.INFO, f"{both}; by both, the token's times are fine"
    why = (
        "Judged by the device clock, as asked."
        if reading.asked == "device"
        else "Under an hour behind, it is judged by the device clock."
    )
    other = other_reading(reading, ctx.token)
    return Finding(
        code="time.server_clock",
        severity=severity,
        title=title,
        detail=(
            f"The response's Date (the server's clock when it answered) is {age} behind the"
            " device clock and nothing in the token contradicts it (no iat or nbf after that"
            f" Date): either the paste is {age} old, or the server's clock is behind. {why}"
            + (f" {_sentence(other)}" if other else "")
        ),
        evidence=_server_evidence(ctx, reading, found),
        fix=(
            "If the paste is that old, judge it at its own time"
            f" ({set_to('now', 'capture', ctx.front)});"
            " if it is fresh, check clock sync (NTP) on the server."
        ),
        refs=_refs(reading),
        source=sources.field(ctx.exchange, "Date"),
    )


def _refs(reading: Reading) -> tuple[str, ...]:
    source = reading.server.source if reading.server else ""
    return (*_DATE_REFS, _AGE_REF) if source == "Date + Age" else _DATE_REFS


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + "."


# ----------------------------------------------------------- time.capture_time


def _why_capture(ctx: Context, reading: Reading) -> str:
    age = relative(reading.device - reading.now)
    if reading.asked == "capture":
        asked = f"Asked for ({set_to('now', 'capture', ctx.front)})."
        if reading.situation is Situation.SERVER_AHEAD:
            return f"{asked} Without it the device clock would judge: the Date is ahead of it."
        if reading.situation is Situation.SERVER_BEHIND:
            return (
                f"{asked} Without it the device clock would judge: the token was issued after"
                " that Date, so the server's clock looks behind."
            )
        if reading.situation is Situation.RECENT:
            return (
                f"{asked} Without it the device clock would judge (the Date is under an hour"
                " behind)."
            )
        return asked
    if reading.started is not None:
        return (
            "The HAR entry records when the client sent the request (startedDateTime): the"
            " token's times are judged at that moment, not by the device clock."
        )
    return (
        f"The response's Date is {age} behind the device clock and the token does not"
        " contradict it (no iat or nbf after that Date), so this is read as an old capture"
        " rather than a server clock off by as much: the token's times are judged at the"
        " moment of the request."
    )


def _capture_time(ctx: Context, reading: Reading, captured: Moment) -> Finding:
    age = reading.device - reading.now
    ago = f"{relative(age)} ago" if age > 0 else f"{relative(age)} ahead of the device clock"
    other = other_reading(reading, ctx.token)
    refs: tuple[str, ...] = ("RFC 9110 §6.6.1",) if captured.source != "startedDateTime" else ()
    if captured.source == "Date + Age":
        refs += (_AGE_REF,)
    return Finding(
        code="time.capture_time",
        severity=Severity.INFO,
        title=f"Judged at the capture time, {ago} ({captured.words})",
        detail=_why_capture(ctx, reading) + (f" {_sentence(other)}" if other else ""),
        evidence=(
            f"{captured.evidence} ({utc(captured.at)}); device clock {utc(round(reading.device))}"
        ),
        fix=f"To judge by the device clock instead: {set_to('now', 'device', ctx.front)}.",
        refs=refs,
        # A HAR's startedDateTime is kept without its place; a Date is a header line.
        source=sources.field(ctx.exchange, "Date")
        if captured.source != "startedDateTime"
        else None,
    )


def _no_capture_time(ctx: Context) -> Finding:
    dates = ctx.exchange.response_header("Date")
    evidence = "no HAR startedDateTime; " + (
        f"Date: {dates[0][:80]} (not an HTTP-date)" if dates else "no Date header in the response"
    )
    return Finding(
        code="time.no_capture_time",
        severity=Severity.INFO,
        title="The paste carries no time of its own: judged by the device clock",
        detail=(
            f"The capture time was asked for ({set_to('now', 'capture', ctx.front)}), but nothing"
            " in the paste says when the request happened: no HAR startedDateTime and no"
            " readable Date in the response. The device clock judges instead."
        ),
        evidence=evidence,
        fix=(
            f"Give the time of the request in {control('now', ctx.front)} (epoch seconds,"
            " RFC 3339 or the response's Date as written), or paste the response's headers."
        ),
        refs=("RFC 9110 §6.6.1",),
        source=sources.field(ctx.exchange, "Date"),
    )
