"""Where each line of a paste is: offsets into the text the reader was given.

The reader works on lines with their line ends removed and a common indentation cut
(an indented code block); :class:`Places` maps a line back to the stretch of the
original text it came from, so a header, a status line or a token can say where it
was read (:class:`~authtui.core.place.Span`). One pass over the text, then a few
arithmetic steps per span asked for.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

from authtui.core.place import Span

_BREAK = re.compile(r"\r\n|\r|\n")
"""Line ends as the reader splits them (CR LF, a lone CR, LF)."""


def line_starts(text: str) -> array[int]:
    """The offset where each line of ``text`` starts (the first is 0), packed: eight
    bytes a line, not a Python int each."""
    starts = array("q", [0])
    starts.extend(m.end() for m in _BREAK.finditer(text))
    return starts


def lines_before(text: str, offset: int) -> int:
    """How many line ends (LF, CR LF, a lone CR) come before ``offset`` in ``text``."""
    count = text.count("\n", 0, offset)
    if "\r" in text:
        count += text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    return count


class Places:
    """The stretch of the original text each reader line came from.

    ``lines`` are the lines as the reader reads them (line ends removed, a common
    indentation cut), split from ``text``; ``base`` is the offset of ``text`` in what the
    user pasted (after a byte-order mark, after a leading JSON value) and ``base_line``
    the number of line ends before it there.
    """

    def __init__(self, text: str, lines: Sequence[str], base: int = 0, base_line: int = 0):
        self.text = text
        self.lines = lines
        self.starts = line_starts(text)
        self.base = base
        self.base_line = base_line

    def _end(self, index: int) -> int:
        """Where line ``index`` ends in ``text`` (before its line end)."""
        if index + 1 >= len(self.starts):
            return len(self.text)
        after = self.starts[index + 1]
        if self.text[after - 2 : after] == "\r\n":
            return after - 2
        return after - 1

    def _bounds(self, index: int) -> tuple[int, int]:
        """The line's text without the white space around it, as (start, end)."""
        line = self.lines[index]
        end = self._end(index)
        start = end - len(line)  # the reader's line is a suffix of the original one
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip()) if lead < len(line) else 0
        return start + lead, end - trail

    def span(self, first: int, last: int | None = None) -> Span | None:
        """Lines ``first`` to ``last`` (inclusive; ``first`` alone when omitted), white
        space around them left out; ``None`` for a line the text does not have."""
        last = first if last is None else last
        if not 0 <= first <= last < min(len(self.lines), len(self.starts)):
            return None
        start, end = self._bounds(first)
        if last != first:
            end = self._bounds(last)[1]
        return Span(self.base + start, self.base + max(end, start), self.base_line + first + 1)

    def find(self, first: int, last: int, needle: str) -> int | None:
        """The first line from ``first`` to ``last`` (exclusive) that holds ``needle``
        (case-insensitive), or ``None``."""
        wanted = needle.lower()
        for index in range(max(first, 0), min(last, len(self.lines))):
            if wanted in self.lines[index].lower():
                return index
        return None
