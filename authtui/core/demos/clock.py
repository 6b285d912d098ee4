"""Workshop cases about time: an expired token, one not valid yet, a server clock behind."""

from __future__ import annotations

from authtui.core.demos.mint import KID, MAIN, access_claims, jwks, rs256
from authtui.core.demos.model import Demo, DemoCase
from authtui.core.demos.pastes import bearer_401, dotnet_date, exchange, shop


def _expired(now: float) -> DemoCase:
    exp = int(now) - 14 * 60
    token = rs256(access_claims(now, "expired", iat=exp - 3600, exp=exp))
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [bearer_401(f"The token expired at '{dotnet_date(exp)}'")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _not_yet_valid(now: float) -> DemoCase:
    start = int(now) + 10 * 60
    claims = access_claims(now, "nbf", iat=start, nbf=start, exp=start + 3600)
    paste = exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {rs256(claims)}"],
        "401 Unauthorized",
        [bearer_401(f"The token is not valid before '{dotnet_date(start)}'")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


def _clock_skew(now: float) -> DemoCase:
    issued = int(now) - 2 * 60
    claims = access_claims(now, "skew", iat=issued, nbf=issued, exp=issued + 3600)
    paste = exchange(
        now - 7 * 60,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {rs256(claims)}"],
        "401 Unauthorized",
        [bearer_401(f"The token is not valid before '{dotnet_date(issued)}'")],
    )
    return shop(paste, key_text=jwks((KID, MAIN)))


EXPIRED = Demo(
    "expired",
    "Expired token",
    "exp was 14 minutes ago, and the server's error_description says so too",
    ("time.expired", "challenge.invalid_token", "server.expired"),
    _expired,
)

NOT_YET_VALID = Demo(
    "not-yet-valid",
    "Token not valid yet",
    "nbf is 10 minutes in the future: the issuer's clock runs ahead",
    ("time.not_yet_valid", "challenge.invalid_token", "server.not_yet_valid"),
    _not_yet_valid,
)

CLOCK_SKEW = Demo(
    "clock-skew",
    "Server clock behind",
    "the token is fine by our clock, but the server's Date is 7 minutes behind",
    ("time.server_clock", "challenge.invalid_token"),
    _clock_skew,
)
