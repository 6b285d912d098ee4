"""What a workshop case is: the paste a presenter "pasted" and the settings beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from authtui.core.options import DEFAULT_SKEW, KeyInput, Options, Secret

ISSUER = "https://auth.shop.test/"

API = "https://api.shop.test"

CLIENT_ID = "shop-web-spa"

REALM = 'realm="api.shop.test"'


@dataclass(frozen=True)
class DemoCase:
    """One built case: the paste and everything a presenter would set beside it."""

    paste: str
    """What the presenter "pasted": request + response as HTTP/1.1 text."""
    token: str = ""
    """A token for the token pane, when the case has one outside the paste."""
    audiences: tuple[str, ...] = ()
    issuer: str | None = None
    scopes: tuple[str, ...] = ()
    key_text: str = ""
    """PEM or JWKS JSON text the case verifies with ("" if none)."""
    secret: str = ""
    """A fake workshop HMAC secret for HS cases, else ""."""
    skew: float = DEFAULT_SKEW
    working: str = ""
    """For a pair to compare: the paste of the request that works (``paste`` is the
    one that fails); "" for a case on its own."""

    def options(self, now: float) -> Options:
        """The options to diagnose this case with, evaluated at ``now``."""
        keys = (KeyInput("workshop key", self.key_text.encode()),) if self.key_text else ()
        return Options(
            now=now,
            skew=self.skew,
            audiences=self.audiences,
            issuer=self.issuer,
            scopes=self.scopes,
            keys=keys,
            secret=Secret(self.secret.encode()) if self.secret else None,
            token=self.token or None,
        )


@dataclass(frozen=True)
class Demo:
    """A named workshop case; ``build(now)`` makes its paste and options."""

    name: str
    """Slug: ``expired``, ``not-yet-valid``..."""
    title: str
    summary: str
    """One line: what the audience should notice."""
    expect: tuple[str, ...]
    """The finding codes this case must produce (contract codes)."""
    build: Callable[[float], DemoCase]
    differs: tuple[str, ...] = ()
    """For a pair to compare: the difference codes its comparison must show, the
    first one the headline names."""
