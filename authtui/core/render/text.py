"""Reports and comparisons as text for a terminal: findings grouped by severity,
differences ranked, colour when asked."""

from __future__ import annotations

from authtui.core.compare.model import Comparison, Difference, Working
from authtui.core.controls import control
from authtui.core.model import Report, Severity
from authtui.core.render.common import (
    SEVERITY_ICON,
    SEVERITY_LABEL,
    Folded,
    clock_line,
    confirmation,
    grouped,
    listed_in_part,
    status_line,
    token_line,
)
from authtui.core.safety.terminal import printable

_COLOUR = {
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
    Severity.OK: "\x1b[32m",
}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *codes: str) -> str:
        if not self.color or not codes:
            return text
        return "".join(codes) + text + _RESET


def _finding(entry: Folded, style: _Style) -> list[str]:
    """Errors and warnings in full; context with its evidence; passed checks in a line.
    The findings that confirm it follow, one line each, after what it says."""
    f = entry.finding
    icon = style(SEVERITY_ICON[f.severity], _COLOUR[f.severity], _BOLD)
    lines = [f"  {icon} {style(printable(f.code), _DIM)}  {printable(f.title)}"]
    if f.severity is Severity.OK:
        return lines
    if f.severity is Severity.INFO:
        if f.evidence:
            lines.append(f"      {printable(f.evidence)}")
        return lines + _also(entry, style)
    for label, value in (("", f.detail), ("evidence", f.evidence), ("fix", f.fix)):
        if value:
            prefix = f"{label}: " if label else ""
            lines.append(f"      {style(prefix, _BOLD) if prefix else ''}{printable(value)}")
    if f.refs:
        lines.append(f"      {style('refs:', _DIM)} {printable(', '.join(f.refs))}")
    return lines + _also(entry, style)


def _also(entry: Folded, style: _Style) -> list[str]:
    """``also said by: …`` for each finding that states the same cause from elsewhere."""
    label = style("also said by:", _BOLD)
    lines = []
    for f in entry.confirmed_by:
        said, line = confirmation(f)
        where = ", ".join(p for p in (f.code, line) if p)
        lines.append(f"      {label} {printable(said)} {style(f'({printable(where)})', _DIM)}")
    return lines


def render_text(report: Report, *, color: bool = False) -> str:
    """Plain text (ANSI colour only when ``color``)."""
    style = _Style(color)
    v = report.verdict
    kind_colour = _COLOUR[Severity.ERROR if report.has_error else Severity.OK]
    out = [
        style(printable(status_line(report)), _BOLD, kind_colour),
        style(printable(v.headline), _BOLD),
    ]
    if v.next_step:
        out.append(f"Next: {printable(v.next_step)}")
    if v.causes:
        out.append("Likely causes: " + printable(", ".join(v.causes)))
    for severity, findings in grouped(report):
        out.append("")
        out.append(style(f"{SEVERITY_LABEL[severity]} ({len(findings)})", _BOLD))
        for entry in findings:
            out.extend(_finding(entry, style))
    out.append("")
    part = listed_in_part(report)
    if part:
        out.append(printable(part))
    out.append(printable(token_line(report)))
    out.append(printable(clock_line(report)))
    if report.notes:
        out.append("Read leniently: " + "; ".join(printable(n.message) for n in report.notes[:8]))
    if not report.redacted:
        out.append(
            style(
                f"Tokens are shown whole ({control('redact')}): do not paste this into a ticket.",
                _BOLD,
            )
        )
    text = "\n".join(out) + "\n"
    # Every piece of foreign text above went through the boundary; without colour the
    # whole report does once more, so a piece a future change forgets cannot escape.
    return text if color else printable(text)


WORKING_WORDS = {
    Working.A: "A works, B fails",
    Working.B: "B works, A fails",
    Working.BOTH: "Both work",
    Working.NEITHER: "Both fail",
}
"""The first line of a comparison, by which side works."""


def _difference(d: Difference, style: _Style) -> list[str]:
    icon = style(SEVERITY_ICON[d.severity], _COLOUR[d.severity], _BOLD)
    lines = [f"  {icon} {style(printable(d.code), _DIM)}  {printable(d.title)}"]
    lines += [f"      A: {printable(d.a)}", f"      B: {printable(d.b)}"]
    if d.detail and d.severity is not Severity.INFO:
        lines.append(f"      {printable(d.detail)}")
    return lines


def render_comparison_text(comparison: Comparison, *, color: bool = False) -> str:
    """A comparison as plain text: which side works, the headline, each side's
    verdict, then the differences ranked (ANSI colour only when ``color``)."""
    style = _Style(color)
    out = [
        style(WORKING_WORDS[comparison.working], _BOLD),
        style(printable(comparison.headline), _BOLD),
        "",
    ]
    for label, report in (("A", comparison.a), ("B", comparison.b)):
        out.append(
            f"  {label}  {printable(status_line(report))}: {printable(report.verdict.headline)}"
        )
    out.append("")
    if comparison.differences:
        out.append(style(f"Differences ({len(comparison.differences)})", _BOLD))
        for d in comparison.differences:
            out.extend(_difference(d, style))
    else:
        out.append("No differences that matter.")
    if not (comparison.a.redacted and comparison.b.redacted):
        out.append("")
        out.append(
            style("Tokens are shown whole (--no-redact): do not paste this into a ticket.", _BOLD)
        )
    text = "\n".join(out) + "\n"
    return text if color else printable(text)
