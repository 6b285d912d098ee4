"""Big diagnoses in a child process, so that no key ever waits for them.

A worker thread would do (the core is pure), but a thread running Python holds
the interpreter lock the UI needs: while it reads a 5 MB HAR, every key waits
for the lock (60 to 430 ms a key, measured with ``bench/big_paste.py``). A child
process shares no lock. It is started (``python -c``, importing this module and
the core alone, never Textual) the first time a big paste is diagnosed, and
lives as long as the app; the worker thread that waits for its answer sleeps in
the operating system, without the lock.

The two talk over the child's stdin and stdout: pickles, each after its length.
(Not :mod:`multiprocessing`: it starts a resource tracker that wants a real
``sys.stderr``, which Textual replaces, and re-imports the main module.) The
child's stderr is ``/dev/null``: it never writes to the terminal, which belongs
to the TUI. It keeps the last paste it read, so re-diagnosing the same paste with
other options (a setting, the ticking clock, the HAR entry picked) neither sends
nor re-reads megabytes. If it dies, the run fails with a sentence and the next
run starts another.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from authtui.core.model import Paste, Report
    from authtui.core.options import Options

_ROOT = str(Path(__file__).resolve().parents[2])
"""The directory holding the ``authtui`` package this module is part of."""
_CHILD = "import sys; sys.path.insert(0, {root!r}); from authtui.tui.offload import serve; serve()"


def send(stream: IO[bytes], message: object) -> None:
    """Write one message: its pickle's length (8 bytes), then the pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big"))
    stream.write(data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """Read one message (``None`` when the other side has gone)."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def serve() -> None:
    """The child: read and diagnose what the parent sends, until its stdin closes.

    Each message is ``(paste or None, options)``: ``None`` means the paste read
    last. Each answer is ``("report", report)`` or ``("error", sentence)``.
    """
    from authtui.core.diagnose import diagnose_paste
    from authtui.core.read.paste import read_paste

    incoming, outgoing = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - nothing else may write to the pipe
    read: Paste | None = None
    while (message := receive(incoming)) is not None:
        paste, options = message
        try:
            if paste is not None or read is None:
                read = read_paste(paste or "")
            send(outgoing, ("report", diagnose_paste(read, options)))
        except Exception as exc:
            send(outgoing, ("error", f"{type(exc).__name__}: {exc}"))


class ChildProcess:
    """The one child process that diagnoses big pastes (started when first needed)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._held: str | None = None
        """The paste the child read last (``None``: none, or not known)."""

    def holds(self, paste: str) -> bool:
        """True when the child has read this paste already (no reading to wait for)."""
        return self._held is not None and self._held == paste

    def _start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-c", _CHILD.format(root=_ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._process, self._held = process, None
        return process

    def run(self, paste: str, options: Options) -> Report:
        """Diagnose in the child and wait for the report (from a worker thread)."""
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None:
                process = self._start()
            assert process.stdin is not None and process.stdout is not None
            try:
                send(process.stdin, (None if self.holds(paste) else paste, options))
                answer = receive(process.stdout)
            except (OSError, ValueError):  # the child died, or the app closed it
                answer = None
            if answer is None:
                self._stop()
                raise RuntimeError("the background reader stopped; the next edit restarts it")
            self._held = paste
        kind, payload = answer
        if kind != "report":
            raise RuntimeError(str(payload))
        report: Report = payload
        return report

    def _stop(self) -> None:
        process, self._process, self._held = self._process, None, None
        if process is not None:
            _end(process)

    def close(self) -> None:
        """End the child (the app is closing); a run waiting for it fails at once.

        Not under the lock: a run waiting for the child holds it, and gets the end
        of its pipe as soon as the child is gone.
        """
        process = self._process
        if process is not None:
            _end(process)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Kill a child and close its pipes (a reader then sees the end, not an error)."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=5)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):  # a broken pipe flushed on close
                stream.close()
