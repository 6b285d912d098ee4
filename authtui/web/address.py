"""Where ``authtui serve`` listens and the URL it prints: pure, no network code."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_BYTES = 24
"""Random bytes in the URL's token (32 URL-safe characters)."""


class AddressError(ValueError):
    """An address that cannot be served (not an IP literal, or every interface)."""


def check_host(host: str) -> str:
    """The address to bind, as written, when it is one address people can reach.

    A name would need a DNS lookup and could be rebound; ``0.0.0.0`` and ``::``
    are no address a browser can name in ``Host``, so both are refused.
    """
    try:
        parsed = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise AddressError(f"--host {host!r}: give an IP address such as 192.0.2.10") from None
    if parsed.is_unspecified:
        raise AddressError(
            f"--host {host!r}: give the one address attendees will open, not every interface"
        )
    return str(parsed)


@dataclass(frozen=True, slots=True)
class ServedAddress:
    """The served address (IP literal and port) and the token every request must carry."""

    host: str
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES), repr=False)

    @property
    def netloc(self) -> str:
        """``host:port`` as a browser writes it in ``Host`` (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        """The page's origin, as a browser writes it in ``Origin``."""
        return f"http://{self.netloc}"

    @property
    def prefix(self) -> str:
        """The path every route lives under: ``/TOKEN/``."""
        return f"/{self.token}/"

    @property
    def url(self) -> str:
        """The one URL printed: the page, with its token."""
        return f"{self.origin}{self.prefix}"

    @property
    def is_loopback(self) -> bool:
        """True when only this machine can reach the address."""
        return ipaddress.ip_address(self.host).is_loopback
