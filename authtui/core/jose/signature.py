"""Checking a JWS signature against the user's keys, and saying why it failed.

PyJWT's algorithm objects do the cryptography (``Algorithm.verify`` directly: no
``jwt.decode``, no ``PyJWK``, never ``PyJWKClient``); this module picks the keys,
explains a mismatch and spots forgeries. Keys named by the token itself (``jku``,
``x5u``, ``jwk``, ``x5c``) are never fetched nor used.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from jwt.algorithms import get_default_algorithms
from jwt.exceptions import PyJWTError

from authtui.core.context import SignatureResult
from authtui.core.keys.load import describe_certificate, load_keys
from authtui.core.keys.model import LoadedKey
from authtui.core.model import Finding, Severity, SignatureStatus, Token, TokenForm
from authtui.core.options import KeyInput, Secret

_REFS = ("RFC 7515 §5.2", "RFC 7518 §3.1")
_KEY_REFERENCES = ("jwk", "x5c", "jku", "x5u")


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
def _algorithms() -> dict[str, Any]:
    return dict(get_default_algorithms())


@dataclass(slots=True)
class _Outcome:
    status: SignatureStatus
    findings: list[Finding] = field(default_factory=list)
    matched: str | None = None


def check_signature(
    token: Token | None, keys: Sequence[KeyInput], secret: Secret | None
) -> SignatureResult:
    """Verify the token's signature with the keys and secret the user gave.

    The secret's value never appears in the result, not even in part.
    """
    loaded, key_findings = _load(tuple(keys))
    outcome = _check(token, list(loaded), secret, bool(keys))
    return SignatureResult(
        status=outcome.status,
        findings=key_findings + tuple(outcome.findings),
        matched=outcome.matched,
    )


@functools.lru_cache(maxsize=16)
def _load(keys: tuple[KeyInput, ...]) -> tuple[tuple[LoadedKey, ...], tuple[Finding, ...]]:
    """Keys read once per distinct input: the TUI re-diagnoses on every keystroke
    with the same key file, and building RSA keys is the costly part."""
    loaded, findings = load_keys(keys)
    return tuple(loaded), tuple(findings)


def _check(
    token: Token | None, loaded: list[LoadedKey], secret: Secret | None, had_keys: bool
) -> _Outcome:
    if token is None or token.form is not TokenForm.JWS:
        return _Outcome(SignatureStatus.NOT_CHECKED)
    alg = token.alg
    if alg is None or alg.lower() == "none":
        return _Outcome(SignatureStatus.NOT_CHECKED)
    spec = ALGS.get(alg)
    if spec is None:
        return _Outcome(SignatureStatus.UNSUPPORTED, [_unsupported(token, alg)])
    if not loaded and secret is None:
        return _Outcome(SignatureStatus.NOT_CHECKED, [_not_checked(token, had_keys)])
    if spec.kty == "oct":
        return _check_hmac(token, spec, loaded, secret)
    return _check_asymmetric(token, spec, loaded)


# --- key fit and verification -----------------------------------------------------


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
    algorithm = _algorithms().get(spec.pyjwt)
    if algorithm is None:
        return False
    try:
        return bool(algorithm.verify(signing_input, key, signature))
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm, PyJWTError):
        return False


# --- asymmetric -------------------------------------------------------------------


def _check_asymmetric(token: Token, spec: AlgSpec, loaded: list[LoadedKey]) -> _Outcome:
    usable = [k for k in loaded if k.kty != "oct"]
    if not usable:
        return _Outcome(SignatureStatus.NOT_CHECKED, [_secret_for_asymmetric(token, spec)])
    kid = token.kid
    same_kid = [k for k in usable if kid is not None and k.kid == kid]
    pool = usable if kid is None else (same_kid or [k for k in usable if k.kid is None])
    fitting = [k for k in pool if key_misfit(spec, k) is None]
    misfits = [m for m in (key_misfit(spec, k) for k in pool) if m]
    verified = [k for k in fitting if _verifies(token, spec, k)]
    kid_missing = kid is not None and not same_kid and any(k.kid for k in usable)
    outcome = _Outcome(SignatureStatus.NO_KEY_MATCHED)
    pinned = [m for m in (pin_misfit(spec, k) for k in verified or fitting) if m]
    clean = [k for k in verified if pin_misfit(spec, k) is None]
    if pinned and not clean:
        outcome.findings.append(_alg_mismatch(token, spec, pinned, bool(verified)))
    if clean:
        outcome.status, outcome.matched = SignatureStatus.VALID, clean[0].description
        outcome.findings.append(_valid(token, clean[0], kid_missing))
    elif kid_missing and not verified:
        others = [k for k in usable if k not in pool and _verifies(token, spec, k)]
        outcome.findings.append(_kid_not_found(token, usable, others))
    elif not fitting:
        outcome.findings.append(_alg_mismatch(token, spec, misfits, False))
    elif not verified:
        outcome.status = SignatureStatus.INVALID
        outcome.findings.append(_invalid(token, spec, fitting))
    return outcome


def _verifies(token: Token, spec: AlgSpec, key: LoadedKey) -> bool:
    if key_misfit(spec, key) is not None:
        return False
    return verify_with_key(spec, token.signing_input, token.signature, key.public_key)


# --- HMAC -------------------------------------------------------------------------


def _check_hmac(
    token: Token, spec: AlgSpec, loaded: list[LoadedKey], secret: Secret | None
) -> _Outcome:
    public = [k for k in loaded if k.kty != "oct"]
    forged = _forged_with_public_key(token, spec, public)
    if forged is not None:
        return _Outcome(SignatureStatus.INVALID, [_alg_confusion(token, spec, public, forged)])
    candidates = _hmac_candidates(token, loaded, secret)
    if not candidates:
        return _Outcome(SignatureStatus.NO_KEY_MATCHED, [_alg_confusion(token, spec, public, None)])
    outcome = _Outcome(SignatureStatus.INVALID)
    for label, value in candidates:
        for variant, variant_value in _secret_variants(value):
            if _hmac_ok(spec, token, variant_value):
                outcome.status, outcome.matched = SignatureStatus.VALID, label
                outcome.findings += _weak(spec, [(label, variant_value)])
                outcome.findings.append(_valid_hmac(token, label, variant))
                return outcome
    outcome.findings += _weak(spec, candidates)
    outcome.findings.append(_invalid_hmac(token, spec, [c[0] for c in candidates]))
    return outcome


def _weak(spec: AlgSpec, candidates: list[tuple[str, bytes]]) -> list[Finding]:
    return [
        _weak_secret(spec, lab, len(val)) for lab, val in candidates if len(val) < spec.hash_bytes
    ]


def _hmac_candidates(
    token: Token, loaded: list[LoadedKey], secret: Secret | None
) -> list[tuple[str, bytes]]:
    octs = [k for k in loaded if k.kty == "oct" and isinstance(k.public_key, bytes)]
    by_kid = [k for k in octs if token.kid is not None and k.kid == token.kid]
    candidates = [(k.description, bytes(k.public_key)) for k in (by_kid or octs)]
    if secret is not None:
        candidates.insert(
            0, ("the HMAC secret given (--secret-file/--secret-env)", secret.reveal())
        )
    return candidates


def _secret_variants(value: bytes) -> list[tuple[str, bytes]]:
    variants = [("", value)]
    stripped = value.strip()
    if stripped != value and stripped:
        variants.append(("trimmed of white space (a trailing newline?)", stripped))
    for words, decoder in (
        ("base64-decoded", base64.b64decode),
        ("base64url-decoded", base64.urlsafe_b64decode),
    ):
        try:
            decoded = decoder(stripped + b"=" * (-len(stripped) % 4))
        except (binascii.Error, ValueError):
            continue
        if decoded and all(decoded != v for _, v in variants):
            variants.append((words, decoded))
    return variants


def _hmac_ok(spec: AlgSpec, token: Token, key: bytes) -> bool:
    digest = getattr(hashlib, f"sha{spec.hash_bytes * 8}")
    mac = hmac.new(key, token.signing_input, digest).digest()
    return hmac.compare_digest(mac, token.signature)


def _forged_with_public_key(
    token: Token, spec: AlgSpec, public: list[LoadedKey]
) -> tuple[LoadedKey, str] | None:
    for key in public[:50]:
        for words, material in _public_encodings(key):
            if _hmac_ok(spec, token, material):
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
    algorithm = _algorithms().get(names.get(key.kty, ""))
    if algorithm is None:
        return None
    try:
        return str(algorithm.to_jwk(key.public_key))
    except (ValueError, TypeError, PyJWTError, UnsupportedAlgorithm):
        return None


# --- what is wrong with the signature's shape ----------------------------------------

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


# --- x5c, for display ---------------------------------------------------------------


def describe_x5c(header: Mapping[str, Any] | None) -> list[str]:
    """Subject, issuer and validity of each certificate in the header's ``x5c``.

    For display only: the chain is never trusted nor used to verify.
    """
    chain = (header or {}).get("x5c")
    if not isinstance(chain, list):
        return []
    lines: list[str] = []
    for index, item in enumerate(chain[:10]):
        text = item if isinstance(item, str) else ""
        try:
            der = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            der = b""
        words = describe_certificate(der) if der else None
        lines.append(f"x5c[{index}]: {words or 'not a readable base64 DER certificate'}")
    return lines


# --- findings ----------------------------------------------------------------------


def _where(token: Token) -> str:
    kid = f", kid={token.kid!r}" if token.kid is not None else ", no kid"
    return f"alg={token.alg}{kid} ({token.source or 'token'})"


def _embedded_note(token: Token) -> str:
    present = [name for name in _KEY_REFERENCES if name in (token.header or {})]
    if not present:
        return ""
    return (
        f" The header names its own key ({', '.join(present)}); that is never used here: "
        "anyone can put a key there (RFC 8725 §3.10)."
    )


def _finding(code: str, severity: Severity, title: str, detail: str, evidence: str, fix: str,
             refs: tuple[str, ...] = _REFS) -> Finding:  # fmt: skip
    return Finding(code, severity, title, detail, evidence, fix, refs)


def _not_checked(token: Token, had_keys: bool) -> Finding:
    why = "None of the keys given could be read" if had_keys else "No key or secret was given"
    return _finding(
        "sig.not_checked",
        Severity.INFO,
        "Signature not checked: no key",
        f"{why}, so the signature was not checked; a tampered token or one signed by "
        f"another key is not ruled out.{_embedded_note(token)}",
        _where(token),
        "Save the issuer's JWKS (the jwks_uri in its /.well-known/openid-configuration) and "
        "pass it with --key; for HS256/384/512 pass the shared secret with --secret-file.",
    )


def _secret_for_asymmetric(token: Token, spec: AlgSpec) -> Finding:
    return _finding(
        "sig.not_checked",
        Severity.INFO,
        f"Signature not checked: {spec.name} needs a public key, not a secret",
        f"The token is signed with {spec.name}, an asymmetric algorithm; only the "
        "issuer's public key can verify it, and an HMAC secret was given instead.",
        _where(token),
        "Pass the issuer's JWKS or PEM public key with --key.",
    )


def _unsupported(token: Token, alg: str) -> Finding:
    return _finding(
        "sig.not_checked",
        Severity.WARNING,
        f"Signature not checked: alg {alg!r} is not a JWS algorithm authtui knows",
        "Known: HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, ES256K, EdDSA. "
        "Algorithm names are case-sensitive; most servers refuse any other value.",
        _where(token),
        "Have the issuer sign with a registered algorithm the server allows.",
        ("RFC 7518 §3.1", "RFC 8725 §3.1"),
    )


def _valid(token: Token, key: LoadedKey, kid_missing: bool) -> Finding:
    extra = (
        f" The token's kid {token.kid!r} names no key given; this key has no kid, so a "
        "server that selects keys by kid will not find it."
        if kid_missing
        else ""
    )
    return _finding(
        "sig.valid",
        Severity.OK,
        f"Signature valid: verified with {key.description}",
        f"The signature checks out, so it is not why the request was refused.{extra}",
        _where(token),
        "Look at the other findings: claims, time, audience and scope.",
    )


def _valid_hmac(token: Token, label: str, variant: str) -> Finding:
    if not variant:
        return _finding(
            "sig.valid",
            Severity.OK,
            f"Signature valid: verified with {label}",
            "The signature checks out, so it is not why the request was refused.",
            _where(token),
            "Look at the other findings: claims, time, audience and scope.",
        )
    return _finding(
        "sig.valid",
        Severity.WARNING,
        f"Signature valid only with the secret {variant}",
        f"The signature verifies with {label} only when it is {variant}. If the server reads "
        "the secret differently from the issuer, it refuses every token.",
        _where(token),
        "Make the issuer and the server read the secret the same way (raw bytes or "
        "base64-decoded, no trailing newline).",
        ("RFC 7518 §3.2",),
    )


def _invalid(token: Token, spec: AlgSpec, tried: list[LoadedKey]) -> Finding:
    shapes = {p for p in (shape_problem(spec, k, token) for k in tried) if p}
    names = "; ".join(k.description for k in tried[:6])
    return _finding(
        "sig.invalid",
        Severity.ERROR,
        "Signature invalid: the token does not verify with the matching key",
        f"Tried {names}. Either the token was changed after signing, or it was signed "
        f"with another key of the same type.{' ' + ' '.join(sorted(shapes)) if shapes else ''}"
        f"{_embedded_note(token)}",
        f"{_where(token)}; signature {len(token.signature)} bytes",
        "Get a fresh token from the issuer and make sure the key given is the issuer's "
        "current key; never edit a token by hand.",
    )


def _invalid_hmac(token: Token, spec: AlgSpec, labels: list[str]) -> Finding:
    shape = shape_problem(spec, None, token)
    return _finding(
        "sig.invalid",
        Severity.ERROR,
        f"Signature invalid: the {spec.name} signature does not match the secret",
        f"Tried {'; '.join(labels[:6])} (also trimmed and base64-decoded). The token was "
        f"changed after signing, or the issuer uses another secret.{' ' + shape if shape else ''}",
        f"{_where(token)}; signature {len(token.signature)} bytes",
        "Check that the server's secret is the issuer's, byte for byte.",
        ("RFC 7515 §5.2", "RFC 7518 §3.2"),
    )


def _kid_not_found(token: Token, keys: list[LoadedKey], others: list[LoadedKey]) -> Finding:
    kids = sorted({k.kid for k in keys if k.kid})
    listed = ", ".join(kids[:12]) + (" ..." if len(kids) > 12 else "")
    verified = (
        f" Yet {others[0].description} does verify it: the key is there under another kid."
        if others
        else ""
    )
    return _finding(
        "sig.kid_not_found",
        Severity.ERROR,
        f"No key with kid {token.kid!r}",
        f"The token names kid {token.kid!r}; the keys given have kids {listed}.{verified} "
        "Usually the issuer rotated its signing keys (the token is newer than the JWKS, or "
        "the server cached an old one), or the token comes from another tenant or realm "
        "than the one the server trusts.",
        f"{_where(token)}; kids given: {listed}",
        "Fetch the current JWKS from the issuer's jwks_uri yourself and pass it with --key; "
        "compare the token's iss with the issuer (tenant, realm) the server is set up for.",
        ("RFC 7515 §4.1.4", "RFC 7517 §4.5"),
    )


def _alg_mismatch(token: Token, spec: AlgSpec, reasons: list[str], math_ok: bool) -> Finding:
    extra = (
        " The signature does verify with that key's material, but a server that honours "
        "the key's alg will refuse it."
        if math_ok
        else ""
    )
    return _finding(
        "sig.alg_mismatch",
        Severity.ERROR,
        f"The token's alg {spec.name} does not fit the key",
        f"{'; '.join(reasons[:6])}.{extra} ES256 needs P-256, ES384 P-384, ES512 P-521.",
        _where(token),
        f"Either the issuer signs with another key than the server expects, or the server "
        f"is set up for another algorithm: allow {spec.name} with a key of the right type.",
        ("RFC 7518 §3.1", "RFC 7517 §4.4", "RFC 8725 §3.1"),
    )


def _alg_confusion(
    token: Token, spec: AlgSpec, public: list[LoadedKey], forged: tuple[LoadedKey, str] | None
) -> Finding:
    if forged is not None:
        key, words = forged
        return _finding(
            "sig.alg_confusion",
            Severity.ERROR,
            f"Forged token: signed with {key.description} used as an HMAC secret",
            f"The token says {spec.name}, and its signature is an HMAC computed with {words}: "
            "the public key, which anyone has. This is the RS256-to-HS256 algorithm "
            "confusion attack; a correct server rejects it.",
            f"{_where(token)}; HMAC over the signing input with {words} matches",
            "Reject the token. Make the server pin the algorithm to each key (never accept "
            "HS* for an RSA/EC key); if it ever accepted such a token, treat it as a breach.",
            ("RFC 8725 §2.1", "RFC 8725 §3.1"),
        )
    names = "; ".join(k.description for k in public[:4])
    return _finding(
        "sig.alg_confusion",
        Severity.ERROR,
        f"{spec.name} token checked against public keys only",
        f"The token says {spec.name} (HMAC, a shared secret) but only public keys were given "
        f"({names}). A public key must never be used as an HMAC secret to accept a token.",
        _where(token),
        f"If the issuer really uses {spec.name}, pass its secret with --secret-file; if it "
        "signs with RSA/EC, the token did not come from it.",
        ("RFC 8725 §2.1", "RFC 8725 §3.1"),
    )


def _weak_secret(spec: AlgSpec, label: str, length: int) -> Finding:
    severity = Severity.ERROR if length < spec.hash_bytes // 2 else Severity.WARNING
    return _finding(
        "sig.weak_secret",
        severity,
        f"HMAC secret too short for {spec.name}: {length} bytes, needs {spec.hash_bytes}",
        f"RFC 7518 requires an HMAC key at least as long as the hash ({spec.hash_bytes} bytes "
        f"for {spec.name}). Short secrets can be guessed offline from one token, and strict "
        "libraries (Nimbus/Spring, jose4j, Microsoft.IdentityModel) refuse them.",
        f"{label}: {length} bytes (value not shown)",
        f"Use a random secret of at least {spec.hash_bytes} bytes (`openssl rand -base64 "
        f"{spec.hash_bytes}`), or an asymmetric algorithm.",
        ("RFC 7518 §3.2", "RFC 8725 §3.5"),
    )
