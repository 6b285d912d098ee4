"""What a claim or header parameter is, for a person reading a decoded token."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from authtui.core.jose.claim_names import HEADER, REGISTERED, VENDOR


class Standing(StrEnum):
    """Where a name comes from."""

    REGISTERED = "registered"
    """In the IANA registry."""
    VENDOR = "vendor"
    """Added by a known issuer without registering it."""
    COLLISION_RESISTANT = "collision-resistant"
    """A URI or other namespaced name (RFC 7519 §4.2: a public claim name)."""
    UNREGISTERED = "unregistered"
    """A private name: only the issuer and the API know what it means."""


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What one claim or header parameter is called and where it is defined."""

    name: str
    label: str
    """Its name in words (``Expiration Time``); empty when unknown."""
    source: str
    """The specification or vendor that defines it; empty when unknown."""
    standing: Standing


def describe_claim(name: str) -> NameInfo:
    """The claim ``name`` in words: registered, a vendor's, namespaced, or unregistered."""
    if name in REGISTERED:
        label, source = REGISTERED[name]
        return NameInfo(name, label, source, Standing.REGISTERED)
    if name in VENDOR:
        label, source = VENDOR[name]
        return NameInfo(name, label, source, Standing.VENDOR)
    if "://" in name or name.startswith("urn:"):
        return NameInfo(name, "Namespaced claim", "RFC 7519 §4.2", Standing.COLLISION_RESISTANT)
    if name.startswith(("xms_", "extn.", "extension_")):
        return NameInfo(name, "Optional or extension claim", "Microsoft Entra ID", Standing.VENDOR)
    return NameInfo(name, "", "", Standing.UNREGISTERED)


def describe_header(name: str) -> NameInfo:
    """The JOSE header parameter ``name`` in words."""
    if name in HEADER:
        label, source = HEADER[name]
        return NameInfo(name, label, source, Standing.REGISTERED)
    return NameInfo(name, "", "", Standing.UNREGISTERED)
