"""The app's key bindings: the single list, each with a description and an id.

Every action has a **direct key** that works while an editor has focus: a ctrl
chord a terminal delivers as one control byte, without alt (macOS Option is not
Meta by default: alt+r types "®") and without F-keys (fn on Mac laptops; GNOME
Terminal keeps F1, F10 and F11). The F-keys stay as second keys. No binding uses
a chord that terminals, tmux or the line discipline take (:data:`RESERVED`). The
keys are nano's where nano has one: ctrl+g help, ctrl+o write the report out,
ctrl+k cut everything, ctrl+u put it back, ctrl+x exit.

The **read-only panes** (findings, detail, decoded token) answer plain keys
(:data:`PANE_BINDINGS`): ``?`` help, ``j``/``k`` down and up, ``/`` find, digits
jump between panes. They are ordinary (non-priority) app bindings: an editor
takes a printable key first, so typing ``?`` into the paste types ``?``.

Any binding is remapped by id from ``keys.toml`` in the user's config directory
(:mod:`authtui.tui.keymap`).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

SWITCH_KEY = "ctrl+r"
"""Switches the clock reading (capture time / device clock)."""

RESERVED: dict[str, str] = {
    "ctrl+c": "interrupt; copy in the editors",
    "ctrl+s": "XOFF flow control (freezes many terminals)",
    "ctrl+q": "XON flow control; quits VS Code's terminal",
    "ctrl+z": "suspend; undo in the editors",
    "ctrl+backslash": "SIGQUIT",
    "ctrl+h": "is backspace",
    "ctrl+i": "is tab",
    "ctrl+j": "is enter (line feed)",
    "ctrl+m": "is enter (carriage return)",
    "ctrl+left_square_bracket": "is escape",
    "ctrl+b": "tmux's prefix",
    "ctrl+a": "GNU screen's prefix; line start in the editors",
    "ctrl+e": "line end in the editors (macOS has no End key)",
    "ctrl+w": "a browser closes the tab (authtui serve)",
}
"""Chords no binding may use by default, and why: what takes them first."""

PANES: tuple[tuple[str, str], ...] = (
    ("paste", "Paste"),
    ("token", "Token"),
    ("settings", "Settings"),
    ("findings", "Findings"),
    ("decoded", "Decoded token"),
)
"""The panes in their digit order (1 = paste)."""


def _pane_key(index: int, name: str, title: str) -> Binding:
    return Binding(
        str(index),
        f"pane_go('{name}')",
        f"{title} pane (from a read-only pane)",
        id=f"pane.go.{name}",
        show=False,
    )


MAXIMIZE_KEY = "ctrl+right_square_bracket,f10"
"""Fills the screen with the focused pane, and back (escape also puts it back):
ctrl+] (one control byte no terminal or tmux keeps), or Harlequin's F10; lazygit's
``+`` in a read-only pane (:data:`PANE_BINDINGS`)."""

NEXT_CASE_KEY = "ctrl+pagedown"
"""The next workshop case, anywhere (``]`` in a read-only pane, where the focus is once
a case is loaded)."""
PREVIOUS_CASE_KEY = "ctrl+pageup"
"""The previous workshop case, anywhere (``[`` in a read-only pane)."""

CSI_CTRL_KEYS = frozenset({"ctrl+pagedown", "ctrl+pageup"})
"""Direct keys that are no one control byte but a sequence every xterm-like terminal
sends (CSI 6;5~ and 5;5~): all 26 ctrl+letters are taken or reserved."""

APP_BINDINGS: list[BindingType] = [
    Binding("ctrl+g,f1", "help", "Help", id="app.help", priority=True),
    Binding("ctrl+y,f2", "copy_report", "Copy", id="report.copy", priority=True),
    Binding("ctrl+o,f3", "save_report", "Save", id="report.save", priority=True),
    Binding("ctrl+d,f4", "load_demo", "Case", id="demo.load", priority=True),
    Binding("ctrl+v,f5", "paste_clipboard", "Clipboard", id="paste.clipboard", priority=True),
    Binding("ctrl+t,f8", "toggle_redaction", "Redact", id="view.redact", show=False, priority=True),
    Binding("ctrl+f,f9", "switch_theme", "Theme", id="view.theme", show=False, priority=True),
    Binding("ctrl+k", "clear_all", "Clear", id="paste.clear", priority=True),
    Binding("ctrl+u", "undo_clear", "Undo clear", id="paste.undo_clear", show=False, priority=True),
    Binding("ctrl+l", "redraw", "Redraw", id="app.redraw", show=False, priority=True),
    Binding(SWITCH_KEY, "switch_clock", "Clock", id="clock.switch", priority=True),
    Binding("ctrl+n", "next_pane", "Next pane", id="go.next", show=False, priority=True),
    Binding(
        "ctrl+underscore,ctrl+slash,f6",
        "compare",
        "Compare",
        id="compare.open",
        show=False,
        priority=True,
    ),
    Binding("alt+p", "focus_pane('paste')", "Paste pane", id="go.paste", show=False, priority=True),
    Binding("alt+t", "focus_pane('token')", "Token pane", id="go.token", show=False, priority=True),
    Binding(
        "alt+s", "focus_pane('settings')", "Settings", id="go.settings", show=False, priority=True
    ),
    Binding(
        "alt+r", "focus_pane('findings')", "Findings", id="go.findings", show=False, priority=True
    ),
    Binding(
        "alt+d",
        "focus_pane('decoded')",
        "Decoded token",
        id="go.decoded",
        show=False,
        priority=True,
    ),
    Binding(
        MAXIMIZE_KEY, "maximize_pane", "Maximise", id="view.maximize", show=False, priority=True
    ),
    Binding(NEXT_CASE_KEY, "next_case(1)", "Next case", id="demo.next", show=False, priority=True),
    Binding(
        PREVIOUS_CASE_KEY,
        "next_case(-1)",
        "Previous case",
        id="demo.previous",
        show=False,
        priority=True,
    ),
    Binding("ctrl+x", "quit", "Quit", id="app.quit", priority=True),
    Binding("ctrl+q", "quit", "Quit (Textual's key)", id="app.quit_q", show=False, priority=True),
]
"""Every app-wide binding. ``priority`` keeps them working while an editor has focus."""

PANE_BINDINGS: list[BindingType] = [
    Binding("question_mark", "pane_help", "Help (in a read-only pane)", id="pane.help", show=False),
    Binding(
        "j",
        "pane_down",
        "Next finding, or a line down (read-only pane)",
        id="pane.down",
        show=False,
    ),
    Binding(
        "k", "pane_up", "Previous finding, or a line up (read-only pane)", id="pane.up", show=False
    ),
    Binding(
        "slash",
        "find",
        "Find in the pane, as you type (read-only pane)",
        id="pane.find",
        show=False,
    ),
    *(_pane_key(i, name, title) for i, (name, title) in enumerate(PANES, start=1)),
    Binding("q", "pane_quit", "Quit (in a read-only pane)", id="pane.quit", show=False),
    Binding(
        "plus", "pane_maximize", "Maximise (in a read-only pane)", id="pane.maximize", show=False
    ),
    Binding(
        "right_square_bracket",
        "pane_next_case(1)",
        "Next workshop case (read-only pane)",
        id="pane.next_case",
        show=False,
    ),
    Binding(
        "left_square_bracket",
        "pane_next_case(-1)",
        "Previous workshop case (read-only pane)",
        id="pane.previous_case",
        show=False,
    ),
]
"""Plain keys of the read-only panes (an editor types them instead)."""

RESERVED_ALIASES = frozenset({"app.quit_q"})
"""Bindings that keep a reserved chord on purpose: Textual apps quit with ctrl+q, and
where the terminal lets it through it still does; ctrl+x is the key that always works."""

PANE_ALT_KEYS = frozenset({"go.paste", "go.token", "go.settings", "go.findings", "go.decoded"})
"""The alt+letter pane keys: extras for terminals where alt works. From an editor
ctrl+n (next pane) reaches every pane; from a read-only pane, a digit."""


def all_bindings() -> list[Binding]:
    """Every binding of the main screen, app-wide and plain."""
    return [b for b in (*APP_BINDINGS, *PANE_BINDINGS) if isinstance(b, Binding)]


def default_key(binding_id: str) -> str:
    """The first key a binding has by default, for static texts ("ctrl+d loads a case")."""
    for binding in all_bindings():
        if binding.id == binding_id:
            return binding.key.split(",")[0]
    raise KeyError(binding_id)


SERVED_KEYMAP = {"paste.clipboard": "f5"}
"""In a browser ctrl+v is the browser's paste: leave it to the page."""
