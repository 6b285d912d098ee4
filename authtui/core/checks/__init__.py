"""The registry of checks. Each area module lists its checks in ``CHECKS``.

A check is a small function ``(Context) -> Iterable[Finding]``; adding one touches
only its area module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from authtui.core.context import Context
from authtui.core.model import Finding

Check = Callable[[Context], Iterable[Finding]]


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    """Every registered check, area by area (the registry is fixed: gathered once)."""
    from authtui.core.checks import (
        authz,
        challenge,
        claims,
        dpop,
        paste,
        scope,
        server,
        signature,
        status,
        time,
        token,
    )

    areas = (status, authz, challenge, server, token, time, claims, scope, signature, dpop, paste)
    return tuple(check for area in areas for check in area.CHECKS)
