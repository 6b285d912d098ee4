"""Pick which exchange of a HAR paste to diagnose (shown only when there are several).

The app mounts the picker the first time a paste has two or more exchanges;
until then there is nothing to pick and no widget to pay for. A label quotes
the HAR (method, URL, status text): each is one row through the terminal boundary.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import Select

from authtui.core.safety.terminal import one_line


def _options(labels: tuple[str, ...]) -> Iterable[tuple[Text, int]]:
    count = len(labels)
    return ((Text(f"{i + 1}/{count}  {one_line(label)}"), i) for i, label in enumerate(labels))


def _index(labels: tuple[str, ...], selected: int) -> int:
    return min(max(selected, 0), len(labels) - 1)


class EntryPicker(Select[int]):
    """A select of the paste's entries; hidden when the paste has fewer than two."""

    def __init__(
        self, labels: tuple[str, ...] = (), selected: int = 0, *, id: str | None = None
    ) -> None:
        several = len(labels) > 1
        super().__init__(
            _options(labels) if several else (),
            prompt="Pick a HAR entry",
            allow_blank=True,
            value=_index(labels, selected) if several else Select.NULL,
            id=id,
            compact=True,
        )
        self._labels: tuple[str, ...] = labels
        self.display = several

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
        index = _index(labels, selected)
        with self.prevent(Select.Changed):
            if labels != self._labels:
                self._labels = labels
                self.set_options(_options(labels))
            if self.value != index:
                self.value = index  # a change: the shown label follows
