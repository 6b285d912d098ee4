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
import select
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from authtui.core.model import Paste, Report
    from authtui.core.options import Options

BIG_PASTE = 256 * 1024
"""Characters from which a paste is read in the background (about 20 ms of reading)."""
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
    from authtui import startup

    startup.pause()  # as the command line does: nothing to collect while importing
    from authtui.core.diagnose import diagnose_paste
    from authtui.core.read.paste import read_paste

    startup.resume()
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
        self._begun = False
        """:meth:`begin` sent a diagnosis whose answer nobody has read yet."""
        self._writer: threading.Thread | None = None
        """The thread writing what :meth:`begin` sent, until it is known to be done."""

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
            self._drop_begun()
            process = self._running()
            assert process.stdin is not None
            try:
                send(process.stdin, (None if self.holds(paste) else paste, options))
            except (OSError, ValueError):  # the child died, or the app closed it
                self._stop()
            answer = self._answer(None)
            if answer is None:
                raise RuntimeError("the background reader stopped; the next edit restarts it")
            self._held = paste
        kind, payload = answer
        if kind != "report":
            raise RuntimeError(str(payload))
        report: Report = payload
        return report

    def begin(self, paste: str, options: Options) -> None:
        """Send the child a diagnosis and return at once; :meth:`collect` reads its
        answer (:mod:`authtui.tui.head_start`). The message is written by a thread:
        one larger than the pipe holds waits until the child, still starting, reads."""
        with self._lock:
            self._drop_begun()
            process = self._running()
            writer = threading.Thread(
                target=_write, args=(process, (paste, options)), name="head-start", daemon=True
            )
            writer.start()
            self._begun, self._held, self._writer = True, paste, writer

    def collect(self, timeout: float) -> Report | None:
        """The report answering what :meth:`begin` sent: ``None`` when nothing was
        begun, the diagnosis failed, or the child gave no answer within ``timeout``
        seconds (then it is stopped, and the next run starts another)."""
        with self._lock:
            if not self._begun:
                return None
            self._begun = False
            answer = self._answer(timeout)
        if answer is None or answer[0] != "report":
            return None
        report: Report = answer[1]
        return report

    def _running(self) -> subprocess.Popen[bytes]:
        """The child, started again if it is not running."""
        process = self._process
        if process is None or process.poll() is not None:
            process = self._start()
        return process

    def _answer(self, timeout: float | None) -> Any:
        """Read the child's next answer (under the lock); ``None``, with the child
        stopped, when it has gone or (where pipes can be waited on: not Windows)
        gave none within ``timeout`` seconds."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join(timeout)  # done once the child has read it (or has gone)
        process = self._process
        if process is None or process.stdout is None:
            return None
        answer = None
        try:
            if timeout is None or os.name != "posix" or _ready(process.stdout, timeout):
                answer = receive(process.stdout)
        except (OSError, ValueError):  # the child died, or the app closed it
            answer = None
        if answer is None:
            self._stop()
        return answer

    def _drop_begun(self) -> None:
        """Read and drop the answer to a :meth:`begin` nobody collected (under the lock)."""
        if self._begun:
            self._begun = False
            self._answer(None)

    def _stop(self) -> None:
        process, self._process, self._held = self._process, None, None
        self._begun = False
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


def _write(process: subprocess.Popen[bytes], message: object) -> None:
    """Send one message (in a thread); a child gone meanwhile answers nothing."""
    if process.stdin is not None:
        with contextlib.suppress(OSError, ValueError):
            send(process.stdin, message)


def _ready(stream: IO[bytes], timeout: float) -> bool:
    """Something to read on the pipe within ``timeout`` seconds."""
    readable, _, _ = select.select([stream], [], [], timeout)
    return bool(readable)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Kill a child and close its pipes (a reader then sees the end, not an error)."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=5)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):  # a broken pipe flushed on close
                stream.close()
