"""One line of foreign text as it is drawn, and the columns of both.

The editors (Paste, Token, the key field) and the one-line fields keep the bytes
the user pasted, but draw each character that must not reach a terminal as its
visible escape (``\\x1b``, ``\\u202e``), as :func:`~authtui.core.safety.terminal.printable`
does everywhere else. A :class:`Shown` line is that drawing, with the arithmetic
between a column of the text (a code point index) and a column of the drawing:
one unsafe character is one text column and ``len(escape)`` drawn columns, and a
drawn column inside an escape belongs to that one character.

Textual-free, so it is tested like the core.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from authtui.core.safety.terminal import escape_char, is_unsafe, printable


@dataclass(frozen=True, slots=True)
class Shown:
    """A line with unsafe characters, and where their escapes are drawn.

    Built by :func:`shown`, which returns ``None`` for a line with nothing to
    escape (most lines: their drawing is the line itself).
    """

    text: str
    """The line as drawn: every unsafe character replaced by its escape."""
    columns: tuple[int, ...]
    """The text column of each unsafe character, in order."""
    starts: tuple[int, ...]
    """The drawn column where each escape starts."""
    ends: tuple[int, ...]
    """The drawn column just after each escape."""

    def drawn(self, column: int) -> int:
        """The drawn column of a text column (an escape starts where its character is)."""
        k = bisect_left(self.columns, column)  # unsafe characters before ``column``
        if k == 0:
            return column
        return column + self.ends[k - 1] - self.columns[k - 1] - 1

    def source(self, drawn: int, *, after: bool = False) -> int:
        """The text column of a drawn column.

        A drawn column inside an escape (past its first cell) is taken to the
        start of its character, or past it when ``after``.
        """
        k = bisect_right(self.starts, drawn) - 1
        if k < 0:
            return drawn
        if drawn >= self.ends[k]:
            return drawn - self.ends[k] + self.columns[k] + 1
        if drawn == self.starts[k]:
            return self.columns[k]
        return self.columns[k] + 1 if after else self.columns[k]

    def snap(self, drawn: int, *, after: bool = False) -> int:
        """The nearest character boundary at or before (after: at or past) ``drawn``."""
        return self.drawn(self.source(drawn, after=after))

    def inside(self, drawn: int) -> bool:
        """True when ``drawn`` falls inside an escape, past its first cell."""
        k = bisect_right(self.starts, drawn) - 1
        return k >= 0 and self.starts[k] < drawn < self.ends[k]


def shown(line: str, *, also: str = "") -> Shown | None:
    """The drawing of one line, or ``None`` when it is safe.

    The drawing is what :func:`printable` makes of the line; a CR in it is escaped
    (in an editor a line end is a line break, never a character of the line), and
    so is each character of ``also`` (a one-line field escapes LF too).
    """
    if "\r" not in line and printable(line) is line and not any(ch in line for ch in also):
        return None
    parts: list[str] = []
    columns: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    drawn = 0
    for column, ch in enumerate(line):
        if ch.isprintable() or not (is_unsafe(ch) or ch in also):
            continue
        parts.append(line[done:column])
        drawn += column - done
        escape = escape_char(ch)
        parts.append(escape)
        columns.append(column)
        starts.append(drawn)
        drawn += len(escape)
        ends.append(drawn)
        done = column + 1
    if not columns:
        return None
    parts.append(line[done:])
    return Shown("".join(parts), tuple(columns), tuple(starts), tuple(ends))


def drawn_text(line: str) -> str:
    """What a line looks like on screen (the line itself when it is safe)."""
    found = shown(line)
    return line if found is None else found.text
