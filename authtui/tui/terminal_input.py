"""Bracketed pastes read as the terminal sent them: every byte, and never a key.

Textual's input parser ends an escape sequence inside a bracketed paste only 32
characters later or at the next ESC, then re-issues what it read as *keys*: a
pasted ``\\x1b]52;c;...`` arrives as "^" and typed characters, scattered where
the cursor is, and a control character after a pasted ESC is a key press
(Ctrl+Q quits, Ctrl+L clears every field). The editor no longer holds the
paste, and the pasted bytes drive the app.

:class:`PasteParser` cuts each bracketed paste out of the input before Textual's
parser sees it: everything between ``ESC[200~`` and ``ESC[201~`` is one Paste
event, byte for byte, however the terminal's writes were split; the rest goes
to Textual's parser as it came. :class:`PasteSafeDriver` is Textual's Linux and
macOS driver reading with it. (A pasted ``ESC[201~`` still ends the paste: that
is the protocol, and a terminal that does not strip it from pasted text lets a
paste end early; what follows is then typed, as in any application.)
"""

from __future__ import annotations

import os
import selectors
import time
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

HOLD = 0.05
"""Seconds the possible start of a paste marker at the end of a read waits for the rest."""


def marker_prefix(text: str, marker: str) -> int:
    """How many characters at the end of ``text`` begin ``marker`` (0: none)."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if text.endswith(marker[:size]):
            return size
    return 0


class PasteParser(XTermParser):
    """Textual's input parser, with bracketed pastes taken out whole before it."""

    def __init__(self, debug: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(debug)
        self._clock = clock
        self._pasting: list[str] | None = None
        """What was pasted so far (``None``: not inside a paste)."""
        self._held = ""
        """The end of the last read, when it may begin a marker."""
        self._held_at = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        """Parse what the terminal sent; ``""`` is the end of input."""
        if not data:
            held, self._held = self._held, ""
            if self._pasting is not None:  # the input ended inside a paste
                yield events.Paste("".join(self._pasting) + held)
                self._pasting, held = None, ""
            if held:
                yield from super().feed(held)
            yield from super().feed("")
            return
        text, self._held = self._held + data, ""
        while text:
            if self._pasting is not None:
                end = text.find(BRACKETED_PASTE_END)
                if end < 0:
                    keep = marker_prefix(text, BRACKETED_PASTE_END)
                    self._pasting.append(text[: len(text) - keep])
                    self._held = text[len(text) - keep :]
                    return
                self._pasting.append(text[:end])
                yield events.Paste("".join(self._pasting))
                self._pasting = None
                text = text[end + len(BRACKETED_PASTE_END) :]
                continue
            start = text.find(BRACKETED_PASTE_START)
            if start < 0:
                keep = marker_prefix(text, BRACKETED_PASTE_START)
                keep = keep if keep > 1 else 0  # a lone ESC is the Escape key
                body = text[: len(text) - keep]
                if body:
                    yield from super().feed(body)
                if keep:
                    self._held, self._held_at = text[len(text) - keep :], self._clock()
                return
            if start:
                yield from super().feed(text[:start])
            self._pasting = []
            text = text[start + len(BRACKETED_PASTE_START) :]

    def tick(self) -> Iterable[Message]:
        """Timeouts: a held possible marker that got no rest is input after all."""
        if self._held and self._pasting is None and self._clock() - self._held_at >= HOLD:
            held, self._held = self._held, ""
            yield from super().feed(held)
        yield from super().tick()


class PasteSafeDriver(LinuxDriver):
    """Textual's Linux and macOS driver, reading input with :class:`PasteParser`."""

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual's loop, this parser)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = PasteParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode

        def process(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for last, (_key, mask) in loop_last(ready):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not data:
                        break
                    for event in parser.feed(data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
