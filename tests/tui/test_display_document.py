"""The editors' document and display map: the bytes kept, the drawing escaped, the
columns of both in agreement (Textual-free, like the core)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual._cells import cell_len
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from authtui.core.safety.terminal import escape_char, is_unsafe, printable
from authtui.tui.display_document import DisplayDocument, kept_text, split_lines
from authtui.tui.shown import drawn_text, shown
from authtui.tui.wrapping import FastWrap, narrow_wrap_offsets
from tests.hostile import ATTACKS, HOSTILE

UNSAFE_SAMPLE = [chr(c) for c in range(sys.maxunicode + 1) if is_unsafe(chr(c))][::37]
"""Every 37th unsafe code point (C0, C1, Cf, Zl, Zp, lone surrogates, tags)."""
TEXT = st.text(
    alphabet=st.sampled_from(["a", "b", " ", "\t", "é", "日", *UNSAFE_SAMPLE, "\x1b", "\u202e"]),
    max_size=40,
)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def _lines(text: str) -> list[str]:
    return split_lines(text)[0]


# ---------------------------------------------------------------- the display map


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_hostile_line_is_drawn_as_printable_draws_it(name: str) -> None:
    for line in _lines(HOSTILE[name]):
        drawn = drawn_text(line)
        assert drawn == printable(line)
        assert not any(is_unsafe(ch) for ch in drawn)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_each_attack_shows_every_escape(attack: str) -> None:
    for line in _lines(f"x{ATTACKS[attack]}y"):
        found = shown(line)
        unsafe = [ch for ch in line if is_unsafe(ch)]
        if not unsafe:
            assert found is None
            continue
        assert found is not None
        for column, ch in zip(found.columns, unsafe, strict=True):
            start = found.drawn(column)
            assert found.text[start : start + len(escape_char(ch))] == escape_char(ch)


@given(TEXT)
def test_columns_round_trip_and_snap_to_characters(line: str) -> None:
    line = line.replace("\r", "")
    found = shown(line)
    if found is None:
        assert printable(line) == line
        return
    assert found.text == printable(line)
    for column in range(len(line) + 1):
        drawn = found.drawn(column)
        assert found.source(drawn) == column
        assert not found.inside(drawn)
        if column < len(line) and is_unsafe(line[column]):
            width = len(escape_char(line[column]))
            for inner in range(drawn + 1, drawn + width):
                assert found.inside(inner)
                assert found.source(inner) == column
                assert found.source(inner, after=True) == column + 1
                assert found.snap(inner) == drawn
                assert found.snap(inner, after=True) == drawn + width


def test_a_one_line_field_escapes_line_breaks_too() -> None:
    found = shown("a\nb", also="\n")
    assert found is not None and found.text == "a\\x0ab"
    assert shown("a\nb") is None  # in an editor a newline is a line break


# ---------------------------------------------------------------- the document


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_document_keeps_every_hostile_paste_byte_for_byte(name: str) -> None:
    paste = HOSTILE[name]
    document = DisplayDocument(paste)
    assert document.text == kept_text(paste)
    if "\r" not in paste:
        assert document.text == paste
    assert document.lines == [printable(line) for line in _lines(paste)]


@given(st.lists(st.tuples(TEXT, LINE_ENDS), max_size=6), TEXT)
def test_mixed_line_ends_and_separators_survive(pairs: list[tuple[str, str]], last: str) -> None:
    text = "".join(line.replace("\r", "") + end for line, end in pairs) + last.replace("\r", "")
    document = DisplayDocument(text)
    assert document.text == kept_text(text)
    assert document.text.replace("\r\n", "\n") == text.replace("\r\n", "\n").replace("\r", "\n")
    # Lines end where the paste reader ends them; U+2028, NEL, VT, FF... are characters
    # of a line, drawn as escapes, never line breaks.
    reader_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert document.line_count == len(reader_lines)
    assert not any(is_unsafe(ch) for line in document.lines for ch in line)


def test_textual_s_own_document_would_have_changed_the_paste() -> None:
    paste = "a\u2028b\x85c\r\nd\ne\r\n"
    assert Document(paste).text != paste  # why the editors do not use it
    assert DisplayDocument(paste).text == paste


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, int, int, str]]]:
    text = draw(
        st.lists(st.tuples(TEXT, LINE_ENDS), max_size=4).map(
            lambda pairs: "".join(line.replace("\r", "") + end for line, end in pairs)
        )
    )
    edits = draw(
        st.lists(
            st.tuples(
                st.integers(0, 5),
                st.integers(0, 60),
                st.integers(0, 5),
                st.integers(0, 60),
                st.one_of(TEXT, LINE_ENDS, st.just("")),
            ),
            max_size=5,
        )
    )
    return text, edits


def _reference_offset(document: DisplayDocument, row: int, column: int, *, after: bool) -> int:
    """Where a drawn location falls in the source text, computed the slow way."""
    row = min(row, document.line_count - 1)
    lines, ends = split_lines(document.text)
    offset = sum(len(line) + len(end) for line, end in zip(lines[:row], ends[:row], strict=True))
    found = document.shown(row)
    source_column = column if found is None else found.source(column, after=after)
    return offset + min(source_column, len(lines[row]))


@given(_edits())
def test_edits_in_drawn_locations_edit_whole_characters(case: tuple[str, list]) -> None:
    text, edits = case
    document = DisplayDocument(text)
    for top_row, top_col, bottom_row, bottom_col, insert in edits:
        start = document.snap((min(top_row, document.line_count - 1), min(top_col, 999)))
        row = min(bottom_row, document.line_count - 1)
        end = (row, min(bottom_col, len(document.lines[row])))
        (a_row, a_col), (b_row, b_col) = sorted((start, end))
        a = _reference_offset(document, a_row, a_col, after=False)
        b = _reference_offset(document, b_row, b_col, after=True)
        before = document.text
        result = document.replace_range(start, end, insert)
        assert result.replaced_text == before[a:b]
        assert document.text == before[:a] + kept_text(insert) + before[b:]
        assert document.lines == [printable(line) for line in _lines(document.text)]
        # The end of the edit, in the drawing, is just after what was inserted.
        assert document.text == kept_text(document.text)  # no lone CR ever: no CR LF to form
        end_offset = _reference_offset(document, *result.end_location, after=False)
        assert end_offset == a + len(kept_text(insert))


# ---------------------------------------------------------------- wrapping


@given(st.text(alphabet="ab -x", max_size=120), st.integers(1, 40))
def test_word_at_a_time_wrapping_breaks_where_textual_does(line: str, width: int) -> None:
    assert narrow_wrap_offsets(line, width) == compute_wrap_offsets(line, width, 4)


@given(
    st.lists(st.text(alphabet=["a", "b", " ", "\t", "日", "-"], max_size=70), max_size=12),
    st.sampled_from([0, 1, 3, 8, 20, 61]),
)
def test_the_fast_full_wrap_is_textual_s_wrap_without_escapes(lines: list[str], width: int) -> None:
    document = DisplayDocument("\n".join(lines))
    ours, theirs = FastWrap(document, width, 4), WrappedDocument(document, width, 4)
    assert ours._wrap_offsets == theirs._wrap_offsets
    assert ours._tab_width_cache == theirs._tab_width_cache
    assert ours._offset_to_line_info == theirs._offset_to_line_info
    assert ours._line_index_to_offsets == theirs._line_index_to_offsets
    assert ours.height == theirs.height


@given(
    st.lists(
        st.text(
            alphabet=["a", "b", " ", "\t", "日", "\x1b", "\u202e", "\U000e0001", "-"], max_size=70
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(10, 61),
)
def test_no_row_cuts_an_escape_and_every_row_fits(lines: list[str], width: int) -> None:
    document = DisplayDocument("\n".join(lines))
    wrapped = FastWrap(document, width, 4)
    for row, line in enumerate(document.lines):
        found = document.shown(row)
        offsets = wrapped.get_offsets(row)
        assert offsets == sorted(set(offsets))
        if found is not None:
            assert not any(found.inside(offset) for offset in offsets)
        tabs = iter(wrapped.get_tab_widths(row))
        starts = [0, *offsets]
        for begin, end in zip(starts, [*offsets, len(line)], strict=True):
            cells = sum(next(tabs) if ch == "\t" else cell_len(ch) for ch in line[begin:end])
            trailing = len(line[begin:end]) - len(line[begin:end].rstrip(" "))
            assert cells - trailing <= width, (line, offsets)


@given(st.data())
def test_an_edit_rewraps_as_a_full_wrap_would(data: st.DataObject) -> None:
    lines = data.draw(st.lists(st.text(alphabet="ab \x1b-", max_size=50), min_size=1, max_size=6))
    document = DisplayDocument("\n".join(lines))
    wrapped = FastWrap(document, 12, 4)
    row = data.draw(st.integers(0, document.line_count - 1))
    start = document.snap((row, data.draw(st.integers(0, len(document.lines[row])))))
    insert = data.draw(st.text(alphabet="xy \n\x1b", max_size=30))
    end = start
    result = document.replace_range(start, end, insert)
    wrapped.wrap_range(start, end, result.end_location)
    fresh = FastWrap(document, 12, 4)
    assert wrapped._wrap_offsets == fresh._wrap_offsets
    assert wrapped._offset_to_line_info == fresh._offset_to_line_info
    assert wrapped._line_index_to_offsets == fresh._line_index_to_offsets
    assert wrapped._tab_width_cache == fresh._tab_width_cache
