"""The command palette (ctrl+p): every action, named ``area: verb``."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from authtui.tui.case_search import Case, case_score
from authtui.tui.keys import all_bindings

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("report: copy as Markdown", "Copy the report (OSC 52 and system clipboard)", "copy_report"),
    ("report: save to file", "Save the report as Markdown to a file you name", "save_report"),
    (
        "paste: from system clipboard",
        "Read the system clipboard (needs a display)",
        "paste_clipboard",
    ),
    ("paste: clear all", "Empty every field (asks first; can be undone)", "clear_all"),
    ("paste: undo clear", "Put back what the last clear emptied", "undo_clear"),
    (
        "compare: with the request that works",
        "Diff the paste against a working one, or two HAR entries",
        "compare",
    ),
    ("demo: load workshop case", "Pick one of the built-in workshop cases", "load_demo"),
    ("demo: next case", "Load the next workshop case (ctrl+PgDn, ] in a list)", "next_case(1)"),
    (
        "demo: previous case",
        "Load the previous workshop case (ctrl+PgUp, [ in a list)",
        "next_case(-1)",
    ),
    (
        "view: toggle redaction",
        "Show or hide tokens and credentials in the report",
        "toggle_redaction",
    ),
    (
        "clock: switch reading",
        "Judge the paste at its own time, or by the device clock",
        "switch_clock",
    ),
    ("view: switch theme", "Cycle dark, light and projector themes", "switch_theme"),
    (
        "view: maximise pane",
        "Fill the screen with the focused pane, and back (escape too)",
        "maximize_pane",
    ),
    ("view: help", "What each pane takes, the keys, pasting over SSH", "help"),
    (
        "view: redraw the screen",
        "Repaint every cell (after the terminal was written over)",
        "redraw",
    ),
    ("go: paste pane", "Focus the paste pane", "focus_pane('paste')"),
    ("go: token pane", "Focus the token pane", "focus_pane('token')"),
    ("go: settings", "Focus the settings", "focus_pane('settings')"),
    ("go: findings", "Focus the findings list", "focus_pane('findings')"),
    ("go: decoded token", "Show the decoded token", "focus_pane('decoded')"),
    ("go: next pane", "Paste, token, settings, findings, decoded token in turn", "next_pane"),
    ("app: quit", "Leave authtui", "quit"),
)
"""(name, help, action) of every palette command."""


def _cases() -> list[tuple[str, Case]]:
    from authtui.core.demos.catalog import DEMOS

    return [(d.name, (d.name, d.title, d.summary)) for d in DEMOS]


def all_commands() -> list[tuple[str, str, str]]:
    """The fixed commands plus one ``demo: load NAME`` per workshop case."""
    from authtui.core.demos.catalog import DEMOS  # the cases pull in key generation: load on demand

    demos = [(f"demo: load {d.name}", d.title, f"load_demo_named({d.name!r})") for d in DEMOS]
    return [*COMMANDS, *demos]


def binding_ids() -> dict[str, str]:
    """Action -> the id of the first binding that runs it (app-wide keys first)."""
    ids: dict[str, str] = {}
    for binding in all_bindings():
        if binding.id:
            ids.setdefault(binding.action, binding.id)
    return ids


class AuthCommands(Provider):
    """authtui's actions for the command palette, each with its live keys."""

    def keys_of(self, action: str) -> str:
        """The live keys of an action (``""``: none), as the help writes them."""
        binding_id = binding_ids().get(action)
        live = getattr(self.app, "live_keys", None)
        if binding_id is None or live is None:
            return ""
        return " / ".join(live(binding_id))

    def _display(self, name: str, shown: Content, action: str) -> Content:
        keys = self.keys_of(action)
        return Content.assemble(shown, ("  " + keys, "dim")) if keys else shown

    async def discover(self) -> Hits:
        """Everything, before the user types."""
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(
                self._display(name, Content(name), action),
                partial(self.app.run_action, action),
                text=name,
                help=help_text,
            )

    async def search(self, query: str) -> Hits:
        """Fuzzy-match every command; a workshop case also by any word of its name,
        title or summary ("wrong aud" finds wrong-audience)."""
        matcher = self.matcher(query)
        by_words = {f"demo: load {name}": case_score(query, case) for name, case in _cases()}
        for name, help_text, action in all_commands():
            score = max(matcher.match(name), by_words.get(name, 0.0))
            if score > 0:
                yield Hit(
                    score,
                    self._display(name, matcher.highlight(name), action),
                    partial(self.app.run_action, action),
                    text=name,
                    help=help_text,
                )
