"""``authtui [PASTE]``: open the TUI, prefilled from the command line."""

from __future__ import annotations

from collections.abc import Sequence

from authtui import __version__
from authtui.cli.args import Parser, add_options, build_options, paste_text
from authtui.cli.errors import UsageError


def _tui_parser() -> Parser:
    parser = Parser(
        prog="authtui",
        description=(
            "Why was this HTTP request refused with 401 or 403? Paste what you have. "
            "Commands: `authtui diagnose [PASTE]` prints a report; "
            "`authtui demos` lists workshop cases."
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
    add_options(parser)
    return parser


def cmd_tui(argv: Sequence[str]) -> int:
    """``authtui [PASTE]``: open the TUI, prefilled."""
    args = _tui_parser().parse_args(argv)
    options = build_options(args)
    text, from_pipe = paste_text(args)
    if args.demo is not None and args.demo:
        from authtui.core.demos.catalog import get_demo

        if get_demo(args.demo) is None:
            raise UsageError(f"authtui: no workshop case {args.demo!r}; `authtui demos` lists them")
    from authtui.tui.launch import NoTerminal, run_tui

    try:
        return run_tui(
            text,
            options,
            demo=args.demo if args.demo is not None else None,
            presenter=args.presenter,
            from_pipe=from_pipe,
        )
    except NoTerminal as exc:
        raise UsageError(str(exc)) from None
