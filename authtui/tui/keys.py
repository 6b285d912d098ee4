"""The app's key bindings: each with a description, and an id so it can be remapped."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SWITCH_KEY = "ctrl+r"
"""Switches the clock reading (capture time / device clock). Free while a TextArea
has focus, needs neither alt nor an F-key, and neither terminals, tmux nor a
browser (``authtui serve``) keep it: browsers keep ctrl+t, ctrl+n and ctrl+w."""

APP_BINDINGS: list[BindingType] = [
    Binding("f1", "help", "Help", id="app.help", priority=True),
    Binding("f2", "copy_report", "Copy", id="report.copy", priority=True),
    Binding("f3", "save_report", "Save", id="report.save", priority=True),
    Binding("f4", "load_demo", "Case", id="demo.load", priority=True),
    Binding("f5", "paste_clipboard", "Clipboard", id="paste.clipboard", priority=True),
    Binding("f8", "toggle_redaction", "Redact", id="view.redact", show=False, priority=True),
    Binding("f9", "switch_theme", "Theme", id="view.theme", show=False, priority=True),
    Binding("ctrl+l", "clear_all", "Clear", id="paste.clear", priority=True),
    Binding(SWITCH_KEY, "switch_clock", "Clock", id="clock.switch", priority=True),
    Binding("ctrl+o", "compare", "Compare", id="compare.open", show=False, priority=True),
    Binding("alt+p", "focus_pane('paste')", "Paste pane", id="go.paste", show=False, priority=True),
    Binding("alt+t", "focus_pane('token')", "Token pane", id="go.token", show=False, priority=True),
    Binding(
        "alt+s",
        "focus_pane('settings')",
        "Settings",
        id="go.settings",
        show=False,
        priority=True,
    ),
    Binding(
        "alt+r",
        "focus_pane('findings')",
        "Findings (results)",
        id="go.findings",
        show=False,
        priority=True,
    ),
    Binding(
        "alt+d",
        "focus_pane('decoded')",
        "Decoded token",
        id="go.decoded",
        show=False,
        priority=True,
    ),
    Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
]
"""Every app-wide binding. ``priority`` keeps them working while a TextArea has focus."""
