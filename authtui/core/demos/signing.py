"""Workshop cases about signatures: an unknown kid, alg none, a tampered token, a weak secret."""

from __future__ import annotations

from authtui.core.demos.mint import (
    KID,
    MAIN,
    access_claims,
    hs256,
    jwks,
    public_pem,
    rs256,
    tamper,
    unsecured,
)
from authtui.core.demos.model import Demo, DemoCase
from authtui.core.demos.pastes import bearer_401, exchange, shop

_WEAK_SECRET = "workshop-secret-short"


def _unknown_kid(now: float) -> DemoCase:
    token = rs256(access_claims(now, "kid"), label="shop-retired", kid="2024-retired")
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401("The signature key was not found")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _alg_none(now: float) -> DemoCase:
    token = unsecured(access_claims(now, "none", scope="orders:read orders:admin"))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401("The signature is invalid")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _bad_signature(now: float) -> DemoCase:
    signed = rs256(access_claims(now, "tamper"))
    token = tamper(signed, scope="orders:read cart:read orders:admin")
    paste = exchange(
        now,
        ["DELETE /orders/1001 HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401("The signature is invalid")],
    )
    return shop(paste, key_text=public_pem(MAIN))


def _weak_hs_secret(now: float) -> DemoCase:
    token = hs256(access_claims(now, "hs"), _WEAK_SECRET)
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        ['WWW-Authenticate: Bearer error="invalid_token"'],
    )
    return shop(paste, secret=_WEAK_SECRET)


UNKNOWN_KID = Demo(
    "unknown-kid",
    "Unknown signing key",
    "kid 2024-retired is gone from the JWKS, which only has 2025-current",
    ("sig.kid_not_found", "challenge.invalid_token", "server.unknown_key"),
    _unknown_kid,
)

ALG_NONE = Demo(
    "alg-none",
    "Unsigned token",
    "alg none: anyone could have written this token, and it grants orders:admin",
    ("token.alg_none", "challenge.invalid_token"),
    _alg_none,
)

BAD_SIGNATURE = Demo(
    "bad-signature",
    "Tampered token",
    "someone added orders:admin to the payload; the signature no longer matches",
    ("sig.invalid", "challenge.invalid_token", "server.bad_signature"),
    _bad_signature,
)

WEAK_HS_SECRET = Demo(
    "weak-hs-secret",
    "Weak HMAC secret",
    "HS256 with a 21-byte secret: under the 32 bytes RFC 7518 asks, and many libraries refuse",
    ("sig.weak_secret",),
    _weak_hs_secret,
)
