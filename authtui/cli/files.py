"""Reading the files named on the command line: PASTE, ``--key``, ``--token-file``,
``--secret-file``.

Regular files and pipes are read (``authtui diagnose <(pbpaste)`` names a pipe,
``/dev/fd/63``; a FIFO made with ``mkfifo`` is one too), each read bounded. A pipe or
FIFO is opened without blocking and waited on with :func:`select.poll`: while a
writer holds it open, the reader waits for its data as it would on standard input;
with no writer at all, it gives up after :data:`PIPE_WAIT_SECONDS`. Directories,
devices (``/dev/zero`` would never end, a terminal would wait for keys) and sockets
are refused before they are opened. Every refusal is a :class:`UsageError`: one line
on stderr, exit 2.
"""

from __future__ import annotations

import os
import select
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from authtui.cli.errors import UsageError
from authtui.core.limits import MAX_PASTE_CHARS, MAX_TOKEN_CHARS

PIPE_WAIT_SECONDS = 5.0
"""How long a pipe or FIFO with no writer is waited on before giving up."""

PASTE_BYTES = 4 * MAX_PASTE_CHARS + 4
"""Bytes of a paste read: enough for the characters the reader reads in any encoding,
and one more, so a longer paste is seen to be longer (the reader then notes
``paste.truncated``). The rest of the file is not read."""
TOKEN_BYTES = 4 * MAX_TOKEN_CHARS
"""Largest ``--token-file``: the longest token offered, in any encoding."""
KEY_BYTES = 8 * 1024 * 1024
"""Largest ``--key`` file: room for a JWKS of thousands of keys."""
SECRET_BYTES = 1024 * 1024
"""Largest ``--secret-file``: an HMAC secret is a few dozen bytes."""

_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Read:
    """What was read from one file."""

    data: bytes
    cut: bool
    """The file held more than the limit; ``data`` is its first ``limit`` bytes."""


def _refusal(mode: int) -> str | None:
    """Why a file of this type is not read, or None for a regular file or a pipe."""
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    return "it is not a regular file or a pipe"


def read_file(what: str, path: str, limit: int, *, wait: float | None = None) -> Read:
    """The first ``limit`` bytes of ``path`` (and whether there were more).

    ``what`` names the argument in messages (``PASTE``, ``--key``). ``wait`` is how
    long a pipe with no writer is waited on (default :data:`PIPE_WAIT_SECONDS`).
    """
    where = f"{what} {path}"
    try:
        mode = Path(path).stat().st_mode
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise UsageError(f"authtui: cannot read {where}: {_reason(exc)}") from None
    why = _refusal(mode)
    if why is not None:
        raise UsageError(f"authtui: cannot read {where}: {why}; give a file or a pipe")
    pipe = stat.S_ISFIFO(mode)
    flags = os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if pipe:
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UsageError(f"authtui: cannot read {where}: {_reason(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode  # what was opened, should the name now lead elsewhere
        why = _refusal(mode)
        if why is not None:
            raise UsageError(f"authtui: cannot read {where}: {why}; give a file or a pipe")
        if stat.S_ISFIFO(mode):
            seconds = PIPE_WAIT_SECONDS if wait is None else wait
            data = _read_pipe(fd, limit + 1, seconds, where)
        else:
            data = _read_all(fd, limit + 1)
    except OSError as exc:
        raise UsageError(f"authtui: cannot read {where}: {_reason(exc)}") from None
    finally:
        os.close(fd)
    return Read(data[:limit], len(data) > limit)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _read_all(fd: int, most: int) -> bytes:
    """Up to ``most`` bytes of a regular file."""
    chunks: list[bytes] = []
    size = 0
    while size < most:
        chunk = os.read(fd, min(_CHUNK, most - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_pipe(fd: int, most: int, seconds: float, where: str) -> bytes:
    """Up to ``most`` bytes of a pipe opened without blocking.

    A read with no data that says "try again" means a writer holds the pipe open: wait
    for it, however long it takes (as standard input does). A read that returns
    nothing before any data came means no writer: wait up to ``seconds`` for one to
    come (poll reports a writer that wrote, or that came and went without writing).
    """
    deadline = time.monotonic() + seconds
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    writer_seen = False
    while size < most:
        try:
            chunk = os.read(fd, min(_CHUNK, most - size))
        except BlockingIOError:
            writer_seen = True
            poller.poll()
            continue
        if chunk:
            writer_seen = True
            chunks.append(chunk)
            size += len(chunk)
            continue
        if writer_seen:
            break  # the writer closed its end: the whole content was read
        left = deadline - time.monotonic()
        if left <= 0:
            raise UsageError(
                f"authtui: cannot read {where}: a pipe with no writer "
                f"(nothing came in {seconds:g} s)"
            )
        writer_seen = bool(poller.poll(max(int(left * 1000), 1)))
    return b"".join(chunks)
