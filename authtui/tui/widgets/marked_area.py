"""A TextArea that colours tokens by segment and can highlight one stretch: display only.

Nothing here changes the document: the marks are styles laid over the lines the
TextArea draws (:meth:`TextArea.get_line` is Textual's hook for that). Two kinds:

- every compact token, coloured by segment as jwt.io colours it (header, payload,
  signature, and the dots), found by :mod:`authtui.tui.token_marks`;
- the *source*: one stretch of the text, given as offsets into ``text`` (a finding's
  evidence: a header line, the token), drawn on a highlighted background and scrolled
  into view (:meth:`show_source`), until :meth:`clear_source`.

Columns are those of the drawing (the document's lines): a token is ASCII, so it has
the same columns in both, and a source's offsets are turned into drawn locations by
the document (:meth:`~authtui.tui.display_document.DisplayDocument.location_of`).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.document._document import Location
from textual.geometry import Region, Spacing
from textual.widgets import TextArea

from authtui.tui.token_marks import LineMarks, Part

SEGMENT_COLOURS = {
    True: {Part.HEADER: "#fb4f7f", Part.PAYLOAD: "#d67bff", Part.SIGNATURE: "#29c1f3"},
    False: {Part.HEADER: "#c2003f", Part.PAYLOAD: "#8b1fb8", Part.SIGNATURE: "#00779c"},
}
"""jwt.io's colours, by theme darkness: lighter on a dark background, deeper on a light one."""


class MarkedTextArea(TextArea):
    """A TextArea whose tokens are coloured by segment, with one stretch highlightable."""

    _token_marks: LineMarks | None = None
    _source: tuple[Location, Location] | None = None
    """The highlighted stretch, as drawn locations (start, end)."""
    _styles: tuple[str, dict[Part | str, Style]] | None = None

    def _marks_of(self, row: int) -> list[tuple[int, int, Part]]:
        document = self.document
        version = (id(document), getattr(document, "version", 0))
        marks = self._token_marks
        if marks is None or marks.version != version:
            marks = self._token_marks = LineMarks(document.get_line, document.line_count, version)
        return marks.of(row)

    def _style_table(self) -> dict[Part | str, Style]:
        """The marks' styles for the app's theme (looked up again when it changes)."""
        theme = self.app.current_theme
        if self._styles is None or self._styles[0] != theme.name:
            colours = SEGMENT_COLOURS[theme.dark]
            table: dict[Part | str, Style] = {
                part: Style(color=colour) for part, colour in colours.items()
            }
            table[Part.DOT] = Style(bold=True)
            background = self.app.theme_variables.get("accent-muted") or theme.accent or "yellow"
            table["source"] = Style(bgcolor=background, bold=True)
            self._styles = (theme.name, table)
        return self._styles[1]

    def get_line(self, line_index: int) -> Text:
        """The line as drawn, with its token segments coloured and the source highlighted."""
        line = super().get_line(line_index)
        marks = self._marks_of(line_index)
        source = self._source
        if marks or source is not None:
            styles = self._style_table()
            for start, end, part in marks:
                line.stylize(styles[part], start, end)
            if source is not None and source[0][0] <= line_index <= source[1][0]:
                (top, left), (bottom, right) = source
                start = left if line_index == top else 0
                end = right if line_index == bottom else len(line.plain)
                line.stylize(styles["source"], start, max(end, start + 1))
        return line

    @property
    def source_shown(self) -> tuple[Location, Location] | None:
        """The highlighted stretch (drawn locations), or ``None``."""
        return self._source

    def show_source(self, start: int, end: int) -> None:
        """Highlight ``text[start:end]`` and scroll it into view unless the editor has
        focus (the cursor stays)."""
        document = self.document
        locate = getattr(document, "location_of", None)
        if locate is None:
            return
        stretch = (locate(start), locate(max(start, end)))
        if stretch == self._source:
            return
        self._source = stretch
        self._line_cache.clear()
        self.refresh()
        if not self.has_focus:  # scrolling away from a cursor that is typing would hurt
            self.call_after_refresh(self._scroll_to_source)

    def _scroll_to_source(self) -> None:
        source = self._source
        if source is None or not self.is_mounted:
            return
        top = self.wrapped_document.location_to_offset(source[0])
        bottom = self.wrapped_document.location_to_offset(source[1])
        height = max(1, bottom.y - top.y + 1)
        self.scroll_to_region(
            Region(0, top.y, width=1, height=min(height, max(1, self.size.height))),
            spacing=Spacing(right=self.gutter_width),
            animate=False,
            force=True,
        )

    def clear_source(self) -> None:
        """Highlight nothing."""
        if self._source is not None:
            self._source = None
            self._line_cache.clear()
            self.refresh()
