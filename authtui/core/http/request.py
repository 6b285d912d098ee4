"""Every credential a request carries: ``Authorization``, custom headers, query, form.

Credentials are read leniently: the cleaned token comes back ready to decode, and
what had to be cleaned is noted with the contract's ``authz.*`` codes. The grammar
is in :mod:`~authtui.core.http.credentials` (challenges in
:mod:`~authtui.core.http.challenges`); this module finds where credentials travel.
Linear in the input, never raising. Of each kind of field at most
:data:`~authtui.core.limits.MAX_CREDENTIALS_PER_FIELD` are read (a paste of a million
``Authorization`` lines is counted, by :func:`credential_total`, not decoded a million
times).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from urllib.parse import parse_qsl, unquote

from authtui.core.http.credentials import parse_bare_credentials, parse_credentials
from authtui.core.limits import MAX_CREDENTIALS_PER_FIELD
from authtui.core.model import Credentials, Exchange, Header
from authtui.core.place import Span

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


def _cookie_values(exchange: Exchange) -> Iterator[tuple[str, str, str, Span | None]]:
    """``(name, value, raw, span)`` of every cookie that carries a token, in order
    (``span``: where its ``Cookie`` field was read)."""
    for header in exchange.request_headers:
        if header.key != "cookie":
            continue
        for part in header.value.split(";"):
            name, eq, raw = part.partition("=")
            value = unquote(raw.strip().strip('"'))
            if eq and value and _cookie_carries_token(name, value):
                yield name, value, raw, header.span


def _cookie_tokens(exchange: Exchange) -> list[Credentials]:
    found: list[Credentials] = []
    for name, value, raw, span in islice(_cookie_values(exchange), MAX_CREDENTIALS_PER_FIELD):
        cred = parse_bare_credentials(value, f"cookie {name.strip()}")
        found.append(_with_raw(cred, raw.strip(), span))
    return found


def _query_of(exchange: Exchange) -> str:
    target = exchange.target or exchange.url or ""
    query = target.partition("?")[2]
    return query.partition("#")[0]


def _query_values(exchange: Exchange) -> Iterator[str]:
    """The raw value of every ``access_token`` in the query, in order."""
    for part in _query_of(exchange).split("&"):
        name, eq, raw = part.partition("=")
        if eq and unquote(name) == "access_token":
            yield raw


def _query_tokens(exchange: Exchange) -> list[Credentials]:
    found: list[Credentials] = []
    for raw in islice(_query_values(exchange), MAX_CREDENTIALS_PER_FIELD):
        cred = parse_bare_credentials(unquote(raw), "query access_token")
        found.append(_with_raw(cred, raw, exchange.request_line))
    return found


def _form_values(exchange: Exchange) -> Iterator[str]:
    """The value of every ``access_token`` in a form body, in order."""
    types = exchange.request_header("Content-Type")
    kind = types[0].split(";")[0].strip().lower() if types else ""
    if (
        kind not in ("", "application/x-www-form-urlencoded")
        or "access_token" not in exchange.request_body
    ):
        return
    for name, val in parse_qsl(exchange.request_body.strip(), keep_blank_values=True):
        if name == "access_token":
            yield val


def _form_tokens(exchange: Exchange) -> list[Credentials]:
    return [
        parse_bare_credentials(val, "form access_token")
        for val in islice(_form_values(exchange), MAX_CREDENTIALS_PER_FIELD)
    ]


def _fields(
    headers: Iterable[Header], keys: Iterable[str], parse: Callable[[str, str], Credentials]
) -> list[Credentials]:
    """The credentials of the headers named by ``keys``, in header order, at most
    :data:`~authtui.core.limits.MAX_CREDENTIALS_PER_FIELD` of each name, each with
    where its field was read."""
    wanted = frozenset(keys)
    taken: dict[str, int] = {}
    found: list[Credentials] = []
    for h in headers:
        if h.key in wanted and taken.get(h.key, 0) < MAX_CREDENTIALS_PER_FIELD:
            taken[h.key] = taken.get(h.key, 0) + 1
            cred = parse(h.value, h.name)
            found.append(replace(cred, span=h.span) if h.span is not None else cred)
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


def request_credentials(exchange: Exchange) -> tuple[Credentials, ...]:
    """Every credential the request carries, in order of importance.

    ``Authorization`` fields first (each one), then ``Proxy-Authorization``, then
    non-standard token headers (:data:`TOKEN_HEADERS`) in header order, then an
    ``access_token`` in the query, then in a form body, then tokens in cookies
    (``cookie access_token``: a token-like name or a JWT value). The ``DPoP`` proof
    header is not a credential and is left out. Of each header name, the query, the
    form and the cookies, the first :data:`~authtui.core.limits.MAX_CREDENTIALS_PER_FIELD`
    are read.
    """
    headers = exchange.request_headers
    found = _fields(headers, ("authorization",), parse_credentials)
    found += _fields(headers, ("proxy-authorization",), parse_credentials)
    found += _fields(headers, TOKEN_HEADERS, parse_bare_credentials)
    found += _query_tokens(exchange)
    found += _form_tokens(exchange)
    found += _cookie_tokens(exchange)
    return tuple(found)


_API_KEYS = TOKEN_HEADERS | {"authorization"}


def credential_total(exchange: Exchange) -> int:
    """How many credentials meant for the API the request carries in all, read or not:
    every ``Authorization``, non-standard token header, query and form token (a proxy's
    credentials and cookies are for other readers)."""
    headers = sum(1 for h in exchange.request_headers if h.key in _API_KEYS)
    query = sum(1 for _ in _query_values(exchange))
    return headers + query + sum(1 for _ in _form_values(exchange))
