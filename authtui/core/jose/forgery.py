"""Signatures that are forged or malformed: the tricks a verifier must not fall for.

An HMAC token whose "secret" is the issuer's public key (the RS256-to-HS256
algorithm confusion), and signatures whose bytes are wrong in themselves: all
zeros (CVE-2022-21449), DER instead of raw ``r||s``, the wrong length for the key.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from jwt.exceptions import PyJWTError

from authtui.core.jose.algs import AlgSpec, algorithms, hmac_verifies
from authtui.core.keys.model import LoadedKey
from authtui.core.model import Token


def forged_with_public_key(
    token: Token, spec: AlgSpec, public: list[LoadedKey]
) -> tuple[LoadedKey, str] | None:
    """The public key, and in which encoding, that the token's HMAC was computed with."""
    for key in public[:50]:
        for words, material in _public_encodings(key):
            if hmac_verifies(spec, token, material):
                return key, words
    return None


def _public_encodings(key: LoadedKey) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    if key.material:
        given = key.material
        out += [("the key text as given", given), ("the key text as given", given.strip())]
        out.append(("the key text as given, with a final newline", given.strip() + b"\n"))
    try:
        spki = key.public_key.public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
        out += [("its PEM (SubjectPublicKeyInfo)", spki), ("its PEM", spki.strip())]
        der = key.public_key.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
        out.append(("its DER bytes", der))
        if key.kty == "RSA":
            pk1 = key.public_key.public_bytes(ser.Encoding.PEM, ser.PublicFormat.PKCS1)
            out += [("its PKCS#1 PEM", pk1), ("its PKCS#1 PEM", pk1.strip())]
    except (ValueError, TypeError, AttributeError, UnsupportedAlgorithm):
        pass
    jwk = _to_jwk(key)
    if jwk:
        out.append(("its JWK JSON", jwk.encode("utf-8")))
    return out


def _to_jwk(key: LoadedKey) -> str | None:
    names = {"RSA": "RS256", "EC": "ES256", "OKP": "EdDSA"}
    algorithm = algorithms().get(names.get(key.kty, ""))
    if algorithm is None:
        return None
    try:
        return str(algorithm.to_jwk(key.public_key))
    except (ValueError, TypeError, PyJWTError, UnsupportedAlgorithm):
        return None


_EC_SIZES = {"P-256": 32, "P-384": 48, "P-521": 66, "secp256k1": 32}

_EC_HASHES: dict[int, type[hashes.HashAlgorithm]] = {
    32: hashes.SHA256,
    48: hashes.SHA384,
    64: hashes.SHA512,
}


def shape_problem(spec: AlgSpec, key: LoadedKey | None, token: Token) -> str | None:
    """A sentence on what is wrong with the signature bytes themselves, or None."""
    sig = token.signature
    if not sig:
        return "The token has no signature at all (its third segment is empty)."
    if spec.kty == "oct":
        if len(sig) != spec.hash_bytes:
            return f"An {spec.name} signature is {spec.hash_bytes} bytes; this one is {len(sig)}."
        return None
    if key is None:
        return None
    if spec.kty == "EC":
        return _ec_shape(spec, key, token)
    if spec.kty == "RSA" and len(sig) * 8 != key.size_bits and key.size_bits % 8 == 0:
        return (
            f"A signature by a {key.size_bits}-bit RSA key is {key.size_bits // 8} bytes; "
            f"this one is {len(sig)} (another key, or the token was cut off)."
        )
    if spec.kty == "OKP":
        wanted = 64 if key.crv == "Ed25519" else 114
        if len(sig) != wanted:
            return f"A {key.crv} signature is {wanted} bytes; this one is {len(sig)}."
    return None


def _ec_shape(spec: AlgSpec, key: LoadedKey, token: Token) -> str | None:
    sig = token.signature
    size = _EC_SIZES.get(key.crv or "", 32)
    if not any(sig) or not any(sig[:size]) or not any(sig[size:]):
        return (
            "The signature is all zeros (or r or s is zero): the 'psychic signature' "
            "forgery (CVE-2022-21449); a correct verifier rejects it."
        )
    if len(sig) == 2 * size:
        return None
    wrong = f"An {spec.name} signature must be {2 * size} bytes, raw r||s; this one is {len(sig)}."
    try:
        decode_dss_signature(sig)
    except ValueError:
        return wrong
    hash_cls = _EC_HASHES.get(spec.hash_bytes, hashes.SHA256)
    try:
        key.public_key.verify(sig, token.signing_input, ec.ECDSA(hash_cls()))
        verdict = " It is a correct signature, only in the wrong encoding."
    except (InvalidSignature, ValueError, TypeError, AttributeError):
        verdict = ""
    return (
        f"{wrong} It is DER-encoded (an ASN.1 SEQUENCE of r and s, as Java and OpenSSL "
        f"produce it); JWS needs the raw fixed-size r||s (RFC 7518 §3.4).{verdict} Convert "
        "it in the signer."
    )
