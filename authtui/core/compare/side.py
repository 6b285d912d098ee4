"""One side of a comparison: its report, its context, and the facts compared.

Every value a difference shows comes from here. Values are read from the
*report* (already redacted the way ``diagnose`` redacts) wherever the report
holds them; the context is read only for what the report shows in another form
(the granted scopes, the Basic user that ``authz.basic`` names) and for secrets,
which leave this module only as fingerprints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from authtui.core.checks.claims import CLIENT_ID_CLAIMS, audience_list
from authtui.core.checks.scope import granted_scopes
from authtui.core.context import Context
from authtui.core.http.basic import basic_user
from authtui.core.model import Credentials, Finding, Kind, Report, Severity, Token, TokenForm
from authtui.core.safety.secrets import fingerprint
from authtui.core.safety.shapes import decode_basic
from authtui.core.timefmt import relative

# A 2xx that is an auth failure all the same (contract: status.*).
_FAILURE_BEHIND_SUCCESS = frozenset({"status.login_redirect", "status.graphql_auth"})
_TYPE_CLAIMS = ("typ", "type", "token_type", "token_use")
"""Claims that say what kind of token it is (Keycloak, flask-jwt-extended, Cognito)."""


@dataclass(frozen=True, slots=True)
class Side:
    """A diagnosed paste, as one side of a comparison."""

    label: str
    """``A`` or ``B``: the order of the arguments."""
    report: Report
    """The redacted report: what every value shown is read from."""
    ctx: Context
    """The context the report was built from (not redacted: read with care)."""

    @property
    def works(self) -> bool:
        """Whether this side passed authentication, judged from its verdict."""
        return side_works(self.report)

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the findings that are not ``ok``."""
        return frozenset(f.code for f in self.report.findings if f.severity is not Severity.OK)

    def finding(self, code: str) -> Finding | None:
        """This side's first finding with ``code``."""
        return next((f for f in self.report.findings if f.code == code), None)


def side_works(report: Report) -> bool:
    """Whether a report shows a request that passed authentication.

    A status the verdict calls no auth failure works (a 404 passed authentication);
    so does a 2xx the server answered, whatever the tool thinks of the token (the
    server accepted it), unless it is one of the contract's auth failures behind a
    2xx. Without a status (a token on its own), it works when no finding is an error.
    """
    verdict = report.verdict
    status = report.exchange.status
    if verdict.kind is Kind.NOT_AN_AUTH_FAILURE:
        return True
    if status is not None:
        return 200 <= status < 300 and not _FAILURE_BEHIND_SUCCESS & set(verdict.causes)
    return not report.has_error


# --- the request ------------------------------------------------------------------


def has_request(side: Side) -> bool:
    """Whether the paste showed the request (its headers can be compared)."""
    return side.report.exchange.has_request


def has_response(side: Side) -> bool:
    """Whether the paste showed the response."""
    return side.report.exchange.has_response


def scheme_of(cred: Credentials | None) -> str:
    """``Bearer``, ``Basic``, or ``no scheme`` for a bare token; ``none`` without credentials."""
    if cred is None:
        return "none"
    return cred.scheme or "no scheme"


def place_of(cred: Credentials) -> str:
    """Where a credential travelled, in words: ``Authorization header``, ``query access_token``."""
    name = cred.field_name
    return name if " " in name else f"{name} header"


def host_of(side: Side) -> str | None:
    """The host (and port) the request went to, lower-cased; ``None`` when not shown."""
    exchange = side.report.exchange
    for url in (exchange.url, exchange.target):
        if url and "://" in url:
            try:
                netloc = urlsplit(url).netloc
            except ValueError:
                continue
            if netloc:
                return netloc.rpartition("@")[2].lower()
    hosts = exchange.request_header("Host") or exchange.request_header(":authority")
    return hosts[0].strip().lower() if hosts else None


def path_of(side: Side) -> str | None:
    """The request's path, without its query; ``None`` when not shown."""
    exchange = side.report.exchange
    target = exchange.target or exchange.url
    if not target:
        return None
    if "://" in target:
        try:
            return urlsplit(target).path or "/"
        except ValueError:
            return None
    return target.partition("?")[0].partition("#")[0] or "/"


def basic_parts(side: Side, field: str | None = None) -> tuple[str | None, str] | None:
    """A Basic credential as ``(user, secret fingerprint)``; ``None`` when not Basic.

    ``field`` names the header (``Proxy-Authorization``); by default, the credential
    that matters. The user is what ``authz.basic`` shows; the secret (the password,
    or the whole value when it does not decode to ``user:password``) only as its
    fingerprint.
    """
    if field is None:
        cred = side.ctx.primary
    else:
        wanted = field.lower()
        cred = next((c for c in side.ctx.credentials if c.field_name.lower() == wanted), None)
    if cred is None or cred.scheme_key != "basic":
        return None
    token = cred.token68 or ""
    user, _has_password, note = basic_user(cred)
    decoded = decode_basic(token)
    if user is None or decoded is None or (note is not None and note.code == "basic.no_colon"):
        return None, str(fingerprint(token))
    return user, str(fingerprint(decoded.partition(":")[2]))


def basic_fields(side: Side) -> list[str]:
    """The headers that carry Basic credentials on this side, as written."""
    return [c.field_name for c in side.ctx.credentials if c.scheme_key == "basic"]


# --- the token --------------------------------------------------------------------


def token_of(side: Side) -> Token | None:
    """The token under diagnosis, when there is one."""
    token = side.report.token
    return token if token is not None and token.form is not TokenForm.NONE else None


def header_of(side: Side) -> dict[str, Any] | None:
    """The token's decoded JOSE header, when readable."""
    token = token_of(side)
    return token.header if token is not None and isinstance(token.header, dict) else None


def claims_of(side: Side) -> dict[str, Any] | None:
    """The token's claims, when it has a JSON payload."""
    token = token_of(side)
    return token.claims if token is not None and isinstance(token.claims, dict) else None


def show(value: Any) -> str:
    """A claim's value in one line: strings as they are, the rest as JSON-like text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(show(v) for v in value)
    return repr(value) if not isinstance(value, int | float | bool) else str(value).lower()


def audiences_of(side: Side) -> list[str] | None:
    """The token's audiences; ``[]`` when it has none; ``None`` without claims."""
    claims = claims_of(side)
    if claims is None:
        return None
    return audience_list(claims.get("aud"))[0] if "aud" in claims else []


def scopes_of(side: Side) -> list[str] | None:
    """Every scope and role the token grants, in the token's order; ``None`` without claims."""
    if claims_of(side) is None:
        return None
    granted = granted_scopes(side.ctx)
    return list(granted) if granted is not None else []


def client_of(side: Side) -> str | None:
    """The client the token was issued to (``azp=…``, ``client_id=…``); ``None`` when unnamed."""
    claims = claims_of(side)
    if claims is None:
        return None
    named = [f"{n}={claims[n]}" for n in CLIENT_ID_CLAIMS if isinstance(claims.get(n), str)]
    return ", ".join(named) or None


def kind_of(side: Side) -> str | None:
    """What the token says it is: header ``typ`` and the claims that name a kind."""
    header, claims = header_of(side), claims_of(side)
    parts = []
    if header is not None and isinstance(header.get("typ"), str):
        parts.append(f"typ {header['typ']}")
    if claims is not None:
        parts += [f"{n}={claims[n]}" for n in _TYPE_CLAIMS if isinstance(claims.get(n), str)]
    return ", ".join(parts) or None


def number(claims: dict[str, Any], name: str) -> float | None:
    """A NumericDate claim as seconds, when it is a plain finite number."""
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = float(value)
    return seconds if math.isfinite(seconds) else None


def lifetime_of(side: Side) -> float | None:
    """``exp - iat`` in seconds, when both are numbers."""
    claims = claims_of(side)
    if claims is None:
        return None
    exp, iat = number(claims, "exp"), number(claims, "iat")
    return exp - iat if exp is not None and iat is not None else None


_VALIDITY = (
    ("time.expired", "expired"),
    ("time.not_yet_valid", "not yet valid"),
    ("time.iat_future", "issued in the future"),
    ("time.window_invalid", "never valid (its window is empty)"),
    ("time.expired_within_skew", "expired, inside the skew allowance"),
    ("time.valid", "valid"),
    ("time.no_exp", "valid (no exp)"),
)
VALID_STATES = frozenset({"valid", "valid (no exp)", "expired, inside the skew allowance"})
"""States a server that applies the same skew accepts."""


def validity_of(side: Side) -> tuple[str, str] | None:
    """``(state, in words)``: the token's validity by this side's own clock; ``None``
    when the token has no time claims to judge."""
    report, claims = side.report, claims_of(side)
    if claims is None:
        return None
    codes = {f.code for f in report.findings}
    state = next((name for code, name in _VALIDITY if code in codes), None)
    if state is None:
        return None
    now, exp, nbf = report.clock.now, number(claims, "exp"), number(claims, "nbf")
    words = state
    if exp is not None and state in {"expired", "expired, inside the skew allowance"}:
        words = f"{state} ({relative(now - exp)} before its evaluation time)"
    elif nbf is not None and state == "not yet valid":
        words = f"not yet valid (nbf {relative(nbf - now)} after its evaluation time)"
    elif exp is not None and state == "valid":
        words = f"valid ({relative(exp - now)} left at its evaluation time)"
    return state, words
