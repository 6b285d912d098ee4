"""The editors (Paste, Token, key): a TextArea that keeps pasted bytes and draws escapes.

Textual's TextArea draws its document's characters as they are: ESC, C1 and the
bidi controls reach the terminal (Rich drops BEL, BS and CR, and measures ESC as
zero cells wide), and ``str.splitlines`` turns U+2028 or NEL into line breaks.

:class:`SafeTextArea` edits a :class:`~authtui.tui.display_document.DisplayDocument`:
``text`` is the pasted text byte for byte (the diagnosis reads it), while every
line the TextArea lays out, wraps, measures and draws is the line as drawn, each
unsafe character as its escape (``\\x1b``, ``\\u202e``). Locations are locations in
that drawing, so Textual's cursor, selection, wrapping and mouse arithmetic hold
as they are; what this class adds is that no location rests inside an escape.
Moving left or right, or by a word, steps over a whole escape (one character);
a selection always covers whole escapes; a click inside one lands before it; an
edit that starts or ends inside one takes the whole character, and a long word
folded at the wrap width never breaks inside an escape
(:mod:`authtui.tui.wrapping`).

Costs Textual pays on big pastes are also avoided: bracket matching (it scans
the whole document from a bracket, on every keystroke) is off, and wrapping is
the faster one of :mod:`authtui.tui.wrapping`. Tokens are coloured by segment, display
only (:class:`~authtui.tui.widgets.marked_area.MarkedTextArea`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.document._document import EditResult, Location
from textual.document._document_navigator import DocumentNavigator
from textual.document._edit import Edit
from textual.reactive import Reactive, reactive
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from authtui.tui.display_document import DisplayDocument, pasted_line_ends
from authtui.tui.widgets.marked_area import MarkedTextArea
from authtui.tui.wrapping import FastWrap


class SafeTextArea(MarkedTextArea):
    """A TextArea for untrusted text: the document keeps the bytes, the screen shows escapes."""

    selection: Reactive[Selection] = reactive(
        Selection(), init=False, always_update=True, repaint=False
    )
    """TextArea's cursor and selection, without its repaint of every row at each change
    (a keystroke then costs as many rows as the editor is tall): :meth:`_watch_selection`
    repaints the rows that can have changed."""

    _edited: tuple[int, int, bool] | None = None
    """Since the last repaint, edits changed the rows from this one down: (first row,
    rows the document had before, whether it was empty)."""

    def __init__(self, text: str = "", *, masked: bool = False, **kwargs: object) -> None:
        """``masked``: tokens are drawn with their ends only (presenter mode)."""
        self._masked = masked
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.set_reactive(TextArea.match_cursor_bracket, False)
        # Nothing listens for the cursor's moves, and each of them (one per keystroke)
        # would bubble through every container up to the app.
        self.disable_messages(TextArea.SelectionChanged)

    @property
    def display_document(self) -> DisplayDocument:
        """The document, which knows how each line is drawn."""
        document = self.document
        assert isinstance(document, DisplayDocument)
        return document

    def _set_document(self, text: str, language: str | None) -> None:
        """A :class:`DisplayDocument` (no syntax highlighting: pastes have no language)."""
        self._highlight_query = None
        mask: Callable[[str], str] | None = None
        if self._masked:  # presenter mode only: loaded when first needed
            from authtui.tui.masking import mask_tokens as mask
        document = DisplayDocument(text, mask=mask)
        self.document = document
        self.wrapped_document = FastWrap(document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()
        self.refresh()  # a new document: every row (the cursor's move repaints only its own)

    # ------------------------------------------------ no location inside an escape

    def _snap(self, location: Location, *, after: bool = False) -> Location:
        document = self.document
        if isinstance(document, DisplayDocument):
            return document.snap(location, after=after)
        return location  # during TextArea.__init__, before the document is set

    def _validate_selection(self, selection: Selection) -> Selection:
        start, end = super()._validate_selection(selection)
        return Selection(self._snap(start), self._snap(end))

    def get_cursor_left_location(self) -> Location:
        """One character left: over a whole escape."""
        return self._snap(super().get_cursor_left_location())

    def get_cursor_right_location(self) -> Location:
        """One character right: over a whole escape."""
        return self._snap(super().get_cursor_right_location(), after=True)

    def get_cursor_word_left_location(self) -> Location:
        """One word left, never into an escape."""
        return self._snap(super().get_cursor_word_left_location())

    def get_cursor_word_right_location(self) -> Location:
        """One word right, never into an escape."""
        return self._snap(super().get_cursor_word_right_location(), after=True)

    async def _on_paste(self, event: events.Paste) -> None:
        """Insert a paste with the line ends it was copied with (tmux sends CR LF as CR
        CR: :func:`~authtui.tui.display_document.pasted_line_ends`)."""
        event.prevent_default()  # TextArea's handler below would insert it as it came
        text = pasted_line_ends(event.text)
        await super()._on_paste(event if text is event.text else events.Paste(text))

    def edit(self, edit: Edit) -> EditResult:
        """Perform an edit whose ends are whole characters (so undo puts back the same)."""
        top, bottom = edit.top, edit.bottom
        if top == bottom:
            edit.from_location = edit.to_location = self._snap(top)
        else:
            edit.from_location, edit.to_location = self._snap(top), self._snap(bottom, after=True)
        self._note_edit(edit.top[0])
        return super().edit(edit)

    # ------------------------------------------------ repaint only the rows that changed

    def _note_edit(self, line: int) -> None:
        """An edit is about to change ``line`` and may move every line after it. The
        line above is repainted too: a token folded over lines is coloured by what the
        next line holds (:mod:`authtui.tui.token_marks`)."""
        first = self._first_row(line - 1)
        empty = self._empty()
        height = self.wrapped_document.height
        if self._edited is not None:
            was_first, was_height, was_empty = self._edited
            first, height, empty = min(first, was_first), max(height, was_height), was_empty
        self._edited = (first, height, empty)

    def _undo_batch(self, edits: Sequence[Edit]) -> None:
        """Undo, then wrap and repaint the whole document again."""
        super()._undo_batch(edits)
        self._after_history(edits)

    def _redo_batch(self, edits: Sequence[Edit]) -> None:
        """Redo, then wrap and repaint the whole document again."""
        super()._redo_batch(edits)
        self._after_history(edits)

    def _after_history(self, edits: Sequence[Edit]) -> None:
        """Textual re-wraps only the range an undone or redone batch spans, which is
        wrong for some batches (a paste, then typing, undone together): the wrapping
        then has rows for lines the document no longer has, and drawing them raises
        IndexError. Undo is rare and wrapping is linear, so wrap everything again."""
        if edits:
            wrapped = self.wrapped_document
            if isinstance(wrapped, FastWrap):
                wrapped.forget()
            self._rewrap_and_refresh_virtual_size()
            self.refresh()
            self.scroll_cursor_visible()

    def _empty(self) -> bool:
        """The document holds nothing (the placeholder shows)."""
        document = self.document
        return document.line_count == 1 and not document[0]

    def _first_row(self, line: int) -> int:
        """The first screen row (in the document, before scrolling) of ``line``."""
        line = max(0, min(line, self.document.line_count - 1))
        return self.wrapped_document.location_to_offset((line, 0)).y

    def _rows(self, selection: Selection) -> tuple[int, int]:
        """The rows (first, last + 1) of the whole lines ``selection`` touches: the
        cursor's line is highlighted on all its rows."""
        document = self.document
        top, bottom = sorted((selection.start[0], selection.end[0]))
        bottom = max(0, min(bottom, document.line_count - 1))  # _first_row clamps top
        end = self.wrapped_document.location_to_offset((bottom, len(document[bottom])))
        return self._first_row(top), end.y + 1

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        """Textual's watcher, then a repaint of the rows the move or edit changed: those
        of the lines the old and the new selection touch and, after an edit, every row
        from the edit's first down to the longer of the document before and after.
        The placeholder, which no location places, repaints all; so does Textual when
        the document's size changed (a wider line-number gutter comes with a new line)."""
        super()._watch_selection(previous_selection, selection)
        edited, self._edited = self._edited, None
        if not self.is_mounted:
            return
        if self.placeholder and (self._empty() or (edited is not None and edited[2])):
            self.refresh()  # the placeholder's rows, which no location places
            return
        spans = [self._rows(previous_selection), self._rows(selection)]
        if edited is not None:
            spans.append((edited[0], max(edited[1], self.wrapped_document.height)))
        spans.sort()
        start, stop = spans[0]
        for next_start, next_stop in spans[1:]:
            if next_start > stop:
                self.refresh_lines(start, stop - start)
                start = next_start
            stop = max(stop, next_stop)
        self.refresh_lines(start, stop - start)

    def find_matching_bracket(self, bracket: str, search_from: Location) -> Location | None:
        """Bracket matching only when asked for (it reads the document to its end)."""
        if not self.match_cursor_bracket:
            return None
        return super().find_matching_bracket(bracket, search_from)
