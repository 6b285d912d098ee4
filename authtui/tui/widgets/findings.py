"""The ranked findings: errors first, passed checks and reader notes folded.

One line per cause: a finding that confirms another (``confirms``: the server's
``insufficient_scope`` for the token's missing scope) is folded under the cause it
confirms (:func:`authtui.core.render.common.fold`, as in the text and Markdown
reports); the cause's line says how many confirm it, and enter on it shows them
beneath, each with the line of the paste it was read on.

A finding's title and a note's message can quote the paste: each is one row,
drawn through the terminal boundary (:func:`one_line`).
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from authtui.core.model import Finding, Note, Report, Severity
from authtui.core.render.common import confirmation, fold
from authtui.core.safety.terminal import one_line
from authtui.tui.look import ICONS, STYLES
from authtui.tui.messages import FindingChosen

OK_TOGGLE = "fold-ok"
NOTES_TOGGLE = "fold-notes"


def _finding_prompt(finding: Finding, confirmed: int = 0, open_: bool = False) -> Content:
    icon = ICONS.get(finding.severity, "?")
    style = STYLES.get(finding.severity, "")
    title = one_line(finding.title)
    prompt = Content.assemble((f"{icon} ", style), title, (f"  {one_line(finding.code)}", "dim"))
    if confirmed:
        arrow = "▾" if open_ else "▸"
        words = "1 more says so" if confirmed == 1 else f"{confirmed} more say so"
        prompt = prompt.append(Content.styled(f"  {arrow} {words}", "dim"))
    return prompt


def _confirmer_prompt(finding: Finding) -> Content:
    """A finding folded under the cause it confirms: what it says, and where (what it
    quotes is in the detail)."""
    _, where = confirmation(finding)
    place = f" · {where}" if where else ""
    return Content.assemble(
        ("    ↳ ", "dim"), one_line(finding.title), (f"{place}  {one_line(finding.code)}", "dim")
    )


def _note_prompt(note: Note) -> Content:
    message = one_line(note.message)
    return Content.assemble(("  ~ ", "dim"), message, (f"  {one_line(note.code)}", "dim"))


def _fold_prompt(count: int, words: str, open_: bool, style: str) -> Content:
    arrow = "▾" if open_ else "▸"
    hint = "enter folds" if open_ else "enter shows them"
    return Content.assemble((f"{arrow} {count} {words}", style), (f"  ({hint})", "dim"))


def _lines(findings: tuple[Finding, ...], notes: tuple[Note, ...]) -> tuple[object, ...]:
    """What the list itself shows (the detail shows the rest)."""
    shown = tuple((f.severity, f.title, f.code, f.confirms) for f in findings)
    return (shown, tuple((n.code, n.message) for n in notes))


class FindingList(OptionList):
    """Findings as a keyboard-driven list. Highlighting one posts :class:`FindingChosen`
    to the app."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: dict[str, Finding | Note] = {}
        self._findings: tuple[Finding, ...] = ()
        self._notes: tuple[Note, ...] = ()
        self.show_ok = False
        self.show_notes = False
        self.open_causes: set[str] = set()
        """The causes whose confirming findings are shown beneath them."""
        self._confirmed: dict[str, tuple[Finding, ...]] = {}

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings shown, in rank order."""
        return self._findings

    def show_report(self, report: Report | None) -> None:
        """Show a report's findings (``None``: nothing yet). Keeps the highlight."""
        findings = report.findings if report else ()
        notes = report.notes if report else ()
        if findings == self._findings and notes == self._notes:
            return
        same_lines = _lines(findings, notes) == _lines(self._findings, self._notes)
        self._findings, self._notes = findings, notes
        if same_lines and self.option_count:
            self._refresh_items()  # the list reads the same: only the detail changes
        else:
            self._rebuild()

    def _refresh_items(self) -> None:
        """Point the existing options at the new findings, without re-laying out."""
        entries = self._entries()
        if [key for key, _, _ in entries] != list(self._items):
            self._rebuild()
            return
        self._items = {key: item for key, _, item in entries if item is not None}
        option = self.highlighted_option
        if option is not None:
            self._chosen(option.id)

    def _entries(self) -> list[tuple[str, Content, Finding | Note | None]]:
        """Each option: its id, its prompt and the item behind it (``None``: a toggle)."""
        entries: list[tuple[str, Content, Finding | Note | None]] = []
        self._confirmed = {}
        passed = [f for f in self._findings if f.severity is Severity.OK]
        seen: dict[str, int] = {}
        for cause in fold([f for f in self._findings if f.severity is not Severity.OK]):
            finding = cause.finding
            seen[finding.code] = seen.get(finding.code, 0) + 1
            key = f"finding-{finding.code}-{seen[finding.code]}"
            open_ = key in self.open_causes
            self._confirmed[key] = cause.confirmed_by
            prompt = _finding_prompt(finding, len(cause.confirmed_by), open_)
            entries.append((key, prompt, finding))
            for index, by in enumerate(cause.confirmed_by if open_ else ()):
                entries.append((f"{key}-by-{index}", _confirmer_prompt(by), by))
        if passed:
            words = "check passed" if len(passed) == 1 else "checks passed"
            style = STYLES[Severity.OK]
            prompt = _fold_prompt(len(passed), words, self.show_ok, style)
            entries.append((OK_TOGGLE, prompt, None))
            for index, finding in enumerate(passed if self.show_ok else ()):
                prompt = Content("  ").append(_finding_prompt(finding))
                entries.append((f"ok-{index}-{finding.code}", prompt, finding))
        if self._notes:
            count = len(self._notes)
            words = "thing read leniently" if count == 1 else "things read leniently"
            prompt = _fold_prompt(count, words, self.show_notes, "dim")
            entries.append((NOTES_TOGGLE, prompt, None))
            for index, note in enumerate(self._notes if self.show_notes else ()):
                entries.append((f"note-{index}-{note.code}", _note_prompt(note), note))
        return entries

    def confirmed_by(self, option_id: str | None) -> tuple[Finding, ...]:
        """The findings folded under the cause an option shows (none for others)."""
        return self._confirmed.get(option_id or "", ())

    def _chosen(self, option_id: str | None) -> None:
        key = option_id or ""
        self._tell_app(FindingChosen(self._items.get(key), self.confirmed_by(key)))

    def _tell_app(self, message: FindingChosen) -> None:
        """Post to the app, the one listener, rather than bubbling through the six
        containers between: a keystroke in an editor posts one (the detail changes
        with the evidence), and each hop wakes a message loop."""
        self.app.post_message(message)

    def _rebuild(self) -> None:
        previous = self.highlighted_option.id if self.highlighted_option else None
        entries = self._entries()
        self._items = {key: item for key, _, item in entries if item is not None}
        self.set_options([Option(prompt, id=key) for key, prompt, _ in entries])
        self._restore(previous)

    def _restore(self, previous: str | None) -> None:
        if not self.option_count:
            self._tell_app(FindingChosen(None))
            return
        index = 0
        if previous is not None:
            try:
                index = self.get_option_index(previous)
            except OptionDoesNotExist:
                index = 0
        self.highlighted = index
        self._chosen(self.get_option_at_index(index).id)

    def item_for(self, option_id: str | None) -> Finding | Note | None:
        """The finding or note behind an option id."""
        return self._items.get(option_id or "")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._chosen(event.option_id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == OK_TOGGLE:
            event.stop()
            self.show_ok = not self.show_ok
            self._rebuild()
        elif event.option_id == NOTES_TOGGLE:
            event.stop()
            self.show_notes = not self.show_notes
            self._rebuild()
        elif self.confirmed_by(event.option_id):
            event.stop()
            self.open_causes ^= {event.option_id or ""}
            self._rebuild()
