"""Who may talk to ``authtui serve``: the token, ``Host`` and ``Origin`` checks, and page headers.

Any web page the person visits may open a websocket to 127.0.0.1, and a DNS
rebinding attack makes a foreign name resolve to it; so every request must
name the served address in ``Host``, carry the token as its first path segment,
and, when it says where it comes from (``Origin``, always sent on a websocket
upgrade by browsers), come from the served page. :func:`refusal` decides (pure);
:func:`guard_middleware` applies it to every aiohttp request before routing.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from authtui.web.address import ServedAddress

ALLOWED_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused, and the HTTP status that says so."""

    status: int
    reason: str


def _has_token(path: str, token: str) -> bool:
    """True when ``path`` is ``/TOKEN/...`` (compared in constant time)."""
    first, slash, _ = path.removeprefix("/").partition("/")
    return path.startswith("/") and bool(slash) and secrets.compare_digest(first, token)


def refusal(
    address: ServedAddress,
    *,
    method: str,
    path: str,
    hosts: Sequence[str],
    origins: Sequence[str],
    websocket: bool,
) -> Refusal | None:
    """The reason to refuse a request, or ``None`` when it may be served.

    ``hosts`` and ``origins`` are every value of those headers the request sent.
    """
    if len(hosts) != 1 or hosts[0].lower() != address.netloc.lower():
        return Refusal(403, f"Host must be {address.netloc}")
    if websocket and len(origins) != 1:
        return Refusal(403, "a websocket must come from the served page (Origin)")
    if any(origin.lower() != address.origin.lower() for origin in origins):
        return Refusal(403, f"Origin must be {address.origin}")
    if method not in ALLOWED_METHODS:
        return Refusal(405, "only GET is served")
    if not _has_token(path, address.token):
        return Refusal(403, "the URL's token is missing or wrong: open the URL authtui printed")
    return None


def page_headers(address: ServedAddress) -> Mapping[str, str]:
    """Headers on every response: load nothing from elsewhere, leak nothing, cache nothing."""
    websocket = f"ws://{address.netloc}"
    policy = "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            # xterm.js inserts its own <style> elements; the template has one too.
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' {websocket}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )
    return {
        "Content-Security-Policy": policy,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
    }


def guard_middleware(address: ServedAddress) -> Middleware:
    """An aiohttp middleware that refuses, before routing, what :func:`refusal` refuses."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        refused = refusal(
            address,
            method=request.method,
            path=request.path,
            hosts=request.headers.getall("Host", []),
            origins=request.headers.getall("Origin", []),
            websocket=request.headers.get("Upgrade", "").lower() == "websocket",
        )
        if refused is not None:
            return web.Response(
                status=refused.status,
                text=f"authtui serve: refused: {refused.reason}\n",
                headers=page_headers(address),
            )
        return await handler(request)

    return guard
