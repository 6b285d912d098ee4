"""The verdict: kind, headline and the ranking rules of the contract."""

from __future__ import annotations

import jwt
import pytest

from authtui.core.diagnose import build_context, diagnose
from authtui.core.model import Finding, Kind, Severity
from authtui.core.options import Options
from authtui.core.verdict import judge, order_findings, rank_causes

NOW = 1735689600.0
E, W, INFO, OK = Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.OK


def f(code: str, severity: Severity = E, title: str = "") -> Finding:
    return Finding(code, severity, title or f"title of {code}", fix=f"fix {code}")


def token(**claims: object) -> str:
    base: dict[str, object] = {
        "sub": "u",
        "iat": int(NOW) - 600,
        "exp": int(NOW) + 3000,
        "scope": "read",
    }
    base.update(claims)
    return jwt.encode(base, "k" * 32, "HS256")


# --- rank_causes ------------------------------------------------------------------------

RANKING = [
    (
        "server + token agreement outranks the token alone",
        [f("claims.aud_mismatch"), f("time.expired"), f("server.expired")],
        ["time.expired", "server.expired"],
    ),
    (
        "agreement on audience outranks an unconfirmed expiry",
        [f("time.expired"), f("claims.aud_mismatch"), f("server.audience")],
        ["claims.aud_mismatch", "server.audience"],
    ),
    (
        "malformed request outranks what follows from it",
        [f("challenge.invalid_request"), f("token.malformed"), f("authz.no_scheme")],
        ["authz.no_scheme"],
    ),
    (
        "bare token outranks the missing-token complaint it explains",
        [f("server.missing_token"), f("authz.no_scheme")],
        ["authz.no_scheme", "server.missing_token"],
    ),
    (
        "token facts outrank the bare server verdict",
        [f("challenge.invalid_token"), f("sig.invalid")],
        ["sig.invalid", "challenge.invalid_token"],
    ),
    (
        "errors only when there are errors",
        [f("authz.scheme_case", W), f("sig.invalid")],
        ["sig.invalid"],
    ),
    (
        "a request warning explains a bare invalid_token",
        [f("challenge.invalid_token"), f("authz.scheme_case", W), f("challenge.nonstandard", W)],
        ["authz.scheme_case", "challenge.invalid_token"],
    ),
    (
        "warnings when there is no error",
        [f("status.no_challenge", W), f("authz.scheme_case", W), f("status.unauthorized", INFO)],
        ["authz.scheme_case", "status.no_challenge"],
    ),
    ("info and ok never causes", [f("status.unauthorized", INFO), f("time.valid", OK)], []),
    (
        "internal failures never causes",
        [f("internal.check_failed", E), f("challenge.invalid_token")],
        ["challenge.invalid_token"],
    ),
    (
        "duplicates listed once",
        [f("challenge.nonstandard", W), f("challenge.nonstandard", W)],
        ["challenge.nonstandard"],
    ),
]


@pytest.mark.parametrize(
    ("findings", "prefix"), [r[1:] for r in RANKING], ids=[r[0] for r in RANKING]
)
def test_rank_causes(findings: list[Finding], prefix: list[str]) -> None:
    causes = rank_causes(findings)
    assert list(causes[: len(prefix)]) == prefix
    if not prefix:
        assert causes == ()


def test_causes_capped_at_five() -> None:
    many = [
        f(c)
        for c in (
            "time.expired",
            "sig.invalid",
            "claims.aud_mismatch",
            "claims.iss_mismatch",
            "scope.insufficient",
            "token.alg_none",
            "token.wrong_type",
        )
    ]
    assert len(rank_causes(many)) == 5


def test_order_findings_causes_first_then_severity_stably() -> None:
    findings = [
        f("status.unauthorized", INFO),
        f("authz.scheme_case", W),
        f("challenge.invalid_token"),
        f("time.expired"),
        f("time.valid", OK),
        f("token.typ", INFO),
    ]
    ordered = order_findings(findings, ("time.expired", "challenge.invalid_token"))
    assert [x.code for x in ordered] == [
        "time.expired",
        "challenge.invalid_token",
        "authz.scheme_case",
        "status.unauthorized",
        "token.typ",
        "time.valid",
    ]


# --- judge: kind and headline -----------------------------------------------------------

REQ = "GET /orders HTTP/1.1\nHost: api.test\n"


def resp(status: str, *headers: str, body: str = "") -> str:
    return f"HTTP/1.1 {status}\n" + "".join(h + "\n" for h in headers) + "\n" + body


KINDS = [
    (
        "expired token on 401",
        REQ
        + f"Authorization: Bearer {token(exp=int(NOW) - 900)}\n\n"
        + resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_token"'),
        Kind.AUTHENTICATION,
        "time.expired",
    ),
    (
        "insufficient_scope on 403",
        resp("403 Forbidden", 'WWW-Authenticate: Bearer error="insufficient_scope", scope="admin"'),
        Kind.AUTHORIZATION,
        "challenge.insufficient_scope",
    ),
    (
        "required scope missing",
        REQ + f"Authorization: Bearer {token()}\n\n" + resp("403 Forbidden"),
        Kind.AUTHORIZATION,
        "scope.insufficient",
    ),
    (
        "invalid_request on 400",
        resp("400 Bad Request", 'WWW-Authenticate: Bearer error="invalid_request"'),
        Kind.BAD_REQUEST,
        "challenge.invalid_request",
    ),
    (
        "403 without credentials is authentication",
        REQ + "\n" + resp("403 Forbidden", body='{"detail":"Not authenticated"}'),
        Kind.AUTHENTICATION,
        "authz.missing",
    ),
    ("200 is not an auth failure", resp("200 OK", body="hello"), Kind.NOT_AN_AUTH_FAILURE, None),
    (
        "bare 401 is authentication",
        resp("401 Unauthorized", "WWW-Authenticate: Bearer"),
        Kind.AUTHENTICATION,
        None,
    ),
    (
        "bare 403 with a valid token is authorization",
        REQ + f"Authorization: Bearer {token()}\n\n" + resp("403 Forbidden"),
        Kind.AUTHORIZATION,
        None,
    ),
    ("nothing pasted", "", Kind.UNKNOWN, None),
    ("expired token alone", token(exp=int(NOW) - 900), Kind.AUTHENTICATION, "time.expired"),
    (
        "bare challenge",
        'Bearer error="invalid_token"',
        Kind.AUTHENTICATION,
        "challenge.invalid_token",
    ),
]


@pytest.mark.parametrize(("text", "kind", "top"), [k[1:] for k in KINDS], ids=[k[0] for k in KINDS])
def test_kind_and_top_cause(text: str, kind: Kind, top: str | None) -> None:
    scopes = ("orders:write",) if "required scope" in text or top == "scope.insufficient" else ()
    report = diagnose(text, Options(now=NOW, scopes=scopes))
    assert report.verdict.kind is kind
    if top is not None:
        assert report.verdict.causes[0] == top
    assert report.verdict.headline.endswith(".")
    assert report.verdict.next_step


# --- rules about the server's words (each a principle, not a capture) ----------------------

BEARER = f"Authorization: Bearer {token()}\n\n"
K8S_ANONYMOUS = (
    '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"forbidden: User '
    '\\"system:anonymous\\" cannot get path \\"/orders\\"","reason":"Forbidden","code":403}'
)
EXPRESS_DEV_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Error</title></head><body><pre>'
    "UnauthorizedError: jwt expired<br> &nbsp; &nbsp;at /srv/node_modules/express-jwt/dist/"
    "index.js:99:35<br> &nbsp; &nbsp;at Layer.handle (/srv/router/lib/layer.js:152:17)</pre>"
    "</body></html>"
)

WORD_RULES = [
    (
        "the server's own words outrank a missing challenge",
        REQ + BEARER + resp("401 Unauthorized", body='{"message":"jwt audience invalid"}'),
        Kind.AUTHENTICATION,
        "server.audience",
    ),
    (
        "the server's own words outrank its bare invalid_token",
        REQ
        + BEARER
        + resp(
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token", '
            'error_description="The signature could not be verified"',
        ),
        Kind.AUTHENTICATION,
        "server.bad_signature",
    ),
    (
        "a Token challenge that judged the Bearer token: the token's fault, not the scheme",
        REQ
        + f"Authorization: Bearer {token(exp=int(NOW) - 900)}\n\n"
        + resp("401 Unauthorized", 'WWW-Authenticate: Token error="Expired token"'),
        Kind.AUTHENTICATION,
        "time.expired",
    ),
    (
        "Basic refused where Basic is asked: the user or the password",
        REQ
        + "Authorization: Basic dXNlcjp3cm9uZw==\n\n"
        + resp("401 Unauthorized", 'WWW-Authenticate: Basic realm="r"'),
        Kind.AUTHENTICATION,
        "authz.basic",
    ),
    (
        "a scheme the server's words say carried no token",
        REQ
        + f"Authorization: Token {token()}\n\n"
        + resp("401 Unauthorized", body='{"detail":"No authorization token provided"}'),
        Kind.AUTHENTICATION,
        "authz.scheme_mismatch",
    ),
    (
        "a 403 naming the anonymous user is authentication",
        REQ + BEARER + resp("403 Forbidden", body=K8S_ANONYMOUS),
        Kind.AUTHENTICATION,
        "server.missing_token",
    ),
    (
        "a list of possibilities is no reading: the bare invalid_token stays",
        REQ
        + BEARER
        + resp(
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token", error_description="The access '
            'token provided is expired, revoked, malformed or invalid for other reasons."',
        ),
        Kind.AUTHENTICATION,
        "challenge.invalid_token",
    ),
    (
        "a development error page is read by its message, not its stack trace",
        resp("401 Unauthorized", "Content-Type: text/html", body=EXPRESS_DEV_PAGE),
        Kind.AUTHENTICATION,
        "server.expired",
    ),
]


@pytest.mark.parametrize(
    ("text", "kind", "top"), [k[1:] for k in WORD_RULES], ids=[k[0] for k in WORD_RULES]
)
def test_rules_about_the_servers_words(text: str, kind: Kind, top: str) -> None:
    report = diagnose(text, Options(now=NOW))
    assert report.verdict.kind is kind
    assert report.verdict.causes[0] == top
    if top == "challenge.invalid_token":
        assert not [x for x in report.findings if x.code == "server.expired"]


def test_kind_for_required_scope() -> None:
    text = REQ + f"Authorization: Bearer {token()}\n\n" + resp("403 Forbidden")
    report = diagnose(text, Options(now=NOW, scopes=("orders:write",)))
    assert report.verdict.kind is Kind.AUTHORIZATION
    assert report.verdict.causes[0] == "scope.insufficient"


def test_headline_says_the_server_confirms() -> None:
    text = (
        REQ
        + f"Authorization: Bearer {token(exp=int(NOW) - 900)}\n\n"
        + resp(
            "401 Unauthorized",
            'WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired"',
        )
    )
    report = diagnose(text, Options(now=NOW))
    verdict = report.verdict
    assert verdict.causes[0] == "time.expired"
    assert "server.expired" not in verdict.causes  # one cause, found from two sources
    server = next(f for f in report.findings if f.code == "server.expired")
    assert server.confirms == ("time.expired",)
    assert verdict.headline.endswith("; the server's own message confirms it.")


def test_headline_notes_a_bare_invalid_token() -> None:
    text = (
        REQ
        + f"Authorization: Bearer {token(exp=int(NOW) - 900)}\n\n"
        + resp("401 Unauthorized", 'WWW-Authenticate: Bearer error="invalid_token"')
    )
    verdict = diagnose(text, Options(now=NOW)).verdict
    assert verdict.headline.endswith("(the server answered invalid_token).")


def test_invalid_request_with_a_token_fault_is_authentication() -> None:
    text = (
        REQ
        + f"Authorization: Bearer {token(exp=int(NOW) - 900)}\n\n"
        + resp("400 Bad Request", 'WWW-Authenticate: Bearer error="invalid_request"')
    )
    assert diagnose(text, Options(now=NOW)).verdict.kind is Kind.AUTHENTICATION


QUIET = [
    ("", "Nothing to diagnose yet"),
    (resp("200 OK", body="ok"), "A 200 response, not an authentication failure"),
    (
        REQ + f"Authorization: Bearer {token()}\n\n" + resp("403 Forbidden"),
        "The server accepted who",
    ),
]


@pytest.mark.parametrize(("text", "start"), QUIET)
def test_quiet_headlines(text: str, start: str) -> None:
    verdict = diagnose(text, Options(now=NOW)).verdict
    assert verdict.headline.startswith(start)
    assert verdict.causes == ()


def test_quiet_next_step_asks_for_what_is_missing() -> None:
    verdict = diagnose(resp("200 OK", body="ok"), Options(now=NOW)).verdict
    assert "token" in verdict.next_step


def test_judge_with_no_findings_uses_the_status() -> None:
    context = build_context(resp("401 Unauthorized", "WWW-Authenticate: Bearer"), Options(now=NOW))
    verdict = judge(context, [])
    assert verdict.kind is Kind.AUTHENTICATION
    assert verdict.causes == ()
    assert verdict.status == 401


def test_judge_headline_is_the_top_cause_title() -> None:
    context = build_context(resp("401 Unauthorized", "WWW-Authenticate: Bearer"), Options(now=NOW))
    verdict = judge(context, [f("sig.invalid"), f("time.expired", E, "The token expired.")])
    assert verdict.headline == "The token expired."
    assert verdict.next_step == "fix time.expired"
