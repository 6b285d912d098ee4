"""The footer of keys, rebuilt only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` removes and mounts all its keys again
whenever the bindings might have changed: at start-up and on every focus
change. authtui's footer shows the app's own keys, the same wherever focus is,
so this footer composes them once (at mount) and again only when what it would
show differs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[object, ...]:
    """Everything the footer draws from the screen's active bindings (sorted by key)."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    shown: list[tuple[object, ...]] = []
    for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show or key == palette:
            what = (binding.action, binding.description, binding.key_display, binding.group)
            shown.append((key, *what, enabled, tooltip))
    # In any order: an editor's own bindings of ctrl+d, ctrl+k... (which the app's
    # priority keys override) put those keys first while it has focus.
    return tuple(sorted(shown, key=lambda item: str(item[0])))


class KeysFooter(Footer):
    """A :class:`Footer` that skips rebuilding when its keys read the same."""

    _shown: tuple[object, ...] | None = None

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self.set_reactive(Footer._bindings_ready, True)  # compose the keys at mount

    def compose(self) -> ComposeResult:
        """The keys, as :class:`Footer` draws them; remembers which they were."""
        self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild only when the keys shown would change."""
        if screen is self.screen and self._shown == shown_keys(screen):
            return
        super().bindings_changed(screen)
