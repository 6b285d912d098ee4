"""The decoded token: header and claims as exact JSON, notes beside the claims.

Claims, header members, the token's source and the notes beside the claims
(scopes and expected values) are foreign: each is drawn through the terminal
boundary (exact JSON writes C0 as ``\u001b``; C1 and the bidi controls it keeps).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from authtui.core.codec.jsonexact import dumps_exact
from authtui.core.model import Report, Token, TokenForm
from authtui.core.options import Options
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.annotate import annotate_claims

EMPTY = Content.styled("No token yet: paste a request with a token, or use the Token pane.", "dim")
NOTE_COLUMN = 34
"""Claim lines are padded to this width before their note (when they fit)."""


def _json_value(value: Any) -> str:
    try:
        return one_line(dumps_exact(value, indent=None))
    except (TypeError, ValueError):
        return one_line(repr(value))


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
            note_text = "← " + one_line(note)
            line = line.append(Content.assemble(pad, (note_text, "italic $text-secondary")))
        lines.append(line)
    lines.append(Content("}"))
    return Content("\n").join(lines).append("\n")


def token_content(token: Token, report: Report, options: Options) -> Content:
    """Everything shown about one token."""
    parts: list[Content] = [
        Content.assemble(
            (token.form.value.upper(), "bold"),
            f"  from {one_line(token.source or 'the paste')}  ·  signature: ",
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
    elif token.header is not None and token.form is TokenForm.JWS:
        parts.append(Content.assemble("\n", ("Payload", "bold underline"), " (not JSON claims)\n"))
        parts.append(Content(_payload_text(token.payload) + "\n"))
    elif token.header is None:
        parts.append(
            Content("\nNothing to decode: an opaque token can only be checked by its issuer.\n")
        )
    parts.extend(Content.assemble(("\n~ ", "dim"), printable(note.message)) for note in token.notes)
    return Content("").join(parts)


def _payload_text(payload: bytes, limit: int = 2000) -> str:
    """A JWS payload that is no JSON object, for display: text, or hex for binary data."""
    if not payload:
        return "(empty: a detached payload)"
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload[:256].hex(" ") + (" …" if len(payload) > 256 else "")
    return printable(text[:limit]) + ("…" if len(text) > limit else "")


def _what_is_shown(report: Report | None, options: Options | None) -> tuple[object, ...]:
    """Everything the view depends on; relative times move with the clock."""
    if report is None or report.token is None or options is None:
        return ()
    expected = (options.audiences, options.issuer, options.scopes)
    return (report.token, report.signature, int(report.clock.now), expected)


class TokenView(VerticalScroll):
    """Scrollable decoded token (untrusted text, no markup)."""

    _shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        """One static body."""
        yield Static(EMPTY, id="token-body", markup=False)

    _pending: tuple[Report | None, Options | None] | None = None

    def show(self, report: Report | None, options: Options | None) -> None:
        """Show the report's token, or the empty hint. While its tab is hidden the
        view only remembers what to show: typing elsewhere costs it nothing."""
        if not self.is_mounted or not self.is_on_screen_visible():
            self._pending = (report, options)
            return
        self._pending = None
        self._render_token(report, options)

    def is_on_screen_visible(self) -> bool:
        """True when the view is displayed (its tab is the active one)."""
        return self.display and all(node.display for node in self.ancestors_with_self)

    def on_show(self) -> None:
        """Its tab came to the front: show what was held back."""
        if self._pending is not None:
            report, options = self._pending
            self._pending = None
            self._render_token(report, options)

    def _render_token(self, report: Report | None, options: Options | None) -> None:
        shown = _what_is_shown(report, options)
        if shown == self._shown:
            return
        self._shown = shown
        body = self.query_one("#token-body", Static)
        if report is None or report.token is None or options is None:
            body.update(EMPTY)
            return
        body.update(token_content(report.token, report, options))
