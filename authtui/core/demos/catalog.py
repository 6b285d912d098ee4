"""The workshop cases in order: auth failures to demo without a single real secret.

Each case is built when loaded, from the ``now`` passed in, so that "expired 14
minutes ago" holds at any date. Keys are generated in this process (see
:mod:`.mint`); nothing here is a real credential and every name is an obviously
fake ``*.shop.test`` one. The cases live by family: :mod:`.clock`, :mod:`.claims`,
:mod:`.request`, :mod:`.signing`, :mod:`.dpop`, and pairs to compare in
:mod:`.environments`.
"""

from __future__ import annotations

from authtui.core.demos.claims import ID_TOKEN, MISSING_SCOPE, WRONG_AUDIENCE, WRONG_ISSUER
from authtui.core.demos.clock import CLOCK_SKEW, EXPIRED, NOT_YET_VALID
from authtui.core.demos.dpop import DPOP_AS_BEARER, DPOP_NONCE
from authtui.core.demos.environments import STAGING_VS_PRODUCTION
from authtui.core.demos.model import Demo
from authtui.core.demos.request import (
    BASIC_VS_BEARER,
    FORBIDDEN_WITHOUT_CREDENTIALS,
    NO_BEARER_PREFIX,
    NO_CHALLENGE,
)
from authtui.core.demos.signing import ALG_NONE, BAD_SIGNATURE, UNKNOWN_KID, WEAK_HS_SECRET

DEMOS: tuple[Demo, ...] = (
    EXPIRED,
    NOT_YET_VALID,
    CLOCK_SKEW,
    WRONG_AUDIENCE,
    WRONG_ISSUER,
    MISSING_SCOPE,
    NO_BEARER_PREFIX,
    BASIC_VS_BEARER,
    NO_CHALLENGE,
    UNKNOWN_KID,
    ALG_NONE,
    ID_TOKEN,
    DPOP_NONCE,
    DPOP_AS_BEARER,
    BAD_SIGNATURE,
    FORBIDDEN_WITHOUT_CREDENTIALS,
    WEAK_HS_SECRET,
    STAGING_VS_PRODUCTION,
)
"""Every case, in the order a workshop walks through them."""


def get_demo(name: str) -> Demo | None:
    """The demo called ``name`` (case-insensitive), or the only one it is a prefix of."""
    wanted = name.strip().lower()
    if not wanted:
        return None
    for demo in DEMOS:
        if demo.name == wanted:
            return demo
    matches = [demo for demo in DEMOS if demo.name.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


def describe_demos() -> str:
    """The listing ``authtui demos`` prints: name, title and summary, aligned."""
    name_width = max(len(demo.name) for demo in DEMOS)
    title_width = max(len(demo.title) for demo in DEMOS)
    lines = [
        f"{demo.name:<{name_width}}  {demo.title:<{title_width}}  {demo.summary}" for demo in DEMOS
    ]
    return "\n".join(lines)
