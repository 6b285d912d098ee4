"""What each JWS algorithm needs from a key, and PyJWT's verification with one key.

The table of algorithms authtui verifies (:data:`ALGS`), why a key cannot verify an
algorithm (its ``kty`` or curve, or its own ``alg``), and :func:`verify_with_key`,
which hands the cryptography to PyJWT's algorithm objects (``Algorithm.verify``
directly: no ``jwt.decode``, no ``PyJWK``, never ``PyJWKClient``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from jwt.algorithms import get_default_algorithms
from jwt.exceptions import PyJWTError

from authtui.core.keys.model import LoadedKey
from authtui.core.model import Token


@dataclass(frozen=True, slots=True)
class AlgSpec:
    """What a JWS algorithm needs from a key."""

    name: str
    kty: str
    curves: tuple[str, ...]
    """Curves allowed (EC, OKP); empty for RSA and HMAC."""
    pyjwt: str
    """The PyJWT algorithm that verifies it."""
    hash_bytes: int
    """Hash output size (HMAC secret minimum; ECDSA/HMAC signature sizes)."""


def _specs() -> dict[str, AlgSpec]:
    table: list[AlgSpec] = []
    for bits in (256, 384, 512):
        size = bits // 8
        table.append(AlgSpec(f"HS{bits}", "oct", (), f"HS{bits}", size))
        table.append(AlgSpec(f"RS{bits}", "RSA", (), f"RS{bits}", size))
        table.append(AlgSpec(f"PS{bits}", "RSA", (), f"PS{bits}", size))
    table += [
        AlgSpec("ES256", "EC", ("P-256",), "ES256", 32),
        AlgSpec("ES384", "EC", ("P-384",), "ES384", 48),
        AlgSpec("ES512", "EC", ("P-521",), "ES512", 64),
        AlgSpec("ES256K", "EC", ("secp256k1",), "ES256K", 32),
        AlgSpec("EdDSA", "OKP", ("Ed25519", "Ed448"), "EdDSA", 64),
        AlgSpec("Ed25519", "OKP", ("Ed25519",), "EdDSA", 64),
        AlgSpec("Ed448", "OKP", ("Ed448",), "EdDSA", 64),
    ]
    return {spec.name: spec for spec in table}


ALGS: Mapping[str, AlgSpec] = _specs()
"""Every JWS algorithm authtui verifies, by name."""


@cache
def algorithms() -> dict[str, Any]:
    """PyJWT's algorithm objects by name (built once)."""
    return dict(get_default_algorithms())


def key_misfit(spec: AlgSpec, key: LoadedKey) -> str | None:
    """Why this key cannot verify this algorithm at all (kty, curve), or None."""
    if key.kty != spec.kty:
        need = {"oct": "an HMAC secret", "RSA": "an RSA key", "EC": "an EC key"}
        wanted = need.get(spec.kty, "an OKP (Ed25519/Ed448) key")
        return f"{key.description} is kty {key.kty}; {spec.name} needs {wanted}"
    if spec.curves and key.crv not in spec.curves:
        return f"{key.description} is on {key.crv}; {spec.name} needs {' or '.join(spec.curves)}"
    return None


def pin_misfit(spec: AlgSpec, key: LoadedKey) -> str | None:
    """Why the key's own ``alg`` rules this algorithm out, or None."""
    if key.alg is not None and key.alg != spec.name:
        return f"{key.description} is marked alg {key.alg}, the token says {spec.name}"
    return None


def verify_with_key(spec: AlgSpec, signing_input: bytes, signature: bytes, key: Any) -> bool:
    """True when PyJWT's algorithm verifies the signature with this key object."""
    algorithm = algorithms().get(spec.pyjwt)
    if algorithm is None:
        return False
    try:
        return bool(algorithm.verify(signing_input, key, signature))
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm, PyJWTError):
        return False


def hmac_verifies(spec: AlgSpec, token: Token, key: bytes) -> bool:
    """True when the token's HMAC signature is the one ``key`` makes."""
    digest = getattr(hashlib, f"sha{spec.hash_bytes * 8}")
    mac = hmac.new(key, token.signing_input, digest).digest()
    return hmac.compare_digest(mac, token.signature)
