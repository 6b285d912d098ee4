"""Keys in PEM, DER, OpenSSH and unarmoured base64; X.509 certificates.

PEM blocks are found by hand (linear, several per file); private keys give their
public half and a warning; what cannot be read becomes a ``sig.key_error`` finding
that says why. Nothing here raises on user input.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from authtui.core.controls import control
from authtui.core.keys.model import (
    MAX_KEYS,
    REFS_PEM,
    CertInfo,
    LoadedKey,
    RawKey,
    finish_keys,
    key_error,
    private_finding,
)
from authtui.core.model import Finding, Note, Severity
from authtui.core.options import FrontEnd

_B64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")


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


def normalise_pem(name: str, text: str) -> tuple[str, tuple[Note, ...]]:
    """PEM as libraries want it, from the shapes it is pasted in: with literal ``\\n``
    for its line ends (a JSON value, an environment variable) or all on one line.
    Each repair is a ``key.pem_*`` note."""
    notes: list[Note] = []
    stripped = text.strip().strip("\"'")
    if "\\n" in stripped and "-----BEGIN " in stripped:
        count = stripped.count("\\n")
        stripped = stripped.replace("\\r\\n", "\n").replace("\\n", "\n")
        notes.append(
            Note(
                "key.pem_escaped_newlines",
                f"The PEM in {name} had its {count} line ends written as the two characters "
                "\\n (copied from JSON or an environment variable); read with real line ends. "
                "A server given this text as it is refuses it.",
                stripped.splitlines()[0][:60],
            )
        )
    out: list[str] = []
    pos = 0
    for label, block, problem in _pem_blocks(stripped):
        if problem is not None:
            continue
        at = stripped.find(block, pos)
        head, tail = f"-----BEGIN {label}-----", f"-----END {label}-----"
        body = block[len(head) : len(block) - len(tail)]
        if "\n" not in block and body.strip():
            compact = "".join(body.split())
            wrapped = "\n".join(compact[i : i + 64] for i in range(0, len(compact), 64))
            out.append(stripped[pos:at] + f"{head}\n{wrapped}\n{tail}")
            pos = at + len(block)
            notes.append(
                Note(
                    "key.pem_one_line",
                    f"The PEM block {label} in {name} is on one line (its line breaks were "
                    "lost in copying); read re-wrapped at 64 characters. Many libraries "
                    "refuse it as it is (RFC 7468 §2).",
                    head,
                )
            )
    text = "".join(out) + stripped[pos:] if out else stripped
    return text, tuple(notes)


def load_pem_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    """Read every PEM block of a text (keys, certificates, private keys), repairing the
    line ends of a PEM pasted with literal ``\\n`` or on one line (said in the keys'
    notes)."""
    text, repaired = normalise_pem(name, text)
    keys, findings = _load_pem_blocks(name, text)
    if repaired:
        keys = [replace(key, notes=key.notes + repaired) for key in keys]
    return keys, findings


def _load_pem_blocks(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    raws: list[tuple[RawKey, str]] = []
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
    return finish_keys(name, raws, findings)


def _pem_truncated(where: str, label: str, problem: str) -> Finding:
    return key_error(
        where,
        "A PEM block is cut off",
        f"The PEM block has {problem}; it was probably truncated when copied.",
        f"-----BEGIN {label}-----",
        fix="Copy the whole block, from the BEGIN line to the END line included.",
        refs=REFS_PEM,
    )


_PRIVATE_LABELS = (
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
)


def _read_pem_block(where: str, label: str, block: bytes) -> tuple[RawKey | None, Finding | None]:
    try:
        if label in ("PUBLIC KEY", "RSA PUBLIC KEY"):
            return RawKey(serialization.load_pem_public_key(block), False, block, ""), None
        if label in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"):
            return _cert_raw(x509.load_pem_x509_certificate(block), block), None
        if label in _PRIVATE_LABELS:
            return _private_pem(where, label, block)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        return None, _bad_pem(where, label, exc)
    return None, _odd_pem_label(where, label)


def _private_pem(where: str, label: str, block: bytes) -> tuple[RawKey | None, Finding | None]:
    try:
        if label == "OPENSSH PRIVATE KEY":
            private: Any = serialization.load_ssh_private_key(block, password=None)
        else:
            private = serialization.load_pem_private_key(block, password=None)
    except TypeError:
        return None, private_finding(where, f"-----BEGIN {label}-----", loaded=False)
    public = private.public_key()
    material = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return RawKey(public, True, material, ""), None


def _bad_pem(where: str, label: str, exc: Exception) -> Finding:
    return key_error(
        where,
        f"The PEM block {label} could not be read",
        f"The armour is there but the contents are not a valid {label.lower()} ({exc}). "
        "Lines may have been lost, joined or re-wrapped when copying.",
        f"-----BEGIN {label}-----",
        fix="Copy the key again from its source, keeping every line as it is.",
        refs=REFS_PEM,
    )


def _odd_pem_label(where: str, label: str) -> Finding:
    hints = {
        "CERTIFICATE REQUEST": "a certificate signing request, not the issuer's key or certificate",
        "NEW CERTIFICATE REQUEST": "a certificate signing request, not the issuer's key",
        "SSH2 PUBLIC KEY": "an RFC 4716 SSH key; convert it with `ssh-keygen -i -m PKCS8 -f key`",
        "DSA PRIVATE KEY": "a DSA private key; JWS has no DSA algorithm",
    }
    hint = hints.get(label, "a PEM type that holds no JWS verification key")
    return key_error(
        where,
        f"PEM block {label} is not a verification key",
        f"This is {hint}.",
        f"-----BEGIN {label}-----",
        fix="Pass the issuer's public key (BEGIN PUBLIC KEY), its certificate or its JWKS.",
        refs=REFS_PEM,
    )


def _cert_raw(cert: x509.Certificate, material: bytes, where: str = "certificate") -> RawKey:
    public = cert.public_key()
    subject = cert.subject.rfc4514_string() or "(empty subject)"
    start = cert.not_valid_before_utc.strftime("%Y-%m-%d")
    end = cert.not_valid_after_utc.strftime("%Y-%m-%d")
    spki = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    label = f"from {where} {subject}, valid {start} to {end}"
    info = CertInfo(
        subject=subject,
        not_before=cert.not_valid_before_utc.timestamp(),
        not_after=cert.not_valid_after_utc.timestamp(),
        where=where,
    )
    return RawKey(public, False, spki if material[:1] != b"-" else material, label, info)


def x5c_raw(item: object) -> tuple[RawKey | None, str | None]:
    """The key of a JWK's first ``x5c`` certificate (standard base64 DER, RFC 7517
    §4.7), or ``None`` and why in words."""
    if not isinstance(item, str):
        return None, "Its x5c[0] is not a string"
    try:
        der = base64.b64decode("".join(item.split()), validate=True)
        cert = x509.load_der_x509_certificate(der)
        return _cert_raw(cert, b"", "x5c[0] certificate"), None
    except (binascii.Error, ValueError, TypeError, UnsupportedAlgorithm) as exc:
        return None, f"Its x5c[0] is not a readable base64 DER certificate ({exc})"


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


def _der_to_raw(der: bytes) -> RawKey | None:
    attempts: tuple[Callable[[bytes], RawKey], ...] = (
        lambda d: RawKey(serialization.load_der_public_key(d), False, b"", ""),
        lambda d: _cert_raw(x509.load_der_x509_certificate(d), b""),
        lambda d: RawKey(serialization.load_der_private_key(d, None).public_key(), True, b"", ""),
    )
    for attempt in attempts:
        try:
            return attempt(der)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            continue
    return None


def load_der_input(
    name: str, data: bytes, front: FrontEnd = "cli"
) -> tuple[list[LoadedKey], list[Finding]]:
    """Read binary DER: a public key, a certificate or a private key."""
    raw = _der_to_raw(data)
    if raw is None:
        what = "binary data that is not a DER key or certificate"
        return [], [_unknown_format(name, what, front)]
    return finish_keys(name, [(raw, name)], [])


def load_ssh_input(name: str, text: str) -> tuple[list[LoadedKey], list[Finding]]:
    """Read an OpenSSH public key line (with a warning: servers want PEM or JWK)."""
    line = text.splitlines()[0].strip()
    kind = line.split(" ", 1)[0]
    fix = "Convert it for your server with `ssh-keygen -e -m PKCS8 -f key.pub > key.pem`."
    try:
        key = serialization.load_ssh_public_key(line.encode("ascii", "replace"))
    except (ValueError, UnsupportedAlgorithm) as exc:
        return [], [
            key_error(
                name,
                "An SSH public key that could not be read",
                f"This is OpenSSH's own format ({kind}), not PEM or JWK, and it does not "
                f"parse ({exc}).",
                f"{kind} {line[len(kind) + 1 :][:24]}...",
                fix=fix,
            )
        ]
    finding = key_error(
        name,
        "An SSH public key was given: read it, but servers want PEM or JWK",
        f"This is OpenSSH's format ({kind}). authtui read it, but JWT libraries and "
        "identity providers expect a PEM public key, a certificate or a JWKS.",
        f"{kind} {line[len(kind) + 1 :][:24]}...",
        fix=fix,
        severity=Severity.WARNING,
    )
    return finish_keys(
        name, [(RawKey(key, False, b"", "read from OpenSSH format"), name)], [finding]
    )


def load_other_text(
    name: str, text: str, front: FrontEnd = "cli"
) -> tuple[list[LoadedKey], list[Finding]]:
    """Read unarmoured base64 as DER, or say what the text is instead."""
    compact = "".join(text.split())
    if compact.startswith("eyJ") and compact.count(".") in (2, 4):
        return [], [_unknown_format(name, "a JWT (a token), not a key", front)]
    if not compact or not set(compact) <= _B64_CHARS:
        return [], [_unknown_format(name, "text that is neither PEM, JWK, JWKS nor SSH", front)]
    der = _b64_any(compact)
    raw = _der_to_raw(der) if der else None
    if raw is None:
        what = "base64 text without PEM armour that is no DER key"
        return [], [_unknown_format(name, what, front)]
    finding = key_error(
        name,
        "PEM armour missing: read the base64 body as a key anyway",
        "The key has no -----BEGIN PUBLIC KEY----- / -----END PUBLIC KEY----- lines. authtui "
        "read the body as DER, but most libraries and servers will refuse it as it is.",
        f"{name}: {compact[:24]}... ({len(compact)} base64 characters, no BEGIN/END lines)",
        fix="Add the lines -----BEGIN PUBLIC KEY----- before and -----END PUBLIC KEY----- "
        "after the body (CERTIFICATE for a certificate), or export the key again as PEM.",
        severity=Severity.WARNING,
        refs=REFS_PEM,
    )
    return finish_keys(name, [(raw, name)], [finding])


def _b64_any(compact: str) -> bytes | None:
    standard = compact.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _unknown_format(name: str, what: str, front: FrontEnd) -> Finding:
    return key_error(
        name,
        "Unknown key format",
        f"This looks like {what}. A key is expected as PEM (BEGIN PUBLIC KEY, BEGIN RSA "
        "PUBLIC KEY, BEGIN CERTIFICATE), DER, a JWK or a JWKS.",
        f"{name} (contents not shown)",
        fix="Give the issuer's JWKS (saved from its jwks_uri) or a PEM public key. An HMAC "
        f"secret goes in {control('secret', front)}, not {control('key', front)}.",
        refs=REFS_PEM,
    )
