"""Checks: the token's ``aud`` and ``iss`` against what the API expects.

Comparison is exact (RFC 7519 §4.1.3, RFC 9068 §4); when it fails, the near miss
is named: trailing slash, scheme, case, host, ``/v2.0``, ``api://``, Azure v1/v2
issuers, Keycloak realms, B2C hosts, a client id where an API id belongs, and values
that look identical but differ in code points (:mod:`.lookalike`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.checks.lookalike import lookalike
from authtui.core.context import Context
from authtui.core.controls import control
from authtui.core.model import Finding, Severity
from authtui.core.place import TokenPart

AT_JWT_TYPES = frozenset({"at+jwt", "application/at+jwt"})
RFC9068_REQUIRED = ("iss", "exp", "aud", "sub", "client_id", "iat", "jti")
COMMONLY_EXPECTED = frozenset({"iss", "exp", "aud", "sub", "iat"})
CLIENT_ID_CLAIMS = ("azp", "client_id", "appid", "cid")
AZURE_HOSTS = frozenset({"sts.windows.net", "login.microsoftonline.com", "login.windows.net"})
_AUD_FIX = (
    "Request the token for this API (the audience, resource or scope parameter at the"
    " token endpoint: Auth0 audience=, Azure scope=api://<app>/.default, Keycloak an"
    " audience mapper), or add this audience to the API's accepted ones if it is meant for it."
)
_ISS_FIX = (
    "Configure the API with the issuer exactly as tokens state it (copy it from the issuer's"
    " /.well-known/openid-configuration), or get the token from the issuer the API trusts."
)


def as_json(value: Any) -> str:
    """A claim value as compact JSON, shortened to 200 characters; never raises."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError, RecursionError):
        text = "<unprintable value>"
    return text if len(text) <= 200 else text[:197] + "..."


def _claims(ctx: Context) -> dict[str, Any] | None:
    claims = ctx.token.claims if ctx.token is not None else None
    return claims if isinstance(claims, dict) else None


def is_access_token_profile(ctx: Context) -> bool:
    """True when the header's ``typ`` says RFC 9068 (``at+jwt``)."""
    typ = (ctx.token.header or {}).get("typ") if ctx.token is not None else None
    return isinstance(typ, str) and typ.lower() in AT_JWT_TYPES


def is_guid(text: str) -> bool:
    """True for a GUID such as ``6e74172b-be56-4843-9ff4-e66a39bb12e3``."""
    if len(text) != 36 or any(text[i] != "-" for i in (8, 13, 18, 23)):
        return False
    return all(c in "0123456789abcdefABCDEF" for c in text.replace("-", ""))


def _norm(text: str) -> str:
    return text.rstrip("/").lower()


def _split(text: str) -> tuple[str, str, str] | None:
    """(scheme, host, path) of an absolute URL, lower-cased host; ``None`` otherwise."""
    if len(text) > 2048 or "://" not in text:
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        host = parts.netloc.rpartition("@")[2].lower()
    except ValueError:
        return None
    return (parts.scheme.lower(), host, parts.path.rstrip("/")) if host else None


def _strip_scheme(text: str) -> str:
    return text.split("://", 1)[1] if "://" in text else text


def generic_near_miss(expected: str, actual: str) -> str | None:
    """Why ``actual`` almost equals ``expected`` (any identifier), or ``None``."""
    looks = lookalike(expected, actual)
    if looks is not None:
        return looks
    if actual.rstrip("/") == expected.rstrip("/"):
        return "differs only by a trailing slash"
    if actual.lower() == expected.lower():
        return "differs only in letter case (compared case-sensitively)"
    a, e = _norm(actual), _norm(expected)
    if a == e:
        return "differs only in letter case and a trailing slash"
    if _strip_scheme(a) == _strip_scheme(e) and "://" in a and "://" in e:
        return f"differs in scheme ({a.split('://')[0]} vs {e.split('://')[0]})"
    if a.removesuffix("/v2.0") == e.removesuffix("/v2.0"):
        return "one has /v2.0 (the Azure AD v2.0 endpoint) and the other does not"
    if a.removeprefix("api://") == e.removeprefix("api://"):
        return (
            "App ID URI (api://…) vs bare application id: Azure v2.0 access tokens carry the"
            " application id as aud, v1.0 tokens the App ID URI"
        )
    return _url_near_miss(expected, actual)


def _url_near_miss(expected: str, actual: str) -> str | None:
    got, want = _split(actual), _split(expected)
    if got is None or want is None:
        return None
    if got[1] != want[1] and got[2].lower() == want[2].lower():
        return f"same path, different host ({got[1]} vs {want[1]})"
    if got[1] == want[1] and got[2] != want[2]:
        return f"same host, different path ({got[2] or '/'} vs {want[2] or '/'})"
    return None


def _azure_tenant(parts: tuple[str, str, str]) -> tuple[str, str] | None:
    """(tenant, version) of an Entra ID issuer."""
    if parts[1] not in AZURE_HOSTS:
        return None
    segments = [s for s in parts[2].split("/") if s]
    if not segments:
        return None
    version = "v2.0" if segments[-1] == "v2.0" else "v1.0"
    return segments[0].lower(), version


def _keycloak(path: str) -> tuple[str, str] | None:
    """(prefix, realm) of a Keycloak issuer path ``[/auth]/realms/<realm>``."""
    head, marker, realm = path.partition("/realms/")
    return (head, realm) if marker and realm and "/" not in realm else None


def issuer_near_miss(expected: str, actual: str) -> str | None:
    """Why issuer ``actual`` almost equals ``expected``, naming IdP shapes first."""
    got, want = _split(actual), _split(expected)
    if got is not None and want is not None:
        for reason in (_azure_reason(got, want), _b2c_reason(got, want), _kc_reason(got, want)):
            if reason:
                return reason
    return generic_near_miss(expected, actual)


def _azure_reason(got: tuple[str, str, str], want: tuple[str, str, str]) -> str | None:
    a, e = _azure_tenant(got), _azure_tenant(want)
    if a is None or e is None:
        return None
    if a[0] != e[0]:
        return f"a different Entra ID tenant ({a[0]} vs {e[0]})"
    if a[1] != e[1]:
        return (
            f"same tenant, but a {a[1]} token against a {e[1]} issuer (v1.0: sts.windows.net/"
            "<tenant>/, v2.0: login.microsoftonline.com/<tenant>/v2.0); set"
            " accessTokenAcceptedVersion in the app manifest, or accept both issuers"
        )
    return None


def _b2c_reason(got: tuple[str, str, str], want: tuple[str, str, str]) -> str | None:
    hosts = (got[1], want[1])
    if got[1] == want[1] or not any(h.endswith(".b2clogin.com") for h in hosts):
        return None
    return (
        f"an Azure AD B2C issuer host differs ({got[1]} vs {want[1]}): B2C issuers follow the"
        " domain the policy was called on; copy the issuer from that policy's metadata"
    )


def _kc_reason(got: tuple[str, str, str], want: tuple[str, str, str]) -> str | None:
    a, e = _keycloak(got[2]), _keycloak(want[2])
    if a is None or e is None:
        return None
    if a[1] != e[1]:
        return f"a different Keycloak realm ({a[1]} vs {e[1]})"
    if a[0] != e[0]:
        return (
            f"the same Keycloak realm under another path ({a[0] or '/'} vs {e[0] or '/'}):"
            " Keycloak before 17 served realms under /auth"
        )
    if got[1] != want[1]:
        return (
            f"the same Keycloak realm on another host ({got[1]} vs {want[1]}): Keycloak writes"
            " the host the client used into iss; set KC_HOSTNAME so both agree"
        )
    return None


def audience_list(raw: Any) -> tuple[list[str], bool]:
    """The audiences of an ``aud`` value, and whether the value was well-formed."""
    if isinstance(raw, str):
        return [raw], True
    if isinstance(raw, list):
        values = [v for v in raw if isinstance(v, str)]
        return values, len(values) == len(raw)
    return [], False


def _client_ids(claims: dict[str, Any]) -> dict[str, str]:
    return {n: v for n in CLIENT_ID_CLAIMS if isinstance(v := claims.get(n), str) and v}


def aud_near_misses(expected: tuple[str, ...], got: list[str], claims: dict[str, Any]) -> list[str]:
    """Every near miss between the token's audiences and the expected ones."""
    reasons: list[str] = []
    clients = _client_ids(claims)
    for actual in got:
        for name, value in clients.items():
            if actual == value:
                reasons.append(
                    f"aud {actual!r} equals the token's {name}: it was issued to the client"
                    " itself, not for this API (an ID token, or no API scope/audience requested)"
                )
        for want in expected:
            reason = generic_near_miss(want, actual)
            if reason is None and is_guid(actual) and "://" in want:
                reason = "a GUID (an application or client id) where the API expects a URL"
            if reason:
                reasons.append(f"{actual} vs {want}: {reason}")
    for want in expected:
        for name, value in clients.items():
            if want == value:
                reasons.append(
                    f"the expected audience {want!r} is the client's own id ({name}): only"
                    " ID tokens carry it; access tokens carry the API's identifier"
                )
    return list(dict.fromkeys(reasons))


def check_audience(ctx: Context) -> Iterator[Finding]:
    """``claims.aud_mismatch``, ``claims.aud_missing``, ``claims.aud_ok``."""
    claims = _claims(ctx)
    if claims is None:
        return
    expected = tuple(a for a in ctx.options.audiences if a)
    raw = claims.get("aud")
    got, well_formed = audience_list(raw)
    if "aud" not in claims or (isinstance(raw, list) and not raw):
        if expected or is_access_token_profile(ctx):
            yield _aud_missing(ctx, expected, raw if "aud" in claims else None)
        return
    if not expected:
        return
    matched = [a for a in got if a in expected]
    if matched:
        yield Finding(
            code="claims.aud_ok",
            severity=Severity.OK,
            title=f"The token's audience matches: {matched[0]}",
            detail="At least one aud value equals an audience the API accepts.",
            evidence=f"aud={as_json(raw)} in the token; expected: {', '.join(expected)}",
            fix="Nothing to do for the audience.",
            refs=("RFC 7519 §4.1.3",),
            source=sources.claim(ctx.token, "aud"),
        )
        return
    found = _aud_mismatch(expected, raw, got, well_formed, claims, control("aud", ctx.front))
    yield replace(found, source=sources.claim(ctx.token, "aud"))


def _aud_missing(ctx: Context, expected: tuple[str, ...], raw: Any) -> Finding:
    shown = f"aud={as_json(raw)}" if raw is not None else "no aud claim"
    return Finding(
        code="claims.aud_missing",
        severity=Severity.ERROR if expected else Severity.WARNING,
        title="The token has no audience (aud)",
        detail=(
            "RFC 9068 requires aud in access tokens, and an API that checks audiences rejects"
            " a token without one (ASP.NET Core reports it as \"The audience 'empty' is"
            ' invalid"; AWS API Gateway falls back on client_id). The token was likely'
            " requested without naming the API."
        ),
        evidence=f"{shown} in the token"
        + (f"; expected: {', '.join(expected)}" if expected else "; header typ is at+jwt"),
        fix=_AUD_FIX,
        refs=("RFC 7519 §4.1.3", "RFC 9068 §2.2", "RFC 8725 §3.9"),
        source=sources.claim(ctx.token, "aud")
        if raw is not None
        else sources.segment(ctx.token, TokenPart.PAYLOAD),
    )


def _aud_mismatch(
    expected: tuple[str, ...],
    raw: Any,
    got: list[str],
    well_formed: bool,
    claims: dict[str, Any],
    where: str,
) -> Finding:
    reasons = aud_near_misses(expected, got, claims)
    shape = "" if well_formed else " aud must be a string or an array of strings."
    near = f" Near miss (token vs expected): {'; '.join(reasons)}." if reasons else ""
    alike = any(lookalike(want, have) for want in expected for have in got)
    return Finding(
        code="claims.aud_mismatch",
        severity=Severity.ERROR,
        title="The token's audience looks like the expected one but differs in code points"
        if alike
        else "No audience in the token is one the API accepts",
        detail=(
            "A recipient that does not find itself in aud must reject the token; values are"
            f" compared exactly.{shape}{near}"
        ),
        evidence=f"aud={as_json(raw)} in the token; expected ({where}): {', '.join(expected)}",
        fix=_AUD_FIX,
        refs=("RFC 7519 §4.1.3", "RFC 9068 §4", "RFC 8725 §3.9"),
    )


def check_issuer(ctx: Context) -> Iterator[Finding]:
    """``claims.iss_mismatch``, ``claims.iss_missing``, ``claims.iss_ok``."""
    claims = _claims(ctx)
    if claims is None:
        return
    expected = ctx.options.issuer or None
    raw = claims.get("iss")
    if raw is None or raw == "":
        if expected or is_access_token_profile(ctx):
            found = _iss_missing(expected, raw, "iss" in claims, control("iss", ctx.front))
            yield replace(
                found,
                source=sources.claim(ctx.token, "iss")
                if "iss" in claims
                else sources.segment(ctx.token, TokenPart.PAYLOAD),
            )
        return
    if expected is None:
        return
    where = control("iss", ctx.front)
    if raw == expected:
        yield Finding(
            code="claims.iss_ok",
            severity=Severity.OK,
            title=f"The token's issuer matches: {expected}",
            detail="iss equals the issuer the API trusts, exactly.",
            evidence=f"iss={as_json(raw)} in the token; expected ({where}): {expected}",
            fix="Nothing to do for the issuer.",
            refs=("RFC 7519 §4.1.1", "RFC 9068 §4"),
            source=sources.claim(ctx.token, "iss"),
        )
        return
    reason = issuer_near_miss(expected, raw) if isinstance(raw, str) else None
    shape = "" if isinstance(raw, str) else " iss must be a string."
    near = f" Near miss (token vs expected): {reason}." if reason else ""
    alike = isinstance(raw, str) and lookalike(expected, raw) is not None
    yield Finding(
        code="claims.iss_mismatch",
        severity=Severity.ERROR,
        title="The token's issuer looks like the expected one but differs in code points"
        if alike
        else "The token's issuer is not the one the API trusts",
        detail=f"The issuer must match exactly (RFC 9068 §4).{shape}{near}",
        evidence=f"iss={as_json(raw)} in the token; expected ({where}): {expected}",
        fix=_ISS_FIX,
        refs=("RFC 7519 §4.1.1", "RFC 9068 §4", "RFC 8725 §3.8"),
        source=sources.claim(ctx.token, "iss"),
    )


def _iss_missing(expected: str | None, raw: Any, present: bool, where: str) -> Finding:
    return Finding(
        code="claims.iss_missing",
        severity=Severity.ERROR if expected else Severity.WARNING,
        title="The token has no issuer (iss)",
        detail=(
            "RFC 9068 requires iss in access tokens; a server that checks the issuer rejects"
            " the token (Microsoft.Identity.Web reports \"The issuer '(null)' is invalid\")."
        ),
        evidence=(f"iss={as_json(raw)}" if present else "no iss claim")
        + (f" in the token; expected ({where}): {expected}" if expected else "; header typ at+jwt"),
        fix="Check that this is a token from the expected issuer; have the issuer set iss.",
        refs=("RFC 7519 §4.1.1", "RFC 9068 §2.2"),
    )


def check_unchecked(ctx: Context) -> Iterator[Finding]:
    """``claims.unchecked`` (info): aud or iss present but no expectation was given."""
    claims = _claims(ctx)
    if claims is None:
        return
    open_ = [
        n for n, given in (("aud", ctx.options.audiences), ("iss", ctx.options.issuer)) if not given
    ]
    shown = [f"{n}={as_json(claims[n])}" for n in open_ if n in claims]
    if not shown:
        return
    flags = " and ".join(control(n, ctx.front) for n in open_)
    yield Finding(
        code="claims.unchecked",
        severity=Severity.INFO,
        title=f"{' and '.join(open_)} not checked: no expectation given",
        detail=f"Without {flags}, the token's {' and '.join(open_)} cannot be compared.",
        evidence="; ".join(shown),
        fix=(
            f"Give the values the API is configured with ({flags}) to compare them."
            if ctx.front == "tui"
            else f"Give {flags} with the values the API is configured with to compare them."
        ),
        refs=("RFC 8725 §3.8", "RFC 8725 §3.9"),
        source=sources.claim(ctx.token, next(n for n in open_ if n in claims)),
    )


def check_recommended(ctx: Context) -> Iterator[Finding]:
    """``claims.missing_recommended``: RFC 9068 access-token claims absent."""
    claims = _claims(ctx)
    if claims is None:
        return
    missing = [n for n in RFC9068_REQUIRED if n not in claims]
    typed = is_access_token_profile(ctx)
    if not missing or not (typed or COMMONLY_EXPECTED & set(missing)):
        return
    yield Finding(
        code="claims.missing_recommended",
        severity=Severity.WARNING if typed else Severity.INFO,
        title=f"Access-token claims absent: {', '.join(missing)}",
        detail=(
            "RFC 9068 requires iss, exp, aud, sub, client_id, iat and jti in JWT access tokens"
            + (
                "; this token says it follows that profile (typ at+jwt)."
                if typed
                else "; validators that follow it may reject the token."
            )
        ),
        evidence=f"claims present: {', '.join(sorted(claims)) or '(none)'}",
        fix="Check that this is an access token for the API; configure the issuer to add them.",
        refs=("RFC 9068 §2.2",),
        source=sources.segment(ctx.token, TokenPart.PAYLOAD),
    )


CHECKS: tuple[Check, ...] = (check_audience, check_issuer, check_unchecked, check_recommended)
