"""Files named on the command line: regular files and pipes are read; a pipe with no
writer, a directory, a device and a socket are one line on stderr and exit 2.

Each kind of file is tried for each option that names one (PASTE, ``--key``,
``--token-file``, ``--secret-file``), through ``main`` as a user runs it. The wait
for a writer is shortened (it is a module setting) so the tests stay fast.
"""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import jwt
import pytest

from authtui.cli import files, main
from authtui.cli.errors import UsageError

NOW = 1_735_689_600
SECRET = b"a-long-enough-shared-secret-for-hs256-0001"
TOKEN = jwt.encode({"sub": "c-1", "iat": NOW - 60, "exp": NOW + 3600}, SECRET, algorithm="HS256")
PASTE = (
    f"GET /cart HTTP/1.1\nHost: api.test\nAuthorization: Bearer {TOKEN}\n\n"
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="shop", error="invalid_token"\n\n'
)
WAIT = 0.3


@pytest.fixture(autouse=True)
def _fast_and_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short wait for a writer; standard input an empty pipe, as from a script."""
    monkeypatch.setattr(files, "PIPE_WAIT_SECONDS", WAIT)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))


def _argv(option: str, path: str) -> list[str]:
    """``diagnose`` with ``path`` given to ``option`` (a token for the rest)."""
    base = ["diagnose", "--now", str(NOW), "--format", "json"]
    if option == "PASTE":
        return [*base, path]
    if option == "--token-file":
        return [*base, "--token-file", path]
    return [*base, "--token", TOKEN, option, path]


OPTIONS = ("PASTE", "--key", "--token-file", "--secret-file")


def _content(option: str) -> bytes:
    """What a file given to ``option`` would hold for the diagnosis to use it."""
    if option == "PASTE":
        return PASTE.encode()
    if option == "--token-file":
        return TOKEN.encode() + b"\n"
    if option == "--key":
        return json.dumps({"kty": "oct", "k": jwt.utils.base64url_encode(SECRET).decode()}).encode()
    return SECRET + b"\n"


def _check_used(option: str, report: dict[str, object]) -> None:
    """The report shows the file was read and used."""
    token = report["token"]
    assert isinstance(token, dict)
    if option in ("--secret-file", "--key"):
        assert token["signature"] == "valid"
    else:
        assert token["form"] == "jws"


def _one_line_error(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A directory with a short path (a Unix socket's path is limited to ~100 bytes)."""
    with tempfile.TemporaryDirectory(dir="/tmp" if Path("/tmp").is_dir() else None) as tmp:
        yield Path(tmp)


# --- read -------------------------------------------------------------------------------


@pytest.mark.parametrize("option", OPTIONS)
def test_a_regular_file_is_read(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "file"
    path.write_bytes(_content(option))
    main(_argv(option, str(path)))
    out = capsys.readouterr()
    assert out.err == ""
    _check_used(option, json.loads(out.out))


def _writer(path: Path, data: bytes, delay: float) -> threading.Thread:
    """A writer that opens the FIFO after ``delay`` seconds and writes ``data``."""

    def write() -> None:
        time.sleep(delay)
        with path.open("wb") as fifo:
            fifo.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("option", OPTIONS)
def test_a_fifo_with_a_writer_is_read(
    option: str, short_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = short_dir / "fifo"
    os.mkfifo(path)
    writer = _writer(path, _content(option), 0.05)
    main(_argv(option, str(path)))
    writer.join(5)
    out = capsys.readouterr()
    assert out.err == ""
    _check_used(option, json.loads(out.out))


@pytest.mark.parametrize("option", OPTIONS)
def test_a_writer_slower_than_the_wait_is_waited_for(
    option: str, short_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A writer that holds the pipe open but is slow to write (``<(curl ...)``) is
    waited for as long as it takes, as standard input is."""
    path = short_dir / "fifo"
    os.mkfifo(path)
    data = _content(option)

    def slow() -> None:
        time.sleep(0.05)
        with path.open("wb") as fifo:
            fifo.flush()
            time.sleep(WAIT * 3)
            fifo.write(data)

    thread = threading.Thread(target=slow, daemon=True)
    thread.start()
    main(_argv(option, str(path)))
    thread.join(5)
    out = capsys.readouterr()
    assert out.err == ""
    _check_used(option, json.loads(out.out))


def test_a_pipe_is_read_in_chunks_past_the_pipe_buffer(short_dir: Path) -> None:
    path = short_dir / "fifo"
    os.mkfifo(path)
    data = os.urandom(300_000)
    writer = _writer(path, data, 0.0)
    read = files.read_file("PASTE", str(path), 1_000_000, wait=2)
    writer.join(5)
    assert read.data == data and not read.cut


def test_a_writer_that_writes_nothing_gives_an_empty_file(short_dir: Path) -> None:
    path = short_dir / "fifo"
    os.mkfifo(path)
    writer = _writer(path, b"", 0.05)
    read = files.read_file("PASTE", str(path), 100, wait=5)
    writer.join(5)
    assert read.data == b"" and not read.cut


def test_reads_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 1000)
    read = files.read_file("PASTE", str(path), 100)
    assert read.data == b"x" * 100 and read.cut
    assert files.read_file("PASTE", str(path), 1000) == files.Read(b"x" * 1000, False)


@pytest.mark.parametrize(
    ("option", "limit"),
    [("--key", "KEY_BYTES"), ("--token-file", "TOKEN_BYTES"), ("--secret-file", "SECRET_BYTES")],
)
def test_a_file_too_large_for_its_option_is_refused(
    option: str,
    limit: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from authtui.cli import args

    monkeypatch.setattr(args, limit, 1024 * 1024)
    path = tmp_path / "big"
    path.write_bytes(b"x" * (1024 * 1024 + 1))
    assert main(_argv(option, str(path))) == 2
    line = _one_line_error(capsys.readouterr().err)
    assert "too large" in line and option in line


def test_a_paste_over_the_read_limit_is_read_to_the_limit_and_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Past the limit the paste is not read; the report says it was cut."""
    from authtui.cli import args

    monkeypatch.setattr(args, "PASTE_BYTES", len(PASTE) + 10)
    path = tmp_path / "paste"
    path.write_bytes(PASTE.encode() + b"\n" * 100 + b"WWW-Authenticate: Basic\n")
    assert main(_argv("PASTE", str(path))) == 1
    report = json.loads(capsys.readouterr().out)
    assert [c["scheme"] for c in report["challenges"]] == ["Bearer"]


# --- refused ----------------------------------------------------------------------------


def _no_writer(directory: Path) -> str:
    path = directory / "fifo"
    os.mkfifo(path)
    return str(path)


def _directory(directory: Path) -> str:
    return str(directory)


def _socket(directory: Path) -> str:
    path = directory / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    _SOCKETS.append(server)
    return str(path)


_SOCKETS: list[socket.socket] = []


def _dev_zero(directory: Path) -> str:
    return "/dev/zero"


def _dev_null(directory: Path) -> str:
    return "/dev/null"


def _missing(directory: Path) -> str:
    return str(directory / "nothing-here")


REFUSED: dict[str, tuple[Callable[[Path], str], str]] = {
    "fifo-without-writer": (_no_writer, "no writer"),
    "directory": (_directory, "directory"),
    "unix-socket": (_socket, "socket"),
    "dev-zero": (_dev_zero, "device"),
    "dev-null": (_dev_null, "device"),
    "missing": (_missing, "No such file"),
}


@pytest.fixture(autouse=True)
def _close_sockets() -> Iterator[None]:
    yield
    while _SOCKETS:
        _SOCKETS.pop().close()


@pytest.mark.parametrize("kind", REFUSED)
@pytest.mark.parametrize("option", OPTIONS)
def test_what_cannot_be_read_is_one_line_and_exit_2(
    option: str, kind: str, short_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = REFUSED[kind]
    path = make(short_dir)
    started = time.monotonic()
    assert main(_argv(option, path)) == 2
    took = time.monotonic() - started
    out = capsys.readouterr()
    assert out.out == ""
    line = _one_line_error(out.err)
    assert words in line and option in line and path in line
    assert took < WAIT + 5  # gave up, rather than blocking or reading a device forever


def test_the_tui_refuses_the_same_files(
    short_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``authtui FIFO`` (the TUI) reads its paste the same way: no writer, exit 2."""
    assert main([_no_writer(short_dir)]) == 2
    assert "no writer" in _one_line_error(capsys.readouterr().err)


def test_compare_refuses_the_same_files(
    short_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``authtui compare A B`` reads both sides the same way."""
    paste = short_dir / "paste"
    paste.write_text(PASTE)
    assert main(["compare", str(paste), _no_writer(short_dir)]) == 2
    line = _one_line_error(capsys.readouterr().err)
    assert "no writer" in line and "B " in line
    assert main(["compare", "/dev/zero", str(paste)]) == 2
    assert "device" in _one_line_error(capsys.readouterr().err)


def test_a_file_swapped_for_a_directory_after_the_check_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is opened is checked again (the name may lead elsewhere by then)."""
    real_open = os.open

    def swapped(path: str, flags: int, *rest: int) -> int:
        return real_open(str(tmp_path), os.O_RDONLY)

    target = tmp_path / "file"
    target.write_text("x")
    monkeypatch.setattr(os, "open", swapped)
    with pytest.raises(UsageError, match="directory"):
        files.read_file("PASTE", str(target), 100)


def test_standard_input_is_read_as_it_comes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PASTE.encode())))
    assert main(["diagnose", "-", "--now", str(NOW), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["token"]["form"] == "jws"
