"""Score authtui on the real-capture corpus: does ``verdict.causes[0]`` name the known cause?

Each capture was induced on purpose (tests/corpus/README.md), so its cause is known.
A capture is *named* when the verdict's first cause is one of the codes that state
that cause; it is *misread* when a ``server.*`` finding claims something the capture
is not (a false reading is worse than none). Negatives (a 2xx, a 404, a 400 on a bad
body) are named when the verdict says they are not an auth failure.

Two ways to run: ``bare`` (the paste alone, as pasted from a ticket) and ``informed``
(with the audience, issuer, scope and keys the stack was configured with).

    python tests/corpus/score.py [develop|heldout|all] [--mode bare|informed] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from authtui.cli.args import decode_paste
from authtui.core.diagnose import diagnose
from authtui.core.model import Kind, Report
from authtui.core.options import KeyInput, Options

HERE = Path(__file__).resolve().parent

NAMES: dict[str, frozenset[str]] = {
    "missing": frozenset(
        {
            "authz.missing",
            "token.missing",
            "server.missing_token",
            "status.forbidden_without_credentials",
        }
    ),
    "wrong-scheme": frozenset({"authz.scheme_mismatch"}),
    "no-bearer-prefix": frozenset({"authz.no_scheme"}),
    "expired": frozenset({"time.expired", "server.expired"}),
    "not-yet-valid": frozenset({"time.not_yet_valid", "server.not_yet_valid"}),
    "wrong-aud": frozenset({"claims.aud_mismatch", "server.audience"}),
    "wrong-iss": frozenset({"claims.iss_mismatch", "server.issuer"}),
    "bad-signature": frozenset({"sig.invalid", "server.bad_signature"}),
    "unknown-kid": frozenset({"sig.kid_not_found", "server.unknown_key"}),
    "alg-none": frozenset({"token.alg_none"}),
    "malformed": frozenset(
        {"token.malformed", "server.malformed", "authz.invalid_chars", "authz.basic"}
    ),
    "missing-scope": frozenset(
        {"scope.insufficient", "server.scope", "challenge.insufficient_scope"}
    ),
    "refresh-token": frozenset({"token.wrong_type", "server.wrong_token_type"}),
    "basic-wrong-password": frozenset({"authz.basic"}),
    "proxy-auth": frozenset({"authz.missing", "authz.scheme_mismatch", "authz.basic"}),
}
"""For each induced cause, the finding codes that state it."""

CONSISTENT_SERVER: dict[str, frozenset[str]] = {
    "missing": frozenset({"server.missing_token"}),
    "wrong-scheme": frozenset({"server.missing_token", "server.malformed"}),
    "no-bearer-prefix": frozenset({"server.missing_token", "server.malformed"}),
    "expired": frozenset({"server.expired"}),
    "not-yet-valid": frozenset({"server.not_yet_valid"}),
    "wrong-aud": frozenset({"server.audience"}),
    "wrong-iss": frozenset({"server.issuer"}),
    "bad-signature": frozenset({"server.bad_signature"}),
    "unknown-kid": frozenset({"server.unknown_key", "server.bad_signature"}),
    "alg-none": frozenset({"server.bad_signature", "server.malformed"}),
    "malformed": frozenset({"server.malformed", "server.bad_signature"}),
    "missing-scope": frozenset({"server.scope"}),
    "refresh-token": frozenset({"server.wrong_token_type"}),
    "basic-wrong-password": frozenset(),
    "proxy-auth": frozenset({"server.missing_token"}),
    "ok": frozenset(),
    "not-auth": frozenset(),
}
"""The ``server.*`` codes a capture of each cause may honestly carry; any other is a misreading."""

QUOTES_ONLY = frozenset({"server.message"})
"""``server.*`` codes that quote the server's words without claiming a cause: never a misreading."""

NEGATIVE_KINDS = {
    "ok": frozenset({Kind.NOT_AN_AUTH_FAILURE}),
    "not-auth": frozenset({Kind.NOT_AN_AUTH_FAILURE, Kind.BAD_REQUEST}),
}


@dataclass(frozen=True)
class Capture:
    """One capture of the corpus, with what was induced."""

    stack: str
    file: str
    case: str
    captured_at: float
    path: Path
    expect: dict[str, object]
    keys: tuple[Path, ...]
    status: int = 0
    """The last HTTP status curl saw."""

    @property
    def accepted(self) -> bool:
        """The server let an induced failure through (a 2xx): not an auth failure."""
        return self.case not in NEGATIVE_KINDS and 200 <= self.status < 300

    @property
    def id(self) -> str:
        return f"{self.stack}/{self.file}"


@dataclass(frozen=True)
class Outcome:
    """How authtui read one capture."""

    capture: Capture
    named: bool
    misread: tuple[str, ...]
    """``server.*`` codes that claim something the capture is not."""
    top: str | None
    kind: Kind


def split() -> dict[str, list[str]]:
    """The committed halves of the stacks: ``develop`` and ``heldout``."""
    data = json.loads((HERE / "split.json").read_text())
    return {"develop": list(data["develop"]), "heldout": list(data["heldout"])}


def captures(stacks: list[str]) -> Iterator[Capture]:
    """Every capture of these stacks, in file order."""
    for stack in stacks:
        folder = HERE / stack
        meta = json.loads((folder / "stack.json").read_text())
        keys = tuple(folder / k for k in meta.get("keys", []))
        for row in json.loads((folder / "cases.json").read_text()):
            yield Capture(
                stack,
                row["file"],
                row["case"],
                float(row["captured_at"]),
                folder / row["file"],
                dict(meta.get("expect") or {}),
                keys,
                int(row.get("status") or 0),
            )


def options_for(capture: Capture, mode: str) -> Options:
    """The options a person would give: none (``bare``) or the stack's (``informed``).

    The evaluation time is the moment of capture (the device clock of a fresh paste).
    """
    if mode == "bare":
        return Options(now=capture.captured_at)
    expect = capture.expect
    audiences = tuple(str(a) for a in expect.get("aud") or ())  # type: ignore[attr-defined]
    scopes = tuple(str(s) for s in expect.get("scope") or ())  # type: ignore[attr-defined]
    issuer = expect.get("iss") or None
    keys = tuple(KeyInput(str(p), p.read_bytes()) for p in capture.keys if p.name != "secret.txt")
    return Options(
        now=capture.captured_at,
        audiences=audiences,
        issuer=str(issuer) if issuer else None,
        scopes=scopes if capture.case == "missing-scope" else (),
        keys=keys,
    )


def judge(capture: Capture, report: Report) -> Outcome:
    """Whether the report names the capture's known cause, and what it misread."""
    causes = report.verdict.causes
    top = causes[0] if causes else None
    kind = report.verdict.kind
    if capture.case in NEGATIVE_KINDS:
        named = kind in NEGATIVE_KINDS[capture.case]
    elif capture.accepted:
        # What the server answered is what is judged: a 2xx is not an auth failure,
        # even when the token was meant to be refused (the stack did not check it).
        named = kind is Kind.NOT_AN_AUTH_FAILURE
    else:
        named = top in NAMES[capture.case]
    allowed = CONSISTENT_SERVER["ok" if capture.accepted else capture.case]
    misread = tuple(
        sorted(
            {
                f.code
                for f in report.findings
                if f.code.startswith("server.") and f.code not in allowed | QUOTES_ONLY
            }
        )
    )
    return Outcome(capture, named, misread, top, kind)


def run(stacks: list[str], mode: str) -> list[Outcome]:
    """Diagnose every capture of ``stacks``."""
    outcomes = []
    for capture in captures(stacks):
        text = decode_paste(capture.path.read_bytes())
        outcomes.append(judge(capture, diagnose(text, options_for(capture, mode))))
    return outcomes


def figures(outcomes: list[Outcome]) -> tuple[float, float, int]:
    """(share named, share with a misread server.* code, captures)."""
    total = len(outcomes)
    if not total:
        return 0.0, 0.0, 0
    named = sum(o.named for o in outcomes)
    misread = sum(bool(o.misread) for o in outcomes)
    return named / total, misread / total, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("half", nargs="?", default="all", choices=("develop", "heldout", "all"))
    parser.add_argument("--mode", default="bare", choices=("bare", "informed"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    halves = split()
    chosen = ["develop", "heldout"] if args.half == "all" else [args.half]
    for half in chosen:
        outcomes = run(halves[half], args.mode)
        named, misread, total = figures(outcomes)
        print(
            f"{half:8} {args.mode:8} named {named:6.1%}  misread {misread:6.1%}  "
            f"({total} captures, {len(halves[half])} stacks)"
        )
        if args.verbose:
            for o in outcomes:
                if not o.named or o.misread:
                    print(
                        f"  {'MISS' if not o.named else 'ok  '} {o.capture.id:55} "
                        f"case={o.capture.case:20} top={o.top} kind={o.kind.value}"
                        f"{' misread=' + ','.join(o.misread) if o.misread else ''}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
