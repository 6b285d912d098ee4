"""Workshop cases about DPoP: a nonce the server asks for, a bound token sent as Bearer."""

from __future__ import annotations

from authtui.core.demos.mint import KID, MAIN, bound_token, dpop_proof, jwks
from authtui.core.demos.model import API, Demo, DemoCase
from authtui.core.demos.pastes import exchange, shop


def _dpop_nonce(now: float) -> DemoCase:
    url = f"{API}/orders"
    token = bound_token(now, "dpop-nonce", "shop-dpop")
    proof = dpop_proof(now, token, "GET", url, "shop-dpop")
    challenge = (
        'WWW-Authenticate: DPoP error="use_dpop_nonce", '
        'error_description="Resource server requires nonce in DPoP proof", algs="ES256"'
    )
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: DPoP {token}", f"DPoP: {proof}"],
        "401 Unauthorized",
        [challenge, "DPoP-Nonce: workshop-nonce-eyJ7S_zG.eyJH0-Z.HX4w-7v"],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _dpop_as_bearer(now: float) -> DemoCase:
    url = f"{API}/orders"
    token = bound_token(now, "dpop-bearer", "shop-dpop")
    proof = dpop_proof(now, token, "GET", url, "shop-dpop")
    challenge = (
        'WWW-Authenticate: Bearer error="invalid_token", '
        'error_description="Invalid DPoP key binding", DPoP algs="ES256"'
    )
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}", f"DPoP: {proof}"],
        "401 Unauthorized",
        [challenge],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


DPOP_NONCE = Demo(
    "dpop-nonce",
    "DPoP nonce required",
    "the proof is valid; the server wants it again with its DPoP-Nonce",
    ("challenge.dpop_nonce",),
    _dpop_nonce,
)

DPOP_AS_BEARER = Demo(
    "dpop-as-bearer",
    "DPoP-bound token sent as Bearer",
    "cnf.jkt binds the token to a key; it must travel as Authorization: DPoP",
    ("dpop.sent_as_bearer",),
    _dpop_as_bearer,
)
