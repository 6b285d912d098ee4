"""The words of every ``time.*`` finding: title, detail, evidence, fix and spec refs.

The checks in :mod:`authtui.core.checks.time` decide which finding fires; these
functions only phrase it from the stamps and the evaluation clock.
"""

from __future__ import annotations

from authtui.core import sources
from authtui.core.checks.time_stamps import (
    GITHUB_APP_MAX,
    LONG_LIFETIME,
    TIME_CLAIMS,
    Stamp,
    lifetime_limit,
    show,
    when,
)
from authtui.core.clock import evaluated_at
from authtui.core.context import Context
from authtui.core.controls import control, set_to
from authtui.core.model import ClockBasis, Finding, Severity
from authtui.core.place import TokenPart
from authtui.core.timefmt import relative, since, utc

_FIX_NUMBER = "Have the issuer write {name} as a JSON number of seconds since 1970-01-01T00:00:00Z."
_SKEW_STACKS = "PyJWT allows 0 s by default, Spring Security 60 s, ASP.NET Core 5 min"
_REFS = {"exp": "RFC 7519 §4.1.4", "nbf": "RFC 7519 §4.1.5", "iat": "RFC 7519 §4.1.6"}
_AS_SECONDS = {
    "exp": "a validator reading it as seconds sees an expiry thousands of years away",
    "nbf": "a validator reading it as seconds finds the token not valid for thousands of years",
    "iat": "a validator reading it as seconds finds it issued thousands of years in the future",
}


def stamp_evidence(ctx: Context, stamp: Stamp, ts: float) -> str:
    """Where and when a claim was read: the claim, the evaluation time and its clock."""
    return (
        f"{when(stamp.name, stamp.raw, ts, ctx.now)} in the token; evaluated at"
        f" {utc(ctx.now)} ({evaluated_at(ctx.clock)})"
    )


def _old_paste_hint(ctx: Context) -> str:
    """How to judge an old paste at its own time, when the device clock judged it."""
    reading = ctx.clock
    if reading.basis is not ClockBasis.DEVICE:
        return ""
    if reading.captured is not None:
        capture = set_to("now", "capture", ctx.front)
        return f" If the paste is old, judge it at its own time: {capture}."
    return (
        " If the paste is old, give the time of the request in"
        f" {control('now', ctx.front)} (epoch seconds, RFC 3339 or the response's Date)."
    )


def bad_type_finding(ctx: Context, stamp: Stamp) -> Finding:
    """``time.bad_type``: the claim is not a JSON number."""
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
        source=sources.claim(ctx.token, stamp.name),
    )


def milliseconds_finding(ctx: Context, stamp: Stamp, scaled: float) -> Finding:
    """``time.milliseconds``: the claim counts milliseconds or finer, not seconds."""
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
        source=sources.claim(ctx.token, stamp.name),
    )


def no_exp_finding(ctx: Context) -> Finding:
    """``time.no_exp``: the token never expires."""
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
        source=sources.segment(ctx.token, TokenPart.PAYLOAD),
    )


def expired_finding(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    """``time.expired``: past exp even with the skew allowance."""
    return Finding(
        code="time.expired",
        severity=Severity.ERROR,
        title=f"The token expired {relative(ctx.now - exp)} before the evaluation time",
        detail=(
            f"The current time must be before exp (RFC 7519 §4.1.4); even with {ctx.skew:g} s"
            " of clock-skew allowance it is past, so a correct server answers 401"
            " invalid_token."
        ),
        evidence=stamp_evidence(ctx, stamp, exp),
        fix=(
            "Get a fresh token (refresh or sign in again) and have the client renew before exp."
            + _old_paste_hint(ctx)
        ),
        refs=("RFC 7519 §4.1.4", "RFC 6750 §3.1"),
        source=sources.claim(ctx.token, stamp.name),
    )


def expired_within_skew_finding(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    """``time.expired_within_skew``: past exp, accepted only thanks to the skew."""
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
        evidence=stamp_evidence(ctx, stamp, exp),
        fix="Renew the token before exp (a minute early) instead of relying on leeway.",
        refs=("RFC 7519 §4.1.4",),
        source=sources.claim(ctx.token, stamp.name),
    )


def expiring_soon_finding(ctx: Context, stamp: Stamp, exp: float) -> Finding:
    """``time.expiring_soon``: valid, but exp is minutes away."""
    return Finding(
        code="time.expiring_soon",
        severity=Severity.INFO,
        title=f"The token is valid but expires in {relative(exp - ctx.now)}",
        detail="A slow request, a queued job or a retry may reach the server after exp.",
        evidence=stamp_evidence(ctx, stamp, exp),
        fix="Refresh the token shortly before use when it is this close to exp.",
        refs=("RFC 7519 §4.1.4",),
        source=sources.claim(ctx.token, stamp.name),
    )


def not_yet_valid_finding(ctx: Context, stamp: Stamp, nbf: float) -> Finding:
    """``time.not_yet_valid``: nbf is later than now plus the skew."""
    return Finding(
        code="time.not_yet_valid",
        severity=Severity.ERROR,
        title=f"The token is not valid until {relative(nbf - ctx.now)} after evaluation time",
        detail=(
            f"nbf is later than the evaluation time plus {ctx.skew:g} s of skew allowance"
            " (RFC 7519 §4.1.5). Usually the issuer's clock runs ahead of the server's."
        ),
        evidence=stamp_evidence(ctx, stamp, nbf),
        fix="Check clock sync (NTP) on the issuer and the API host, or wait until nbf.",
        refs=("RFC 7519 §4.1.5",),
        source=sources.claim(ctx.token, stamp.name),
    )


def nbf_within_skew_finding(ctx: Context, stamp: Stamp, nbf: float) -> Finding:
    """``time.nbf_within_skew``: nbf is ahead, but inside the skew allowance."""
    return Finding(
        code="time.nbf_within_skew",
        severity=Severity.WARNING,
        title=f"The token becomes valid only in {relative(nbf - ctx.now)}: inside the skew",
        detail=(
            "It passes only thanks to the clock-skew allowance; a stricter server"
            f" rejects it as not yet valid ({_SKEW_STACKS})."
        ),
        evidence=stamp_evidence(ctx, stamp, nbf),
        fix="Check clock sync (NTP) on the issuer; do not use a token before its nbf.",
        refs=("RFC 7519 §4.1.5",),
        source=sources.claim(ctx.token, stamp.name),
    )


def iat_future_finding(ctx: Context, stamp: Stamp, iat: float, beyond: bool) -> Finding:
    """``time.iat_future``: an error ``beyond`` the skew, a warning inside it."""
    return Finding(
        code="time.iat_future",
        severity=Severity.ERROR if beyond else Severity.WARNING,
        title=f"The token was issued {relative(iat - ctx.now)} in the future",
        detail=(
            ("iat is later than the evaluation time plus the skew allowance. " if beyond else "")
            + "Validators that check iat (PyJWT: ImmatureSignatureError) refuse it, and GitHub"
            " rejects App JWTs whose iat is ahead of its clock. The issuer's clock runs ahead."
        ),
        evidence=stamp_evidence(ctx, stamp, iat),
        fix=(
            "Sync the issuer's clock (NTP). When you mint the JWT yourself (a GitHub App JWT),"
            " backdate iat by 60 s."
        ),
        refs=("RFC 7519 §4.1.6",),
        source=sources.claim(ctx.token, stamp.name),
    )


def window_invalid_finding(
    ctx: Context, first: Stamp, start: float, last: Stamp, exp: float
) -> Finding:
    """``time.window_invalid``: nbf or iat at or after exp."""
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
        source=sources.claim(ctx.token, first.name),
    )


def lifetime_long_finding(ctx: Context, lifetime: float) -> Finding:
    """``time.lifetime_long``: GitHub's 10-minute cap for App JWTs, else a day."""
    if lifetime_limit(ctx) == GITHUB_APP_MAX:
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
            source=sources.claim(ctx.token, "exp"),
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
        source=sources.claim(ctx.token, "exp"),
    )


def valid_finding(ctx: Context, found: dict[str, Stamp], times: dict[str, float]) -> Finding:
    """``time.valid`` (ok): the window the token is valid in, and the evaluation time."""
    start = times.get("nbf", times.get("iat"))
    window = f"from {utc(start)} " if start is not None else ""
    return Finding(
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
        source=sources.claim(ctx.token, "exp"),
    )
