"""Token segments found on the editors' lines, for colouring as jwt.io does."""

from __future__ import annotations

from authtui.tui.token_marks import LineMarks, Part, line_marks

H, P, S, D = Part.HEADER, Part.PAYLOAD, Part.SIGNATURE, Part.DOT


def _parts(line: str, marks: list[tuple[int, int, Part]]) -> list[tuple[str, Part]]:
    return [(line[start:end], part) for start, end, part in marks]


def test_a_jws_on_a_header_line_is_marked_by_segment() -> None:
    line = "Authorization: Bearer eyJhb.eyJjb.c2ln"
    marks, ends_in = line_marks(line)
    assert _parts(line, marks) == [
        ("eyJhb", H),
        (".", D),
        ("eyJjb", P),
        (".", D),
        ("c2ln", S),
    ]
    assert ends_in == 2


def test_a_jwe_has_its_tag_as_last_segment_and_an_empty_key() -> None:
    line = "x eyJhbGciOiJkaXIifQ..iv.ct.tag y"
    marks, ends_in = line_marks(line)
    assert [part for _, part in _parts(line, marks)] == [H, D, D, P, D, P, D, S]
    assert _parts(line, marks)[-1] == ("tag", S)
    assert ends_in is None  # the line goes on after the token


def test_text_that_is_no_token_is_not_marked() -> None:
    for line in ("eyJnotatoken no dots", "GET /orders HTTP/1.1", "a.b.c", "xeyJa.b.c"):
        assert line_marks(line) == ([], None)


def test_a_token_folded_over_lines_keeps_its_segments() -> None:
    lines = ["Authorization: Bearer", "eyJhbGciOiJSUzI1", "NiJ9.eyJzdWIi", "OiJ4In0.c2ln", ""]
    marks = LineMarks(lambda row: lines[row], len(lines), version=1)
    assert _parts(lines[1], marks.of(1)) == [("eyJhbGciOiJSUzI1", H)]
    assert _parts(lines[2], marks.of(2)) == [("NiJ9", H), (".", D), ("eyJzdWIi", P)]
    assert _parts(lines[3], marks.of(3)) == [("OiJ4In0", P), (".", D), ("c2ln", S)]
    assert marks.of(0) == [] and marks.of(4) == []


def test_a_folded_line_asked_first_looks_back_for_its_token() -> None:
    lines = ["eyJhbGciOiJSUzI1", "NiJ9.eyJzdWIi", "OiJ4In0.c2ln"]
    marks = LineMarks(lambda row: lines[row], len(lines), version=1)
    assert _parts(lines[2], marks.of(2)) == [("OiJ4In0", P), (".", D), ("c2ln", S)]


def test_a_new_token_after_a_whole_one_starts_at_its_header() -> None:
    lines = ["eyJa.eyJb.c2ln", "eyJc.eyJd.c2ln"]
    marks = LineMarks(lambda row: lines[row], len(lines), version=1)
    assert [part for _, _, part in marks.of(1)] == [H, D, P, D, S]
