"""``authtui [PASTE]``: open the TUI, prefilled from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from authtui import __version__
from authtui.cli.args import (
    Parser,
    add_options,
    build_options,
    paste_text,
    pipe_pending,
    read_pipe,
)
from authtui.cli.errors import UsageError


def tui_parser() -> Parser:
    """The TUI's command line; ``authtui serve`` adds its own options to it."""
    parser = Parser(
        prog="authtui",
        description=(
            "Why was this HTTP request refused with 401 or 403? Paste what you have. "
            "Commands: `authtui diagnose [PASTE]` prints a report; "
            "`authtui compare A B` names what differs between a working and a failing "
            "request; `authtui demos` lists workshop cases; "
            "`authtui serve` opens the TUI in a browser."
        ),
    )
    parser.add_argument("--version", action="version", version=f"authtui {__version__}")
    parser.add_argument(
        "--demo", nargs="?", const="", metavar="NAME", help="open a built-in workshop case"
    )
    parser.add_argument(
        "--presenter",
        action="store_true",
        help="presenter mode: large verdict, light theme, redaction forced",
    )
    # Set by `authtui serve` on the command line of each browser session's app:
    # no standard input (it carries textual-serve's protocol), no file paths.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    add_options(parser)
    return parser


def check_demo(name: str | None) -> None:
    """A usage error unless ``name`` is empty or names a workshop case."""
    if not name:
        return
    from authtui.core.demos.catalog import get_demo  # only when a case is named

    if get_demo(name) is None:
        raise UsageError(f"authtui: no workshop case {name!r}; `authtui demos` lists them")


def cmd_tui(argv: Sequence[str]) -> int:
    """``authtui [PASTE]``: open the TUI, prefilled."""
    args = tui_parser().parse_args(argv)
    options = build_options(args)
    piped = pipe_pending(args, stdin=not args.served)  # read by the app, once on screen
    text, from_pipe = ("", True) if piped else paste_text(args, stdin=not args.served)
    check_demo(args.demo)
    head_start = None
    if args.demo is None and not from_pipe:  # a case fills the fields with its own
        from authtui.tui.head_start import begin

        head_start = begin(text, options, presenter=args.presenter, served=args.served)
    from authtui.tui.launch import NoTerminal, run_tui  # Textual: after the head start

    try:
        return run_tui(
            text,
            options,
            demo=args.demo if args.demo is not None else None,
            presenter=args.presenter,
            from_pipe=from_pipe,
            served=args.served,
            read_pipe=read_pipe if piped else None,
            head_start=head_start,
        )
    except NoTerminal as exc:
        raise UsageError(str(exc)) from None
