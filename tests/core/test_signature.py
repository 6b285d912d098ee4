"""Signature checks: every algorithm valid, tampered and with the wrong key; kid
choice; algorithm mismatch and confusion; weak and hidden secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from hypothesis import given, settings
from hypothesis import strategies as st
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm, get_default_algorithms

from authtui.core.checks import signature as signature_checks
from authtui.core.context import Context, SignatureResult
from authtui.core.jose.signature import check_signature, describe_x5c
from authtui.core.model import Exchange, Paste, Severity, SignatureStatus, Token, TokenForm
from authtui.core.options import KeyInput, Options, Secret

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
RSA_OTHER = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEYS = {
    "ES256": ec.generate_private_key(ec.SECP256R1()),
    "ES384": ec.generate_private_key(ec.SECP384R1()),
    "ES512": ec.generate_private_key(ec.SECP521R1()),
}
EC_OTHER = {alg: ec.generate_private_key(key.curve) for alg, key in EC_KEYS.items()}
ED25519 = ed25519.Ed25519PrivateKey.generate()
ED448 = ed448.Ed448PrivateKey.generate()
SECRET = b"k3y-of-exactly-sixty-four-bytes-for-every-hmac-algorithm-0123456"
OTHER_SECRET = b"another-secret-that-is-also-long-enough-for-any-hs-algorithm-xyz"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_token(header: dict[str, Any], claims: dict[str, Any], key: Any) -> Token:
    """A JWS Token built by hand (signed by PyJWT's algorithm objects)."""
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    algorithm = get_default_algorithms()[header["alg"]]
    signature = algorithm.sign(signing_input.encode(), key)
    return token_from(header, claims, signing_input, signature)


def token_from(header: dict[str, Any], claims: dict[str, Any], si: str, sig: bytes) -> Token:
    return Token(
        raw=f"{si}.{b64(sig)}",
        form=TokenForm.JWS,
        source="Authorization header",
        header=header,
        claims=claims,
        segments=(*si.split("."), b64(sig)),
        signing_input=si.encode(),
        signature=sig,
    )


def tamper(token: Token) -> Token:
    claims = {**(token.claims or {}), "sub": "admin"}
    si = f"{token.segments[0]}.{b64(json.dumps(claims).encode())}"
    return replace(token, claims=claims, signing_input=si.encode(), segments=(*si.split("."), ""))


def pem(key: Any) -> KeyInput:
    data = key.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
    return KeyInput("key.pem", data)


def jwks(*entries: dict[str, Any]) -> KeyInput:
    return KeyInput("jwks.json", json.dumps({"keys": list(entries)}).encode())


def rsa_jwk(key: Any = RSA_KEY, **extra: Any) -> dict[str, Any]:
    return {**json.loads(RSAAlgorithm.to_jwk(key.public_key())), **extra}


def codes(result: SignatureResult) -> list[str]:
    return [f.code for f in result.findings]


CLAIMS = {"sub": "alice", "iss": "https://issuer"}

# (alg, signing key, verification input, a wrong verification input)
ALGORITHMS: list[tuple[str, Any, Callable[[], KeyInput], Callable[[], KeyInput]]] = [
    *[(f"RS{n}", RSA_KEY, lambda: pem(RSA_KEY), lambda: pem(RSA_OTHER)) for n in (256, 384, 512)],
    *[(f"PS{n}", RSA_KEY, lambda: pem(RSA_KEY), lambda: pem(RSA_OTHER)) for n in (256, 384, 512)],
    *[
        (alg, EC_KEYS[alg], lambda a=alg: pem(EC_KEYS[a]), lambda a=alg: pem(EC_OTHER[a]))  # type: ignore[misc]
        for alg in EC_KEYS
    ],
    (
        "EdDSA",
        ED25519,
        lambda: pem(ED25519),
        lambda: pem(ed25519.Ed25519PrivateKey.generate()),
    ),
    ("EdDSA", ED448, lambda: pem(ED448), lambda: pem(ed448.Ed448PrivateKey.generate())),
]


@pytest.mark.parametrize(("alg", "signer", "good", "wrong"), ALGORITHMS,
                         ids=[f"{a[0]}-{i}" for i, a in enumerate(ALGORITHMS)])  # fmt: skip
def test_asymmetric_valid_tampered_wrong_key(
    alg: str, signer: Any, good: Callable[[], KeyInput], wrong: Callable[[], KeyInput]
) -> None:
    token = make_token({"alg": alg, "typ": "JWT"}, CLAIMS, signer)
    valid = check_signature(token, [good()], None)
    assert (valid.status, codes(valid)) == (SignatureStatus.VALID, ["sig.valid"])
    assert valid.findings[0].severity is Severity.OK
    assert valid.matched and "key.pem" in valid.matched
    tampered = check_signature(tamper(token), [good()], None)
    assert (tampered.status, codes(tampered)) == (SignatureStatus.INVALID, ["sig.invalid"])
    other = check_signature(token, [wrong()], None)
    assert (other.status, codes(other)) == (SignatureStatus.INVALID, ["sig.invalid"])
    assert "Tried" in other.findings[0].detail and "key.pem" in other.findings[0].detail


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_valid_tampered_wrong_secret(alg: str) -> None:
    token = make_token({"alg": alg}, CLAIMS, SECRET)
    valid = check_signature(token, [], Secret(SECRET))
    assert (valid.status, codes(valid)) == (SignatureStatus.VALID, ["sig.valid"])
    tampered = check_signature(tamper(token), [], Secret(SECRET))
    assert (tampered.status, codes(tampered)) == (SignatureStatus.INVALID, ["sig.invalid"])
    wrong = check_signature(token, [], Secret(OTHER_SECRET))
    assert (wrong.status, codes(wrong)) == (SignatureStatus.INVALID, ["sig.invalid"])


def test_hmac_with_oct_jwk() -> None:
    token = make_token({"alg": "HS256", "kid": "h1"}, CLAIMS, SECRET)
    key = jwks({"kty": "oct", "k": b64(SECRET), "kid": "h1"})
    result = check_signature(token, [key], None)
    assert result.status is SignatureStatus.VALID
    assert "kid h1" in (result.matched or "")


@pytest.mark.parametrize(
    ("alg", "length", "severity"),
    [
        ("HS256", 31, Severity.WARNING),
        ("HS256", 10, Severity.ERROR),
        ("HS384", 40, Severity.WARNING),
        ("HS512", 48, Severity.WARNING),
        ("HS512", 20, Severity.ERROR),
    ],
)
def test_weak_secret(alg: str, length: int, severity: Severity) -> None:
    secret = SECRET[:length]
    token = make_token({"alg": alg}, CLAIMS, secret)
    result = check_signature(token, [], Secret(secret))
    weak = [f for f in result.findings if f.code == "sig.weak_secret"]
    assert len(weak) == 1 and weak[0].severity is severity
    assert f"{length} bytes" in weak[0].title
    assert result.status is SignatureStatus.VALID


def test_long_enough_secret_is_not_weak() -> None:
    token = make_token({"alg": "HS256"}, CLAIMS, SECRET[:32])
    assert codes(check_signature(token, [], Secret(SECRET[:32]))) == ["sig.valid"]


@pytest.mark.parametrize(
    ("given", "words"),
    [(SECRET + b"\n", "trimmed"), (base64.b64encode(SECRET), "base64-decoded")],
)
def test_secret_read_differently_is_said(given: bytes, words: str) -> None:
    token = make_token({"alg": "HS256"}, CLAIMS, SECRET)
    result = check_signature(token, [], Secret(given))
    assert result.status is SignatureStatus.VALID
    assert result.findings[-1].severity is Severity.WARNING
    assert words in result.findings[-1].title


def test_secret_never_appears_in_result() -> None:
    secret = b"Qz7#vX9!mW2@pL5$kR8%tY4^nB6&hJ3*Gd"
    for token in (
        make_token({"alg": "HS256"}, CLAIMS, secret),
        make_token({"alg": "HS256"}, CLAIMS, b"x" * 40),
        make_token({"alg": "HS256"}, CLAIMS, secret[:8]),
        make_token({"alg": "RS256"}, CLAIMS, RSA_KEY),
    ):
        for value in (secret, secret[:8]):
            result = check_signature(token, [], Secret(value))
            blob = repr(result) + "".join(
                f"{f.title}{f.detail}{f.evidence}{f.fix}" for f in result.findings
            )
            text = value.decode()
            for start in range(len(text) - 3):
                assert text[start : start + 4] not in blob
            assert b64(value)[:8] not in blob and value.hex()[:8] not in blob


def test_kid_picks_the_key() -> None:
    token = make_token({"alg": "RS256", "kid": "new"}, CLAIMS, RSA_KEY)
    keys = jwks(rsa_jwk(RSA_OTHER, kid="old"), rsa_jwk(RSA_KEY, kid="new"))
    result = check_signature(token, [keys], None)
    assert result.status is SignatureStatus.VALID
    assert "kid new" in (result.matched or "")


def test_kid_not_found_names_the_kids() -> None:
    token = make_token({"alg": "RS256", "kid": "rotated"}, CLAIMS, RSA_KEY)
    keys = jwks(rsa_jwk(RSA_OTHER, kid="k1"), rsa_jwk(RSA_OTHER, kid="k2"))
    result = check_signature(token, [keys], None)
    assert (result.status, codes(result)) == (SignatureStatus.NO_KEY_MATCHED, ["sig.kid_not_found"])
    finding = result.findings[0]
    assert "k1, k2" in finding.detail and "rotated" in finding.detail
    assert "jwks_uri" in finding.fix and "tenant" in finding.detail


def test_kid_not_found_but_key_present_under_other_kid() -> None:
    token = make_token({"alg": "RS256", "kid": "rotated"}, CLAIMS, RSA_KEY)
    result = check_signature(token, [jwks(rsa_jwk(RSA_KEY, kid="renamed"))], None)
    assert codes(result) == ["sig.kid_not_found"]
    assert "does verify" in result.findings[0].detail


def test_kid_with_kidless_pem_still_verifies() -> None:
    token = make_token({"alg": "RS256", "kid": "abc"}, CLAIMS, RSA_KEY)
    result = check_signature(token, [pem(RSA_KEY)], None)
    assert result.status is SignatureStatus.VALID


def test_no_kid_tries_every_key_and_names_the_match() -> None:
    token = make_token({"alg": "ES256"}, CLAIMS, EC_KEYS["ES256"])
    keys = jwks(
        rsa_jwk(RSA_KEY, kid="r"),
        {**json.loads(ECAlgorithm.to_jwk(EC_OTHER["ES256"].public_key())), "kid": "e-old"},
        {**json.loads(ECAlgorithm.to_jwk(EC_KEYS["ES256"].public_key())), "kid": "e-new"},
    )
    result = check_signature(token, [keys], None)
    assert result.status is SignatureStatus.VALID
    assert "kid e-new" in result.findings[0].title


@pytest.mark.parametrize("alg", ["PS256", "RS384", "PS512"])
def test_rsa_jwk_without_alg_verifies_any_rsa_alg(alg: str) -> None:
    token = make_token({"alg": alg, "kid": "r"}, CLAIMS, RSA_KEY)
    result = check_signature(token, [jwks(rsa_jwk(kid="r"))], None)
    assert (result.status, codes(result)) == (SignatureStatus.VALID, ["sig.valid"])


@pytest.mark.parametrize(
    ("alg", "signer", "key", "words"),
    [
        ("ES384", EC_KEYS["ES384"], lambda: pem(EC_KEYS["ES256"]), "needs P-384"),
        ("RS256", RSA_KEY, lambda: pem(EC_KEYS["ES256"]), "needs an RSA key"),
        ("ES256", EC_KEYS["ES256"], lambda: pem(RSA_KEY), "needs an EC key"),
        ("EdDSA", ED25519, lambda: pem(RSA_KEY), "OKP"),
        ("PS256", RSA_KEY, lambda: jwks(rsa_jwk(alg="RS256")), "marked alg RS256"),
    ],
)
def test_alg_mismatch(alg: str, signer: Any, key: Callable[[], KeyInput], words: str) -> None:
    token = make_token({"alg": alg}, CLAIMS, signer)
    result = check_signature(token, [key()], None)
    assert result.status is SignatureStatus.NO_KEY_MATCHED
    assert codes(result) == ["sig.alg_mismatch"]
    assert words in result.findings[0].detail


def test_hs_token_against_public_key_only() -> None:
    token = make_token({"alg": "HS256"}, CLAIMS, SECRET)
    result = check_signature(token, [pem(RSA_KEY)], None)
    assert (result.status, codes(result)) == (SignatureStatus.NO_KEY_MATCHED, ["sig.alg_confusion"])
    assert "never" in result.findings[0].detail


def _forged_with(material: bytes, alg: str = "HS256") -> Token:
    header, claims = {"alg": alg, "typ": "JWT"}, {"sub": "admin"}
    si = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384}[alg]
    return token_from(header, claims, si, hmac.new(material, si.encode(), digest).digest())


@pytest.mark.parametrize(
    ("material", "key"),
    [
        (lambda: pem(RSA_KEY).data, lambda: pem(RSA_KEY)),
        (lambda: pem(RSA_KEY).data.strip(), lambda: pem(RSA_KEY)),
        (
            lambda: RSA_KEY.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.PKCS1),
            lambda: pem(RSA_KEY),
        ),
        (lambda: RSAAlgorithm.to_jwk(RSA_KEY.public_key()).encode(), lambda: pem(RSA_KEY)),
        (
            lambda: pem(EC_KEYS["ES256"]).data,
            lambda: jwks(json.loads(ECAlgorithm.to_jwk(EC_KEYS["ES256"].public_key()))),
        ),
    ],
)
def test_alg_confusion_forgery_detected(
    material: Callable[[], bytes], key: Callable[[], KeyInput]
) -> None:
    result = check_signature(_forged_with(material()), [key()], None)
    assert (result.status, codes(result)) == (SignatureStatus.INVALID, ["sig.alg_confusion"])
    assert "Forged" in result.findings[0].title
    assert "RFC 8725 §2.1" in result.findings[0].refs


def test_alg_confusion_with_jwk_file_as_given() -> None:
    text = json.dumps(rsa_jwk(kid="r1"), indent=2).encode()
    result = check_signature(_forged_with(text), [KeyInput("key.jwk.json", text)], None)
    assert codes(result) == ["sig.alg_confusion"]
    assert "as given" in result.findings[0].detail


def test_ed_jwk_confusion_with_okp_json() -> None:
    material = OKPAlgorithm.to_jwk(ED25519.public_key()).encode()
    result = check_signature(_forged_with(material, "HS384"), [pem(ED25519)], None)
    assert codes(result) == ["sig.alg_confusion"]


def _es256_token() -> tuple[Token, bytes, bytes]:
    token = make_token({"alg": "ES256"}, CLAIMS, EC_KEYS["ES256"])
    raw = token.signature
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    return token, raw, der


@pytest.mark.parametrize(
    ("mangle", "words"),
    [
        (lambda raw, der: der, "DER-encoded"),
        (lambda raw, der: bytes(64), "all zeros"),
        (lambda raw, der: raw[:40], "must be 64 bytes"),
        (lambda raw, der: b"", "no signature"),
    ],
)
def test_ecdsa_signature_shapes(mangle: Callable[[bytes, bytes], bytes], words: str) -> None:
    token, raw, der = _es256_token()
    bad = mangle(raw, der)
    result = check_signature(replace(token, signature=bad), [pem(EC_KEYS["ES256"])], None)
    assert (result.status, codes(result)) == (SignatureStatus.INVALID, ["sig.invalid"])
    assert words in result.findings[0].detail


def test_der_signature_said_to_be_correct_but_wrongly_encoded() -> None:
    token, _, der = _es256_token()
    result = check_signature(replace(token, signature=der), [pem(EC_KEYS["ES256"])], None)
    assert "correct signature, only in the wrong encoding" in result.findings[0].detail


@pytest.mark.parametrize(
    ("token", "keys", "secret", "status", "expected"),
    [
        (None, [], None, SignatureStatus.NOT_CHECKED, []),
        (None, [KeyInput("bad", b"junk!")], None, SignatureStatus.NOT_CHECKED, ["sig.key_error"]),
        (Token(raw="x", form=TokenForm.OPAQUE), [], None, SignatureStatus.NOT_CHECKED, []),
        (
            Token(raw="a.b.", form=TokenForm.UNSECURED, header={"alg": "none"}),
            [],
            None,
            SignatureStatus.NOT_CHECKED,
            [],
        ),
        (
            make_token({"alg": "RS256"}, CLAIMS, RSA_KEY),
            [],
            None,
            SignatureStatus.NOT_CHECKED,
            ["sig.not_checked"],
        ),
        (
            make_token({"alg": "RS256"}, CLAIMS, RSA_KEY),
            [KeyInput("bad", b"junk!")],
            None,
            SignatureStatus.NOT_CHECKED,
            ["sig.key_error", "sig.not_checked"],
        ),
        (
            make_token({"alg": "RS256"}, CLAIMS, RSA_KEY),
            [],
            Secret(SECRET),
            SignatureStatus.NOT_CHECKED,
            ["sig.not_checked"],
        ),
        (
            replace(make_token({"alg": "RS256"}, CLAIMS, RSA_KEY), header={"alg": "RS1"}),
            [],
            None,
            SignatureStatus.UNSUPPORTED,
            ["sig.not_checked"],
        ),
        (
            replace(make_token({"alg": "HS256"}, CLAIMS, SECRET), header={"alg": "none"}),
            [],
            Secret(SECRET),
            SignatureStatus.NOT_CHECKED,
            [],
        ),
    ],
)
def test_not_checked_cases(
    token: Token | None,
    keys: list[KeyInput],
    secret: Secret | None,
    status: SignatureStatus,
    expected: list[str],
) -> None:
    result = check_signature(token, keys, secret)
    assert (result.status, codes(result)) == (status, expected)


def test_not_checked_says_what_to_pass() -> None:
    token = make_token({"alg": "RS256", "x5c": ["AAAA"]}, CLAIMS, RSA_KEY)
    finding = check_signature(token, [], None).findings[0]
    assert finding.severity is Severity.INFO
    assert "--key" in finding.fix and "jwks_uri" in finding.fix and "--secret-file" in finding.fix
    assert "never used" in finding.detail


def test_header_jwk_is_never_used_to_verify() -> None:
    jwk = json.loads(RSAAlgorithm.to_jwk(RSA_KEY.public_key()))
    token = make_token({"alg": "RS256", "jwk": jwk}, CLAIMS, RSA_KEY)
    assert check_signature(token, [], None).status is SignatureStatus.NOT_CHECKED
    result = check_signature(token, [pem(RSA_OTHER)], None)
    assert result.status is SignatureStatus.INVALID


def test_describe_x5c() -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "leaf")])
    ca = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ca")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca)
        .public_key(RSA_KEY.public_key())
        .serial_number(1)
        .not_valid_before(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
        .not_valid_after(dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
        .sign(RSA_OTHER, hashes.SHA256())
    )
    der = base64.b64encode(cert.public_bytes(ser.Encoding.DER)).decode()
    lines = describe_x5c({"x5c": [der, "not base64!", 7]})
    assert lines[0] == (
        "x5c[0]: subject CN=leaf; issuer CN=ca; valid 2024-01-01T00:00:00Z to 2024-06-01T00:00:00Z"
    )
    assert "not a readable" in lines[1] and "not a readable" in lines[2]
    assert describe_x5c(None) == [] and describe_x5c({"x5c": "x"}) == []


def test_check_yields_context_signature_findings() -> None:
    token = make_token({"alg": "RS256"}, CLAIMS, RSA_KEY)
    result = check_signature(token, [pem(RSA_KEY)], None)
    ctx = Context(
        options=Options(), paste=Paste(), exchange=Exchange(), now=0.0, skew=60.0,
        server_now=None, signature=result,
    )  # fmt: skip
    found = [f for check in signature_checks.CHECKS for f in check(ctx)]
    assert found == list(result.findings)


@settings(max_examples=200, deadline=None)
@given(
    alg=st.sampled_from(["RS256", "PS512", "ES256", "ES512", "EdDSA", "HS256", "none", "x", ""]),
    kid=st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["r", "e"])),
    signature=st.binary(max_size=300),
)
def test_arbitrary_tokens_never_raise(alg: str, kid: str | None, signature: bytes) -> None:
    token = replace(
        make_token({"alg": "RS256"}, CLAIMS, RSA_KEY),
        header={"alg": alg, "kid": kid},
        signature=signature,
    )
    keys = [jwks(rsa_jwk(kid="r"), {**json.loads(ECAlgorithm.to_jwk(EC_KEYS["ES256"].public_key())),
                                      "kid": "e"}), pem(ED25519)]  # fmt: skip
    result = check_signature(token, keys, Secret(b"s" * 8))
    assert result.status is not SignatureStatus.VALID or signature == token.signature
