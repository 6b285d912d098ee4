"""Checking a JWS signature against the user's keys, and saying why it failed.

PyJWT's algorithm objects do the cryptography (``Algorithm.verify`` directly: no
``jwt.decode``, no ``PyJWK``, never ``PyJWKClient``); this module chooses the
keys to try and runs the verification; :mod:`.algs` says what each algorithm needs,
:mod:`.forgery` spots forged and malformed signatures, :mod:`.signature_findings`
words the outcome. Keys named by the token itself (``jku``,
``x5u``, ``jwk``, ``x5c``) are never fetched nor used.
"""

from __future__ import annotations

import base64
import binascii
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from authtui.core.context import SignatureResult
from authtui.core.controls import control
from authtui.core.jose import signature_findings as said
from authtui.core.jose.algs import (
    ALGS,
    AlgSpec,
    hmac_verifies,
    key_misfit,
    pin_misfit,
    verify_with_key,
)
from authtui.core.jose.forgery import forged_with_public_key
from authtui.core.keys.load import describe_certificate, load_keys
from authtui.core.keys.model import LoadedKey
from authtui.core.model import Finding, SignatureStatus, Token, TokenForm
from authtui.core.options import FrontEnd, KeyInput, Secret


@dataclass(slots=True)
class _Outcome:
    status: SignatureStatus
    findings: list[Finding] = field(default_factory=list)
    matched: str | None = None


def check_signature(
    token: Token | None,
    keys: Sequence[KeyInput],
    secret: Secret | None,
    front: FrontEnd = "cli",
    now: float | None = None,
) -> SignatureResult:
    """Verify the token's signature with the keys and secret the user gave.

    The secret's value never appears in the result, not even in part. ``front`` is
    the front end that asks (advice names its controls). With ``now`` (the evaluation
    time), a key's certificate that is not valid then is said (``sig.cert_expired``).
    """
    loaded, key_findings = _load(tuple(keys), front)
    outcome = _check(token, list(loaded), secret, bool(keys), front)
    certs = said.cert_validity(token, loaded, outcome.matched, now) if now is not None else []
    return SignatureResult(
        status=outcome.status,
        findings=key_findings + tuple(outcome.findings) + tuple(certs),
        matched=outcome.matched,
        notes=tuple(dict.fromkeys(note for key in loaded for note in key.notes)),
    )


@functools.lru_cache(maxsize=16)
def _load(
    keys: tuple[KeyInput, ...], front: FrontEnd
) -> tuple[tuple[LoadedKey, ...], tuple[Finding, ...]]:
    """Keys read once per distinct input: the TUI re-diagnoses on every keystroke
    with the same key file, and building RSA keys is the costly part."""
    loaded, findings = load_keys(keys, front)
    return tuple(loaded), tuple(findings)


def _check(
    token: Token | None,
    loaded: list[LoadedKey],
    secret: Secret | None,
    had_keys: bool,
    front: FrontEnd,
) -> _Outcome:
    if token is None or token.form is not TokenForm.JWS:
        return _Outcome(SignatureStatus.NOT_CHECKED)
    alg = token.alg
    if alg is None or alg.lower() == "none":
        return _Outcome(SignatureStatus.NOT_CHECKED)
    spec = ALGS.get(alg)
    if spec is None:
        return _Outcome(SignatureStatus.UNSUPPORTED, [said.unsupported(token, alg)])
    if not loaded and secret is None:
        return _Outcome(SignatureStatus.NOT_CHECKED, [said.not_checked(token, had_keys, front)])
    if len(token.segments) > 1 and not token.segments[1] and token.claims is None:
        return _Outcome(SignatureStatus.NOT_CHECKED, [said.detached(token)])
    if spec.kty == "oct":
        return _check_hmac(token, spec, loaded, secret, front)
    return _check_asymmetric(token, spec, loaded, front)


def _check_asymmetric(
    token: Token, spec: AlgSpec, loaded: list[LoadedKey], front: FrontEnd
) -> _Outcome:
    usable = [k for k in loaded if k.kty != "oct"]
    if not usable:
        finding = said.secret_for_asymmetric(token, spec, front)
        return _Outcome(SignatureStatus.NOT_CHECKED, [finding])
    kid = token.kid
    same_kid = [k for k in usable if kid is not None and k.kid == kid]
    pool = usable if kid is None else (same_kid or [k for k in usable if k.kid is None])
    duplicates = said.duplicate_kid(token, spec, same_kid, _verifies) if len(same_kid) > 1 else []
    fitting = [k for k in pool if key_misfit(spec, k) is None]
    misfits = [m for m in (key_misfit(spec, k) for k in pool) if m]
    verified = [k for k in fitting if _verifies(token, spec, k)]
    kid_missing = kid is not None and not same_kid and any(k.kid for k in usable)
    outcome = _Outcome(SignatureStatus.NO_KEY_MATCHED, duplicates)
    pinned = [m for m in (pin_misfit(spec, k) for k in verified or fitting) if m]
    clean = [k for k in verified if pin_misfit(spec, k) is None]
    if pinned and not clean:
        outcome.findings.append(said.alg_mismatch(token, spec, pinned, bool(verified)))
    if clean:
        outcome.status, outcome.matched = SignatureStatus.VALID, clean[0].description
        outcome.findings.append(said.valid(token, clean[0], kid_missing))
    elif kid_missing and not verified:
        others = [k for k in usable if k not in pool and _verifies(token, spec, k)]
        outcome.findings.append(said.kid_not_found(token, usable, others, front))
    elif not fitting:
        outcome.findings.append(said.alg_mismatch(token, spec, misfits, False))
    elif not verified:
        outcome.status = SignatureStatus.INVALID
        outcome.findings.append(said.invalid(token, spec, fitting))
    return outcome


def _verifies(token: Token, spec: AlgSpec, key: LoadedKey) -> bool:
    if key_misfit(spec, key) is not None:
        return False
    return verify_with_key(spec, token.signing_input, token.signature, key.public_key)


def _check_hmac(
    token: Token, spec: AlgSpec, loaded: list[LoadedKey], secret: Secret | None, front: FrontEnd
) -> _Outcome:
    public = [k for k in loaded if k.kty != "oct"]
    forged = forged_with_public_key(token, spec, public)
    if forged is not None:
        finding = said.alg_confusion(token, spec, public, forged, front)
        return _Outcome(SignatureStatus.INVALID, [finding])
    candidates = _hmac_candidates(token, loaded, secret, front)
    if not candidates:
        finding = said.alg_confusion(token, spec, public, None, front)
        return _Outcome(SignatureStatus.NO_KEY_MATCHED, [finding])
    outcome = _Outcome(SignatureStatus.INVALID)
    for label, value in candidates:
        for variant, variant_value in _secret_variants(value):
            if hmac_verifies(spec, token, variant_value):
                outcome.status, outcome.matched = SignatureStatus.VALID, label
                outcome.findings += _weak(spec, [(label, variant_value)])
                outcome.findings.append(said.valid_hmac(token, label, variant))
                return outcome
    outcome.findings += _weak(spec, candidates)
    outcome.findings.append(said.invalid_hmac(token, spec, [c[0] for c in candidates]))
    return outcome


def _weak(spec: AlgSpec, candidates: list[tuple[str, bytes]]) -> list[Finding]:
    return [
        said.weak_secret(spec, lab, len(val))
        for lab, val in candidates
        if len(val) < spec.hash_bytes
    ]


def _hmac_candidates(
    token: Token, loaded: list[LoadedKey], secret: Secret | None, front: FrontEnd
) -> list[tuple[str, bytes]]:
    octs = [k for k in loaded if k.kty == "oct" and isinstance(k.public_key, bytes)]
    by_kid = [k for k in octs if token.kid is not None and k.kid == token.kid]
    candidates = [(k.description, bytes(k.public_key)) for k in (by_kid or octs)]
    if secret is not None:
        candidates.insert(
            0, (f"the HMAC secret given ({control('secret', front)})", secret.reveal())
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
