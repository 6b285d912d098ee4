"""Keys, certificates and tokens in the shapes they are pasted in (issue 12, item 6):
PEM with literal ``\\n`` or on one line, a JWK with only ``x5c``, certificates out
of validity, two keys with one kid, a JWS that is no JWT, and look-alike values."""

from __future__ import annotations

import base64
import datetime
import json
import unicodedata
from typing import Any

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from authtui.core.checks.lookalike import lookalike
from authtui.core.diagnose import diagnose
from authtui.core.jose.signature import check_signature
from authtui.core.jose.tokens import decode_token
from authtui.core.keys.load import load_key_input
from authtui.core.model import Severity, SignatureStatus, TokenForm
from authtui.core.options import KeyInput, Options
from authtui.core.render.json import render_json

NOW = 1735689600
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PEM = (
    KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)
UTC = datetime.UTC


def cert(start: datetime.datetime, end: datetime.datetime) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "issuer.test")])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(KEY.public_key())
        .serial_number(7)
        .not_valid_before(start)
        .not_valid_after(end)
        .sign(KEY, hashes.SHA256())
    )


VALID = cert(datetime.datetime(2024, 1, 1, tzinfo=UTC), datetime.datetime(2026, 1, 1, tzinfo=UTC))
EXPIRED = cert(datetime.datetime(2023, 1, 1, tzinfo=UTC), datetime.datetime(2024, 6, 1, tzinfo=UTC))
FUTURE = cert(datetime.datetime(2025, 6, 1, tzinfo=UTC), datetime.datetime(2027, 1, 1, tzinfo=UTC))


def pem_of(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def x5c(certificate: x509.Certificate) -> str:
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()


def rsa_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, str]:
    numbers = key.public_key().public_numbers()

    def b64(i: int) -> str:
        return (
            base64.urlsafe_b64encode(i.to_bytes((i.bit_length() + 7) // 8, "big"))
            .decode()
            .rstrip("=")
        )

    return {"kty": "RSA", "kid": kid, "n": b64(numbers.n), "e": b64(numbers.e)}


def signed(kid: str = "k1", **claims: Any) -> str:
    base: dict[str, Any] = {"sub": "u", "iat": NOW - 60, "exp": NOW + 600}
    base.update(claims)
    return jwt.encode(base, KEY, "RS256", headers={"kid": kid})


TOKEN = decode_token(signed())


# --- PEM read leniently -----------------------------------------------------------------

PEMS = [
    ("as written", PEM, []),
    (
        "literal \\n (JSON, an environment variable)",
        json.dumps(PEM)[1:-1],
        ["key.pem_escaped_newlines"],
    ),
    ("quoted with literal \\n", json.dumps(PEM), ["key.pem_escaped_newlines"]),
    ("on one line, spaces", PEM.replace("\n", " "), ["key.pem_one_line"]),
    ("on one line, nothing between", PEM.replace("\n", ""), ["key.pem_one_line"]),
    ("a certificate on one line", pem_of(VALID).decode().replace("\n", " "), ["key.pem_one_line"]),
]


@pytest.mark.parametrize(("text", "notes"), [p[1:] for p in PEMS], ids=[p[0] for p in PEMS])
def test_pem_read_leniently_and_said(text: str, notes: list[str]) -> None:
    keys, findings = load_key_input(KeyInput("key.pem", text.encode()))
    assert len(keys) == 1 and not findings
    assert [n.code for n in keys[0].notes] == notes
    result = check_signature(TOKEN, [KeyInput("key.pem", text.encode())], None, now=NOW)
    assert result.status is SignatureStatus.VALID
    assert [n.code for n in result.notes] == notes


def test_the_report_notes_say_how_a_key_was_read() -> None:
    options = Options(now=NOW, keys=(KeyInput("k.pem", PEM.replace("\n", " ").encode()),))
    report = diagnose(f"Authorization: Bearer {signed()}\n", options)
    assert "key.pem_one_line" in {n.code for n in report.notes}
    assert "key.pem_one_line" in render_json(report)


# --- JWKs with x5c, certificate validity ------------------------------------------------

X5C = [
    ("x5c only", {"kty": "RSA", "kid": "k1", "x5c": [x5c(VALID)]}),
    ("x5c only, no kty", {"kid": "k1", "x5c": [x5c(VALID)]}),
    ("n, e and x5c", {**rsa_jwk(KEY, "k1"), "x5c": [x5c(VALID)]}),
]


@pytest.mark.parametrize("jwk", [x[1] for x in X5C], ids=[x[0] for x in X5C])
def test_a_jwk_with_x5c_gives_its_certificates_key(jwk: dict[str, Any]) -> None:
    data = json.dumps({"keys": [jwk]}).encode()
    result = check_signature(TOKEN, [KeyInput("jwks.json", data)], None, now=NOW)
    assert result.status is SignatureStatus.VALID
    assert [f.code for f in result.findings] == ["sig.valid"]


def test_an_unreadable_x5c_says_why() -> None:
    data = json.dumps({"kty": "RSA", "kid": "k1", "x5c": ["not base64!"]}).encode()
    keys, findings = load_key_input(KeyInput("jwk.json", data))
    assert keys == [] and findings[0].code == "sig.key_error"
    assert "x5c" in findings[0].detail


VALIDITY = [
    # (id, key input, status line or None, severity of sig.cert_expired or None)
    ("PEM certificate, valid", pem_of(VALID), None, None),
    ("PEM certificate, expired", pem_of(EXPIRED), None, Severity.ERROR),
    ("PEM certificate, not yet valid", pem_of(FUTURE), "401 Unauthorized", Severity.ERROR),
    (
        "x5c, expired",
        json.dumps({"keys": [{"kty": "RSA", "kid": "k1", "x5c": [x5c(EXPIRED)]}]}).encode(),
        "401 Unauthorized",
        Severity.ERROR,
    ),
    ("expired, but the server answered 403", pem_of(EXPIRED), "403 Forbidden", Severity.WARNING),
    ("a plain public key has no validity", PEM.encode(), None, None),
]


@pytest.mark.parametrize(
    ("data", "status", "severity"), [v[1:] for v in VALIDITY], ids=[v[0] for v in VALIDITY]
)
def test_certificate_validity_at_the_evaluation_time(
    data: bytes, status: str | None, severity: Severity | None
) -> None:
    paste = f"GET / HTTP/1.1\nHost: a\nAuthorization: Bearer {signed()}\n"
    if status:
        paste += f"\nHTTP/1.1 {status}\n\n"
    report = diagnose(paste, Options(now=NOW, keys=(KeyInput("key", data),)))
    found = [f for f in report.findings if f.code == "sig.cert_expired"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert report.signature is SignatureStatus.VALID
    if found:
        assert "issuer.test" in found[0].evidence and found[0].fix and found[0].refs


def test_validity_follows_the_evaluation_time() -> None:
    inputs = [KeyInput("c.pem", pem_of(EXPIRED))]
    before = datetime.datetime(2024, 5, 1, tzinfo=UTC).timestamp()
    assert "sig.cert_expired" not in {
        f.code for f in check_signature(TOKEN, inputs, None, now=before).findings
    }
    assert "sig.cert_expired" in {
        f.code for f in check_signature(TOKEN, inputs, None, now=NOW).findings
    }


# --- two keys, one kid ------------------------------------------------------------------

DUPLICATES = [
    ("the first verifies", [rsa_jwk(KEY, "k1"), rsa_jwk(OTHER, "k1")], Severity.WARNING),
    ("only the second verifies", [rsa_jwk(OTHER, "k1"), rsa_jwk(KEY, "k1")], Severity.ERROR),
    ("the same key twice", [rsa_jwk(KEY, "k1"), rsa_jwk(KEY, "k1")], Severity.INFO),
    ("different kids", [rsa_jwk(KEY, "k1"), rsa_jwk(OTHER, "k2")], None),
]


@pytest.mark.parametrize(
    ("keys", "severity"), [d[1:] for d in DUPLICATES], ids=[d[0] for d in DUPLICATES]
)
def test_duplicate_kid(keys: list[dict[str, str]], severity: Severity | None) -> None:
    data = json.dumps({"keys": keys}).encode()
    result = check_signature(TOKEN, [KeyInput("jwks.json", data)], None, now=NOW)
    found = [f for f in result.findings if f.code == "sig.duplicate_kid"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert result.status is SignatureStatus.VALID  # the key is there, whatever a library picks


# --- a JWS that is no JWT ---------------------------------------------------------------

PAYLOADS = [
    ("text", b"hello, a signed document", "text, not JSON"),
    ("a JSON array", b"[1, 2, 3]", "an array"),
    ("a JSON string", b'"just a string"', "a string"),
    ("binary", bytes(range(200, 240)), "binary data"),
]


@pytest.mark.parametrize(
    ("payload", "words"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS]
)
def test_a_jws_that_is_no_jwt(payload: bytes, words: str) -> None:
    raw = jwt.api_jws.PyJWS().encode(payload, KEY, "RS256", headers={"kid": "k1"})
    token = decode_token(raw)
    assert token.form is TokenForm.JWS and token.claims is None and token.payload == payload
    paste = f"GET / HTTP/1.1\nHost: a\nAuthorization: Bearer {raw}\n\nHTTP/1.1 401 Unauthorized\n"
    report = diagnose(paste, Options(now=NOW, keys=(KeyInput("k.pem", PEM.encode()),)))
    assert report.signature is SignatureStatus.VALID
    found = {f.code: f for f in report.findings}
    assert "token.malformed" not in found
    assert (
        found["token.not_jwt"].severity is Severity.ERROR and words in found["token.not_jwt"].title
    )
    assert report.verdict.causes[0] == "token.not_jwt"
    data = json.loads(render_json(report))
    assert data["token"]["form"] == "jws"
    assert data["token"]["payload"] == payload.decode("utf-8", errors="replace")


def test_a_detached_payload_is_not_checked() -> None:
    raw = jwt.api_jws.PyJWS().encode(b"content", KEY, "RS256", is_payload_detached=True)
    token = decode_token(raw)
    assert token.form is TokenForm.JWS and token.payload == b""
    result = check_signature(token, [KeyInput("k.pem", PEM.encode())], None, now=NOW)
    assert result.status is SignatureStatus.NOT_CHECKED
    assert "detached" in result.findings[0].title


# --- values that look identical ---------------------------------------------------------

EXPECTED = "https://api.shop.test"
LOOKALIKES = [
    (
        "Cyrillic a",
        EXPECTED.replace("a", "\u0430", 1),
        ["homoglyph", "U+0430 CYRILLIC SMALL LETTER A", "U+0061"],
    ),
    (
        "Greek omicron",
        EXPECTED.replace("o", "\u03bf"),
        ["homoglyph", "U+03BF GREEK SMALL LETTER OMICRON"],
    ),
    ("zero-width space", EXPECTED + "\u200b", ["invisible", "U+200B ZERO WIDTH SPACE"]),
    ("soft hyphen", EXPECTED.replace("shop", "sh\u00adop"), ["invisible", "U+00AD SOFT HYPHEN"]),
    (
        "full-width letters",
        EXPECTED.replace("api", "\uff41\uff50\uff49"),
        ["compatibility", "U+FF41"],
    ),
    ("the same", EXPECTED, None),
    ("another host", "https://api.shop.example", None),
]


@pytest.mark.parametrize(
    ("actual", "words"), [c[1:] for c in LOOKALIKES], ids=[c[0] for c in LOOKALIKES]
)
def test_lookalike(actual: str, words: list[str] | None) -> None:
    reason = lookalike(EXPECTED, actual)
    if words is None:
        assert reason is None
        return
    assert reason is not None
    for word in words:
        assert word in reason


def test_normalisation_forms() -> None:
    composed = "https://caf\u00e9.test"
    reason = lookalike(composed, unicodedata.normalize("NFD", composed))
    assert (
        reason is not None and "NFC vs NFD" in reason and "U+0301 COMBINING ACUTE ACCENT" in reason
    )


@pytest.mark.parametrize(
    ("claim", "option", "code"),
    [("aud", "audiences", "claims.aud_mismatch"), ("iss", "issuer", "claims.iss_mismatch")],
)
def test_a_lookalike_claim_is_named_with_its_code_points(
    claim: str, option: str, code: str
) -> None:
    raw = signed(**{claim: EXPECTED.replace("a", "\u0430", 1)})
    expected: Any = (EXPECTED,) if option == "audiences" else EXPECTED
    report = diagnose(f"Authorization: Bearer {raw}\n", Options(now=NOW, **{option: expected}))
    finding = next(f for f in report.findings if f.code == code)
    assert "differs in code points" in finding.title
    assert "U+0430 CYRILLIC SMALL LETTER A" in finding.detail
