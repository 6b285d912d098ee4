"""Reports and comparisons as Markdown, for a ticket or a chat."""

from __future__ import annotations

from authtui.core.compare.model import Comparison, Working
from authtui.core.model import Finding, Report, Severity
from authtui.core.render.common import (
    SEVERITY_LABEL,
    Folded,
    claim_summary,
    clock_line,
    confirmation,
    grouped,
    listed_in_part,
    request_line,
    response_line,
    status_line,
    token_line,
)
from authtui.core.safety.terminal import one_line, printable

_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️", Severity.OK: "✅"}


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return longest


def _code(text: str) -> str:
    """Inline code whose fence is longer than any run of backticks inside the value."""
    text = printable(text).replace("\n", " ")
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _escape_plain(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in "*_[]<>#|`":
        out = out.replace(ch, "\\" + ch)
    return out


def _escape(text: str) -> str:
    """Markdown-safe text; `code spans` the tool itself wrote stay code spans."""
    text = printable(text)
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans at all
        return _escape_plain(text)
    return "".join(
        _escape_plain(part) if i % 2 == 0 else _code(part) for i, part in enumerate(parts)
    )


def _finding(entry: Folded) -> list[str]:
    """One section per cause; the findings that confirm it listed in it, not after it."""
    f = entry.finding
    lines = [f"### {_ICON[f.severity]} {_escape(f.title)} ({_code(f.code)})", ""]
    if f.detail:
        lines += [_escape(f.detail), ""]
    if f.evidence:
        lines += [f"- **Evidence:** {_code(f.evidence)}"]
    if f.fix:
        lines += [f"- **Fix:** {_escape(f.fix)}"]
    if f.refs:
        lines += [f"- **Refs:** {_escape(', '.join(f.refs))}"]
    if entry.confirmed_by:
        lines += ["- **Also said by:**"]
        lines += [f"  - {_also(other)}" for other in entry.confirmed_by]
    lines.append("")
    return lines


def _also(f: Finding) -> str:
    """A confirming finding: what it quotes, as code, with its code and line."""
    said, line = confirmation(f)
    return f"{_code(said)} ({_code(f.code)}{', ' + line if line else ''})"


def _exchange_section(report: Report) -> list[str]:
    """What a ticket needs to see first: the request, the response, the clock, the claims."""
    lines = []
    request, response = request_line(report), response_line(report)
    if request:
        lines.append(f"- **Request:** {_code(request)}")
    if response:
        lines.append(f"- **Response:** {_code(response)}")
    lines.append(f"- **Clock:** {_escape(clock_line(report).removeprefix('Clock: '))}")
    out = ["## What was pasted", "", *lines, ""]
    claims = claim_summary(report)
    if claims:
        out += ["| claim | value |", "|---|---|"]
        # Plain escaping (| as \\|, no code spans), so a value cannot split its cell.
        out += [f"| {_code(name)} | {_escape_plain(one_line(value))} |" for name, value in claims]
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    """Markdown: verdict, causes, findings by severity (ok ones as a list)."""
    v = report.verdict
    out = [
        "## authtui diagnosis",
        "",
        f"**{_escape(status_line(report))}**: {_escape(v.headline)}",
        "",
    ]
    if v.next_step:
        out += [f"**Next step:** {_escape(v.next_step)}", ""]
    if v.causes:
        out += ["**Likely causes:** " + ", ".join(_code(c) for c in v.causes), ""]
    out += _exchange_section(report)
    for severity, findings in grouped(report):
        out += [f"## {SEVERITY_LABEL[severity]}", ""]
        if severity is Severity.OK:
            ok = [entry.finding for entry in findings]
            out += [f"- {_ICON[f.severity]} {_escape(f.title)} ({_code(f.code)})" for f in ok]
            out.append("")
            continue
        for entry in findings:
            out += _finding(entry)
    part = listed_in_part(report, lambda code: f"`{code}`")
    if part:
        out.append(f"- {_escape(part)}")
    out += [f"- {_escape(token_line(report))}"]
    if report.redacted:
        out.append("- Tokens redacted; passwords and secrets are shown only as fingerprints.")
    # Every field above went through the boundary (in _escape and _code); the whole
    # report does once more, so a field a future change forgets cannot escape.
    return printable("\n".join(out).rstrip() + "\n")


_WORKING = {
    Working.A: "A works, B fails",
    Working.B: "B works, A fails",
    Working.BOTH: "Both work",
    Working.NEITHER: "Both fail",
}


def _cell(text: str) -> str:
    """A table cell: code, one line, pipes escaped."""
    return _code(text).replace("|", "\\|")


def render_comparison_markdown(comparison: Comparison) -> str:
    """A comparison as Markdown: the headline, each side's verdict, a table of the
    ranked differences, then why each one matters."""
    out = [
        "## authtui comparison",
        "",
        f"**{_WORKING[comparison.working]}**: {_escape(comparison.headline)}",
        "",
    ]
    for label, report in (("A", comparison.a), ("B", comparison.b)):
        out.append(
            f"- **{label}** ({_escape(status_line(report))}): {_escape(report.verdict.headline)}"
        )
    out.append("")
    if not comparison.differences:
        out.append("No differences that matter.")
    else:
        out += ["| | difference | A | B |", "|---|---|---|---|"]
        for d in comparison.differences:
            out.append(
                f"| {_ICON[d.severity]} | {_escape(d.title)} "
                f"({_code(d.code)}) | {_cell(d.a)} | {_cell(d.b)} |"
            )
        out.append("")
        for d in comparison.differences:
            if d.detail and d.severity is not Severity.INFO:
                out.append(f"- {_code(d.code)}: {_escape(d.detail)}")
    if comparison.a.redacted and comparison.b.redacted:
        out += ["", "Tokens redacted; passwords and secrets are never included."]
    return printable("\n".join(out).rstrip() + "\n")
