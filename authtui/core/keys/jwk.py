"""JWK and JWKS (RFC 7517): keys from JSON, RFC 7638 thumbprints, base64url members.

A JWK that cannot be used becomes a ``sig.key_error`` finding naming the member at
fault (secret members are never shown). Nothing here raises on user input.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

from authtui.core.codec.b64 import encode_b64url
from authtui.core.keys.model import (
    MAX_KEYS,
    REFS_JWK,
    LoadedKey,
    RawKey,
    describe_key,
    key_error,
    key_warnings,
    private_finding,
)
from authtui.core.model import Finding

_JWK_CURVES: dict[str, Callable[[], ec.EllipticCurve]] = {
    "P-256": ec.SECP256R1,
    "P-384": ec.SECP384R1,
    "P-521": ec.SECP521R1,
    "secp256k1": ec.SECP256K1,
}
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")


def jwk_thumbprint(jwk: Mapping[str, Any]) -> str | None:
    """RFC 7638 JWK thumbprint (SHA-256, base64url), or None when the JWK lacks
    a required member or a member is not a string."""
    required = {
        "RSA": ("e", "kty", "n"),
        "EC": ("crv", "kty", "x", "y"),
        "OKP": ("crv", "kty", "x"),
        "oct": ("k", "kty"),
    }.get(str(jwk.get("kty")))
    if required is None:
        return None
    members = {name: jwk.get(name) for name in required}
    if not all(isinstance(value, str) for value in members.values()):
        return None
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode("utf-8")).digest()
    return encode_b64url(digest)


def key_from_jwk(
    jwk: Mapping[str, Any], source: str = "JWK", index: int = 0
) -> tuple[LoadedKey | None, str | None]:
    """Build a key from one JWK object: the key, or None and why in words."""
    raw, problem = _jwk_to_raw(jwk)
    if raw is None:
        return None, problem
    kid = jwk.get("kid")
    alg = jwk.get("alg")
    use = jwk.get("use")
    return describe_key(
        raw,
        source,
        index,
        kid=kid if isinstance(kid, str) else None,
        alg=alg if isinstance(alg, str) else None,
        use=use if isinstance(use, str) else None,
    ), None


def b64url_decode(text: str) -> bytes | None:
    """Decode base64url (padding optional); None when it is not base64url."""
    if not isinstance(text, str) or len(text) % 4 == 1:
        return None
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


def load_json_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    """Read a JWK, a JWKS or a JSON array of JWKs."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        reason = str(exc)[:120]
        return [], [
            key_error(
                name,
                "The key file looks like JSON but does not parse",
                f"It starts with {text[0]!r} but is not valid JSON ({reason}).",
                "Check that the whole JWK or JWKS was copied (braces and quotes).",
                refs=REFS_JWK,
            )
        ]
    if isinstance(doc, dict) and isinstance(doc.get("keys"), list):
        return _load_jwk_list(name, doc["keys"])
    if isinstance(doc, list):
        return _load_jwk_list(name, doc)
    if isinstance(doc, dict) and ("kty" in doc or "x5c" in doc):
        keys, findings = _load_jwk_list(name, [doc], single=True)
        given = text.encode("utf-8")
        return [replace(k, material=given) if k.material else k for k in keys], findings
    return [], [_json_not_keys(name, doc)]


def _json_not_keys(name: str, doc: object) -> Finding:
    if isinstance(doc, dict) and isinstance(doc.get("jwks_uri"), str):
        uri = doc["jwks_uri"][:300]
        return key_error(
            name,
            "This is the issuer's discovery document, not its keys",
            "OpenID/OAuth metadata points at the keys with jwks_uri; it holds no key itself. "
            "authtui never fetches anything.",
            f"jwks_uri: {uri}",
            refs=("OpenID Connect Discovery §3", "RFC 8414 §2"),
        )
    members = ", ".join(sorted(str(k) for k in doc)[:8]) if isinstance(doc, dict) else ""
    return key_error(
        name,
        "JSON without a key in it",
        "A JWK needs a kty member and a JWKS a keys array; this JSON has neither.",
        f"members: {members}" if members else f"JSON {type(doc).__name__}",
        refs=REFS_JWK,
    )


def _load_jwk_list(
    name: str, items: list[Any], single: bool = False
) -> tuple[list[LoadedKey], list[Finding]]:
    loaded: list[LoadedKey] = []
    findings: list[Finding] = []
    if not items:
        findings.append(key_error(name, "The JWKS has no keys", "Its keys array is empty.", ""))
    for index, item in enumerate(items[:MAX_KEYS]):
        where = name if single else f"{name} #{index + 1}"
        if not isinstance(item, dict):
            findings.append(
                key_error(where, "A JWKS entry is not a JSON object", "", repr(item)[:80])
            )
            continue
        key, problem = key_from_jwk(item, name if single else where, index)
        if key is None:
            findings.append(_jwk_error(where, item, problem or "unknown problem"))
            continue
        loaded.append(key)
        if key.private_given:
            findings.append(private_finding(where, "a JWK with private members", loaded=True))
        findings.extend(key_warnings(key, where))
    return loaded, findings


def _jwk_error(where: str, jwk: Mapping[str, Any], problem: str) -> Finding:
    kty = jwk.get("kty")
    kid = jwk.get("kid")
    evidence = f"{where}: kty={kty!r}" + (f", kid={kid!r}" if kid is not None else "")
    present = ", ".join(sorted(str(k) for k in jwk if k not in _PRIVATE_MEMBERS)[:12])
    return key_error(
        where,
        "A JWK has no usable key",
        f"{problem}. Members present (secret ones not shown): {present}.",
        evidence,
        fix="Copy the complete key from the issuer's JWKS (its jwks_uri); do not edit members.",
        refs=REFS_JWK,
    )


def _x5c(jwk: Mapping[str, Any]) -> tuple[RawKey | None, str | None]:
    """The key of the JWK's first ``x5c`` certificate, when it has one."""
    chain = jwk.get("x5c")
    if not isinstance(chain, list) or not chain:
        return None, None
    # The certificate reader is needed only for JWKs that carry x5c: a plain JWKS,
    # the usual key, does not pay for it at start-up.
    from authtui.core.keys.formats import x5c_raw

    return x5c_raw(chain[0])


def _jwk_to_raw(jwk: Mapping[str, Any]) -> tuple[RawKey | None, str | None]:
    kty = jwk.get("kty")
    builders: dict[str, Callable[[Mapping[str, Any]], tuple[Any, str | None]]] = {
        "RSA": _jwk_rsa,
        "EC": _jwk_ec,
        "OKP": _jwk_okp,
        "oct": _jwk_oct,
    }
    from_cert, cert_problem = _x5c(jwk)
    if not isinstance(kty, str):
        if from_cert is not None:
            return replace(from_cert, label=from_cert.label + "; the JWK has no kty"), None
        return None, cert_problem or "It has no kty (key type) member"
    builder = builders.get(kty)
    if builder is None:
        return None, f"Its kty {kty!r} is not one of RSA, EC, OKP, oct (case matters)"
    key, problem = builder(jwk)
    if key is None and from_cert is not None and _kty_of(from_cert.key) == kty:
        # A JWK may carry only its certificate (RFC 7517 §4.7): the key is the cert's.
        return replace(from_cert, label=from_cert.label + " (the JWK carries only x5c)"), None
    if key is None:
        return None, problem if cert_problem is None else f"{problem}; {cert_problem}"
    private = kty != "oct" and any(m in jwk for m in _PRIVATE_MEMBERS)
    material = b"" if kty == "oct" else _public_jwk_json(jwk)
    cert = from_cert.cert if from_cert is not None else None
    return RawKey(key, private, material, "", cert), None


def _kty_of(key: Any) -> str:
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC"
    return "OKP" if isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey) else ""


def _public_jwk_json(jwk: Mapping[str, Any]) -> bytes:
    public = {k: v for k, v in jwk.items() if k not in _PRIVATE_MEMBERS}
    return json.dumps(public).encode("utf-8")


def _members(jwk: Mapping[str, Any], names: Sequence[str]) -> tuple[list[bytes] | None, str]:
    values: list[bytes] = []
    for member in names:
        text = jwk.get(member)
        if text is None:
            return None, f"It lacks the {member!r} member"
        decoded = b64url_decode(text) if isinstance(text, str) else None
        if not decoded:
            return None, f"Its {member!r} member is not base64url text"
        values.append(decoded)
    return values, ""


def _jwk_rsa(jwk: Mapping[str, Any]) -> tuple[Any, str | None]:
    values, problem = _members(jwk, ("n", "e"))
    if values is None:
        return None, problem
    n, e = (int.from_bytes(v, "big") for v in values)
    if e.bit_length() > 64 or e < 3:
        return None, f"Its exponent e is {e.bit_length()} bits; real RSA keys use 65537 (AQAB)"
    if n.bit_length() > 16384:
        return None, f"Its modulus n is {n.bit_length()} bits, larger than any real RSA key"
    try:
        return rsa.RSAPublicNumbers(e, n).public_key(), None
    except (ValueError, UnsupportedAlgorithm) as exc:
        return None, f"Its n and e do not form an RSA public key ({exc})"


def _jwk_ec(jwk: Mapping[str, Any]) -> tuple[Any, str | None]:
    crv = jwk.get("crv")
    curve = _JWK_CURVES.get(crv) if isinstance(crv, str) else None
    if curve is None:
        return None, f"Its crv {crv!r} is not P-256, P-384, P-521 or secp256k1"
    values, problem = _members(jwk, ("x", "y"))
    if values is None:
        return None, problem
    x, y = (int.from_bytes(v, "big") for v in values)
    try:
        return ec.EllipticCurvePublicNumbers(x, y, curve()).public_key(), None
    except (ValueError, UnsupportedAlgorithm):
        return None, f"Its x and y are not a point on {crv}"


def _jwk_okp(jwk: Mapping[str, Any]) -> tuple[Any, str | None]:
    crv = jwk.get("crv")
    loaders: dict[str, Callable[[bytes], Any]] = {
        "Ed25519": ed25519.Ed25519PublicKey.from_public_bytes,
        "Ed448": ed448.Ed448PublicKey.from_public_bytes,
    }
    loader = loaders.get(crv) if isinstance(crv, str) else None
    if loader is None:
        return None, f"Its crv {crv!r} is not Ed25519 or Ed448 (X25519/X448 cannot sign)"
    values, problem = _members(jwk, ("x",))
    if values is None:
        return None, problem
    try:
        return loader(values[0]), None
    except (ValueError, UnsupportedAlgorithm):
        return None, f"Its x is not a valid {crv} public key (wrong length)"


def _jwk_oct(jwk: Mapping[str, Any]) -> tuple[Any, str | None]:
    values, problem = _members(jwk, ("k",))
    if values is None:
        return None, problem.replace("member", "member (the HMAC secret)")
    return values[0], None
