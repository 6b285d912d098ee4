"""Credential checks: each fires when its condition holds and stays quiet otherwise."""

from __future__ import annotations

import pytest

from authtui.core.checks import authz, authz_carried
from authtui.core.context import Context
from authtui.core.jose.tokens import decode_token
from authtui.core.model import Credentials, Exchange, Finding, Note, Paste, Severity
from authtui.core.options import Options
from tests.core.test_checks_status import ctx

REQ = "GET /api HTTP/1.1\nHost: api.test\n"
CHALLENGE_401 = "\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n"
NOW = 1735689600.0


def findings(text: str, check: authz.Check | None = None, **options: object) -> list[Finding]:
    context = ctx(text, **options)
    checks = (check,) if check is not None else authz.CHECKS
    return [f for c in checks for f in c(context)]


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


def sent(header: str, response: str = CHALLENGE_401) -> str:
    return REQ + header + "\n" + response


# --- credential_form: what the parser noticed, as findings --------------------------------

FORM = [
    ("no scheme", "Authorization: abcdefghijklmnop.qrs", "authz.no_scheme", Severity.ERROR),
    ("no space", "Authorization: Bearerabcdefghijklmnop", "authz.no_space", Severity.ERROR),
    (
        "double scheme",
        "Authorization: Bearer Bearer abcdefghijkl",
        "authz.double_scheme",
        Severity.ERROR,
    ),
    ("quoted", 'Authorization: Bearer "abcdefghijkl"', "authz.quoted_token", Severity.ERROR),
    ("two spaces", "Authorization: Bearer  abcdefghijkl", "authz.whitespace", Severity.WARNING),
    (
        "invalid chars",
        "Authorization: Bearer abc{}defghijkl",
        "authz.invalid_chars",
        Severity.ERROR,
    ),
    ("lower case", "Authorization: bearer abcdefghijkl", "authz.scheme_case", Severity.WARNING),
    ("upper case", "Authorization: BEARER abcdefghijkl", "authz.scheme_case", Severity.WARNING),
    (
        "two in one value",
        "Authorization: Bearer mF_9.B6f-4.1JqM, Basic YXNkZnNhdGZzYWzmOlZLdDVOMVhx",
        "authz.multiple",
        Severity.ERROR,
    ),
    ("empty", "Authorization: Bearer", "authz.empty_credentials", Severity.ERROR),
]


@pytest.mark.parametrize(
    ("header", "code", "severity"), [c[1:] for c in FORM], ids=[c[0] for c in FORM]
)
def test_credential_form_fires(header: str, code: str, severity: Severity) -> None:
    found = findings(sent(header), authz.credential_form)
    assert code in codes(found)
    finding = next(f for f in found if f.code == code)
    assert finding.severity is severity
    assert finding.evidence.startswith("Authorization: ")
    assert finding.fix and "RFC 6750 §2.1" in finding.refs


@pytest.mark.parametrize(
    "header",
    [
        "Authorization: Bearer abcdefghijkl",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
        "Authorization: DPoP abcdefghijkl",
        "Authorization: Basic dXNlcjpwYXNzd29yZA==",
    ],
)
def test_credential_form_quiet_on_well_formed(header: str) -> None:
    assert findings(sent(header), authz.credential_form) == []


def test_bare_token_in_custom_header_is_not_no_scheme() -> None:
    found = findings(sent("X-Access-Token: abcdefghijklmnop"), authz.credential_form)
    assert "authz.no_scheme" not in codes(found)


def test_line_break_inside_the_token_is_an_error() -> None:
    token = decode_token("abcdefghijkl")
    cred = Credentials(
        scheme="Bearer",
        token68="abcdefghijkl",
        raw="Bearer abcdef\nghijkl",
        notes=(Note("authz.whitespace", "A line break inside the token.", "abcdef\\nghijkl"),),
    )
    context = _by_hand((cred,), token)
    (finding,) = authz.credential_form(context)
    assert finding.code == "authz.whitespace"
    assert finding.severity is Severity.ERROR


def _by_hand(creds: tuple[Credentials, ...], token: object = None) -> Context:
    exchange = Exchange(method="GET", target="/", status=401)
    return Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=None,
        credentials=creds,
        token=token,  # type: ignore[arg-type]
    )


# --- missing ----------------------------------------------------------------------------

MISSING = [
    ("401 shown request", REQ + CHALLENGE_401, Severity.ERROR),
    ("403 shown request", REQ + "\nHTTP/1.1 403 Forbidden\n\n", Severity.ERROR),
    (
        "challenge without refusal status",
        REQ + "\nHTTP/1.1 200 OK\nWWW-Authenticate: Bearer\n\n",
        Severity.ERROR,
    ),
    ("200 shown request", REQ + "\nHTTP/1.1 200 OK\n\n", Severity.WARNING),
    ("request only", REQ, Severity.WARNING),
]


@pytest.mark.parametrize(
    ("text", "severity"), [c[1:] for c in MISSING], ids=[c[0] for c in MISSING]
)
def test_missing_fires(text: str, severity: Severity) -> None:
    (finding,) = findings(text, authz_carried.missing)
    assert finding.code == "authz.missing"
    assert finding.severity is severity
    assert "Host" in finding.evidence


@pytest.mark.parametrize(
    "text",
    [
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n",  # no request shown
        sent("Authorization: Bearer abcdefghijkl"),
        sent("X-Access-Token: abcdefghijkl"),
        "GET /api?access_token=abcdefghijkl HTTP/1.1\nHost: a\n" + CHALLENGE_401,
    ],
    ids=["response only", "bearer", "custom header", "query"],
)
def test_missing_quiet(text: str) -> None:
    assert findings(text, authz_carried.missing) == []


# --- scheme_mismatch --------------------------------------------------------------------

SCHEME = [
    (
        "basic vs bearer",
        "Authorization: Basic dXNlcjpwYXNz",
        CHALLENGE_401,
        Severity.ERROR,
        "Basic",
    ),
    (
        "bearer vs basic only",
        "Authorization: Bearer abcdefghijkl",
        '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="Spring"\n\n',
        Severity.ERROR,
        "Bearer",
    ),
    (
        "bearer vs dpop",
        "Authorization: Bearer abcdefghijkl",
        '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP algs="ES256"\n\n',
        Severity.ERROR,
        "Bearer",
    ),
    ("JWT vs bearer", "Authorization: JWT abcdefghijkl", CHALLENGE_401, Severity.ERROR, "JWT"),
    (
        "Token vs bearer",
        "Authorization: Token abcdefghijkl",
        CHALLENGE_401,
        Severity.ERROR,
        "Token",
    ),
    (
        "JWT, no challenge",
        "Authorization: JWT abcdefghijkl",
        "\nHTTP/1.1 401 Unauthorized\n\n",
        Severity.WARNING,
        "JWT",
    ),
    # No challenge, but the server's words name the scheme it reads.
    (
        "basic, the words show Bearer",
        "Authorization: Basic dXNlcjpwYXNz",
        "\nHTTP/1.1 401 Unauthorized\n\nBad Authorization header format. Format is "
        '"Authorization: Bearer <token>"',
        Severity.ERROR,
        "Basic",
    ),
    (
        "Token, the words say it must start with Bearer",
        "Authorization: Token abcdefghijkl",
        "\nHTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n"
        '{"description": "Invalid Authorization header: Must start with Bearer"}',
        Severity.ERROR,
        "Token",
    ),
    # No challenge, but the server's words say no token reached it.
    (
        "Token, the server saw no token",
        "Authorization: Token abcdefghijkl",
        '\nHTTP/1.1 401 Unauthorized\n\n{"detail": "No authorization token provided"}',
        Severity.ERROR,
        "Token",
    ),
    (
        "basic, the server saw no token",
        "Authorization: Basic dXNlcjpwYXNz",
        '\nHTTP/1.1 401 Unauthorized\n\n{"detail": "No authorization token provided"}',
        Severity.ERROR,
        "Basic",
    ),
    (
        "basic, the words speak of a token",
        "Authorization: Basic dXNlcjpwYXNz",
        '\nHTTP/1.1 401 Unauthorized\n\n{"error": "the JWT could not be read"}',
        Severity.ERROR,
        "Basic",
    ),
    # The server calls its scheme Token or JWT, yet its words show it read the Bearer token.
    (
        "bearer to a Token challenge that judged the token",
        "Authorization: Bearer abcdefghijkl",
        '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Token error="Expired token"\n\n',
        Severity.WARNING,
        "Bearer",
    ),
    (
        "bearer to a JWT challenge on a 403",
        "Authorization: Bearer abcdefghijkl",
        "\nHTTP/1.1 403 Forbidden\nWWW-Authenticate: JWT realm=api\n\n",
        Severity.WARNING,
        "Bearer",
    ),
]

_WHY = {
    "JWT, no challenge": "guess",
    "bearer to a Token challenge that judged the token": "read the token",
    "bearer to a JWT challenge on a 403": "read the token",
    "basic, the words show Bearer": "its own message",
    "Token, the words say it must start with Bearer": "its own message",
}


@pytest.mark.parametrize(
    ("name", "header", "response", "severity", "scheme"),
    SCHEME,
    ids=[c[0] for c in SCHEME],
)
def test_scheme_mismatch_fires(
    name: str, header: str, response: str, severity: Severity, scheme: str
) -> None:
    (finding,) = findings(sent(header, response), authz.scheme_mismatch)
    assert finding.code == "authz.scheme_mismatch"
    assert finding.severity is severity
    assert finding.title.startswith(f"{scheme} credentials sent")
    if name in _WHY:
        assert _WHY[name] in finding.detail


def test_a_basic_sent_where_a_token_challenge_judged_garbage_stays_an_error() -> None:
    """A server that calls a Basic value a malformed token never got a token: the scheme is
    the cause."""
    response = (
        '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Token error="Invalid token format"\n\n'
    )
    (finding,) = findings(
        sent("Authorization: Basic dXNlcjpwYXNz", response), authz.scheme_mismatch
    )
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("header", "response"),
    [
        ("Authorization: Bearer abcdefghijkl", CHALLENGE_401),
        ("Authorization: bearer abcdefghijkl", CHALLENGE_401),
        ("Authorization: Bearer abcdefghijkl", "\nHTTP/1.1 401 Unauthorized\n\n"),
        ("Authorization: Basic dXNlcjpwYXNz", "\nHTTP/1.1 401 Unauthorized\n\n"),
        (
            "Authorization: DPoP abcdefghijkl",
            '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP algs="ES256", Bearer\n\n',
        ),
        ("X-Access-Token: abcdefghijkl", CHALLENGE_401),
        (
            "Authorization: Bearer abcdefghijkl",
            '\nHTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="p"\n\n',
        ),
        (
            "Authorization: Bearer abcdefghijkl",
            "\nHTTP/1.1 401 Unauthorized\n\nInvalid Authorization header: Must start with Bearer",
        ),
        (
            "Authorization: Bearer abcdefghijkl",
            '\nHTTP/1.1 401 Unauthorized\n\n{"detail": "No authorization token provided"}',
        ),
    ],
    ids=[
        "same",
        "case only",
        "no challenge",
        "basic no challenge",
        "dpop offered",
        "custom",
        "proxy",
        "the scheme the words name",
        "bearer the server did not see",
    ],
)
def test_scheme_mismatch_quiet(header: str, response: str) -> None:
    assert findings(sent(header, response), authz.scheme_mismatch) == []


# --- basic ------------------------------------------------------------------------------


def test_basic_shows_the_user_never_the_password() -> None:
    # user:s3cretPass
    (finding,) = findings(sent("Authorization: Basic dXNlcjpzM2NyZXRQYXNz"), authz.basic)
    assert finding.code == "authz.basic"
    assert finding.severity is Severity.INFO
    assert "'user'" in finding.title
    text = " ".join((finding.title, finding.detail, finding.evidence, finding.fix))
    assert "s3cretPass" not in text
    assert "dXNlcjpzM2NyZXRQYXNz" not in text
    assert "password is present" in finding.detail


def test_basic_quiet_for_bearer() -> None:
    assert findings(sent("Authorization: Bearer abcdefghijkl"), authz.basic) == []


def test_basic_that_is_not_base64_is_a_warning() -> None:
    (finding,) = findings(sent("Authorization: Basic %%%notbase64%%%"), authz.basic)
    assert finding.severity is Severity.WARNING


BASIC_401 = '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="r"\n\n'
PROXY_407 = '\nHTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="p"\n\n'

REFUSED = [
    ("refused by a Basic server", "Authorization: Basic dXNlcjpwYXNz", BASIC_401, Severity.ERROR),
    ("refused by a proxy", "Proxy-Authorization: Basic dXNlcjpwYXNz", PROXY_407, Severity.ERROR),
    (
        "a Bearer server: the scheme",
        "Authorization: Basic dXNlcjpwYXNz",
        CHALLENGE_401,
        Severity.INFO,
    ),
    (
        "a 403: accepted, not allowed",
        "Authorization: Basic dXNlcjpwYXNz",
        BASIC_401.replace("401 Unauthorized", "403 Forbidden"),
        Severity.INFO,
    ),
    (
        "proxy credentials, origin's 401",
        "Proxy-Authorization: Basic dXNlcjpwYXNz",
        BASIC_401,
        Severity.INFO,
    ),
    (
        "no colon: malformed, not refused",
        "Authorization: Basic dXNlcnBhc3M=",
        BASIC_401,
        Severity.WARNING,
    ),
    (
        "a 401 with no challenge: likely refused",
        "Authorization: Basic dXNlcjpwYXNz",
        "\nHTTP/1.1 401 Unauthorized\n\n",
        Severity.WARNING,
    ),
    (
        "a 401 with no challenge whose words want a token: the scheme, not the password",
        "Authorization: Basic dXNlcjpwYXNz",
        '\nHTTP/1.1 401 Unauthorized\n\n{"message": "Invalid token"}',
        Severity.INFO,
    ),
]


@pytest.mark.parametrize(
    ("header", "response", "severity"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_basic_refused_by_a_server_that_asks_for_basic(
    header: str, response: str, severity: Severity
) -> None:
    """Well-formed Basic credentials refused where Basic is asked: the user or password."""
    (finding,) = findings(sent(header, response), authz.basic)
    assert finding.severity is severity
    if "refused" in finding.title:
        assert finding.title == "The server refused the Basic credentials of user 'user'"
        assert "password is wrong" in finding.detail
        assert "cGFzcw" not in finding.evidence and "pass" not in finding.evidence


# --- multiple ---------------------------------------------------------------------------


def test_multiple_places() -> None:
    text = sent("Authorization: Bearer abcdefghijkl\nX-Access-Token: abcdefghijkl")
    (finding,) = findings(text, authz.multiple)
    assert finding.code == "authz.multiple"
    assert finding.severity is Severity.ERROR
    assert "Authorization" in finding.evidence and "X-Access-Token" in finding.evidence


def test_multiple_quiet_for_one() -> None:
    assert findings(sent("Authorization: Bearer abcdefghijkl"), authz.multiple) == []


# --- wrong_header -----------------------------------------------------------------------

WRONG = [
    (
        "x-authorization",
        REQ + "X-Authorization: Bearer abcdefghijkl\n" + CHALLENGE_401,
        Severity.ERROR,
        "X-Authorization",
    ),
    (
        "x-access-token",
        REQ + "X-Access-Token: abcdefghijkl\n" + CHALLENGE_401,
        Severity.ERROR,
        "X-Access-Token",
    ),
    (
        "query",
        "GET /userinfo?access_token=abcdefghijkl HTTP/1.1\nHost: a\n" + CHALLENGE_401,
        Severity.ERROR,
        "query string",
    ),
    (
        "custom beside Authorization",
        REQ + "Authorization: Bearer abcdefghijkl\nX-Access-Token: abcdefghijkl\n" + CHALLENGE_401,
        Severity.WARNING,
        "X-Access-Token",
    ),
]


@pytest.mark.parametrize(
    ("text", "severity", "where"), [c[1:] for c in WRONG], ids=[c[0] for c in WRONG]
)
def test_wrong_header_fires(text: str, severity: Severity, where: str) -> None:
    (finding,) = findings(text, authz.wrong_header)
    assert finding.code == "authz.wrong_header"
    assert finding.severity is severity
    assert where in finding.title
    assert "Authorization: Bearer" in finding.fix


def test_wrong_header_quiet_for_authorization_and_form_body() -> None:
    assert findings(sent("Authorization: Bearer abcdefghijkl"), authz.wrong_header) == []
    form = (
        "POST /api HTTP/1.1\nHost: a\nContent-Type: application/x-www-form-urlencoded\n\n"
        "access_token=abcdefghijkl"
    )
    assert "authz.wrong_header" not in codes(findings(form, authz.wrong_header))


# --- token_mismatch ---------------------------------------------------------------------


def test_token_mismatch_fires_and_redacts() -> None:
    text = sent("Authorization: Bearer abcdefghijklmnop")
    (finding,) = findings(text, authz.token_mismatch, token="zyxwvutsrqponmlk")
    assert finding.code == "authz.token_mismatch"
    assert finding.severity is Severity.WARNING
    assert "abcdefghijklmnop" not in finding.evidence
    assert "zyxwvutsrqponmlk" not in finding.evidence
    assert "16 chars" in finding.evidence


@pytest.mark.parametrize(
    ("text", "token"),
    [
        (sent("Authorization: Bearer abcdefghijklmnop"), "abcdefghijklmnop"),
        (sent("Authorization: Bearer abcdefghijklmnop"), None),
        (REQ + CHALLENGE_401, "abcdefghijklmnop"),
    ],
    ids=["same", "none pasted", "none sent"],
)
def test_token_mismatch_quiet(text: str, token: str | None) -> None:
    assert findings(text, authz.token_mismatch, token=token) == []


def test_a_clean_bearer_request_raises_nothing() -> None:
    assert findings(sent("Authorization: Bearer abcdefghijkl")) == []
