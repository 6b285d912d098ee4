"""The time strip under the verdict: one line that shows why a token was refused.

``iat``, ``nbf``, ``exp``, the request, the server's ``Date`` and the device clock
in order, with the gaps between them, the token's valid stretch drawn heavy and
the evaluation time marked inside its skew window (layout:
:mod:`authtui.tui.timeline`).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from authtui.core.model import Report
from authtui.tui.timeline import Segment, strip

STYLES = {
    "caption": "italic $text-muted",
    "point": "bold",
    "judged-ok": "bold reverse $text-success",
    "judged-bad": "bold reverse $text-error",
    "valid": "$text-success",
    "line": "$text-muted",
    "window": "bold $text-accent",
}
"""Content style per kind of segment (theme variables: light themes read well)."""


def strip_content(segments: Iterable[Segment]) -> Content:
    """The segments as styled content (the text is the tool's own: names and gaps)."""
    return Content.assemble(*((s.text, STYLES.get(s.kind, "")) for s in segments))


class TimeStrip(Static):
    """One line; hidden when there is nothing to set against the evaluation time."""

    _report: Report | None = None
    _drawn: tuple[Segment, ...] | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, report: Report | None) -> None:
        """Draw the strip for ``report`` (``None``: nothing pasted)."""
        self._report = report
        self._draw()

    def on_resize(self, event: Resize) -> None:
        """The width changed: lay the strip out again."""
        self._draw()

    def _draw(self) -> None:
        """Lay the strip out; draw it only when its segments changed (the device
        clock moves at every diagnosis, but the strip shows it only in gaps of
        whole units, so most diagnoses draw the same line)."""
        report = self._report
        width = self.content_region.width or max(self.app.size.width - 4, 20)
        claims = report.token.claims if report is not None and report.token else None
        segments = () if report is None else tuple(strip(report.clock, claims, width))
        if segments == self._drawn:
            return
        self._drawn = segments
        self.display = bool(segments)  # showing or hiding lays the screen out again
        self.update(strip_content(segments), layout=False)  # one line: its size stays
