"""``authtui compare A B`` and ``authtui compare HAR --entry-a N --entry-b M``.

Both sides are diagnosed with the same options and compared; the differences that
can explain why one works and the other does not are printed. Exit 0 when there
are none, 1 when there are some, 2 for a usage error. Imports no UI (an
import-linter contract says so).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from authtui.cli.args import Parser, add_options, build_options, decode_paste, paste_bytes
from authtui.cli.errors import EXIT_ERRORS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from authtui.core.model import Paste


def _parser() -> Parser:
    parser = Parser(
        prog="authtui compare",
        description=(
            "Compare two pastes (a working and a failing request) and name the differences "
            "that explain why one works and the other does not."
        ),
    )
    parser.add_argument("a", metavar="A", help="a file with one side's paste, or - for stdin")
    parser.add_argument(
        "b",
        metavar="B",
        nargs="?",
        help="the other side's paste (omit it to compare two HAR entries of A)",
    )
    parser.add_argument(
        "--entry-a", type=int, metavar="N", help="which entry of A, a HAR file (1 = first)"
    )
    parser.add_argument(
        "--entry-b",
        type=int,
        metavar="M",
        help="which entry of B (or of A, when B is not given) (1 = first)",
    )
    add_options(parser, paste=False, entry=False)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    return parser


def _entry(pasted: Paste, number: int | None, flag: str, name: str) -> int | None:
    """The 0-based exchange index of ``--entry-a``/``--entry-b``, checked against the paste."""
    if number is None:
        return None
    count = len(pasted.exchanges)
    if not 1 <= number <= max(count, 1):
        held = f"holds {count} entr{'y' if count == 1 else 'ies'}" if count else "holds none"
        raise UsageError(f"authtui compare: {flag} {number}: {name} {held} (1 = first)")
    return number - 1


def cmd_compare(argv: Sequence[str]) -> int:
    """``authtui compare``: print the differences; exit 1 when there are some."""
    args = _parser().parse_args(argv)
    if args.b is None and (args.entry_a is None or args.entry_b is None):
        raise UsageError(
            "authtui compare: give two pastes A and B, or one HAR file with --entry-a N --entry-b M"
        )
    if args.a == "-" and args.b == "-":
        raise UsageError("authtui compare: only one side can be read from standard input")
    options = build_options(args)
    from authtui.core.compare.run import compare_diagnosed
    from authtui.core.diagnose import diagnose_with_context
    from authtui.core.read.paste import read_paste
    from authtui.core.render import render_comparison

    pasted_a = read_paste(decode_paste(paste_bytes("A", args.a)))
    pasted_b = pasted_a if args.b is None else read_paste(decode_paste(paste_bytes("B", args.b)))
    entry_a = _entry(pasted_a, args.entry_a, "--entry-a", args.a)
    entry_b = _entry(pasted_b, args.entry_b, "--entry-b", args.a if args.b is None else args.b)
    comparison = compare_diagnosed(
        diagnose_with_context(pasted_a, replace(options, entry=entry_a)),
        diagnose_with_context(pasted_b, replace(options, entry=entry_b)),
    )
    color = args.format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render_comparison(comparison, args.format, color=color))
    sys.stdout.flush()
    return EXIT_ERRORS if comparison.differences else EXIT_OK
