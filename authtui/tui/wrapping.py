"""Soft wrapping for the editors: Textual's rows, found faster, never inside an escape.

Textual's :class:`~textual.document._wrapped_document.WrappedDocument` wraps every
line a character at a time (3.5 s for a 5 MB HAR) and sums every line to know its
height, which the TextArea asks for once per drawn row. :class:`FastWrap` keeps
its rows and its bookkeeping and changes how a line's breaks are found:

- a line without tabs that fits needs none (most lines of a HAR or a transcript);
- a line of ASCII (one cell a character: a drawn line holds no control character)
  is wrapped a word at a time, with exactly Textual's breaks
  (:func:`narrow_wrap_offsets`);
- a line whose drawing has escapes is folded so that no escape is cut in two
  (``\\x1b`` never becomes ``\\x`` on one row and ``1b`` on the next, which would
  read as another character): :func:`unit_wrap_offsets`;
- anything else is Textual's own :func:`~textual._wrap.compute_wrap_offsets`.
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size
from textual._cells import cell_len
from textual._wrap import compute_wrap_offsets
from textual.document._document import Location
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths
from textual.geometry import clamp

from authtui.tui.display_document import DisplayDocument
from authtui.tui.shown import Shown

_NO_BREAKS: list[int] = []
_NO_TABS: list[int] = [0]
"""Shared by every line that fits (Textual only reads these lists: fewer objects)."""

_CHUNK = re.compile(r"\S+\s*|\s+")
"""A word and the white space after it, or white space alone (Textual's chunks)."""


def narrow_wrap_offsets(line: str, width: int) -> list[int]:
    """:func:`compute_wrap_offsets` for a line of one-cell characters and no tabs.

    The same breaks, found a word at a time instead of a character at a time (a
    token of a thousand characters is one word).
    """
    breaks: list[int] = []
    offset = 0
    for match in _CHUNK.finditer(line):
        start, end = match.span()
        size = end - start
        if width - offset >= size:
            offset += size
        elif size > width:  # folded: the word starts a row, then one row per width
            first = start if start else start + width
            breaks.extend(range(first, end, width))
            offset = (size - 1) % width + 1
        elif offset and start:
            breaks.append(start)
            offset = size
    return breaks


def unit_wrap_offsets(line: str, width: int, tabs: list[int], found: Shown) -> list[int]:
    """Textual's word wrapping, but a folded word breaks only between whole escapes.

    ``tabs`` are the widths of the line's tabs in order. An escape wider than a
    row (a row of fewer than ten cells) is the one thing still cut.
    """
    tab_iter = iter(tabs)
    widths = [next(tab_iter, 0) if ch == "\t" else get_character_cell_size(ch) for ch in line]
    escape_end = dict(zip(found.starts, found.ends, strict=True))
    breaks: list[int] = []
    offset = 0
    for match in _CHUNK.finditer(line):
        start, end = match.span()
        size = sum(widths[start:end])
        if width - offset >= size:
            offset += size
            continue
        if size <= width:
            if offset and start:
                breaks.append(start)
                offset = size
            continue
        if start:  # folded: the word starts a row
            breaks.append(start)
        offset = 0
        at = start
        while at < end:
            unit_end = min(escape_end.get(at, at + 1), end)
            unit = sum(widths[at:unit_end])
            if unit > width:  # wider than a row: cut, a character at a time
                for index in range(at, unit_end):
                    if offset and offset + widths[index] > width:
                        breaks.append(index)
                        offset = 0
                    offset += widths[index]
            else:
                if offset and offset + unit > width:
                    breaks.append(at)
                    offset = 0
                offset += unit
            at = unit_end
    return breaks


def line_layout(
    line: str, width: int, tab_width: int, found: Shown | None = None
) -> tuple[list[int], list[int]]:
    """Where a drawn line wraps at ``width`` (0: nowhere) and how wide its tabs are."""
    if "\t" in line:
        sections = get_tab_widths(line, tab_width)
        tabs = [tab for _, tab in sections]
    else:
        sections = None
        tabs = [0] if line else []
    if not width:
        return [], tabs
    if found is not None:
        offsets = unit_wrap_offsets(line, width, tabs, found)
    elif sections is None and cell_len(line) <= width:
        offsets = []
    elif sections is None and line.isascii():
        offsets = narrow_wrap_offsets(line, width)
    else:
        offsets = compute_wrap_offsets(line, width, tab_width, precomputed_tab_sections=sections)
    return offsets, tabs


class FastWrap(WrappedDocument):
    """Textual's wrapped view of a document, with the breaks of :func:`line_layout`.

    The TextArea asks for a full wrap on every resize and scrollbar change (a dozen
    times while the screen settles): a wrap of the same document version at the
    same widths as the one in place is skipped.
    """

    _wrapped_as: tuple[int, int, int] | None = None
    """(document version, width, tab width) the rows were last computed for."""

    def _version(self) -> int:
        document = self.document
        return document.version if isinstance(document, DisplayDocument) else -1

    def _layout(self, index: int, line: str) -> tuple[list[int], list[int]]:
        document = self.document
        found = document.shown(index) if isinstance(document, DisplayDocument) else None
        return line_layout(line, self._width, self._tab_width, found)

    def forget(self) -> None:
        """Forget the rows: the next :meth:`wrap` computes them all again."""
        self._wrapped_as = None

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        """Wrap every line at ``width`` (0: no wrapping)."""
        if tab_width:
            self._tab_width = tab_width
        key = (self._version(), width, self._tab_width)
        if key == self._wrapped_as and key[0] >= 0:
            return
        self._width = width
        wrap_offsets: list[list[int]] = []
        tab_widths: list[list[int]] = []
        line_info: list[tuple[int, int]] = []
        line_rows: list[list[int]] = []
        document = self.document
        drawings = document.drawings if isinstance(document, DisplayDocument) else None
        row = 0
        for index, line in enumerate(document.lines):
            if (
                "\t" not in line
                and (not width or (len(line) <= width and line.isascii()))
                and (drawings is None or drawings[index] is None)
            ):
                wrap_offsets.append(_NO_BREAKS)  # the common case, without a call
                tab_widths.append(_NO_TABS if line else _NO_BREAKS)
                line_rows.append([row])
                line_info.append((index, 0))
                row += 1
                continue
            offsets, tabs = self._layout(index, line)
            wrap_offsets.append(offsets)
            tab_widths.append(tabs)
            sections = len(offsets) + 1
            line_rows.append(list(range(row, row + sections)))
            line_info.extend((index, section) for section in range(sections))
            row += sections
        self._wrap_offsets = wrap_offsets
        self._offset_to_line_info = line_info
        self._line_index_to_offsets = line_rows
        self._tab_width_cache = tab_widths
        self._wrapped_as = key

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        """Re-wrap the lines an edit touched (Textual's bookkeeping, these breaks)."""
        old_max = len(self._line_index_to_offsets) - 1
        new_max = self.document.line_count - 1
        start_line = clamp(start[0], 0, min(old_max, new_max))
        old_end_line = clamp(old_end[0], 0, old_max)
        new_end_line = clamp(new_end[0], 0, new_max)
        top, old_bottom = sorted((start_line, old_end_line))
        new_bottom = max(start_line, new_end_line)
        top_y = self._line_index_to_offsets[top][0]
        old_bottom_y = self._line_index_to_offsets[old_bottom][-1]
        new_lines = self.document.lines[top : new_bottom + 1]

        new_offsets: list[list[int]] = []
        new_rows: list[list[int]] = []
        new_info: list[tuple[int, int]] = []
        new_tabs: list[list[int]] = []
        y = top_y
        for index, line in enumerate(new_lines, top):
            offsets, tabs = self._layout(index, line)
            new_offsets.append(offsets)
            new_tabs.append(tabs)
            rows = list(range(y, y + len(offsets) + 1))
            new_info.extend((index, section) for section in range(len(rows)))
            new_rows.append(rows)
            y += len(rows)

        self._offset_to_line_info[top_y : old_bottom_y + 1] = new_info
        self._line_index_to_offsets[top : old_bottom + 1] = new_rows
        self._tab_width_cache[top : old_bottom + 1] = new_tabs
        row_shift = len(new_info) - (old_bottom_y - top_y + 1)
        line_shift = new_bottom - old_bottom
        if line_shift:
            info = self._offset_to_line_info
            for y_offset in range(top_y + len(new_info), len(info)):
                line_index, section = info[y_offset]
                info[y_offset] = (line_index + line_shift, section)
        if row_shift:
            line_rows = self._line_index_to_offsets
            for line_index in range(top + len(new_lines), len(line_rows)):
                line_rows[line_index] = [offset + row_shift for offset in line_rows[line_index]]
        self._wrap_offsets[top : old_bottom + 1] = new_offsets
        if self._wrapped_as is not None:  # the rows are those of this version now
            self._wrapped_as = (self._version(), self._width, self._tab_width)

    @property
    def height(self) -> int:
        """The number of rows (the TextArea asks once per drawn row: no sum)."""
        return len(self._offset_to_line_info)
