"""textual-serve's :class:`~textual_serve.server.Server`, narrowed for authtui.

What is kept from textual-serve: its page handler (the template's context), its
app service and message loop (one app process per browser tab, driven over
pipes) and its static files (textual.js, xterm.css, the Roboto Mono font).
What changes:

- every route lives under ``/TOKEN/`` and :func:`~authtui.web.guard.guard_middleware`
  refuses any request without the token, the served ``Host`` or its ``Origin``;
- the page is authtui's own template (no web font from the internet);
- no directory listing of the static files, and no ``/download`` route (the
  served app delivers no file);
- every response carries :func:`~authtui.web.guard.page_headers` (a strict CSP);
- it binds and stops in :meth:`AuthServer.run` rather than ``Server.serve``, so a
  taken port is an error the command can report in one line; on ctrl+c every
  session is closed and its app process reaped (:class:`~authtui.web.session.Session`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server, to_int

from authtui.web.address import ServedAddress
from authtui.web.guard import guard_middleware, page_headers
from authtui.web.session import Session

log = logging.getLogger("authtui.web")

TEMPLATES = Path(__file__).with_name("templates")
TITLE = "authtui"
SHUTDOWN_TIMEOUT = 5.0
"""Seconds to wait, on ctrl+c, for the browser sessions' apps to quit."""
CLOSE_TIMEOUT = 2.0
"""Seconds a browser has to answer the websocket's close."""


class AuthServer(Server):
    """textual-serve's server with the token, Host and Origin checks, on authtui's page."""

    def __init__(self, command: str, address: ServedAddress) -> None:
        """``command`` runs one app per browser session (a shell command line)."""
        super().__init__(
            command,
            host=address.host,
            port=address.port,
            title=TITLE,
            public_url=address.origin,
            templates_path=TEMPLATES,
        )
        self.address = address
        self._sessions: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        """The aiohttp application: guarded routes under the token, nothing else."""
        app = web.Application(middlewares=[guard_middleware(self.address)])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        prefix = self.address.prefix
        app.add_routes(
            [
                web.get(prefix, self.handle_index, name="index"),
                web.get(f"{prefix}ws", self.handle_websocket, name="websocket"),
                web.static(f"{prefix}static", self.statics_path, name="static"),
            ]
        )
        app.on_response_prepare.append(self._prepare)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def run(self, stop: asyncio.Event, on_ready: Callable[[], None]) -> None:
        """Bind the served address, call ``on_ready``, serve until ``stop`` is set, clean up.

        Raises ``OSError`` when the address cannot be bound (the port is taken).
        """
        runner = web.AppRunner(
            await self._make_app(), access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.address.host, self.address.port).start()
            on_ready()
            await stop.wait()
        finally:
            await runner.cleanup()

    async def _prepare(self, request: web.Request, response: web.StreamResponse) -> None:
        """Every response carries the page headers."""
        response.headers.update(page_headers(self.address))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser session: its websocket drives one app process until either closes.

        textual-serve's own handler, with a :class:`Session` (reaped when it stops)
        and the websocket remembered so that ctrl+c can close it.
        """
        websocket = web.WebSocketResponse(heartbeat=15, timeout=CLOSE_TIMEOUT)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        self._sessions.add(websocket)

        async def close() -> None:
            await websocket.close()

        session = Session(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except Exception:
            log.exception("a browser session failed")
        finally:
            self._sessions.discard(websocket)
            await session.stop()
            await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every browser session, so that its app process is told to quit."""
        sessions = list(self._sessions)
        await asyncio.gather(
            *(
                ws.close(code=WSCloseCode.GOING_AWAY, message=b"authtui serve stopped")
                for ws in sessions
            )
        )
