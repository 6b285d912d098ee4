"""Watch the process for network use and file writes while a block runs.

One audit hook (``sys.addaudithook``; it cannot be removed, so it is installed
once and does nothing unless a watch is active) records every socket opened for
the network, every connect and name lookup, every URL request and every file
opened for writing. ``offline()`` also patches socket creation to fail, so code
that swallowed the error is still caught by the record.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_NET_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "urllib.Request",
    "http.client.connect",
}


class Watch:
    """What happened while a watch was active."""

    def __init__(self) -> None:
        self.network: list[str] = []
        self.writes: list[str] = []


_active: list[Watch] = []


def _is_write(mode: Any, flags: Any) -> bool:
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _active:
        return
    watch = _active[-1]
    if event in _NET_EVENTS:
        watch.network.append(f"{event}{args!r}"[:200])
    elif event == "socket.__new__" and len(args) > 1 and args[1] in _NETWORK_FAMILIES | {-1}:
        watch.network.append(f"{event} family={args[1]!r}")
    elif event == "open" and len(args) >= 3 and _is_write(args[1], args[2]):
        path = str(args[0])
        if "__pycache__" not in path and not path.endswith(".pyc"):
            watch.writes.append(path)


sys.addaudithook(_hook)


@contextmanager
def watching() -> Iterator[Watch]:
    """Record network use and file writes for the duration of the block."""
    watch = Watch()
    _active.append(watch)
    try:
        yield watch
    finally:
        _active.remove(watch)


class _NoNetworkSocket(socket.socket):
    """A socket that refuses to be made for IPv4/IPv6 (local socketpairs still work:
    asyncio's event loop needs one)."""

    def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        fileno = kwargs.get("fileno", args[2] if len(args) > 2 else None)
        if family in _NETWORK_FAMILIES or (family == -1 and fileno is None):
            raise OSError("network access is disabled in this test")
        super().__init__(family, *args, **kwargs)


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise OSError("network access is disabled in this test")


@contextmanager
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[Watch]:
    """Patch socket creation and name lookups to fail, and record any attempt."""
    monkeypatch.setattr(socket, "socket", _NoNetworkSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _refuse)
    with watching() as watch:
        yield watch
