"""Keys and tokens for the workshop cases, made in this process and never real.

Keys are generated lazily and once per label (RSA 2048, EC P-256); tokens are
signed with PyJWT, or by hand where a case needs what PyJWT rightly refuses.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from authtui.core.demos.model import API, CLIENT_ID, ISSUER


@functools.lru_cache(maxsize=16)
def rsa_key(label: str) -> rsa.RSAPrivateKey:
    """An RSA 2048 key for ``label``, generated once per process."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.lru_cache(maxsize=16)
def ec_key(label: str) -> ec.EllipticCurvePrivateKey:
    """An EC P-256 key for ``label``, generated once per process."""
    return ec.generate_private_key(ec.SECP256R1())


def public_pem(label: str) -> str:
    """The SPKI PEM of the RSA key ``label`` (public half only)."""
    public = rsa_key(label).public_key()
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def jwks(*pairs: tuple[str, str]) -> str:
    """A JWKS JSON text with the public RSA keys of ``(kid, label)`` pairs."""
    keys = []
    for kid, label in pairs:
        jwk = RSAAlgorithm.to_jwk(rsa_key(label).public_key(), as_dict=True)
        keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
    return json.dumps({"keys": keys}, indent=2)


def ec_jwk(label: str) -> dict[str, Any]:
    """The public JWK of the EC key ``label``."""
    return dict(ECAlgorithm.to_jwk(ec_key(label).public_key(), as_dict=True))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: dict[str, Any]) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def jwk_thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 SHA-256 thumbprint of an EC or RSA public JWK (base64url)."""
    members = ("crv", "kty", "x", "y") if jwk.get("kty") == "EC" else ("e", "kty", "n")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


KID = "2025-current"

MAIN = "shop-main"


def access_claims(now: float, name: str, **extra: Any) -> dict[str, Any]:
    """RFC 9068 access-token claims, valid at ``now`` unless ``extra`` says otherwise."""
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "user-4711",
        "aud": API,
        "client_id": CLIENT_ID,
        "iat": int(now) - 300,
        "exp": int(now) + 3300,
        "jti": f"workshop-{name}-{int(now)}",
        "scope": "orders:read cart:read",
    }
    claims.update(extra)
    return claims


def rs256(claims: dict[str, Any], label: str = MAIN, kid: str = KID, typ: str = "at+jwt") -> str:
    """Sign ``claims`` with the RSA key ``label``."""
    return jwt.encode(claims, rsa_key(label), algorithm="RS256", headers={"kid": kid, "typ": typ})


def hs256(claims: dict[str, Any], secret: str) -> str:
    """HS256 by hand: PyJWT (rightly) warns about the short secret this demo needs."""
    signing_input = b64json({"alg": "HS256", "typ": "JWT"}) + "." + b64json(claims)
    mac = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(mac)


def unsecured(claims: dict[str, Any]) -> str:
    """An ``alg: none`` JWT (empty signature)."""
    return b64json({"alg": "none", "typ": "JWT"}) + "." + b64json(claims) + "."


def tamper(token: str, **changes: Any) -> str:
    """Rewrite the payload of a signed token, keeping header and signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    return f"{header}.{b64json(claims)}.{signature}"


def ath(access_token: str) -> str:
    """``ath`` / ``at_hash`` style: base64url(SHA-256(token))."""
    return b64url(hashlib.sha256(access_token.encode("ascii")).digest())


def dpop_proof(now: float, access_token: str, method: str, url: str, label: str) -> str:
    """An RFC 9449 proof signed by the EC key ``label`` (no nonce)."""
    claims = {
        "jti": f"workshop-proof-{int(now)}",
        "htm": method,
        "htu": url,
        "iat": int(now),
        "ath": ath(access_token),
    }
    headers = {"typ": "dpop+jwt", "jwk": ec_jwk(label)}
    return jwt.encode(claims, ec_key(label), algorithm="ES256", headers=headers)


def bound_token(now: float, name: str, label: str) -> str:
    """An access token bound to the EC key ``label`` through ``cnf.jkt``."""
    claims = access_claims(now, name, cnf={"jkt": jwk_thumbprint(ec_jwk(label))})
    return rs256(claims)
