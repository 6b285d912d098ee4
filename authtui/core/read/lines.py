"""Line classifiers for the paste reader: start lines, header lines, bare challenges,
token-like words and ``curl -v`` prefixes. Each looks at one line (or word) at a time,
in time linear in its length, and never raises.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass

from authtui.core.limits import MAX_TOKEN_CHARS

REQUEST = "request"
"""The request half of an exchange."""
RESPONSE = "response"
"""The response half of an exchange."""
FAILING = frozenset({401, 403, 407})
"""Statuses that make an exchange (a HAR entry) worth diagnosing."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TCHAR = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~")
TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + "-._~+/=")
_DIGITS = frozenset(string.digits)
_LETTERS = frozenset(string.ascii_letters)

_METHODS = _words("GET HEAD POST PUT DELETE CONNECT OPTIONS TRACE PATCH PROPFIND QUERY")
BODYLESS = _words("GET HEAD DELETE OPTIONS TRACE CONNECT")
_SCHEMES = _words("bearer basic digest dpop negotiate ntlm hoba mutual pop oauth kerberos")
CHALLENGE_FIELDS = frozenset({"www-authenticate", "www-authentication", "proxy-authenticate"})
_NAMED_FIELDS = CHALLENGE_FIELDS | {"authorization", "proxy-authorization"}

_REQUEST_NAMES = _words(
    """authorization proxy-authorization dpop cookie host user-agent accept accept-encoding
    accept-language accept-charset x-authorization x-access-token x-auth-token x-api-key
    api-key apikey x-id-token x-jwt-assertion x-amz-security-token x-amz-date
    x-amz-content-sha256 x-goog-api-key ocp-apim-subscription-key origin referer
    if-none-match if-match if-modified-since if-unmodified-since if-range range expect te
    max-forwards dnt upgrade-insecure-requests x-requested-with x-forwarded-for
    x-forwarded-host x-forwarded-proto forwarded x-csrf-token x-xsrf-token
    access-control-request-method access-control-request-headers"""
)
_REQUEST_PREFIXES = ("sec-fetch-", "sec-ch-", ":")
_RESPONSE_NAMES = _words(
    """www-authenticate www-authentication proxy-authenticate authentication-info
    proxy-authentication-info dpop-nonce date server set-cookie location retry-after etag
    last-modified age expires accept-ranges alt-svc strict-transport-security
    x-content-type-options x-frame-options content-security-policy x-xss-protection
    referrer-policy permissions-policy x-powered-by x-oauth-scopes x-accepted-oauth-scopes
    x-github-request-id x-ms-error-code apigw-requestid x-amzn-requestid x-amzn-errortype
    x-amz-request-id x-okta-request-id cf-ray nel report-to server-timing
    timing-allow-origin x-cache status :status"""
)
_RESPONSE_PREFIXES = (
    "access-control-allow-",
    "access-control-expose-",
    "access-control-max-age",
    "x-ratelimit-",
    "ratelimit-",
    "cross-origin-",
    "x-envoy-",
)
_NEUTRAL_NAMES = _words(
    """content-type content-length connection cache-control pragma vary transfer-encoding
    content-encoding keep-alive via x-request-id x-correlation-id traceparent tracestate
    content-language content-disposition upgrade trailer priority audit-id"""
)
_GENERAL = {  # Chrome's "General" section of the Network panel
    "request url": ":url",
    "request method": ":method",
    "status code": ":status",
    "remote address": ":remote",
    "referrer policy": ":remote",
}


# --- line classifiers -------------------------------------------------------------


def _is_token(text: str) -> bool:
    if text.isascii() and text.replace("-", "").isalnum():
        return True  # letters, digits and hyphens (most names): all tchars, found faster
    return bool(text) and set(text) <= TCHAR


def _is_version(text: str) -> bool:
    if text[:5].upper() != "HTTP/":
        return False
    rest = text[5:]
    if len(rest) == 1:
        return rest in _DIGITS
    return len(rest) == 3 and rest[0] in _DIGITS and rest[1] == "." and rest[2] in _DIGITS


@dataclass(frozen=True, slots=True)
class Start:
    """A request line or status line, split into its parts."""

    kind: str
    version: str | None = None
    method: str | None = None
    target: str | None = None
    code: str | None = None
    reason: str | None = None


def start_line(line: str) -> Start | None:
    """A status line or request line (``line`` already stripped), else None."""
    parts = line.split(None, 2)
    if not parts:
        return None
    if _is_version(parts[0]):
        if len(parts) < 2:
            return None
        version = "HTTP/" + parts[0][5:]
        reason = parts[2].strip() if len(parts) == 3 else None
        return Start(RESPONSE, version=version, code=parts[1], reason=reason or None)
    method = parts[0]
    if not (len(method) <= 24 and method.isascii() and method.isalpha() and method.isupper()):
        return None
    if len(parts) == 3 and _is_version(parts[2]):
        version = "HTTP/" + parts[2][5:]
        return Start(REQUEST, version=version, method=method, target=parts[1])
    if len(parts) == 2 and method in _METHODS and _target_like(parts[1]):
        return Start(REQUEST, method=method, target=parts[1])
    return None


def _target_like(target: str) -> bool:
    return target.startswith("/") or target == "*" or absolute(target)


def absolute(target: str) -> bool:
    """True for an absolute ``http(s)://`` URL."""
    return target[:8].lower() == "https://" or target[:7].lower() == "http://"


@dataclass(slots=True)
class Field:
    """One ``Name: value`` line as read (never changed; not frozen, as a frozen
    dataclass costs three times as much to build, and one is built per line)."""

    name: str
    value: str
    spaced: bool = False
    """Whitespace stood between the name and the colon."""


def header_line(line: str) -> Field | None:
    """``Name: value`` (or a ``:pseudo: value``), else None. ``line`` is not indented."""
    if not line or line[0] in " \t":
        return None
    start = 1 if line[0] == ":" else 0
    colon = line.find(":", start)
    if colon <= start:
        return None
    raw = line[:colon]
    name = raw.rstrip(" \t")
    value = line[colon + 1 :].strip(" \t")
    if " " in name:  # only the developer-tools "General" names hold a space
        general = _GENERAL.get(name.lower())
        return Field(general, value) if general is not None else None
    if not _is_token(name[start:]) or name[0] in "'\"" or value.startswith("//"):
        return None  # a URL such as https://host/ is no header, nor a quoted dict key
    return Field(name, value, spaced=name != raw)


def named_without_colon(line: str) -> Field | None:
    """``WWW-Authenticate Bearer ...``: a well-known field name and a space, no colon."""
    name, _, rest = line.partition(" ")
    if name.lower() in _NAMED_FIELDS and rest.strip():
        return Field(name, rest.strip(" \t"))
    return None


def _params_only(text: str) -> bool:
    """True when ``text`` is a list of auth-params (``a=b, c="d"``), read leniently.

    After a comma a bare token may start a further challenge (``..., Basic realm="x"``).
    """
    i, n, seen, element_start = 0, len(text), False, False
    while i < n:
        while i < n and text[i] in " \t,":
            element_start = element_start or text[i] == ","
            i += 1
        if i == n:
            break
        start = i
        while i < n and text[i] in TCHAR:
            i += 1
        if i == start:
            return False
        while i < n and text[i] in " \t":
            i += 1
        if i == n or text[i] != "=":
            if not element_start:
                return False
            element_start = False  # a scheme: its parameters follow
            continue
        i += 1
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == "=":
            return False  # token68 padding (``abc==``), not a parameter
        i = _skip_value(text, i)
        seen, element_start = True, False
    return seen


def _skip_value(text: str, i: int) -> int:
    if i < len(text) and text[i] == '"':
        i += 1
        while i < len(text) and text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1
    while i < len(text) and text[i] not in " \t,":
        i += 1
    return i


def _first_is_param(text: str) -> bool:
    name, eq, value = text.partition("=")
    name = name.rstrip(" \t")
    value = value.lstrip(" \t")
    return bool(eq) and _is_token(name) and bool(value) and value[0] != "="


def is_challenge(line: str) -> bool:
    """A bare challenge: ``Bearer realm="x", ...``, ``Newauth a=b``, or a known scheme alone."""
    scheme, _, rest = line.partition(" ")
    comma = scheme.endswith(",")
    scheme = scheme.rstrip(",")
    if not _is_token(scheme) or scheme[0] not in _LETTERS:
        return False
    known = scheme.lower() in _SCHEMES
    rest = rest.strip(" \t")
    if not rest:
        return known
    if known and (comma or rest.startswith(",") or _first_is_param(rest)):
        return True
    return _params_only(rest)


def bearer_credential(line: str) -> bool:
    """``Bearer <token>`` / ``DPoP <token>`` pasted without a header name."""
    scheme, _, rest = line.partition(" ")
    rest = rest.strip()
    return scheme.lower() in ("bearer", "dpop") and bool(rest) and " " not in rest


def _unquote(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "'\"":
        return word[1:-1]
    return word


def is_tokenish(word: str) -> bool:
    """A word that looks like a token: a JWT (``eyJ...``) or a long opaque value."""
    text = _unquote(word)
    if not 16 <= len(text) <= MAX_TOKEN_CHARS:
        return False
    chars = set(text)
    if not chars <= TOKEN_CHARS or "=" in text.rstrip("="):
        return False
    if text.startswith("eyJ"):
        return True
    if text[0] in "/." or len(text) < 20:
        return False
    return not chars.isdisjoint(_DIGITS) and not chars.isdisjoint(_LETTERS)


def side_of(key: str) -> str | None:
    """Which half of an exchange a header name belongs to; None when it could be either."""
    if key in _RESPONSE_NAMES or key.startswith(_RESPONSE_PREFIXES):
        return RESPONSE
    if key in _REQUEST_NAMES or key.startswith(_REQUEST_PREFIXES):
        return REQUEST
    return None


def plausible(key: str) -> bool:
    """Whether a lone ``Name: value`` line is likely a header rather than prose."""
    return side_of(key) is not None or key in _NEUTRAL_NAMES or "-" in key


def curl_connected(text: str) -> tuple[str, int | None] | None:
    """``Connected to api.example.test (1.2.3.4) port 443``: the host and the port."""
    marker = text.find("Connected to ")
    if marker < 0:
        return None
    words = text[marker + 13 :].split()
    if not words:
        return None
    port = None
    for before, word in itertools.pairwise(words):
        if before == "port" and word.isascii() and word.isdigit() and len(word) <= 5:
            port = int(word)
    return words[0], port


_TLS_INFO = re.compile(r"\b(?:SSL|TLSv?\d?(?:\.\d)?|ALPN)\b|[Cc]ertificate")
"""What curl says on its ``*`` lines only over TLS: the handshake (``TLSv1.3 (OUT), TLS
handshake``), ``SSL connection using``, ``ALPN: curl offers h2``, ``Server certificate``."""


def curl_tls(text: str) -> bool:
    """Whether a curl ``*`` line speaks of TLS (the connection above it is https)."""
    return _TLS_INFO.search(text) is not None


def scheme_known(line: str) -> bool:
    """True when the line's first word is a well-known authentication scheme."""
    return line.partition(" ")[0].rstrip(",").lower() in _SCHEMES


def path_of(url: str) -> str | None:
    """The path and query of an absolute URL (``/`` when it has none)."""
    rest = url.split("://", 1)[1] if "://" in url else ""
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else ("/" if rest else None)


def is_curl(lines: list[str]) -> bool:
    """True when the lines are a ``curl -v`` transcript (a ``> `` or ``< `` start line)."""
    return any(
        line[:2] in ("> ", "< ") and start_line(line[2:].strip()) is not None for line in lines
    )


def curl_prefix(line: str) -> tuple[str | None, str] | None:
    """Split a curl -v line into its prefix and text; None for a line to skip."""
    head = line[:2]
    if head in ("> ", "< ", "* "):
        return head[0], line[2:]
    if line in (">", "<", "*"):
        return line, ""
    if head in ("{ ", "} ") and line[2:3] == "[":
        return None  # { [5 bytes data]
    cut = line.find("* Connection #")
    if cut > 0:  # a body without a final newline runs into curl's next line
        return None, line[:cut]
    return None, line
