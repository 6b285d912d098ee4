"""The verdict: what kind of failure, the likely causes ranked, one headline.

Ranking rules (contract, ``verdict.causes``):

* evidence that both the server (its challenge or error body) and the request
  or token support ranks above what only one side shows;
* a malformed request ranks above what follows from it (a bare token without
  ``Bearer`` explains why the server sent no error).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from authtui.core.confirms import CONFIRMED_BY, WEAKLY_CONFIRMED_BY, link_confirmations
from authtui.core.context import Context
from authtui.core.model import Finding, Kind, Severity, Verdict
from authtui.core.read.hidden import graphql_auth_errors

# Base rank of each error code: lower is more likely the cause. Codes not listed
# fall back on their area's rank.
_MALFORMED_REQUEST = 10
_TOKEN_FACT = 30
_SERVER_WORD = 50
_CONTEXT = 70

_CODE_RANK: dict[str, int] = {
    # Below HTTP or before it: nothing after it was read.
    "status.preflight": 5,
    "status.client_cert": 6,
    "status.server_cert": 7,
    "authz.stripped": 9,
    # The request itself is wrong: everything else follows from it.
    "authz.no_scheme": 10,
    "authz.no_space": 10,
    "authz.double_scheme": 11,
    "authz.quoted_token": 11,
    "authz.empty_credentials": 11,
    "authz.invalid_chars": 12,
    "authz.whitespace": 13,
    "authz.multiple": 14,
    "authz.scheme_mismatch": 15,
    "authz.wrong_header": 16,
    "authz.cookie": 16,
    "authz.missing": 17,
    "token.missing": 18,
    "token.malformed": 19,
    "token.not_jwt": 19,
    "dpop.sent_as_bearer": 20,
    "dpop.proof_missing": 21,
    "status.forbidden_without_credentials": 22,
    # Facts about the token.
    "time.server_clock": 29,
    "time.expired": 30,
    "time.not_yet_valid": 31,
    "time.iat_future": 32,
    "time.milliseconds": 32,
    "time.bad_type": 33,
    "time.window_invalid": 33,
    "token.alg_none": 34,
    "sig.alg_confusion": 34,
    "sig.kid_not_found": 35,
    "sig.invalid": 35,
    "sig.alg_mismatch": 36,
    "sig.duplicate_kid": 36,
    "sig.cert_expired": 37,
    "token.wrong_type": 37,
    "claims.aud_mismatch": 38,
    "claims.aud_missing": 39,
    "claims.iss_mismatch": 38,
    "claims.iss_missing": 39,
    "scope.insufficient": 40,
    "scope.none": 42,
    "dpop.proof_invalid": 41,
    "token.jwe": 44,
    "token.opaque": 45,
    "sig.key_error": 60,
    # The server's words.
    "challenge.dpop_nonce": 45,
    "challenge.invalid_request": 52,
    "challenge.insufficient_scope": 53,
    "challenge.invalid_token": 55,
    "status.graphql_auth": 56,
    "status.login_redirect": 57,
    "status.no_challenge": 65,
    "status.mismatch": 66,
}

_AREA_RANK = {
    "authz": _MALFORMED_REQUEST + 8,
    "token": _TOKEN_FACT + 10,
    "time": _TOKEN_FACT + 5,
    "sig": _TOKEN_FACT + 6,
    "claims": _TOKEN_FACT + 8,
    "scope": _TOKEN_FACT + 10,
    "dpop": _TOKEN_FACT + 12,
    "server": _SERVER_WORD,
    "challenge": _SERVER_WORD + 5,
    "status": _CONTEXT,
}

_AUTHENTICATION_ONLY_SERVER_WORD = frozenset({"challenge.invalid_token"})

_AUTHORIZATION_CODES = frozenset(
    {"scope.insufficient", "scope.none", "challenge.insufficient_scope", "server.scope"}
)
_BAD_REQUEST_CODES = frozenset({"challenge.invalid_request"})
# Server words that can only come from a server that read the token.
_SERVER_READ_THE_TOKEN = frozenset(
    {
        "server.expired",
        "server.not_yet_valid",
        "server.bad_signature",
        "server.unknown_key",
        "server.audience",
        "server.issuer",
        "server.scope",
        "server.wrong_token_type",
        "challenge.insufficient_scope",
    }
)
# The server refused, without saying why.
_GENERIC_REFUSALS = frozenset(
    {"challenge.invalid_token", "status.forbidden", "status.graphql_auth"}
)
# Areas that describe the request or the token (the client's side of the exchange).
_CLIENT_SIDE = ("authz.", "token.", "time.", "sig.", "claims.", "scope.", "dpop.")
# Errors in the token itself: with these, an invalid_request is not the whole story.
_TOKEN_FAULTS = ("time.", "sig.", "claims.", "token.alg_none", "token.wrong_type")
_MAX_CAUSES = 5


def _base_rank(code: str) -> int:
    if code in _CODE_RANK:
        return _CODE_RANK[code]
    return _AREA_RANK.get(code.partition(".")[0], _CONTEXT + 10)


def _score(finding: Finding, present: set[str]) -> float:
    """Lower is more likely. Confirmation by the other side moves a cause up."""
    code = finding.code
    rank = float(_base_rank(code))
    if code.startswith("authz.") and present & _SERVER_READ_THE_TOKEN:
        # The server's words show it read the token anyway: the request's form
        # did not cause this failure, whatever else it may break.
        rank += 45
    strong = CONFIRMED_BY.get(code, frozenset())
    if strong & present:
        rank -= 25
    elif code.split(".")[0] in {"time", "sig", "claims", "token"} and (
        WEAKLY_CONFIRMED_BY & present
    ):
        rank -= 10
    # A server word that the token or request backs up sits right behind that cause.
    for client_code, confirmers in CONFIRMED_BY.items():
        if code in confirmers and client_code in present:
            rank = min(rank, _base_rank(client_code) - 25 + 0.5)
    if finding.severity is Severity.WARNING:
        rank += 100
    return rank


def rank_causes(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Finding codes, most likely cause first (errors, else warnings).

    When the only errors are the server's generic refusal (``invalid_token``), a
    warning about the request or the token is the best explanation on offer (a
    weak HMAC secret, an exp inside the skew allowance): it joins the causes, ahead.
    """
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    present = {f.code for f in errors + warnings}
    generic_only = {f.code for f in errors} <= _GENERIC_REFUSALS | _SOFT_CODES
    if errors and generic_only:
        explaining = [f for f in warnings if f.code.startswith(_CLIENT_SIDE)]
        ranked = sorted(explaining, key=lambda f: _score(f, present) - 100)
        ranked += sorted(errors, key=lambda f: _score(f, present))
    else:
        pool = errors or warnings
        ranked = sorted(pool, key=lambda f: _score(f, present))
    causes: list[str] = []
    for finding in ranked:
        if finding.code not in causes and not finding.code.startswith("internal."):
            causes.append(finding.code)
    # The same cause found from two sources is one cause: a code whose every finding
    # confirms a cause already named is not named again.
    confirming = _confirming(findings, set(causes))
    return tuple(c for c in causes if c not in confirming)[:_MAX_CAUSES]


def _confirming(findings: Sequence[Finding], causes: set[str]) -> set[str]:
    """Codes whose every finding confirms one of ``causes``."""
    by_code: dict[str, bool] = {}
    for f in findings:
        confirms = bool(set(f.confirms) & causes)
        by_code[f.code] = by_code.get(f.code, True) and confirms
    return {code for code, all_confirm in by_code.items() if all_confirm}


def order_findings(findings: Iterable[Finding], causes: Sequence[str]) -> tuple[Finding, ...]:
    """Causes first in their order, then by severity; stable otherwise."""
    position = {code: i for i, code in enumerate(causes)}
    last = len(position)
    indexed = list(enumerate(findings))
    indexed.sort(key=lambda p: (p[1].severity.rank, position.get(p[1].code, last), p[0]))
    return tuple(f for _, f in indexed)


def _kind(ctx: Context, findings: Sequence[Finding], causes: Sequence[str]) -> Kind:
    errors = {f.code for f in findings if f.severity is Severity.ERROR} - _SOFT_CODES
    errors -= _confirming(findings, errors)
    if succeeded(ctx) and not errors:
        return Kind.NOT_AN_AUTH_FAILURE
    shape = _shape_kind(ctx, causes[0]) if causes else None
    if shape is not None:
        return shape
    if errors and causes:
        top = causes[0]
        if errors <= _AUTHORIZATION_CODES or top in _AUTHORIZATION_CODES:
            return Kind.AUTHORIZATION
        token_faults = any(code.startswith(_TOKEN_FAULTS) for code in errors)
        if errors & _BAD_REQUEST_CODES and not token_faults:
            return Kind.BAD_REQUEST
        malformed_request = top.startswith("authz.") or top == "server.malformed"
        if ctx.status == 400 and malformed_request and not token_faults:
            return Kind.BAD_REQUEST
        return Kind.AUTHENTICATION
    status = ctx.status
    if status in (401, 407):
        return Kind.AUTHENTICATION
    if status == 403:
        no_credentials = ctx.exchange.has_request and not ctx.credentials
        return Kind.AUTHENTICATION if no_credentials else Kind.AUTHORIZATION
    if status == 400 and "invalid_request" in ctx.challenge_errors():
        return Kind.BAD_REQUEST
    if status is not None:
        return Kind.NOT_AN_AUTH_FAILURE if not ctx.challenges else Kind.AUTHENTICATION
    if ctx.challenges or causes:
        return Kind.AUTHENTICATION
    return Kind.UNKNOWN


def _shape_kind(ctx: Context, top: str) -> Kind | None:
    """The kind a failure shape at the head of the causes implies."""
    if top in ("status.preflight", "status.client_cert", "status.login_redirect"):
        return Kind.AUTHENTICATION
    if top == "status.server_cert":
        return Kind.NOT_AN_AUTH_FAILURE
    if top == "status.graphql_auth":
        errors = graphql_auth_errors(ctx.exchange)
        forbidden = bool(errors) and all(e.authorization for e in errors)
        return Kind.AUTHORIZATION if forbidden else Kind.AUTHENTICATION
    return None


def succeeded(ctx: Context) -> bool:
    """True for a 2xx answer that hides no auth failure (no GraphQL auth error, no
    sign-in page): the request was not refused."""
    status = ctx.status
    return status is not None and 200 <= status < 300 and ctx.hidden is None


def settle(ctx: Context, findings: Iterable[Finding]) -> list[Finding]:
    """The rules that read the findings together, before the verdict is judged.

    * A 2xx that hides no auth failure failed nothing: its errors (a token in the query
      string, an expired token a lenient server took) become warnings.
    * A credentials scheme the server did not challenge, when it is the only problem
      shown on a 400 or 401 (or the server's words say it found no token it reads), is
      the cause: an error.
    * A finding that confirms another from a second source (the server's
      ``insufficient_scope`` and the token's scope, its "expired" and the token's exp)
      says so in ``confirms``, so the verdict names that cause once.
    """
    found = list(findings)
    if succeeded(ctx):
        found = [_succeeded_anyway(f, ctx.status) for f in found]
    found = _scheme_alone(ctx, found)
    return link_confirmations(found, ctx.status)


def _succeeded_anyway(finding: Finding, status: int | None) -> Finding:
    if finding.severity is not Severity.ERROR:
        return finding
    return replace(
        finding,
        severity=Severity.WARNING,
        detail=(
            finding.detail + f" The server answered {status}, so this did not make the "
            "request fail here; it may still matter (another server, a stricter setting)."
        ).lstrip(),
    )


def _scheme_alone(ctx: Context, found: list[Finding]) -> list[Finding]:
    if ctx.status not in (400, 401) or ctx.server_read_token:
        return found  # a server that read the token was not stopped by the scheme's name
    neutral = (
        _SOFT_CODES | _GENERIC_REFUSALS | {"challenge.invalid_request", "status.login_redirect"}
    )
    neutral |= CONFIRMED_BY["authz.scheme_mismatch"]
    others = [
        f
        for f in found
        if f.severity is Severity.ERROR
        and f.code != "authz.scheme_mismatch"
        and f.code not in neutral
    ]
    server_agrees = any(
        f.code == "server.missing_token" and f.severity is Severity.ERROR for f in found
    )
    if others and not server_agrees:
        return found
    return [
        replace(
            f,
            severity=Severity.ERROR,
            detail=f.detail
            + (
                " The server's own words agree: it found no token it reads."
                if server_agrees
                else " Nothing else in the request or the token explains the "
                f"{ctx.status}: this is the likely cause."
            ),
        )
        if f.code == "authz.scheme_mismatch" and f.severity is Severity.WARNING
        else f
        for f in found
    ]


# Findings that describe the situation rather than cause an authentication failure.
_SOFT_CODES = frozenset({"status.mismatch", "status.no_challenge", "challenge.nonstandard"})


def _thin_evidence_step(ctx: Context) -> str:
    if ctx.status == 407:
        return (
            "Give the client the proxy's credentials (HTTPS_PROXY=http://user:pass@proxy:port, "
            "or the proxy's Negotiate sign-in); paste the request too if it still fails."
        )
    missing = []
    if not ctx.exchange.has_response:
        missing.append("the response (status line, WWW-Authenticate, body)")
    if ctx.token is None:
        missing.append("the token or the request's Authorization header")
    if not missing:
        missing.append("the expected audience, issuer and required scope, and the issuer's JWKS")
    return "Paste " + " and ".join(missing) + "."


def judge(ctx: Context, findings: Sequence[Finding]) -> Verdict:
    """The verdict for the findings of one diagnosis."""
    causes = rank_causes(findings)
    kind = _kind(ctx, findings, causes)
    if kind is Kind.NOT_AN_AUTH_FAILURE and succeeded(ctx):
        causes = ()  # nothing failed: what is left are warnings, not causes
    by_code = {f.code: f for f in findings}
    has_error = any(f.severity is Severity.ERROR for f in findings)
    if causes and (has_error or kind is not Kind.NOT_AN_AUTH_FAILURE):
        top = by_code[causes[0]]
        headline = top.title.rstrip(".")
        present = {f.code for f in findings if f.severity is not Severity.OK}
        confirmed = CONFIRMED_BY.get(top.code, frozenset()) & present
        if confirmed:
            headline += "; the server's own message confirms it"
        elif top.code.startswith(("time.", "sig.", "claims.", "token.")) and (
            WEAKLY_CONFIRMED_BY & present
        ):
            headline += " (the server answered invalid_token)"
        return Verdict(
            status=ctx.status,
            kind=kind,
            headline=headline + ".",
            causes=causes,
            next_step=top.fix or _thin_evidence_step(ctx),
        )
    return Verdict(
        status=ctx.status,
        kind=kind,
        headline=_quiet_headline(ctx, kind),
        causes=causes,
        next_step=_thin_evidence_step(ctx),
    )


def _quiet_headline(ctx: Context, kind: Kind) -> str:
    if not ctx.exchange.has_request and not ctx.exchange.has_response and ctx.token is None:
        return "Nothing to diagnose yet: paste a response, a request, or a token."
    if kind is Kind.NOT_AN_AUTH_FAILURE and succeeded(ctx):
        return (
            f"A {ctx.status} response, not an authentication failure: the request "
            "succeeded (warnings below may still matter)."
        )
    if ctx.status == 407:
        schemes = ", ".join(
            dict.fromkeys(
                c.scheme for c in ctx.challenges if c.field_name.lower().startswith("proxy")
            )
        )
        return (
            "A proxy between you and the API asks for its own credentials in "
            "Proxy-Authorization"
            + (f" ({schemes})" if schemes else "")
            + ", not for the API's token."
        )
    if kind is Kind.NOT_AN_AUTH_FAILURE:
        return (
            f"A {ctx.status} response, not an authentication failure: nothing in the "
            "credentials or the server's answer points at auth (warnings below may still matter)."
        )
    if kind is Kind.AUTHORIZATION:
        return (
            "The server accepted who you are but refused the action: "
            "nothing in the token explains it, so look at the server's policy."
        )
    if ctx.token is not None:
        return (
            "Nothing in the token or the request explains a refusal: "
            "check it against the server's expectations."
        )
    return "Too little to go on: the verdict needs more of the exchange."
