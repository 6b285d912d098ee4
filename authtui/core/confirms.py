"""Which findings state the same cause from another source, and the ``confirms`` links.

The server's words (``server.*``, ``challenge.*``) and the status often say what a
check of the token or the request found: the token's ``exp`` and the server's "token
expired", the token's scope and the challenge's ``insufficient_scope``. Such a finding
keeps its own code and names the cause it confirms in ``confirms`` (contract); the
verdict names that cause once and the reports fold the confirmation beneath it.
:data:`CONFIRMED_BY` also moves a confirmed cause up the ranking (:mod:`.verdict`);
the other links here only join findings, and never rank.
"""

from __future__ import annotations

from dataclasses import replace

from authtui.core.model import Finding, Severity

# What the server says that confirms a finding from the request or token.
# Strong: the server names the same problem. Weak: it agrees the token was refused.
CONFIRMED_BY: dict[str, frozenset[str]] = {
    "time.expired": frozenset({"server.expired"}),
    "time.server_clock": frozenset({"server.expired", "server.not_yet_valid"}),
    "time.not_yet_valid": frozenset({"server.not_yet_valid"}),
    "time.iat_future": frozenset({"server.not_yet_valid"}),
    "time.milliseconds": frozenset({"server.expired", "server.malformed"}),
    "time.bad_type": frozenset({"server.malformed"}),
    "sig.invalid": frozenset({"server.bad_signature"}),
    "sig.kid_not_found": frozenset({"server.unknown_key", "server.bad_signature"}),
    "sig.alg_mismatch": frozenset({"server.bad_signature", "server.unknown_key"}),
    "sig.alg_confusion": frozenset({"server.bad_signature"}),
    "token.alg_none": frozenset({"server.bad_signature", "server.malformed"}),
    "claims.aud_mismatch": frozenset({"server.audience"}),
    "claims.aud_missing": frozenset({"server.audience"}),
    "claims.iss_mismatch": frozenset({"server.issuer"}),
    "claims.iss_missing": frozenset({"server.issuer"}),
    "scope.insufficient": frozenset({"server.scope", "challenge.insufficient_scope"}),
    "scope.none": frozenset({"server.scope", "challenge.insufficient_scope"}),
    "token.wrong_type": frozenset({"server.wrong_token_type", "server.audience"}),
    "token.malformed": frozenset({"server.malformed"}),
    "token.not_jwt": frozenset({"server.malformed"}),
    "token.jwe": frozenset({"server.malformed", "server.wrong_token_type"}),
    "token.opaque": frozenset({"server.malformed", "server.wrong_token_type"}),
    "authz.no_scheme": frozenset({"server.malformed", "server.missing_token"}),
    "authz.no_space": frozenset({"server.malformed", "server.missing_token"}),
    "authz.quoted_token": frozenset({"server.malformed"}),
    "authz.double_scheme": frozenset({"server.malformed"}),
    "authz.invalid_chars": frozenset({"server.malformed"}),
    "authz.whitespace": frozenset({"server.malformed"}),
    # With no credentials at all, an invalid_request is the server's way of saying so.
    "authz.missing": frozenset({"server.missing_token", "challenge.invalid_request"}),
    "token.missing": frozenset({"server.missing_token"}),
    "authz.cookie": frozenset({"server.missing_token"}),
    "authz.wrong_header": frozenset({"server.missing_token", "server.malformed"}),
    "authz.scheme_mismatch": frozenset({"server.malformed", "server.missing_token"}),
    "dpop.proof_missing": frozenset({"challenge.dpop_nonce"}),
}
WEAKLY_CONFIRMED_BY = frozenset({"challenge.invalid_token", "status.graphql_auth"})

GENERIC_REFUSAL = "challenge.invalid_token"
"""The server's refusal of a token, without saying why (RFC 6750 §3.1)."""
_REFUSED_FOR = ("time.", "sig.", "claims.", "token.", "dpop.", "authz.")
"""Areas whose errors say why a token was refused: the generic refusal confirms them."""
_NOT_A_REFUSAL_REASON = frozenset(
    {
        "token.missing",
        "authz.missing",
        "authz.stripped",
        "authz.basic",
        "authz.scheme_mismatch",
        "authz.multiple",
        "authz.cookie",
        "authz.wrong_header",
        "dpop.proof_missing",
    }
)
"""Errors the server could not have read a token for: an invalid_token beside them is
not the same statement."""
_SERVER_REASONS = frozenset(
    {
        "server.expired",
        "server.not_yet_valid",
        "server.bad_signature",
        "server.unknown_key",
        "server.audience",
        "server.issuer",
        "server.malformed",
        "server.wrong_token_type",
    }
)
"""The server's own words for why it refused a token: its bare invalid_token says the
same, less precisely, when nothing in the token or the request says why."""

RESTATES: dict[str, frozenset[str]] = {
    # The challenge's insufficient_scope (with the scope it names) and the server's words
    # for it: one statement, when the token's scopes do not say it themselves.
    "challenge.insufficient_scope": frozenset({"server.scope"}),
    # A 403 to a request with no credentials is the missing credentials, seen by the status.
    "authz.missing": frozenset({"status.forbidden_without_credentials"}),
    # nbf and iat both ahead of the clock: a token from the future (the issuer's clock).
    "time.not_yet_valid": frozenset({"time.iat_future"}),
}
"""Cause -> findings that say the same thing again, from another source (no ranking)."""


def _refusal_targets(errors: list[str]) -> tuple[str, ...]:
    """What a bare invalid_token confirms: the errors that say why a token was refused,
    else the server's own words for why."""
    reasons = tuple(
        c for c in errors if c.startswith(_REFUSED_FOR) and c not in _NOT_A_REFUSAL_REASON
    )
    return reasons or tuple(c for c in errors if c in _SERVER_REASONS)


def targets_of(finding: Finding, errors: list[str], status: int | None) -> tuple[str, ...]:
    """The codes (among ``errors``, in order) that ``finding`` confirms."""
    code = finding.code
    if finding.severity is Severity.OK:
        return ()
    if code == "challenge.invalid_request" and status != 401:
        return ()  # on a 400 it names a malformed request, a cause of its own
    found = [c for c, confirmers in CONFIRMED_BY.items() if code in confirmers and c in errors]
    if not found:
        found = [c for c, again in RESTATES.items() if code in again and c in errors]
    if not found and code == GENERIC_REFUSAL:
        found = list(_refusal_targets(errors))
    return tuple(dict.fromkeys(c for c in found if c != code))


def link_confirmations(found: list[Finding], status: int | None) -> list[Finding]:
    """Each finding with ``confirms`` naming the errors it states again from another
    source: the server's words the token's or the request's findings, its bare
    invalid_token whatever says why the token was refused (or, with nothing else, the
    server's own words for why), a 403 the missing credentials. Whichever ranks first,
    the link runs from the confirming finding to the one it confirms."""
    errors = list(dict.fromkeys(f.code for f in found if f.severity is Severity.ERROR))
    linked: list[Finding] = []
    for finding in found:
        targets = targets_of(finding, errors, status)
        if targets:
            finding = replace(finding, confirms=tuple(dict.fromkeys(finding.confirms + targets)))
        linked.append(finding)
    return linked
