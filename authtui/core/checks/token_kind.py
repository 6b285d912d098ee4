"""Checks: what kind of token this is, and the tokens beside it.

An ID token, a refresh token or another JWT sent where an access token belongs
(``token.wrong_type``, from the markers issuers and libraries write), a JWS that is
no JWT (``token.not_jwt``), the ``typ`` of RFC 9068, and a token endpoint's answer
whose other tokens are shown beside the judged one (``token.response``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from authtui.core import sources, timefmt
from authtui.core.checks import Check
from authtui.core.checks.evidence import shown, where
from authtui.core.context import Context
from authtui.core.jose.tokens import opaque_issuer
from authtui.core.model import Finding, Severity, Token, TokenForm
from authtui.core.place import Source, TokenPart

_CHECKED = (TokenForm.JWS, TokenForm.UNSECURED)
AT_TYPES = ("at+jwt", "application/at+jwt")
"""Header ``typ`` values of RFC 9068 access tokens."""

_HEADER_KINDS = {
    "refresh": "a refresh token",
    "refresh+jwt": "a refresh token",
    "rt+jwt": "a refresh token",
    "id_token+jwt": "an ID token",
    "dpop+jwt": "a DPoP proof",
    "logout+jwt": "a logout token",
    "secevent+jwt": "a security event token",
    "client-authentication+jwt": "a client assertion",
    "oauth-authz-req+jwt": "an authorization request object",
    "txn+jwt": "a transaction token",
}
"""Header ``typ`` values of JWTs that are no access tokens."""

_KIND_CLAIMS = {
    "typ": "Keycloak writes it",
    "token_type": "djangorestframework-simplejwt writes it",
    "type": "flask-jwt-extended and fastapi-jwt-auth write it",
    "token_use": "AWS Cognito writes it",
    "tokenType": "",
    "token_usage": "",
}
"""Claims that name a token's kind, and who writes each."""

_KIND_VALUES = {
    "refresh": "a refresh token",
    "refreshtoken": "a refresh token",
    "rt": "a refresh token",
    "offline": "a refresh token",
    "id": "an ID token",
    "idtoken": "an ID token",
    "logout": "a logout token",
}
"""Kind claim values (lower-cased, without ``_`` and ``-``) of tokens that are no
access tokens; ``access``, ``bearer`` and the like are access tokens."""

_ROLE_KINDS = {"refresh_token": "a refresh token", "id_token": "an ID token"}
_SHOWN_CLAIMS = ("iss", "sub", "aud", "azp", "scope", "scp", "typ", "token_type", "token_use")


def _typ(token: Token) -> str | None:
    typ = (token.header or {}).get("typ")
    return typ.lower() if isinstance(typ, str) else None


def _decoded(ctx: Context) -> Token | None:
    """The token when it is a JWS or unsecured JWT with a header, else None."""
    token = ctx.token
    if token is None or token.form not in _CHECKED or token.header is None:
        return None
    return token


def role_of(ctx: Context, token: Token | None) -> str | None:
    """The member of a token endpoint's answer the token came from, if it did."""
    if token is None:
        return None
    for role, decoded in ctx.token_roles:
        if decoded.raw == token.raw:
            return role
    return None


def _single_aud(claims: dict[str, Any]) -> str | None:
    aud = claims.get("aud")
    if isinstance(aud, list) and len(aud) == 1:
        aud = aud[0]
    return aud if isinstance(aud, str) else None


def _id_token_evidence(claims: dict[str, Any], typ: str | None) -> list[str]:
    if typ in AT_TYPES:
        return []
    found = [f"{k} present" for k in ("nonce", "at_hash", "c_hash") if k in claims]
    aud = _single_aud(claims)
    no_scope = not any(k in claims for k in ("scope", "scp"))
    for client in ("azp", "client_id"):
        if aud is not None and claims.get(client) == aud and no_scope:
            found.append(f"aud equals {client} ({shown(aud)}) and there is no scope")
            break
    return found


def _claim_kind(claims: dict[str, Any]) -> tuple[str, str, str] | None:
    """(kind, evidence, claim name) from a claim that names the token's kind."""
    for name, who in _KIND_CLAIMS.items():
        value = claims.get(name)
        if not isinstance(value, str):
            continue
        key = value.lower().replace("_", "").replace("-", "")
        kind = _KIND_VALUES.get(key) or _KIND_VALUES.get(key.removesuffix("token") or key)
        if kind is not None:
            return kind, f"claim {name}={shown(value)}" + (f" ({who})" if who else ""), name
    return None


def _kind(token: Token, role: str | None) -> tuple[str, list[str], Source | None] | None:
    """(kind, evidence, where the evidence is) when the token is another kind."""
    if role in _ROLE_KINDS:
        evidence = [f"it is the {role} of the token endpoint's answer"]
        return _ROLE_KINDS[role], evidence, sources.token(token)
    if token.form not in _CHECKED or token.header is None:
        known = opaque_issuer(token.raw) if token.form is TokenForm.OPAQUE else None
        if known is not None and known[1] == "refresh":
            evidence = [f"prefix {token.raw[:4]}… ({known[0]})"]
            return "a refresh token", evidence, sources.token(token)
        return None
    typ = _typ(token)
    if typ in _HEADER_KINDS:
        evidence = [f"header typ={(token.header or {}).get('typ')}"]
        return _HEADER_KINDS[typ], evidence, sources.jose_header(token, "typ")
    claims = token.claims or {}
    by_claim = _claim_kind(claims)
    if by_claim is not None:
        return by_claim[0], [by_claim[1]], sources.claim(token, by_claim[2])
    id_evidence = _id_token_evidence(claims, typ)
    if id_evidence:
        named = next((k for k in ("nonce", "at_hash", "c_hash") if k in claims), "aud")
        return "an ID token", id_evidence, sources.claim(token, named)
    return None


def kind_evidence(token: Token, role: str | None = None) -> tuple[str, list[str]] | None:
    """(kind, evidence) when the token is a kind other than an access token."""
    found = _kind(token, role)
    return None if found is None else (found[0], found[1])


def check_wrong_type(ctx: Context) -> Iterator[Finding]:
    """``token.wrong_type``: an ID token, refresh token or other JWT sent as an access token."""
    token = ctx.token
    if token is None:
        return
    kind = _kind(token, role_of(ctx, token))
    if kind is None:
        return
    what, evidence, place = kind
    refresh = what == "a refresh token"
    yield Finding(
        "token.wrong_type",
        Severity.ERROR,
        f"This is {what}, not an access token",
        detail=(
            f"The token looks like {what}. An API must accept only access tokens; "
            "ID tokens are for the client, refresh tokens for the token endpoint."
            + (
                " Libraries that mark their tokens refuse a refresh token at the API by "
                "that mark (simplejwt: \"Token has wrong type\"; flask-jwt-extended: "
                '"Only non-refresh tokens are allowed").'
                if refresh
                else ""
            )
        ),
        evidence=f"{where(token)}: " + "; ".join(evidence),
        fix=(
            "Send the access_token from the token response, not the id_token or "
            "refresh_token. If the access token you get is opaque, request it with the API's "
            "audience/resource or scope."
            + (" Use the refresh token only to ask the token endpoint for a new access token."
               if refresh else "")
        ),
        refs=("RFC 8725 §2.8", "RFC 8725 §3.11", "RFC 9068 §4", "OIDC Core §2"),
        source=place,
    )  # fmt: skip


def check_typ(ctx: Context) -> Iterator[Finding]:
    """``token.typ``: the header's typ is not ``at+jwt``."""
    token = _decoded(ctx)
    if token is None or _typ(token) in AT_TYPES:
        return
    if kind_evidence(token, role_of(ctx, token)) is not None:
        return
    typ = (token.header or {}).get("typ")
    yield Finding(
        "token.typ",
        Severity.INFO,
        "The token's typ is not at+jwt",
        detail=(
            "RFC 9068 access tokens say typ at+jwt. Many issuers write typ JWT or none, "
            "which most APIs accept; an API that enforces RFC 9068 typing rejects them."
        ),
        evidence=f"{where(token)}: header typ=" + ("(absent)" if typ is None else shown(typ)),
        fix="If the API requires at+jwt, configure the issuer to type its access tokens.",
        refs=("RFC 9068 §2.1", "RFC 8725 §3.11"),
        source=sources.jose_header(token, "typ") if typ is not None else sources.token(token),
    )


def check_not_jwt(ctx: Context) -> Iterator[Finding]:
    """``token.not_jwt``: a JWS whose payload is not a JSON object."""
    token = ctx.token
    if token is None or token.form is not TokenForm.JWS:
        return
    note = next((n for n in token.notes if n.code == "token.not_jwt"), None)
    if note is None:
        return
    what = note.message.removeprefix("the payload is ").split(": a JWS", 1)[0]
    yield Finding(
        "token.not_jwt",
        Severity.ERROR,
        f"A JWS, but not a JWT: its payload is {what}",
        detail=(
            "RFC 7515 lets a JWS sign any payload, and this one is well formed: its header "
            "and signature are read (and the signature checked when a key is given). A JWT's "
            "payload must be a JSON object of claims (RFC 7519 §7.2), so an API that expects "
            "a JWT refuses it as malformed before it looks at anything else (PyJWT: "
            '"Invalid payload string: must be a json object"; jose: "JWT Claims Set must be '
            'a top-level JSON object"). It has no exp, aud or scope to judge.'
        ),
        evidence=f"{where(token)}: payload {len(token.payload)} bytes"
        + (f", {note.evidence!r}" if note.evidence else ""),
        fix=(
            "This is a signed document (a detached signature, a webhook or software statement, "
            "a signed request), not an access token: get the access token from the issuer's "
            "token endpoint. If the API is meant to take this JWS, it must verify it as a JWS, "
            "not decode it as a JWT."
        ),
        refs=("RFC 7515 §3", "RFC 7519 §7.2", "RFC 7519 §3"),
        source=sources.segment(token, TokenPart.PAYLOAD),
    )


def _summary(token: Token, now: float) -> str:
    """One token of a token endpoint's answer, in a line: what it is and its main claims."""
    if token.form is TokenForm.OPAQUE:
        known = opaque_issuer(token.raw)
        return f"opaque, {len(token.raw)} characters" + (f" ({known[0]})" if known else "")
    if token.form not in _CHECKED:
        return f"{token.form.value}, {len(token.raw)} characters"
    header = token.header or {}
    parts = [f"{token.form.value} alg={shown(header.get('alg'))}"]
    parts.extend(f"{n}={shown(header[n])}" for n in ("kid", "typ") if n in header)
    claims = token.claims or {}
    parts.extend(f"{n}={shown(claims[n])}" for n in _SHOWN_CLAIMS if n in claims)
    exp = claims.get("exp")
    if isinstance(exp, int | float) and not isinstance(exp, bool):
        parts.append(f"exp={timefmt.utc(exp)} ({timefmt.since(exp, now)})")
    return ", ".join(parts)


def check_response(ctx: Context) -> Iterator[Finding]:
    """``token.response`` (info): a token endpoint's answer, its tokens side by side."""
    if not ctx.token_roles:
        return
    judged = role_of(ctx, ctx.token)
    lines = [
        f"{role}{' (judged)' if role == judged else ''}: {_summary(token, ctx.now)}"
        for role, token in ctx.token_roles
    ]
    others = [role for role, _ in ctx.token_roles if role != judged]
    yield Finding(
        "token.response",
        Severity.INFO,
        f"A token endpoint's answer: its {judged or 'access_token'} is judged"
        + (f"; {' and '.join(others)} shown beside it" if others else ""),
        detail=(
            "The access token is the one an API receives, so it is the one judged here. The "
            "ID token is for the client (who signed in); the refresh token is for the token "
            "endpoint (a new access token). Compare them: an API refusing a request is often "
            "sent the ID token instead of the access token."
        ),
        evidence="; ".join(lines),
        fix="Send the access_token to the API, as `Authorization: Bearer <access_token>`.",
        refs=("RFC 6749 §5.1", "OIDC Core §3.1.3.3"),
        source=sources.token(ctx.token),
    )


CHECKS: tuple[Check, ...] = (
    check_not_jwt,
    check_wrong_type,
    check_typ,
    check_response,
)
"""The token's kind, in the order they read best."""
