"""Checking a DPoP proof (RFC 9449 §4.3) against the request it came with, offline.

One finding per failed check, so a person sees every reason at once. The proof's
own ``jwk`` is the one header key that is used to verify (RFC 9449 requires it).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from authtui.core.jose.algs import ALGS, key_misfit, verify_with_key
from authtui.core.keys.jwk import jwk_thumbprint, key_from_jwk
from authtui.core.model import Finding, Severity, Token, TokenForm
from authtui.core.safety.secrets import Scrubber, redacted_form

_REF = "RFC 9449 §4.3"
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")
_DEFAULT_PORTS = {"https": 443, "http": 80}


@dataclass(frozen=True, slots=True)
class ProofRequest:
    """What a DPoP proof is checked against: the request and the token it came with."""

    method: str | None = None
    """The request method, when the request line was pasted."""
    url: str | None = None
    """The full request URL, when it can be known."""
    now: float = 0.0
    """The clock ``iat`` is judged by (epoch seconds)."""
    skew: float = 60.0
    clock: str = "evaluation clock"
    """Which clock ``now`` is, in words."""
    access_token: str | None = None
    """The access token sent with the proof (for ``ath``)."""
    token_jkt: str | None = None
    """The access token's ``cnf.jkt``, when it is bound."""
    server_nonces: tuple[str, ...] = ()
    """``DPoP-Nonce`` values the server sent."""
    server_algs: tuple[str, ...] = ()
    """Algorithms the server's ``DPoP`` challenge lists in ``algs``."""
    header_count: int = 1
    """How many ``DPoP`` proofs the request carried."""
    redact: bool = True
    """Whether credentials echoed in evidence are hidden (secrets always are)."""


@dataclass(slots=True)
class _Run:
    proof: Token
    request: ProofRequest
    claims: Mapping[str, Any]
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def fail(self, what: str, detail: str, evidence: str, fix: str) -> None:
        self.findings.append(
            Finding(
                "dpop.proof_invalid",
                Severity.ERROR,
                f"DPoP proof invalid: {what}",
                detail,
                f"{evidence} (DPoP header)",
                fix,
                (_REF,),
            )
        )


def _shown_url(url: Any, redact: bool) -> Any:
    """A URL of the proof or the request as evidence shows it: its query scrubbed."""
    return Scrubber(redact).url(url) if isinstance(url, str) else url


def ath_for(access_token: str) -> str:
    """base64url(SHA-256(ASCII of the access token)), as ``ath`` must be."""
    digest = hashlib.sha256(access_token.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def normalize_url(url: str) -> tuple[str, str, str] | None:
    """(scheme, host[:port], path) for comparing ``htu``: case-insensitive scheme
    and host, default port dropped, query and fragment ignored. None when unreadable."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    scheme = parts.scheme.lower()
    if not scheme or not host:
        return None
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return scheme, host, parts.path or "/"


def check_proof(proof: Token, request: ProofRequest) -> list[Finding]:
    """Every RFC 9449 §4.3 check the paste allows; ``dpop.proof_valid`` when all pass."""
    run = _Run(proof, request, proof.claims or {})
    if request.header_count > 1:
        run.fail(
            f"{request.header_count} DPoP proofs in one request",
            "A request must carry exactly one DPoP header field with one proof.",
            f"{request.header_count} proofs",
            "Send a single DPoP header with a proof made for this request.",
        )
    if proof.form not in (TokenForm.JWS, TokenForm.UNSECURED) or proof.claims is None:
        _not_a_jwt(run)
        return run.findings
    for step in (_typ, _alg, _jwk, _claims_present, _htm, _htu, _iat, _ath, _jkt):
        step(run)
    nonce = _nonce(run)
    if not run.findings:
        run.findings.append(_valid(run))
    if nonce is not None:
        run.findings.append(nonce)
    return run.findings


def _not_a_jwt(run: _Run) -> None:
    run.fail(
        "not a signed JWT",
        f"The DPoP header must hold one well-formed JWT; this reads as {run.proof.form.value}.",
        redacted_form(run.proof.raw) if run.request.redact else f"{run.proof.raw[:40]}...",
        "Send the proof JWT itself in the DPoP header (three base64url parts, no scheme).",
    )


def _typ(run: _Run) -> None:
    typ = (run.proof.header or {}).get("typ")
    if typ != "dpop+jwt":
        run.fail(
            f"typ is {typ!r}, not 'dpop+jwt'",
            "RFC 9449 §4.2 requires the header typ 'dpop+jwt', so a proof cannot be "
            "mistaken for any other JWT.",
            f"typ={typ!r}",
            "Set typ to dpop+jwt in the proof's header.",
        )


def _alg(run: _Run) -> None:
    alg = run.proof.alg
    spec = ALGS.get(alg or "")
    if spec is None or spec.kty == "oct":
        run.fail(
            f"alg {alg!r} is not an asymmetric signature algorithm",
            "A proof must be signed with an asymmetric algorithm (ES256, PS256, EdDSA...), "
            "never none or an HMAC (HS*).",
            f"alg={alg!r}",
            "Sign the proof with the client's private key, e.g. ES256.",
        )
    elif run.request.server_algs and alg not in run.request.server_algs:
        run.fail(
            f"alg {alg} is not among the server's algs",
            "The server's DPoP challenge lists the algorithms it accepts, and this is not one.",
            f"alg={alg}; server algs={' '.join(run.request.server_algs)}",
            f"Sign the proof with one of: {' '.join(run.request.server_algs)}.",
        )


def _jwk(run: _Run) -> None:
    jwk = (run.proof.header or {}).get("jwk")
    if not isinstance(jwk, dict):
        run.fail(
            "no jwk in the header",
            "The proof's header must carry the client's public key as a jwk object.",
            f"jwk={jwk!r}"[:80],
            "Put the public key (JWK, public members only) in the proof header.",
        )
        return
    private = sorted(m for m in _PRIVATE_MEMBERS if m in jwk)
    if private:
        run.fail(
            f"the jwk holds private key material ({', '.join(private)})",
            "The header's jwk must be the public key only. The private key has travelled in "
            "the clear: it is compromised and must be replaced.",
            f"jwk members {', '.join(private)} present (values not shown)",
            "Send only the public members (kty, crv, x, y / n, e) and rotate the key pair.",
        )
    _signature(run, jwk)


def _signature(run: _Run, jwk: Mapping[str, Any]) -> None:
    spec = ALGS.get(run.proof.alg or "")
    if spec is None or spec.kty == "oct":
        return
    key, problem = key_from_jwk(jwk, "the proof's jwk")
    if key is None:
        run.fail(
            "the jwk is not a usable public key",
            f"{problem}.",
            f"jwk kty={jwk.get('kty')!r}",
            "Send the client's complete public key as a JWK.",
        )
        return
    misfit = key_misfit(spec, key)
    if misfit is not None:
        run.fail(f"alg {spec.name} does not fit the jwk", f"{misfit}.", f"alg={spec.name}",
                 "Sign with the algorithm that matches the key in jwk.")  # fmt: skip
        return
    if not verify_with_key(spec, run.proof.signing_input, run.proof.signature, key.public_key):
        run.fail(
            "the signature is not by the jwk in its header",
            "The proof's signature does not verify with the public key it carries: it was "
            "changed after signing, or signed with another key.",
            f"alg={spec.name}, jwk kty={key.kty}",
            "Sign the proof with the private key whose public half is in jwk.",
        )


def _claims_present(run: _Run) -> None:
    for name in ("jti", "htm", "htu", "iat"):
        if name not in run.claims:
            run.fail(
                f"no {name} claim",
                f"Every proof must carry jti, htm, htu and iat; {name} is missing.",
                f"claims: {', '.join(sorted(run.claims)) or '(none)'}",
                f"Add {name} to the proof (jti: a fresh random ID for each proof).",
            )


def _htm(run: _Run) -> None:
    htm, method = run.claims.get("htm"), run.request.method
    if htm is None or method is None or htm == method:
        if method is None and htm is not None:
            run.skipped.append("htm (no request method in the paste)")
        return
    case = (
        " (only the case differs; methods are case-sensitive)" if str(htm).upper() == method else ""
    )
    run.fail(
        f"htm {htm!r} is not the request method {method}",
        f"htm must be the method of the request the proof is sent with{case}.",
        f"htm={htm!r}; request method {method}",
        "Make a new proof for each request, with its own method and URL.",
    )


def _htu(run: _Run) -> None:
    htu, url = run.claims.get("htu"), run.request.url
    if htu is None:
        return
    if url is None:
        run.skipped.append("htu (no request URL in the paste)")
        return
    want, got = normalize_url(url), normalize_url(htu) if isinstance(htu, str) else None
    if want is None or got == want:
        return
    parts = ("scheme", "host", "path")
    differ = [p for p, a, b in zip(parts, got or ("",) * 3, want, strict=True) if a != b]
    run.fail(
        f"htu {htu!r} is not the request URL",
        f"htu must name the URL the request went to (compared on scheme, host and path; "
        f"query and fragment ignored); the {' and '.join(differ) or 'URL'} differ.",
        f"htu={_shown_url(htu, run.request.redact)!r}; "
        f"request URL {_shown_url(url, run.request.redact)}",
        "Build htu from the exact URL requested (after redirects, with the public host "
        "name a proxy forwards).",
    )


def _iat(run: _Run) -> None:
    iat, req = run.claims.get("iat"), run.request
    if iat is None:
        return
    if isinstance(iat, bool) or not isinstance(iat, int | float):
        run.fail("iat is not a number", "iat must be a NumericDate (epoch seconds).",
                 f"iat={iat!r}", "Set iat to the current time in seconds.")  # fmt: skip
        return
    age = req.now - iat
    if abs(age) <= req.skew:
        return
    when = f"{age:.0f} s before" if age > 0 else f"{-age:.0f} s after"
    run.fail(
        "iat outside the accepted window",
        f"The proof was made {when} the request by the {req.clock}; servers accept proofs "
        f"only within a short window (here ±{req.skew:.0f} s).",
        f"iat={iat}; {req.clock} {req.now:.0f}",
        "Make a fresh proof for every request, and check the client's clock.",
    )


def _ath(run: _Run) -> None:
    token = run.request.access_token
    if token is None:
        return
    ath, want = run.claims.get("ath"), ath_for(token)
    if ath == want:
        return
    what = "no ath claim" if ath is None else "ath is not the hash of the access token"
    run.fail(
        what,
        "A proof sent with an access token must carry ath = base64url(SHA-256(token)) of "
        "exactly that token.",
        f"ath={ath!r}; expected {want}",
        "Compute ath over the access token sent in Authorization (ASCII, no scheme).",
    )


def _jkt(run: _Run) -> None:
    jkt, jwk = run.request.token_jkt, (run.proof.header or {}).get("jwk")
    if jkt is None or not isinstance(jwk, dict):
        return
    thumb = jwk_thumbprint(jwk)
    if thumb != jkt:
        run.fail(
            "the proof's key is not the one the token is bound to",
            "The token's cnf.jkt is the RFC 7638 thumbprint of the key it was issued to; the "
            "proof is signed with another key.",
            f"cnf.jkt={jkt}; jwk thumbprint={thumb}",
            "Sign proofs with the key pair used when the token was requested, or get a new "
            "token bound to this key.",
        )


def _nonce(run: _Run) -> Finding | None:
    nonce, sent = run.claims.get("nonce"), run.request.server_nonces
    if nonce is None or not sent or nonce in sent:
        return None
    return Finding(
        "dpop.nonce_stale",
        Severity.WARNING,
        "DPoP proof carries an old nonce",
        "The proof's nonce is not the one the server sent in DPoP-Nonce; nonces change, and "
        "the server wants the latest.",
        f"nonce={nonce!r}; DPoP-Nonce: {', '.join(sent)}",
        "Retry with a new proof carrying the latest DPoP-Nonce value.",
        ("RFC 9449 §8", "RFC 9449 §9"),
    )


def _valid(run: _Run) -> Finding:
    skipped = f" Not compared: {'; '.join(run.skipped)}." if run.skipped else ""
    return Finding(
        "dpop.proof_valid",
        Severity.OK,
        "DPoP proof passes the checks of RFC 9449 §4.3",
        f"typ, alg, signature by its jwk, jti, htm, htu, iat and, where they apply, ath and "
        f"the token's key binding all check out.{skipped}",
        f"alg={run.proof.alg}, htm={run.claims.get('htm')!r}, "
        f"htu={_shown_url(run.claims.get('htu'), run.request.redact)!r}",
        "The proof is not why the request was refused; look at the other findings.",
        (_REF,),
    )
