"""How the Clock rule reads the real-capture corpus a month after the fact.

    python bench/clock_corpus.py [DAYS]

Each capture of tests/corpus is diagnosed three ways, the device clock DAYS (default
30) after its capture: at its own time (``--now`` set to it: the ideal), with no
``--now`` (the Clock rule decides), and by the device clock (``--now device``, what
authtui did before the rule). Prints the share whose first cause names the induced
one for each, and the bases the rule chose.

A token captured while not yet valid is issued after the response's Date, which the
rule reads as a server clock behind (the contract's Clock): the device clock judges
it, and ``time.server_clock`` ("By the server's clock (Date), the token was not yet
valid") comes first, a code the corpus's table does not count for that cause.
"""

from __future__ import annotations

import collections
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from authtui.cli.args import decode_paste
from authtui.core.diagnose import diagnose
from tests.corpus.score import captures, judge, options_for, split


def main(days: float) -> None:
    """Diagnose every capture three ways and print the shares."""
    halves = split()
    named = collections.Counter[str]()
    bases = collections.Counter[str]()
    total = 0
    for capture in captures(halves["develop"] + halves["heldout"]):
        text = decode_paste(capture.path.read_bytes())
        given = options_for(capture, "informed")
        later = dataclasses.replace(given, now=None, device_now=capture.captured_at + days * 86400)
        ways = {
            "at its own time": given,
            "no --now (the rule)": later,
            "--now device": dataclasses.replace(later, reading="device"),
        }
        for way, options in ways.items():
            report = diagnose(text, options)
            named[way] += judge(capture, report).named
            if way == "no --now (the rule)":
                bases[report.clock.basis.value] += 1
        total += 1
    print(f"{total} captures, the device clock {days:g} days after each")
    for way in ("at its own time", "no --now (the rule)", "--now device"):
        print(f"  first cause names the induced one, {way}: {named[way] / total:.1%}")
    print("  basis the rule chose: " + ", ".join(f"{b} {n}" for b, n in sorted(bases.items())))


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0)
