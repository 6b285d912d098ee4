"""Serving from the command line: bind, print the URL, serve until ctrl+c.

:mod:`authtui.cli.serve` reads and checks the command line, then calls
:func:`serve`; aiohttp and textual-serve are imported only once it runs.
"""

from __future__ import annotations

import asyncio
import errno
import signal

from authtui.cli.errors import EXIT_OK, UsageError, say
from authtui.web.address import DEFAULT_HOST, ServedAddress


def _bind_error(address: ServedAddress, exc: OSError) -> UsageError:
    """The one line for an address that cannot be bound (a taken port, most often)."""
    if exc.errno == errno.EADDRINUSE:
        return UsageError(
            f"authtui serve: port {address.port} on {address.host} is taken: "
            "choose another with --port N"
        )
    return UsageError(f"authtui serve: cannot listen on {address.netloc}: {exc.strerror or exc}")


def _announce(address: ServedAddress) -> None:
    """The warning for another address, then the one URL (stdout), once listening."""
    if address.host != DEFAULT_HOST:
        say(
            f"authtui serve: warning: serving on {address.host}, not 127.0.0.1: anyone who "
            f"can reach {address.netloc} and has the URL can use this app and read its paste"
        )
    say("authtui serve: open this URL in a browser; ctrl+c stops:")
    print(address.url, flush=True)


async def _serve(command: str, address: ServedAddress) -> None:
    from authtui.web.server import AuthServer  # aiohttp and textual-serve, only now

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await AuthServer(command, address).run(stop, lambda: _announce(address))


def serve(command: str, address: ServedAddress) -> int:
    """Serve ``address``, one ``command`` per browser session, until ctrl+c (or SIGTERM).

    Returns 0 once stopped; raises :class:`UsageError` when the address cannot be bound.
    """
    try:
        asyncio.run(_serve(command, address))
    except OSError as exc:
        raise _bind_error(address, exc) from None
    say("authtui serve: stopped")
    return EXIT_OK
