"""Command line: ``authtui [PASTE]``, ``authtui diagnose``, ``authtui demos``, ``authtui serve``.

``diagnose`` never imports the TUI (it must start fast); the TUI is imported
only when it is about to run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from authtui import __version__
from authtui.core.options import DEFAULT_SKEW, KeyInput, Options, Secret

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
_READ_LIMIT = 64 * 1024 * 1024
"""Read at most this many bytes of a paste; the reader caps what it looks at anyway."""


class UsageError(Exception):
    """A usage error or a file that cannot be opened: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paste", nargs="?", metavar="PASTE", help="a file with what you copied, or - for stdin"
    )
    parser.add_argument("--token", help="the token, when it is not in the paste")
    parser.add_argument("--token-file", metavar="F", help="read the token from a file")
    parser.add_argument(
        "--now", metavar="TIME", help="evaluate at TIME (epoch seconds or RFC 3339)"
    )
    parser.add_argument(
        "--skew",
        metavar="SECONDS",
        default=str(DEFAULT_SKEW),
        help="clock-skew allowance (default 60)",
    )
    parser.add_argument(
        "--aud",
        action="append",
        default=[],
        metavar="VALUE",
        help="an audience the API expects (repeatable)",
    )
    parser.add_argument("--iss", metavar="VALUE", help="the issuer the API expects")
    parser.add_argument(
        "--scope",
        action="append",
        default=[],
        metavar="SCOPE",
        help="a scope or role the endpoint requires (repeatable)",
    )
    parser.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="F",
        help="verification key: PEM, certificate, JWK or JWKS (repeatable)",
    )
    parser.add_argument(
        "--secret-file", metavar="F", help="a file holding the HMAC secret (never printed)"
    )
    parser.add_argument(
        "--secret-env", metavar="NAME", help="an environment variable holding the HMAC secret"
    )
    parser.add_argument(
        "--entry", type=int, metavar="N", help="which failing exchange of a HAR file (1 = first)"
    )
    parser.add_argument(
        "--no-redact", action="store_true", help="print tokens and credentials whole"
    )


def _diagnose_parser() -> _Parser:
    parser = _Parser(
        prog="authtui diagnose",
        description="Diagnose a 401/403 without a UI and print a report.",
    )
    _add_options(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    return parser


def _tui_parser() -> _Parser:
    parser = _Parser(
        prog="authtui",
        description=(
            "Why was this HTTP request refused with 401 or 403? Paste what you have. "
            "Commands: `authtui diagnose [PASTE]` prints a report; "
            "`authtui demos` lists workshop cases; "
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
    _add_options(parser)
    return parser


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(_READ_LIMIT)
    try:
        with Path(path).open("rb") as handle:
            return handle.read(_READ_LIMIT)
    except OSError as exc:
        raise UsageError(f"authtui: cannot open {path}: {exc.strerror or exc}") from None


def decode_paste(data: bytes) -> str:
    """Bytes from a file or a pipe as text; never fails (bad bytes become U+FFFD)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def _parse_now(value: str | None) -> float | None:
    if value is None:
        return None
    from authtui.core.timefmt import parse_time_option

    parsed = parse_time_option(value)
    if parsed is None:
        raise UsageError(f"authtui: --now {value!r}: give epoch seconds or an RFC 3339 time")
    return parsed


def _parse_skew(value: str) -> float:
    try:
        skew = float(value)
    except ValueError:
        raise UsageError(f"authtui: --skew {value!r}: give a number of seconds") from None
    if not 0 <= skew <= 10 * 365 * 86400:
        raise UsageError(f"authtui: --skew {value!r}: give a non-negative number of seconds")
    return skew


def _secret(args: argparse.Namespace) -> Secret | None:
    if args.secret_file and args.secret_env:
        raise UsageError("authtui: give --secret-file or --secret-env, not both")
    if args.secret_file:
        data = _read_bytes(args.secret_file)
        # A file written by `echo` ends with a newline that is not part of the secret.
        return Secret(data[:-2] if data.endswith(b"\r\n") else data.removesuffix(b"\n"))
    if args.secret_env:
        value = os.environ.get(args.secret_env)
        if value is None:
            raise UsageError(
                f"authtui: --secret-env {args.secret_env}: no such environment variable"
            )
        return Secret(value.encode())
    return None


def build_options(args: argparse.Namespace, *, redact: bool | None = None) -> Options:
    """Options from parsed arguments (shared by ``diagnose`` and the TUI)."""
    token = args.token
    if args.token_file:
        token = decode_paste(_read_bytes(args.token_file))
    scopes = tuple(s for value in args.scope for s in value.split())
    keys = tuple(KeyInput(name=path, data=_read_bytes(path)) for path in args.key)
    entry = args.entry - 1 if args.entry is not None and args.entry > 0 else None
    return Options(
        now=_parse_now(args.now),
        skew=_parse_skew(str(args.skew)),
        audiences=tuple(args.aud),
        issuer=args.iss,
        scopes=scopes,
        keys=keys,
        secret=_secret(args),
        token=token,
        entry=entry,
        redact=not args.no_redact if redact is None else redact,
    )


def _paste_text(args: argparse.Namespace, *, stdin: bool = True) -> tuple[str, bool]:
    """The paste, and whether it came from a pipe; ``stdin=False`` never reads standard input."""
    if not stdin:
        if args.paste == "-":
            raise UsageError("authtui serve: PASTE must be a file, not - (standard input)")
        return ("" if args.paste is None else decode_paste(_read_bytes(args.paste))), False
    if args.paste is not None:
        return decode_paste(_read_bytes(args.paste)), args.paste == "-" and not sys.stdin.isatty()
    if not sys.stdin.isatty():
        return decode_paste(sys.stdin.buffer.read(_READ_LIMIT)), True
    return "", False


def cmd_diagnose(argv: Sequence[str]) -> int:
    """``authtui diagnose``: print the report; exit 1 when a finding is an error."""
    args = _diagnose_parser().parse_args(argv)
    options = build_options(args)
    if args.paste is None and sys.stdin.isatty() and not (options.token or "").strip():
        raise UsageError(
            "authtui diagnose: nothing to diagnose: give PASTE, pipe it in, or use --token"
        )
    # An empty or unreadable paste is content, not a usage error: the report says so.
    text, _ = _paste_text(args)
    from authtui.core.diagnose import diagnose
    from authtui.core.render import render

    report = diagnose(text, options)
    color = args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render(report, args.format, color=color))
    sys.stdout.flush()
    return EXIT_ERRORS if report.has_error else EXIT_OK


def cmd_demos() -> int:
    """``authtui demos``: list the built-in workshop cases."""
    from authtui.core.demos import describe_demos

    sys.stdout.write(describe_demos().rstrip("\n") + "\n")
    return EXIT_OK


def cmd_tui(argv: Sequence[str]) -> int:
    """``authtui [PASTE]``: open the TUI, prefilled."""
    args = _tui_parser().parse_args(argv)
    options = build_options(args)
    text, from_pipe = _paste_text(args, stdin=not args.served)
    if args.demo is not None and args.demo:
        from authtui.core.demos import get_demo

        if get_demo(args.demo) is None:
            raise UsageError(f"authtui: no workshop case {args.demo!r}; `authtui demos` lists them")
    from authtui.tui.app import run_tui

    return run_tui(
        text,
        options,
        demo=args.demo if args.demo is not None else None,
        presenter=args.presenter,
        from_pipe=from_pipe,
        served=args.served,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``authtui`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["diagnose"]:
            return cmd_diagnose(argv[1:])
        if argv[:1] == ["demos"]:
            return cmd_demos()
        if argv[:1] == ["serve"]:
            from authtui.web.command import cmd_serve  # aiohttp and textual-serve, on demand

            return cmd_serve(argv[1:])
        return cmd_tui(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SystemExit as exc:  # argparse --help / --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except Exception as exc:
        if os.environ.get("AUTHTUI_DEBUG"):
            raise
        print(
            f"authtui: internal error (a bug in authtui): {type(exc).__name__}: {exc}; "
            "run with AUTHTUI_DEBUG=1 for the traceback",
            file=sys.stderr,
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
