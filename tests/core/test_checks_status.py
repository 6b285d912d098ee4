"""Status checks: each fires when its condition holds and stays quiet otherwise."""

from __future__ import annotations

import pytest

from authtui.core.checks import status as status_checks
from authtui.core.checks import status_shapes
from authtui.core.context import Context
from authtui.core.diagnose import build_context
from authtui.core.model import Exchange, Finding, Header, Paste, Severity
from authtui.core.options import Options

NOW = 1735689600.0
REQ = "GET /orders HTTP/1.1\nHost: api.test\n"
TOKEN_REQ = REQ + "Authorization: Bearer abcdefghijklmnop\n"


def ctx(text: str, **options: object) -> Context:
    """The Context diagnose would build for ``text`` (now fixed)."""
    return build_context(text, Options(now=NOW, **options))  # type: ignore[arg-type]


def bare_ctx(status: int | None, headers: tuple[tuple[str, str], ...] = ()) -> Context:
    """A Context built by hand: a response with no request and no challenge."""
    exchange = Exchange(status=status, response_headers=tuple(Header(n, v) for n, v in headers))
    return Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=None,
    )


def run(check: status_checks.Check, context: Context) -> list[Finding]:
    return list(check(context))


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def resp(status_line: str, *headers: str, body: str = "") -> str:
    return "HTTP/1.1 " + status_line + "\n" + "".join(h + "\n" for h in headers) + "\n" + body


# --- status_meaning ---------------------------------------------------------------------

MEANING = [
    ("401", resp("401 Unauthorized"), "status.unauthorized", "RFC 9110 §15.5.2"),
    ("403", resp("403 Forbidden"), "status.forbidden", "RFC 9110 §15.5.4"),
    (
        "407",
        resp("407 Proxy Authentication Required", 'Proxy-Authenticate: Basic realm="p"'),
        "status.proxy",
        "RFC 9110 §15.5.8",
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "ref"), [m[1:] for m in MEANING], ids=[m[0] for m in MEANING]
)
def test_status_meaning_fires(text: str, code: str, ref: str) -> None:
    (finding,) = run(status_checks.status_meaning, ctx(text))
    assert finding.code == code
    assert finding.severity is Severity.INFO
    assert ref in finding.refs
    assert finding.evidence.startswith("status line:") or "Proxy-Authenticate" in finding.evidence
    assert finding.fix


def test_status_meaning_407_names_the_proxy_field() -> None:
    text = resp("407 Proxy Authentication Required", 'Proxy-Authenticate: Basic realm="p"')
    (finding,) = run(status_checks.status_meaning, ctx(text))
    assert "Proxy-Authenticate" in finding.evidence


@pytest.mark.parametrize("text", [resp("200 OK"), resp("400 Bad Request"), resp("500 Oops"), ""])
def test_status_meaning_quiet(text: str) -> None:
    assert run(status_checks.status_meaning, ctx(text)) == []


# --- no_challenge -----------------------------------------------------------------------

NO_CHALLENGE = [
    ("401 bare", resp("401 Unauthorized", "Server: nginx/1.27.0"), True),
    ("401 body only", resp("401 Unauthorized", body="Jwt verification fails"), True),
    ("401 with Bearer", resp("401 Unauthorized", "WWW-Authenticate: Bearer"), False),
    ("401 with Basic", resp("401 Unauthorized", 'WWW-Authenticate: Basic realm="k"'), False),
    ("403 bare", resp("403 Forbidden"), False),
    ("400 bare", resp("400 Bad Request"), False),
    ("no status", "", False),
]


@pytest.mark.parametrize(
    ("text", "fires"), [c[1:] for c in NO_CHALLENGE], ids=[c[0] for c in NO_CHALLENGE]
)
def test_no_challenge(text: str, fires: bool) -> None:
    found = run(status_checks.no_challenge, ctx(text))
    assert codes(found) == (["status.no_challenge"] if fires else [])
    if fires:
        assert found[0].severity is Severity.WARNING
        assert "RFC 9110 §15.5.2" in found[0].refs
        assert "WWW-Authenticate" in found[0].fix


def test_no_challenge_evidence_lists_the_headers_seen() -> None:
    (finding,) = run(
        status_checks.no_challenge, bare_ctx(401, (("Server", "nginx"), ("Content-Type", "x")))
    )
    assert "Server, Content-Type" in finding.evidence


def test_no_challenge_with_only_a_proxy_challenge_still_fires() -> None:
    text = resp("401 Unauthorized", 'Proxy-Authenticate: Basic realm="p"')
    assert codes(run(status_checks.no_challenge, ctx(text))) == ["status.no_challenge"]


# --- forbidden_without_credentials ------------------------------------------------------

FORBIDDEN = [
    (
        "403 no creds",
        REQ + "\n" + resp("403 Forbidden", body='{"detail":"Not authenticated"}'),
        True,
    ),
    ("403 with token", TOKEN_REQ + "\n" + resp("403 Forbidden"), False),
    ("403 no request shown", resp("403 Forbidden"), False),
    ("401 no creds", REQ + "\n" + resp("401 Unauthorized", "WWW-Authenticate: Bearer"), False),
    (
        "403 token in custom header",
        REQ + "X-Access-Token: abcdefghijkl\n\n" + resp("403 Forbidden"),
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "fires"), [c[1:] for c in FORBIDDEN], ids=[c[0] for c in FORBIDDEN]
)
def test_forbidden_without_credentials(text: str, fires: bool) -> None:
    found = run(status_checks.forbidden_without_credentials, ctx(text))
    assert codes(found) == (["status.forbidden_without_credentials"] if fires else [])
    if fires:
        assert found[0].severity is Severity.ERROR
        assert "Host" in found[0].evidence
        assert "Authorization: Bearer" in found[0].fix


# --- mismatch ---------------------------------------------------------------------------

MISMATCH = [
    (
        "insufficient_scope on 401 (registry)",
        resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="insufficient_scope", scope="a"'),
        1,
        "401 instead of 403",
    ),
    (
        "invalid_token on 403",
        resp("403 Forbidden", 'WWW-Authenticate: Bearer error="invalid_token"'),
        1,
        "403 instead of 401",
    ),
    (
        "invalid_request on 401",
        resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_request"'),
        1,
        "401 instead of 400",
    ),
    (
        "error code in upper case still compared",
        resp("403 Forbidden", 'WWW-Authenticate: Bearer error="Invalid_Token"'),
        1,
        "instead of 401",
    ),
    (
        "github 404 with scope headers",
        TOKEN_REQ
        + "\n"
        + resp("404 Not Found", "X-Accepted-OAuth-Scopes: repo", "X-OAuth-Scopes: repo:status"),
        1,
        "answered with 404",
    ),
    (
        "kong 500 for an undecodable token",
        "GET / HTTP/1.1\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9xx.e30.c2ln\n\n"
        + resp("500 Internal Server Error", body='{"message":"An unexpected error occurred"}'),
        1,
        "answered with 500",
    ),
    (
        "500 mentioning hdr with credentials",
        TOKEN_REQ + "\n" + resp("500 Internal Server Error", body="attempt to index local 'hdr'"),
        1,
        "answered with 500",
    ),
    (
        "invalid_token on 401",
        resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_token"'),
        0,
        "",
    ),
    (
        "insufficient_scope on 403",
        resp("403 Forbidden", 'WWW-Authenticate: Bearer error="insufficient_scope"'),
        0,
        "",
    ),
    (
        "invalid_request on 400",
        resp("400 Bad Request", 'WWW-Authenticate: Bearer error="invalid_request"'),
        0,
        "",
    ),
    (
        "unknown error code",
        resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_grant"'),
        0,
        "",
    ),
    ("plain 404", resp("404 Not Found", body='{"message":"Not Found"}'), 0, ""),
    ("500 without credentials", resp("500 Internal Server Error", body="token"), 0, ""),
    (
        "404 with scope headers but no credentials or grant",
        resp("404 Not Found", "X-Accepted-OAuth-Scopes: repo"),
        0,
        "",
    ),
    ("no status", 'WWW-Authenticate: Bearer error="invalid_token"', 0, ""),
]


@pytest.mark.parametrize(
    ("text", "count", "title_part"), [c[1:] for c in MISMATCH], ids=[c[0] for c in MISMATCH]
)
def test_mismatch(text: str, count: int, title_part: str) -> None:
    found = run(status_checks.mismatch, ctx(text))
    assert codes(found) == ["status.mismatch"] * count
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert title_part in finding.title
        assert finding.evidence and finding.fix and finding.refs


def test_mismatch_registry_case_says_fetch_the_scope() -> None:
    text = resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="insufficient_scope"')
    (finding,) = run(status_checks.mismatch, ctx(text))
    assert "registries" in finding.detail
    assert "scope" in finding.fix


def test_mismatch_github_evidence_shows_both_scope_headers() -> None:
    text = (
        TOKEN_REQ
        + "\n"
        + resp("404 Not Found", "X-Accepted-OAuth-Scopes: repo", "X-OAuth-Scopes: repo:status")
    )
    (finding,) = run(status_checks.mismatch, ctx(text))
    assert finding.evidence == "X-Accepted-OAuth-Scopes: repo; X-OAuth-Scopes: repo:status"


# --- not_an_auth_failure ----------------------------------------------------------------

NOT_AUTH = [
    ("200", resp("200 OK", body="hello"), True),
    ("429", resp("429 Too Many Requests"), True),
    ("302", resp("302 Found", "Location: /orders/7"), True),
    ("302 to a sign-in page (status.login_redirect)", resp("302 Found", "Location: /login"), False),
    ("200 with auth words", resp("200 OK", body='{"error":"invalid token"}'), False),
    ("401", resp("401 Unauthorized"), False),
    ("403", resp("403 Forbidden"), False),
    ("400", resp("400 Bad Request"), False),
    ("404", resp("404 Not Found"), False),
    ("500", resp("500 Internal Server Error"), False),
    ("200 with a challenge", resp("200 OK", "WWW-Authenticate: Bearer"), False),
    ("no status", "", False),
]


@pytest.mark.parametrize(("text", "fires"), [c[1:] for c in NOT_AUTH], ids=[c[0] for c in NOT_AUTH])
def test_not_an_auth_failure(text: str, fires: bool) -> None:
    found = run(status_checks.not_an_auth_failure, ctx(text))
    assert codes(found) == (["status.not_auth"] if fires else [])
    if fires:
        assert found[0].severity is Severity.INFO


def test_checks_registered() -> None:
    assert set(status_checks.CHECKS) == {
        *status_shapes.CHECKS,
        status_checks.status_meaning,
        status_checks.no_challenge,
        status_checks.forbidden_without_credentials,
        status_checks.mismatch,
        status_checks.not_an_auth_failure,
    }


def test_every_status_finding_is_actionable() -> None:
    texts = [c[1] for c in MISMATCH + FORBIDDEN + NO_CHALLENGE + NOT_AUTH + MEANING]
    for text in texts:
        context = ctx(text)
        for check in status_checks.CHECKS:
            for f in check(context):
                assert f.title and f.detail and f.evidence and f.fix and f.refs, f.code
                assert "\n" not in f.title
