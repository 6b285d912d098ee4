"""The decoded token: header and claims as exact JSON, notes beside the claims."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from authtui.core.jsonexact import dumps_exact
from authtui.core.model import Report, Token
from authtui.core.options import Options
from authtui.tui.annotate import annotate_claims

EMPTY = Content.styled("No token yet: paste a request with a token, or use the Token pane.", "dim")
NOTE_COLUMN = 34
"""Claim lines are padded to this width before their note (when they fit)."""


def _json_value(value: Any) -> str:
    try:
        return dumps_exact(value, indent=None)
    except (TypeError, ValueError):
        return repr(value)


def json_lines(obj: Mapping[str, Any], notes: Mapping[str, str] | None = None) -> Content:
    """An object as JSON, one top-level member a line, with optional notes beside."""
    if not obj:
        return Content("{}\n")
    notes = notes or {}
    lines = [Content("{")]
    members = list(obj.items())
    for index, (key, value) in enumerate(members):
        comma = "," if index < len(members) - 1 else ""
        key_text, value_text = _json_value(key), _json_value(value)
        text = f"  {key_text}: {value_text}{comma}"
        line = Content.assemble("  ", (key_text, "$text-accent"), f": {value_text}{comma}")
        note = notes.get(key)
        if note:
            pad = " " * max(2, NOTE_COLUMN - len(text))
            line = line.append(Content.assemble(pad, ("← " + note, "italic $text-secondary")))
        lines.append(line)
    lines.append(Content("}"))
    return Content("\n").join(lines).append("\n")


def token_content(token: Token, report: Report, options: Options) -> Content:
    """Everything shown about one token."""
    parts: list[Content] = [
        Content.assemble(
            (token.form.value.upper(), "bold"),
            f"  from {token.source or 'the paste'}  ·  signature: ",
            (report.signature.value, "bold"),
            "\n",
        )
    ]
    if token.header is not None:
        parts.append(Content.assemble("\n", ("Header", "bold underline"), "\n"))
        parts.append(json_lines(token.header))
    if token.claims is not None:
        now = report.clock.now
        notes = annotate_claims(
            token.claims, now, options.audiences, options.issuer, options.scopes
        )
        parts.append(Content.assemble("\n", ("Claims", "bold underline"), "\n"))
        parts.append(json_lines(token.claims, notes))
    elif token.header is None:
        parts.append(
            Content("\nNothing to decode: an opaque token can only be checked by its issuer.\n")
        )
    parts.extend(Content.assemble(("\n~ ", "dim"), note.message) for note in token.notes)
    return Content("").join(parts)


class TokenView(VerticalScroll):
    """Scrollable decoded token (untrusted text, no markup)."""

    def compose(self) -> ComposeResult:
        """One static body."""
        yield Static(EMPTY, id="token-body", markup=False)

    def show(self, report: Report | None, options: Options | None) -> None:
        """Show the report's token, or the empty hint."""
        body = self.query_one("#token-body", Static)
        if report is None or report.token is None or options is None:
            body.update(EMPTY)
            return
        body.update(token_content(report.token, report, options))
