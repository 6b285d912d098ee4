"""A corpus of hostile pastes: terminal escapes of every kind, in every place a paste has.

Each attack is put in each place (reason phrase, header names and values, realm,
error_description, JSON bodies, HAR URLs and fields, claims, kid), so a test can
assert, for every output and every widget, that nothing reaches the terminal as a
control character. :data:`HOSTILE` maps ``"<place>-<attack>"`` to the paste.
"""

from __future__ import annotations

import base64
import json

ATTACKS: dict[str, str] = {
    "csi-clear": "\x1b[2J\x1b[H",
    "osc52-clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "osc0-title": "\x1b]0;pwned\x1b\\",
    "tmux-passthrough": "\x1bPtmux;\x1b\x1b]52;c;cHduZWQ=\x07\x1b\\",
    "c1-csi": "\x9b2J\x9d0;t\x9c",
    "bell-backspace-del": "\x07\x08\x08\x7f",
    "nul": "a\x00b",
    "cr-overwrite": "fine\rEVIL",
    "bidi-override": "\u202enimda",
    "bidi-isolates": "\u2066admin\u2069\u2067x\u2068",
    "zero-width": "ad\u200bmi\u200dn\ufeff",
    "soft-hyphen": "ad\u00admin",
    "line-separators": "a\u2028b\u2029c",
    "tag-characters": "\U000e0001\U000e0041",
}

_JWT_HEADER = {"alg": "HS256", "typ": "JWT"}


def _b64(data: dict[str, object]) -> str:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def token(header: dict[str, object] | None = None, claims: dict[str, object] | None = None) -> str:
    """A JWS-shaped token with the given header and claims (the signature is junk)."""
    body = {"sub": "user-1", "aud": "https://api.test", "exp": 1_700_003_600, **(claims or {})}
    return f"{_b64(header or _JWT_HEADER)}.{_b64(body)}.c2lnbmF0dXJl"


def _exchange(
    *,
    reason: str = "Unauthorized",
    request_headers: str = "",
    response_headers: str = "",
    body: str = "",
    auth: str | None = None,
) -> str:
    auth = auth if auth is not None else f"Bearer {token()}"
    request = f"GET /orders HTTP/1.1\nHost: api.test\nAuthorization: {auth}\n{request_headers}"
    response = (
        f"HTTP/1.1 401 {reason}\nDate: Tue, 14 Nov 2023 22:13:20 GMT\n"
        f'WWW-Authenticate: Bearer realm="api", error="invalid_token"\n{response_headers}'
    )
    return f"{request}\n{response}\n{body}"


def _har(url: str, comment: str, header_value: str) -> str:
    entry = {
        "startedDateTime": "2023-11-14T22:13:20.000Z",
        "comment": comment,
        "request": {
            "method": "GET",
            "url": url,
            "headers": [{"name": "Authorization", "value": f"Bearer {token()}"}],
        },
        "response": {
            "status": 401,
            "statusText": header_value,
            "headers": [
                {"name": "WWW-Authenticate", "value": f'Bearer error_description="{header_value}"'}
            ],
            "content": {"mimeType": "application/json", "text": json.dumps({"e": header_value})},
        },
    }
    return json.dumps({"log": {"version": "1.2", "entries": [entry]}}, ensure_ascii=False)


def _places(attack: str) -> dict[str, str]:
    quoted = attack.replace("\\", "\\\\").replace('"', '\\"')
    return {
        "reason": _exchange(reason=f"Unauthorized{attack}"),
        "header-name": _exchange(response_headers=f"X-Evil{attack}: 1\n"),
        "header-value": _exchange(response_headers=f"X-Error: bad{attack}\n"),
        "request-header": _exchange(request_headers=f"X-Client: {attack}\n"),
        "realm": _exchange(response_headers=f'WWW-Authenticate: Basic realm="r{quoted}"\n'),
        "error-description": _exchange(
            response_headers=f'WWW-Authenticate: Bearer error_description="expired{quoted}"\n'
        ),
        "json-body": _exchange(
            response_headers="Content-Type: application/json\n",
            body=json.dumps(
                {"error": "invalid_token", "message": f"no{attack}"}, ensure_ascii=False
            ),
        ),
        "html-body": _exchange(
            response_headers="Content-Type: text/html\n", body=f"<title>Denied{attack}</title>"
        ),
        "har": _har(f"https://api.test/orders?q={attack}", f"c{attack}", f"Denied{attack}"),
        "claims": f"Authorization: Bearer {token(claims={'sub': f'u{attack}', 'iss': attack})}",
        "kid": token(header={"alg": "RS256", "kid": f"k{attack}"}),
        "scheme": _exchange(auth=f"Bearer{attack} abc"),
    }


HOSTILE: dict[str, str] = {
    f"{place}-{name}": paste
    for name, attack in ATTACKS.items()
    for place, paste in _places(attack).items()
}
"""Every place crossed with every attack."""

LONE_SURROGATE_HAR = _har("https://api.test/\ud800", "\udfff", "x\ud83d")
"""A HAR whose JSON escapes decode to lone surrogates (they cannot come from UTF-8 bytes)."""
HOSTILE["har-lone-surrogates"] = json.dumps(json.loads(LONE_SURROGATE_HAR))
_ESCAPED_CLAIMS = base64.urlsafe_b64encode(b'{"sub":"\\ud800x","kid":"\\udfff"}').rstrip(b"=")
HOSTILE["claims-lone-surrogate"] = (
    f"Authorization: Bearer {_b64(_JWT_HEADER)}.{_ESCAPED_CLAIMS.decode()}.c2ln"
)
"""A payload whose JSON escapes decode to lone surrogates."""
