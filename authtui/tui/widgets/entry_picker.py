"""Pick which exchange of a HAR paste to diagnose (shown only when there are several)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Select


class EntryPicker(Select[int]):
    """A select of the paste's entries; hidden when the paste has fewer than two."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__((), prompt="Pick a HAR entry", allow_blank=True, id=id, compact=True)
        self._labels: tuple[str, ...] = ()
        self.display = False

    @property
    def labels(self) -> tuple[str, ...]:
        """The entry labels on offer."""
        return self._labels

    def show_entries(self, labels: tuple[str, ...], selected: int) -> None:
        """Offer these entries (hidden unless there are two or more)."""
        self.display = len(labels) > 1
        if len(labels) < 2:
            self._labels = labels
            return
        index = min(max(selected, 0), len(labels) - 1)
        with self.prevent(Select.Changed):
            if labels != self._labels:
                self._labels = labels
                count = len(labels)
                self.set_options(
                    (Text(f"{i + 1}/{count}  {label}"), i) for i, label in enumerate(labels)
                )
            if self.value != index:
                self.value = index  # a change: the shown label follows
