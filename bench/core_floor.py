"""Core against its floor: diagnose() on the typical case against PyJWT alone.

Verified: diagnose() with the three-key JWKS against PyJWT reading the same JWKS
text (``PyJWKSet.from_json``), picking the token's kid and verifying with
``jwt.decode`` (goal: at most 3x). Also shown: PyJWT with the signing key's PEM.
Unverified: diagnose() without a key against
``jwt.decode(token, options={"verify_signature": False})`` (goal: at most 10x).

Run: ``python bench/core_floor.py``. Prints figures; the ratio is the last line.
"""

from __future__ import annotations

import time

import _case
import jwt
from _case import AUDIENCE, ISSUER, best_of, ratio_line, show

from authtui.core.diagnose import diagnose


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
    print(ratio_line("verified vs PEM floor (info)", verified / floor_pem, 3))
    print(ratio_line("unverified", unverified / floor_none, 10))
    print(ratio_line("verified", verified / floor_jwks, 3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
