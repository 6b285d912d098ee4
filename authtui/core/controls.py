"""The controls a user sets, named as the front end that asks shows them.

Advice names a control ("judge it at its own time with ``--now capture``"): the
command line has flags, the TUI has fields. Each control is one row here, so a
finding's text asks :func:`control` (or :func:`set_to`) with the front end of
:attr:`Options.front <authtui.core.options.Options.front>` and never spells a
flag itself: the TUI never tells a user to "pass --aud".
"""

from __future__ import annotations

from dataclasses import dataclass

from authtui.core.options import FrontEnd


@dataclass(frozen=True, slots=True)
class Control:
    """One setting, as each front end names it."""

    cli: str
    """The command-line flag (``--now``)."""
    tui: str
    """Where the TUI has it (``Settings › Evaluation time``)."""
    key: str = ""
    """The TUI key that reaches it (``alt+s``), when the TUI has one; the TUI's bindings
    fill it in. Shown after the place: ``Settings › Evaluation time (alt+s)``."""

    def shown(self, front: FrontEnd) -> str:
        """The control as ``front`` names it: the flag, or the place and its key."""
        if front != "tui":
            return self.cli
        return f"{self.tui} ({self.key})" if self.key else self.tui


CONTROLS: dict[str, Control] = {
    "now": Control("--now", "Settings › Evaluation time"),
    "skew": Control("--skew", "Settings › Clock skew allowance"),
    "aud": Control("--aud", "Settings › Expected audience"),
    "iss": Control("--iss", "Settings › Expected issuer"),
    "scope": Control("--scope", "Settings › Required scopes"),
    "key": Control("--key", "Settings › Verification key"),
    "secret": Control("--secret-file or --secret-env", "Settings › HMAC secret"),
    "token": Control("--token", "the Token pane"),
    "entry": Control("--entry", "the entry picker above the paste"),
    "redact": Control("--no-redact", "Settings › Redact tokens"),
}
"""Every control advice may name: its flag, its place in the TUI and (once the TUI gives
one) the key that reaches that place."""


def control(name: str, front: FrontEnd = "cli") -> str:
    """The control ``name`` (a key of :data:`CONTROLS`) as ``front`` shows it."""
    return CONTROLS[name].shown(front)


def set_to(name: str, value: str, front: FrontEnd = "cli") -> str:
    """A control set to a value, as ``front`` would have it typed:
    ``--now capture`` or ``Settings › Evaluation time: capture``."""
    if front == "tui":
        return f"{control(name, front)}: {value}"
    return f"{CONTROLS[name].cli} {value}"


def via(name: str, front: FrontEnd = "cli") -> str:
    """``with --key`` or ``in Settings › Verification key``: how to give a value."""
    if front == "tui":
        return f"in {control(name, front)}"
    return f"with {CONTROLS[name].cli}"
