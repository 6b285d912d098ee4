"""The editors' document: the pasted bytes kept, their drawing given to the TextArea.

Textual's :class:`~textual.document._document.Document` splits lines with
``str.splitlines``, so U+2028, U+2029, NEL, VT, FF and FS/GS/RS become line breaks
and ``text`` comes back changed; and a TextArea draws what its document's lines
hold, ESC and C1 included. :class:`DisplayDocument` instead

- keeps the text: lines end only at CR LF, LF or a lone CR (as the paste reader
  splits them), each line keeps its own line end, and ``text`` is what was loaded
  and edited, byte for byte, but that a lone CR is kept as the LF it stands for
  (the reader and the contract read it as a line end, and terminals paste every
  line end as CR; kept as CR, an LF typed after it would join the two into one
  CR LF and the editor's lines would no longer be the reader's);
- gives the TextArea the *drawn* lines (:mod:`authtui.tui.shown`): every unsafe
  character as its escape. Every location the TextArea passes in or gets back is
  a location in the drawing, so Textual's own wrapping, cursor, selection and
  mouse arithmetic agree with what is on screen without a change;
- translates at the one place an edit happens (:meth:`replace_range`) and the one
  place text is read back (:meth:`get_text_range`): a range that starts or ends
  inside an escape takes the whole character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import chain

from textual._cells import cell_len
from textual.document._document import DocumentBase, EditResult, Location, Newline
from textual.geometry import Size

from authtui.core.safety.terminal import printable
from authtui.tui.shown import Shown, shown

_LINE_END = re.compile("(\r\n|\r|\n)")
"""The line ends of the editors (those of the paste reader; the others are characters)."""


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Lines and the line end after each (the last line's is ``""``; a lone CR is LF)."""
    parts = _LINE_END.split(text)
    ends = ["\n" if end == "\r" else end for end in parts[1::2]]
    return parts[0::2], [*ends, ""]


def kept_text(text: str) -> str:
    """What a document keeps of ``text``: every byte, a lone CR as LF."""
    return re.sub("\r(?!\n)", "\n", text) if "\r" in text else text


_CR_RUN = re.compile("\r+")


def pasted_line_ends(text: str) -> str:
    """A bracketed paste with the line ends it was copied with.

    tmux's ``paste-buffer`` (without ``-r``) sends each LF as CR, so lines that end in
    CR LF (a ``curl -v`` capture's headers, a file from Windows) arrive with CR CR
    between them: read as they came, that is a blank line after every line, and a header
    block would end at its first line. A paste with no LF whose CR pairs outnumber its
    lone CRs is read that way: each run of CRs is half as many line ends (rounded up: a
    lone CR from an LF line stays one). Any other paste is kept as it came.
    """
    if "\n" in text or "\r\r" not in text:
        return text
    runs = [len(run) for run in _CR_RUN.findall(text)]
    if runs.count(2) <= runs.count(1):
        return text
    return _CR_RUN.sub(lambda run: "\n" * ((len(run.group()) + 1) // 2), text)


def _newline(text: str) -> Newline:
    """The line end the Enter key inserts: the paste's own."""
    return "\r\n" if "\r\n" in text else "\n"


class DisplayDocument(DocumentBase):
    """A document whose lines (and locations) are those drawn; ``text`` is the source."""

    version = 0
    """How many edits were made: a layout of the same version and width still holds."""

    def __init__(self, text: str, *, mask: Callable[[str], str] | None = None) -> None:
        """``mask``: draws each line through it (same length: presenter mode masks
        tokens, :mod:`authtui.tui.masking`)."""
        self._mask = mask
        self._newline: Newline = _newline(text)
        self._source, self._ends = split_lines(text)
        self._odd = sum(end != self._newline for end in self._ends[:-1])
        """How many line ends differ from :attr:`newline` (0: ``text`` is one join)."""
        if "\r" not in text and printable(text) is text:  # nothing to escape anywhere
            self._shown: list[Shown | None] = [None] * len(self._source)
            self._lines = self._masked(list(self._source))
            return
        self._shown = [shown(line) for line in self._source]
        self._lines = self._masked(
            [
                line if found is None else found.text
                for line, found in zip(self._source, self._shown, strict=True)
            ]
        )

    def _masked(self, lines: list[str]) -> list[str]:
        mask = self._mask
        return lines if mask is None else [mask(line) for line in lines]

    # ------------------------------------------------------------ the drawing

    @property
    def lines(self) -> list[str]:
        """The lines as drawn (unsafe characters as escapes)."""
        return self._lines

    def get_line(self, index: int) -> str:
        """One line as drawn."""
        return self._lines[index]

    def __getitem__(self, line_index: int | slice) -> str | list[str]:  # type: ignore[override]
        """A drawn line, or a list of them."""
        return self._lines[line_index]

    @property
    def line_count(self) -> int:
        """The number of lines."""
        return len(self._lines)

    @property
    def start(self) -> Location:
        """The start of the document."""
        return (0, 0)

    @property
    def end(self) -> Location:
        """The end of the document, in the drawing."""
        last = len(self._lines) - 1
        return (last, len(self._lines[last]))

    def get_size(self, indent_width: int) -> Size:
        """The drawing's width (widest line, tabs expanded) and height."""
        widest = max((cell_len(line.expandtabs(indent_width)) for line in self._lines), default=0)
        return Size(widest, len(self._lines))

    def shown(self, row: int) -> Shown | None:
        """How a line is drawn (``None``: as it is)."""
        return self._shown[row] if 0 <= row < len(self._shown) else None

    @property
    def drawings(self) -> list[Shown | None]:
        """How each line is drawn (``None``: as it is), for a pass over every line."""
        return self._shown

    def snap(self, location: Location, *, after: bool = False) -> Location:
        """The nearest character boundary of the drawing at (or past) ``location``."""
        row, column = location
        found = self.shown(row)
        if found is None:
            return location
        return (row, found.snap(column, after=after))

    # ------------------------------------------------------------- the source

    _text: tuple[int, str] = (-1, "")
    """The text as of a version (the TextArea asks for it once per row it draws)."""

    @property
    def text(self) -> str:
        """The text, exactly as loaded and edited (every line end its own)."""
        version, text = self._text
        if version == self.version:
            return text
        if not self._odd:
            text = self._newline.join(self._source)
        else:
            text = "".join(chain.from_iterable(zip(self._source, self._ends, strict=True)))
        self._text = (self.version, text)
        return text

    _starts: tuple[int, list[int]] = (-1, [])
    """The offset in :attr:`text` where each line starts, as of a version."""

    def location_of(self, offset: int) -> Location:
        """The drawn location of an offset into :attr:`text` (a finding's span): clamped
        to the text; an offset inside a line end is the end of its line."""
        version, starts = self._starts
        if version != self.version:
            starts, total = [], 0
            for line, end in zip(self._source, self._ends, strict=True):
                starts.append(total)
                total += len(line) + len(end)
            self._starts = (self.version, starts)
        row = max(0, bisect_right(starts, max(0, offset)) - 1)
        column = min(max(0, offset - starts[row]), len(self._source[row]))
        return (row, self._drawn_column(row, column))

    def _count_odd(self, ends: list[str]) -> int:
        return sum(end != self._newline for end in ends)

    @property
    def newline(self) -> Newline:
        """The line end the Enter key inserts."""
        return self._newline

    def _source_column(self, row: int, column: int, *, after: bool) -> int:
        found = self.shown(row)
        return column if found is None else found.source(column, after=after)

    def _drawn_column(self, row: int, column: int) -> int:
        found = self.shown(row)
        return column if found is None else found.drawn(column)

    def get_text_range(self, start: Location, end: Location) -> str:
        """The source text between two drawn locations (whole characters)."""
        if start == end:
            return ""
        (top_row, top_col), (bottom_row, bottom_col) = sorted((start, end))
        source = self._source
        top_row = min(top_row, len(source) - 1)
        top = self._source_column(top_row, top_col, after=False)
        if bottom_row >= len(source):
            bottom_row, bottom = len(source) - 1, len(source[-1])
        else:
            bottom = self._source_column(bottom_row, bottom_col, after=True)
        if top_row == bottom_row:
            return source[top_row][top:bottom]
        parts = [source[top_row][top:], self._ends[top_row]]
        for row in range(top_row + 1, bottom_row):
            parts += (source[row], self._ends[row])
        parts.append(source[bottom_row][:bottom])
        return "".join(parts)

    def replace_range(self, start: Location, end: Location, text: str) -> EditResult:
        """Replace the text between two drawn locations; the end comes back drawn."""
        (top_row, top_col), (bottom_row, bottom_col) = sorted((start, end))
        replaced = self.get_text_range(start, end)
        source, ends = self._source, self._ends
        self.version += 1
        if top_row >= len(source):  # past the end: new lines after the last one
            top_row = bottom_row = len(source)
            ends[-1] = self._newline
            before = ""
        else:
            before = source[top_row][: self._source_column(top_row, top_col, after=False)]
        if bottom_row >= len(source):
            after, tail = "", ""
        else:
            bottom = self._source_column(bottom_row, bottom_col, after=True)
            after, tail = source[bottom_row][bottom:], ends[bottom_row]
        lines, line_ends = split_lines(text)
        lines[0] = before + lines[0]
        column = len(lines[-1])
        lines[-1] += after
        line_ends[-1] = tail
        span = slice(top_row, bottom_row + 1)
        self._odd += self._count_odd(line_ends[:-1]) - self._count_odd(ends[span][:-1])
        source[span] = lines
        ends[span] = line_ends
        found = [shown(line) for line in lines]
        self._shown[span] = found
        self._lines[span] = self._masked(
            [
                line if drawn is None else drawn.text
                for line, drawn in zip(lines, found, strict=True)
            ]
        )
        row = top_row + len(lines) - 1
        return EditResult((row, self._drawn_column(row, column)), replaced)
