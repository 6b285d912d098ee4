"""Where a compact token's segments and dots are on each line of an editor.

The Paste and Token panes colour every JWT they show by segment, as jwt.io does:
header, payload (for a JWE, what lies between its header and its tag) and
signature, and the dots between them. This module finds them; the editor draws
them (:class:`~authtui.tui.widgets.safe_area.SafeTextArea`), over the text as
drawn: a token is ASCII, so its columns are the same in the text and its drawing.

A token is found the way the core finds one (it starts with ``eyJ``, the base64url
of ``{"``). A token folded over several lines (a mail client wraps a long line)
goes on where a line holds nothing but base64url and dots right after a line
that ends inside a token: :class:`LineMarks` carries the segment from line to
line, looking back a bounded number of lines. Each line is scanned once per edit
of the document (the editor asks again only for a new version).

Textual-free, so it is tested like the core.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

_TOKEN = re.compile(r"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]*)+")
"""A compact JWS/JWE: ``eyJ…`` and at least one dot (one character class: linear)."""
_HEADER_ALONE = re.compile(r"[ \t]*(eyJ[A-Za-z0-9_\-]*)[ \t]*")
"""A line that holds only the start of a token's header (folded before the first dot)."""
_GOES_ON = re.compile(r"[A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]*)*")
"""The start of a line that continues a folded token."""
_ONLY_TOKEN = re.compile(r"[ \t]*[A-Za-z0-9_\-.]+[ \t]*")
"""A line that may continue a folded token: base64url and dots, nothing else."""
LOOK_BACK = 256
"""How many lines back a folded token is followed (a 16 KiB token folded at 64)."""


class Part(StrEnum):
    """What one stretch of a token is."""

    HEADER = "header"
    PAYLOAD = "payload"
    """The claims of a JWS; a JWE's encrypted key, IV and ciphertext."""
    SIGNATURE = "signature"
    """A JWS's signature; a JWE's authentication tag."""
    DOT = "dot"


Mark = tuple[int, int, Part]
"""``(start, end, part)``: columns of one stretch of a line."""


def _part(index: int, count: int | None) -> Part:
    """Segment ``index`` of a token of ``count`` segments (``None``: it goes on past
    this line, so the count is not known here: read as a JWS's three)."""
    if index == 0:
        return Part.HEADER
    if count is None:
        return Part.SIGNATURE if index == 2 else Part.PAYLOAD
    return Part.SIGNATURE if count >= 3 and index == count - 1 else Part.PAYLOAD


def _marks(text: str, offset: int, first: int, count: int | None) -> list[Mark]:
    """Marks of one token's text on a line: its segments from index ``first``, its
    dots; ``count`` is the token's number of segments, when known."""
    marks: list[Mark] = []
    column = offset
    for number, segment in enumerate(text.split(".")):
        if number:
            marks.append((column, column + 1, Part.DOT))
            column += 1
        if segment:
            marks.append((column, column + len(segment), _part(first + number, count)))
        column += len(segment)
    return marks


def line_marks(
    line: str, carry: int | None = None, *, goes_on: bool = False
) -> tuple[list[Mark], int | None]:
    """The marks of one line, and the segment a token that reaches the line's end is in
    (``None``: the line ends outside any token).

    ``carry`` is the segment the line above ended in, when this line may go on with
    it; ``goes_on``: the line below may go on with this one (a token that reaches the
    end of this line may then have more segments there).
    """
    runs: list[tuple[int, str, int]] = []  # (column, text, index of its first segment)
    position = 0
    if carry is not None:
        start = len(line) - len(line.lstrip(" \t"))
        run = _GOES_ON.match(line, start)
        new_token = carry >= 2 and line.startswith("eyJ", start)
        if run is not None and run.end() > start and not new_token:
            runs.append((start, run.group(), carry))  # a leading dot: the split says so
            position = run.end()
    runs += [(m.start(), m.group(), 0) for m in _TOKEN.finditer(line, position)]
    if not runs and goes_on and (alone := _HEADER_ALONE.fullmatch(line)) is not None:
        runs.append((alone.start(1), alone.group(1), 0))  # a header folded before its dot
    end = len(line.rstrip(" \t"))
    marks: list[Mark] = []
    ends_in: int | None = None
    for column, text, first in runs:
        last = first + text.count(".")
        reaches_end = column + len(text) >= end
        count = None if reaches_end and goes_on else last + 1
        marks += _marks(text, column, first, count)
        ends_in = last if reaches_end else None
    return marks, ends_in


class LineMarks:
    """The token marks of each line of one version of a document, computed on demand."""

    def __init__(self, line: Callable[[int], str], lines: int, version: object) -> None:
        self._line = line
        self._count = lines
        self.version = version
        """The document version these marks are of."""
        self._marks: dict[int, list[Mark]] = {}
        self._ends: dict[int, int | None] = {}

    def _may_go_on(self, row: int) -> bool:
        """Line ``row`` can continue a token folded from the line above."""
        return 0 < row < self._count and _ONLY_TOKEN.fullmatch(self._line(row)) is not None

    def _compute(self, row: int, carry: int | None) -> None:
        marks, ends = line_marks(self._line(row), carry, goes_on=self._may_go_on(row + 1))
        self._marks[row], self._ends[row] = marks, ends

    def of(self, row: int) -> list[Mark]:
        """The marks of line ``row`` (the lines a folded token comes from first)."""
        if row in self._marks:
            return self._marks[row]
        top = row
        while top > row - LOOK_BACK and self._may_go_on(top) and top - 1 not in self._ends:
            top -= 1
        carry = self._ends.get(top - 1) if self._may_go_on(top) else None
        for current in range(top, row + 1):
            self._compute(current, carry)
            carry = self._ends[current] if current < row and self._may_go_on(current + 1) else None
        return self._marks[row]
