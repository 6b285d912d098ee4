"""Checks: the token's time claims (``exp``, ``nbf``, ``iat``) and the clocks.

Boundaries mirror PyJWT exactly, with ``now`` passed in: expired when
``exp <= now - skew``; not yet valid when ``nbf > now + skew``; issued in the
future when ``iat > now + skew``. Every finding is collected; none stops the rest.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding, Severity
from authtui.core.timefmt import local, parse_time_option, relative, since, utc

TIME_CLAIMS = ("exp", "nbf", "iat")
SOON = 300.0
"""A valid token expiring within this many seconds gets ``time.expiring_soon``."""
LONG_LIFETIME = 86400.0
"""An access token living longer than this gets ``time.lifetime_long``."""
GITHUB_APP_MAX = 600.0
"""GitHub refuses App JWTs whose ``exp`` is more than 10 minutes ahead."""
PLAUSIBLE = 1e11
"""Seconds beyond this (year 5138) are taken for milliseconds or finer."""
_FINER = ((1e3, "milliseconds"), (1e6, "microseconds"), (1e9, "nanoseconds"))
_FIX_NUMBER = "Have the issuer write {name} as a JSON number of seconds since 1970-01-01T00:00:00Z."
_SKEW_STACKS = "PyJWT allows 0 s by default, Spring Security 60 s, ASP.NET Core 5 min"
_EVAL_PROBLEMS = frozenset(
    {
        "time.expired",
        "time.expired_within_skew",
        "time.not_yet_valid",
        "time.nbf_within_skew",
        "time.iat_future",
        "time.milliseconds",
        "time.bad_type",
        "time.window_invalid",
        "time.no_exp",
    }
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """One time claim as read from the token."""

    name: str
    raw: Any
    """The JSON value exactly as in the claims."""
    seconds: float | None
    """Usable NumericDate in seconds; ``None`` when the value is unusable."""
    problem: str = ""
    """``bad_type`` or ``milliseconds`` when unusable."""
    what: str = ""
    """What the value is, in words, when it is unusable."""
    scaled: float | None = None
    """For ``milliseconds``: the value converted to seconds."""


def show(value: Any) -> str:
    """A claim value as it was written (JSON-like), shortened when huge."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int) and value.bit_length() > 200:
        return f"<an integer of about {int(value.bit_length() * 0.30103)} digits>"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return f'"{text}"'
    text = repr(value) if isinstance(value, float) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(raw: Any) -> str:
    if isinstance(raw, bool):
        return "a boolean"
    if raw is None:
        return "null"
    if isinstance(raw, list):
        return "an array"
    if isinstance(raw, dict):
        return "an object"
    if isinstance(raw, str):
        stripped = raw.strip()
        if parse_time_option(stripped) is not None and not _is_numeric_text(stripped):
            return f"a date string (it means {utc(parse_time_option(stripped) or 0.0)})"
        if _is_numeric_text(stripped):
            return "a string holding a number"
        return "a string"
    return f"a {type(raw).__name__}"


def _is_numeric_text(text: str) -> bool:
    if not text or len(text) > 40:
        return False
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def read_stamp(name: str, raw: Any) -> Stamp:
    """Classify one NumericDate value (RFC 7519 §2): usable, milliseconds, or bad."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return Stamp(name, raw, None, "bad_type", _kind_of(raw))
    if isinstance(raw, float) and not math.isfinite(raw):
        return Stamp(name, raw, None, "bad_type", "not a finite number")
    if raw < -PLAUSIBLE or raw > PLAUSIBLE * _FINER[-1][0]:
        return Stamp(name, raw, None, "bad_type", "an absurd number no clock can mean")
    if raw > PLAUSIBLE:
        for factor, unit in _FINER:
            if raw <= PLAUSIBLE * factor:
                return Stamp(name, raw, None, "milliseconds", unit, float(raw) / factor)
    return Stamp(name, raw, float(raw))


def stamps(ctx: Context) -> dict[str, Stamp]:
    """The time claims present in the token under diagnosis, by name."""
    claims = ctx.token.claims if ctx.token is not None else None
    if not isinstance(claims, dict):
        return {}
    return {name: read_stamp(name, claims[name]) for name in TIME_CLAIMS if name in claims}


def _usable(found: dict[str, Stamp]) -> dict[str, float]:
    return {n: s.seconds for n, s in found.items() if s.seconds is not None}


def when(name: str, raw: Any, ts: float, now: float) -> str:
    """``exp=1700000000 (2023-11-14T22:13:20Z, <local>, 14 min ago)``."""
    return f"{name}={show(raw)} ({utc(ts)}, {local(ts)}, {since(ts, now)})"


def _stamp_evidence(ctx: Context, stamp: Stamp, ts: float) -> str:
    return f"{when(stamp.name, stamp.raw, ts, ctx.now)} in the token; evaluated at {utc(ctx.now)}"


def check_types(ctx: Context) -> Iterator[Finding]:
    """``time.bad_type`` and ``time.milliseconds``: NumericDates no validator can use."""
    for stamp in stamps(ctx).values():
        if stamp.problem == "bad_type":
            yield _bad_type(stamp)
        elif stamp.problem == "milliseconds" and stamp.scaled is not None:
            yield _milliseconds(ctx, stamp, stamp.scaled)


def _bad_type(stamp: Stamp) -> Finding:
    lenient = ""
    if stamp.what.startswith("a string holding a number"):
        lenient = (
            " PyJWT happens to accept it (it converts with int()), while stricter libraries"
            " such as jose and Nimbus (Spring Security) reject it."
        )
    return Finding(
        code="time.bad_type",
        severity=Severity.ERROR,
        title=f"The {stamp.name} claim is {stamp.what}, not a NumericDate (a JSON number)",
        detail=(
            f"{stamp.name} must be a JSON number of seconds since the epoch (RFC 7519 §2);"
            f" validators reject the token or cannot judge its lifetime.{lenient}"
        ),
        evidence=f"{stamp.name}={show(stamp.raw)} in the token's claims",
        fix=_FIX_NUMBER.format(name=stamp.name) + f" For example {stamp.name}=1700000000.",
        refs=("RFC 7519 §2", _REFS[stamp.name]),
    )


_REFS = {"exp": "RFC 7519 §4.1.4", "nbf": "RFC 7519 §4.1.5", "iat": "RFC 7519 §4.1.6"}
_AS_SECONDS = {
    "exp": "a validator reading it as seconds sees an expiry thousands of years away",
    "nbf": "a validator reading it as seconds finds the token not valid for thousands of years",
    "iat": "a validator reading it as seconds finds it issued thousands of years in the future",
}


def _milliseconds(ctx: Context, stamp: Stamp, scaled: float) -> Finding:
    return Finding(
        code="time.milliseconds",
        severity=Severity.ERROR,
        title=f"The {stamp.name} claim is in {stamp.what}, not seconds",
        detail=(
            f"A NumericDate counts seconds (RFC 7519 §2); {_AS_SECONDS[stamp.name]}."
            f" In seconds it would be {scaled:.0f}: {utc(scaled)} ({since(scaled, ctx.now)})."
        ),
        evidence=(
            f"{stamp.name}={show(stamp.raw)} in the token's claims; in seconds"
            f" {scaled:.0f} = {utc(scaled)}"
        ),
        fix=(
            f"Fix the issuer to write seconds ({stamp.name}={scaled:.0f}); in JavaScript use"
            " Math.floor(Date.now() / 1000), not Date.now()."
        ),
        refs=("RFC 7519 §2", _REFS[stamp.name]),
    )


def check_exp(ctx: Context) -> Iterator[Finding]:
    """``time.expired``, ``time.expired_within_skew``, ``time.expiring_soon``, ``time.no_exp``."""
    found = stamps(ctx)
    if ctx.token is None or not isinstance(ctx.token.claims, dict):
        return
    if "exp" not in found:
        yield _no_exp(ctx)
        return
    stamp = found["exp"]
    exp = stamp.seconds
    if exp is None:
        return
    if exp <= ctx.now - ctx.skew:
        yield _expired(ctx, stamp, exp)
    elif exp <= ctx.now:
        yield _expired_within_skew(ctx, stamp, exp)
    elif exp - ctx.now <= SOON and not _fails_elsewhere(ctx, found):
        yield _expiring_soon(ctx, stamp, exp)


def _fails_elsewhere(ctx: Context, found: dict[str, Stamp]) -> bool:
    times = _usable(found)
    return times.get("nbf", -math.inf) > ctx.now + ctx.skew


def _no_exp(ctx: Context) -> Finding:
    claims = ctx.token.claims if ctx.token is not None else None
    shown = ", ".join(sorted(claims)) if isinstance(claims, dict) else ""
    return Finding(
        code="time.no_exp",
        severity=Severity.WARNING,
        title="The token has no exp claim: it never expires",
        detail=(
            "RFC 9068 requires exp in JWT access tokens, and many validators refuse a token"
            " without one (Microsoft.IdentityModel by default; PyJWT with require=['exp'])."
            " A token that never expires also stays usable forever once leaked."
        ),
        evidence=f"claims present: {shown or '(none)'}",
        fix="Have the issuer set exp (access tokens usually live minutes to an hour).",
        refs=("RFC 9068 §2.2", "RFC 7519 §4.1.4"),
    )


def _expired(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    return Finding(
        code="time.expired",
        severity=Severity.ERROR,
        title=f"The token expired {relative(ctx.now - exp)} before the evaluation time",
        detail=(
            f"The current time must be before exp (RFC 7519 §4.1.4); even with {ctx.skew:g} s"
            " of clock-skew allowance it is past, so a correct server answers 401"
            " invalid_token."
        ),
        evidence=_stamp_evidence(ctx, stamp, exp),
        fix=(
            "Get a fresh token (refresh or sign in again) and have the client renew before exp."
            " If the paste is old, evaluate at the time of the request with --now."
        ),
        refs=("RFC 7519 §4.1.4", "RFC 6750 §3.1"),
    )


def _expired_within_skew(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    return Finding(
        code="time.expired_within_skew",
        severity=Severity.WARNING,
        title=(
            f"The token expired {relative(ctx.now - exp)} ago: accepted only thanks to the"
            f" {ctx.skew:g} s skew allowance"
        ),
        detail=(
            f"exp is past, but within the clock-skew allowance. Stacks differ: {_SKEW_STACKS};"
            " a stricter server rejects this token as expired."
        ),
        evidence=_stamp_evidence(ctx, stamp, exp),
        fix="Renew the token before exp (a minute early) instead of relying on leeway.",
        refs=("RFC 7519 §4.1.4",),
    )


def _expiring_soon(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    return Finding(
        code="time.expiring_soon",
        severity=Severity.INFO,
        title=f"The token is valid but expires in {relative(exp - ctx.now)}",
        detail="A slow request, a queued job or a retry may reach the server after exp.",
        evidence=_stamp_evidence(ctx, stamp, exp),
        fix="Refresh the token shortly before use when it is this close to exp.",
        refs=("RFC 7519 §4.1.4",),
    )


def check_nbf(ctx: Context) -> Iterator[Finding]:
    """``time.not_yet_valid`` and ``time.nbf_within_skew``."""
    stamp = stamps(ctx).get("nbf")
    if stamp is None or stamp.seconds is None:
        return
    nbf = stamp.seconds
    if nbf > ctx.now + ctx.skew:
        yield Finding(
            code="time.not_yet_valid",
            severity=Severity.ERROR,
            title=f"The token is not valid until {relative(nbf - ctx.now)} after evaluation time",
            detail=(
                f"nbf is later than the evaluation time plus {ctx.skew:g} s of skew allowance"
                " (RFC 7519 §4.1.5). Usually the issuer's clock runs ahead of the server's."
            ),
            evidence=_stamp_evidence(ctx, stamp, nbf),
            fix="Check clock sync (NTP) on the issuer and the API host, or wait until nbf.",
            refs=("RFC 7519 §4.1.5",),
        )
    elif nbf > ctx.now:
        yield Finding(
            code="time.nbf_within_skew",
            severity=Severity.WARNING,
            title=f"The token becomes valid only in {relative(nbf - ctx.now)}: inside the skew",
            detail=(
                "It passes only thanks to the clock-skew allowance; a stricter server"
                f" rejects it as not yet valid ({_SKEW_STACKS})."
            ),
            evidence=_stamp_evidence(ctx, stamp, nbf),
            fix="Check clock sync (NTP) on the issuer; do not use a token before its nbf.",
            refs=("RFC 7519 §4.1.5",),
        )


def check_iat(ctx: Context) -> Iterator[Finding]:
    """``time.iat_future``: error beyond the skew, warning inside it."""
    stamp = stamps(ctx).get("iat")
    if stamp is None or stamp.seconds is None or stamp.seconds <= ctx.now:
        return
    iat = stamp.seconds
    beyond = iat > ctx.now + ctx.skew
    yield Finding(
        code="time.iat_future",
        severity=Severity.ERROR if beyond else Severity.WARNING,
        title=f"The token was issued {relative(iat - ctx.now)} in the future",
        detail=(
            ("iat is later than the evaluation time plus the skew allowance. " if beyond else "")
            + "Validators that check iat (PyJWT: ImmatureSignatureError) refuse it, and GitHub"
            " rejects App JWTs whose iat is ahead of its clock. The issuer's clock runs ahead."
        ),
        evidence=_stamp_evidence(ctx, stamp, iat),
        fix=(
            "Sync the issuer's clock (NTP). When you mint the JWT yourself (a GitHub App JWT),"
            " backdate iat by 60 s."
        ),
        refs=("RFC 7519 §4.1.6",),
    )


def check_window(ctx: Context) -> Iterator[Finding]:
    """``time.window_invalid`` (nbf or iat at or after exp) and ``time.lifetime_long``."""
    found = stamps(ctx)
    times = _usable(found)
    exp = times.get("exp")
    if exp is None:
        return
    for name in ("nbf", "iat"):
        start = times.get(name)
        if start is not None and start >= exp:
            yield _window_invalid(ctx, found[name], start, found["exp"], exp)
    start = times.get("iat", times.get("nbf"))
    if start is not None and exp - start > _lifetime_limit(ctx):
        yield _lifetime_long(ctx, exp - start)


def _window_invalid(ctx: Context, first: Stamp, start: float, last: Stamp, exp: float) -> Finding:
    return Finding(
        code="time.window_invalid",
        severity=Severity.ERROR,
        title=f"The token's {first.name} is at or after its exp: it is never valid",
        detail=(
            f"A token is valid from nbf (or iat) until exp; here {first.name} is"
            f" {relative(start - exp)} after exp (or equal), so no moment satisfies both."
        ),
        evidence=(
            f"{when(first.name, first.raw, start, ctx.now)}; {when('exp', last.raw, exp, ctx.now)}"
        ),
        fix="Fix the issuer's lifetime settings: exp = iat + lifetime, with a positive lifetime.",
        refs=("RFC 7519 §4.1.4", "RFC 7519 §4.1.5", "RFC 7519 §4.1.6"),
    )


def is_github_app_jwt(claims: dict[str, Any]) -> bool:
    """True for the shape of a GitHub App JWT: only iat/exp/iss, iss an app or client id."""
    iss = claims.get("iss")
    if not set(claims) <= {"iat", "exp", "iss"} or "iss" not in claims:
        return False
    if isinstance(iss, int) and not isinstance(iss, bool):
        return True
    return isinstance(iss, str) and (iss.isdigit() or iss.startswith("Iv"))


def _lifetime_limit(ctx: Context) -> float:
    claims = ctx.token.claims if ctx.token is not None else None
    if isinstance(claims, dict) and is_github_app_jwt(claims):
        return GITHUB_APP_MAX
    return LONG_LIFETIME


def _lifetime_long(ctx: Context, lifetime: float) -> Finding:
    if _lifetime_limit(ctx) == GITHUB_APP_MAX:
        return Finding(
            code="time.lifetime_long",
            severity=Severity.ERROR,
            title=f"This GitHub App JWT lives {relative(lifetime)}: GitHub allows 10 min at most",
            detail=(
                "GitHub refuses App JWTs whose exp is more than 10 minutes ahead"
                " ('Expiration time' claim ('exp') is too far in the future)."
            ),
            evidence=f"exp - iat = {relative(lifetime)} ({lifetime:g} s)",
            fix="Mint the JWT with iat = now - 60 and exp = now + 540 (under 10 minutes).",
            refs=("RFC 7519 §4.1.4",),
        )
    return Finding(
        code="time.lifetime_long",
        severity=Severity.WARNING if lifetime > 7 * LONG_LIFETIME else Severity.INFO,
        title=f"The token lives {relative(lifetime)}: long for an access token",
        detail=(
            "Access tokens usually live minutes to an hour; a long-lived one stays usable long"
            " after a leak. Some servers cap the lifetime they accept."
        ),
        evidence=f"exp - iat = {relative(lifetime)} ({lifetime:g} s)",
        fix="Shorten the access-token lifetime at the issuer and renew with a refresh token.",
        refs=("RFC 9068 §2.2", "RFC 8725 §3.10"),
    )


def check_server_clock(ctx: Context) -> Iterator[Finding]:
    """``time.server_clock``: the response's Date is off the evaluation clock by more
    than the skew; judge the token by the server's clock too."""
    server = ctx.server_now
    if server is None or not math.isfinite(server) or abs(server - ctx.now) <= ctx.skew:
        return
    found = stamps(ctx)
    times = _usable(found)
    at_server = _failures(times, server, ctx.skew)
    at_eval = _failures(times, ctx.now, ctx.skew)
    gap = relative(server - ctx.now)
    side = "ahead of" if server > ctx.now else "behind"
    dates = ctx.exchange.response_header("Date")
    claims_seen = [f"{when(n, found[n].raw, times[n], server)}" for n in TIME_CLAIMS if n in times]
    evidence = "; ".join(
        [
            f"Date: {dates[0]} ({utc(server)})" if dates else f"server clock {utc(server)}",
            f"evaluation clock {utc(ctx.now)}",
            *(f"{seen}, by the server's clock" for seen in claims_seen),
        ]
    )
    severity, title = _server_verdict(ctx, times, at_server, at_eval, server)
    yield Finding(
        code="time.server_clock",
        severity=severity,
        title=title,
        detail=(
            f"The response's Date (the server's clock when it answered) is {gap} {side} the"
            f" evaluation clock, more than the {ctx.skew:g} s allowance. Either the paste comes"
            " from another time, or one of the clocks is off."
        ),
        evidence=evidence,
        fix=(
            "If the paste is old, evaluate at the response's time with --now set to its Date;"
            " otherwise check clock sync (NTP) on the server and the issuer."
        ),
        refs=("RFC 9110 §6.6.1", "RFC 7519 §4.1.4"),
    )


def _failures(times: dict[str, float], now: float, skew: float) -> list[str]:
    failed: list[str] = []
    if "exp" in times and times["exp"] <= now - skew:
        failed.append(f"had expired {relative(now - times['exp'])} earlier")
    if "nbf" in times and times["nbf"] > now + skew:
        failed.append(f"was not yet valid (nbf {relative(times['nbf'] - now)} later)")
    if "iat" in times and times["iat"] > now + skew:
        failed.append(f"was issued {relative(times['iat'] - now)} in its future")
    return failed


def _server_verdict(
    ctx: Context,
    times: dict[str, float],
    at_server: list[str],
    at_eval: list[str],
    server: float,
) -> tuple[Severity, str]:
    gap = relative(server - ctx.now)
    side = "ahead of" if server > ctx.now else "behind"
    clocks = f"The server's clock (Date) is {gap} {side} the evaluation clock"
    if not times:
        return Severity.INFO, clocks
    if at_server and not at_eval:
        return Severity.ERROR, f"By the server's clock (Date), the token {' and '.join(at_server)}"
    if at_eval and not at_server:
        return (
            Severity.WARNING,
            f"By the server's clock (Date), the token was still valid; the evaluation clock"
            f" is {gap} {'behind' if server > ctx.now else 'ahead'}",
        )
    if at_server:
        return Severity.WARNING, f"{clocks}; by it too, the token {' and '.join(at_server)}"
    return Severity.WARNING, f"{clocks}; by both, the token's times are fine"


def check_valid(ctx: Context) -> Iterator[Finding]:
    """``time.valid`` (ok): exp present, and nothing wrong with exp, nbf or iat."""
    found = stamps(ctx)
    if "exp" not in found:
        return
    fired = {f.code for check in _EVALUATING for f in check(ctx)}
    if fired & _EVAL_PROBLEMS:
        return
    times = _usable(found)
    start = times.get("nbf", times.get("iat"))
    window = f"from {utc(start)} " if start is not None else ""
    yield Finding(
        code="time.valid",
        severity=Severity.OK,
        title=f"The token's time claims are valid (it expires {since(times['exp'], ctx.now)})",
        detail=(
            f"Valid {window}until {utc(times['exp'])}; the evaluation time {utc(ctx.now)} lies"
            f" inside that window with {ctx.skew:g} s of skew allowance."
        ),
        evidence="; ".join(
            when(n, found[n].raw, times[n], ctx.now) for n in TIME_CLAIMS if n in times
        ),
        fix="Nothing to do for exp, nbf and iat.",
        refs=("RFC 7519 §4.1.4", "RFC 7519 §4.1.5", "RFC 7519 §4.1.6"),
    )


_EVALUATING: tuple[Check, ...] = (check_types, check_exp, check_nbf, check_iat, check_window)

CHECKS: tuple[Check, ...] = (*_EVALUATING, check_server_clock, check_valid)


def all_time_findings(ctx: Context) -> Iterable[Finding]:
    """Every time finding for ``ctx``, in check order (handy for tests and callers)."""
    return [f for check in CHECKS for f in check(ctx)]
