"""Starting the TUI from the command line, with a terminal to read keys from."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import BinaryIO

from textual import constants
from textual.driver import Driver

from authtui.core.options import Options
from authtui.tui.app import AuthTUI
from authtui.tui.head_start import HeadStart
from authtui.tui.keymap import default_keys_file


class NoTerminal(Exception):
    """No terminal to read keys from: the command line says so (one line, exit 2)."""


def paste_safe_driver() -> type[Driver] | None:
    """The terminal driver that reads bracketed pastes whole (:mod:`.terminal_input`):
    on Linux and macOS, unless ``TEXTUAL_DRIVER`` names another (``None``: Textual's)."""
    if sys.platform.startswith("win") or constants.DRIVER is not None:
        return None
    from authtui.tui.terminal_input import PasteSafeDriver  # termios: not on Windows

    return PasteSafeDriver


def run_tui(
    paste: str,
    options: Options,
    *,
    demo: str | None = None,
    presenter: bool = False,
    from_pipe: bool = False,
    served: bool = False,
    read_pipe: Callable[[BinaryIO], str] | None = None,
    head_start: HeadStart | None = None,
) -> int:
    """Run the TUI (the CLI's entry point). Returns the exit status.

    Raises :class:`NoTerminal` when the paste came through a pipe and no terminal is
    left to read keys from. ``served``: the app runs under ``authtui serve`` (its driver
    talks to the browser). ``read_pipe`` (with ``from_pipe``): the paste is still in
    the pipe; the app starts at once and reads it with this function
    (:mod:`authtui.tui.piped`) from a copy of standard input kept before the
    terminal takes its place. ``head_start``: the first diagnosis, already begun
    (:mod:`authtui.tui.head_start`).
    """
    reader: Callable[[], str] | None = None
    if from_pipe and read_pipe is not None:
        pipe = os.fdopen(os.dup(0), "rb")

        def read_all() -> str:
            with pipe:
                return read_pipe(pipe)

        reader = read_all
    if from_pipe:
        try:
            tty = os.open("/dev/tty", os.O_RDONLY)
            os.dup2(tty, 0)
            os.close(tty)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if reader is not None:
                pipe.close()
            raise NoTerminal(
                f"authtui: no terminal to read keys from after the pipe ({reason}); "
                "pass the paste as a file instead: authtui FILE"
            ) from None
    driver = None if served else paste_safe_driver()  # served: the browser's driver
    keys_file = None if served else default_keys_file(os.environ)  # served: no file read
    app = AuthTUI(
        paste,
        options,
        demo=demo,
        presenter=presenter,
        served=served,
        driver_class=driver,
        read_pipe=reader,
        keys_file=keys_file,
        head_start=head_start,
    )
    result = app.run()
    if served:
        # The server has told this app to quit; the ctrl+c that stops the server reaches
        # its whole process group, and must not print a traceback while this one exits.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    return result if isinstance(result, int) else (app.return_code or 0)
