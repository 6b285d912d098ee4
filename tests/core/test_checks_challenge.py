"""Challenge checks: the server's RFC 6750 error, lenient readings, DPoP nonce, extensions."""

from __future__ import annotations

import pytest

from authtui.core.checks import challenge as ch
from authtui.core.context import Context
from authtui.core.model import Challenge, Exchange, Finding, Note, Paste, Severity
from authtui.core.options import Options
from tests.core.test_checks_status import ctx

NOW = 1735689600.0
REQ = "GET /api HTTP/1.1\nHost: api.test\nAuthorization: Bearer abcdefghijkl\n\n"


def resp(*headers: str, status: str = "401 Unauthorized", body: str = "") -> str:
    return f"HTTP/1.1 {status}\n" + "".join(h + "\n" for h in headers) + "\n" + body


def run(check: ch.Check, text: str) -> list[Finding]:
    return list(check(ctx(text)))


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


# --- rfc6750_errors ---------------------------------------------------------------------

ERRORS = [
    ("invalid_token", 'WWW-Authenticate: Bearer error="invalid_token"', "challenge.invalid_token"),
    (
        "insufficient_scope",
        'WWW-Authenticate: Bearer error="insufficient_scope", scope="read write"',
        "challenge.insufficient_scope",
    ),
    (
        "invalid_request",
        'WWW-Authenticate: Bearer error="invalid_request"',
        "challenge.invalid_request",
    ),
    ("upper case", 'WWW-Authenticate: Bearer error="Invalid_Token"', "challenge.invalid_token"),
    (
        "space separated (AWS)",
        'www-authenticate: Bearer scope="" error="invalid_token" error_description="x"',
        "challenge.invalid_token",
    ),
    (
        "OAuth2 scheme (WSO2)",
        'WWW-Authenticate: OAuth2 realm="WSO2", error="invalid_token"',
        "challenge.invalid_token",
    ),
    (
        "second challenge",
        'WWW-Authenticate: Basic realm="x", Bearer error="invalid_token"',
        "challenge.invalid_token",
    ),
]


@pytest.mark.parametrize(("header", "code"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_rfc6750_errors_fire(header: str, code: str) -> None:
    (finding,) = run(ch.rfc6750_errors, resp(header))
    assert finding.code == code
    assert finding.severity is Severity.ERROR
    assert "RFC 6750 §3.1" in finding.refs
    assert finding.evidence.lower().startswith("www-authenticate:")
    assert finding.fix


@pytest.mark.parametrize(
    "header",
    [
        "WWW-Authenticate: Bearer",
        'WWW-Authenticate: Bearer realm="api"',
        'WWW-Authenticate: Bearer error="invalid_grant"',
        'WWW-Authenticate: DPoP error="use_dpop_nonce"',
        'WWW-Authenticate: Basic realm="x"',
    ],
)
def test_rfc6750_errors_quiet(header: str) -> None:
    assert run(ch.rfc6750_errors, resp(header)) == []


def test_insufficient_scope_names_the_scope_and_the_description() -> None:
    header = (
        'WWW-Authenticate: Bearer error="insufficient_scope", scope="contacts", '
        'error_description="Needs contacts"'
    )
    (finding,) = run(ch.rfc6750_errors, resp(header, status="403 Forbidden"))
    assert "contacts" in finding.detail
    assert '"Needs contacts"' in finding.detail


def test_insufficient_scope_without_scope_says_so() -> None:
    header = 'WWW-Authenticate: Bearer error="insufficient_scope"'
    (finding,) = run(ch.rfc6750_errors, resp(header, status="403 Forbidden"))
    assert "did not say which scope" in finding.detail


def test_one_finding_per_challenge_with_an_error() -> None:
    text = resp(
        'WWW-Authenticate: Bearer error="invalid_token"',
        'WWW-Authenticate: DPoP error="invalid_token"',
    )
    assert codes(run(ch.rfc6750_errors, text)) == ["challenge.invalid_token"] * 2


# --- no_error ---------------------------------------------------------------------------

NO_ERROR = [
    ("bearer bare", REQ + resp("WWW-Authenticate: Bearer"), True),
    ("bearer realm", REQ + resp('WWW-Authenticate: Bearer realm="api"'), True),
    ("dpop bare", REQ + resp('WWW-Authenticate: DPoP algs="ES256"'), True),
    ("with error", REQ + resp('WWW-Authenticate: Bearer error="invalid_token"'), False),
    ("no request shown", resp("WWW-Authenticate: Bearer"), False),
    (
        "request without credentials",
        "GET / HTTP/1.1\nHost: a\n\n" + resp("WWW-Authenticate: Bearer"),
        False,
    ),
    ("basic only", REQ + resp('WWW-Authenticate: Basic realm="x"'), False),
    (
        "error in another challenge",
        REQ + resp('WWW-Authenticate: Bearer realm="a", DPoP error="use_dpop_nonce"'),
        False,
    ),
]


@pytest.mark.parametrize(("text", "fires"), [c[1:] for c in NO_ERROR], ids=[c[0] for c in NO_ERROR])
def test_no_error(text: str, fires: bool) -> None:
    found = run(ch.no_error, text)
    assert codes(found) == (["challenge.no_error"] if fires else [])
    if fires:
        assert found[0].severity is Severity.WARNING
        assert "WWW-Authenticate" in found[0].evidence


# --- nonstandard ------------------------------------------------------------------------

NONSTANDARD = [
    (
        "spaces only (AWS)",
        'www-authenticate: Bearer scope="" error="invalid_token" error_description="x"',
        "commas",
    ),
    (
        "garbled (Okta)",
        'www-Authenticate Bearer error "Invalid_token", error_description = "The Signature key"',
        "no '='",
    ),
    (
        "unquoted URL (Azure)",
        "Www-Authenticate: Bearer authorization_uri=https://l.test/a b=c",
        "quotes",
    ),
    ("comma after scheme", 'WWW-Authenticate: Bearer, error="invalid_token"', "comma follows"),
    ("unknown error", 'WWW-Authenticate: Bearer error="unauthorized"', "'unauthorized'"),
    ("token endpoint error", 'WWW-Authenticate: Bearer error="invalid_grant"', "'invalid_grant'"),
    ("upper-case error", 'WWW-Authenticate: Bearer error="Invalid_token"', "'Invalid_token'"),
    ("realm null", 'WWW-Authenticate: Bearer realm="null"', "realm='null'"),
    ("OAuth2 scheme", 'WWW-Authenticate: OAuth2 realm="WSO2"', "'OAuth2'"),
    (
        "digest missing comma",
        'WWW-Authenticate: Digest realm="s", qop=auth,algorithm=MD5, nonce="6f" opaque="12"',
        "comma is missing",
    ),
]


@pytest.mark.parametrize(
    ("header", "named"), [c[1:] for c in NONSTANDARD], ids=[c[0] for c in NONSTANDARD]
)
def test_nonstandard_names_the_deviation(header: str, named: str) -> None:
    found = run(ch.nonstandard, resp(header))
    assert found, header
    assert set(codes(found)) == {"challenge.nonstandard"}
    assert all(f.severity is Severity.WARNING for f in found)
    assert any(named in f.title for f in found), [f.title for f in found]
    assert all(f.evidence and f.fix and f.refs for f in found)


def test_token_endpoint_error_is_explained() -> None:
    (finding,) = run(ch.nonstandard, resp('WWW-Authenticate: Bearer error="invalid_grant"'))
    assert "token-endpoint" in finding.detail


def test_one_merged_finding_per_challenge() -> None:
    header = 'www-Authenticate Bearer error "invalid_token", error_description = "x"'
    found = run(ch.nonstandard, resp(header))
    lenient = [f for f in found if f.title.startswith("Non-standard Bearer challenge")]
    assert len(lenient) == 1
    assert "(1)" in lenient[0].detail


def test_misspelled_field_by_hand() -> None:
    exchange = Exchange(status=401)
    context = Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=None,
        challenges=(Challenge("Bearer", field_name="WWW-Authentication", raw="Bearer"),),
    )
    found = list(ch.nonstandard(context))
    assert [f.title for f in found] == [
        "The challenge travels in a misspelled header: WWW-Authentication"
    ]


def test_field_level_note_by_hand() -> None:
    exchange = Exchange(status=401)
    note = Note("challenge.empty", "An empty WWW-Authenticate field.", "WWW-Authenticate: ")
    context = Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=None,
        challenge_notes=(note, note),
    )
    (finding,) = ch.nonstandard(context)
    assert finding.title == "Non-standard challenge field: An empty WWW-Authenticate field."
    assert finding.evidence == "WWW-Authenticate: "


@pytest.mark.parametrize(
    "header",
    [
        'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="x"',
        "WWW-Authenticate: Bearer",
        'WWW-Authenticate: Basic realm="kubernetes-master"',
        'WWW-Authenticate: DPoP error="use_dpop_nonce"',
        'WWW-Authenticate: Bearer error="insufficient_claims", claims="e30="',
    ],
)
def test_nonstandard_quiet_on_rfc_syntax(header: str) -> None:
    assert run(ch.nonstandard, resp(header)) == []


# --- dpop_nonce -------------------------------------------------------------------------


def test_dpop_nonce_with_header() -> None:
    text = resp('WWW-Authenticate: DPoP error="use_dpop_nonce"', "DPoP-Nonce: n-123")
    (finding,) = run(ch.dpop_nonce, text)
    assert finding.code == "challenge.dpop_nonce"
    assert finding.severity is Severity.ERROR
    assert "DPoP-Nonce: n-123" in finding.evidence
    assert '"nonce": "n-123"' in finding.fix
    assert "RFC 9449 §9" in finding.refs


def test_dpop_nonce_from_body_without_header() -> None:
    text = resp(
        "Content-Type: application/json",
        status="400 Bad Request",
        body='{"error":"use_dpop_nonce"}',
    )
    (finding,) = run(ch.dpop_nonce, text)
    assert finding.evidence == "body: error use_dpop_nonce"
    assert "No DPoP-Nonce header" in finding.detail


def test_dpop_nonce_two_headers_noted() -> None:
    text = resp('WWW-Authenticate: DPoP error="use_dpop_nonce"', "DPoP-Nonce: a", "DPoP-Nonce: b")
    (finding,) = run(ch.dpop_nonce, text)
    assert "forbids" in finding.detail


@pytest.mark.parametrize(
    "text",
    [
        resp('WWW-Authenticate: DPoP error="invalid_dpop_proof"'),
        resp("WWW-Authenticate: DPoP", "DPoP-Nonce: n"),
        resp(body="use_dpop_nonce mentioned in prose"),
    ],
)
def test_dpop_nonce_quiet(text: str) -> None:
    assert run(ch.dpop_nonce, text) == []


# --- extensions -------------------------------------------------------------------------

EXTENSIONS = [
    (
        "resource metadata",
        'WWW-Authenticate: Bearer resource_metadata="https://api.test/.well-known/x"',
        "challenge.resource_metadata",
        Severity.INFO,
        "resource_metadata=https://api.test/.well-known/x",
    ),
    (
        "entra authorization_uri",
        'WWW-Authenticate: Bearer authorization_uri="https://login.test/t/authorize", '
        'resource_id="https://storage.azure.com"',
        "challenge.authorization_uri",
        Severity.INFO,
        "resource=https://storage.azure.com",
    ),
    (
        "key vault authorization",
        'WWW-Authenticate: Bearer authorization="https://login.test/t", resource="https://vault"',
        "challenge.authorization_uri",
        Severity.INFO,
        "authorization=https://login.test/t",
    ),
    (
        "CAE insufficient_claims",
        'WWW-Authenticate: Bearer error="insufficient_claims", '
        'claims="eyJhY2Nlc3NfdG9rZW4iOiB7ImZvbyI6ICJiYXIifX0="',
        "challenge.claims",
        Severity.ERROR,
        '{"access_token": {"foo": "bar"}}',
    ),
    (
        "claims without insufficient_claims",
        'WWW-Authenticate: Bearer error="invalid_token", claims="e30="',
        "challenge.claims",
        Severity.INFO,
        "-> {}",
    ),
    (
        "step-up",
        'WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values="mfa"',
        "challenge.step_up",
        Severity.ERROR,
        "insufficient_user_authentication",
    ),
    (
        "dpop algs",
        'WWW-Authenticate: DPoP algs="ES256 PS256"',
        "challenge.dpop_algs",
        Severity.INFO,
        "ES256 PS256",
    ),
]


@pytest.mark.parametrize(
    ("header", "code", "severity", "evidence"),
    [c[1:] for c in EXTENSIONS],
    ids=[c[0] for c in EXTENSIONS],
)
def test_extensions(header: str, code: str, severity: Severity, evidence: str) -> None:
    found = [f for f in run(ch.extensions, resp(header)) if f.code == code]
    assert len(found) == 1
    assert found[0].severity is severity
    assert evidence in found[0].evidence


def test_claims_that_are_not_base64_are_shown_as_is() -> None:
    (finding,) = run(ch.extensions, resp('WWW-Authenticate: Bearer claims="%%%"'))
    assert finding.code == "challenge.claims"
    assert "%%%" in finding.evidence


def test_extensions_quiet_on_plain_challenge() -> None:
    assert (
        run(ch.extensions, resp('WWW-Authenticate: Bearer realm="a", error="invalid_token"')) == []
    )


def test_checks_registered() -> None:
    assert (
        ch.rfc6750_errors,
        ch.no_error,
        ch.nonstandard,
        ch.dpop_nonce,
        ch.extensions,
    ) == ch.CHECKS
