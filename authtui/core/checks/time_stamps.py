"""Reading the time claims: NumericDates classified, shown, and the lifetime limits.

A value is usable (seconds), in milliseconds or finer, or of a bad type; nothing
here judges the token, it only reads what the claims say. Never raises.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from authtui.core.context import Context
from authtui.core.timefmt import local, parse_time_option, since, utc

TIME_CLAIMS = ("exp", "nbf", "iat")
LONG_LIFETIME = 86400.0
"""An access token living longer than this gets ``time.lifetime_long``."""
GITHUB_APP_MAX = 600.0
"""GitHub refuses App JWTs whose ``exp`` is more than 10 minutes ahead."""
PLAUSIBLE = 1e11
"""Seconds beyond this (year 5138) are taken for milliseconds or finer."""
_FINER = ((1e3, "milliseconds"), (1e6, "microseconds"), (1e9, "nanoseconds"))


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


def usable_times(found: dict[str, Stamp]) -> dict[str, float]:
    """The usable claims' values in seconds, by name (bad and millisecond values left out)."""
    return {n: s.seconds for n, s in found.items() if s.seconds is not None}


def when(name: str, raw: Any, ts: float, now: float) -> str:
    """``exp=1700000000 (2023-11-14T22:13:20Z, <local>, 14 min ago)``."""
    return f"{name}={show(raw)} ({utc(ts)}, {local(ts)}, {since(ts, now)})"


def is_github_app_jwt(claims: dict[str, Any]) -> bool:
    """True for the shape of a GitHub App JWT: only iat/exp/iss, iss an app or client id."""
    iss = claims.get("iss")
    if not set(claims) <= {"iat", "exp", "iss"} or "iss" not in claims:
        return False
    if isinstance(iss, int) and not isinstance(iss, bool):
        return True
    return isinstance(iss, str) and (iss.isdigit() or iss.startswith("Iv"))


def lifetime_limit(ctx: Context) -> float:
    """The longest lifetime not worth a ``time.lifetime_long`` finding for this token."""
    claims = ctx.token.claims if ctx.token is not None else None
    if isinstance(claims, dict) and is_github_app_jwt(claims):
        return GITHUB_APP_MAX
    return LONG_LIFETIME
