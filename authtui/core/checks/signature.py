"""Checks: signature. The diagnosis verifies once (``ctx.signature``); this
check hands on what that found, read against the server's answer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding, Severity

_KEY_SET_RISKS = frozenset({"sig.cert_expired", "sig.duplicate_kid"})
"""Findings about the key set that break some servers and not others."""


def signature_findings(ctx: Context) -> Iterable[Finding]:
    """The ``sig.*`` findings of the signature check run before the checks.

    A 403 says the server accepted the token (it refused the action), so an expired
    key certificate or a kid shared by two keys did not stop it there: a warning.
    """
    for finding in ctx.signature.findings:
        if (
            ctx.status == 403
            and finding.code in _KEY_SET_RISKS
            and finding.severity is Severity.ERROR
        ):
            finding = replace(
                finding,
                severity=Severity.WARNING,
                detail=finding.detail + " The server answered 403, so it accepted the token: "
                "this did not stop it here.",
            )
        yield finding


CHECKS: tuple[Check, ...] = (signature_findings,)
