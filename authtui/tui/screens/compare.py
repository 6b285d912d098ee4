"""The Compare screen: the paste against the request that works, or two HAR entries.

B is the paste being diagnosed; A is a second paste typed or pasted here (a workshop
pair brings its own), or, for a HAR with several entries, two pickers choose A and B
(B starts at the entry diagnosed, A at the one before it). Both are diagnosed with the
app's options by :mod:`authtui.core.compare`, and the screen shows both verdicts, the
headline and the ranked differences; the highlighted difference's detail gives both
values and why it matters. Escape goes back.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from authtui.core.compare.model import Comparison
from authtui.core.compare.run import compare_entries, compare_texts
from authtui.core.options import Options
from authtui.tui.compare_view import difference_detail, difference_prompt, summary
from authtui.tui.widgets.entry_picker import EntryPicker
from authtui.tui.widgets.safe_area import SafeTextArea

PLACEHOLDER = (
    "A: paste the request that works here (staging, yesterday's, another client); "
    "B is the paste being diagnosed."
)
EMPTY = Content.styled("Paste the exchange that works above: the differences show here.", "dim")


def _other_entry(count: int, selected: int) -> int:
    """The entry A starts at: the one before B's (or after it, for the first)."""
    return selected - 1 if selected > 0 else min(1, count - 1)


class CompareScreen(Screen[None]):
    """Two exchanges side by side: verdicts and ranked differences."""

    DEFAULT_CSS = """
    CompareScreen #compare-box { height: 1fr; padding: 0 1; }
    CompareScreen #compare-paste { height: 5; }
    CompareScreen #compare-paste:focus { height: 10; }
    CompareScreen #compare-pickers { height: auto; }
    CompareScreen #compare-pickers EntryPicker { width: 1fr; }
    CompareScreen #compare-summary { height: auto; margin: 1 0 0 0; }
    CompareScreen #compare-differences { height: 1fr; min-height: 3; border: none; }
    CompareScreen #compare-detail-box { height: 1fr; min-height: 4; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="compare.back"),
    ]

    def __init__(
        self,
        paste: str,
        options: Options,
        *,
        entries: tuple[str, ...] = (),
        selected: int = 0,
        other: str = "",
    ) -> None:
        super().__init__(id="compare")
        self._paste = paste
        self._options = options
        self._entries = entries if len(entries) > 1 else ()
        self._selected = min(max(selected, 0), max(0, len(entries) - 1))
        self._other = other
        self.comparison: Comparison | None = None
        """The comparison shown (``None``: nothing to compare yet)."""

    def compose(self) -> ComposeResult:
        """The second side (a paste, or two entry pickers), then the results."""
        with Vertical(id="compare-box"):
            yield Label(
                Content.styled("Compare · A (works?) against B (the paste) · esc back", "bold")
            )
            if self._entries:
                other = _other_entry(len(self._entries), self._selected)
                with Horizontal(id="compare-pickers"):
                    yield Label(" A ")
                    yield EntryPicker(self._entries, other, id="compare-a")
                    yield Label(" B ")
                    yield EntryPicker(self._entries, self._selected, id="compare-b")
            else:
                yield SafeTextArea(self._other, id="compare-paste", soft_wrap=True)
            yield Static(EMPTY, id="compare-summary", markup=False)
            yield OptionList(id="compare-differences", markup=False)
            with VerticalScroll(id="compare-detail-box"):
                yield Static("", id="compare-detail", markup=False)

    def on_mount(self) -> None:
        """Compare what is there already; focus where the user acts."""
        for area in self.query("#compare-paste").results(TextArea):
            area.placeholder = PLACEHOLDER
            area.focus()
        self.refresh_comparison()

    def _side_a(self) -> str:
        for area in self.query("#compare-paste").results(TextArea):
            return area.text
        return ""

    def _picked(self, selector: str, default: int) -> int:
        for picker in self.query(selector).results(EntryPicker):
            value = picker.value
            return value if isinstance(value, int) else default
        return default

    def refresh_comparison(self) -> None:
        """Diagnose both sides again and show how they differ."""
        if self._entries:
            other = _other_entry(len(self._entries), self._selected)
            a = self._picked("#compare-a", other)
            b = self._picked("#compare-b", self._selected)
            comparison: Comparison | None = compare_entries(self._paste, a, b, self._options)
        elif self._side_a().strip() and self._paste.strip():
            comparison = compare_texts(self._side_a(), self._paste, self._options)
        else:
            comparison = None
        self._show(comparison)

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        listing = self.query_one("#compare-differences", OptionList)
        detail = self.query_one("#compare-detail", Static)
        if comparison is None:
            self.query_one("#compare-summary", Static).update(EMPTY)
            listing.clear_options()
            detail.update("")
            return
        self.query_one("#compare-summary", Static).update(summary(comparison))
        listing.set_options(
            Option(difference_prompt(d), id=f"difference-{i}")
            for i, d in enumerate(comparison.differences)
        )
        if comparison.differences:
            listing.highlighted = 0
            detail.update(difference_detail(comparison.differences[0]))
        else:
            detail.update("")

    @on(TextArea.Changed, "#compare-paste")
    def _pasted(self, event: TextArea.Changed) -> None:
        event.stop()
        self.refresh_comparison()

    @on(Select.Changed)
    def _picked_entry(self, event: Select.Changed) -> None:
        event.stop()
        self.refresh_comparison()

    @on(OptionList.OptionHighlighted, "#compare-differences")
    def _difference(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        comparison = self.comparison
        index = event.option_index
        if comparison is not None and 0 <= index < len(comparison.differences):
            detail = difference_detail(comparison.differences[index])
            self.query_one("#compare-detail", Static).update(detail)
