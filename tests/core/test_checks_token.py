"""Token checks: each fires when its condition holds and stays quiet otherwise."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest

from authtui.core.checks import token as token_checks
from authtui.core.codec.b64 import encode_b64url
from authtui.core.context import Context
from authtui.core.jose.tokens import decode_token
from authtui.core.model import (
    Challenge,
    Credentials,
    Exchange,
    Finding,
    Header,
    Paste,
    Severity,
    Token,
)
from authtui.core.options import Options

NOW = 1735689600.0
SECRET = "s" * 32
AT_CLAIMS: dict[str, Any] = {
    "iss": "https://auth.test/",
    "sub": "u1",
    "aud": "https://api.test",
    "client_id": "web",
    "iat": 1735689000,
    "exp": 1735692600,
    "jti": "j1",
    "scope": "read",
}


def make(claims: dict[str, Any] | None = None, **header: Any) -> str:
    """An HS256 JWT; header defaults to typ at+jwt."""
    header.setdefault("typ", "at+jwt")
    return jwt.encode(AT_CLAIMS if claims is None else claims, SECRET, "HS256", headers=header)


def by_hand(header: dict[str, Any], claims: dict[str, Any], sig: str = "c2ln") -> str:
    def seg(v: dict[str, Any]) -> str:
        return encode_b64url(json.dumps(v).encode())

    return f"{seg(header)}.{seg(claims)}.{sig}"


def ctx_for(
    text: str | None = None,
    *,
    where: str = "request",
    exchange: Exchange | None = None,
    challenges: tuple[Challenge, ...] = (),
    credentials: tuple[Credentials, ...] | None = None,
) -> Context:
    """A Context with the token in the request (default) or pasted on its own."""
    token: Token | None = None
    request_token = pasted_token = None
    if text is not None:
        source = "Authorization header" if where == "request" else "token given on its own"
        token = decode_token(text, source)
        if where == "request":
            request_token = token
        else:
            pasted_token = token
    if credentials is None:
        credentials = (
            (Credentials(scheme="Bearer", token68=token.raw),)
            if token is not None and where == "request"
            else ()
        )
    return Context(
        options=Options(now=NOW),
        paste=Paste(),
        exchange=exchange or Exchange(),
        now=NOW,
        skew=60,
        server_now=None,
        challenges=challenges,
        credentials=credentials,
        token=token,
        request_token=request_token,
        pasted_token=pasted_token,
    )


def findings(ctx: Context) -> list[Finding]:
    return list(token_checks.run_all(ctx))


def codes(ctx: Context) -> list[str]:
    return [f.code for f in findings(ctx)]


def one(ctx: Context, code: str) -> Finding:
    found = [f for f in findings(ctx) if f.code == code]
    assert len(found) == 1, codes(ctx)
    return found[0]


def test_every_finding_is_actionable() -> None:
    samples = [
        ctx_for(None, exchange=Exchange(method="GET", request_headers=(Header("Host", "x"),))),
        ctx_for("eyJhbGciOiJIUzI1NiJ9"),
        ctx_for("gho_abc"),
        ctx_for(by_hand({"alg": "none", "crit": ["x"], "x": 1, "jku": "https://x"}, {})),
        ctx_for(make({"nonce": "n"}, kid="../../etc/passwd", typ="JWT"), where="pasted"),
    ]
    for ctx in samples:
        for finding in findings(ctx):
            assert finding.title and finding.detail and finding.evidence and finding.fix
            assert finding.refs, finding.code
            assert "\n" not in finding.title


def test_a_clean_access_token_gives_nothing() -> None:
    assert codes(ctx_for(make())) == []


# --- token.missing --------------------------------------------------------------------

BEARER = (Challenge("Bearer", params={"realm": "x"}),)
REQUEST = Exchange(method="GET", target="/x", request_headers=(Header("Host", "api.test"),))
RESPONSE_401 = Exchange(status=401, response_headers=(Header("WWW-Authenticate", "Bearer"),))

MISSING = [
    # (id, exchange, challenges, severity)
    # authz.missing is the error for a request with no credentials at all.
    ("request-shown", REQUEST, (), Severity.INFO),
    # No error in the challenge: RFC 6750 servers omit it when no token arrived.
    ("401-bearer", RESPONSE_401, BEARER, Severity.WARNING),
    ("403-dpop", Exchange(status=403), (Challenge("DPoP"),), Severity.WARNING),
    # invalid_token: a token was sent, only it was not pasted.
    (
        "401-invalid-token",
        RESPONSE_401,
        (Challenge("Bearer", params={"error": "invalid_token"}),),
        Severity.INFO,
    ),
    ("401-basic-only", Exchange(status=401), (Challenge("Basic"),), Severity.INFO),
    ("nothing", Exchange(), (), Severity.INFO),
    ("500-bearer", Exchange(status=500), BEARER, Severity.INFO),
]


@pytest.mark.parametrize(
    ("exchange", "challenges", "severity"), [c[1:] for c in MISSING], ids=[c[0] for c in MISSING]
)
def test_missing_fires(
    exchange: Exchange, challenges: tuple[Challenge, ...], severity: Severity
) -> None:
    finding = one(ctx_for(None, exchange=exchange, challenges=challenges), "token.missing")
    assert finding.severity is severity
    assert "--token" in finding.fix


def test_missing_quiet_when_a_token_exists() -> None:
    assert "token.missing" not in codes(ctx_for(make()))
    assert "token.missing" not in codes(ctx_for(make(), where="pasted"))
    basic = (Credentials(scheme="Basic", token68="YTpi"),)
    assert "token.missing" not in codes(ctx_for(None, exchange=REQUEST, credentials=basic))


def test_request_with_an_empty_bearer_is_an_error() -> None:
    empty = (Credentials(scheme="Bearer", token68=None),)
    finding = one(ctx_for(None, exchange=REQUEST, credentials=empty), "token.missing")
    assert finding.severity is Severity.ERROR


def test_empty_token_counts_as_missing() -> None:
    assert "token.missing" in codes(ctx_for("   ", where="pasted"))


# --- forms ------------------------------------------------------------------------------


def test_malformed_names_segment_and_reason() -> None:
    h, p, _ = make().split(".")
    finding = one(ctx_for(f"{h}.{p[:-3]}!!!.c2ln"), "token.malformed")
    assert finding.severity is Severity.ERROR
    assert "segment 2 (payload)" in finding.title and "'!'" in finding.title
    assert "Authorization header" in finding.evidence


def test_malformed_wrong_segment_count() -> None:
    h, p, _ = make().split(".")
    finding = one(ctx_for(f"{h}.{p}"), "token.malformed")
    assert "2 segments" in finding.title


def test_malformed_quiet_for_good_tokens() -> None:
    for text in (make(), "gho_abc", by_hand({"alg": "none"}, {})):
        assert "token.malformed" not in codes(ctx_for(text))


OPAQUE = [
    ("ya29.a0AfH6SMBx3kN2", "Google"),
    ("gho_16C7e42F292c6912E7710c838347Ae178B4a", "GitHub OAuth"),
    ("ghp_abcdef0123456789", "GitHub personal"),
    ("github_pat_11ABC", "GitHub fine-grained"),
    ("xoxb-1-2-abc", "Slack bot"),
    ("sl.BXabc", "Dropbox"),
    ("9f86d081884c7d659a2feaa0c55ad015", "opaque"),
    ("12345654321", "number"),
]


@pytest.mark.parametrize(("text", "named"), OPAQUE)
def test_opaque_names_the_issuer(text: str, named: str) -> None:
    finding = one(ctx_for(text), "token.opaque")
    assert finding.severity is Severity.INFO
    assert named in finding.title
    assert "RFC 7662 §2" in finding.refs
    assert text not in finding.evidence or len(text) <= 8  # shown shortened


def test_opaque_refresh_prefix_is_called_out() -> None:
    assert "refresh token" in one(ctx_for("ghr_abcdef"), "token.opaque").detail


def test_jwe_shows_alg_and_enc() -> None:
    jwe = (
        "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0..AxY8DCtDaGlsbGljb3RoZQ."
        "KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.9hH0vgRfYgPnAHOd8stkvw"
    )
    finding = one(ctx_for(jwe), "token.jwe")
    assert finding.severity is Severity.INFO
    assert "alg=dir" in finding.evidence and "enc=A128CBC-HS256" in finding.evidence
    assert "token.jwe" not in codes(ctx_for(make()))


@pytest.mark.parametrize("sig", ["", "c2ln"])
def test_alg_none(sig: str) -> None:
    finding = one(ctx_for(by_hand({"alg": "none"}, AT_CLAIMS, sig)), "token.alg_none")
    assert finding.severity is Severity.ERROR
    assert "'none'" in finding.evidence
    assert "token.alg_none" not in codes(ctx_for(make()))


# --- token.wrong_type, token.typ ---------------------------------------------------------

WRONG = [
    # (id, header, claims, words in evidence)
    ("oidc-nonce", {"typ": "JWT"}, {"sub": "u", "aud": "c1", "nonce": "n"}, ["nonce"]),
    ("oidc-at-hash", {}, {"sub": "u", "aud": "c1", "at_hash": "x"}, ["at_hash"]),
    ("oidc-c-hash", {}, {"sub": "u", "c_hash": "x"}, ["c_hash"]),
    ("aud-is-azp", {"typ": "JWT"}, {"sub": "u", "aud": "c1", "azp": "c1"}, ["azp"]),
    ("aud-list-is-client", {}, {"aud": ["c1"], "client_id": "c1"}, ["client_id"]),
    ("cognito-id", {}, {"token_use": "id", "sub": "u"}, ["token_use=id"]),
    ("cognito-refresh", {}, {"token_use": "refresh"}, ["token_use=refresh"]),
    ("keycloak-refresh", {"typ": "JWT"}, {"typ": "Refresh", "sub": "u"}, ["claim typ=Refresh"]),
    ("keycloak-offline", {"typ": "JWT"}, {"typ": "Offline"}, ["Offline"]),
    ("keycloak-id", {"typ": "JWT"}, {"typ": "ID", "sub": "u"}, ["Keycloak"]),
    ("header-refresh", {"typ": "refresh+jwt"}, {"sub": "u"}, ["refresh+jwt"]),
    ("dpop-proof", {"typ": "dpop+jwt"}, {"htm": "GET"}, ["dpop+jwt"]),
]


@pytest.mark.parametrize(
    ("header", "claims", "words"), [c[1:] for c in WRONG], ids=[c[0] for c in WRONG]
)
def test_wrong_type_fires(header: dict[str, Any], claims: dict[str, Any], words: list[str]) -> None:
    ctx = ctx_for(jwt.encode(claims, SECRET, "HS256", headers=header))
    finding = one(ctx, "token.wrong_type")
    assert finding.severity is Severity.ERROR
    for word in words:
        assert word in finding.evidence
    assert "token.typ" not in codes(ctx)


NOT_WRONG = [
    ("access-token", {"typ": "at+jwt"}, AT_CLAIMS),
    ("at-with-nonce-typed", {"typ": "at+jwt"}, {**AT_CLAIMS, "nonce": "n"}),
    ("aud-azp-with-scope", {"typ": "JWT"}, {"aud": "c1", "azp": "c1", "scope": "read"}),
    ("keycloak-bearer", {"typ": "JWT"}, {"typ": "Bearer", "azp": "c1", "aud": "account"}),
    ("cognito-access", {}, {"token_use": "access", "client_id": "c1"}),
]


@pytest.mark.parametrize(
    ("header", "claims"), [c[1:] for c in NOT_WRONG], ids=[c[0] for c in NOT_WRONG]
)
def test_wrong_type_quiet(header: dict[str, Any], claims: dict[str, Any]) -> None:
    ctx = ctx_for(jwt.encode(claims, SECRET, "HS256", headers=header))
    assert "token.wrong_type" not in codes(ctx)


@pytest.mark.parametrize(
    ("typ", "fires"),
    [
        ("JWT", True),
        (None, True),
        ("at+jwt", False),
        ("application/at+jwt", False),
        ("AT+JWT", False),
    ],
)
def test_typ(typ: str | None, fires: bool) -> None:
    header = {} if typ is None else {"typ": typ}
    text = by_hand({"alg": "RS256", **header}, AT_CLAIMS)
    found = [f for f in findings(ctx_for(text)) if f.code == "token.typ"]
    assert bool(found) is fires
    if found:
        assert found[0].severity is Severity.INFO
        assert ("(absent)" if typ is None else typ) in found[0].evidence


# --- header checks ---------------------------------------------------------------------------

CRIT = [
    # (id, header extras, severity or None)
    ("custom-ext", {"crit": ["exp"], "exp": 1}, Severity.WARNING),
    ("b64", {"crit": ["b64"], "b64": False}, Severity.WARNING),
    ("empty-list", {"crit": []}, Severity.ERROR),
    ("not-list", {"crit": "b64"}, Severity.ERROR),
    ("registered-name", {"crit": ["alg"]}, Severity.ERROR),
    ("absent-name", {"crit": ["http://example.test/ext"]}, Severity.ERROR),
    ("no-crit", {}, None),
]


@pytest.mark.parametrize(("extra", "severity"), [c[1:] for c in CRIT], ids=[c[0] for c in CRIT])
def test_crit(extra: dict[str, Any], severity: Severity | None) -> None:
    ctx = ctx_for(by_hand({"alg": "RS256", "typ": "at+jwt", **extra}, AT_CLAIMS))
    found = [f for f in findings(ctx) if f.code == "token.crit"]
    if severity is None:
        assert not found
    else:
        assert len(found) == 1 and found[0].severity is severity
        assert "crit=" in found[0].evidence


@pytest.mark.parametrize(
    ("extra", "shown"),
    [
        ({"jku": "https://evil.test/jwks.json"}, "jku=https://evil.test/jwks.json"),
        ({"x5u": "https://certs.test/k.pem"}, "x5u=https://certs.test/k.pem"),
        ({"jwk": {"kty": "oct", "k": "AA"}}, "jwk="),
        ({"x5c": ["MIIB", "MIIC"]}, "x5c=[2 certificate(s)]"),
    ],
)
def test_key_reference(extra: dict[str, Any], shown: str) -> None:
    finding = one(
        ctx_for(by_hand({"alg": "RS256", "typ": "at+jwt", **extra}, AT_CLAIMS)),
        "token.key_reference",
    )
    assert finding.severity is Severity.WARNING
    assert shown in finding.evidence
    assert "RFC 8725 §3.10" in finding.refs


def test_key_reference_on_jwe_header() -> None:
    text = by_hand({"alg": "RSA-OAEP", "enc": "A128GCM", "jku": "https://x"}, {}) + ".YWJj.YWJj"
    assert "token.key_reference" in codes(ctx_for(text))


def test_key_reference_quiet() -> None:
    assert "token.key_reference" not in codes(ctx_for(make(kid="2024-rsa")))


KIDS = [
    ("../../dev/null", "path traversal"),
    ("/etc/passwd", "path separator"),
    ("C:\\keys\\k", "path separator"),
    ("https://keys.test/k", "a URL"),
    ("k' UNION SELECT 'secret", "SQL-like"),
    ("x' or '1'='1", "SQL-like"),
    ('k"1', "a quote"),
    ("k\x00", "control characters"),
    (12, "non-string"),
]


@pytest.mark.parametrize(("kid", "words"), KIDS)
def test_kid_suspicious(kid: Any, words: str) -> None:
    finding = one(
        ctx_for(by_hand({"alg": "RS256", "typ": "at+jwt", "kid": kid}, AT_CLAIMS)),
        "token.kid_suspicious",
    )
    assert finding.severity is Severity.WARNING
    assert words in finding.title


@pytest.mark.parametrize(
    "kid",
    ["v-rsa-2025", "a1b2c3d4", "NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg", "key_1.2"],
)
def test_kid_ordinary(kid: str) -> None:
    assert "token.kid_suspicious" not in codes(ctx_for(make(kid=kid)))


# --- token.too_large -------------------------------------------------------------------------


def test_too_large_warning() -> None:
    big = make({**AT_CLAIMS, "groups": ["g" * 40] * 200})
    finding = one(ctx_for(big), "token.too_large")
    assert finding.severity is Severity.WARNING
    assert "8192" in finding.evidence


def test_too_large_error_on_431() -> None:
    big = make({**AT_CLAIMS, "groups": ["g" * 40] * 200})
    finding = one(ctx_for(big, exchange=Exchange(status=431)), "token.too_large")
    assert finding.severity is Severity.ERROR
    body = Exchange(status=400, body="<h1>400 Request Header Or Cookie Too Large</h1>")
    assert one(ctx_for(big, exchange=body), "token.too_large").severity is Severity.ERROR


def test_too_large_boundary() -> None:
    prefix = len("Authorization: Bearer ") + 2
    assert "token.too_large" not in codes(ctx_for("a" * (8192 - prefix)))
    assert "token.too_large" in codes(ctx_for("a" * (8193 - prefix)))


# --- token.encoding -----------------------------------------------------------------------------


def test_encoding_whitespace_in_pasted_token() -> None:
    text = make()
    finding = one(ctx_for(f"{text[:40]}\n{text[40:]}", where="pasted"), "token.encoding")
    assert finding.severity is Severity.WARNING
    assert "line break" in finding.detail and "token given on its own" in finding.evidence


def test_encoding_padding_in_request_token() -> None:
    h, p, s = make().split(".")
    finding = one(
        ctx_for(f"{h}.{p}=.{s}" if len(p) % 4 == 3 else f"{h}==.{p}.{s}"), "token.encoding"
    )
    assert "padding" in finding.detail


def test_encoding_std_alphabet() -> None:
    text = by_hand({"alg": "RS256", "typ": "at+jwt"}, AT_CLAIMS, sig="ab+/cd")
    assert "standard base64" in one(ctx_for(text), "token.encoding").detail


def test_encoding_whitespace_in_request_is_not_ours() -> None:
    text = make()
    ctx = ctx_for(f"{text[:40]}\n{text[40:]}", where="request")
    assert "token.encoding" not in codes(ctx)


def test_encoding_quiet_for_clean_token() -> None:
    assert "token.encoding" not in codes(ctx_for(make(), where="pasted"))
    assert "token.encoding" not in codes(ctx_for(f"Bearer '{make()}'", where="pasted"))


def test_checks_registered() -> None:
    from authtui.core.checks import all_checks

    registered = set(all_checks())
    assert all(check in registered for check in token_checks.CHECKS)
