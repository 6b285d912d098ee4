"""The main screen: styled once at start, where Textual would style it up to thrice.

It wears from the start the classes it would get just after: its width and height
breakpoints (Textual adds them on the first resize, after the widgets are styled),
presenter mode, and the folded inputs of an app that opens on its answer. Added
later, each would style the whole screen again.

Textual also styles each widget as it is mounted, then once more, all of them, when
the screen first becomes active (its ``ScreenResume``), which it does just after the
app has mounted them. Nothing can have changed in between that has not already
restyled what it touched: a class or pseudo-class change, a focus, a theme restyle
their nodes themselves. So the first resume keeps the styles it finds; every later
one is left as Textual sends it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

from authtui.tui.answer import FOLDED

if TYPE_CHECKING:
    from textual.app import App


class MainScreen(Screen[object]):
    """The app's default screen (see the module's note)."""

    _resumed = False
    """Set at the first resume."""

    @classmethod
    def opening(cls, app: App[int], presenter: bool, folded: bool) -> MainScreen:
        """The screen ``app`` opens on, with its classes (see the module's note)."""
        width, height = app.size
        columns = [name for edge, name in sorted(app.HORIZONTAL_BREAKPOINTS or ()) if width >= edge]
        rows = [name for edge, name in sorted(app.VERTICAL_BREAKPOINTS or ()) if height >= edge]
        flags = [*(["-presenter"] if presenter else []), *([FOLDED] if folded else [])]
        return cls(id="_default", classes=" ".join([*columns[-1:], *rows[-1:], *flags]))

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler (subclass first), which reads the flag."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
