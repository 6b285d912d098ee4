"""The key field read once: a path when the field is left, not at every keystroke.

A mixin for :class:`~authtui.tui.app.AuthTUI`. What the field gave is kept with
the text it was read from, so the clock's ticks and edits elsewhere never read
the file again; a path typed into the focused field waits until focus leaves it
(:class:`~authtui.tui.widgets.key_area.KeyFieldLeft`). A path set by the app (the
command line, a workshop case, an undone clear) is read at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from authtui.tui.fields import KeyRead, may_be_path, read_key

if TYPE_CHECKING:
    from textual.app import App

    from authtui.tui.widgets.key_area import KeyFieldLeft

    _Base = App[int]
else:
    _Base = object

PENDING = "key path {path}: read when you leave the field (Tab completes it)"


class KeyReading(_Base):
    """Reads the key field once per text; a path being typed waits for the field to be left."""

    served: bool
    _key_read: tuple[str, KeyRead] | None = None

    if TYPE_CHECKING:

        def rediagnose(self) -> None:
            """Diagnose the fields again (the app's)."""

    def key_reading(self, text: str) -> KeyRead:
        """What the key field gives, reading a file at most once per text."""
        cached = self._key_read
        if cached is not None and cached[0] == text:
            return cached[1]
        focused = self.focused
        typing = focused is not None and focused.id == "key"
        if typing and not self.served and may_be_path(text):
            return (), "", PENDING.format(path=text.strip())
        result = read_key(text, paths=not self.served)
        self._key_read = (text, result)
        return result

    def on_key_field_left(self, event: KeyFieldLeft) -> None:
        """The key field was left: read what it holds (once) and diagnose."""
        event.stop()
        self.call_after_refresh(self.rediagnose)  # focus has moved by then
