"""Workshop cases: they build at any date, carry no secret, and show what they promise."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.demos.catalog import DEMOS, describe_demos, get_demo
from authtui.core.demos.mint import jwk_thumbprint
from authtui.core.demos.model import Demo, DemoCase
from authtui.core.demos.pastes import http_date
from authtui.core.options import Secret

NOW_A = 1_735_689_600.0  # 2025-01-01T00:00:00Z
NOW_B = 1_900_000_123.5  # 2030-03-17, fractional on purpose
NOWS = (NOW_A, NOW_B)

BY_NAME = {demo.name: demo for demo in DEMOS}
REQUIRED = (
    "expired",
    "not-yet-valid",
    "clock-skew",
    "wrong-audience",
    "wrong-issuer",
    "missing-scope",
    "no-bearer-prefix",
    "basic-vs-bearer",
    "no-challenge",
    "unknown-kid",
    "alg-none",
    "id-token",
    "dpop-nonce",
    "dpop-as-bearer",
    "bad-signature",
    "forbidden-without-credentials",
    "weak-hs-secret",
    "staging-vs-production",
)
AREAS = {"status", "authz", "challenge", "server", "token", "time", "claims", "scope", "sig"}
AREAS |= {"dpop"}

# Things a real secret looks like; a workshop case must show none of them.
REAL_SECRET_PATTERNS = (
    r"PRIVATE KEY",
    r"AKIA[0-9A-Z]{16}",
    r"gh[pousr]_[A-Za-z0-9]{20}",
    r"sk_(live|test)_",
    r"xox[abpr]-",
    r"AIza[0-9A-Za-z_-]{20}",
)
SPEC_HOSTS = {"tools.ietf.org"}  # error_uri, as Spring sends it


def _build(name: str, now: float = NOW_A) -> DemoCase:
    return BY_NAME[name].build(now)


def _header(paste: str, name: str) -> str:
    """The value of the first header line called ``name`` in the paste."""
    prefix = name.lower() + ":"
    for line in paste.splitlines():
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip()
    raise AssertionError(f"no {name} header in the paste")


def _request_token(case: DemoCase) -> str:
    return _header(case.paste, "Authorization").split()[-1]


def _segments(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    head, payload = token.split(".")[:2]
    return tuple(  # type: ignore[return-value]
        json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        for part in (head, payload)
    )


def _jwks_key(case: DemoCase, kid: str) -> Any:
    for key in jwt.PyJWKSet.from_json(case.key_text).keys:
        if key.key_id == kid:
            return key.key
    return None


# ------------------------------------------------------------------- every demo


def test_catalogue_has_the_required_cases() -> None:
    assert len(DEMOS) >= 14
    assert set(REQUIRED) <= set(BY_NAME)
    assert len(BY_NAME) == len(DEMOS), "demo names must be unique"


@pytest.mark.parametrize("demo", DEMOS, ids=lambda d: d.name)
def test_metadata_is_well_formed(demo: Demo) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", demo.name)
    assert demo.title and "\n" not in demo.title
    assert demo.summary and "\n" not in demo.summary
    assert demo.expect
    for code in demo.expect:
        area, _, rest = code.partition(".")
        assert area in AREAS and re.fullmatch(r"[a-z_]+", rest), code


@pytest.mark.parametrize("now", NOWS)
@pytest.mark.parametrize("demo", DEMOS, ids=lambda d: d.name)
def test_builds_at_any_date(demo: Demo, now: float) -> None:
    case = demo.build(now)
    assert isinstance(case, DemoCase)
    assert "HTTP/1.1 " in case.paste
    options = case.options(now)
    assert options.now == now
    assert options.skew == case.skew
    assert options.audiences == case.audiences
    assert options.issuer == case.issuer
    assert options.scopes == case.scopes
    assert options.token == (case.token or None)
    assert len(options.keys) == (1 if case.key_text else 0)
    if case.key_text:
        assert options.keys[0].data == case.key_text.encode()
    assert options.secret == (Secret(case.secret.encode()) if case.secret else None)


@pytest.mark.parametrize("demo", DEMOS, ids=lambda d: d.name)
def test_no_private_key_and_nothing_like_a_real_secret(demo: Demo) -> None:
    case = demo.build(NOW_A)
    for text in (case.paste, case.working, case.key_text, case.token):
        for pattern in REAL_SECRET_PATTERNS:
            assert not re.search(pattern, text), pattern
        for host in re.findall(r"https?://([^/\s'\"]+)", text):
            assert host.endswith(".test") or host in SPEC_HOSTS, host
    assert not case.secret or case.secret.startswith("workshop-secret-")


@pytest.mark.parametrize("demo", DEMOS, ids=lambda d: d.name)
def test_dates_follow_now(demo: Demo) -> None:
    for now in NOWS:
        case = demo.build(now)
        date = _header(case.paste, "Date")
        expected = now - 7 * 60 if demo.name == "clock-skew" else now
        assert date == http_date(expected)


# ----------------------------------------------------------------- time cases


@pytest.mark.parametrize(
    ("name", "claim", "offset"),
    [
        ("expired", "exp", -14 * 60),
        ("not-yet-valid", "nbf", 10 * 60),
        ("clock-skew", "nbf", -2 * 60),
    ],
)
def test_times_are_relative_to_now(name: str, claim: str, offset: int) -> None:
    for now in NOWS:
        _, claims = _segments(_request_token(_build(name, now)))
        assert claims[claim] == int(now) + offset


def test_expired_challenge_names_the_expiry() -> None:
    case = _build("expired", NOW_A)
    challenge = _header(case.paste, "WWW-Authenticate")
    assert 'error="invalid_token"' in challenge
    assert "The token expired at '12/31/2024 23:46:00'" in challenge


def test_clock_skew_token_is_fine_by_our_clock_not_the_servers() -> None:
    case = _build("clock-skew", NOW_A)
    _, claims = _segments(_request_token(case))
    server_now = NOW_A - 7 * 60
    assert claims["nbf"] <= NOW_A < claims["exp"]
    assert claims["nbf"] > server_now + case.skew


# --------------------------------------------------------------- claim cases


@pytest.mark.parametrize(
    ("name", "claim", "seen", "expected"),
    [
        ("wrong-audience", "aud", "https://api.billing.test", "https://api.shop.test"),
        ("wrong-issuer", "iss", "https://auth.shop.test", "https://auth.shop.test/"),
        ("id-token", "aud", "shop-web-spa", "https://api.shop.test"),
    ],
)
def test_claim_differs_from_the_expectation(
    name: str, claim: str, seen: str, expected: str
) -> None:
    case = _build(name)
    _, claims = _segments(_request_token(case))
    assert claims[claim] == seen
    wanted = case.audiences if claim == "aud" else (case.issuer,)
    assert expected in wanted and seen not in wanted


def test_id_token_looks_like_an_id_token() -> None:
    header, claims = _segments(_request_token(_build("id-token")))
    assert {"nonce", "at_hash", "auth_time", "azp"} <= set(claims)
    assert "scope" not in claims
    assert header["typ"] == "JWT"


def test_missing_scope_is_a_403_naming_the_scope() -> None:
    case = _build("missing-scope")
    assert "HTTP/1.1 403 Forbidden" in case.paste
    challenge = _header(case.paste, "WWW-Authenticate")
    assert 'error="insufficient_scope"' in challenge and 'scope="cart:write"' in challenge
    _, claims = _segments(_request_token(case))
    assert "cart:write" not in claims["scope"].split()
    assert case.scopes == ("cart:write",)


# ------------------------------------------------------------ request shapes


def test_no_bearer_prefix_sends_a_bare_jwt() -> None:
    value = _header(_build("no-bearer-prefix").paste, "Authorization")
    assert value.startswith("eyJ") and " " not in value


def test_basic_vs_bearer_sends_basic_to_a_bearer_challenge() -> None:
    case = _build("basic-vs-bearer")
    value = _header(case.paste, "Authorization")
    scheme, encoded = value.split()
    assert scheme == "Basic"
    assert base64.b64decode(encoded) == b"workshop-user:workshop-password"
    assert _header(case.paste, "WWW-Authenticate").startswith("Bearer ")
    assert "\r\n" in case.paste
    assert "workshop-password" not in case.paste


def test_no_challenge_is_a_401_without_www_authenticate() -> None:
    paste = _build("no-challenge").paste
    assert "HTTP/1.1 401" in paste
    assert "www-authenticate" not in paste.lower()


def test_forbidden_without_credentials_carries_none() -> None:
    paste = _build("forbidden-without-credentials").paste
    assert "HTTP/1.1 403" in paste
    assert "authorization" not in paste.lower()
    assert "www-authenticate" not in paste.lower()


# ------------------------------------------------------------------ signatures


@pytest.mark.parametrize(
    "name",
    ["expired", "not-yet-valid", "clock-skew", "wrong-audience", "wrong-issuer", "id-token"],
)
def test_signed_tokens_verify_with_the_case_key(name: str) -> None:
    case = _build(name)
    token = _request_token(case)
    header, _ = _segments(token)
    key = _jwks_key(case, header["kid"])
    assert key is not None
    assert jwt.PyJWS().decode(token, key, algorithms=["RS256"])


def test_unknown_kid_is_absent_from_the_jwks() -> None:
    case = _build("unknown-kid")
    header, _ = _segments(_request_token(case))
    assert header["kid"] == "2024-retired"
    kids = [k["kid"] for k in json.loads(case.key_text)["keys"]]
    assert kids == ["2025-current"]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.PyJWS().decode(_request_token(case), _jwks_key(case, "2025-current"), ["RS256"])


def test_bad_signature_was_tampered_after_signing() -> None:
    case = _build("bad-signature")
    assert case.key_text.startswith("-----BEGIN PUBLIC KEY-----")
    key = load_pem_public_key(case.key_text.encode())
    token = _request_token(case)
    assert "orders:admin" in _segments(token)[1]["scope"]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.PyJWS().decode(token, key, algorithms=["RS256"])  # type: ignore[arg-type]


def test_alg_none_has_no_signature() -> None:
    token = _request_token(_build("alg-none"))
    header, _ = _segments(token)
    assert header["alg"] == "none"
    assert token.endswith(".") and token.count(".") == 2


def test_weak_hs_secret_signs_with_a_short_fake_secret() -> None:
    case = _build("weak-hs-secret")
    token = _request_token(case)
    assert _segments(token)[0]["alg"] == "HS256"
    assert len(case.secret.encode()) < 32
    signing_input, _, signature = token.rpartition(".")
    mac = hmac.new(case.secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    assert base64.urlsafe_b64encode(mac).rstrip(b"=").decode() == signature


# ------------------------------------------------------------------------ DPoP


@pytest.mark.parametrize(("name", "scheme"), [("dpop-nonce", "DPoP"), ("dpop-as-bearer", "Bearer")])
def test_dpop_proof_is_valid_and_bound(name: str, scheme: str) -> None:
    case = _build(name)
    assert _header(case.paste, "Authorization").split()[0] == scheme
    token = _request_token(case)
    proof = _header(case.paste, "DPoP")
    header, claims = _segments(proof)
    assert header["typ"] == "dpop+jwt" and header["alg"] == "ES256"
    assert "d" not in header["jwk"], "the proof must carry the public key only"
    key = jwt.PyJWK(header["jwk"], algorithm="ES256").key
    assert jwt.PyJWS().decode(proof, key, algorithms=["ES256"])
    digest = hashlib.sha256(token.encode()).digest()
    assert claims["ath"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert claims["htm"] == "GET" and claims["htu"] == "https://api.shop.test/orders"
    assert claims["iat"] == int(NOW_A)
    assert _segments(token)[1]["cnf"]["jkt"] == jwk_thumbprint(header["jwk"])


def test_dpop_nonce_response_sends_a_nonce() -> None:
    paste = _build("dpop-nonce").paste
    assert 'error="use_dpop_nonce"' in _header(paste, "WWW-Authenticate")
    assert _header(paste, "DPoP-Nonce")


def test_jwk_thumbprint_matches_rfc_7638_example() -> None:
    jwk = {
        "kty": "RSA",
        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6"
        "tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65"
        "YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrd"
        "kt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnq"
        "DKgw",
        "e": "AQAB",
        "alg": "RS256",
        "kid": "2011-04-29",
    }
    assert jwk_thumbprint(jwk) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"


def test_keys_are_generated_once_per_process() -> None:
    first = _request_token(_build("expired", NOW_A))
    second = _request_token(_build("wrong-audience", NOW_B))
    key = _jwks_key(_build("wrong-audience", NOW_B), "2025-current")
    assert jwt.PyJWS().decode(first, key, algorithms=["RS256"])
    assert jwt.PyJWS().decode(second, key, algorithms=["RS256"])


def test_http_date_is_imf_fixdate() -> None:
    assert http_date(1_700_000_000) == "Tue, 14 Nov 2023 22:13:20 GMT"


# -------------------------------------------------------------- lookup, listing


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("expired", "expired"),
        ("EXPIRED", "expired"),
        ("  Expired ", "expired"),
        ("exp", "expired"),
        ("alg", "alg-none"),
        ("forbidden", "forbidden-without-credentials"),
        ("dpop-n", "dpop-nonce"),
        ("Wrong-Aud", "wrong-audience"),
        ("dpop", None),  # two demos start with it
        ("wrong", None),
        ("no-", None),
        ("", None),
        ("nope", None),
        ("expired-token", None),
    ],
)
def test_get_demo(query: str, expected: str | None) -> None:
    found = get_demo(query)
    assert (found.name if found else None) == expected


@given(st.text(max_size=40))
def test_get_demo_never_raises(query: str) -> None:
    found = get_demo(query)
    assert found is None or found in DEMOS


def test_describe_demos_lists_every_case_aligned() -> None:
    lines = describe_demos().splitlines()
    assert len(lines) == len(DEMOS)
    title_columns = set()
    for line, demo in zip(lines, DEMOS, strict=True):
        assert line.startswith(demo.name + " ")
        assert line.endswith(demo.summary)
        title_columns.add(line.index(demo.title, len(demo.name)))
    assert len(title_columns) == 1


# ------------------------------------------------------- through the diagnosis


def _diagnose() -> Any:
    """The lead's ``diagnose``; skip until it and the modules it needs have landed."""
    return pytest.importorskip("authtui.core.diagnose", exc_type=ImportError).diagnose


@pytest.mark.parametrize("now", NOWS)
@pytest.mark.parametrize("demo", DEMOS, ids=lambda d: d.name)
def test_diagnosis_produces_the_expected_codes(demo: Demo, now: float) -> None:
    diagnose = _diagnose()
    case = demo.build(now)
    report = diagnose(case.paste, case.options(now))
    codes = {finding.code for finding in report.findings}
    missing = [code for code in demo.expect if code not in codes]
    assert not missing, f"{demo.name}: missing {missing}, got {sorted(codes)}"
    assert "internal.check_failed" not in codes


def test_diagnosis_never_shows_the_basic_password() -> None:
    diagnose = _diagnose()
    case = _build("basic-vs-bearer")
    report = diagnose(case.paste, case.options(NOW_A))
    shown = repr(report)
    assert "workshop-password" not in shown
    assert "d29ya3Nob3AtdXNlcjp3b3Jrc2hvcC1wYXNzd29yZA" not in shown


# ----------------------------------------------------------------- pairs to compare

PAIRS = [demo for demo in DEMOS if demo.differs]


def test_there_is_a_pair_to_compare() -> None:
    assert [demo.name for demo in PAIRS] == ["staging-vs-production"]
    assert all(not demo.build(NOW_A).working for demo in DEMOS if not demo.differs)


@pytest.mark.parametrize("now", NOWS)
@pytest.mark.parametrize("demo", PAIRS, ids=lambda d: d.name)
def test_a_pair_compares_as_it_promises(demo: Demo, now: float) -> None:
    from authtui.core.compare.model import Working
    from authtui.core.compare.run import compare_texts

    case = demo.build(now)
    assert "HTTP/1.1 2" in case.working and _header(case.working, "Date") == http_date(now)
    comparison = compare_texts(case.working, case.paste, case.options(now))
    assert comparison.working is Working.A
    assert comparison.cause == demo.differs[0]
    assert set(demo.differs) <= {d.code for d in comparison.differences}
