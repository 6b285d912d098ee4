"""Start ``python -m authtui serve`` from this checkout, and stop it by its PID.

The server runs in its own process group, so the app processes it starts for
browser sessions can be found (and, if one outlived it, stopped) by that id.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: ``python -m authtui`` from here runs this tree's code."""


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def group_members(pgid: int) -> list[int]:
    """PIDs of the live processes in process group ``pgid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


@dataclass
class Served:
    """A running ``authtui serve``: its process, the URL it printed, what it wrote after."""

    process: asyncio.subprocess.Process
    url: str
    stdout: bytearray = field(default_factory=bytearray)
    stderr: bytearray = field(default_factory=bytearray)

    @property
    def netloc(self) -> str:
        """``127.0.0.1:PORT``."""
        return urlsplit(self.url).netloc

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self.netloc}"


async def _drain(stream: asyncio.StreamReader | None, into: bytearray) -> None:
    """Keep reading a pipe so the server never blocks on a full one."""
    if stream is None:
        return
    while chunk := await stream.read(65536):
        into.extend(chunk)


async def run_serve(*args: str) -> asyncio.subprocess.Process:
    """Start ``python -m authtui serve ARGS`` (stdout and stderr piped)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "authtui",
        "serve",
        *args,
        cwd=ROOT,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
    )


async def stop(process: asyncio.subprocess.Process, timeout: float = 20.0) -> int:
    """Ctrl+C (SIGINT) to the server's PID; kill it and its group if it does not stop."""
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            process.kill()
            await process.wait()
    for pid in group_members(process.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert process.returncode is not None
    return process.returncode


@contextlib.asynccontextmanager
async def serving(*args: str, port: int | None = None) -> AsyncIterator[Served]:
    """``authtui serve --port P ARGS`` until the block ends, then ctrl+c."""
    process = await run_serve("--port", str(port or free_port()), *args)
    assert process.stdout is not None
    drains: list[asyncio.Task[None]] = []
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        if not line:
            error = await process.stderr.read() if process.stderr else b""
            raise AssertionError(f"authtui serve printed no URL: {error.decode()}")
        served = Served(process, line.decode().strip())
        drains = [
            asyncio.create_task(_drain(process.stdout, served.stdout)),
            asyncio.create_task(_drain(process.stderr, served.stderr)),
        ]
        yield served
    finally:
        await stop(process)
        for task in drains:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 5)
