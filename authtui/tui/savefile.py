"""Writing the report to a file the user named, without surprises.

- A new file is created with ``O_CREAT | O_EXCL | O_NOFOLLOW``: if anything has
  appeared at the path since the dialog looked (a file, a symbolic link), the
  open fails instead of truncating the file or writing through the link.
- An existing file is replaced only when the user has confirmed it (the dialog
  asks): the report goes to a temporary file beside it (same directory, created
  exclusively) and is renamed over it, so the old report is whole until the new
  one is, and a link put at the target meanwhile is itself replaced, never its
  target written.
- A symbolic link at the target is refused, confirmed or not.
- Files are mode 0600 (reports can quote tokens and credentials), whatever the umask.

Textual-free; failures come back as :class:`SaveError` with a sentence to show.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from enum import Enum
from pathlib import Path

DEFAULT_REPORT_PATH = "./authtui-report.md"
"""Where the report is saved unless the user names another file."""
MODE = 0o600
"""Report files are readable and writable by their owner only."""


class Target(Enum):
    """What is at the path the user typed."""

    NEW = "new"
    FILE = "file"
    LINK = "link"
    DIRECTORY = "directory"
    OTHER = "other"
    """A device, FIFO or socket: nothing to save a report into."""


class SaveError(Exception):
    """Writing failed; ``str(error)`` says why, in words."""


def look(path: Path) -> Target:
    """What is at ``path``, without following a link there."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return Target.NEW
    except OSError:
        return Target.NEW  # the parent is missing or unreadable: creating says why
    if stat.S_ISLNK(mode):
        return Target.LINK
    if stat.S_ISREG(mode):
        return Target.FILE
    if stat.S_ISDIR(mode):
        return Target.DIRECTORY
    return Target.OTHER


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _write_all(fd: int, data: bytes) -> None:
    os.fchmod(fd, MODE)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; never over anything already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, MODE)
    except FileExistsError as exc:
        if look(path) is Target.LINK:
            raise SaveError(f"{path} is a symbolic link: not followed") from exc
        raise SaveError(f"{path} appeared meanwhile: save again to decide about it") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SaveError(f"{path} is a symbolic link: not followed") from exc
        raise SaveError(f"Could not save to {path}: {_reason(exc)}") from exc
    try:
        _write_all(fd, _encode(text))
    except OSError as exc:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise SaveError(f"Could not save to {path}: {_reason(exc)}") from exc
    os.close(fd)


def replace_file(path: Path, text: str) -> None:
    """Replace the regular file at ``path`` with ``text``, atomically (confirmed by the user)."""
    if look(path) is Target.LINK:
        raise SaveError(f"{path} is a symbolic link: not followed, not replaced")
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(f"Could not save to {path}: {_reason(exc)}") from exc
    try:
        try:
            _write_all(fd, _encode(text))
        finally:
            os.close(fd)
        Path(temporary).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise SaveError(f"Could not save to {path}: {_reason(exc)}") from exc


def _encode(text: str) -> bytes:
    """UTF-8; a lone surrogate (which UTF-8 cannot hold) as its escape."""
    return text.encode("utf-8", "backslashreplace")
