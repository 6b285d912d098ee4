"""Themes: the projector theme for presenter mode, and the F9 cycle."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR = Theme(
    name="authtui-projector",
    primary="#0B4F9C",
    secondary="#5A2D82",
    accent="#8A3B00",
    warning="#8A5A00",
    error="#B3001B",
    success="#1E6B2A",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F2F2F2",
    panel="#E4E8EE",
    dark=False,
)
"""High contrast on white: reads from the back of a room with a washed-out projector."""

THEME_CYCLE = ("textual-dark", "textual-light", "authtui-projector", "nord", "solarized-light")
"""What F9 cycles through."""
