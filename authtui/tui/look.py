"""How severities and verdicts look: icons, words and style names in one place."""

from __future__ import annotations

from authtui.core.model import Kind, Report, Severity

ICONS = {
    Severity.ERROR: "✖",
    Severity.WARNING: "▲",
    Severity.INFO: "●",
    Severity.OK: "✓",
}
"""One icon per severity (readable without colour)."""

STYLES = {
    Severity.ERROR: "bold $text-error",
    Severity.WARNING: "bold $text-warning",
    Severity.INFO: "$text-primary",
    Severity.OK: "$text-success",
}
"""Content style per severity (theme variables, so light themes read well)."""

KIND_WORDS = {
    Kind.AUTHENTICATION: "authentication: the credentials were not accepted",
    Kind.AUTHORIZATION: "authorization: accepted, but not allowed",
    Kind.BAD_REQUEST: "bad request: the request itself is malformed",
    Kind.NOT_AN_AUTH_FAILURE: "not an auth failure",
    Kind.UNKNOWN: "unknown: not enough evidence yet",
}
"""The verdict's kind in words."""


def outcome(report: Report) -> str:
    """CSS class for the verdict banner: ``-error``, ``-warning`` or ``-ok``."""
    severities = {f.severity for f in report.findings}
    if Severity.ERROR in severities:
        return "-error"
    if Severity.WARNING in severities:
        return "-warning"
    return "-ok"
