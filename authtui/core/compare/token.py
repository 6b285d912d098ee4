"""The token's differences: form, ``alg``, ``kid``, ``iss``, ``aud``, scopes, client,
kind, validity and lifetime.

Claims that differ from token to token by nature (``jti``, ``iat``, ``exp``,
``nbf``, ``auth_time``, ``nonce``, ``sid``, ``at_hash``, ``uti``, ``rh``, ``aio``)
are never compared themselves; validity and lifetime, derived from them, are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from authtui.core.checks.claims import generic_near_miss, issuer_near_miss
from authtui.core.compare.model import Difference
from authtui.core.compare.pair import NONE, Pair
from authtui.core.compare.side import (
    VALID_STATES,
    Side,
    audiences_of,
    basic_parts,
    claims_of,
    client_of,
    header_of,
    kind_of,
    lifetime_of,
    scopes_of,
    show,
    token_of,
    validity_of,
)
from authtui.core.http.basic import basic_user
from authtui.core.model import Severity, TokenForm
from authtui.core.timefmt import relative

_BASIC_OK = "Basic user:password"
_BASIC_BAD = "Basic credentials that do not decode to user:password"
_WRONG_KINDS = frozenset({"refresh", "id", "logout", "dpop", "offline"})


def _form(side: Side) -> str:
    token = token_of(side)
    if token is not None:
        return token.form.value
    cred = side.ctx.primary
    if cred is not None and cred.scheme_key == "basic":
        user, _has_password, note = basic_user(cred)
        if user is None or (note is not None and note.code == "basic.no_colon"):
            return _BASIC_BAD
        return _BASIC_OK
    return TokenForm.NONE.value


def _same_scheme(pair: Pair) -> bool:
    fail, work = pair.fail.report.credentials, pair.work.report.credentials
    return fail is not None and work is not None and fail.scheme_key == work.scheme_key


def form_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.token_form``: a JWS on one side, something else on the other (malformed,
    unsecured, opaque, encrypted, none), or Basic credentials that do not decode."""
    if not _same_scheme(pair):
        return
    fail, work = _form(pair.fail), _form(pair.work)
    if fail == work:
        return
    explains = work in ("jws", _BASIC_OK) or fail in ("malformed", "none", "unsecured")
    yield pair.diff(
        "diff.token_form",
        Severity.ERROR if explains else Severity.WARNING,
        _form_title(pair, fail, work),
        fail,
        work,
        "The server accepts one shape of token and not the other: a malformed or unsecured "
        "token is refused before any claim is read, an opaque token needs introspection, "
        "an encrypted one a key to decrypt it.",
    )


_FORM_WORDS = {
    "jws": "a signed JWT (JWS)",
    "jwe": "an encrypted JWT (JWE)",
    "unsecured": "an unsecured JWT (alg none)",
    "opaque": "an opaque token (not a JWT)",
    "malformed": "malformed",
    TokenForm.NONE.value: "missing",
}


def _form_title(pair: Pair, fail: str, work: str) -> str:
    if fail.startswith("Basic") and work.startswith("Basic"):
        if fail == _BASIC_OK:
            return f"{pair.x}'s Basic credentials decode to user:password, {pair.y}'s do not"
        return f"{pair.x}'s Basic credentials do not decode to user:password, {pair.y}'s do"
    return (
        f"{pair.x}'s token is {_FORM_WORDS.get(fail, fail)}, "
        f"{pair.y}'s {_FORM_WORDS.get(work, work)}"
    )


def _both_decoded(pair: Pair) -> bool:
    fail, work = token_of(pair.fail), token_of(pair.work)
    return fail is not None and work is not None and fail.form is work.form


def header_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.alg`` and ``diff.kid``: the token was signed another way, or with another key."""
    fail, work = header_of(pair.fail), header_of(pair.work)
    if fail is None or work is None or not _both_decoded(pair):
        return
    if fail.get("alg") != work.get("alg"):
        yield pair.diff(
            "diff.alg",
            Severity.ERROR,
            f"{pair.x}'s token is signed with {show(fail.get('alg', NONE))}, "
            f"{pair.y}'s with {show(work.get('alg', NONE))}",
            show(fail.get("alg", NONE)),
            show(work.get("alg", NONE)),
            "Servers accept the algorithms they are configured for, with keys of that type: "
            "a token signed another way is refused (or checked with the wrong key).",
        )
    if fail.get("kid") != work.get("kid"):
        sig = pair.fail.finding("sig.kid_not_found")
        yield pair.diff(
            "diff.kid",
            Severity.ERROR,
            f"{pair.x}'s token was signed with key {show(fail.get('kid', NONE))}, "
            f"{pair.y}'s with {show(work.get('kid', NONE))} (a key rotation?)",
            show(fail.get("kid", NONE)),
            show(work.get("kid", NONE)),
            "Another kid is another signing key. After a rotation a server with a stale JWKS "
            "cache (or one that dropped the old key too soon) refuses the tokens of the key "
            "it does not know: refresh its JWKS, or check which issuer signed each token."
            + (f" {sig.title}." if sig is not None else ""),
        )


def claim_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.iss`` and ``diff.aud``: another issuer, another audience."""
    fail, work = claims_of(pair.fail), claims_of(pair.work)
    if fail is None or work is None:
        return
    if fail.get("iss") != work.get("iss"):
        f_iss, w_iss = show(fail.get("iss", NONE)), show(work.get("iss", NONE))
        near = issuer_near_miss(w_iss, f_iss) if "iss" in fail and "iss" in work else None
        yield pair.diff(
            "diff.iss",
            Severity.ERROR,
            f"{pair.x}'s token was issued by {f_iss}, {pair.y}'s by {w_iss}",
            f_iss,
            w_iss,
            "A server trusts the issuers it is configured for: a token from another issuer "
            "(another tenant, realm or environment) is refused."
            + (f" The two are a near miss: {near}." if near else ""),
        )
    yield from _audiences(pair)


def _audiences(pair: Pair) -> Iterator[Difference]:
    fail, work = audiences_of(pair.fail), audiences_of(pair.work)
    if fail is None or work is None or fail == work:
        return
    if set(fail) == set(work):
        return
    shared = set(fail) & set(work)
    near = [n for w in work for f in fail if (n := generic_near_miss(w, f))]
    f_aud, w_aud = " ".join(fail) or NONE, " ".join(work) or NONE
    yield pair.diff(
        "diff.aud",
        Severity.ERROR if not shared else Severity.WARNING,
        f"{pair.x}'s token is for {f_aud}, {pair.y}'s for {w_aud}",
        f_aud,
        w_aud,
        "The server accepts tokens issued for its own audience: a token for another API is "
        "refused even when everything else is right."
        + (f" The two are a near miss: {near[0]}." if near else ""),
    )


def scope_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.scope``: scopes or roles one token grants and the other does not."""
    fail, work = scopes_of(pair.fail), scopes_of(pair.work)
    if fail is None or work is None:
        return
    lost = [s for s in work if s not in fail]
    gained = [s for s in fail if s not in work]
    if not lost and not gained:
        return
    if lost:
        title = f"{pair.x}'s token lacks {' '.join(lost)}, which {pair.y}'s has"
        if gained:
            title += f" (and has {' '.join(gained)} instead)"
    else:
        title = f"{pair.x}'s token has {' '.join(gained)} too, which {pair.y}'s lacks"
    yield pair.diff(
        "diff.scope",
        Severity.ERROR if lost else Severity.INFO,
        title,
        " ".join(fail) or NONE,
        " ".join(work) or NONE,
        "Scopes and roles (scope, scp, roles, permissions, groups, Keycloak's realm and "
        "client roles) decide what a token may do: an endpoint that needs one refuses a "
        "token without it (403 insufficient_scope).",
    )


def client_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.client``: another client (``azp``/``client_id``), or another Basic user."""
    fail, work = client_of(pair.fail), client_of(pair.work)
    if (claims_of(pair.fail) is not None and claims_of(pair.work) is not None) and fail != work:
        yield pair.diff(
            "diff.client",
            Severity.WARNING,
            f"{pair.x}'s token was issued to {fail or 'an unnamed client'}, "
            f"{pair.y}'s to {work or 'an unnamed client'}",
            fail or NONE,
            work or NONE,
            "Another client application: servers and gateways often allow only some "
            "clients, and grant scopes and roles per client.",
        )
    fail_basic, work_basic = basic_parts(pair.fail), basic_parts(pair.work)
    if fail_basic is None or work_basic is None or fail_basic[0] == work_basic[0]:
        return
    if fail_basic[0] is None or work_basic[0] is None:
        return  # credentials that do not decode: diff.token_form says so
    f_user, w_user = repr(fail_basic[0]), repr(work_basic[0])
    yield pair.diff(
        "diff.client",
        Severity.ERROR,
        f"{pair.x} sends Basic credentials for user {f_user}, {pair.y} for {w_user}",
        f"user {f_user}",
        f"user {w_user}",
        "Another user id: one the server does not know, or one with another password, is refused.",
    )


def kind_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.typ``: the tokens say they are of different kinds (``typ``, ``token_use``...)."""
    if claims_of(pair.fail) is None or claims_of(pair.work) is None:
        return
    fail, work = kind_of(pair.fail), kind_of(pair.work)
    if fail == work:
        return
    fail_words, work_words = (fail or "").lower(), (work or "").lower()
    wrong = (
        pair.fail.finding("token.wrong_type") is not None
        or bool(_WRONG_KINDS & set(re.split(r"[^a-z]+", fail_words)))
        or ("at+jwt" in work_words and "at+jwt" not in fail_words)
    )
    yield pair.diff(
        "diff.typ",
        Severity.ERROR if wrong else Severity.WARNING,
        f"{pair.x}'s token says it is {fail or 'of no particular kind'}, "
        f"{pair.y}'s {work or 'nothing of its kind'}",
        fail or NONE,
        work or NONE,
        "Access tokens, ID tokens and refresh tokens look alike; a server that checks the "
        "kind (typ at+jwt, token_use, a type claim) refuses the wrong one.",
    )


def validity_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.expiry`` (valid on one side, not on the other) and ``diff.lifetime``."""
    fail, work = validity_of(pair.fail), validity_of(pair.work)
    if fail is not None and work is not None and fail[0] != work[0]:
        explains = fail[0] not in VALID_STATES and work[0] in VALID_STATES
        yield pair.diff(
            "diff.expiry",
            Severity.ERROR if explains else Severity.WARNING,
            f"{pair.x}'s token {_was(fail[0])}, {pair.y}'s {_was(work[0])}",
            fail[1],
            work[1],
            "Each judged by its own clock: an expired or not-yet-valid token is refused "
            "whatever else is right. Get a fresh token (or fix the clock that minted it).",
        )
    fail_life, work_life = lifetime_of(pair.fail), lifetime_of(pair.work)
    if fail_life is not None and work_life is not None and abs(fail_life - work_life) > 1:
        yield pair.diff(
            "diff.lifetime",
            Severity.INFO,
            f"{pair.x}'s token was issued for {relative(fail_life)}, {pair.y}'s for "
            f"{relative(work_life)}",
            f"exp - iat = {relative(fail_life)}",
            f"exp - iat = {relative(work_life)}",
            "Another lifetime: another issuer configuration, client or grant minted it.",
        )


def _was(state: str) -> str:
    return f"had {state}" if state.startswith("expired") else f"was {state}"
