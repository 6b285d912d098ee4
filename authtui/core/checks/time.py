"""Checks: the token's time claims (``exp``, ``nbf``, ``iat``) and the clocks.

Boundaries mirror PyJWT exactly, with ``now`` passed in: expired when
``exp <= now - skew``; not yet valid when ``nbf > now + skew``; issued in the
future when ``iat > now + skew``. Every finding is collected; none stops the rest.

Reading the claims lives in :mod:`~authtui.core.checks.time_stamps` and the words
of each finding in :mod:`~authtui.core.checks.time_text`; this module decides
which findings fire and keeps the public names importable from here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator

from authtui.core.checks import Check
from authtui.core.checks.time_clocks import check_capture_time, check_server_clock
from authtui.core.checks.time_stamps import (
    GITHUB_APP_MAX,
    LONG_LIFETIME,
    PLAUSIBLE,
    TIME_CLAIMS,
    Stamp,
    is_github_app_jwt,
    lifetime_limit,
    read_stamp,
    show,
    stamps,
    usable_times,
    when,
)
from authtui.core.checks.time_text import (
    bad_type_finding,
    expired_finding,
    expired_within_skew_finding,
    expiring_soon_finding,
    iat_future_finding,
    lifetime_long_finding,
    milliseconds_finding,
    nbf_within_skew_finding,
    no_exp_finding,
    not_yet_valid_finding,
    valid_finding,
    window_invalid_finding,
)
from authtui.core.context import Context
from authtui.core.model import Finding

__all__ = [
    "CHECKS",
    "GITHUB_APP_MAX",
    "LONG_LIFETIME",
    "PLAUSIBLE",
    "SOON",
    "TIME_CLAIMS",
    "Stamp",
    "all_time_findings",
    "check_capture_time",
    "check_exp",
    "check_iat",
    "check_nbf",
    "check_server_clock",
    "check_types",
    "check_valid",
    "check_window",
    "is_github_app_jwt",
    "read_stamp",
    "show",
    "stamps",
    "when",
]

SOON = 300.0
"""A valid token expiring within this many seconds gets ``time.expiring_soon``."""
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


def check_types(ctx: Context) -> Iterator[Finding]:
    """``time.bad_type`` and ``time.milliseconds``: NumericDates no validator can use."""
    return _types(ctx, stamps(ctx))


def _types(ctx: Context, found: dict[str, Stamp]) -> Iterator[Finding]:
    for stamp in found.values():
        if stamp.problem == "bad_type":
            yield bad_type_finding(ctx, stamp)
        elif stamp.problem == "milliseconds" and stamp.scaled is not None:
            yield milliseconds_finding(ctx, stamp, stamp.scaled)


def check_exp(ctx: Context) -> Iterator[Finding]:
    """``time.expired``, ``time.expired_within_skew``, ``time.expiring_soon``, ``time.no_exp``."""
    return _exp(ctx, stamps(ctx))


def _exp(ctx: Context, found: dict[str, Stamp]) -> Iterator[Finding]:
    if ctx.token is None or not isinstance(ctx.token.claims, dict):
        return
    if "exp" not in found:
        yield no_exp_finding(ctx)
        return
    stamp = found["exp"]
    exp = stamp.seconds
    if exp is None:
        return
    if exp <= ctx.now - ctx.skew:
        yield expired_finding(ctx, stamp, exp)
    elif exp <= ctx.now:
        yield expired_within_skew_finding(ctx, stamp, exp)
    elif exp - ctx.now <= SOON and not _fails_elsewhere(ctx, found):
        yield expiring_soon_finding(ctx, stamp, exp)


def _fails_elsewhere(ctx: Context, found: dict[str, Stamp]) -> bool:
    times = usable_times(found)
    return times.get("nbf", -math.inf) > ctx.now + ctx.skew


def check_nbf(ctx: Context) -> Iterator[Finding]:
    """``time.not_yet_valid`` and ``time.nbf_within_skew``."""
    return _nbf(ctx, stamps(ctx))


def _nbf(ctx: Context, found: dict[str, Stamp]) -> Iterator[Finding]:
    stamp = found.get("nbf")
    if stamp is None or stamp.seconds is None:
        return
    nbf = stamp.seconds
    if nbf > ctx.now + ctx.skew:
        yield not_yet_valid_finding(ctx, stamp, nbf)
    elif nbf > ctx.now:
        yield nbf_within_skew_finding(ctx, stamp, nbf)


def check_iat(ctx: Context) -> Iterator[Finding]:
    """``time.iat_future``: error beyond the skew, warning inside it."""
    return _iat(ctx, stamps(ctx))


def _iat(ctx: Context, found: dict[str, Stamp]) -> Iterator[Finding]:
    stamp = found.get("iat")
    if stamp is None or stamp.seconds is None or stamp.seconds <= ctx.now:
        return
    iat = stamp.seconds
    yield iat_future_finding(ctx, stamp, iat, beyond=iat > ctx.now + ctx.skew)


def check_window(ctx: Context) -> Iterator[Finding]:
    """``time.window_invalid`` (nbf or iat at or after exp) and ``time.lifetime_long``."""
    return _window(ctx, stamps(ctx))


def _window(ctx: Context, found: dict[str, Stamp]) -> Iterator[Finding]:
    times = usable_times(found)
    exp = times.get("exp")
    if exp is None:
        return
    for name in ("nbf", "iat"):
        start = times.get(name)
        if start is not None and start >= exp:
            yield window_invalid_finding(ctx, found[name], start, found["exp"], exp)
    start = times.get("iat", times.get("nbf"))
    if start is not None and exp - start > lifetime_limit(ctx):
        yield lifetime_long_finding(ctx, exp - start)


def check_valid(ctx: Context) -> Iterator[Finding]:
    """``time.valid`` (ok): exp present, and nothing wrong with exp, nbf or iat."""
    found = stamps(ctx)
    if "exp" not in found:
        return
    fired = {f.code for judge in _JUDGES for f in judge(ctx, found)}
    if fired & _EVAL_PROBLEMS:
        return
    yield valid_finding(ctx, found, usable_times(found))


_EVALUATING: tuple[Check, ...] = (check_types, check_exp, check_nbf, check_iat, check_window)
_JUDGES: tuple[Callable[[Context, dict[str, Stamp]], Iterator[Finding]], ...] = (
    _types,
    _exp,
    _nbf,
    _iat,
    _window,
)
"""The evaluating checks, given the claims already read (in :data:`_EVALUATING`'s order)."""


def check_claim_times(ctx: Context) -> Iterator[Finding]:
    """The evaluating checks once, then ``time.valid`` when none found a problem
    (what :func:`check_valid` decides on its own, without running them twice).
    The time claims are read once, for all of them."""
    found = stamps(ctx)
    findings = [f for judge in _JUDGES for f in judge(ctx, found)]
    yield from findings
    if "exp" in found and not {f.code for f in findings} & _EVAL_PROBLEMS:
        yield valid_finding(ctx, found, usable_times(found))


CHECKS: tuple[Check, ...] = (check_claim_times, check_server_clock, check_capture_time)


def all_time_findings(ctx: Context) -> Iterable[Finding]:
    """Every time finding for ``ctx``, in check order (handy for tests and callers)."""
    return [f for check in CHECKS for f in check(ctx)]
