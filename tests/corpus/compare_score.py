"""Score ``authtui compare`` on the real-capture corpus: does the headline name the cause?

For each stack, its working answer (``ok.txt``; ``rfc9728-ok.txt`` for the
``rfc9728-*`` captures of django-oauth-toolkit) is compared with each induced
failure. A pair is *named* when the comparison says the working side works and the
difference its headline names states the induced cause (:data:`DIFF_NAMES`; a
``diff.server`` difference names it when the failing server's own word does, by
score.py's :data:`~score.NAMES`). When no difference explains the failure the
headline falls back on the failing side's own diagnosis: such a pair is counted
apart (*by its own diagnosis*), named when that diagnosis names the cause.
Negatives (a 404, a bad body), and induced failures the stack did not catch (it
answered 2xx: gin-jwt checks no audience), are named when both sides are said to
work.

    python tests/corpus/compare_score.py [develop|heldout|all] [--mode bare|informed] [-v]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from authtui.cli.args import decode_paste
from authtui.core.compare.model import Comparison, Difference, Working
from authtui.core.compare.run import compare_texts
from authtui.core.model import Report
from tests.corpus.score import NAMES, Capture, captures, options_for, split

DIFF_NAMES: dict[str, frozenset[str]] = {
    "missing": frozenset({"diff.header"}),
    "wrong-scheme": frozenset({"diff.scheme"}),
    "no-bearer-prefix": frozenset({"diff.scheme"}),
    "expired": frozenset({"diff.expiry"}),
    "not-yet-valid": frozenset({"diff.expiry"}),
    "wrong-aud": frozenset({"diff.aud"}),
    "wrong-iss": frozenset({"diff.iss"}),
    "bad-signature": frozenset(),
    "unknown-kid": frozenset({"diff.kid"}),
    "alg-none": frozenset({"diff.token_form", "diff.alg"}),
    "malformed": frozenset({"diff.token_form"}),
    "missing-scope": frozenset({"diff.scope"}),
    "refresh-token": frozenset({"diff.typ"}),
    "basic-wrong-password": frozenset({"diff.header", "diff.client"}),
    "proxy-auth": frozenset({"diff.header", "diff.scheme"}),
}
"""For each induced cause, the difference codes that state it (``diff.server`` is
judged by the server's word it names)."""

_CREDENTIAL_VALUES = ("Authorization:", "Proxy-Authorization:", "Basic user")
"""What a ``diff.header`` that names a credential shows as its working side's value."""


@dataclass(frozen=True)
class PairOutcome:
    """How one pair (working answer, induced failure) was compared."""

    failure: Capture
    named: bool
    by_own: bool
    """The headline fell back on the failing side's own diagnosis."""
    working: Working
    cause: str | None
    headline: str


def working_answer(capture: Capture) -> Path:
    """The stack's working answer for this capture's family."""
    prefix = capture.file.partition("-")[0] + "-" if capture.file.startswith("rfc9728-") else ""
    return capture.path.parent / f"{prefix}ok.txt"


def pairs(stacks: list[str]) -> Iterator[tuple[Path, Capture]]:
    """(working answer, failure) for every non-``ok`` capture of these stacks."""
    for capture in captures(stacks):
        if capture.case != "ok":
            yield working_answer(capture), capture


def _heading(comparison: Comparison) -> Difference | None:
    return next((d for d in comparison.differences if d.code == comparison.cause), None)


def _words(report: Report) -> list[str]:
    """A report's server words as finding codes: ``server.*``, then challenge errors."""
    words = [f.code for f in report.findings if f.code.startswith("server.")]
    words += [f"challenge.{c.params['error']}" for c in report.challenges if "error" in c.params]
    return words


def _server_word(comparison: Comparison, failing: str) -> str | None:
    """The word that only the failing side's server said, first (the one a
    ``diff.server`` headline names)."""
    fail = comparison.b if failing == "b" else comparison.a
    work = comparison.a if failing == "b" else comparison.b
    said = set(_words(work))
    return next((w for w in _words(fail) if w not in said), None)


def names_cause(comparison: Comparison, case: str, working: Working) -> bool:
    """Whether the difference the headline names states ``case``."""
    heading = _heading(comparison)
    if heading is None:
        return False
    if heading.code == "diff.server":
        return _server_word(comparison, "b" if working is Working.A else "a") in NAMES[case]
    if heading.code not in DIFF_NAMES[case]:
        return False
    if heading.code == "diff.header":
        value = heading.a if working is Working.A else heading.b
        return value.startswith(_CREDENTIAL_VALUES)
    return True


def judge(failure: Capture, comparison: Comparison, working: Working) -> PairOutcome:
    """Whether the comparison (working side ``working``) names the failure's cause."""
    fail = comparison.b if working is Working.A else comparison.a
    status = fail.exchange.status
    if failure.case == "not-auth" or (status is not None and 200 <= status < 300):
        # Not a failure (or one the stack did not catch): both sides work.
        named, by_own = comparison.working is Working.BOTH, False
    elif comparison.working is not working:
        named, by_own = False, False
    elif comparison.cause is None:
        causes = fail.verdict.causes
        named, by_own = bool(causes) and causes[0] in NAMES[failure.case], True
    else:
        named, by_own = names_cause(comparison, failure.case, working), False
    return PairOutcome(
        failure, named, by_own, comparison.working, comparison.cause, comparison.headline
    )


def run(stacks: list[str], mode: str, *, swapped: bool = False) -> list[PairOutcome]:
    """Compare every pair of ``stacks`` (``swapped``: the failure given first)."""
    outcomes = []
    for ok, failure in pairs(stacks):
        options = options_for(failure, mode)
        good, bad = decode_paste(ok.read_bytes()), decode_paste(failure.path.read_bytes())
        if swapped:
            outcomes.append(judge(failure, compare_texts(bad, good, options), Working.B))
        else:
            outcomes.append(judge(failure, compare_texts(good, bad, options), Working.A))
    return outcomes


def figures(outcomes: list[PairOutcome]) -> tuple[float, float, float, int]:
    """(share named, named by a difference, named by the own diagnosis, pairs)."""
    total = len(outcomes)
    if not total:
        return 0.0, 0.0, 0.0, 0
    by_diff = sum(o.named and not o.by_own for o in outcomes)
    by_own = sum(o.named and o.by_own for o in outcomes)
    return (by_diff + by_own) / total, by_diff / total, by_own / total, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("half", nargs="?", default="all", choices=("develop", "heldout", "all"))
    parser.add_argument("--mode", default="bare", choices=("bare", "informed"))
    parser.add_argument("--swapped", action="store_true", help="give the failure first")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    halves = split()
    chosen = ["develop", "heldout"] if args.half == "all" else [args.half]
    for half in chosen:
        outcomes = run(halves[half], args.mode, swapped=args.swapped)
        named, by_diff, by_own, total = figures(outcomes)
        print(
            f"{half:8} {args.mode:8} named {named:6.1%} (by a difference {by_diff:6.1%}, "
            f"by the failing side's own diagnosis {by_own:6.1%})  ({total} pairs)"
        )
        if args.verbose:
            for o in outcomes:
                if not o.named:
                    print(
                        f"  MISS {o.failure.id:55} case={o.failure.case:20} "
                        f"working={o.working.value} cause={o.cause}\n       {o.headline}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
