"""Workshop cases about claims: wrong audience, issuer near miss, missing scope, ID token."""

from __future__ import annotations

import hashlib

from authtui.core.demos.mint import KID, MAIN, access_claims, b64url, jwks, rs256
from authtui.core.demos.model import CLIENT_ID, ISSUER, Demo, DemoCase
from authtui.core.demos.pastes import bearer_401, exchange, json_headers, shop


def _wrong_audience(now: float) -> DemoCase:
    aud = "https://api.billing.test"
    token = rs256(access_claims(now, "aud", aud=aud))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401(f"The audience '{aud}' is invalid")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _wrong_issuer(now: float) -> DemoCase:
    iss = ISSUER.rstrip("/")
    token = rs256(access_claims(now, "iss", iss=iss))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401(f"The issuer '{iss}' is invalid")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _missing_scope(now: float) -> DemoCase:
    token = rs256(access_claims(now, "scope"))
    challenge = (
        'WWW-Authenticate: Bearer error="insufficient_scope", '
        'error_description="The request requires higher privileges than provided by the '
        'access token.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1", '
        'scope="cart:write"'
    )
    paste = exchange(
        now,
        ["POST /cart/items HTTP/1.1", f"Authorization: Bearer {token}", *json_headers()],
        "403 Forbidden",
        [challenge],
    )
    return shop(paste, key_text=jwks((KID, MAIN)), scopes=("cart:write",))


def _id_token(now: float) -> DemoCase:
    fake_access = rs256(access_claims(now, "idtoken-at"))
    at_hash = b64url(hashlib.sha256(fake_access.encode()).digest()[:16])
    claims = {
        "iss": ISSUER,
        "sub": "user-4711",
        "aud": CLIENT_ID,
        "azp": CLIENT_ID,
        "iat": int(now) - 120,
        "exp": int(now) + 3480,
        "auth_time": int(now) - 130,
        "nonce": "workshop-nonce-7f3a",
        "at_hash": at_hash,
        "name": "Workshop User",
        "email": "user@shop.test",
    }
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {rs256(claims, typ='JWT')}"],
        "401 Unauthorized",
        [bearer_401(f"The audience '{CLIENT_ID}' is invalid")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


WRONG_AUDIENCE = Demo(
    "wrong-audience",
    "Wrong audience",
    "aud is the billing API, the shop API expects https://api.shop.test",
    ("claims.aud_mismatch", "challenge.invalid_token", "server.audience"),
    _wrong_audience,
)

WRONG_ISSUER = Demo(
    "wrong-issuer",
    "Issuer near miss",
    "iss lacks the trailing slash the API is configured with",
    ("claims.iss_mismatch", "challenge.invalid_token", "server.issuer"),
    _wrong_issuer,
)

MISSING_SCOPE = Demo(
    "missing-scope",
    "Missing scope",
    "403 insufficient_scope: the token has cart:read, the endpoint needs cart:write",
    ("scope.insufficient", "challenge.insufficient_scope"),
    _missing_scope,
)

ID_TOKEN = Demo(
    "id-token",
    "ID token sent to an API",
    "nonce, at_hash and aud = the client id: this is the login's ID token",
    ("token.wrong_type", "claims.aud_mismatch"),
    _id_token,
)
