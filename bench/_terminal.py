"""A pseudo-terminal for bench scripts: run an app on it with Textual's real driver.

Used by ``typing_speed.py`` (keys typed into a running app) and ``startup.py``
(time from spawn until the first screen shows a given text).
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

SIZE = (120, 40)
"""Columns and rows of every bench terminal."""

_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
"""CSI, OSC and two-byte escapes: what stands between the drawn characters."""


def drain(fd: int, quiet: float, *, first: float = 0.0, limit: float = 30.0) -> int:
    """Read output until none came for ``quiet`` seconds (or ``first`` seconds
    before the first byte); the bytes read. The cursor blinks every 0.5 s when
    no key comes, so ``quiet`` stays below that."""
    total, deadline = 0, time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet if total else max(first, quiet))
        if not ready:
            return total
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            return total
        if not chunk:
            return total
        total += len(chunk)
    raise TimeoutError("the app kept drawing")


class Terminal:
    """One process running on its own pseudo-terminal of :data:`SIZE`."""

    def __init__(self, argv: list[str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("COLUMNS", None), env.pop("LINES", None)
        self.master = master
        self.spawned = time.perf_counter()
        self.child = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)

    def wait_for_text(self, text: str, *, limit: float = 30.0) -> float:
        """Seconds from spawn until the screen's output holds ``text`` (escape
        sequences between its characters removed)."""
        wanted, seen = text.encode(), b""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                if self.child.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if wanted in _ESCAPES.sub(b"", seen):
                return time.perf_counter() - self.spawned
        tail = _ESCAPES.sub(b"", seen)[-300:].decode(errors="replace")
        raise SystemExit(f"{self.child.args!r} never showed {text!r}; last output: {tail!r}")

    def close(self) -> None:
        """Stop the process (if still running) and close the terminal."""
        if self.child.poll() is None:
            os.killpg(self.child.pid, signal.SIGKILL)
        self.child.wait()
        os.close(self.master)
