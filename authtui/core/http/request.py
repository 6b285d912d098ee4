"""Every credential a request carries: ``Authorization``, custom headers, query, form.

Credentials are read leniently: the cleaned token comes back ready to decode, and
what had to be cleaned is noted with the contract's ``authz.*`` codes. The grammar
is in :mod:`~authtui.core.http.credentials` (challenges in
:mod:`~authtui.core.http.challenges`); this module finds where credentials travel.
Linear in the input, never raising.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl, unquote

from authtui.core.http.credentials import parse_bare_credentials, parse_credentials
from authtui.core.model import Credentials, Exchange, Header, Span

TOKEN_HEADERS: frozenset[str] = frozenset(
    {
        "x-authorization",
        "x-access-token",
        "x-auth-token",
        "x-id-token",
        "x-jwt",
        "x-jwt-assertion",
        "x-forwarded-access-token",
        "access-token",
        "x-token",
    }
)
"""Lower-case names of non-standard request headers that conventionally carry tokens."""


COOKIE_TOKEN_NAMES: frozenset[str] = frozenset(
    {
        "accesstoken",
        "idtoken",
        "token",
        "jwt",
        "authtoken",
        "authorization",
        "bearer",
        "jwttoken",
        "apitoken",
        "sessiontoken",
        "cfauthorization",  # Cloudflare Access (CF_Authorization)
    }
)
"""Cookie names (lower-cased, without ``-``, ``_``, ``.`` and a ``__Host-`` or
``__Secure-`` prefix) that conventionally carry a token."""


def _cookie_key(name: str) -> str:
    bare = name.strip()
    for prefix in ("__Host-", "__Secure-"):
        bare = bare.removeprefix(prefix)
    return "".join(c for c in bare.lower() if c not in "-_.")


def _cookie_carries_token(name: str, value: str) -> bool:
    """A cookie named like a token (``access_token``, ``jwt``, ``sb-x-auth-token``) or
    whose value is a JWT, whatever its name."""
    key = _cookie_key(name)
    if key in COOKIE_TOKEN_NAMES or key.endswith(("accesstoken", "idtoken", "authtoken", "jwt")):
        return True
    return value.startswith("eyJ") and value.count(".") in (2, 4)


def _cookie_tokens(exchange: Exchange) -> list[Credentials]:
    found: list[Credentials] = []
    for header in exchange.request_headers:
        if header.key != "cookie":
            continue
        for part in header.value.split(";"):
            name, eq, raw = part.partition("=")
            value = unquote(raw.strip().strip('"'))
            if eq and value and _cookie_carries_token(name, value):
                cred = parse_bare_credentials(value, f"cookie {name.strip()}")
                found.append(_with_raw(cred, raw.strip(), header.span))
    return found


def _query_of(exchange: Exchange) -> str:
    target = exchange.target or exchange.url or ""
    query = target.partition("?")[2]
    return query.partition("#")[0]


def _query_tokens(exchange: Exchange) -> list[Credentials]:
    found: list[Credentials] = []
    for part in _query_of(exchange).split("&"):
        name, eq, raw = part.partition("=")
        if eq and unquote(name) == "access_token":
            cred = parse_bare_credentials(unquote(raw), "query access_token")
            found.append(_with_raw(cred, raw, exchange.request_line))
    return found


def _form_tokens(exchange: Exchange) -> list[Credentials]:
    types = exchange.request_header("Content-Type")
    kind = types[0].split(";")[0].strip().lower() if types else ""
    if (
        kind not in ("", "application/x-www-form-urlencoded")
        or "access_token" not in exchange.request_body
    ):
        return []
    found: list[Credentials] = []
    for name, val in parse_qsl(exchange.request_body.strip(), keep_blank_values=True):
        if name == "access_token":
            found.append(parse_bare_credentials(val, "form access_token"))
    return found


def _with_raw(cred: Credentials, raw: str, span: Span | None) -> Credentials:
    return Credentials(
        scheme=cred.scheme,
        token68=cred.token68,
        params=cred.params,
        field_name=cred.field_name,
        raw=raw,
        notes=cred.notes,
        span=span,
    )


def _read(header: Header, bare: bool = False) -> Credentials:
    """The credentials of one header field, with where the field was read."""
    read = parse_bare_credentials if bare else parse_credentials
    cred = read(header.value, header.name)
    return replace(cred, span=header.span) if header.span is not None else cred


def request_credentials(exchange: Exchange) -> tuple[Credentials, ...]:
    """Every credential the request carries, in order of importance.

    ``Authorization`` fields first (each one), then ``Proxy-Authorization``, then
    non-standard token headers (:data:`TOKEN_HEADERS`) in header order, then an
    ``access_token`` in the query, then in a form body, then tokens in cookies
    (``cookie access_token``: a token-like name or a JWT value). The ``DPoP`` proof
    header is not a credential and is left out.
    """
    headers = exchange.request_headers
    found = [_read(h) for h in headers if h.key == "authorization"]
    found += [_read(h) for h in headers if h.key == "proxy-authorization"]
    found += [_read(h, bare=True) for h in headers if h.key in TOKEN_HEADERS]
    found += _query_tokens(exchange)
    found += _form_tokens(exchange)
    found += _cookie_tokens(exchange)
    return tuple(found)
