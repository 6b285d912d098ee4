"""Core against its floor: diagnose() on the typical case against PyJWT alone.

Verified: diagnose() with the three-key JWKS against PyJWT reading the same JWKS
text (``PyJWKSet.from_json``), picking the token's kid and verifying with
``jwt.decode`` (goal: at most 3x). Also shown: PyJWT with the signing key's PEM.
Unverified: diagnose() without a key against
``jwt.decode(token, options={"verify_signature": False})`` (goal: at most 10x).

diagnose() keeps what depends only on the paste's exchange and the key file in small
caches, and these calls repeat the same inputs; the "first sight" figures empty every
bounded cache of the core before each call (a paste and key never seen before), and
the keystroke figure is the TUI's loop: the paste read once, ``diagnose_paste`` with
the token pane one character longer each call.

Run: ``python bench/core_floor.py``. Prints figures; the ratio is the last line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace

import _case
import jwt
from _case import AUDIENCE, ISSUER, best_of, ratio_line, show

from authtui.core.diagnose import diagnose, diagnose_paste
from authtui.core.read.paste import read_paste


def _bounded_caches() -> list[Callable[[], None]]:
    """``cache_clear`` of every bounded ``functools`` cache in the core (those keyed on
    inputs; unbounded ones hold tables built once per process)."""
    clears = []
    for name, module in list(sys.modules.items()):
        if name.startswith("authtui.core"):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if callable(info) and info().maxsize is not None:
                    clears.append(value.cache_clear)
    return clears


def first_sight(func: Callable[[], object]) -> float:
    """Seconds per call of ``func`` with every bounded cache emptied before it (the
    emptying itself timed apart and taken off)."""
    clears = _bounded_caches()

    def cleared() -> None:
        for clear in clears:
            clear()

    def both() -> None:
        cleared()
        func()

    return max(best_of(both) - best_of(cleared), 0.0)


def keystroke(case: _case.Case) -> float:
    """Seconds per call of the TUI's loop: the paste without its token read once, then
    one diagnosis per character typed into the token pane (200 characters)."""
    pasted = read_paste(case.paste.replace(f"Authorization: Bearer {case.token}\r\n", ""))
    base = replace(_case.options(case), front="tui")
    typed = [replace(base, token=case.token[:i]) for i in range(1, 201)]

    def loop() -> None:
        for options in typed:
            diagnose_paste(pasted, options)

    return best_of(loop, repeat=5) / len(typed)


def main() -> int:
    """Measure and print; always exit 0."""
    case = _case.build_case()
    keyed, keyless = _case.options(case), _case.options(case, with_key=False)
    token = case.token
    pem = case.public_pem.decode()
    kid = jwt.get_unverified_header(token)["kid"]
    opts = {"verify_aud": False}
    # PyJWT reads the wall clock; a leeway as wide as the gap to NOW keeps its time
    # checks running (as diagnose's do) without failing on a token built for NOW.
    leeway = abs(time.time() - _case.NOW) + 3600

    def pyjwt_jwks() -> object:
        key = jwt.PyJWKSet.from_json(case.jwks)[kid]
        return jwt.decode(
            token, key, algorithms=["RS256"], issuer=ISSUER, options=opts, leeway=leeway
        )

    def pyjwt_pem() -> object:
        return jwt.decode(
            token, pem, algorithms=["RS256"], issuer=ISSUER, options=opts, leeway=leeway
        )

    def pyjwt_unverified() -> object:
        return jwt.decode(token, options={"verify_signature": False})

    print(f"typical case: {len(case.paste)} chars of headers, RS256 token, 3-key JWKS")
    print(
        f"audience expected {AUDIENCE}; findings: "
        + ", ".join(f.code for f in diagnose(case.paste, keyed).findings)
    )
    verified = best_of(lambda: diagnose(case.paste, keyed))
    floor_jwks = best_of(pyjwt_jwks)
    floor_pem = best_of(pyjwt_pem)
    unverified = best_of(lambda: diagnose(case.paste, keyless))
    floor_none = best_of(pyjwt_unverified)
    show("diagnose(), three-key JWKS", verified)
    show("PyJWT: PyJWKSet.from_json + decode (floor)", floor_jwks)
    show("PyJWT: decode with the PEM", floor_pem)
    show("diagnose(), no key", unverified)
    show("PyJWT: decode(verify_signature=False) (floor)", floor_none)
    verified_first = first_sight(lambda: diagnose(case.paste, keyed))
    unverified_first = first_sight(lambda: diagnose(case.paste, keyless))
    show("diagnose(), three-key JWKS, first sight", verified_first)
    show("diagnose(), no key, first sight", unverified_first)
    show("TUI keystroke: diagnose_paste, token 1-200 chars", keystroke(case))
    print(ratio_line("verified vs PEM floor (info)", verified / floor_pem, 3))
    print(ratio_line("verified, first sight (info)", verified_first / floor_jwks, 3))
    print(ratio_line("unverified, first sight (info)", unverified_first / floor_none, 10))
    print(ratio_line("unverified", unverified / floor_none, 10))
    print(ratio_line("verified", verified / floor_jwks, 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
