"""``authtui serve``: check the options, bind, print the URL, serve until ctrl+c.

Each browser tab gets its own app process, run by textual-serve as
``python -m authtui --served [the TUI options]``: ``--served`` tells it that its
standard input is textual-serve's protocol (never a paste) and that it reads
no file but those named on this command line.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import shlex
import signal
import sys
from collections.abc import Sequence

from authtui.cli import EXIT_OK, UsageError, _paste_text, _tui_parser, build_options
from authtui.web.address import DEFAULT_HOST, DEFAULT_PORT, AddressError, ServedAddress, check_host

_SERVE_ONLY = ("--port", "--host")


def _serve_parser() -> argparse.ArgumentParser:
    """The TUI's options plus ``--port`` and ``--host`` (spelled in full)."""
    parser = _tui_parser()
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
    for option in _SERVE_ONLY:
        strip.add_argument(option)
    _, rest = strip.parse_known_args(list(argv))
    return rest


def app_command(argv: Sequence[str]) -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "authtui", "--served", *app_argv(argv)])


def _check(args: argparse.Namespace) -> ServedAddress:
    """Read every file and option once now, so a mistake is one line before serving."""
    if args.paste == "-":
        raise UsageError("authtui serve: PASTE must be a file, not - (standard input)")
    build_options(args)
    _paste_text(args, stdin=False)
    if args.demo:
        from authtui.core.demos import get_demo

        if get_demo(args.demo) is None:
            raise UsageError(f"authtui: no workshop case {args.demo!r}; `authtui demos` lists them")
    if not 1 <= args.port <= 65535:
        raise UsageError(f"authtui serve: --port {args.port}: give a port from 1 to 65535")
    try:
        host = DEFAULT_HOST if args.host is None else check_host(args.host)
    except AddressError as exc:
        raise UsageError(f"authtui serve: {exc}") from None
    return ServedAddress(host, args.port)


def _bind_error(address: ServedAddress, exc: OSError) -> UsageError:
    if exc.errno == errno.EADDRINUSE:
        return UsageError(
            f"authtui serve: port {address.port} on {address.host} is taken: "
            "choose another with --port N"
        )
    return UsageError(f"authtui serve: cannot listen on {address.netloc}: {exc.strerror or exc}")


def _announce(address: ServedAddress) -> None:
    """The warning for another address, then the one URL (stdout), once listening."""
    if address.host != DEFAULT_HOST:
        print(
            f"authtui serve: warning: serving on {address.host}, not 127.0.0.1: anyone who "
            f"can reach {address.netloc} and has the URL can use this app and read its paste",
            file=sys.stderr,
        )
    print("authtui serve: open this URL in a browser; ctrl+c stops:", file=sys.stderr)
    print(address.url, flush=True)


async def _serve(command: str, address: ServedAddress) -> None:
    from authtui.web.server import AuthServer

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await AuthServer(command, address).run(stop, lambda: _announce(address))


def cmd_serve(argv: Sequence[str]) -> int:
    """``authtui serve``: exit 0 on ctrl+c, 2 for a usage error or a port that is taken."""
    args = _serve_parser().parse_args(argv)
    address = _check(args)
    try:
        asyncio.run(_serve(app_command(argv), address))
    except OSError as exc:
        raise _bind_error(address, exc) from None
    print("authtui serve: stopped", file=sys.stderr)
    return EXIT_OK
