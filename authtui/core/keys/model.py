"""Loaded keys: the record of one usable key, how it is described, and key findings.

Every reader (JWK, PEM, DER, SSH) turns what it read into a :class:`RawKey`;
:func:`finish_keys` or :func:`describe_key` turn those into :class:`LoadedKey`
values, and every problem becomes a ``sig.key_error`` finding from :func:`key_error`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

from authtui.core import sources
from authtui.core.model import Finding, Note, Severity

MIN_RSA_BITS = 2048
"""Below this an RSA key is too short (NIST SP 800-131A; many libraries refuse it)."""
MAX_KEYS = 200
"""At most this many keys are taken from one input (a JWKS, a PEM bundle)."""

REFS_PEM = ("RFC 7468 §2", "RFC 5280 §4.1")
"""Spec references for findings about PEM, DER and certificates."""
REFS_JWK = ("RFC 7517 §4", "RFC 7518 §6")
"""Spec references for findings about JWKs and JWKS."""

_CURVES = {
    "secp256r1": "P-256",
    "secp384r1": "P-384",
    "secp521r1": "P-521",
    "secp256k1": "secp256k1",
}
_PRIVATE_FIX = (
    "Pass the public key instead (`openssl pkey -in key.pem -pubout`, or the issuer's "
    "JWKS). If this private key was ever shared (chat, ticket, log, repository), treat it "
    "as compromised and rotate it."
)


@dataclass(frozen=True, slots=True)
class LoadedKey:
    """One usable verification key, with what is known about it."""

    source: str
    """Where it came from (file name or ``pasted key``)."""
    index: int
    """Position within its source, from 0."""
    kid: str | None
    kty: str
    """``RSA``, ``EC``, ``OKP`` or ``oct``."""
    crv: str | None
    """Curve for EC/OKP keys (``P-256``, ``Ed25519``...)."""
    alg: str | None
    """The key's own ``alg`` (JWK), if any."""
    use: str | None
    size_bits: int
    description: str
    """In words, e.g. ``RSA 2048-bit public key, kid v-rsa-2025 (jwks.json #1)``."""
    public_key: Any = field(repr=False)
    """A cryptography public key object, or the secret bytes for ``oct``."""
    private_given: bool = False
    """True when private key material was given (only the public half is kept)."""
    material: bytes = field(default=b"", repr=False)
    """The key's text as given (PEM block, or the JWK as JSON), for the
    algorithm-confusion check. Empty for ``oct`` keys."""
    cert: CertInfo | None = None
    """The certificate the key was taken from (a PEM certificate, a JWK's ``x5c``)."""
    notes: tuple[Note, ...] = ()
    """How the key was read leniently (a PEM with literal ``\\n``, on one line)."""


@dataclass(frozen=True, slots=True)
class CertInfo:
    """What matters of the certificate that holds a key: who, and when it is valid."""

    subject: str
    """RFC 4514 subject (``CN=issuer.example``)."""
    not_before: float
    """Start of validity, epoch seconds."""
    not_after: float
    """End of validity, epoch seconds."""
    where: str = "certificate"
    """How it was given: ``certificate`` (PEM or DER) or ``x5c[0]`` of a JWK."""


@dataclass(frozen=True, slots=True)
class RawKey:
    """A key object read from some encoding, before it is described."""

    key: Any
    private: bool
    material: bytes
    label: str
    """Extra words for the description (``from certificate CN=...``)."""
    cert: CertInfo | None = None


def private_finding(where: str, what: str, loaded: bool) -> Finding:
    """A warning (loaded) or error (encrypted) that private key material was given."""
    done = (
        "Only its public half was kept and used."
        if loaded
        else "It is encrypted with a passphrase, so not even its public half could be read."
    )
    return key_error(
        where,
        "A PRIVATE key was given: rotate it if it was ever shared",
        "Verification needs only the public key. A private key lets anyone sign tokens "
        f"your servers will accept. {done}",
        f"{where}: {what} (contents not shown)",
        fix=_PRIVATE_FIX,
        severity=Severity.WARNING if loaded else Severity.ERROR,
        refs=("RFC 8725 §3.5",),
    )


def finish_keys(
    name: str, raws: list[tuple[RawKey, str]], findings: list[Finding]
) -> tuple[list[LoadedKey], list[Finding]]:
    """Describe raw keys read from ``name``: the usable keys, plus a finding per problem."""
    loaded: list[LoadedKey] = []
    for index, (raw, where) in enumerate(raws):
        if raw.private:
            findings.append(private_finding(where, "a private key", loaded=True))
        if not _supported(raw.key):
            findings.append(_unsupported_type(where, raw.key))
            continue
        key = describe_key(raw, where, index)
        loaded.append(key)
        findings.extend(key_warnings(key, where))
    return loaded, findings


def _supported(key: Any) -> bool:
    kinds = (rsa.RSAPublicKey, ec.EllipticCurvePublicKey, ed25519.Ed25519PublicKey)
    return isinstance(key, (*kinds, ed448.Ed448PublicKey))


def _unsupported_type(where: str, key: Any) -> Finding:
    return key_error(
        where,
        "A key of a type JWS cannot use",
        f"This is a {type(key).__name__.lstrip('_')} key; JWS signatures use RSA, EC "
        "(P-256/384/521), Ed25519/Ed448 keys or HMAC secrets.",
        f"{where}",
        fix="Pass the issuer's signing key (its JWKS from jwks_uri).",
        refs=("RFC 7518 §3.1",),
    )


def _kind(key: Any) -> tuple[str, str | None, int]:
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", None, key.key_size
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC", _CURVES.get(key.curve.name, key.curve.name), key.curve.key_size
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "OKP", "Ed25519", 256
    if isinstance(key, ed448.Ed448PublicKey):
        return "OKP", "Ed448", 456
    return "oct", None, len(key) * 8 if isinstance(key, bytes) else 0


def describe_key(
    raw: RawKey,
    where: str,
    index: int,
    kid: str | None = None,
    alg: str | None = None,
    use: str | None = None,
) -> LoadedKey:
    """A :class:`LoadedKey` for a raw key, described in words."""
    kty, crv, bits = _kind(raw.key)
    what = {
        "RSA": f"RSA {bits}-bit public key",
        "EC": f"EC {crv} public key",
        "OKP": f"{crv} public key",
        "oct": f"HMAC secret key (oct, {bits}-bit)",
    }[kty]
    extras = [f"kid {kid}" if kid is not None else "", f"alg {alg}" if alg else "", raw.label]
    words = ", ".join([what, *(e for e in extras if e)])
    return LoadedKey(
        source=where,
        index=index,
        kid=kid,
        kty=kty,
        crv=crv,
        alg=alg,
        use=use,
        size_bits=bits,
        description=f"{words} ({where})",
        public_key=raw.key,
        private_given=raw.private,
        material=raw.material,
        cert=raw.cert,
    )


def key_warnings(key: LoadedKey, where: str) -> list[Finding]:
    """Warnings about a usable key (an RSA key under :data:`MIN_RSA_BITS`)."""
    findings: list[Finding] = []
    if key.kty == "RSA" and key.size_bits < MIN_RSA_BITS:
        findings.append(
            key_error(
                where,
                f"RSA key too short: {key.size_bits} bits",
                f"RSA keys under {MIN_RSA_BITS} bits are too weak (NIST SP 800-131A); many "
                "libraries and identity providers refuse to verify with them.",
                key.description,
                fix=f"Have the issuer sign with an RSA key of at least {MIN_RSA_BITS} bits, "
                "or with an EC key.",
                severity=Severity.WARNING,
                refs=("RFC 7518 §3.3",),
            )
        )
    return findings


def key_error(
    where: str,
    title: str,
    detail: str,
    evidence: str,
    fix: str = "Pass the issuer's public key as PEM, its certificate, or its JWKS.",
    severity: Severity = Severity.ERROR,
    refs: tuple[str, ...] = REFS_PEM,
) -> Finding:
    """A ``sig.key_error`` finding about the key input ``where``."""
    return Finding(
        code="sig.key_error",
        severity=severity,
        title=f"{title} ({where})" if where else title,
        detail=detail,
        evidence=evidence or where,
        fix=fix,
        refs=refs,
        source=sources.key(where),
    )
