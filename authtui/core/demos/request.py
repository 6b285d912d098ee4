"""Workshop cases about the request: no Bearer prefix, Basic sent, no challenge, no credentials."""

from __future__ import annotations

import base64

from authtui.core.demos.mint import KID, MAIN, access_claims, jwks, rs256
from authtui.core.demos.model import REALM, Demo, DemoCase
from authtui.core.demos.pastes import exchange, json_headers, shop


def _no_bearer_prefix(now: float) -> DemoCase:
    token = rs256(access_claims(now, "prefix"))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: {token}"],
        "401 Unauthorized",
        [f"WWW-Authenticate: Bearer {REALM}"],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _basic_vs_bearer(now: float) -> DemoCase:
    basic = base64.b64encode(b"workshop-user:workshop-password").decode("ascii")
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Basic {basic}"],
        "401 Unauthorized",
        [f"WWW-Authenticate: Bearer {REALM}"],
        newline="\r\n",
    )
    return shop(paste)


def _no_challenge(now: float) -> DemoCase:
    token = rs256(access_claims(now, "nochallenge", exp=int(now) - 90))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        json_headers(),
        body='{"message":"Unauthorized"}',
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _forbidden_without_credentials(now: float) -> DemoCase:
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", "Accept: application/json"],
        "403 Forbidden",
        json_headers(),
        body='{"error":"access_denied","message":"Access Denied"}',
    )
    return shop(paste)


NO_BEARER_PREFIX = Demo(
    "no-bearer-prefix",
    "Token without Bearer",
    "the Authorization header holds a bare JWT, so the server saw no bearer token",
    ("authz.no_scheme",),
    _no_bearer_prefix,
)

BASIC_VS_BEARER = Demo(
    "basic-vs-bearer",
    "Basic sent, Bearer asked",
    "the client sent a user and password where the API wants a token",
    ("authz.scheme_mismatch", "authz.basic"),
    _basic_vs_bearer,
)

NO_CHALLENGE = Demo(
    "no-challenge",
    "401 without a challenge",
    "no WWW-Authenticate at all: the token itself has to tell the story",
    ("status.no_challenge",),
    _no_challenge,
)

FORBIDDEN_WITHOUT_CREDENTIALS = Demo(
    "forbidden-without-credentials",
    "403 with no credentials",
    "the request carried nothing, so this 403 is really a missing login",
    ("status.forbidden_without_credentials",),
    _forbidden_without_credentials,
)
