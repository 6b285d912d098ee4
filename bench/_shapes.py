"""Pastes of a chosen size in the shapes the scale bench and the fuzzer use.

Each maker of :data:`SHAPES` takes a size in bytes and returns text of about that
size: the typical case padded with more headers, and adversarial shapes (commas,
unterminated quotes, a token of dots, deeply nested JSON). Each maker of
:data:`COUNTED` takes a number of items (challenges, headers, tokens) and puts the
line that decides the diagnosis last.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import _case

_RESPONSE_HEAD = "HTTP/1.1 401 Unauthorized\r\n"


def typical(size: int, case: _case.Case) -> str:
    """The typical case with extra response headers until it is ``size`` long."""
    head, sep, body = case.paste.rpartition("\r\n\r\n")
    line = "X-Trace-Hop-{:06d}: 0f8e7d6c5b4a39281706f5e4d3c2b1a0 edge=fra\r\n"
    need = max(size - len(case.paste), 0)
    pad = "".join(line.format(i) for i in range(need // len(line.format(0)) + 1))
    return head + "\r\n" + pad[:need].rpartition("\r\n")[0] + sep + body


def commas(size: int, case: _case.Case) -> str:
    """A challenge that is almost all commas (empty list elements)."""
    return _RESPONSE_HEAD + 'WWW-Authenticate: Bearer realm="api"' + "," * size + "\r\n\r\n"


def quotes(size: int, case: _case.Case) -> str:
    """A challenge whose quoted string never ends, full of escaped quotes."""
    return _RESPONSE_HEAD + 'WWW-Authenticate: Bearer error="' + 'x\\"' * (size // 3) + "\r\n"


def dots(size: int, case: _case.Case) -> str:
    """A request whose bearer token is all dots, and the same dots pasted alone."""
    half = "." * (size // 2)
    return f"GET / HTTP/1.1\r\nAuthorization: Bearer {half}\r\n\r\n{_RESPONSE_HEAD}\r\n\r\n{half}"


def deep_json(size: int, case: _case.Case) -> str:
    """A JSON error body nested ``size / 12`` deep, and a token whose claims nest too."""
    claims = base64.urlsafe_b64encode(b"[" * (size * 3 // 8)).rstrip(b"=").decode()
    return (
        f"GET / HTTP/1.1\r\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.{claims}.c2ln\r\n\r\n"
        f"{_RESPONSE_HEAD}Content-Type: application/json\r\n\r\n" + '{"a":[' * (size // 12)
    )


SHAPES: dict[str, Callable[[int, _case.Case], str]] = {
    "typical": typical,
    "commas": commas,
    "unterminated quotes": quotes,
    "token of dots": dots,
    "deep JSON": deep_json,
}


# --- pastes of a chosen number of items (challenges, headers, tokens) ---------------------


def _jwt(i: int) -> str:
    """A small HS256-shaped token, a different one for each ``i``."""
    claims = f'{{"sub":"user-{i}","aud":"https://api.shop.test","exp":1750003600}}'
    payload = base64.urlsafe_b64encode(claims.encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJIUzI1NiJ9.{payload}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk"


_REQUEST = "GET /v1/orders HTTP/1.1\nHost: api.shop.test\n"
_DECISIVE_CHALLENGE = (
    'WWW-Authenticate: Bearer realm="shop", error="invalid_token", '
    'error_description="The access token expired"\n'
)


def many_challenges(count: int) -> str:
    """A 401 with ``count`` challenge lines; only the last one names an error."""
    lines = "".join(f'WWW-Authenticate: Bearer realm="shop-{i}"\n' for i in range(count - 1))
    return (
        f"{_REQUEST}Authorization: Bearer {_jwt(0)}\n\n"
        f"{_RESPONSE_HEAD.strip()}\n{lines}{_DECISIVE_CHALLENGE}\n"
    )


def many_headers(count: int) -> str:
    """A request with ``count`` headers; the one Authorization header is the last."""
    lines = "".join(f"X-Trace-{i:07d}: 0f8e7d6c5b4a edge=fra\n" for i in range(count - 1))
    return (
        f"{_REQUEST}{lines}Authorization: Bearer {_jwt(0)}\n\n"
        f'{_RESPONSE_HEAD.strip()}\nWWW-Authenticate: Bearer realm="shop"\n\n'
    )


def many_header_tokens(count: int) -> str:
    """A request with ``count`` Authorization headers, each with its own token."""
    lines = "".join(f"Authorization: Bearer {_jwt(i)}\n" for i in range(count))
    return f'{_REQUEST}{lines}\n{_RESPONSE_HEAD.strip()}\nWWW-Authenticate: Bearer realm="s"\n\n'


def many_bare_tokens(count: int) -> str:
    """``count`` tokens pasted one a line, then a 401 with its challenge."""
    lines = "".join(f"{_jwt(i)}\n" for i in range(count))
    return f'{lines}\n{_RESPONSE_HEAD.strip()}\nWWW-Authenticate: Bearer realm="s"\n\n'


COUNTED: dict[str, Callable[[int], str]] = {
    "challenges": many_challenges,
    "headers": many_headers,
    "tokens in headers": many_header_tokens,
    "tokens alone": many_bare_tokens,
}
"""Pastes of ``count`` challenges, headers or tokens, the decisive line last."""
