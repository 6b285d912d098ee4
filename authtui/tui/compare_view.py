"""What the Compare screen shows of a comparison: both verdicts, the headline, and each
ranked difference with both values and why it matters.

Everything here quotes the pastes (headlines, header values, claims): each text passes
the terminal boundary (:func:`one_line`, :func:`printable`). Textual's ``Content`` only,
so it is tested without an app.
"""

from __future__ import annotations

from textual.content import Content

from authtui.core.compare.model import Comparison, Difference, Working
from authtui.core.model import Report, Severity
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.look import ICONS, STYLES

WORKING_WORDS = {
    Working.A: ("works", "fails"),
    Working.B: ("fails", "works"),
    Working.BOTH: ("works", "works"),
    Working.NEITHER: ("fails", "fails"),
}
"""What each side does, by :attr:`Comparison.working`."""


def _side(name: str, does: str, report: Report) -> Content:
    verdict = report.verdict
    status = "no status" if verdict.status is None else str(verdict.status)
    style = "bold $text-success" if does == "works" else "bold $text-error"
    return Content.assemble(
        (f"{name} {does}", style),
        (f"  {status} · ", "bold"),
        one_line(verdict.headline),
    )


def summary(comparison: Comparison) -> Content:
    """The headline, then one line per side (``A works  200 · ...``)."""
    does_a, does_b = WORKING_WORDS[comparison.working]
    count = len(comparison.differences)
    counted = "no difference that matters" if not count else f"{count} ranked below"
    return Content.assemble(
        (printable(comparison.headline), "bold"),
        "\n",
        _side("A", does_a, comparison.a),
        "\n",
        _side("B", does_b, comparison.b),
        "\n",
        (f"Differences: {counted}", "dim"),
    )


def difference_prompt(difference: Difference) -> Content:
    """One row of the ranked list: the title and the code."""
    icon = ICONS.get(difference.severity, "?")
    style = STYLES.get(difference.severity, "")
    return Content.assemble(
        (f"{icon} ", style), one_line(difference.title), (f"  {one_line(difference.code)}", "dim")
    )


def difference_detail(difference: Difference) -> Content:
    """Both values and why the difference matters."""
    label = {Severity.ERROR: "explains", Severity.WARNING: "may matter"}.get(
        difference.severity, "context"
    )
    parts = [
        Content.assemble(
            (f"{ICONS.get(difference.severity, '?')} {label}", STYLES.get(difference.severity, "")),
            (f"  {one_line(difference.code)}", "dim"),
            "\n",
            (printable(difference.title), "bold"),
            "\n\n",
            ("A: ", "bold"),
            printable(difference.a or "(none)"),
            "\n",
            ("B: ", "bold"),
            printable(difference.b or "(none)"),
            "\n",
        )
    ]
    if difference.detail:
        parts.append(Content.assemble("\n", printable(difference.detail), "\n"))
    return Content("").join(parts)
