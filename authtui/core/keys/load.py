"""Reading verification keys the way people paste them, offline.

Accepts PEM (SubjectPublicKeyInfo, PKCS#1, X.509 certificates, several blocks in
one file), DER, a JWK, a JWKS, a JSON array of JWKs, and (leniently) SSH public
keys, unarmoured base64 and private keys (their public half). Anything that cannot
be used becomes a ``sig.key_error`` finding that says why, in words a person can
act on. Nothing here raises on user input and nothing is fetched.

The work is split by job: :mod:`~authtui.core.keys.jwk` reads JSON keys,
:mod:`~authtui.core.keys.formats` reads PEM, DER, SSH and certificates, and
:mod:`~authtui.core.keys.model` describes keys and words the findings. This module
picks the reader for an input.
"""

from __future__ import annotations

from collections.abc import Sequence

from authtui.core.keys.jwk import load_json_input
from authtui.core.keys.model import LoadedKey, key_error
from authtui.core.model import Finding
from authtui.core.options import FrontEnd, KeyInput

MAX_KEY_INPUT = 1 << 20
"""Key files over 1 MiB are read up to this size only."""
_SSH_PREFIXES = ("ssh-rsa ", "ssh-ed25519 ", "ssh-ed448 ", "ecdsa-sha2-", "ssh-dss ")


def load_keys(
    keys: Sequence[KeyInput], front: FrontEnd = "cli"
) -> tuple[list[LoadedKey], list[Finding]]:
    """Load every key input; return the usable keys and a finding per problem
    (``front``: the front end that asks, whose controls advice names)."""
    loaded: list[LoadedKey] = []
    findings: list[Finding] = []
    for item in keys:
        some, problems = load_key_input(item, front)
        loaded.extend(some)
        findings.extend(problems)
    return loaded, findings


def describe_certificate(der: bytes) -> str | None:
    """Subject, issuer and validity of a DER certificate, or None if unreadable."""
    from authtui.core.keys.formats import describe_certificate as describe

    return describe(der)


def load_key_input(key: KeyInput, front: FrontEnd = "cli") -> tuple[list[LoadedKey], list[Finding]]:
    """Read one key input (file or paste) in whatever format it is in."""
    # keyformats (PEM, DER, SSH, X.509) is imported only for input that is no JWK:
    # a JWKS, the usual key, does not need it at start-up.
    data = key.data[:MAX_KEY_INPUT]
    try:
        text = data.decode("utf-8").lstrip("\ufeff").strip()
    except UnicodeDecodeError:
        text = "\x00"  # binary: DER, like text holding a NUL byte
    if "\x00" in text:
        from authtui.core.keys.formats import load_der_input

        return load_der_input(key.name, data, front)
    if not text:
        return [], [key_error(key.name, "The key input is empty", "Nothing was read.", "")]
    if text[0] in "{[":
        return load_json_input(key.name, text)
    from authtui.core.keys.formats import load_other_text, load_pem_input, load_ssh_input

    if "-----BEGIN " in text:
        return load_pem_input(key.name, text)
    if text.startswith(_SSH_PREFIXES):
        return load_ssh_input(key.name, text)
    return load_other_text(key.name, text, front)
