"""A one-line field for text that may be foreign: the value kept, escapes drawn.

Textual's Input draws its value as it is (ESC and C1 reach the terminal) and
measures ESC as zero cells wide. :class:`SafeInput` keeps ``value`` exactly and
draws each unsafe character as its escape (``\\x1b``, ``\\u202e``; a line break,
which only a program can put in a one-line field, as ``\\x0a``). Cursor positions
stay positions in the value, so one step left or right passes one character,
escape or not; the drawn cell of a position, the position under a click and the
selection and cursor highlights are all taken through the same drawing
(:mod:`authtui.tui.shown`), so what is drawn and where the cursor goes agree.
A password field draws one bullet a character, as Textual's does.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import clamp
from textual.strip import Strip
from textual.widgets import Input

from authtui.tui.shown import Shown, shown


class SafeInput(Input):
    """An Input whose drawing shows every unsafe character of its value as an escape."""

    _drawn_for: tuple[str, Shown | None] = ("", None)

    def _drawing(self) -> Shown | None:
        """How the value is drawn (``None``: as it is), computed once per value."""
        value = self.value
        if self.password:
            return None
        if self._drawn_for[0] != value:
            self._drawn_for = (value, shown(value, also="\n"))
        return self._drawn_for[1]

    def _drawn(self, position: int) -> int:
        found = self._drawing()
        return position if found is None else found.drawn(position)

    @property
    def _value(self) -> Text:
        """The value as drawn."""
        found = self._drawing()
        if self.password or found is None:
            return super()._value
        text = Text(found.text, no_wrap=True, overflow="ignore", end="")
        return text if self.highlighter is None else self.highlighter(text)

    def _position_to_cell(self, position: int) -> int:
        """The drawn cell where a position of the value is."""
        if self.password:
            return position  # one bullet a character, whatever the character
        found = self._drawing()
        if found is None:
            return super()._position_to_cell(position)
        return cell_len(expand_tabs_inline(found.text[: found.drawn(position)], 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        """The position of the value drawn at a cell (inside an escape: its character)."""
        found = self._drawing()
        if found is None and not self.password:
            return super()._cell_offset_to_index(offset)
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        if found is None:
            return clamp(offset, 0, len(self.value))
        drawn = found.text
        cell = 0
        index = len(drawn)
        for at, char in enumerate(drawn):
            width = get_character_cell_size(char)
            if cell <= offset < cell + width:
                index = at
                break
            cell += width
        else:
            if offset < 0:
                index = 0
        return found.source(index)

    def render_line(self, y: int) -> Strip:
        """Textual's Input line, with the selection and cursor placed on the drawing.

        A value with nothing to escape is drawn by Textual itself (suggestions too:
        this drawing has none, and no field of authtui offers any).
        """
        if y != 0 or self._drawing() is None:
            return super().render_line(y)
        console = self.app.console
        console_options = self.app.console_options
        max_content_width = self.scrollable_content_region.width
        result = self._value
        if self.has_focus:
            if not self.selection.is_empty:
                start, end = sorted(self.selection)
                style = self.get_component_rich_style("input--selection")
                result.stylize_before(style, self._drawn(start), self._drawn(end))
            if self._cursor_visible:
                cursor_style = self.get_component_rich_style("input--cursor")
                cursor = self.cursor_position
                if self.cursor_at_end:
                    result.pad_right(1)
                    result.stylize(cursor_style, len(result.plain) - 1, len(result.plain))
                else:
                    result.stylize(cursor_style, self._drawn(cursor), self._drawn(cursor + 1))
        segments = list(console.render(result, console_options.update_width(self.content_width)))
        strip = Strip(segments)
        scroll_x, _ = self.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + max_content_width + 1)
        strip = strip.extend_cell_length(max_content_width + 1)
        return strip.apply_style(self.rich_style)
