"""What the command line says when something goes wrong: exit statuses, usage errors,
and :func:`say`, the one writer of messages on standard error.

A message on stderr often carries foreign text: a file name, an environment
variable's name, an option's value, argparse's echo of an unknown option. Every one
goes through :func:`~authtui.core.safety.terminal.one_line` (the terminal boundary,
line breaks shown as ``⏎``), so it is one line and never drives the terminal.
"""

from __future__ import annotations

import sys

from authtui.core.safety.terminal import one_line

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A usage error or a file that cannot be read: one line on stderr, exit 2."""


def say(message: str) -> None:
    """Write ``message`` to stderr as one safe line (escapes shown, never acted on)."""
    sys.stderr.write(one_line(message.strip("\n")) + "\n")
    sys.stderr.flush()
