"""Checks: paste. What the paste itself holds that a person should know about.

Characters that could drive a terminal (escape sequences, bidirectional
controls, zero-width characters) are shown escaped everywhere; this check says
that they were there, and where, so a person is not misled by what a server or
an attacker put in the capture.
"""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding, Severity


def check_control_chars(ctx: Context) -> Iterator[Finding]:
    """``paste.control_chars``: the paste held characters shown as escapes."""
    for note in ctx.paste.notes:
        if note.code != "paste.control_chars":
            continue
        yield Finding(
            "paste.control_chars",
            Severity.INFO,
            "The paste holds control or invisible characters, shown escaped",
            detail=(
                f"{note.message} A header or body with terminal escapes can come from a "
                "hostile server or a proxy; bidirectional and zero-width characters can make "
                "two different values look the same (such as a user name or an audience)."
            ),
            evidence=note.evidence,
            fix=(
                "Read the escaped characters (\\x1b, \\u202e...) as what they are; compare "
                "values by their code points, not by how they look."
            ),
            refs=("Unicode TR #36 §2", "RFC 9110 §5.5"),
        )
        return


CHECKS: tuple[Check, ...] = (check_control_chars,)
