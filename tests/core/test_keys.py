"""Loading verification keys: every accepted shape, every readable mistake."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

from authtui.core.keys.jwk import jwk_thumbprint
from authtui.core.keys.load import load_key_input, load_keys
from authtui.core.keys.model import LoadedKey
from authtui.core.model import Finding, Severity
from authtui.core.options import KeyInput

FIXTURES = Path("/work/shared/acceptance/keys")
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
RSA_SHORT = rsa.generate_private_key(public_exponent=65537, key_size=1024)
EC_KEY = ec.generate_private_key(ec.SECP384R1())
ED_KEY = ed25519.Ed25519PrivateKey.generate()


def spki(key: object) -> bytes:
    return key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)  # type: ignore[attr-defined]


def pkcs1() -> bytes:
    return RSA_KEY.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.PKCS1)


def cert(encoding: ser.Encoding = ser.Encoding.PEM) -> bytes:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "issuer signing")])
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    built = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(RSA_KEY.public_key())
        .serial_number(7)
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365))
        .sign(RSA_KEY, hashes.SHA256())
    )
    return built.public_bytes(encoding)


def private_pem(fmt: ser.PrivateFormat = ser.PrivateFormat.PKCS8) -> bytes:
    return RSA_KEY.private_bytes(ser.Encoding.PEM, fmt, ser.NoEncryption())


def rsa_jwk(**extra: str) -> dict[str, str]:
    jwk: dict[str, str] = json.loads(RSAAlgorithm.to_jwk(RSA_KEY.public_key()))
    jwk.update(extra)
    return jwk


def jwks() -> bytes:
    keys = [
        rsa_jwk(kid="r1", alg="RS256", use="sig"),
        {**json.loads(ECAlgorithm.to_jwk(EC_KEY.public_key())), "kid": "e1"},
        {**json.loads(OKPAlgorithm.to_jwk(ED_KEY.public_key())), "kid": "d1"},
    ]
    return json.dumps({"keys": keys}).encode()


def unarmoured() -> bytes:
    return b"".join(line for line in spki(RSA_KEY).splitlines(True) if b"-----" not in line)


def ssh() -> bytes:
    return RSA_KEY.public_key().public_bytes(ser.Encoding.OpenSSH, ser.PublicFormat.OpenSSH)


def encrypted() -> bytes:
    algo = ser.BestAvailableEncryption(b"pass")
    return RSA_KEY.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, algo)


def ec_openssl() -> bytes:
    params = b"-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n"
    return params + spki(EC_KEY)


def load(data: bytes, name: str = "key.pem") -> tuple[list[LoadedKey], list[Finding]]:
    return load_key_input(KeyInput(name, data))


# (id, input, kinds loaded, finding codes with severities, words in the findings)
CASES: list[tuple[str, Callable[[], bytes], list[str], list[tuple[str, Severity]], str]] = [
    ("pem-spki", lambda: spki(RSA_KEY), ["RSA"], [], ""),
    ("pem-pkcs1", pkcs1, ["RSA"], [], ""),
    ("pem-ec", lambda: spki(EC_KEY), ["EC"], [], ""),
    ("pem-ec-openssl-params", ec_openssl, ["EC"], [], ""),
    ("pem-ed25519", lambda: spki(ED_KEY), ["OKP"], [], ""),
    ("cert-pem", cert, ["RSA"], [], ""),
    ("cert-der", lambda: cert(ser.Encoding.DER), ["RSA"], [], ""),
    (
        "der-spki",
        lambda: RSA_KEY.public_key().public_bytes(
            ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo
        ),
        ["RSA"],
        [],
        "",
    ),
    ("jwk", lambda: json.dumps(rsa_jwk(kid="a")).encode(), ["RSA"], [], ""),
    ("jwks", jwks, ["RSA", "EC", "OKP"], [], ""),
    ("jwk-array", lambda: json.dumps([rsa_jwk()]).encode(), ["RSA"], [], ""),
    ("two-pem", lambda: spki(RSA_KEY) + b"\n" + spki(EC_KEY), ["RSA", "EC"], [], ""),
    ("unarmoured", unarmoured, ["RSA"], [("sig.key_error", Severity.WARNING)], "armour"),
    (
        "private-pkcs8",
        private_pem,
        ["RSA"],
        [("sig.key_error", Severity.WARNING)],
        "PRIVATE key was given: rotate",
    ),
    (
        "private-traditional",
        lambda: private_pem(ser.PrivateFormat.TraditionalOpenSSL),
        ["RSA"],
        [("sig.key_error", Severity.WARNING)],
        "rotate",
    ),
    (
        "private-jwk",
        lambda: json.dumps(json.loads(RSAAlgorithm.to_jwk(RSA_KEY))).encode(),
        ["RSA"],
        [("sig.key_error", Severity.WARNING)],
        "PRIVATE",
    ),
    ("private-encrypted", encrypted, [], [("sig.key_error", Severity.ERROR)], "passphrase"),
    ("ssh", ssh, ["RSA"], [("sig.key_error", Severity.WARNING)], "ssh-keygen -e -m PKCS8"),
    (
        "short-rsa",
        lambda: spki(RSA_SHORT),
        ["RSA"],
        [("sig.key_error", Severity.WARNING)],
        "too short: 1024 bits",
    ),
    (
        "jwk-no-n",
        lambda: b'{"kty":"RSA","e":"AQAB"}',
        [],
        [("sig.key_error", Severity.ERROR)],
        "'n'",
    ),
    ("jwk-oct-no-k", lambda: b'{"kty":"oct"}', [], [("sig.key_error", Severity.ERROR)], "'k'"),
    (
        "jwk-ec-no-y",
        lambda: b'{"kty":"EC","crv":"P-256","x":"AA"}',
        [],
        [("sig.key_error", Severity.ERROR)],
        "'y'",
    ),
    (
        "jwk-bad-crv",
        lambda: b'{"kty":"EC","crv":"P-999","x":"AA","y":"AA"}',
        [],
        [("sig.key_error", Severity.ERROR)],
        "P-999",
    ),
    ("jwk-kty-case", lambda: b'{"kty":"rsa"}', [], [("sig.key_error", Severity.ERROR)], "kty"),
    ("jwk-oct", lambda: b'{"kty":"oct","k":"c2VjcmV0"}', ["oct"], [], ""),
    (
        "discovery",
        lambda: b'{"issuer":"https://i","jwks_uri":"https://i/keys"}',
        [],
        [("sig.key_error", Severity.ERROR)],
        "discovery document",
    ),
    ("json-broken", lambda: b'{"keys": [', [], [("sig.key_error", Severity.ERROR)], "JSON"),
    ("empty-jwks", lambda: b'{"keys": []}', [], [("sig.key_error", Severity.ERROR)], "no keys"),
    (
        "truncated-pem",
        lambda: spki(RSA_KEY)[:200],
        [],
        [("sig.key_error", Severity.ERROR)],
        "cut off",
    ),
    (
        "garbled-pem",
        lambda: b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        [],
        [("sig.key_error", Severity.ERROR)],
        "could not be read",
    ),
    (
        "csr",
        lambda: b"-----BEGIN CERTIFICATE REQUEST-----\nAA==\n-----END CERTIFICATE REQUEST-----",
        [],
        [("sig.key_error", Severity.ERROR)],
        "signing request",
    ),
    ("unknown-text", lambda: b"hello, world!", [], [("sig.key_error", Severity.ERROR)], "Unknown"),
    (
        "token-as-key",
        lambda: b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
        [],
        [("sig.key_error", Severity.ERROR)],
        "JWT",
    ),
    ("binary", lambda: b"\x00\x01\xff\xfe", [], [("sig.key_error", Severity.ERROR)], "binary"),
    ("empty", lambda: b"  \n", [], [("sig.key_error", Severity.ERROR)], "empty"),
]


@pytest.mark.parametrize(("data", "kinds", "codes", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_key_formats(
    data: Callable[[], bytes], kinds: list[str], codes: list[tuple[str, Severity]], words: str
) -> None:
    keys, findings = load(data())
    assert [k.kty for k in keys] == kinds
    assert sorted((f.code, f.severity) for f in findings) == sorted(codes)
    text = " ".join(f"{f.title} {f.detail} {f.evidence} {f.fix}" for f in findings)
    assert words in text
    for finding in findings:
        assert finding.title and finding.detail and finding.evidence and finding.fix


def test_loaded_key_description_and_fields() -> None:
    keys, _ = load(jwks(), "jwks.json")
    rsa_key, ec_key, ed_key = keys
    assert rsa_key.description == "RSA 2048-bit public key, kid r1, alg RS256 (jwks.json #1)"
    assert (rsa_key.kid, rsa_key.alg, rsa_key.use, rsa_key.size_bits) == (
        "r1",
        "RS256",
        "sig",
        2048,
    )
    assert (ec_key.crv, ec_key.kid, ec_key.index) == ("P-384", "e1", 1)
    assert (ed_key.kty, ed_key.crv) == ("OKP", "Ed25519")
    assert isinstance(rsa_key.public_key, rsa.RSAPublicKey)


def test_certificate_description_has_subject_and_validity() -> None:
    (key,), _ = load(cert(), "cert.pem")
    assert "CN=issuer signing" in key.description
    assert "2025-01-01 to 2026-01-01" in key.description


def test_private_key_material_never_in_findings() -> None:
    for data in (private_pem(), json.dumps(json.loads(RSAAlgorithm.to_jwk(RSA_KEY))).encode()):
        keys, findings = load(data)
        assert keys[0].private_given
        assert isinstance(keys[0].public_key, rsa.RSAPublicKey)
        body = data.decode().splitlines()[1][:20] if data.startswith(b"-") else ""
        d_value = json.loads(data)["d"][:16] if data.startswith(b"{") else ""
        for f in findings:
            blob = f"{f.title}{f.detail}{f.evidence}{f.fix}"
            assert (body or "@@") not in blob
            assert (d_value or "@@") not in blob


def test_oct_secret_not_in_repr_or_description() -> None:
    (key,), _ = load(b'{"kty":"oct","k":"c3VwZXJzZWNyZXR2YWx1ZQ","kid":"h"}')
    assert key.public_key == b"supersecretvalue"
    assert "supersecret" not in repr(key)
    assert "supersecret" not in key.description


def test_load_keys_combines_inputs() -> None:
    keys, findings = load_keys([KeyInput("a.pem", spki(RSA_KEY)), KeyInput("b", b"nope")])
    assert [k.source for k in keys] == ["a.pem"]
    assert [f.code for f in findings] == ["sig.key_error"]
    assert "(b)" in findings[0].title


def test_other_key_types() -> None:
    ed448_pem = spki(ed448.Ed448PrivateKey.generate())
    (key,), findings = load(ed448_pem)
    assert (key.kty, key.crv, findings) == ("OKP", "Ed448", [])


RFC7638_JWK = {
    "kty": "RSA",
    "n": (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1"
        "L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4"
        "QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbO"
        "pbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csF"
        "Cur-kEgU8awapJzKnqDKgw"
    ),
    "e": "AQAB",
    "alg": "RS256",
    "kid": "2011-04-29",
}


@pytest.mark.parametrize(
    ("jwk", "expected"),
    [
        (RFC7638_JWK, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"),
        ({"kty": "RSA", "e": "AQAB"}, None),
        ({"kty": "EC", "crv": "P-256", "x": "a", "y": 1}, None),
        ({"kty": "nope"}, None),
        ({}, None),
    ],
)
def test_jwk_thumbprint(jwk: dict[str, object], expected: str | None) -> None:
    assert jwk_thumbprint(jwk) == expected


def test_thumbprint_ignores_optional_members() -> None:
    base = json.loads(ECAlgorithm.to_jwk(EC_KEY.public_key()))
    assert jwk_thumbprint(base) == jwk_thumbprint({**base, "kid": "x", "use": "sig"})
    digest = base64.urlsafe_b64decode(str(jwk_thumbprint(base)) + "=")
    assert len(digest) == 32


@pytest.mark.skipif(not FIXTURES.is_dir(), reason="acceptance fixtures not present")
@pytest.mark.parametrize(
    ("name", "count", "codes"),
    [
        ("jwks.json", 3, []),
        ("rsa-cert.pem", 1, []),
        ("rsa-noalg.jwk.json", 1, []),
        ("rsa-public-unarmoured.txt", 1, ["sig.key_error"]),
        ("rsa-public.pem", 1, []),
    ],
)
def test_acceptance_fixtures(name: str, count: int, codes: list[str]) -> None:
    keys, findings = load((FIXTURES / name).read_bytes(), name)
    assert len(keys) == count
    assert [f.code for f in findings] == codes
    assert all(k.kty in {"RSA", "EC", "OKP"} for k in keys)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_never_raise(data: bytes) -> None:
    keys, findings = load(data)
    assert keys or findings


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    for shaped in (text, "-----BEGIN PUBLIC KEY-----\n" + text, '{"kty":"RSA","n":' + text):
        keys, findings = load(shaped.encode("utf-8", "surrogatepass"))
        assert keys or findings


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["kty", "n", "e", "x", "y", "crv", "k", "d", "kid", "alg"]),
        st.one_of(
            st.text(max_size=30),
            st.integers(),
            st.none(),
            st.sampled_from(["RSA", "EC", "OKP", "oct", "P-256", "Ed25519", "AQAB"]),
        ),
    )
)
def test_any_jwk_never_raises(jwk: dict[str, object]) -> None:
    keys, findings = load(json.dumps({"keys": [jwk]}).encode())
    assert len(keys) + len(findings) >= 1
