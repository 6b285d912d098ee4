"""One browser session: textual-serve's app process, reaped before the server stops.

textual-serve's ``AppService`` asks the app to quit and reads its output to
the end, but never waits for the process itself; when ctrl+c stops the server
while a session is closing, the event loop could close before the process is
reaped (asyncio then prints a traceback). :class:`Session` waits for it.
"""

from __future__ import annotations

import asyncio

from textual_serve.app_service import AppService

QUIT_TIMEOUT = 5.0
"""Seconds an app process has to exit once told to quit; then it is killed."""


class Session(AppService):
    """textual-serve's app service whose :meth:`stop` returns once the process has exited."""

    async def stop(self) -> None:
        """Tell the app to quit, read it to the end, and wait for (or kill) the process."""
        await super().stop()
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()
