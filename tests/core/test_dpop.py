"""DPoP (RFC 9449): every proof check passing and failing, a missing proof, a bound
token sent as Bearer, a stale nonce."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from hypothesis import given, settings
from hypothesis import strategies as st
from jwt.algorithms import ECAlgorithm, RSAAlgorithm, get_default_algorithms

from authtui.core.checks import dpop as dpop_checks
from authtui.core.context import Context
from authtui.core.jose.dpop import ProofRequest, ath_for, check_proof, normalize_url
from authtui.core.keys.jwk import jwk_thumbprint
from authtui.core.model import (
    Challenge,
    Credentials,
    Exchange,
    Finding,
    Header,
    Paste,
    Severity,
    Token,
    TokenForm,
)
from authtui.core.options import Options

NOW = 1_700_000_000.0
CLIENT = ec.generate_private_key(ec.SECP256R1())
OTHER = ec.generate_private_key(ec.SECP256R1())
ISSUER = rsa.generate_private_key(public_exponent=65537, key_size=2048)
CLIENT_JWK: dict[str, Any] = json.loads(ECAlgorithm.to_jwk(CLIENT.public_key()))
OTHER_JWK: dict[str, Any] = json.loads(ECAlgorithm.to_jwk(OTHER.public_key()))
URL = "https://api.example.com/orders"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_token(header: dict[str, Any], claims: dict[str, Any], key: Any) -> Token:
    si = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    alg = header.get("alg")
    sig = get_default_algorithms()[alg].sign(si.encode(), key) if alg != "none" else b""
    form = TokenForm.UNSECURED if alg == "none" else TokenForm.JWS
    return Token(
        raw=f"{si}.{b64(sig)}",
        form=form,
        source="DPoP header",
        header=header,
        claims=claims,
        segments=(*si.split("."), b64(sig)),
        signing_input=si.encode(),
        signature=sig,
    )


ACCESS = make_token(
    {"alg": "RS256", "typ": "at+jwt"},
    {"sub": "alice", "cnf": {"jkt": jwk_thumbprint(CLIENT_JWK)}},
    ISSUER,
)
UNBOUND = make_token({"alg": "RS256"}, {"sub": "alice"}, ISSUER)


def proof(header: dict[str, Any] | None = None, claims: dict[str, Any] | None = None,
          key: Any = CLIENT, drop: Iterable[str] = ()) -> Token:  # fmt: skip
    h = {"typ": "dpop+jwt", "alg": "ES256", "jwk": CLIENT_JWK, **(header or {})}
    c = {
        "jti": "e1j3V_bKic8-LAEB",
        "htm": "GET",
        "htu": URL,
        "iat": int(NOW) - 5,
        "ath": ath_for(ACCESS.raw),
        **(claims or {}),
    }
    for name in drop:
        c.pop(name, None)
    return make_token(h, c, key)


def context(
    proofs: Iterable[Token] = (),
    *,
    token: Token | None = ACCESS,
    scheme: str | None = "DPoP",
    method: str | None = "GET",
    url: str | None = URL,
    target: str | None = "/orders",
    extra: Iterable[tuple[str, str]] = (),
    response: Iterable[tuple[str, str]] = (),
    challenges: Iterable[Challenge] = (),
    server_now: float | None = None,
    dpop_values: Iterable[str] | None = None,
) -> Context:
    proofs = tuple(proofs)
    headers = [Header("Host", "api.example.com"), *(Header(n, v) for n, v in extra)]
    creds: tuple[Credentials, ...] = ()
    if scheme is not None and token is not None:
        headers.append(Header("Authorization", f"{scheme} {token.raw}"))
        creds = (Credentials(scheme=scheme, token68=token.raw, raw=f"{scheme} {token.raw}"),)
    values = [p.raw for p in proofs] if dpop_values is None else list(dpop_values)
    headers += [Header("DPoP", v) for v in values]
    exchange = Exchange(
        method=method,
        target=target,
        url=url,
        request_headers=tuple(headers),
        status=401,
        response_headers=tuple(Header(n, v) for n, v in response),
    )
    return Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=server_now,
        challenges=tuple(challenges),
        credentials=creds,
        token=token,
        request_token=token if creds else None,
        dpop_proofs=proofs,
    )


def run(ctx: Context) -> list[Finding]:
    return [f for check in dpop_checks.CHECKS for f in check(ctx)]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_valid_proof_passes_every_check() -> None:
    findings = run(context([proof()]))
    assert codes(findings) == ["dpop.proof_valid"]
    assert findings[0].severity is Severity.OK


@pytest.mark.parametrize(
    ("made", "words"),
    [
        (lambda: proof({"typ": "JWT"}), "typ is 'JWT'"),
        (lambda: proof({"typ": None}), "typ is None"),
        (lambda: proof({"alg": "none"}), "alg 'none'"),
        (lambda: proof({"alg": "HS256"}, key=b"k" * 32), "alg 'HS256'"),
        (lambda: proof({"jwk": OTHER_JWK}), "not by the jwk"),
        (lambda: proof({"jwk": None}), "no jwk"),
        (lambda: proof({"jwk": {"kty": "EC", "crv": "P-256"}}), "not a usable public key"),
        (lambda: proof({"alg": "ES384"}, key=ec.generate_private_key(ec.SECP384R1())),
         "does not fit the jwk"),
        (lambda: proof(drop=["jti"]), "no jti claim"),
        (lambda: proof(drop=["htm"]), "no htm claim"),
        (lambda: proof(drop=["htu"]), "no htu claim"),
        (lambda: proof(drop=["iat"]), "no iat claim"),
        (lambda: proof(claims={"htm": "POST"}), "htm 'POST'"),
        (lambda: proof(claims={"htm": "get"}), "only the case differs"),
        (lambda: proof(claims={"htu": "https://api.example.com/order"}), "the path differ"),
        (lambda: proof(claims={"htu": "http://api.example.com/orders"}), "the scheme differ"),
        (lambda: proof(claims={"htu": "https://internal:8443/orders"}), "the host differ"),
        (lambda: proof(claims={"htu": "/orders"}), "not the request URL"),
        (lambda: proof(claims={"iat": NOW - 600}), "600 s before"),
        (lambda: proof(claims={"iat": NOW + 300}), "300 s after"),
        (lambda: proof(claims={"iat": "now"}), "iat is not a number"),
        (lambda: proof(drop=["ath"]), "no ath claim"),
        (lambda: proof(claims={"ath": ath_for("another token")}), "not the hash"),
    ],
)  # fmt: skip
def test_each_failed_check_is_named(made: Any, words: str) -> None:
    findings = run(context([made()]))
    invalid = [f for f in findings if f.code == "dpop.proof_invalid"]
    assert invalid, codes(findings)
    assert "dpop.proof_valid" not in codes(findings)
    assert any(words in f.title or words in f.detail for f in invalid), [f.title for f in invalid]
    assert all(f.severity is Severity.ERROR and "RFC 9449 §4.3" in f.refs for f in invalid)


def test_private_key_in_jwk() -> None:
    private = json.loads(ECAlgorithm.to_jwk(CLIENT))
    findings = run(context([proof({"jwk": private})]))
    (bad,) = [f for f in findings if f.code == "dpop.proof_invalid"]
    assert "private key material (d)" in bad.title
    assert private["d"] not in f"{bad.title}{bad.detail}{bad.evidence}{bad.fix}"


def test_rsa_proof_is_fine() -> None:
    jwk = json.loads(RSAAlgorithm.to_jwk(ISSUER.public_key()))
    bound = make_token({"alg": "RS256"}, {"cnf": {"jkt": jwk_thumbprint(jwk)}}, ISSUER)
    made = proof({"alg": "PS256", "jwk": jwk}, {"ath": ath_for(bound.raw)}, key=ISSUER)
    assert codes(run(context([made], token=bound))) == ["dpop.proof_valid"]


def test_jkt_mismatch() -> None:
    made = proof({"jwk": OTHER_JWK}, key=OTHER)
    findings = run(context([made]))
    (bad,) = findings
    assert "not the one the token is bound to" in bad.title
    assert str(jwk_thumbprint(OTHER_JWK)) in bad.evidence


@pytest.mark.parametrize(
    "htu",
    [
        "https://API.Example.com/orders",
        "HTTPS://api.example.com:443/orders",
        "https://api.example.com/orders?page=2#top",
    ],
)
def test_htu_equivalent_forms_pass(htu: str) -> None:
    assert codes(run(context([proof(claims={"htu": htu})]))) == ["dpop.proof_valid"]


def test_htu_from_host_and_target_when_no_url() -> None:
    ctx = context([proof()], url=None, target="/orders")
    assert codes(run(ctx)) == ["dpop.proof_valid"]
    ctx = context([proof(claims={"htu": "https://api.example.com/other"})], url=None)
    assert "dpop.proof_invalid" in codes(run(ctx))


def test_htu_and_htm_skipped_without_request_line() -> None:
    (valid,) = run(context([proof()], url=None, target=None, method=None))
    assert valid.code == "dpop.proof_valid" and "Not compared" in valid.detail


def test_multiple_dpop_headers() -> None:
    findings = run(context([proof(), proof()]))
    assert any("2 DPoP proofs" in f.title for f in findings)
    combined = run(context([proof()], dpop_values=[f"{proof().raw}, {proof().raw}"]))
    assert any("2 DPoP proofs" in f.title for f in combined)


def test_not_a_jwt() -> None:
    bad = Token(raw="not-a-jwt", form=TokenForm.OPAQUE, source="DPoP header")
    findings = run(context([bad], dpop_values=["not-a-jwt"]))
    assert codes(findings) == ["dpop.proof_invalid"]
    assert "not a signed JWT" in findings[0].title


def test_proofs_decoded_from_headers_when_context_has_none() -> None:
    ctx = context([], dpop_values=[proof().raw])
    assert codes(run(ctx)) == ["dpop.proof_valid"]


def test_algs_from_challenge() -> None:
    challenge = Challenge(scheme="DPoP", params={"algs": "PS256 EdDSA"})
    findings = run(context([proof()], challenges=[challenge]))
    assert any("not among the server's algs" in f.title for f in findings)
    ok = Challenge(scheme="DPoP", params={"algs": "ES256 PS256"})
    assert codes(run(context([proof()], challenges=[ok]))) == ["dpop.proof_valid"]


def test_iat_judged_by_server_clock_when_shown() -> None:
    made = proof(claims={"iat": NOW - 600})
    assert codes(run(context([made], server_now=NOW - 590))) == ["dpop.proof_valid"]


@pytest.mark.parametrize(
    ("nonce", "server", "expected"),
    [
        ("n-old", ["n-new"], ["dpop.proof_valid", "dpop.nonce_stale"]),
        ("n-new", ["n-new"], ["dpop.proof_valid"]),
        (None, ["n-new"], ["dpop.proof_valid"]),
        ("n-any", [], ["dpop.proof_valid"]),
    ],
)
def test_nonce(nonce: str | None, server: list[str], expected: list[str]) -> None:
    made = proof(claims={"nonce": nonce} if nonce else None)
    findings = run(context([made], response=[("DPoP-Nonce", v) for v in server]))
    assert codes(findings) == expected
    assert all(f.severity is Severity.WARNING for f in findings if f.code == "dpop.nonce_stale")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"token": ACCESS, "scheme": "DPoP"}, ["dpop.proof_missing"]),
        ({"token": ACCESS, "scheme": "Bearer"}, ["dpop.proof_missing", "dpop.sent_as_bearer"]),
        ({"token": UNBOUND, "scheme": "DPoP"}, ["dpop.proof_missing"]),
        ({"token": UNBOUND, "scheme": "Bearer"}, []),
        ({"token": None, "scheme": None}, []),
        (
            {"token": UNBOUND, "scheme": "Bearer",
             "challenges": [Challenge(scheme="DPoP", params={"algs": "ES256"})]},
            ["dpop.proof_missing"],
        ),
        (
            {"token": UNBOUND, "scheme": "Bearer",
             "challenges": [Challenge(scheme="Bearer"), Challenge(scheme="DPoP")]},
            [],
        ),
        (
            {"token": None, "scheme": None,
             "challenges": [Challenge(scheme="DPoP", params={"algs": "ES256"})]},
            [],
        ),
    ],
)  # fmt: skip
def test_proof_missing_and_sent_as_bearer(kwargs: dict[str, Any], expected: list[str]) -> None:
    findings = run(context(**kwargs))
    assert codes(findings) == expected
    for f in findings:
        assert f.severity is Severity.ERROR and f.fix and f.evidence and f.refs


def test_proof_missing_needs_the_request() -> None:
    ctx = context(token=ACCESS)
    empty = Exchange(status=401)
    bare = Context(
        options=ctx.options, paste=ctx.paste, exchange=empty, now=NOW, skew=60.0,
        server_now=None, token=ACCESS, pasted_token=ACCESS,
    )  # fmt: skip
    assert run(bare) == []


def test_sent_as_bearer_with_proof_still_flags_scheme() -> None:
    findings = run(context([proof()], scheme="Bearer"))
    assert codes(findings) == ["dpop.sent_as_bearer", "dpop.proof_valid"]


def test_ath_for_matches_rfc_9449_example() -> None:
    token = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"
    assert ath_for(token) == "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo"
    digest = hashlib.sha256(token.encode()).digest()
    assert ath_for(token) == b64(digest)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Server.Example.com/token", ("https", "server.example.com", "/token")),
        ("https://a.b:443/x?y#z", ("https", "a.b", "/x")),
        ("http://a.b:80", ("http", "a.b", "/")),
        ("https://a.b:8443/x", ("https", "a.b:8443", "/x")),
        ("/relative", None),
        ("https://a.b:99999/x", None),
        ("", None),
    ],
)
def test_normalize_url(url: str, expected: tuple[str, str, str] | None) -> None:
    assert normalize_url(url) == expected


@settings(max_examples=200, deadline=None)
@given(
    header=st.dictionaries(
        st.sampled_from(["typ", "alg", "jwk", "kid"]),
        st.one_of(st.text(max_size=10), st.integers(), st.none(),
                  st.dictionaries(st.text(max_size=3), st.text(max_size=5), max_size=3)),
    ),
    claims=st.dictionaries(
        st.sampled_from(["jti", "htm", "htu", "iat", "ath", "nonce"]),
        st.one_of(st.text(max_size=30), st.floats(allow_nan=True), st.integers(), st.none(),
                  st.booleans()),
    ),
    url=st.one_of(st.none(), st.text(max_size=40)),
)  # fmt: skip
def test_arbitrary_proofs_never_raise(
    header: dict[str, Any], claims: dict[str, Any], url: str | None
) -> None:
    token = Token(raw="a.b.c", form=TokenForm.JWS, header=header, claims=claims,
                  signing_input=b"a.b", signature=b"\x00" * 64)  # fmt: skip
    request = ProofRequest(method="GET", url=url, now=NOW, access_token="t", token_jkt="j",
                           server_nonces=("n",), server_algs=("ES256",))  # fmt: skip
    findings = check_proof(token, request)
    assert findings and all(f.code.startswith("dpop.") for f in findings)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_normalize_url_never_raises(text: str) -> None:
    result = normalize_url(text)
    assert result is None or len(result) == 3
