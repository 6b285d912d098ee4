"""Tests for authtui.core.checks.claims: aud and iss, exact matches and near misses."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.checks.claims import (
    CHECKS,
    generic_near_miss,
    is_guid,
    issuer_near_miss,
)
from authtui.core.context import Context
from authtui.core.model import Exchange, Finding, Paste, Severity, Token, TokenForm
from authtui.core.options import Options
from tests.strategies import nested

NOW = 1_700_000_840.0
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
APP = "6e74172b-be56-4843-9ff4-e66a39bb12e3"


def make_ctx(
    claims: dict[str, Any] | None,
    *,
    aud: tuple[str, ...] = (),
    iss: str | None = None,
    typ: str | None = None,
) -> Context:
    header: dict[str, Any] = {"alg": "RS256"}
    if typ:
        header["typ"] = typ
    return Context(
        options=Options(audiences=aud, issuer=iss),
        paste=Paste(),
        exchange=Exchange(status=401),
        now=NOW,
        skew=60,
        server_now=None,
        token=Token(raw="x", form=TokenForm.JWS, header=header, claims=claims),
    )


def run(ctx: Context) -> dict[str, Finding]:
    return {f.code: f for check in CHECKS for f in check(ctx)}


@pytest.mark.parametrize(
    ("claims", "aud", "code", "severity", "in_detail"),
    [
        (
            {"aud": "https://api.example.com"},
            ("https://api.example.com",),
            "claims.aud_ok",
            "ok",
            "",
        ),
        (
            {"aud": ["https://other", "https://api.example.com"]},
            ("https://x", "https://api.example.com"),
            "claims.aud_ok",
            "ok",
            "",
        ),
        (
            {"aud": "https://api.example.com/"},
            ("https://api.example.com",),
            "claims.aud_mismatch",
            "error",
            "trailing slash",
        ),
        (
            {"aud": "http://api.example.com"},
            ("https://api.example.com",),
            "claims.aud_mismatch",
            "error",
            "scheme (http vs https)",
        ),
        (
            {"aud": "https://API.example.com"},
            ("https://api.example.com",),
            "claims.aud_mismatch",
            "error",
            "letter case",
        ),
        (
            {"aud": "https://graph.windows.net"},
            ("https://graph.microsoft.com",),
            "claims.aud_mismatch",
            "error",
            "different host (graph.windows.net vs graph.microsoft.com)",
        ),
        ({"aud": APP}, (f"api://{APP}",), "claims.aud_mismatch", "error", "App ID URI"),
        (
            {"aud": "https://login.example.com/v2.0"},
            ("https://login.example.com",),
            "claims.aud_mismatch",
            "error",
            "/v2.0",
        ),
        (
            {"aud": APP},
            ("https://api.example.com",),
            "claims.aud_mismatch",
            "error",
            "a GUID",
        ),
        (
            {"aud": "client-123", "azp": "client-123"},
            ("https://api.example.com",),
            "claims.aud_mismatch",
            "error",
            "equals the token's azp",
        ),
        (
            {"aud": "https://dev.okta.com", "cid": "0oa1"},
            ("0oa1",),
            "claims.aud_mismatch",
            "error",
            "client's own id (cid)",
        ),
        ({"aud": 42}, ("https://api",), "claims.aud_mismatch", "error", "string or an array"),
        ({"sub": "u"}, ("https://api",), "claims.aud_missing", "error", "'empty'"),
        ({"aud": []}, ("https://api",), "claims.aud_missing", "error", "RFC 9068"),
    ],
)
def test_audience(
    claims: dict[str, Any], aud: tuple[str, ...], code: str, severity: str, in_detail: str
) -> None:
    found = run(make_ctx(claims, aud=aud))
    assert code in found, found.keys()
    assert found[code].severity == severity
    assert in_detail in found[code].detail
    assert found[code].evidence and found[code].fix and found[code].refs
    others = {"claims.aud_ok", "claims.aud_mismatch", "claims.aud_missing"} - {code}
    assert not others & found.keys()


def test_no_near_miss_named_when_unrelated() -> None:
    found = run(make_ctx({"aud": "zzz"}, aud=("https://api.example.com",)))
    assert "Near miss" not in found["claims.aud_mismatch"].detail


def test_aud_missing_without_expectation() -> None:
    assert "claims.aud_missing" not in run(make_ctx({"sub": "u"}))
    typed = run(make_ctx({"sub": "u"}, typ="at+jwt"))
    assert typed["claims.aud_missing"].severity == Severity.WARNING


@pytest.mark.parametrize(
    ("token_iss", "expected", "code", "in_detail"),
    [
        ("https://issuer.example.com", "https://issuer.example.com", "claims.iss_ok", ""),
        (
            "https://issuer.example.com/",
            "https://issuer.example.com",
            "claims.iss_mismatch",
            "trailing slash",
        ),
        (
            f"https://login.microsoftonline.com/{TENANT}/v2.0",
            f"https://sts.windows.net/{TENANT}/",
            "claims.iss_mismatch",
            "v2.0 token against a v1.0 issuer",
        ),
        (
            f"https://sts.windows.net/{TENANT}/",
            f"https://login.microsoftonline.com/{TENANT}/v2.0",
            "claims.iss_mismatch",
            "v1.0 token against a v2.0 issuer",
        ),
        (
            f"https://login.microsoftonline.com/{APP}/v2.0",
            f"https://login.microsoftonline.com/{TENANT}/v2.0",
            "claims.iss_mismatch",
            "different Entra ID tenant",
        ),
        (
            "http://mykeycloak-service.keycloak:8180/realms/myrealm",
            "http://localhost:8180/realms/myrealm",
            "claims.iss_mismatch",
            "KC_HOSTNAME",
        ),
        (
            "https://kc.example.com/realms/other",
            "https://kc.example.com/realms/demo",
            "claims.iss_mismatch",
            "different Keycloak realm (other vs demo)",
        ),
        (
            "https://kc.example.com/auth/realms/demo",
            "https://kc.example.com/realms/demo",
            "claims.iss_mismatch",
            "/auth",
        ),
        (
            f"https://abc.b2clogin.com/{TENANT}/v2.0/",
            f"https://login.microsoftonline.com/{TENANT}/v2.0/",
            "claims.iss_mismatch",
            "B2C",
        ),
        (
            "http://issuer.example.com",
            "https://issuer.example.com",
            "claims.iss_mismatch",
            "scheme",
        ),
        ("https://a.example.com", "https://b.example.com", "claims.iss_mismatch", "different host"),
        (123, "https://issuer", "claims.iss_mismatch", "must be a string"),
    ],
)
def test_issuer(token_iss: Any, expected: str, code: str, in_detail: str) -> None:
    found = run(make_ctx({"iss": token_iss}, iss=expected))
    assert code in found
    assert in_detail in found[code].detail
    assert expected in found[code].evidence


@pytest.mark.parametrize(
    ("claims", "iss", "typ", "severity"),
    [
        ({"sub": "u"}, "https://issuer", None, Severity.ERROR),
        ({"iss": None}, "https://issuer", None, Severity.ERROR),
        ({"sub": "u"}, None, "at+jwt", Severity.WARNING),
    ],
)
def test_iss_missing(
    claims: dict[str, Any], iss: str | None, typ: str | None, severity: Severity
) -> None:
    found = run(make_ctx(claims, iss=iss, typ=typ))
    assert found["claims.iss_missing"].severity == severity


def test_iss_missing_silent_without_expectation() -> None:
    assert "claims.iss_missing" not in run(make_ctx({"sub": "u"}))


def test_unchecked_info() -> None:
    found = run(make_ctx({"aud": "a", "iss": "https://i"}))
    assert found["claims.unchecked"].severity == Severity.INFO
    assert 'aud="a"' in found["claims.unchecked"].evidence
    assert "--aud" in found["claims.unchecked"].fix
    both = run(make_ctx({"aud": "a", "iss": "https://i"}, aud=("a",), iss="https://i"))
    assert "claims.unchecked" not in both
    assert {"claims.aud_ok", "claims.iss_ok"} <= both.keys()


@pytest.mark.parametrize(
    ("claims", "typ", "severity"),
    [
        ({"iss": "i", "aud": "a", "exp": 1}, "at+jwt", Severity.WARNING),
        ({"aud": "a"}, None, Severity.INFO),
    ],
)
def test_missing_recommended(claims: dict[str, Any], typ: str | None, severity: Severity) -> None:
    found = run(make_ctx(claims, typ=typ))
    assert found["claims.missing_recommended"].severity == severity
    assert "jti" in found["claims.missing_recommended"].title


def test_missing_recommended_silent_for_complete_token() -> None:
    full = dict.fromkeys(("iss", "exp", "aud", "sub", "client_id", "iat", "jti"), "v")
    assert "claims.missing_recommended" not in run(make_ctx(full, typ="at+jwt"))
    common = dict.fromkeys(("iss", "exp", "aud", "sub", "iat"), "v")
    assert "claims.missing_recommended" not in run(make_ctx(common))


def test_no_claims_no_findings() -> None:
    assert run(make_ctx(None, aud=("a",), iss="i")) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [(APP, True), (APP.upper(), True), (APP[:-1] + "g", False), ("abc", False)],
)
def test_is_guid(text: str, expected: bool) -> None:
    assert is_guid(text) is expected


@given(st.text(max_size=80), st.text(max_size=80))
def test_near_miss_never_raises(expected: str, actual: str) -> None:
    for reason in (generic_near_miss(expected, actual), issuer_near_miss(expected, actual)):
        assert reason is None or isinstance(reason, str)


json_values = nested(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@given(
    st.dictionaries(st.sampled_from(["aud", "iss", "azp", "client_id", "sub"]), json_values),
    st.lists(st.text(max_size=30), max_size=2),
    st.one_of(st.none(), st.text(max_size=30)),
)
def test_any_claims_never_raise(claims: dict[str, Any], aud: list[str], iss: str | None) -> None:
    for finding in run(make_ctx(claims, aud=tuple(aud), iss=iss)).values():
        assert finding.code.startswith("claims.")
