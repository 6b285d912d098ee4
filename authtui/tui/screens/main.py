"""The main screen: Textual's screen, minus a second styling of every widget at start.

Textual styles each widget as it is mounted, then once more, all of them, when the
screen first becomes active (its ``ScreenResume``), which it does just after the app
has mounted them. Nothing can have changed in between that has not already restyled
what it touched: a class or pseudo-class change, a focus, a theme restyle their
nodes themselves. So the first resume keeps the styles it finds; every later one is
left as Textual sends it.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class MainScreen(Screen[object]):
    """The app's default screen (see the module's note)."""

    _resumed = False
    """Set at the first resume."""

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler (subclass first), which reads the flag."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
