"""``authtui serve``: the TUI's command line, checked here, then served in a browser.

The options and files are read once, before anything listens, so a mistake is
one line and exit 2. Each browser tab then gets its own app process, run by
textual-serve as ``python -m authtui --served [the TUI options]``: ``--served``
tells it that its standard input is textual-serve's protocol (never a paste) and
that it reads no file but those named on this command line. Serving itself is
:mod:`authtui.web.command`, which loads aiohttp and textual-serve only then.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence

from authtui.cli.args import Parser, build_options, paste_text
from authtui.cli.errors import UsageError
from authtui.cli.tui import check_demo, tui_parser
from authtui.web.address import DEFAULT_HOST, DEFAULT_PORT, AddressError, ServedAddress, check_host
from authtui.web.command import serve

SERVE_ONLY = ("--port", "--host")
"""The options that stay with the server; every other one goes to each session's app."""


def serve_parser() -> Parser:
    """The TUI's options plus ``--port`` and ``--host`` (spelled in full)."""
    parser = tui_parser()
    parser.prog = "authtui serve"
    parser.description = (
        "Run the authtui TUI in a browser (textual-serve) on 127.0.0.1. "
        "Prints one URL with a random token; ctrl+c stops."
    )
    parser.allow_abbrev = False
    for action in parser._actions:  # argparse has no public way to reword one option
        if action.dest == "paste":
            action.help = "a file with what you copied (not -: the browser is the input)"
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, metavar="N", help="port (default 8000)"
    )
    parser.add_argument(
        "--host",
        metavar="ADDR",
        help="serve this IP address instead of 127.0.0.1 (for a room of attendees: "
        "anyone who reaches it with the URL can use the app)",
    )
    return parser


def app_argv(argv: Sequence[str]) -> list[str]:
    """The TUI's part of ``argv``: everything but ``--port N`` and ``--host ADDR``."""
    strip = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for option in SERVE_ONLY:
        strip.add_argument(option)
    _, rest = strip.parse_known_args(list(argv))
    return rest


def app_command(argv: Sequence[str]) -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "authtui", "--served", *app_argv(argv)])


def check_args(args: argparse.Namespace) -> ServedAddress:
    """Read every file and option once now; the address to serve, with a fresh token."""
    paste_text(args, stdin=False)
    build_options(args)
    check_demo(args.demo)
    if not 1 <= args.port <= 65535:
        raise UsageError(f"authtui serve: --port {args.port}: give a port from 1 to 65535")
    try:
        host = DEFAULT_HOST if args.host is None else check_host(args.host)
    except AddressError as exc:
        raise UsageError(f"authtui serve: {exc}") from None
    return ServedAddress(host, args.port)


def cmd_serve(argv: Sequence[str]) -> int:
    """``authtui serve``: exit 0 on ctrl+c, 2 for a usage error or a port that is taken."""
    address = check_args(serve_parser().parse_args(argv))
    return serve(app_command(argv), address)
