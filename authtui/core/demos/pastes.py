"""The text of a workshop case's paste: a request and its response as HTTP/1.1."""

from __future__ import annotations

import time
from typing import Any

from authtui.core.demos.model import API, ISSUER, DemoCase


def http_date(epoch: float) -> str:
    """An IMF-fixdate (``Tue, 14 Nov 2023 22:13:20 GMT``) for ``epoch``."""
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(epoch))


def dotnet_date(epoch: float) -> str:
    """The date format ASP.NET Core puts in its messages (``11/14/2023 22:13:20``)."""
    return time.strftime("%m/%d/%Y %H:%M:%S", time.gmtime(epoch))


def exchange(
    now: float,
    request: list[str],
    status: str,
    response: list[str],
    body: str = "",
    newline: str = "\n",
    host: str = "api.shop.test",
) -> str:
    """A request and its response as HTTP/1.1 text; ``request[0]`` is the request line."""
    head = [request[0], f"Host: {host}", *request[1:]]
    resp = [f"HTTP/1.1 {status}", f"Date: {http_date(now)}", *response]
    resp.append(f"Content-Length: {len(body.encode())}")
    text = newline.join([*head, "", *resp, "", body])
    return text if body else text.rstrip(newline) + newline


def bearer_401(description: str) -> str:
    return f'WWW-Authenticate: Bearer error="invalid_token", error_description="{description}"'


def json_headers() -> list[str]:
    return ["Content-Type: application/json"]


def shop(paste: str, **options: Any) -> DemoCase:
    """A case checked against the shop API's settings (audience, issuer)."""
    return DemoCase(paste=paste, audiences=(API,), issuer=ISSUER, **options)
