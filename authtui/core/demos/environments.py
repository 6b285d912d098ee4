"""Workshop pairs to compare: the same call in two environments, one works.

``paste`` is the request that fails; ``working`` the one that works. Both are
made from ``now``, like every case, so that their tokens are valid when loaded.
"""

from __future__ import annotations

from authtui.core.demos.mint import access_claims, rs256
from authtui.core.demos.model import Demo, DemoCase
from authtui.core.demos.pastes import exchange, json_headers

_STAGING_ISSUER = "https://auth.staging.shop.test/"
_STAGING_API = "https://api.staging.shop.test"


def _staging_vs_production(now: float) -> DemoCase:
    # Staging's app registration grants orders:write; production's was made without it.
    # The environments differ by nature too (issuer, audience, signing key, host):
    # production's 403 says it accepted the caller, so those are not why it refused.
    staging = rs256(
        access_claims(
            now,
            "staging",
            iss=_STAGING_ISSUER,
            aud=_STAGING_API,
            scope="orders:read orders:write cart:read",
        ),
        label="shop-staging",
        kid="staging-2026",
    )
    production = rs256(access_claims(now, "production"))
    working = exchange(
        now,
        ["POST /orders HTTP/1.1", f"Authorization: Bearer {staging}", *json_headers()],
        "201 Created",
        ["Content-Type: application/json", "Location: /orders/1001"],
        body='{"id": "1001"}',
        host="api.staging.shop.test",
    )
    failing = exchange(
        now,
        ["POST /orders HTTP/1.1", f"Authorization: Bearer {production}", *json_headers()],
        "403 Forbidden",
        [
            'WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write", '
            'error_description="The access token does not grant orders:write"'
        ],
    )
    return DemoCase(paste=failing, working=working)


STAGING_VS_PRODUCTION = Demo(
    "staging-vs-production",
    "Staging works, production fails",
    "Compare the two: of all that differs, production's token lacks orders:write.",
    ("scope.insufficient", "challenge.insufficient_scope"),
    _staging_vs_production,
    differs=("diff.scope", "diff.host", "diff.kid", "diff.iss", "diff.aud"),
)
