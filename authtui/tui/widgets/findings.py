"""The ranked findings: errors first, passed checks and reader notes folded.

A finding's title and a note's message can quote the paste: each is one row,
drawn through the terminal boundary (:func:`one_line`).
"""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from authtui.core.model import Finding, Note, Report, Severity
from authtui.core.safety.terminal import one_line
from authtui.tui.look import ICONS, STYLES
from authtui.tui.messages import FindingChosen

OK_TOGGLE = "fold-ok"
NOTES_TOGGLE = "fold-notes"


def _finding_prompt(finding: Finding) -> Content:
    icon = ICONS.get(finding.severity, "?")
    style = STYLES.get(finding.severity, "")
    title = one_line(finding.title)
    return Content.assemble((f"{icon} ", style), title, (f"  {one_line(finding.code)}", "dim"))


def _note_prompt(note: Note) -> Content:
    message = one_line(note.message)
    return Content.assemble(("  ~ ", "dim"), message, (f"  {one_line(note.code)}", "dim"))


def _fold_prompt(count: int, words: str, open_: bool, style: str) -> Content:
    arrow = "▾" if open_ else "▸"
    hint = "enter folds" if open_ else "enter shows them"
    return Content.assemble((f"{arrow} {count} {words}", style), (f"  ({hint})", "dim"))


def _lines(findings: tuple[Finding, ...], notes: tuple[Note, ...]) -> tuple[object, ...]:
    """What the list itself shows (the detail shows the rest)."""
    shown = tuple((f.severity, f.title, f.code) for f in findings)
    return (shown, tuple((n.code, n.message) for n in notes))


class FindingList(OptionList):
    """Findings as a keyboard-driven list. Highlighting one posts :class:`FindingChosen`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._items: dict[str, Finding | Note] = {}
        self._findings: tuple[Finding, ...] = ()
        self._notes: tuple[Note, ...] = ()
        self.show_ok = False
        self.show_notes = False

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
        self._items = dict(zip(self._items, self._visible_items(), strict=False))
        option = self.highlighted_option
        if option is not None:
            self.post_message(FindingChosen(self._items.get(option.id or "")))

    def _visible_items(self) -> list[Finding | Note]:
        """The items behind the options, in the order _rebuild lays them out."""
        items: list[Finding | Note] = [f for f in self._findings if f.severity is not Severity.OK]
        if self.show_ok:
            items += [f for f in self._findings if f.severity is Severity.OK]
        if self.show_notes:
            items += list(self._notes)
        return items

    def _rebuild(self) -> None:
        previous = self.highlighted_option.id if self.highlighted_option else None
        self._items = {}
        options: list[Option] = []
        passed = [f for f in self._findings if f.severity is Severity.OK]
        seen: dict[str, int] = {}
        for finding in (f for f in self._findings if f.severity is not Severity.OK):
            seen[finding.code] = seen.get(finding.code, 0) + 1
            key = f"finding-{finding.code}-{seen[finding.code]}"
            self._items[key] = finding
            options.append(Option(_finding_prompt(finding), id=key))
        if passed:
            words = "check passed" if len(passed) == 1 else "checks passed"
            style = STYLES[Severity.OK]
            options.append(Option(_fold_prompt(len(passed), words, self.show_ok, style), OK_TOGGLE))
            for index, finding in enumerate(passed if self.show_ok else ()):
                key = f"ok-{index}-{finding.code}"
                self._items[key] = finding
                options.append(Option(Content("  ").append(_finding_prompt(finding)), id=key))
        if self._notes:
            count = len(self._notes)
            words = "thing read leniently" if count == 1 else "things read leniently"
            options.append(Option(_fold_prompt(count, words, self.show_notes, "dim"), NOTES_TOGGLE))
            for index, note in enumerate(self._notes if self.show_notes else ()):
                key = f"note-{index}-{note.code}"
                self._items[key] = note
                options.append(Option(_note_prompt(note), id=key))
        self.set_options(options)
        self._restore(previous)

    def _restore(self, previous: str | None) -> None:
        if not self.option_count:
            self.post_message(FindingChosen(None))
            return
        index = 0
        if previous is not None:
            try:
                index = self.get_option_index(previous)
            except OptionDoesNotExist:
                index = 0
        self.highlighted = index
        option = self.get_option_at_index(index)
        self.post_message(FindingChosen(self._items.get(option.id or "")))

    def item_for(self, option_id: str | None) -> Finding | Note | None:
        """The finding or note behind an option id."""
        return self._items.get(option_id or "")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(FindingChosen(self._items.get(event.option_id or "")))

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
