"""The detail of one finding: what it means, the evidence, the fix, the specs.

Every field can quote the paste ("The server adds: ..."): each is drawn through
the terminal boundary.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from authtui.core.model import Finding, Note
from authtui.core.render.common import confirmation
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.look import ICONS, STYLES

EMPTY = Content.styled("Select a finding to see its evidence, the fix and the specs.", "dim")


def _section(label: str, text: str) -> Content:
    return Content.assemble("\n", (label, "bold underline"), "\n", printable(text), "\n")


def _also_said(confirmed_by: tuple[Finding, ...]) -> Content:
    """The findings that state the same cause from another source, and where."""
    lines = []
    for by in confirmed_by:
        said, where = confirmation(by)
        place = f" ({where})" if where else ""
        lines.append(f"{one_line(said)}{place}  {one_line(by.code)}")
    return _section("Also said by", "\n".join(lines))


def finding_content(finding: Finding, confirmed_by: tuple[Finding, ...] = ()) -> Content:
    """Everything a person needs to act on one finding, and what confirms it."""
    style = STYLES.get(finding.severity, "")
    parts = [
        Content.assemble(
            (f"{ICONS.get(finding.severity, '?')} {finding.severity.value}", style),
            ("  " + one_line(finding.code), "dim"),
            "\n",
            (printable(finding.title), "bold"),
            "\n",
        )
    ]
    if finding.detail:
        parts.append(Content("\n" + printable(finding.detail) + "\n"))
    if finding.evidence:
        parts.append(_section("Evidence", finding.evidence))
    if confirmed_by:
        parts.append(_also_said(confirmed_by))
    if finding.fix:
        parts.append(_section("Fix", finding.fix))
    if finding.refs:
        parts.append(_section("References", " · ".join(one_line(ref) for ref in finding.refs)))
    return Content("").join(parts)


def note_content(note: Note) -> Content:
    """A reader note: what was read leniently, and the text concerned."""
    content = Content.assemble(
        ("~ read leniently", "dim"),
        ("  " + one_line(note.code), "dim"),
        "\n",
        (printable(note.message), "bold"),
        "\n",
    )
    if note.evidence:
        content = content.append(_section("Text concerned", note.evidence))
    return content


class FindingDetail(VerticalScroll):
    """Scrollable detail of the highlighted finding (untrusted text, no markup)."""

    _shown: tuple[Finding | Note | None, tuple[Finding, ...]] | None = None

    def compose(self) -> ComposeResult:
        """One static body."""
        yield Static(EMPTY, id="detail-body", markup=False)

    def show(self, item: Finding | Note | None, confirmed_by: tuple[Finding, ...] = ()) -> None:
        """Show a finding (with the findings that confirm it), a note, or the empty
        hint (nothing to do when unchanged)."""
        if (item, confirmed_by) == self._shown and self.is_mounted:
            return
        self._shown = (item, confirmed_by)
        body = self.query_one("#detail-body", Static)
        if isinstance(item, Finding):
            body.update(finding_content(item, confirmed_by))
        elif isinstance(item, Note):
            body.update(note_content(item))
        else:
            body.update(EMPTY)
