"""The words of the ``sig.*`` findings: what each signature outcome means and what to do."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from authtui.core import sources, timefmt
from authtui.core.controls import via
from authtui.core.jose.algs import AlgSpec
from authtui.core.jose.forgery import shape_problem
from authtui.core.keys.model import LoadedKey
from authtui.core.model import Finding, Severity, Token
from authtui.core.options import FrontEnd
from authtui.core.place import Source, TokenPart

_REFS = ("RFC 7515 §5.2", "RFC 7518 §3.1")

_KEY_REFERENCES = ("jwk", "x5c", "jku", "x5u")


def _where(token: Token) -> str:
    kid = f", kid={token.kid!r}" if token.kid is not None else ", no kid"
    return f"alg={token.alg}{kid} ({token.source or 'token'})"


def _embedded_note(token: Token) -> str:
    present = [name for name in _KEY_REFERENCES if name in (token.header or {})]
    if not present:
        return ""
    return (
        f" The header names its own key ({', '.join(present)}); that is never used here: "
        "anyone can put a key there (RFC 8725 §3.10)."
    )


def _finding(code: str, severity: Severity, title: str, detail: str, evidence: str, fix: str,
             refs: tuple[str, ...] = _REFS, *,
             source: Source | None = None) -> Finding:  # fmt: skip
    return Finding(code, severity, title, detail, evidence, fix, refs, source=source)


def _signature(token: Token) -> Source | None:
    return sources.segment(token, TokenPart.SIGNATURE)


def not_checked(token: Token, had_keys: bool, front: FrontEnd = "cli") -> Finding:
    why = "None of the keys given could be read" if had_keys else "No key or secret was given"
    return _finding(
        "sig.not_checked",
        Severity.INFO,
        "Signature not checked: no key",
        f"{why}, so the signature was not checked; a tampered token or one signed by "
        f"another key is not ruled out.{_embedded_note(token)}",
        _where(token),
        "Save the issuer's JWKS (the jwks_uri in its /.well-known/openid-configuration) and "
        f"give it {via('key', front)}; for HS256/384/512 give the shared secret"
        f" {via('secret', front)}.",
        source=_signature(token),
    )


def secret_for_asymmetric(token: Token, spec: AlgSpec, front: FrontEnd = "cli") -> Finding:
    return _finding(
        "sig.not_checked",
        Severity.INFO,
        f"Signature not checked: {spec.name} needs a public key, not a secret",
        f"The token is signed with {spec.name}, an asymmetric algorithm; only the "
        "issuer's public key can verify it, and an HMAC secret was given instead.",
        _where(token),
        f"Give the issuer's JWKS or PEM public key {via('key', front)}.",
        source=sources.jose_header(token, "alg"),
    )


def unsupported(token: Token, alg: str) -> Finding:
    return _finding(
        "sig.not_checked",
        Severity.WARNING,
        f"Signature not checked: alg {alg!r} is not a JWS algorithm authtui knows",
        "Known: HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, ES256K, EdDSA. "
        "Algorithm names are case-sensitive; most servers refuse any other value.",
        _where(token),
        "Have the issuer sign with a registered algorithm the server allows.",
        ("RFC 7518 §3.1", "RFC 8725 §3.1"),
        source=sources.jose_header(token, "alg"),
    )


def valid(token: Token, key: LoadedKey, kid_missing: bool) -> Finding:
    extra = (
        f" The token's kid {token.kid!r} names no key given; this key has no kid, so a "
        "server that selects keys by kid will not find it."
        if kid_missing
        else ""
    )
    return _finding(
        "sig.valid",
        Severity.OK,
        f"Signature valid: verified with {key.description}",
        f"The signature checks out, so it is not why the request was refused.{extra}",
        _where(token),
        "Look at the other findings: claims, time, audience and scope.",
        source=sources.key(key.source, token),
    )


def valid_hmac(token: Token, label: str, variant: str) -> Finding:
    if not variant:
        return _finding(
            "sig.valid",
            Severity.OK,
            f"Signature valid: verified with {label}",
            "The signature checks out, so it is not why the request was refused.",
            _where(token),
            "Look at the other findings: claims, time, audience and scope.",
            source=_signature(token),
        )
    return _finding(
        "sig.valid",
        Severity.WARNING,
        f"Signature valid only with the secret {variant}",
        f"The signature verifies with {label} only when it is {variant}. If the server reads "
        "the secret differently from the issuer, it refuses every token.",
        _where(token),
        "Make the issuer and the server read the secret the same way (raw bytes or "
        "base64-decoded, no trailing newline).",
        ("RFC 7518 §3.2",),
        source=_signature(token),
    )


def invalid(token: Token, spec: AlgSpec, tried: list[LoadedKey]) -> Finding:
    shapes = {p for p in (shape_problem(spec, k, token) for k in tried) if p}
    names = "; ".join(k.description for k in tried[:6])
    return _finding(
        "sig.invalid",
        Severity.ERROR,
        "Signature invalid: the token does not verify with the matching key",
        f"Tried {names}. Either the token was changed after signing, or it was signed "
        f"with another key of the same type.{' ' + ' '.join(sorted(shapes)) if shapes else ''}"
        f"{_embedded_note(token)}",
        f"{_where(token)}; signature {len(token.signature)} bytes",
        "Get a fresh token from the issuer and make sure the key given is the issuer's "
        "current key; never edit a token by hand.",
        source=sources.key(tried[0].source, token) if tried else _signature(token),
    )


def invalid_hmac(token: Token, spec: AlgSpec, labels: list[str]) -> Finding:
    shape = shape_problem(spec, None, token)
    return _finding(
        "sig.invalid",
        Severity.ERROR,
        f"Signature invalid: the {spec.name} signature does not match the secret",
        f"Tried {'; '.join(labels[:6])} (also trimmed and base64-decoded). The token was "
        f"changed after signing, or the issuer uses another secret.{' ' + shape if shape else ''}",
        f"{_where(token)}; signature {len(token.signature)} bytes",
        "Check that the server's secret is the issuer's, byte for byte.",
        ("RFC 7515 §5.2", "RFC 7518 §3.2"),
        source=_signature(token),
    )


def kid_not_found(
    token: Token, keys: list[LoadedKey], others: list[LoadedKey], front: FrontEnd = "cli"
) -> Finding:
    kids = sorted({k.kid for k in keys if k.kid})
    listed = ", ".join(kids[:12]) + (" ..." if len(kids) > 12 else "")
    verified = (
        f" Yet {others[0].description} does verify it: the key is there under another kid."
        if others
        else ""
    )
    return _finding(
        "sig.kid_not_found",
        Severity.ERROR,
        f"No key with kid {token.kid!r}",
        f"The token names kid {token.kid!r}; the keys given have kids {listed}.{verified} "
        "Usually the issuer rotated its signing keys (the token is newer than the JWKS, or "
        "the server cached an old one), or the token comes from another tenant or realm "
        "than the one the server trusts.",
        f"{_where(token)}; kids given: {listed}",
        "Fetch the current JWKS from the issuer's jwks_uri yourself and give it"
        f" {via('key', front)}; "
        "compare the token's iss with the issuer (tenant, realm) the server is set up for.",
        ("RFC 7515 §4.1.4", "RFC 7517 §4.5"),
        source=sources.key(keys[0].source, token, "kid")
        if keys
        else sources.jose_header(token, "kid"),
    )


def alg_mismatch(token: Token, spec: AlgSpec, reasons: list[str], math_ok: bool) -> Finding:
    extra = (
        " The signature does verify with that key's material, but a server that honours "
        "the key's alg will refuse it."
        if math_ok
        else ""
    )
    return _finding(
        "sig.alg_mismatch",
        Severity.ERROR,
        f"The token's alg {spec.name} does not fit the key",
        f"{'; '.join(reasons[:6])}.{extra} ES256 needs P-256, ES384 P-384, ES512 P-521.",
        _where(token),
        f"Either the issuer signs with another key than the server expects, or the server "
        f"is set up for another algorithm: allow {spec.name} with a key of the right type.",
        ("RFC 7518 §3.1", "RFC 7517 §4.4", "RFC 8725 §3.1"),
        source=sources.jose_header(token, "alg"),
    )


def alg_confusion(
    token: Token,
    spec: AlgSpec,
    public: list[LoadedKey],
    forged: tuple[LoadedKey, str] | None,
    front: FrontEnd = "cli",
) -> Finding:
    if forged is not None:
        key, words = forged
        return _finding(
            "sig.alg_confusion",
            Severity.ERROR,
            f"Forged token: signed with {key.description} used as an HMAC secret",
            f"The token says {spec.name}, and its signature is an HMAC computed with {words}: "
            "the public key, which anyone has. This is the RS256-to-HS256 algorithm "
            "confusion attack; a correct server rejects it.",
            f"{_where(token)}; HMAC over the signing input with {words} matches",
            "Reject the token. Make the server pin the algorithm to each key (never accept "
            "HS* for an RSA/EC key); if it ever accepted such a token, treat it as a breach.",
            ("RFC 8725 §2.1", "RFC 8725 §3.1"),
            source=sources.key(key.source, token, "alg"),
        )
    names = "; ".join(k.description for k in public[:4])
    return _finding(
        "sig.alg_confusion",
        Severity.ERROR,
        f"{spec.name} token checked against public keys only",
        f"The token says {spec.name} (HMAC, a shared secret) but only public keys were given "
        f"({names}). A public key must never be used as an HMAC secret to accept a token.",
        _where(token),
        f"If the issuer really uses {spec.name}, give its secret {via('secret', front)}; if it "
        "signs with RSA/EC, the token did not come from it.",
        ("RFC 8725 §2.1", "RFC 8725 §3.1"),
        source=sources.jose_header(token, "alg"),
    )


def weak_secret(spec: AlgSpec, label: str, length: int) -> Finding:
    severity = Severity.ERROR if length < spec.hash_bytes // 2 else Severity.WARNING
    return _finding(
        "sig.weak_secret",
        severity,
        f"HMAC secret too short for {spec.name}: {length} bytes, needs {spec.hash_bytes}",
        f"RFC 7518 requires an HMAC key at least as long as the hash ({spec.hash_bytes} bytes "
        f"for {spec.name}). Short secrets can be guessed offline from one token, and strict "
        "libraries (Nimbus/Spring, jose4j, Microsoft.IdentityModel) refuse them.",
        f"{label}: {length} bytes (value not shown)",
        f"Use a random secret of at least {spec.hash_bytes} bytes (`openssl rand -base64 "
        f"{spec.hash_bytes}`), or an asymmetric algorithm.",
        ("RFC 7518 §3.2", "RFC 8725 §3.5"),
    )


def detached(token: Token) -> Finding:
    return _finding(
        "sig.not_checked",
        Severity.INFO,
        "Signature not checked: the payload is detached",
        "The token's payload segment is empty: a JWS with a detached payload (RFC 7515 "
        "Appendix F) signs content that travels separately, so the signature cannot be "
        "checked from the token alone.",
        _where(token),
        "Check the signature over the detached content it belongs to; an API that expects "
        "a JWT needs a token with its claims inside.",
        ("RFC 7515 Appendix F",),
        source=sources.segment(token, TokenPart.PAYLOAD),
    )


def duplicate_kid(
    token: Token,
    spec: AlgSpec,
    keys: Sequence[LoadedKey],
    verifies: Callable[[Token, AlgSpec, LoadedKey], bool],
) -> list[Finding]:
    """``sig.duplicate_kid``: two or more keys share the token's kid."""
    which = [verifies(token, spec, k) for k in keys]
    same = len({k.material or repr(k.public_key) for k in keys}) == 1 and all(
        k.material for k in keys
    )
    names = "; ".join(
        f"{k.description}: {'verifies' if ok else 'does not verify'}"
        for k, ok in zip(keys, which, strict=True)
    )
    if same:
        severity, outcome = Severity.INFO, "They are the same key, so which one wins is moot."
    elif which[0]:
        severity, outcome = (
            Severity.WARNING,
            "The first verifies the token, so a library that takes the first key accepts it;"
            " one that takes the last, or tries only one, may not.",
        )
    elif any(which):
        severity, outcome = (
            Severity.ERROR,
            "The first does not verify the token but another does: a library that takes the"
            " first key with this kid (PyJWT's PyJWKSet, many caches) refuses it.",
        )
    else:
        severity, outcome = Severity.WARNING, "None of them verifies the token."
    return [
        _finding(
            "sig.duplicate_kid",
            severity,
            f"{len(keys)} keys in the key set share the token's kid {token.kid!r}",
            "A kid must pick one key (RFC 7517 §4.5); with two, libraries differ on which they"
            f" take: the first, the last, or each in turn. {outcome}",
            f"{_where(token)}; {names}",
            "Give each key in the JWKS its own kid (the issuer's key rotation should mint a new"
            " kid with each new key), and drop retired keys from the set.",
            ("RFC 7517 §4.5", "RFC 7515 §4.1.4"),
            source=sources.key(keys[0].source, token, "kid"),
        )
    ]


def cert_validity(
    token: Token | None, keys: Sequence[LoadedKey], matched: str | None, now: float
) -> list[Finding]:
    """``sig.cert_expired``: a key's certificate that is not valid at ``now``.

    An error for the key the token needs (the one that verified it, or one with its
    kid), a warning for the others.
    """
    findings: list[Finding] = []
    kid = token.kid if token is not None else None
    for key in keys:
        cert = key.cert
        if cert is None or cert.not_before <= now <= cert.not_after:
            continue
        expired = now > cert.not_after
        used = key.description == matched or (kid is not None and key.kid == kid)
        when = cert.not_after if expired else cert.not_before
        state = "expired" if expired else "not yet valid"
        findings.append(
            _finding(
                "sig.cert_expired",
                Severity.ERROR if used or len(keys) == 1 else Severity.WARNING,
                f"The key's certificate is {state} at the evaluation time ({cert.subject})",
                (
                    f"The {cert.where} that holds {key.description} "
                    + (
                        f"expired {timefmt.since(when, now)}"
                        if expired
                        else f"only becomes valid {timefmt.since(when, now)}"
                    )
                    + ". Servers that check the certificates of their signing keys (x5c chain"
                    " validation, SAML and WS-Federation metadata, Java key stores with"
                    " validity checks) refuse tokens it signed; others still accept them."
                ),
                f"{cert.where} {cert.subject}: valid {timefmt.utc(cert.not_before)} to "
                f"{timefmt.utc(cert.not_after)}; evaluated at {timefmt.utc(now)}",
                "Have the issuer publish a current certificate (roll its signing key), or, if"
                " this is an old copy of the key, fetch the current one from its jwks_uri.",
                ("RFC 5280 §4.1.2.5", "RFC 7517 §4.7"),
                source=sources.key(key.source),
            )
        )
    return findings
