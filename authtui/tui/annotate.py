"""Words beside the decoded claims: times, scopes, audience and issuer checks.

Textual-free, so it is tested like the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from authtui.core import timefmt

TIME_CLAIMS = ("exp", "nbf", "iat", "auth_time")
SCOPE_CLAIMS = ("scope", "scp", "roles", "permissions", "groups")


def describe_time(value: Any, now: float, tz: tzinfo | None = None) -> str:
    """A NumericDate as UTC, local time (when not UTC) and relative to ``now``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "not a number: a NumericDate must be seconds since 1970"
    seconds = float(value)
    if seconds > 1e11:
        return "looks like milliseconds, not seconds"
    try:
        parts = [timefmt.utc(seconds)]
        local = timefmt.local(seconds, tz)
        if not local.endswith("+00:00"):
            parts.append("local " + local)
        parts.append(timefmt.since(seconds, now))
    except (ValueError, OverflowError, OSError):
        return "out of range"
    return " · ".join(parts)


def scope_list(value: Any) -> list[str]:
    """Scopes as a list, from a space-separated string or an array."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def _aud_note(value: Any, expected: Sequence[str]) -> str:
    auds = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    if not expected:
        return "no audience expected: set one in Settings to check it"
    if any(a in expected for a in auds):
        return "✓ matches the expected audience"
    return "✗ expected " + " or ".join(expected)


def _iss_note(value: Any, expected: str | None) -> str:
    if expected is None:
        return "no issuer expected: set one in Settings to check it"
    return "✓ matches" if value == expected else f"✗ expected {expected}"


def _scope_note(value: Any, required: Sequence[str]) -> str:
    granted = scope_list(value)
    text = "[" + ", ".join(granted) + "]" if granted else "none"
    missing = [s for s in required if s not in granted]
    if required and missing:
        text += " · missing " + " ".join(missing)
    elif required:
        text += " · ✓ has " + " ".join(required)
    return text


def annotate_claims(
    claims: Mapping[str, Any],
    now: float,
    audiences: Sequence[str] = (),
    issuer: str | None = None,
    scopes: Sequence[str] = (),
) -> dict[str, str]:
    """One short note per top-level claim worth explaining."""
    notes: dict[str, str] = {}
    for key, value in claims.items():
        if key in TIME_CLAIMS:
            notes[key] = describe_time(value, now)
        elif key in SCOPE_CLAIMS:
            notes[key] = _scope_note(value, scopes)
        elif key == "aud":
            notes[key] = _aud_note(value, audiences)
        elif key == "iss":
            notes[key] = _iss_note(value, issuer)
    return notes
