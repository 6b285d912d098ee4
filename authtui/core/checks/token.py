"""Checks: token. What the token is (its kind: :mod:`.token_kind`; its header:
:mod:`.token_header`).

Each check reads ``ctx.token`` (the access token under diagnosis). Nothing here
verifies a signature or fetches anything a header points to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from authtui.core import sources
from authtui.core.checks import Check, token_header, token_kind
from authtui.core.checks.evidence import short, shown, token_start, where
from authtui.core.context import Context
from authtui.core.controls import via
from authtui.core.jose.tokens import WHITESPACE_NOTE, opaque_issuer
from authtui.core.model import Finding, Severity, Token, TokenForm
from authtui.core.safety.secrets import redacted_form

HEADER_LIMIT = 8192
"""Bytes per request header line at which common front ends refuse the request
(nginx ``large_client_header_buffers 4 8k``, many load balancers)."""


# --- what the token is ----------------------------------------------------------


def _has_token(ctx: Context) -> bool:
    tokens = (ctx.token, ctx.request_token, ctx.pasted_token)
    if any(t is not None and t.form is not TokenForm.NONE for t in tokens):
        return True
    return any(c.token68 for c in ctx.credentials)


def check_missing(ctx: Context) -> Iterator[Finding]:
    """``token.missing``: no token in the request or anywhere in the paste."""
    if _has_token(ctx):
        return
    bearer_asked = any(c.scheme_key in ("bearer", "dpop") for c in ctx.challenges)
    server_saw_token = bool(ctx.challenge_errors()) or ctx.server_read_token
    title = "No token was sent or pasted"
    if ctx.exchange.has_request:
        # With no credentials at all, authz.missing already is the error.
        severity = Severity.ERROR if ctx.credentials else Severity.INFO
        evidence = "request headers: " + (
            ", ".join(h.name for h in ctx.exchange.request_headers) or "none"
        )
    elif ctx.exchange.has_response:
        evidence = "only the response was pasted"
        if bearer_asked and not server_saw_token and ctx.status in (401, 403):
            severity = Severity.WARNING
            title = "The server saw no token: its challenge names no error"
            evidence += "; " + ", ".join(f"{c.field_name}: {c.scheme}" for c in ctx.challenges)
        else:
            severity = Severity.INFO
            title = "No token pasted: only the server's side can be read"
    else:
        severity = Severity.INFO
        evidence = "nothing that holds a token was pasted"
    yield Finding(
        "token.missing",
        severity,
        title,
        detail=(
            "Neither the request nor the paste holds a token, so there is nothing to check. "
            + (
                "The server asked for a Bearer token: a request without one fails with 401."
                if bearer_asked
                else "Without the token only the server's answer can be read."
            )
        ),
        evidence=evidence,
        fix=(
            "Paste the request as it was sent, with its `Authorization: Bearer <token>` line, "
            f"or give the access token on its own {via('token', ctx.front)}. If the request "
            "really had no token, have the client attach one."
        ),
        refs=("RFC 6750 §2.1", "RFC 6750 §3.1"),
        source=sources.request_line(ctx.exchange) if ctx.exchange.has_request else None,
    )


def check_malformed(ctx: Context) -> Iterator[Finding]:
    """``token.malformed``: tries to be a JWT and fails; which segment and why."""
    token = ctx.token
    if token is None or token.form is not TokenForm.MALFORMED:
        return
    reasons = [n.message for n in token.notes if n.code == "token.malformed"]
    redact = ctx.options.redact
    # A piece from inside the token: shown only when credentials may be (--no-redact).
    evidence = "" if redact else next((n.evidence for n in token.notes if n.evidence), "")
    yield Finding(
        "token.malformed",
        Severity.ERROR,
        "The token looks like a JWT but cannot be read: " + (reasons[0] if reasons else "?"),
        detail=(
            "A server rejects a JWT it cannot parse (usually invalid_token). "
            + " ".join(reasons[:4])
            + (" The token may have been cut short when it was copied." if reasons else "")
        ),
        evidence=f"{where(token)}: {len(token.raw)} characters, {token.raw.count('.') + 1} "
        f"segments, starting {token_start(token, 16, redact)!r}"
        + (f"; near {evidence!r}" if evidence else ""),
        fix=(
            "Copy the token again, whole, from where the client got it (the token response "
            "or the client's log), and compare its length with this one."
        ),
        refs=("RFC 7519 §7.2", "RFC 7515 §7.1", "RFC 6750 §3.1"),
        source=sources.token(token),
    )


def _start(text: str, redact: bool) -> str:
    """A part of a token (its signature segment) as evidence shows it."""
    return redacted_form(text) if redact else short(text, 16)


def check_opaque(ctx: Context) -> Iterator[Finding]:
    """``token.opaque``: a reference token; only its issuer can check it."""
    token = ctx.token
    if token is None or token.form is not TokenForm.OPAQUE:
        return
    known = opaque_issuer(token.raw)
    what = known[0] if known else "an opaque (reference) token"
    if known is None and token.raw.isdigit():
        what = "a number, not a usual token"
    yield Finding(
        "token.opaque",
        Severity.INFO,
        f"The token is not a JWT: {what}",
        detail=(
            "Its claims (expiry, audience, scope) cannot be read offline. Only the issuer "
            "can say whether it is valid and what it grants, through its introspection "
            "endpoint (RFC 7662) or its own token-info API."
            + (
                " This looks like an API key or refresh token rather than an access token."
                if known and known[1] != "access"
                else ""
            )
        ),
        evidence=f"{where(token)}: {token_start(token, 8, ctx.options.redact)} "
        f"({len(token.raw)} characters)",
        fix=(
            "Ask the issuer about it: POST it to the introspection endpoint and read `active`, "
            "`exp`, `scope` and `aud`; or, if the API expects a JWT, request the token with the "
            "API's audience/resource so the issuer returns a JWT access token."
        ),
        refs=("RFC 7662 §2", "RFC 6750 §1.2"),
        source=sources.token(token),
    )


def check_jwe(ctx: Context) -> Iterator[Finding]:
    """``token.jwe``: an encrypted token; only its header is readable here."""
    token = ctx.token
    if token is None or token.form is not TokenForm.JWE:
        return
    header = token.header or {}
    yield Finding(
        "token.jwe",
        Severity.INFO,
        "The token is encrypted (JWE): its claims cannot be read offline",
        detail=(
            "Only the holder of the decryption key (the API, or the issuer) can read it. An "
            "API that expects a signed JWT (JWS) rejects it as malformed."
        ),
        evidence=f"{where(token)}: header alg={shown(header.get('alg'))}, "
        f"enc={shown(header.get('enc'))}",
        fix=(
            "If the API is meant to decrypt it, check that it has the key for this `alg`/`enc`. "
            "If the API expects a JWS, request a signed access token (for Auth0: pass the API's "
            "`audience`)."
        ),
        refs=("RFC 7516 §9", "RFC 9068 §4"),
        source=sources.jose_header(token, "enc"),
    )


def check_alg_none(ctx: Context) -> Iterator[Finding]:
    """``token.alg_none``: an unsecured JWT (no signature at all)."""
    token = ctx.token
    if token is None or token.form is not TokenForm.UNSECURED:
        return
    signature = token.segments[2] if len(token.segments) > 2 else ""
    yield Finding(
        "token.alg_none",
        Severity.ERROR,
        "The token is unsigned (alg: none)",
        detail=(
            "Anyone can write such a token, so a correct server refuses it. A server that "
            "accepts it has a serious vulnerability."
        ),
        evidence=f"{where(token)}: header alg={token.alg!r}; signature segment "
        + (f"{_start(signature, ctx.options.redact)!r} (ignored)" if signature else "empty"),
        fix="Get a signed access token from the issuer; never configure an API to accept none.",
        refs=("RFC 8725 §3.2", "RFC 7519 §6", "RFC 9068 §2.1"),
        source=sources.jose_header(token, "alg"),
    )


def check_too_large(ctx: Context) -> Iterator[Finding]:
    """``token.too_large``: the header line would exceed 8 KiB."""
    token = ctx.token
    if token is None or not token.raw:
        return
    cred = ctx.primary
    field = cred.field_name if cred and " " not in cred.field_name else "Authorization"
    scheme = (cred.scheme if cred and cred.scheme else "Bearer") + " "
    size = len(f"{field}: {scheme}".encode()) + len(token.raw.encode("utf-8", "replace")) + 2
    if size <= HEADER_LIMIT:
        return
    refused = ctx.status == 431 or (ctx.status == 400 and "too large" in ctx.exchange.body.lower())
    yield Finding(
        "token.too_large",
        Severity.ERROR if refused else Severity.WARNING,
        f"The header carrying the token is {size} bytes, over 8 KiB",
        detail=(
            "nginx (large_client_header_buffers 8k), many load balancers and some servers "
            "reject a header line this long before authentication runs, often with 400 "
            "'Request Header Or Cookie Too Large' or 431."
        ),
        evidence=f"{where(token)}: token {len(token.raw)} characters; "
        f"header line {size} bytes > {HEADER_LIMIT}",
        fix=(
            "Ask for fewer scopes/groups in the token (group overage claims, role lists), or "
            "raise the header buffer limits of every proxy on the path."
        ),
        refs=("RFC 9110 §5.4", "RFC 6585 §5"),
        source=sources.token(token),
    )


def _encoding_notes(ctx: Context) -> Iterator[tuple[Token, str, str]]:
    """(token, message, evidence) of lenient readings that are this check's to report."""
    seen: set[int] = set()
    for token in (ctx.pasted_token, ctx.token):
        if token is None or id(token) in seen:
            continue
        seen.add(id(token))
        from_request = token is ctx.request_token
        for note in token.notes:
            if note.code != "token.encoding":
                continue
            if from_request and note.message.startswith(WHITESPACE_NOTE):
                continue  # white space in the request's credentials: authz.whitespace
            yield token, note.message, note.evidence


def check_encoding(ctx: Context) -> Iterator[Finding]:
    """``token.encoding``: padding, standard alphabet or white space, read leniently."""
    found = list(_encoding_notes(ctx))
    if not found:
        return
    token = found[0][0]
    yield Finding(
        "token.encoding",
        Severity.WARNING,
        "The token was read leniently: " + found[0][1].split(": ", 1)[-1].split(";")[0],
        detail=(
            "JWTs are base64url without padding or white space. This tool read past it, "
            "but a server may not: " + " ".join(message for _, message, _ in found[:4])
        ),
        evidence=f"{where(token)}: "
        + (
            token_start(token, 16, True)
            if ctx.options.redact  # the pieces quoted are from inside the token
            else "; ".join(ev for _, _, ev in found[:4] if ev)
        ),
        fix=(
            "Send the token exactly as issued: one line, no padding '=', '-' and '_' "
            "rather than '+' and '/'. Check whatever copied or re-encoded it."
        ),
        refs=("RFC 7515 §2", "RFC 6750 §2.1"),
        source=sources.token(token),
    )


CHECKS: tuple[Check, ...] = (
    check_missing,
    check_malformed,
    check_opaque,
    check_jwe,
    check_alg_none,
    *token_kind.CHECKS,
    *token_header.CHECKS,
    check_too_large,
    check_encoding,
)
"""Every token check, its header's among them, in the order they read best."""


def run_all(ctx: Context) -> Iterable[Finding]:
    """Every token finding for ``ctx`` (convenience for tests and tools)."""
    for check in CHECKS:
        yield from check(ctx)
