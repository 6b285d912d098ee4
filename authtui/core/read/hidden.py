"""Auth failures that do not look like a 401/403: the shapes that hide one.

A GraphQL server answers 200 with ``errors[].extensions.code`` ``UNAUTHENTICATED``;
a web stack answers an API call with a 302 to its sign-in page, or with the sign-in
page itself (200, HTML); a browser's CORS preflight is refused before any
credentials could travel. Each reader here looks at one exchange, reads at most
:data:`MAX_BODY` characters of its body, and never raises.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from authtui.core.model import Exchange

MAX_BODY = 256 * 1024
"""Bodies are read up to this size for these shapes."""

GRAPHQL_AUTHENTICATION = frozenset(
    {
        "UNAUTHENTICATED",  # Apollo Server, GraphQL Yoga, graphql-java (common convention)
        "UNAUTHORIZED",
        "NOT_AUTHENTICATED",
        "AUTHENTICATION_ERROR",
        "INVALID_TOKEN",
        "INVALID_JWT",  # Hasura
        "JWT_INVALID",
        "JWT_EXPIRED",
        "TOKEN_EXPIRED",
        "INVALID_HEADERS",  # Hasura: the token or the admin secret header is missing
    }
)
"""GraphQL error codes that say the request was not authenticated (upper-cased,
``-`` read as ``_``)."""
GRAPHQL_AUTHORIZATION = frozenset(
    {
        "FORBIDDEN",  # Apollo Server, GitHub's errors[].type
        "ACCESS_DENIED",  # Hasura
        "PERMISSION_DENIED",
        "NOT_AUTHORIZED",
        "INSUFFICIENT_SCOPE",
        "INSUFFICIENT_SCOPES",  # GitHub's errors[].type
        "AUTHORIZATION_ERROR",
    }
)
"""GraphQL error codes that say the request was authenticated but not allowed."""

_LOGIN_WORDS = frozenset(
    {"login", "logon", "signin", "authorize", "authorise", "sso", "saml", "saml2"}
)
"""Words of a URL path segment that name a sign-in step (``sign_in`` and ``log-in``
are read as ``signin`` and ``login``; ``loginPage`` starts with one)."""
_AUTH_SEGMENTS = frozenset({"auth", "oauth", "oauth2", "openid-connect", "cas", "idp", ".auth"})
"""Path segments that are an identity step when a return address or an OAuth
parameter goes with them (``/oauth2/start?rd=``, ``/realms/x/protocol/openid-connect/auth``)."""
_AUTH_HOST_LABELS = frozenset({"login", "auth", "sso", "accounts", "id", "signin", "idp"})
_RETURN_PARAMS = frozenset(
    {
        "returnurl",
        "return_url",
        "return_to",
        "returnto",
        "redirect",
        "redirect_uri",
        "redirect_url",
        "rd",
        "next",
        "continue",
        "service",
        "goto",
        "relaystate",
        "samlrequest",
        "client_id",
        "response_type",
        "target",
    }
)
_API_PATH_WORDS = ("/api/", "/api?", "/graphql", "/v1/", "/v2/", "/v3/", "/rest/", "/odata/")


@dataclass(frozen=True, slots=True)
class GraphqlError:
    """One GraphQL error that names an auth failure."""

    code: str
    """The code as written (``UNAUTHENTICATED``)."""
    where: str
    """Where it was read: ``errors[0].extensions.code``."""
    message: str
    """The error's ``message``, or ''."""
    authorization: bool
    """True for a refusal of an authenticated caller (``FORBIDDEN``)."""


def _normal(code: str) -> str:
    return code.strip().upper().replace("-", "_").replace(" ", "_")


def graphql_auth_errors(exchange: Exchange) -> list[GraphqlError]:
    """The auth errors of a 2xx GraphQL answer (``errors[].extensions.code``, also
    ``errors[].code`` and GitHub's ``errors[].type``); empty for any other answer."""
    status = exchange.status
    body = exchange.body[:MAX_BODY].strip()
    if status is None or not 200 <= status < 300 or not body.startswith("{"):
        return []
    if '"errors"' not in body:
        return []
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        return []
    errors = doc.get("errors") if isinstance(doc, dict) else None
    if not isinstance(errors, list):
        return []
    found: list[GraphqlError] = []
    for index, error in enumerate(errors[:50]):
        if not isinstance(error, dict):
            continue
        message = error.get("message")
        extensions = error.get("extensions")
        places = [
            (f"errors[{index}].extensions.code", (extensions or {}).get("code"))
            if isinstance(extensions, dict)
            else ("", None),
            (f"errors[{index}].code", error.get("code")),
            (f"errors[{index}].type", error.get("type")),
        ]
        for where, code in places:
            if not isinstance(code, str):
                continue
            normal = _normal(code)
            if normal in GRAPHQL_AUTHENTICATION or normal in GRAPHQL_AUTHORIZATION:
                found.append(
                    GraphqlError(
                        code=code,
                        where=where,
                        message=message if isinstance(message, str) else "",
                        authorization=normal in GRAPHQL_AUTHORIZATION,
                    )
                )
                break
    return found


def login_url(url: str) -> str | None:
    """Why ``url`` is a sign-in page (in words), or ``None``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    segments = [s.lower() for s in parts.path.split("/") if s]
    for segment in segments:
        if _names_sign_in(segment):
            return f"its path names a sign-in step ({segment})"
    params = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    returning = sorted(params & _RETURN_PARAMS)
    host = (parts.hostname or "").lower()
    first_label = host.split(".", 1)[0]
    if returning and (_AUTH_SEGMENTS & set(segments) or first_label in _AUTH_HOST_LABELS):
        where = next((s for s in segments if s in _AUTH_SEGMENTS), host)
        named = ", ".join(f"{p}=" for p in returning[:3])
        return f"an identity step ({where}) with sign-in parameters ({named})"
    return None


def _names_sign_in(segment: str) -> bool:
    """``login``, ``Login.aspx``, ``sign_in``, ``log-in``, ``signIn``, ``authorize``..."""
    words = "".join(c if c.isalnum() else " " for c in segment).split()
    joined = [a + b for a, b in itertools.pairwise(words) if b == "in"]
    for word in (*words, *joined):
        if word in _LOGIN_WORDS or word.startswith(("login", "signin", "logon")):
            return True
    return False


def login_redirect(exchange: Exchange) -> tuple[str, str] | None:
    """(Location, why it is a sign-in page) of a 3xx to a sign-in page, else ``None``."""
    status = exchange.status
    if status is None or not 300 <= status < 400:
        return None
    for location in exchange.response_header("Location"):
        why = login_url(location)
        if why is not None:
            return location.strip(), why
    return None


def _html(exchange: Exchange) -> bool:
    types = exchange.response_header("Content-Type")
    if types:
        return "html" in types[0].lower()
    head = exchange.body[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _title(lowered: str) -> str:
    start = lowered.find("<title")
    if start < 0:
        return ""
    start = lowered.find(">", start)
    end = lowered.find("</title", start)
    return lowered[start + 1 : end].strip()[:80] if start >= 0 and end > start else ""


def login_form(exchange: Exchange) -> str | None:
    """What makes a 2xx HTML answer a sign-in page (a password field), else ``None``."""
    status = exchange.status
    if status is None or not 200 <= status < 300 or not _html(exchange):
        return None
    lowered = exchange.body[:MAX_BODY].lower()
    if "<form" not in lowered:
        return None
    password = any(
        mark in lowered
        for mark in ('type="password"', "type='password'", "type=password", 'name="password"')
    )
    if not password:
        return None
    title = _title(lowered)
    return "an HTML form with a password field" + (f', titled "{title}"' if title else "")


def api_request(exchange: Exchange) -> str | None:
    """Why the request looks like an API call (it expected data, not a page), else ``None``
    (a browser's navigation, or no request shown)."""
    accept = " ".join(exchange.request_header("Accept")).lower()
    if exchange.request_header("Authorization"):
        return "it carries an Authorization header"
    if "json" in accept or "graphql" in accept or ("xml" in accept and "html" not in accept):
        return f"it accepts {accept.split(',')[0].strip()}"
    if any(v.lower() == "xmlhttprequest" for v in exchange.request_header("X-Requested-With")):
        return "it was sent by script (X-Requested-With: XMLHttpRequest)"
    mode = " ".join(exchange.request_header("Sec-Fetch-Mode")).lower()
    if mode in ("cors", "same-origin"):
        return f"it was sent by script (Sec-Fetch-Mode: {mode})"
    if mode == "navigate" or "text/html" in accept:
        return None
    target = (exchange.target or exchange.url or "").lower()
    path = target.split("?", 1)[0] + ("?" if "?" in target else "")
    if any(word in path + "/" for word in _API_PATH_WORDS):
        return f"its path is an API's ({exchange.target or exchange.url})"
    if exchange.method is not None and exchange.method.upper() not in ("GET", "HEAD"):
        return f"it is a {exchange.method.upper()}"
    return None


def is_preflight(exchange: Exchange) -> bool:
    """True for a CORS preflight: ``OPTIONS`` with ``Access-Control-Request-Method``."""
    method = (exchange.method or "").upper()
    return method == "OPTIONS" and bool(exchange.request_header("Access-Control-Request-Method"))


def hidden_failure(exchange: Exchange) -> str | None:
    """The shape that hides an auth failure behind a 2xx or 3xx: ``graphql``,
    ``login_redirect`` or ``login_form`` (a sign-in page where an API call was
    answered); ``None`` for any other exchange."""
    if graphql_auth_errors(exchange):
        return "graphql"
    if login_redirect(exchange) is not None:
        return "login_redirect"
    if login_form(exchange) is not None and (
        api_request(exchange) is not None or not exchange.has_request
    ):
        return "login_form"
    return None
