"""Tests for authtui.core.checks.scope: granted vs required, Keycloak/Azure/GitHub shapes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authtui.core.checks.scope import CHECKS, granted_scopes, words
from authtui.core.context import Context
from authtui.core.model import (
    Challenge,
    Exchange,
    Finding,
    Header,
    Paste,
    Severity,
    Token,
    TokenForm,
)
from authtui.core.options import Options
from tests.strategies import nested

NOW = 1_700_000_840.0
GOOGLE_SCOPE = (
    "https://www.googleapis.com/auth/contacts https://www.google.com/m8/feeds"
    " https://www.google.com/m8/feeds/"
)


def make_ctx(
    claims: dict[str, Any] | None,
    *,
    scopes: tuple[str, ...] = (),
    challenge: dict[str, str] | None = None,
    headers: tuple[tuple[str, str], ...] = (),
    form: TokenForm = TokenForm.JWS,
    status: int = 403,
) -> Context:
    challenges = (Challenge(scheme="Bearer", params=challenge),) if challenge else ()
    return Context(
        options=Options(scopes=scopes),
        paste=Paste(),
        exchange=Exchange(status=status, response_headers=tuple(Header(n, v) for n, v in headers)),
        now=NOW,
        skew=60,
        server_now=None,
        challenges=challenges,
        token=Token(raw="x", form=form, header={"alg": "RS256"}, claims=claims),
    )


def run(ctx: Context) -> list[Finding]:
    return [f for check in CHECKS for f in check(ctx)]


def by_code(ctx: Context) -> dict[str, Finding]:
    return {f.code: f for f in run(ctx)}


KEYCLOAK = {
    "realm_access": {"roles": ["offline_access", "user"]},
    "resource_access": {"orders-api": {"roles": ["orders.admin"]}, "account": {"roles": ["view"]}},
    "scope": "openid profile email",
}
AZURE_V2 = {"scp": "Orders.Read User.Read", "roles": ["Orders.Admin"], "azp": "client"}
OKTA = {"scp": ["orders.read", "openid"]}
AUTH0 = {"scope": "read:orders", "permissions": ["read:orders", "write:orders"]}


@pytest.mark.parametrize(
    ("case", "claims", "scopes", "code", "in_text"),
    [
        ("scope string", {"scope": "a b"}, ("a",), "scope.ok", "a (scope)"),
        ("space-separated option", {"scope": "a b"}, ("a b",), "scope.ok", "b (scope)"),
        ("scope array", {"scope": ["a", "b"]}, ("b",), "scope.ok", "b (scope)"),
        ("okta scp array", OKTA, ("orders.read",), "scope.ok", "orders.read (scp)"),
        ("azure scp", AZURE_V2, ("Orders.Read",), "scope.ok", "(scp)"),
        ("azure app role", AZURE_V2, ("Orders.Admin",), "scope.ok", "(roles)"),
        ("auth0 permissions", AUTH0, ("write:orders",), "scope.ok", "(permissions)"),
        ("groups", {"groups": ["admins"]}, ("admins",), "scope.ok", "(groups)"),
        ("keycloak realm role", KEYCLOAK, ("user",), "scope.ok", "realm_access.roles"),
        (
            "keycloak client role",
            KEYCLOAK,
            ("orders.admin",),
            "scope.ok",
            "resource_access.orders-api.roles",
        ),
        (
            "missing one",
            {"scope": "a b"},
            ("a c",),
            "scope.insufficient",
            "lacks the required scope: c",
        ),
        ("missing two", {"scope": "a"}, ("b", "c"), "scope.insufficient", "scopes: b c"),
        ("case only", AZURE_V2, ("orders.read",), "scope.insufficient", "letter case"),
        ("spring prefix", {"scope": "read"}, ("SCOPE_read",), "scope.insufficient", "Spring"),
        (
            "azure resource prefix",
            AZURE_V2,
            ("api://orders/Orders.Read",),
            "scope.insufficient",
            "resource prefix",
        ),
    ],
)
def test_option_scopes(
    case: str, claims: dict[str, Any], scopes: tuple[str, ...], code: str, in_text: str
) -> None:
    found = by_code(make_ctx(claims, scopes=scopes))
    assert code in found, (case, found.keys())
    f = found[code]
    assert in_text in f.title + f.detail + f.evidence, (case, f)
    assert f.evidence and f.fix and f.refs
    other = {"scope.ok", "scope.insufficient"} - {code}
    assert not other & found.keys()


def test_insufficient_lists_missing_and_granted() -> None:
    f = by_code(make_ctx({"scope": "a b"}, scopes=("a", "c", "d")))["scope.insufficient"]
    assert f.severity == Severity.ERROR
    assert f.title.endswith("c d")
    assert "granted: scope: a b" in f.evidence
    assert "required by --scope: a c d" in f.evidence


@pytest.mark.parametrize(
    ("claims", "listed", "code", "in_detail"),
    [
        # Google: alternatives; the token holds none -> any one would do
        ({"scope": "openid email"}, GOOGLE_SCOPE, "scope.insufficient", "any one may suffice"),
        # holds one of two -> read as all required
        ({"scope": "a"}, "a b", "scope.insufficient", "all required"),
        # Docker registry shapes
        ({"access": []}, "repository:openjdk:pull", "scope.insufficient", "grants nothing"),
        (
            {"access": [{"type": "repository", "name": "library/openjdk", "actions": ["pull"]}]},
            "repository:openjdk:pull",
            "scope.insufficient",
            "library/",
        ),
        (
            {"access": [{"type": "repository", "name": "app", "actions": ["pull", "push"]}]},
            "repository:app:pull,push",
            "scope.ok",
            "lies elsewhere",
        ),
        (
            {"access": [{"type": "repository", "name": "app", "actions": ["pull"]}]},
            "repository:app:pull,push",
            "scope.insufficient",
            "repository:app:push",
        ),
        # holds everything listed -> the refusal lies elsewhere
        ({"scope": "a b"}, "a b", "scope.ok", "lies elsewhere"),
    ],
)
def test_challenge_scope(claims: dict[str, Any], listed: str, code: str, in_detail: str) -> None:
    ctx = make_ctx(claims, challenge={"error": "insufficient_scope", "scope": listed})
    found = by_code(ctx)
    assert code in found
    assert in_detail in found[code].detail


def test_challenge_scope_ignored_without_insufficient_scope_or_empty() -> None:
    assert not run(make_ctx({"scope": "a"}, challenge={"error": "invalid_token", "scope": "b"}))
    assert not run(make_ctx({"scope": "a"}, challenge={"error": "insufficient_scope", "scope": ""}))


@pytest.mark.parametrize(
    ("granted", "accepted", "code", "in_text"),
    [
        ("repo:status", "repo", "scope.insufficient", "lacks the required scope: repo"),
        ("repo, user", "repo:status", "scope.ok", "implied by repo"),
        ("admin:org", "read:org", "scope.ok", "implied by write:org"),
        ("read:org", "admin:org, write:org", "scope.insufficient", "admin:org write:org"),
        ("gist", "repo, public_repo", "scope.insufficient", "one of: repo public_repo"),
    ],
)
def test_github_headers(granted: str, accepted: str, code: str, in_text: str) -> None:
    headers = (("X-OAuth-Scopes", granted), ("X-Accepted-OAuth-Scopes", accepted))
    found = by_code(make_ctx(None, headers=headers, form=TokenForm.OPAQUE, status=404))
    assert code in found
    f = found[code]
    assert in_text in f.title + f.detail + f.evidence + f.fix
    if code == "scope.insufficient":
        assert "404" in f.fix


def test_github_empty_scopes_is_none() -> None:
    headers = (("X-OAuth-Scopes", ""), ("X-Accepted-OAuth-Scopes", "repo"))
    found = by_code(make_ctx(None, headers=headers, form=TokenForm.OPAQUE))
    # scope.insufficient is the error; scope.none says why.
    assert found["scope.none"].severity == Severity.WARNING
    assert found["scope.insufficient"].severity == Severity.ERROR
    assert found["scope.insufficient"].title.endswith("repo")


@pytest.mark.parametrize(
    ("claims", "scopes", "challenge", "severity"),
    [
        ({"sub": "u"}, (), None, Severity.WARNING),
        ({"sub": "u", "scope": ""}, (), None, Severity.WARNING),
        ({"sub": "u", "realm_access": {"roles": []}}, (), None, Severity.WARNING),
        ({"sub": "u"}, ("orders.read",), None, Severity.WARNING),
        ({"sub": "u"}, (), {"error": "insufficient_scope", "scope": "x"}, Severity.WARNING),
    ],
)
def test_scope_none(
    claims: dict[str, Any],
    scopes: tuple[str, ...],
    challenge: dict[str, str] | None,
    severity: Severity,
) -> None:
    found = by_code(make_ctx(claims, scopes=scopes, challenge=challenge))
    assert found["scope.none"].severity == severity
    if scopes or challenge:
        assert found["scope.insufficient"].severity == Severity.ERROR


def test_scope_none_is_context_outside_a_403() -> None:
    found = by_code(make_ctx({"sub": "u"}, status=401))
    assert found["scope.none"].severity == Severity.INFO


@pytest.mark.parametrize(
    "claims",
    [
        {"scope": "a"},
        {"realm_access": {"roles": ["x"]}},
        {"iat": 1, "exp": 2, "iss": 12345},  # GitHub App JWT: no scopes by design
    ],
)
def test_scope_none_silent(claims: dict[str, Any]) -> None:
    assert "scope.none" not in by_code(make_ctx(claims))


def test_nothing_known_nothing_said() -> None:
    assert run(make_ctx(None, scopes=("a",), form=TokenForm.OPAQUE)) == []


def test_nothing_required_no_ok() -> None:
    assert run(make_ctx({"scope": "a"})) == []


def test_granted_sources() -> None:
    granted = granted_scopes(make_ctx(KEYCLOAK))
    assert granted is not None
    assert granted["orders.admin"] == ["resource_access.orders-api.roles"]
    assert granted["user"] == ["realm_access.roles"]
    assert granted["openid"] == ["scope"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a  b\tc", ["a", "b", "c"]), (["a", "b c", 3, None], ["a", "b", "c"]), (5, []), (None, [])],
)
def test_words(raw: Any, expected: list[str]) -> None:
    assert words(raw) == expected


json_values = nested(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@given(
    st.dictionaries(
        st.sampled_from(["scope", "scp", "roles", "realm_access", "resource_access", "groups"]),
        json_values,
    ),
    st.lists(st.text(max_size=20), max_size=3),
    st.text(max_size=40),
    st.text(max_size=40),
)
def test_any_input_never_raises(
    claims: dict[str, Any], scopes: list[str], listed: str, header: str
) -> None:
    ctx = make_ctx(
        claims,
        scopes=tuple(scopes),
        challenge={"error": "insufficient_scope", "scope": listed},
        headers=(("X-Accepted-OAuth-Scopes", header),),
    )
    for finding in run(ctx):
        assert finding.code.startswith("scope.")
