"""The Decoded view's two columns: each member as JSON, and beside it what it is.

One row per top-level member of the JOSE header or the claims: the JSON line on the
left (``"exp": 1700000000,``), on the right the member's name in words from the
IANA registries and the vendors' claims (``Expiration Time``), what authtui reads in
it (``2023-11-14T22:13:20Z · 14 min ago``), and how the diagnosis judged it: red
when a finding that failed points at it, green when a check passed on it, dim when
nothing judged it. A claim no registry and no known vendor names is labelled
*unregistered*.

Each column wraps within itself, so a long value or note never runs back to column
0 and the JSON stays aligned; below :data:`MIN_NOTE` columns for the notes, each
note goes under its member instead, indented.

Everything drawn here is foreign (names, values, notes quoting them): each passes
the terminal boundary (:func:`one_line`) before it is laid out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rich.cells import cell_len
from textual.content import Content

from authtui.core.codec.jsonexact import dumps_exact
from authtui.core.jose.claim_info import NameInfo, Standing, describe_claim, describe_header
from authtui.core.model import Finding, Severity
from authtui.core.safety.terminal import one_line

GAP = 2
"""Columns between the JSON and the notes."""
MIN_NOTE = 24
"""Narrower than this, the notes go under their members."""
INDENT = "      "
"""How a member's JSON goes on when it wraps (under its value)."""


class State(StrEnum):
    """How the diagnosis judged one member."""

    FAILING = "failing"
    WARNING = "warning"
    PASSING = "passing"
    NEUTRAL = "neutral"


STATE_MARKS = {State.FAILING: "✖ ", State.WARNING: "▲ ", State.PASSING: "✓ ", State.NEUTRAL: ""}
"""Readable without colour."""
_MARKS = frozenset(("✓ ", "✖ ", "▲ ", "✗ "))
STATE_STYLES = {
    State.FAILING: "$text-error",
    State.WARNING: "$text-warning",
    State.PASSING: "$text-success",
    State.NEUTRAL: "dim",
}
KEY_STYLES = {
    State.FAILING: "bold $text-error",
    State.WARNING: "bold $text-warning",
    State.PASSING: "$text-success",
    State.NEUTRAL: "$text-accent",
}
_SEVERITY_STATE = {
    Severity.ERROR: State.FAILING,
    Severity.WARNING: State.WARNING,
    Severity.OK: State.PASSING,
}


@dataclass(frozen=True, slots=True)
class Row:
    """One member: its JSON text and what is said beside it."""

    key: str
    """The member's name as JSON (quoted, escaped)."""
    name: str
    """Its name as in the object (what a finding's claim path holds)."""
    value: str
    """Its value as one line of JSON, a comma after it when another member follows."""
    label: str
    """Its name in words (``Expiration Time``, ``unregistered claim``)."""
    note: str = ""
    """What authtui reads in it (a time, the scopes, the expected audience)."""
    state: State = State.NEUTRAL

    @property
    def json(self) -> str:
        """The member as it reads on its line."""
        return f"  {self.key}: {self.value}"


def _json(value: Any) -> str:
    try:
        return one_line(dumps_exact(value, indent=None))
    except (TypeError, ValueError):
        return one_line(repr(value))


def member_states(findings: Iterable[Finding], part: str) -> dict[str, State]:
    """How the findings judged each top-level member of ``part`` (``claims`` or
    ``header``), from where each finding's evidence came from: a failure outweighs a
    warning, which outweighs a pass; reader notes (info) judge nothing."""
    rank = list(State)
    states: dict[str, State] = {}
    for finding in findings:
        path = finding.source.claim if finding.source is not None else ()
        state = _SEVERITY_STATE.get(finding.severity)
        if len(path) < 2 or path[0] != part or state is None:
            continue
        name = path[1]
        if name not in states or rank.index(state) < rank.index(states[name]):
            states[name] = state
    return states


def _label(info: NameInfo, kind: str) -> str:
    if info.standing is Standing.UNREGISTERED:
        return f"unregistered {kind}"
    if info.standing is Standing.VENDOR:
        return f"{info.label} ({info.source})"
    return info.label


def rows(
    obj: Mapping[str, Any],
    *,
    header: bool = False,
    notes: Mapping[str, str] | None = None,
    states: Mapping[str, State] | None = None,
) -> list[Row]:
    """The rows of a JOSE header (``header=True``) or of the claims."""
    notes, states = notes or {}, states or {}
    describe, kind = (describe_header, "parameter") if header else (describe_claim, "claim")
    members = list(obj.items())
    out = []
    for index, (name, value) in enumerate(members):
        comma = "," if index < len(members) - 1 else ""
        key = str(name)
        out.append(
            Row(
                key=_json(key),
                name=key,
                value=_json(value) + comma,
                label=one_line(_label(describe(key), kind)),
                note=one_line(notes.get(key, "")),
                state=states.get(key, State.NEUTRAL),
            )
        )
    return out


def _fit(text: str, room: int) -> int:
    """How many characters of ``text`` fit in ``room`` cells (at least one)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > room:
            return max(1, index)
    return len(text)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` cut into lines of at most ``width`` cells, at spaces where it can be;
    lines after the first start with ``indent``."""
    width = max(width, len(indent) + 8)
    lines: list[str] = []
    rest = text
    while rest:
        room = width if not lines else width - len(indent)
        if cell_len(rest) <= room:
            lines.append(rest if not lines else indent + rest)
            break
        fits = _fit(rest, room)
        cut = rest.rfind(" ", 1, fits + 1)
        cut = fits if cut <= 0 else cut
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip(" ")
        lines.append(head if not lines else indent + head)
    return lines or [""]


def _note_text(row: Row) -> str:
    parts = [row.label] if row.label else []
    note = row.note
    if row.state is not State.NEUTRAL and note[:2] in _MARKS:
        note = note[2:]  # the state's mark leads the line already: once is enough
    if note:
        parts.append(note)
    return STATE_MARKS[row.state] + " · ".join(parts)


def _json_line(text: str, row: Row, first: bool) -> Content:
    """One line of a member's JSON, its name styled by its state."""
    if not first:
        return Content(text)
    head = f"  {row.key}"
    return Content.assemble("  ", (row.key, KEY_STYLES[row.state]), text[len(head) :])


HIGHLIGHT = "on $accent-muted"
"""The member a chosen finding points at (source linking)."""


@dataclass(frozen=True, slots=True)
class Table:
    """The laid-out rows, and the line each member starts on (0: the ``{``)."""

    content: Content
    lines: dict[str, int]


def table(members: list[Row], width: int, highlight: str | None = None) -> Table:
    """The rows as ``{ … }`` in two aligned columns fitting ``width`` cells; the member
    named ``highlight`` (as in the object, unquoted) on a highlighted background."""
    if not members:
        return Table(Content("{}\n"), {})
    longest = max(cell_len(row.json) for row in members)
    left = min(longest, max(20, (width - GAP) * 11 // 20))
    right = width - left - GAP
    stacked = right < MIN_NOTE
    lines = [Content("{")]
    starts: dict[str, int] = {}
    for row in members:
        first = len(lines)
        starts.setdefault(row.name, first)
        json_lines = _wrap(row.json, width if stacked else left, INDENT)
        note = _note_text(row)
        style = STATE_STYLES[row.state]
        if stacked:
            lines += [_json_line(text, row, i == 0) for i, text in enumerate(json_lines)]
            if note:
                note_lines = _wrap(note, width - len(INDENT))
                lines += [Content.styled(INDENT + text, style) for text in note_lines]
        else:
            note_lines = _wrap(note, right, "  ") if note else []
            for i in range(max(len(json_lines), len(note_lines))):
                text = json_lines[i] if i < len(json_lines) else ""
                line = _json_line(text, row, i == 0) if text else Content("")
                if i < len(note_lines):
                    pad = " " * (left - cell_len(text) + GAP)
                    line = line.append(Content.assemble(pad, (note_lines[i], style)))
                lines.append(line)
        if highlight is not None and row.name == highlight:
            for index in range(first, len(lines)):
                lines[index] = lines[index].pad_right(max(0, width - lines[index].cell_length))
                lines[index] = lines[index].stylize_before(HIGHLIGHT)
    lines.append(Content("}"))
    return Table(Content("\n").join(lines).append("\n"), starts)


def layout(members: list[Row], width: int, highlight: str | None = None) -> Content:
    """The rows as ``{ … }`` in two aligned columns fitting ``width`` cells."""
    return table(members, width, highlight).content
