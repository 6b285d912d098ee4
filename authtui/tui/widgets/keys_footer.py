"""The footer of keys: one widget drawing one line.

Textual's :class:`~textual.widgets.Footer` is a scrolling container holding a
widget per key; on authtui's main screen that was ten widgets to mount, style
and lay out before the first frame (about a tenth of the time to it), for one
line of text. This footer draws the same line itself: each key the screen's
bindings show (one per action, as Textual's footer does), then the command
palette's key at the right edge. A key that does not fit whole is left out
rather than drawn under the palette's. Clicking a key presses it; hovering
highlights it and shows its tooltip. The line is worked out again only when
the keys it shows change (focus moves often; authtui's keys stay the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

EDGE = "▏"
"""Drawn before the palette's key (Textual's footer: a ``vkey`` left border)."""


@dataclass(frozen=True, slots=True)
class ShownKey:
    """One key in the footer."""

    key: str
    """What pressing it sends (``ctrl+g``)."""
    display: str
    """How it is written (``^g``)."""
    description: str
    enabled: bool = True
    tooltip: str = ""

    @property
    def width(self) -> int:
        """Cells it takes: the key, then a space and its description."""
        return cell_len(self.display) + (1 + cell_len(self.description) if self.description else 0)


def shown_keys(screen: Screen[object]) -> tuple[tuple[ShownKey, ...], ShownKey | None]:
    """The keys the footer shows for the screen's active bindings (the first binding
    of each action that is shown), and the command palette's key (``None``: none).

    Their order follows the focus: an editor's own bindings of ctrl+d, ctrl+k...
    (which the app's priority keys override) come first while it has focus, so
    the footer keeps the order it first had while the same keys are shown."""
    app = screen.app
    keys: list[ShownKey] = []
    actions: set[str] = set()
    active = screen.active_bindings
    for _, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(_shown(screen, binding, enabled, tooltip))
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
        tip = tooltip or binding.tooltip or binding.description
        palette = _shown(screen, binding, enabled, tip)
    return tuple(keys), palette


def _shown(screen: Screen[object], binding: Binding, enabled: bool, tooltip: str) -> ShownKey:
    display = screen.app.get_key_display(binding)
    return ShownKey(binding.key, display, binding.description, enabled, tooltip)


@dataclass(frozen=True, slots=True)
class Placed:
    """A key where the footer draws it: cells ``start`` to ``end`` (excluded)."""

    key: ShownKey
    start: int
    end: int
    palette: bool = False


def place(keys: tuple[ShownKey, ...], palette: ShownKey | None, width: int) -> tuple[Placed, ...]:
    """Where each key goes on a line ``width`` cells wide: from the left, one cell
    apart, while each fits whole before the palette's key, which ends the line."""
    edge, last = width, None
    if palette is not None and len(EDGE) + palette.width + 1 <= width:
        edge = width - len(EDGE) - palette.width - 1  # one cell after it, as between keys
        last = Placed(palette, edge, width - 1, palette=True)
    spots: list[Placed] = []
    x = 0
    for key in keys:
        if x + key.width > edge:
            break
        spots.append(Placed(key, x, x + key.width))
        x += key.width + 1
    return (*spots, last) if last is not None else tuple(spots)


class KeysFooter(Widget, can_focus=False):
    """Every key the screen's bindings show, on one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-footer--item",
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--hover",
        "keys-footer--edge",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--item {
            background: $footer-item-background;
        }
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .keys-footer--edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[ShownKey, ...] = ()
        self._palette: ShownKey | None = None
        self._hover: ShownKey | None = None

    @property
    def keys(self) -> tuple[ShownKey, ...]:
        """The keys shown from the left (the palette's aside), before any is left out."""
        return self._keys

    def placed(self) -> tuple[Placed, ...]:
        """Every key drawn, where it is drawn (at the footer's width now)."""
        return place(self._keys, self._palette, self.size.width)

    def on_mount(self) -> None:
        """Show the screen's keys, and follow them."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following the screen's keys."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's bindings may have changed: redraw if the keys shown did."""
        if screen is not self.screen:
            return
        keys, palette = shown_keys(screen)
        if palette == self._palette and set(keys) == set(self._keys):
            return  # the same keys, perhaps in another order: they stay where they are
        self._keys, self._palette, self._hover = keys, palette, None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The one line: each key drawn, the footer's background between."""
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        segments: list[Segment] = []
        x = 0
        for spot in self.placed():
            if spot.start > x:
                segments.append(Segment(" " * (spot.start - x), base))
            segments.extend(self._drawn(spot))
            x = spot.end
        if width > x:
            segments.append(Segment(" " * (width - x), base))
        return Strip(segments, width)

    def _drawn(self, spot: Placed) -> list[Segment]:
        key = spot.key
        item = self.get_component_rich_style(
            "keys-footer--hover" if key == self._hover else "keys-footer--item"
        )
        if not key.enabled:
            item += Style(dim=True)
        part = self.get_component_rich_style
        segments = []
        if spot.palette:  # the colour alone: it is translucent, over the item's background
            edge = Style(color=part("keys-footer--edge").color)
            segments.append(Segment(EDGE, item + edge))
        segments.append(Segment(key.display, item + part("keys-footer--key", partial=True)))
        if key.description:
            description = part("keys-footer--description", partial=True)
            segments.append(Segment(f" {key.description}", item + description))
        return segments

    def _key_at(self, x: int) -> ShownKey | None:
        for spot in self.placed():
            if spot.start <= x < spot.end:
                return spot.key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Highlight the key under the pointer, with its tooltip."""
        self._hover_on(self._key_at(event.x))

    def on_leave(self) -> None:
        """The pointer left: nothing highlighted."""
        self._hover_on(None)

    def _hover_on(self, key: ShownKey | None) -> None:
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key under it (a disabled one rings the bell)."""
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
