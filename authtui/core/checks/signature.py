"""Checks: signature. The diagnosis verifies once (``ctx.signature``); this
check only hands on what that found."""

from __future__ import annotations

from collections.abc import Iterable

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding


def signature_findings(ctx: Context) -> Iterable[Finding]:
    """The ``sig.*`` findings of the signature check run before the checks."""
    yield from ctx.signature.findings


CHECKS: tuple[Check, ...] = (signature_findings,)
