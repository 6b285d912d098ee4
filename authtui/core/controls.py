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
"""Every control advice may name: its flag and its place in the TUI."""


def control(name: str, front: FrontEnd = "cli") -> str:
    """The control ``name`` (a key of :data:`CONTROLS`) as ``front`` shows it."""
    entry = CONTROLS[name]
    return entry.tui if front == "tui" else entry.cli


def set_to(name: str, value: str, front: FrontEnd = "cli") -> str:
    """A control set to a value, as ``front`` would have it typed:
    ``--now capture`` or ``Settings › Evaluation time: capture``."""
    if front == "tui":
        return f"{CONTROLS[name].tui}: {value}"
    return f"{CONTROLS[name].cli} {value}"


def via(name: str, front: FrontEnd = "cli") -> str:
    """``with --key`` or ``in Settings › Verification key``: how to give a value."""
    if front == "tui":
        return f"in {CONTROLS[name].tui}"
    return f"with {CONTROLS[name].cli}"
