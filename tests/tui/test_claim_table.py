"""The Decoded view's columns: each member named, judged, and aligned."""

from __future__ import annotations

from types import SimpleNamespace

from rich.cells import cell_len

from authtui.core.model import Severity
from authtui.tui.claim_table import State, layout, member_states, rows


def _lines(content: object) -> list[str]:
    return str(getattr(content, "plain", content)).rstrip("\n").split("\n")


def test_each_claim_is_named_and_an_unknown_one_is_unregistered() -> None:
    claims = {"exp": 1, "tid": "t", "tenant_tier": "gold", "https://x.test/r": []}
    labels = {row.key: row.label for row in rows(claims)}
    assert labels['"exp"'] == "Expiration Time"
    assert "Entra" in labels['"tid"']
    assert labels['"tenant_tier"'] == "unregistered claim"
    assert labels['"https://x.test/r"'] == "Namespaced claim"
    header = {row.key: row.label for row in rows({"kid": "k", "zzz": 1}, header=True)}
    assert header == {'"kid"': "Key ID", '"zzz"': "unregistered parameter"}


def test_commas_follow_every_member_but_the_last() -> None:
    assert [row.value for row in rows({"a": 1, "b": "x"})] == ["1,", '"x"']


def test_notes_start_in_one_column_and_wrap_within_it() -> None:
    claims = {"sub": "u", "aud": "https://api.example.test/orders/" + "x" * 60, "exp": 1}
    notes = {"exp": "2023-11-14T22:13:20Z · 14 min ago, and a long note that must wrap"}
    lines = _lines(layout(rows(claims, notes=notes), width=80))
    assert lines[0] == "{" and lines[-1] == "}"
    assert all(cell_len(line) <= 80 for line in lines)
    sub = next(line for line in lines if '"sub"' in line)
    column = sub.index("Subject")
    exp_lines = lines[next(i for i, line in enumerate(lines) if '"exp"' in line) :][:-1]
    assert exp_lines[0].index("Expiration Time") == column
    assert len(exp_lines) > 1 and exp_lines[1][:column].strip() == ""  # wrapped in its column
    aud_lines = [line for line in lines if "x" * 10 in line]
    assert len(aud_lines) > 1  # the long value wraps...
    assert all(line.startswith("  ") for line in aud_lines)  # ...never back to column 0


def test_a_narrow_view_puts_each_note_under_its_member() -> None:
    lines = _lines(layout(rows({"exp": 1700000000}), width=30))
    assert lines[1].strip() == '"exp": 1700000000'
    assert lines[2].strip() == "Expiration Time"
    assert lines[2].startswith(" ")


def _finding(severity: Severity, *path: str) -> object:
    return SimpleNamespace(code="x", severity=severity, source=SimpleNamespace(claim=path))


def test_members_are_judged_by_the_findings_that_point_at_them() -> None:
    findings = [
        _finding(Severity.OK, "claims", "aud"),
        _finding(Severity.ERROR, "claims", "exp"),
        _finding(Severity.OK, "claims", "exp"),
        _finding(Severity.WARNING, "claims", "scope"),
        _finding(Severity.INFO, "claims", "sub"),
        _finding(Severity.ERROR, "header", "kid"),
        _finding(Severity.ERROR, "claims"),
        SimpleNamespace(code="y", severity=Severity.ERROR, source=None),
    ]
    assert member_states(findings, "claims") == {  # type: ignore[arg-type]
        "aud": State.PASSING,
        "exp": State.FAILING,
        "scope": State.WARNING,
    }
    assert member_states(findings, "header") == {"kid": State.FAILING}  # type: ignore[arg-type]


def test_a_judged_member_says_so_without_colour() -> None:
    states = {"exp": State.FAILING, "aud": State.PASSING}
    text = layout(rows({"aud": "a", "exp": 1, "sub": "s"}, states=states), width=80).plain
    assert "✖ Expiration Time" in text and "✓ Audience" in text
    assert "✖ Subject" not in text and "✓ Subject" not in text


def test_foreign_names_and_values_pass_the_terminal_boundary() -> None:
    text = layout(rows({"a\x1b[31m": "v\x9b2J", "b": "\u202e"}), width=80).plain
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text


def test_a_note_marked_like_its_state_is_marked_once() -> None:
    notes = {"iss": "✓ matches"}
    text = layout(rows({"iss": "x"}, notes=notes, states={"iss": State.PASSING}), 80).plain
    assert "✓ Issuer · matches" in text and text.count("✓") == 1
    neutral = layout(rows({"iss": "x"}, notes=notes), 80).plain
    assert "Issuer · ✓ matches" in neutral
