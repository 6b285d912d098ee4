"""What the text and Markdown renderings share: grouping and short summaries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from authtui.core.model import ClockBasis, Finding, Report, Severity

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.OK)
SEVERITY_LABEL = {
    Severity.ERROR: "Errors",
    Severity.WARNING: "Warnings",
    Severity.INFO: "Context",
    Severity.OK: "Checked and ruled out",
}
SEVERITY_ICON = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i", Severity.OK: "✓"}


@dataclass(frozen=True, slots=True)
class Folded:
    """One cause as the reports show it: a finding, and the findings that state the same
    cause from another source (``confirms``), shown beneath it rather than beside it."""

    finding: Finding
    confirmed_by: tuple[Finding, ...] = ()


def fold(findings: Sequence[Finding]) -> list[Folded]:
    """The findings with each one that confirms another folded under the finding it
    confirms (of those it names, the one ranked first; the first of that code; through a
    chain, under the one at its end), in order. A finding whose target is absent, or that
    would fold in a circle, stays."""
    first: dict[str, int] = {}
    for i, f in enumerate(findings):
        first.setdefault(f.code, i)
    parent: dict[int, int] = {}
    for i, f in enumerate(findings):
        targets = [first[c] for c in f.confirms if first.get(c, i) != i]
        if targets:
            parent[i] = min(targets)  # the one the report ranks first
    roots: dict[int, list[Finding]] = {}
    for i, f in enumerate(findings):
        root, seen = i, {i}
        while root in parent and parent[root] not in seen:
            root = parent[root]
            seen.add(root)
        if root in parent:  # a circle: nothing to fold under
            root = i
        if root == i:
            roots.setdefault(i, [])
        else:
            roots.setdefault(root, []).append(f)
    return [Folded(findings[i], tuple(under)) for i, under in sorted(roots.items())]


def grouped(report: Report) -> list[tuple[Severity, list[Folded]]]:
    """Causes by severity, in the report's (ranked) order, each with the findings that
    confirm it folded beneath; empty groups left out."""
    folded = fold(report.findings)
    groups = []
    for severity in SEVERITY_ORDER:
        members = [entry for entry in folded if entry.finding.severity is severity]
        if members:
            groups.append((severity, members))
    return groups


def confirmation(f: Finding) -> tuple[str, str]:
    """A confirming finding as the reports show it beneath its cause: what it quotes
    (with where it read it, as its evidence says), and its line in the paste, if known
    (``('WWW-Authenticate error_description: "…"', "line 8")``)."""
    line = f.source.line if f.source is not None else None
    return f.evidence or f.title, f"line {line}" if line is not None else ""


def status_line(report: Report) -> str:
    """``401 Unauthorized · authentication`` or ``no status · unknown``."""
    ex = report.exchange
    status = (
        f"{ex.status} {ex.reason or ''}".strip() if ex.status is not None else "no status pasted"
    )
    return f"{status} · {report.verdict.kind.value}"


def token_line(report: Report) -> str:
    """One line about the token: form, alg, kid, signature status, where it came from."""
    token = report.token
    if token is None:
        return "Token: none found"
    parts = [f"Token: {token.form.value}"]
    if token.alg:
        parts.append(f"alg {token.alg}")
    if token.kid:
        parts.append(f"kid {token.kid}")
    parts.append(f"signature {report.signature.value}")
    if token.source:
        parts.append(f"from {token.source}")
    return ", ".join(parts)


_BASIS_WORDS = {
    ClockBasis.GIVEN: "the time given",
    ClockBasis.CAPTURE: "the capture time",
    ClockBasis.DEVICE: "the device clock",
}


def clock_line(report: Report) -> str:
    """Which clocks the time checks used, the basis in words, and what the other
    reading would change (``Clock: evaluated at …: judged at the capture time, …``)."""
    from authtui.core.timefmt import utc

    clock = report.clock
    line = f"Clock: evaluated at {utc(round(clock.now))}, skew allowance {clock.skew:g} s"
    if clock.captured_at is not None and clock.captured_at != clock.now:
        line += f", request at {utc(round(clock.captured_at))}"
    if clock.server_now is not None:
        line += f", server Date {utc(round(clock.server_now))}"
    return f"{line}: {clock.summary or _BASIS_WORDS[clock.basis]}"


def request_line(report: Report) -> str | None:
    """``GET https://api.shop.test/orders`` (the URL when known, else the target)."""
    ex = report.exchange
    where = ex.url or ex.target
    if ex.method is None and where is None:
        return None
    return " ".join(part for part in (ex.method, where) if part)


def response_line(report: Report) -> str | None:
    """``HTTP/1.1 401 Unauthorized`` as the response's status line said it."""
    ex = report.exchange
    if ex.status is None:
        return None
    version = ex.http_version or "HTTP"
    return " ".join(part for part in (version, str(ex.status), ex.reason) if part)


SUMMARY_CLAIMS = ("sub", "client_id", "azp", "aud", "iss", "scope", "scp", "roles")
"""The claims a ticket needs to see first, in this order; then the times."""
_TIME_CLAIMS = ("exp", "nbf", "iat")


def _claim_text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)


def claim_summary(report: Report) -> list[tuple[str, str]]:
    """The token's key claims as ``(name, value)`` rows, times with UTC and distance.

    ``exp``, ``nbf`` and ``iat`` are told against the evaluation clock
    (``exp 2025-09-15T17:40:00Z (in 55 min)``); a time that is not a number is shown
    as it is.
    """
    from authtui.core.timefmt import since, utc

    token = report.token
    claims = token.claims if token is not None else None
    if not claims:
        return []
    rows = [(name, _claim_text(claims[name])) for name in SUMMARY_CLAIMS if name in claims]
    now = report.clock.now
    for name in _TIME_CLAIMS:
        if name not in claims:
            continue
        value = claims[name]
        if isinstance(value, int | float) and not isinstance(value, bool):
            when = utc(round(float(value)))
            rows.append((name, f"{value} = {when} ({since(round(float(value)), round(now))})"))
        else:
            rows.append((name, _claim_text(value)))
    return rows


def listed_in_part(report: Report, code: Callable[[str], str] = str) -> str | None:
    """One sentence on what the report lists only in part, with the exact counts (None
    when every list is whole). ``code`` formats a finding code."""
    totals = report.totals
    if totals is None:
        return None
    parts = [
        f"{more:,} more {code(name)} finding{'s' if more != 1 else ''} than listed above"
        for name, more in totals.findings_omitted
    ]
    ex = report.exchange
    cut = [
        (total, shown, what)
        for total, shown, what in (
            (totals.challenges, len(report.challenges), "challenges"),
            (totals.request_headers, len(ex.request_headers), "request headers"),
            (totals.response_headers, len(ex.response_headers), "response headers"),
        )
        if total > shown
    ]
    if cut:
        shown = {n for _, n, _ in cut}
        first = f"the first {shown.pop()} of each" if len(shown) == 1 else "the first ones"
        parts.append(
            " and ".join(f"{total:,} {what}" for total, _, what in cut)
            + f", all read and checked ({first} in --format json)"
        )
    return "Listed in part: " + "; ".join(parts) + "." if parts else None
