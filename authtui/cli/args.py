"""What the commands read from the command line: options, files, the paste.

Shared by ``diagnose``, ``compare`` and the TUI launcher; imports no UI.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, BinaryIO, NoReturn

from authtui.cli.errors import UsageError, say
from authtui.cli.files import KEY_BYTES, PASTE_BYTES, SECRET_BYTES, TOKEN_BYTES, read_file
from authtui.core.options import DEFAULT_SKEW, KeyInput, Options, Reading, Secret


class Parser(argparse.ArgumentParser):
    """argparse, with its errors as :class:`UsageError` and its stderr through :func:`say`
    (its messages echo what was typed: an unknown option, a value it rejected)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            say(message)
        raise SystemExit(status)

    def _print_message(self, message: str, file: Any = None) -> None:
        if not message:
            return
        if file is None or file is sys.stderr:
            say(message)
        else:
            file.write(message)  # --help and --version: the tool's own words, on stdout


def add_options(parser: argparse.ArgumentParser, *, paste: bool = True, entry: bool = True) -> None:
    """The options every command shares; ``paste`` and ``entry`` add the PASTE
    argument and ``--entry`` (``compare`` has its own)."""
    if paste:
        parser.add_argument(
            "paste", nargs="?", metavar="PASTE", help="a file with what you copied, or - for stdin"
        )
    parser.add_argument("--token", help="the token, when it is not in the paste")
    parser.add_argument("--token-file", metavar="F", help="read the token from a file")
    parser.add_argument(
        "--now",
        metavar="TIME",
        help="evaluate at TIME: epoch seconds, RFC 3339 or an HTTP-date; 'capture' (the"
        " paste's own time) or 'device'/'now' (this machine's clock). Default: the paste's"
        " Date decides (see README, Clock)",
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
    if entry:
        parser.add_argument(
            "--entry",
            type=int,
            metavar="N",
            help="which entry of a HAR file (1 = first; default: the first failing one)",
        )
    parser.add_argument(
        "--no-redact", action="store_true", help="print tokens and credentials whole"
    )


def _stdin_bytes() -> bytes:
    """Standard input (a pipe with a writer, or a file): read as it comes, bounded."""
    return sys.stdin.buffer.read(PASTE_BYTES)


def paste_bytes(what: str, path: str) -> bytes:
    """A paste named on the command line (``-``: standard input), as far as the reader
    reads it; ``what`` names the argument in messages (``PASTE``, ``A``)."""
    if path == "-":
        return _stdin_bytes()
    return read_file(what, path, PASTE_BYTES).data


def _whole(what: str, path: str, limit: int) -> bytes:
    """A file that must be read whole (a key, a token, a secret): too large is an error."""
    read = read_file(what, path, limit)
    if read.cut:
        raise UsageError(
            f"authtui: cannot read {what} {path}: it is over {limit // (1024 * 1024)} MiB, "
            f"too large for {_WHAT[what]}"
        )
    return read.data


_WHAT = {"--key": "a key file", "--token-file": "a token", "--secret-file": "a secret"}


def decode_paste(data: bytes) -> str:
    """Bytes from a file or a pipe as text; never fails (bad bytes become U+FFFD)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def device_clock() -> float:
    """The device clock: read here, once per command, and passed to the core."""
    return time.time()


def _parse_now(value: str | None) -> tuple[float | None, Reading]:
    """``--now``: a time given (basis ``given``), or the reading a word asks for."""
    if value is None:
        return None, "auto"
    from authtui.core.timefmt import parse_now

    parsed = parse_now(value)
    if parsed == "capture":
        return None, "capture"
    if parsed == "device":
        return None, "device"
    if isinstance(parsed, float):
        return parsed, "auto"
    raise UsageError(
        f"authtui: --now {value!r}: give epoch seconds, an RFC 3339 time, an HTTP-date"
        " (Wed, 01 Jan 2025 10:00:00 GMT), capture, device or now"
    )


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
        data = _whole("--secret-file", args.secret_file, SECRET_BYTES)
        # A file written by `echo` ends with a newline that is not part of the secret.
        return Secret(data[:-2] if data.endswith(b"\r\n") else data.removesuffix(b"\n"))
    if args.secret_env:
        try:
            value = os.environ.get(args.secret_env)
        except (UnicodeError, ValueError):  # a name no environment can hold
            value = None
        if value is None:
            raise UsageError(
                f"authtui: --secret-env {args.secret_env}: no such environment variable"
            )
        return Secret(value.encode())
    return None


def build_options(args: argparse.Namespace, *, redact: bool | None = None) -> Options:
    """Options from parsed arguments (shared by ``diagnose``, ``compare`` and the TUI)."""
    token = args.token
    if args.token_file:
        token = decode_paste(_whole("--token-file", args.token_file, TOKEN_BYTES))
    scopes = tuple(s for value in args.scope for s in value.split())
    keys = tuple(KeyInput(name=path, data=_whole("--key", path, KEY_BYTES)) for path in args.key)
    number = getattr(args, "entry", None)
    entry = number - 1 if number is not None and number > 0 else None
    now, reading = _parse_now(args.now)
    return Options(
        now=now,
        reading=reading,
        device_now=device_clock(),
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


def pipe_pending(args: argparse.Namespace, *, stdin: bool = True) -> bool:
    """The paste is to come from a pipe (``authtui`` or ``authtui -`` with standard
    input not a terminal): the TUI reads it itself, once on screen (``paste_text``
    reads every other standard input: ``authtui -`` at a terminal)."""
    return stdin and args.paste in (None, "-") and not sys.stdin.isatty()


def read_pipe(stream: BinaryIO) -> str:
    """A pipe's text, to its end (up to the read limit), decoded as a paste."""
    return decode_paste(stream.read(PASTE_BYTES))


def paste_text(args: argparse.Namespace, *, stdin: bool = True) -> tuple[str, bool]:
    """The paste, and whether it came from standard input (not a terminal).

    ``stdin=False`` (the app in a browser, ``authtui serve``) never reads standard
    input: the paste is a file or nothing, and ``-`` is a usage error. A paste longer
    than the reader reads is read only that far (:data:`PASTE_BYTES`); the reader then
    notes ``paste.truncated``.
    """
    if not stdin:
        if args.paste == "-":
            raise UsageError("authtui serve: PASTE must be a file, not - (standard input)")
        if args.paste is None:
            return "", False
        return decode_paste(paste_bytes("PASTE", args.paste)), False
    if args.paste == "-" or (args.paste is None and not sys.stdin.isatty()):
        return decode_paste(_stdin_bytes()), not sys.stdin.isatty()
    if args.paste is not None:
        return decode_paste(paste_bytes("PASTE", args.paste)), False
    return "", False
