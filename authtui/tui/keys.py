"""The app's key bindings: each with a description, and an id so it can be remapped."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SWITCH_KEY = "ctrl+r"
"""Switches the clock reading (capture time / device clock). Free while a TextArea
has focus, needs neither alt nor an F-key, and neither terminals, tmux nor a
browser (``authtui serve``) keep it: browsers keep ctrl+t, ctrl+n and ctrl+w."""

MAXIMIZE_KEY = "f10,plus"
"""Fills the screen with the focused pane, and back (escape also puts it back):
Harlequin's F10, lazygit's ``+`` (in a read-only pane; an editor types it)."""

NEXT_CASE_KEY = "ctrl+pagedown,right_square_bracket"
"""The next workshop case: ctrl+PgDn anywhere, ``]`` in a read-only pane (where the
focus is once a case is loaded)."""
PREVIOUS_CASE_KEY = "ctrl+pageup,left_square_bracket"
"""The previous workshop case: ctrl+PgUp anywhere, ``[`` in a read-only pane."""

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
    Binding(MAXIMIZE_KEY, "maximize_pane", "Maximise", id="view.maximize", show=False),
    Binding(NEXT_CASE_KEY, "next_case(1)", "Next case", id="demo.next", show=False),
    Binding(PREVIOUS_CASE_KEY, "next_case(-1)", "Previous case", id="demo.previous", show=False),
    Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
]
"""Every app-wide binding. ``priority`` keeps them working while a TextArea has focus."""


def default_key(binding_id: str) -> str:
    """The first key a binding has by default, for static texts ("alt+p edits")."""
    for binding in APP_BINDINGS:
        if isinstance(binding, Binding) and binding.id == binding_id:
            return binding.key.split(",")[0]
    raise KeyError(binding_id)
