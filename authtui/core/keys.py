"""Reading verification keys the way people paste them, offline.

Accepts PEM (SubjectPublicKeyInfo, PKCS#1, X.509 certificates, several blocks in
one file), DER, a JWK, a JWKS, a JSON array of JWKs, and (leniently) SSH public
keys, unarmoured base64 and private keys (their public half). Anything that cannot
be used becomes a ``sig.key_error`` finding that says why, in words a person can
act on. Nothing here raises on user input and nothing is fetched.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

from authtui.core.model import Finding, Severity
from authtui.core.options import KeyInput

MIN_RSA_BITS = 2048
"""Below this an RSA key is too short (NIST SP 800-131A; many libraries refuse it)."""
MAX_KEY_INPUT = 1 << 20
"""Key files over 1 MiB are read up to this size only."""
MAX_KEYS = 200
"""At most this many keys are taken from one input (a JWKS, a PEM bundle)."""

_REFS_PEM = ("RFC 7468 §2", "RFC 5280 §4.1")
_REFS_JWK = ("RFC 7517 §4", "RFC 7518 §6")
_CURVES = {
    "secp256r1": "P-256",
    "secp384r1": "P-384",
    "secp521r1": "P-521",
    "secp256k1": "secp256k1",
}
_JWK_CURVES: dict[str, Callable[[], ec.EllipticCurve]] = {
    "P-256": ec.SECP256R1,
    "P-384": ec.SECP384R1,
    "P-521": ec.SECP521R1,
    "secp256k1": ec.SECP256K1,
}
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")
_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
_SSH_PREFIXES = ("ssh-rsa ", "ssh-ed25519 ", "ssh-ed448 ", "ecdsa-sha2-", "ssh-dss ")
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


@dataclass(frozen=True, slots=True)
class _Raw:
    """A key object read from some encoding, before it is described."""

    key: Any
    private: bool
    material: bytes
    label: str
    """Extra words for the description (``from certificate CN=...``)."""


def load_keys(keys: Sequence[KeyInput]) -> tuple[list[LoadedKey], list[Finding]]:
    """Load every key input; return the usable keys and a finding per problem."""
    loaded: list[LoadedKey] = []
    findings: list[Finding] = []
    for item in keys:
        some, problems = load_key_input(item)
        loaded.extend(some)
        findings.extend(problems)
    return loaded, findings


def load_key_input(key: KeyInput) -> tuple[list[LoadedKey], list[Finding]]:
    """Read one key input (file or paste) in whatever format it is in."""
    data = key.data[:MAX_KEY_INPUT]
    try:
        text = data.decode("utf-8").lstrip("\ufeff").strip()
    except UnicodeDecodeError:
        return _load_der_input(key.name, data)
    if "\x00" in text:
        return _load_der_input(key.name, data)
    if not text:
        return [], [_error(key.name, "The key input is empty", "Nothing was read.", "")]
    if text[0] in "{[":
        return _load_json_input(key.name, text)
    if "-----BEGIN " in text:
        return _load_pem_input(key.name, text)
    if text.startswith(_SSH_PREFIXES):
        return _load_ssh_input(key.name, text)
    return _load_other_text(key.name, text)


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
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


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
    return _describe(
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


# --- JSON: JWK, JWKS, arrays -------------------------------------------------


def _load_json_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        reason = str(exc)[:120]
        return [], [
            _error(
                name,
                "The key file looks like JSON but does not parse",
                f"It starts with {text[0]!r} but is not valid JSON ({reason}).",
                "Check that the whole JWK or JWKS was copied (braces and quotes).",
                refs=_REFS_JWK,
            )
        ]
    if isinstance(doc, dict) and isinstance(doc.get("keys"), list):
        return _load_jwk_list(name, doc["keys"])
    if isinstance(doc, list):
        return _load_jwk_list(name, doc)
    if isinstance(doc, dict) and "kty" in doc:
        keys, findings = _load_jwk_list(name, [doc], single=True)
        given = text.encode("utf-8")
        return [replace(k, material=given) if k.material else k for k in keys], findings
    return [], [_json_not_keys(name, doc)]


def _json_not_keys(name: str, doc: object) -> Finding:
    if isinstance(doc, dict) and isinstance(doc.get("jwks_uri"), str):
        uri = doc["jwks_uri"][:300]
        return _error(
            name,
            "This is the issuer's discovery document, not its keys",
            "OpenID/OAuth metadata points at the keys with jwks_uri; it holds no key itself. "
            "authtui never fetches anything.",
            f"jwks_uri: {uri}",
            refs=("OpenID Connect Discovery §3", "RFC 8414 §2"),
        )
    members = ", ".join(sorted(str(k) for k in doc)[:8]) if isinstance(doc, dict) else ""
    return _error(
        name,
        "JSON without a key in it",
        "A JWK needs a kty member and a JWKS a keys array; this JSON has neither.",
        f"members: {members}" if members else f"JSON {type(doc).__name__}",
        refs=_REFS_JWK,
    )


def _load_jwk_list(
    name: str, items: list[Any], single: bool = False
) -> tuple[list[LoadedKey], list[Finding]]:
    loaded: list[LoadedKey] = []
    findings: list[Finding] = []
    if not items:
        findings.append(_error(name, "The JWKS has no keys", "Its keys array is empty.", ""))
    for index, item in enumerate(items[:MAX_KEYS]):
        where = name if single else f"{name} #{index + 1}"
        if not isinstance(item, dict):
            findings.append(_error(where, "A JWKS entry is not a JSON object", "", repr(item)[:80]))
            continue
        key, problem = key_from_jwk(item, name if single else where, index)
        if key is None:
            findings.append(_jwk_error(where, item, problem or "unknown problem"))
            continue
        loaded.append(key)
        if key.private_given:
            findings.append(_private_finding(where, "a JWK with private members", loaded=True))
        findings.extend(_key_warnings(key, where))
    return loaded, findings


def _jwk_error(where: str, jwk: Mapping[str, Any], problem: str) -> Finding:
    kty = jwk.get("kty")
    kid = jwk.get("kid")
    evidence = f"{where}: kty={kty!r}" + (f", kid={kid!r}" if kid is not None else "")
    present = ", ".join(sorted(str(k) for k in jwk if k not in _PRIVATE_MEMBERS)[:12])
    return _error(
        where,
        "A JWK has no usable key",
        f"{problem}. Members present (secret ones not shown): {present}.",
        evidence,
        fix="Copy the complete key from the issuer's JWKS (its jwks_uri); do not edit members.",
        refs=_REFS_JWK,
    )


def _jwk_to_raw(jwk: Mapping[str, Any]) -> tuple[_Raw | None, str | None]:
    kty = jwk.get("kty")
    builders: dict[str, Callable[[Mapping[str, Any]], tuple[Any, str | None]]] = {
        "RSA": _jwk_rsa,
        "EC": _jwk_ec,
        "OKP": _jwk_okp,
        "oct": _jwk_oct,
    }
    if not isinstance(kty, str):
        return None, "It has no kty (key type) member"
    builder = builders.get(kty)
    if builder is None:
        return None, f"Its kty {kty!r} is not one of RSA, EC, OKP, oct (case matters)"
    key, problem = builder(jwk)
    if key is None:
        return None, problem
    private = kty != "oct" and any(m in jwk for m in _PRIVATE_MEMBERS)
    material = b"" if kty == "oct" else _public_jwk_json(jwk)
    return _Raw(key, private, material, ""), None


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


# --- PEM ------------------------------------------------------------------------


def _pem_blocks(text: str) -> Iterator[tuple[str, str, str | None]]:
    """Yield (label, block text, problem) for each BEGIN/END block, by hand."""
    pos = 0
    while len(text) > pos:
        begin = text.find("-----BEGIN ", pos)
        if begin < 0:
            return
        label_end = text.find("-----", begin + 11)
        if label_end < 0:
            yield "", text[begin : begin + 60], "a BEGIN line that does not end in -----"
            return
        label = text[begin + 11 : label_end].strip()
        end_marker = f"-----END {label}-----"
        end = text.find(end_marker, label_end + 5)
        if end < 0:
            yield label, text[begin : label_end + 5], f"no {end_marker} line"
            return
        yield label, text[begin : end + len(end_marker)], None
        pos = end + len(end_marker)


def _load_pem_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    raws: list[tuple[_Raw, str]] = []
    findings: list[Finding] = []
    blocks = list(_pem_blocks(text))[:MAX_KEYS]
    for index, (label, block, problem) in enumerate(blocks):
        where = f"{name} #{index + 1}" if len(blocks) > 1 else name
        if problem is not None:
            findings.append(_pem_truncated(where, label, problem))
            continue
        if label == "EC PARAMETERS":
            continue
        raw, finding = _read_pem_block(where, label, block.encode("ascii", "replace"))
        if finding is not None:
            findings.append(finding)
        if raw is not None:
            raws.append((raw, where))
    return _finish(name, raws, findings)


def _pem_truncated(where: str, label: str, problem: str) -> Finding:
    return _error(
        where,
        "A PEM block is cut off",
        f"The PEM block has {problem}; it was probably truncated when copied.",
        f"-----BEGIN {label}-----",
        fix="Copy the whole block, from the BEGIN line to the END line included.",
        refs=_REFS_PEM,
    )


_PRIVATE_LABELS = (
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
)


def _read_pem_block(where: str, label: str, block: bytes) -> tuple[_Raw | None, Finding | None]:
    try:
        if label in ("PUBLIC KEY", "RSA PUBLIC KEY"):
            return _Raw(serialization.load_pem_public_key(block), False, block, ""), None
        if label in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"):
            return _cert_raw(x509.load_pem_x509_certificate(block), block), None
        if label in _PRIVATE_LABELS:
            return _private_pem(where, label, block)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        return None, _bad_pem(where, label, exc)
    return None, _odd_pem_label(where, label)


def _private_pem(where: str, label: str, block: bytes) -> tuple[_Raw | None, Finding | None]:
    try:
        if label == "OPENSSH PRIVATE KEY":
            private: Any = serialization.load_ssh_private_key(block, password=None)
        else:
            private = serialization.load_pem_private_key(block, password=None)
    except TypeError:
        return None, _private_finding(where, f"-----BEGIN {label}-----", loaded=False)
    public = private.public_key()
    material = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return _Raw(public, True, material, ""), None


def _private_finding(where: str, what: str, loaded: bool) -> Finding:
    done = (
        "Only its public half was kept and used."
        if loaded
        else "It is encrypted with a passphrase, so not even its public half could be read."
    )
    return _error(
        where,
        "A PRIVATE key was given: rotate it if it was ever shared",
        "Verification needs only the public key. A private key lets anyone sign tokens "
        f"your servers will accept. {done}",
        f"{where}: {what} (contents not shown)",
        fix=_PRIVATE_FIX,
        severity=Severity.WARNING if loaded else Severity.ERROR,
        refs=("RFC 8725 §3.5",),
    )


def _bad_pem(where: str, label: str, exc: Exception) -> Finding:
    return _error(
        where,
        f"The PEM block {label} could not be read",
        f"The armour is there but the contents are not a valid {label.lower()} ({exc}). "
        "Lines may have been lost, joined or re-wrapped when copying.",
        f"-----BEGIN {label}-----",
        fix="Copy the key again from its source, keeping every line as it is.",
        refs=_REFS_PEM,
    )


def _odd_pem_label(where: str, label: str) -> Finding:
    hints = {
        "CERTIFICATE REQUEST": "a certificate signing request, not the issuer's key or certificate",
        "NEW CERTIFICATE REQUEST": "a certificate signing request, not the issuer's key",
        "SSH2 PUBLIC KEY": "an RFC 4716 SSH key; convert it with `ssh-keygen -i -m PKCS8 -f key`",
        "DSA PRIVATE KEY": "a DSA private key; JWS has no DSA algorithm",
    }
    hint = hints.get(label, "a PEM type that holds no JWS verification key")
    return _error(
        where,
        f"PEM block {label} is not a verification key",
        f"This is {hint}.",
        f"-----BEGIN {label}-----",
        fix="Pass the issuer's public key (BEGIN PUBLIC KEY), its certificate or its JWKS.",
        refs=_REFS_PEM,
    )


def _cert_raw(cert: x509.Certificate, material: bytes) -> _Raw:
    public = cert.public_key()
    subject = cert.subject.rfc4514_string() or "(empty subject)"
    start = cert.not_valid_before_utc.strftime("%Y-%m-%d")
    end = cert.not_valid_after_utc.strftime("%Y-%m-%d")
    spki = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    label = f"from certificate {subject}, valid {start} to {end}"
    return _Raw(public, False, spki if material[:1] != b"-" else material, label)


def describe_certificate(der: bytes) -> str | None:
    """Subject, issuer and validity of a DER certificate, or None if unreadable."""
    try:
        cert = x509.load_der_x509_certificate(der)
        subject = cert.subject.rfc4514_string() or "(empty subject)"
        issuer = cert.issuer.rfc4514_string() or "(empty issuer)"
        start = cert.not_valid_before_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
        end = cert.not_valid_after_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return None
    return f"subject {subject}; issuer {issuer}; valid {start} to {end}"


# --- DER, SSH, unarmoured base64 ---------------------------------------------------


def _der_to_raw(der: bytes) -> _Raw | None:
    attempts: tuple[Callable[[bytes], _Raw], ...] = (
        lambda d: _Raw(serialization.load_der_public_key(d), False, b"", ""),
        lambda d: _cert_raw(x509.load_der_x509_certificate(d), b""),
        lambda d: _Raw(serialization.load_der_private_key(d, None).public_key(), True, b"", ""),
    )
    for attempt in attempts:
        try:
            return attempt(der)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            continue
    return None


def _load_der_input(name: str, data: bytes) -> tuple[list[LoadedKey], list[Finding]]:
    raw = _der_to_raw(data)
    if raw is None:
        return [], [_unknown_format(name, "binary data that is not a DER key or certificate")]
    return _finish(name, [(raw, name)], [])


def _load_ssh_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    line = text.splitlines()[0].strip()
    kind = line.split(" ", 1)[0]
    fix = "Convert it for your server with `ssh-keygen -e -m PKCS8 -f key.pub > key.pem`."
    try:
        key = serialization.load_ssh_public_key(line.encode("ascii", "replace"))
    except (ValueError, UnsupportedAlgorithm) as exc:
        return [], [
            _error(
                name,
                "An SSH public key that could not be read",
                f"This is OpenSSH's own format ({kind}), not PEM or JWK, and it does not "
                f"parse ({exc}).",
                f"{kind} {line[len(kind) + 1 :][:24]}...",
                fix=fix,
            )
        ]
    finding = _error(
        name,
        "An SSH public key was given: read it, but servers want PEM or JWK",
        f"This is OpenSSH's format ({kind}). authtui read it, but JWT libraries and "
        "identity providers expect a PEM public key, a certificate or a JWKS.",
        f"{kind} {line[len(kind) + 1 :][:24]}...",
        fix=fix,
        severity=Severity.WARNING,
    )
    return _finish(name, [(_Raw(key, False, b"", "read from OpenSSH format"), name)], [finding])


def _load_other_text(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    compact = "".join(text.split())
    if compact.startswith("eyJ") and compact.count(".") in (2, 4):
        return [], [_unknown_format(name, "a JWT (a token), not a key")]
    if not compact or not set(compact) <= _B64_CHARS:
        return [], [_unknown_format(name, "text that is neither PEM, JWK, JWKS nor SSH")]
    der = _b64_any(compact)
    raw = _der_to_raw(der) if der else None
    if raw is None:
        return [], [_unknown_format(name, "base64 text without PEM armour that is no DER key")]
    finding = _error(
        name,
        "PEM armour missing: read the base64 body as a key anyway",
        "The key has no -----BEGIN PUBLIC KEY----- / -----END PUBLIC KEY----- lines. authtui "
        "read the body as DER, but most libraries and servers will refuse it as it is.",
        f"{name}: {compact[:24]}... ({len(compact)} base64 characters, no BEGIN/END lines)",
        fix="Add the lines -----BEGIN PUBLIC KEY----- before and -----END PUBLIC KEY----- "
        "after the body (CERTIFICATE for a certificate), or export the key again as PEM.",
        severity=Severity.WARNING,
        refs=_REFS_PEM,
    )
    return _finish(name, [(raw, name)], [finding])


def _b64_any(compact: str) -> bytes | None:
    standard = compact.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _unknown_format(name: str, what: str) -> Finding:
    return _error(
        name,
        "Unknown key format",
        f"This looks like {what}. A key is expected as PEM (BEGIN PUBLIC KEY, BEGIN RSA "
        "PUBLIC KEY, BEGIN CERTIFICATE), DER, a JWK or a JWKS.",
        f"{name} (contents not shown)",
        fix="Pass the issuer's JWKS (saved from its jwks_uri) or a PEM public key. An HMAC "
        "secret goes in --secret-file, not --key.",
        refs=_REFS_PEM,
    )


# --- describing keys ------------------------------------------------------------------


def _finish(
    name: str, raws: list[tuple[_Raw, str]], findings: list[Finding]
) -> tuple[list[LoadedKey], list[Finding]]:
    loaded: list[LoadedKey] = []
    for index, (raw, where) in enumerate(raws):
        if raw.private:
            findings.append(_private_finding(where, "a private key", loaded=True))
        if not _supported(raw.key):
            findings.append(_unsupported_type(where, raw.key))
            continue
        key = _describe(raw, where, index)
        loaded.append(key)
        findings.extend(_key_warnings(key, where))
    return loaded, findings


def _supported(key: Any) -> bool:
    kinds = (rsa.RSAPublicKey, ec.EllipticCurvePublicKey, ed25519.Ed25519PublicKey)
    return isinstance(key, (*kinds, ed448.Ed448PublicKey))


def _unsupported_type(where: str, key: Any) -> Finding:
    return _error(
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


def _describe(
    raw: _Raw,
    where: str,
    index: int,
    kid: str | None = None,
    alg: str | None = None,
    use: str | None = None,
) -> LoadedKey:
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
    )


def _key_warnings(key: LoadedKey, where: str) -> list[Finding]:
    findings: list[Finding] = []
    if key.kty == "RSA" and key.size_bits < MIN_RSA_BITS:
        findings.append(
            _error(
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


def _error(
    where: str,
    title: str,
    detail: str,
    evidence: str,
    fix: str = "Pass the issuer's public key as PEM, its certificate, or its JWKS.",
    severity: Severity = Severity.ERROR,
    refs: tuple[str, ...] = _REFS_PEM,
) -> Finding:
    return Finding(
        code="sig.key_error",
        severity=severity,
        title=f"{title} ({where})" if where else title,
        detail=detail,
        evidence=evidence or where,
        fix=fix,
        refs=refs,
    )
