"""Checks: server. What the server's own words mean.

The words are read once, when the context is built (:mod:`authtui.core.words`);
checks that need to know whether the server saw a token look at the same findings.
"""

from __future__ import annotations

from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.model import Finding


def check_server_words(ctx: Context) -> list[Finding]:
    """The server's words, read once when the context was built."""
    return list(ctx.server_findings)


CHECKS: tuple[Check, ...] = (check_server_words,)
