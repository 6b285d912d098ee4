"""Checks: what the server's challenge says (RFC 6750 errors, DPoP, extensions)."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.codec.b64 import decode_b64url
from authtui.core.context import Context
from authtui.core.controls import control
from authtui.core.model import Challenge, Finding, Severity

_RFC6750 = "RFC 6750 §3.1"
_KNOWN_ERRORS = frozenset(
    {
        "invalid_request",
        "invalid_token",
        "insufficient_scope",
        "use_dpop_nonce",  # RFC 9449 §9
        "invalid_dpop_proof",  # RFC 9449 §7.1
        "insufficient_user_authentication",  # RFC 9470
        "insufficient_claims",  # Microsoft Entra continuous access evaluation
    }
)
# Error codes that belong to the token endpoint (RFC 6749 §5.2), seen at resources.
_TOKEN_ENDPOINT_ERRORS = frozenset(
    {"invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type"}
)


def _describe(challenge: Challenge) -> str:
    params = ", ".join(f'{k}="{v}"' for k, v in challenge.params.items())
    if challenge.token68:
        params = challenge.token68
    return f"{challenge.field_name}: {challenge.scheme} {params}".rstrip()


def _error_of(challenge: Challenge) -> str | None:
    error = challenge.params.get("error")
    return error.strip().lower() if error is not None else None


def _description(challenge: Challenge) -> str:
    text = challenge.params.get("error_description", "")
    return f' The server adds: "{text}".' if text else ""


def rfc6750_errors(ctx: Context) -> Iterator[Finding]:
    """invalid_token, insufficient_scope, invalid_request: the server's own verdict."""
    for challenge in ctx.challenges:
        error = _error_of(challenge)
        if error == "invalid_token":
            yield Finding(
                "challenge.invalid_token",
                Severity.ERROR,
                "The server rejected the token (invalid_token)",
                detail=(
                    "The token was read and refused: expired, revoked, malformed, signed by a "
                    "key the server does not trust, or meant for another audience or issuer."
                    + _description(challenge)
                ),
                evidence=_describe(challenge),
                source=sources.challenge(challenge),
                fix="Get a new token; if a fresh one fails too, compare its aud, iss and "
                "signing key with what the API expects (give them: "
                + ", ".join(control(name, ctx.options.front) for name in ("aud", "iss", "key"))
                + ").",
                refs=(_RFC6750,),
            )
        elif error == "insufficient_scope":
            scope = challenge.params.get("scope", "")
            yield Finding(
                "challenge.insufficient_scope",
                Severity.ERROR,
                "The server says the token lacks the scope this request needs",
                detail=(
                    "The token was accepted but does not grant enough."
                    + (
                        f" The server asks for: {scope}."
                        if scope
                        else " The server did not say which scope."
                    )
                    + _description(challenge)
                ),
                evidence=_describe(challenge),
                source=sources.challenge(challenge),
                fix="Request a token with the required scope (the user may need to consent again).",
                refs=(_RFC6750, "RFC 6749 §3.3"),
            )
        elif error == "invalid_request":
            yield Finding(
                "challenge.invalid_request",
                Severity.ERROR,
                "The server says the request itself is malformed (invalid_request)",
                detail=(
                    "A parameter is missing, repeated or unsupported, the token was sent more "
                    "than one way, or it travelled where this server does not accept it."
                    + _description(challenge)
                ),
                evidence=_describe(challenge),
                source=sources.challenge(challenge),
                fix="Send the token once, in `Authorization: Bearer <token>`, "
                "and check the request.",
                refs=(_RFC6750, "RFC 6750 §2"),
            )


def no_error(ctx: Context) -> Iterator[Finding]:
    """Credentials were sent, yet the Bearer challenge carries no error."""
    if not ctx.credentials or not ctx.exchange.has_request:
        return
    plain = [
        c
        for c in ctx.challenges
        if c.scheme_key in ("bearer", "dpop") and "error" not in c.params and c.token68 is None
    ]
    if not plain or any("error" in c.params for c in ctx.challenges):
        return
    if ctx.server_read_token:
        return  # the server's own words show it read the token
    yield Finding(
        "challenge.no_error",
        Severity.WARNING,
        "Credentials were sent, yet the server's challenge names no error",
        detail=(
            "RFC 6750 servers leave out the error only when the request had no credentials. "
            "So the server probably never saw them: stripped by a proxy or the app server "
            "(mod_wsgi needs WSGIPassAuthorization On), sent in a header it does not read, or "
            "under a scheme it did not recognise."
        ),
        evidence=_describe(plain[0]),
        source=sources.challenge(plain[0]),
        fix="Check the Authorization header reaches the application (log it at the edge).",
        refs=(_RFC6750,),
    )


def nonstandard(ctx: Context) -> Iterator[Finding]:
    """Deviations the parser read leniently: one finding per challenge, naming each."""
    per_challenge = {note for c in ctx.challenges for note in c.notes}
    for challenge in ctx.challenges:
        if challenge.notes:
            yield _lenient_reading(challenge)
    for note in dict.fromkeys(n for n in ctx.challenge_notes if n not in per_challenge):
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"Non-standard challenge field: {note.message}",
            detail=_LENIENT,
            evidence=note.evidence,
            fix=_RFC_SYNTAX,
            refs=("RFC 9110 §11.6.1",),
        )
    for challenge in ctx.challenges:
        yield from _odd_challenge(challenge)
    yield from _misspelled_field(ctx)


_LENIENT = (
    "authtui read it leniently, as browsers do; stricter clients may not, and the "
    "parameters may not mean what the server intended."
)
_RFC_SYNTAX = (
    'If you own the server, send RFC 9110 syntax: `Bearer realm="api", error="invalid_token"` '
    "(commas between parameters, quoted values)."
)


def _lenient_reading(challenge: Challenge) -> Finding:
    messages = list(dict.fromkeys(note.message for note in challenge.notes))
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    return Finding(
        "challenge.nonstandard",
        Severity.WARNING,
        f"Non-standard {challenge.scheme} challenge: {messages[0].rstrip('.')}{more}",
        detail=_LENIENT
        + " Deviations: "
        + " ".join(f"({i}) {m}" for i, m in enumerate(messages, 1)),
        evidence=f"{challenge.field_name}: {challenge.raw}"
        if challenge.raw
        else _describe(challenge),
        source=sources.challenge(challenge),
        fix=_RFC_SYNTAX,
        refs=("RFC 9110 §11.6.1", "RFC 9110 §11.2"),
    )


def _misspelled_field(ctx: Context) -> Iterator[Finding]:
    fields = {
        c.field_name: c
        for c in reversed(ctx.challenges)
        if c.field_name.lower() not in ("www-authenticate", "proxy-authenticate")
    }
    for name in sorted(fields):
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"The challenge travels in a misspelled header: {name}",
            detail=(
                "Clients look for WWW-Authenticate; under another name the challenge is "
                "invisible to them (authtui read it anyway)."
            ),
            evidence=f"{name}: …",
            fix="If you own the server, send the challenge as WWW-Authenticate.",
            refs=("RFC 9110 §11.6.1",),
            source=sources.challenge(fields[name]),
        )


def _odd_challenge(challenge: Challenge) -> Iterator[Finding]:
    raw_error = challenge.params.get("error")
    error = _error_of(challenge)
    if raw_error is not None and error not in _KNOWN_ERRORS:
        from_token_endpoint = error in _TOKEN_ENDPOINT_ERRORS
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"Unknown error code in the challenge: {raw_error!r}",
            detail=(
                "That is a token-endpoint error (RFC 6749 §5.2), not a resource-server one: "
                "the gateway forwarded what the authorization server said."
                if from_token_endpoint
                else "RFC 6750 defines invalid_request, invalid_token and insufficient_scope; "
                "clients will not know what this one means."
            ),
            evidence=_describe(challenge),
            source=sources.challenge(challenge),
            fix="Read error_description and the body for the real reason.",
            refs=(_RFC6750,),
        )
    elif raw_error is not None and raw_error != raw_error.strip().lower():
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"Error code written {raw_error!r} instead of {error!r}",
            detail="RFC 6750 error codes are lower case; clients that compare exactly miss it.",
            evidence=_describe(challenge),
            source=sources.challenge(challenge),
            fix=f"Treat it as {error}.",
            refs=(_RFC6750,),
        )
    if challenge.params.get("realm") in ("null", "undefined", "None"):
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"realm={challenge.params['realm']!r}: a null value printed by the server",
            detail="The server's realm setting is empty and was stringified.",
            evidence=_describe(challenge),
            source=sources.challenge(challenge),
            fix="Harmless for clients; if you own the server, configure the realm.",
            refs=("RFC 9110 §11.5",),
        )
    if challenge.scheme_key in ("oauth", "oauth2", "jwt"):
        yield Finding(
            "challenge.nonstandard",
            Severity.WARNING,
            f"Challenge scheme {challenge.scheme!r} instead of Bearer",
            detail="OAuth 2.0 resource servers challenge with `Bearer` (RFC 6750).",
            evidence=_describe(challenge),
            source=sources.challenge(challenge),
            fix="Send `Authorization: Bearer <token>`; the server's scheme name is non-standard.",
            refs=("RFC 6750 §3",),
        )


def dpop_nonce(ctx: Context) -> Iterator[Finding]:
    """use_dpop_nonce: retry with the DPoP-Nonce the server sent."""
    wants_nonce = [c for c in ctx.challenges if _error_of(c) == "use_dpop_nonce"]
    body_says = '"use_dpop_nonce"' in ctx.exchange.body[:4096]
    if not wants_nonce and not body_says:
        return
    nonces = ctx.exchange.response_header("DPoP-Nonce")
    evidence = _describe(wants_nonce[0]) if wants_nonce else "body: error use_dpop_nonce"
    if nonces:
        evidence += f"; DPoP-Nonce: {nonces[0]}"
    yield Finding(
        "challenge.dpop_nonce",
        Severity.ERROR,
        "The server requires a fresh nonce in the DPoP proof",
        detail=(
            "Not a broken token: a DPoP server asks the client to retry with a proof whose "
            "`nonce` claim is the value of the DPoP-Nonce response header. Good clients do "
            "this once, automatically."
            + ("" if nonces else " No DPoP-Nonce header was pasted; look for it in the response.")
            + (
                " More than one DPoP-Nonce header was sent, which RFC 9449 forbids."
                if len(nonces) > 1
                else ""
            )
        ),
        evidence=evidence,
        fix=(
            f'Retry with a new DPoP proof carrying "nonce": "{nonces[0]}".'
            if nonces
            else "Retry with a new DPoP proof carrying the server's DPoP-Nonce value."
        ),
        refs=("RFC 9449 §9", "RFC 9449 §8"),
        source=sources.challenge(wants_nonce[0]) if wants_nonce else sources.body(ctx.exchange),
    )


def extensions(ctx: Context) -> Iterator[Finding]:
    """Parameters beyond RFC 6750 that tell the client where to go next."""
    for challenge in ctx.challenges:
        params = challenge.params
        if "resource_metadata" in params:
            yield Finding(
                "challenge.resource_metadata",
                Severity.INFO,
                "The server points at its protected-resource metadata",
                detail="RFC 9728: clients (MCP among them) read it to find the "
                "authorization server.",
                evidence=f"resource_metadata={params['resource_metadata']}",
                fix="Fetch that document yourself to see which issuer and scopes the API expects.",
                refs=("RFC 9728 §5.1",),
                source=sources.challenge(challenge),
            )
        for name in ("authorization_uri", "authorization"):
            if name in params:
                yield Finding(
                    "challenge.authorization_uri",
                    Severity.INFO,
                    "The server names the authorization server to get a token from",
                    detail="Microsoft Entra ID and Okta add this non-standard parameter; "
                    "a tenant id in it tells which tenant's token the API wants.",
                    evidence=f"{name}={params[name]}"
                    + (
                        f"; resource={params.get('resource_id') or params.get('resource')}"
                        if params.get("resource_id") or params.get("resource")
                        else ""
                    ),
                    fix="Request the token from that authority, for that resource.",
                    refs=("RFC 6750 §3",),
                    source=sources.challenge(challenge),
                )
                break
        if "claims" in params:
            yield _claims_challenge(challenge)
        if _error_of(challenge) == "insufficient_user_authentication":
            yield Finding(
                "challenge.step_up",
                Severity.ERROR,
                "The server wants a stronger or more recent sign-in (step-up)",
                detail="RFC 9470: the token is valid but the authentication behind it is too "
                "weak or too old for this resource.",
                evidence=_describe(challenge),
                source=sources.challenge(challenge),
                fix="Sign in again with the acr_values / max_age the challenge names.",
                refs=("RFC 9470 §3",),
            )
        if challenge.scheme_key == "dpop" and "algs" in params:
            yield Finding(
                "challenge.dpop_algs",
                Severity.INFO,
                "The server accepts DPoP proofs signed with: " + params["algs"],
                evidence=_describe(challenge),
                source=sources.challenge(challenge),
                fix="Sign the DPoP proof with one of these algorithms.",
                refs=("RFC 9449 §7.1",),
            )


def _claims_challenge(challenge: Challenge) -> Finding:
    value = challenge.params["claims"]
    decoded, _ = decode_b64url(value)  # padded standard base64 in the wild: read leniently
    text = value if decoded is None else decoded.decode("utf-8", errors="replace")
    return Finding(
        "challenge.claims",
        Severity.ERROR if _error_of(challenge) == "insufficient_claims" else Severity.INFO,
        "A claims challenge: the token must be reissued with more claims",
        detail=(
            "Microsoft Entra continuous access evaluation (CAE): the session changed (revoked, "
            "location or policy) and the client must get a new token passing these claims."
        ),
        evidence=f"claims={value} -> {text}",
        fix="Acquire a new token with this claims request (MSAL: WithClaims(...)).",
        refs=("OpenID Connect Core §5.5",),
        source=sources.challenge(challenge),
    )


CHECKS: tuple[Check, ...] = (rfc6750_errors, no_error, nonstandard, dpop_nonce, extensions)
