"""Checks: DPoP (RFC 9449): a proof missing, a bound token sent as Bearer, and
every §4.3 check of the proof that was sent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.context import Context
from authtui.core.jose.tokens import decode_token
from authtui.core.model import Finding, Severity, Token

if TYPE_CHECKING:
    from authtui.core.jose.dpop import ProofRequest


def bound_jkt(token: Token | None) -> str | None:
    """The token's ``cnf.jkt`` when it is a DPoP-bound token."""
    cnf = ((token.claims if token else None) or {}).get("cnf")
    jkt = cnf.get("jkt") if isinstance(cnf, dict) else None
    return jkt if isinstance(jkt, str) else None


def _required_because(ctx: Context) -> str | None:
    schemes = {c.scheme_key for c in ctx.challenges}
    if any(c.scheme_key == "dpop" for c in ctx.credentials):
        return "the request sends its token with the DPoP scheme"
    if bound_jkt(ctx.token) is not None:
        return f"the token is bound to a key (cnf.jkt={bound_jkt(ctx.token)})"
    if "dpop" in schemes and "bearer" not in schemes and ctx.credentials:
        return "the server challenges with the DPoP scheme only"
    return None


def proof_missing(ctx: Context) -> Iterable[Finding]:
    """DPoP is required and the request shown carries no DPoP proof."""
    if not ctx.exchange.has_request or ctx.exchange.request_header("DPoP"):
        return
    reason = _required_because(ctx)
    if reason is None:
        return
    yield Finding(
        "dpop.proof_missing",
        Severity.ERROR,
        "DPoP proof missing: the request has no DPoP header",
        f"DPoP is required here because {reason}, yet the request carries no DPoP header "
        "with a proof signed by the client's key.",
        f"{reason}; request headers: {', '.join(h.name for h in ctx.exchange.request_headers)}",
        "Send `Authorization: DPoP <token>` together with `DPoP: <proof JWT>` made for this "
        "request (htm, htu, iat, jti, ath), signed with the key the token is bound to.",
        ("RFC 9449 §4.1", "RFC 9449 §7.1"),
        source=sources.request_line(ctx.exchange),
    )


def sent_as_bearer(ctx: Context) -> Iterable[Finding]:
    """A cnf.jkt-bound token sent with the Bearer scheme."""
    jkt = bound_jkt(ctx.request_token)
    bearer = [c for c in ctx.credentials if c.scheme_key == "bearer"]
    if jkt is None or not bearer:
        return
    yield Finding(
        "dpop.sent_as_bearer",
        Severity.ERROR,
        "DPoP-bound token sent as Bearer",
        "The token is bound to the client's key (cnf.jkt), so it must be sent with the DPoP "
        "scheme and a proof; a server that supports DPoP must refuse it as Bearer.",
        f"{bearer[0].field_name}: {bearer[0].scheme} ...; cnf.jkt={jkt}",
        "Send `Authorization: DPoP <token>` with a `DPoP: <proof>` header.",
        ("RFC 9449 §7.2", "RFC 9449 §6.1"),
        source=sources.claim(ctx.request_token, "cnf", "jkt"),
    )


def proof_checks(ctx: Context) -> Iterable[Finding]:
    """Every RFC 9449 §4.3 check on the DPoP proof the request carried."""
    values = ctx.exchange.request_header("DPoP")
    if not values:
        return
    # Imported here: most pastes carry no DPoP proof, and start-up need not pay for it.
    from authtui.core.jose.dpop import check_proof

    proofs = ctx.dpop_proofs or tuple(decode_token(v.strip(), "DPoP header") for v in values)
    count = sum(len([p for p in v.split(",") if p.strip()]) for v in values)
    where = sources.token(proofs[0])  # the DPoP header's line: the proof is not ctx.token
    for finding in check_proof(proofs[0], _proof_request(ctx, max(count, len(values)))):
        yield replace(finding, source=where) if finding.source is None else finding


def _proof_request(ctx: Context, count: int) -> ProofRequest:
    from authtui.core.jose.dpop import ProofRequest

    exchange = ctx.exchange
    clock_now, clock = (
        (ctx.server_now, "server's clock (Date)")
        if ctx.server_now is not None
        else (ctx.now, "evaluation clock")
    )
    algs = [c.params.get("algs", "") for c in ctx.challenges if c.scheme_key == "dpop"]
    return ProofRequest(
        method=exchange.method,
        url=_request_url(ctx),
        now=clock_now,
        skew=ctx.skew,
        clock=clock,
        access_token=ctx.request_token.raw if ctx.request_token else None,
        token_jkt=bound_jkt(ctx.request_token or ctx.token),
        server_nonces=tuple(v.strip() for v in exchange.response_header("DPoP-Nonce")),
        server_algs=tuple(" ".join(algs).split()),
        header_count=count,
        redact=ctx.options.redact,
    )


def _request_url(ctx: Context) -> str | None:
    exchange = ctx.exchange
    if exchange.url:
        return exchange.url
    target = exchange.target or ""
    if target.lower().startswith(("http://", "https://")):
        return target
    hosts = exchange.request_header("Host")
    if hosts and target.startswith("/"):
        return f"https://{hosts[0].strip()}{target}"
    return None


CHECKS: tuple[Check, ...] = (proof_missing, sent_as_bearer, proof_checks)
