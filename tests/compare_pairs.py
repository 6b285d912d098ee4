"""Pairs of pastes for the compare tests: one working request and one that differs.

Every paste is built from one base exchange (a GET with a Bearer token and its
response), changed in one way at a time, so that each pair differs in exactly what
its name says (and what follows from it, such as the status).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

import jwt

NOW = 1_800_000_000
SECRET = "a-long-enough-shared-secret-for-hs256-0001"
API_KEY = "sk-live-0123456789abcdef"
PASSWORD = "s3cret-pass"
CLAIMS: dict[str, Any] = {
    "iss": "https://idp.example.test/",
    "aud": "https://api.example.test",
    "sub": "user-42",
    "iat": NOW - 60,
    "exp": NOW + 3540,
    "scope": "orders:read orders:write",
    "azp": "shop-web",
    "jti": "4f1c0d6e-0001",
}
HEADER: dict[str, Any] = {"kid": "key-2026-01", "typ": "at+jwt"}
_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 500: "Error"}


def token(header: dict[str, Any] | None = None, alg: str = "HS256", **claims: Any) -> str:
    """A token signed with :data:`SECRET`: the base claims and header, changed by these."""
    body = {**CLAIMS, **claims}
    body = {k: v for k, v in body.items() if v is not None}
    head = {**HEADER, **(header or {})}
    head = {k: v for k, v in head.items() if v is not None}
    return jwt.encode(body, SECRET + "-" + alg, algorithm=alg, headers=head)


def basic(user: str = "alice", password: str = PASSWORD) -> str:
    """An ``Authorization`` value for Basic credentials."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def http_date(ts: float) -> str:
    """An HTTP-date (RFC 9110 §5.6.7)."""
    return formatdate(ts, usegmt=True)


@dataclass(frozen=True)
class Exchange:
    """A request and its response, as a paste."""

    status: int = 200
    host: str = "api.example.test"
    path: str = "/orders"
    method: str = "GET"
    authorization: str | None = field(default_factory=lambda: "Bearer " + token())
    request: tuple[tuple[str, str], ...] = (("User-Agent", "curl/8.5.0"),)
    response: tuple[tuple[str, str], ...] = ()
    body: str = ""
    date: float | None = NOW

    def text(self) -> str:
        """The paste: request line, headers, blank line, status line, headers, body."""
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {self.host}"]
        lines += [f"{name}: {value}" for name, value in self.request]
        if self.authorization is not None:
            lines.append(f"Authorization: {self.authorization}")
        lines += ["", f"HTTP/1.1 {self.status} {_REASONS.get(self.status, 'Status')}"]
        if self.date is not None:
            lines.append(f"Date: {http_date(self.date)}")
        lines += [f"{name}: {value}" for name, value in self.response]
        if self.status == 401 and not any(
            n.lower() == "www-authenticate" for n, _ in self.response
        ):
            lines.append('WWW-Authenticate: Bearer realm="api", error="invalid_token"')
        lines += ["", self.body]
        return "\n".join(lines) + "\n"


def refused(**changes: Any) -> Exchange:
    """The base exchange answered 401 (or another status), changed as given."""
    return Exchange(**{"status": 401, **changes})


def har(*exchanges: Exchange, started: float = NOW) -> str:
    """A HAR file with one entry per exchange, in order, the first sent at ``started``
    (the next ones a second apart), each answered at its own ``date``."""
    import json
    from datetime import UTC, datetime

    entries = []
    for i, ex in enumerate(exchanges):
        headers = [{"name": "Host", "value": ex.host}]
        headers += [{"name": n, "value": v} for n, v in ex.request]
        if ex.authorization is not None:
            headers.append({"name": "Authorization", "value": ex.authorization})
        response = [{"name": n, "value": v} for n, v in ex.response]
        if ex.date is not None:
            response.append({"name": "Date", "value": http_date(ex.date)})
        if ex.status == 401:
            response.append({"name": "WWW-Authenticate", "value": 'Bearer error="invalid_token"'})
        entries.append(
            {
                "startedDateTime": datetime.fromtimestamp(started + i, UTC).isoformat(),
                "request": {
                    "method": ex.method,
                    "url": f"https://{ex.host}{ex.path}",
                    "httpVersion": "HTTP/1.1",
                    "headers": headers,
                },
                "response": {
                    "status": ex.status,
                    "statusText": _REASONS.get(ex.status, ""),
                    "httpVersion": "HTTP/1.1",
                    "headers": response,
                    "content": {"text": ex.body},
                },
            }
        )
    return json.dumps({"log": {"version": "1.2", "entries": entries}})
