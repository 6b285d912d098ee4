"""``authtui diagnose`` and ``authtui demos``: reports without a UI.

This module never imports the TUI, Textual or Rich (an import-linter contract says
so): ``diagnose`` must start fast and run where no terminal is.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from authtui.cli.args import Parser, add_options, build_options, paste_text
from authtui.cli.errors import EXIT_ERRORS, EXIT_OK, UsageError


def _diagnose_parser() -> Parser:
    parser = Parser(
        prog="authtui diagnose",
        description="Diagnose a 401/403 without a UI and print a report.",
    )
    add_options(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    return parser


def cmd_diagnose(argv: Sequence[str]) -> int:
    """``authtui diagnose``: print the report; exit 1 when a finding is an error."""
    args = _diagnose_parser().parse_args(argv)
    options = build_options(args)
    if args.paste is None and sys.stdin.isatty() and not (options.token or "").strip():
        raise UsageError(
            "authtui diagnose: nothing to diagnose: give PASTE, pipe it in, or use --token"
        )
    # An empty or unreadable paste is content, not a usage error: the report says so.
    text, _ = paste_text(args)
    from authtui.core.diagnose import diagnose
    from authtui.core.render import render

    report = diagnose(text, options)
    color = args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render(report, args.format, color=color))
    sys.stdout.flush()
    return EXIT_ERRORS if report.has_error else EXIT_OK


def cmd_demos() -> int:
    """``authtui demos``: list the built-in workshop cases."""
    from authtui.core.demos.catalog import describe_demos

    sys.stdout.write(describe_demos().rstrip("\n") + "\n")
    return EXIT_OK
