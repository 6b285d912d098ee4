"""The decoded token: its headline, then header and claims as exact JSON, each
member named and judged in a column of its own (:mod:`authtui.tui.claim_table`).

Claims, header members, the token's source and the notes beside the claims
(scopes and expected values) are foreign: each is drawn through the terminal
boundary (exact JSON writes C0 as ``\u001b``; C1 and the bidi controls it keeps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from authtui.core.model import Report, Token, TokenForm
from authtui.core.options import Options
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.token_headline import token_headline

if TYPE_CHECKING:
    from authtui.tui.claim_table import State

EMPTY = Content.styled("No token yet: paste a request with a token, or use the Token pane.", "dim")


def _headline_style(states: dict[str, State]) -> str:
    """The headline's style: the worst judgement of any member."""
    from authtui.tui.claim_table import State

    styles = (
        (State.FAILING, "bold $text-error"),
        (State.WARNING, "bold $text-warning"),
        (State.PASSING, "bold $text-success"),
    )
    return next((style for state, style in styles if state in states.values()), "bold")


def token_content(
    token: Token,
    report: Report,
    options: Options,
    width: int = 80,
    member: tuple[str, str] | None = None,
) -> Content:
    """Everything shown about one token, laid out for ``width`` cells."""
    return token_sheet(token, report, options, width, member)[0]


def _line_count(parts: list[Content]) -> int:
    return sum(part.plain.count("\n") for part in parts)


def token_sheet(
    token: Token,
    report: Report,
    options: Options,
    width: int = 80,
    member: tuple[str, str] | None = None,
) -> tuple[Content, int | None]:
    """Everything shown about one token, and the line the highlighted ``member``
    (``("claims", "exp")``, from a chosen finding's source) starts on, if shown."""
    # Imported when a token is first shown, not before the app's first frame: the
    # decoded view waits in a hidden tab until then (or opens at once on a bare token).
    from authtui.tui.annotate import annotate_claims
    from authtui.tui.claim_table import member_states, rows, table

    where: int | None = None
    header_states = member_states(report.findings, "header")
    claim_states = member_states(report.findings, "claims")
    parts: list[Content] = [
        Content.assemble(
            (token_headline(report), _headline_style({**header_states, **claim_states})),
            "\n",
            (f"from {one_line(token.source or 'the paste')}", "dim"),
            "\n",
        )
    ]
    if token.header is not None:
        parts.append(Content.assemble("\n", ("Header", "bold underline"), "\n"))
        marked = member[1] if member is not None and member[0] == "header" else None
        laid = table(rows(token.header, header=True, states=header_states), width, marked)
        if marked in laid.lines:
            where = _line_count(parts) + laid.lines[marked]
        parts.append(laid.content)
    if token.claims is not None:
        now = report.clock.now
        notes = annotate_claims(
            token.claims, now, options.audiences, options.issuer, options.scopes
        )
        parts.append(Content.assemble("\n", ("Claims", "bold underline"), "\n"))
        marked = member[1] if member is not None and member[0] == "claims" else None
        laid = table(rows(token.claims, notes=notes, states=claim_states), width, marked)
        if marked in laid.lines:
            where = _line_count(parts) + laid.lines[marked]
        parts.append(laid.content)
    elif token.header is not None and token.form is TokenForm.JWS:
        parts.append(Content.assemble("\n", ("Payload", "bold underline"), " (not JSON claims)\n"))
        parts.append(Content(_payload_text(token.payload) + "\n"))
    elif token.header is not None and token.form is TokenForm.JWE:
        parts.append(Content("\nThe claims are encrypted: only the API's key can read them.\n"))
    elif token.header is None:
        parts.append(
            Content("\nNothing to decode: an opaque token can only be checked by its issuer.\n")
        )
    parts.extend(Content.assemble(("\n~ ", "dim"), printable(note.message)) for note in token.notes)
    return Content("").join(parts), where


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
    judged = tuple((f.code, f.severity, f.source) for f in report.findings)
    return (report.token, report.signature, int(report.clock.now), expected, judged)


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

    def on_resize(self, event: events.Resize) -> None:
        """The columns are laid out for the width: lay them out again."""
        self._lay_out_again()

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar came or went, so a line has another width (the widget's own
        size, and so no Resize, did not change)."""
        self._lay_out_again()

    def _lay_out_again(self) -> None:
        """Lay the shown sheet out again for the width a line has now."""
        if self._last is not None and self.is_on_screen_visible():
            self._render_token(*self._last)

    _last: tuple[Report | None, Options | None] | None = None

    def _width(self) -> int:
        """The cells a line of the body has."""
        return max(20, self.scrollable_content_region.width)

    _member: tuple[str, str] | None = None
    """The member a chosen finding points at (highlighted), if any."""
    _scrolled_to: tuple[str, str] | None = None

    def highlight_member(self, member: tuple[str, str] | None) -> None:
        """Highlight the header parameter or claim ``member`` (``None``: none) and
        bring it into view, now or when the view is next shown."""
        if member == self._member:
            return
        self._member = member
        self._scrolled_to = None
        if self._last is None:
            return
        if self.is_on_screen_visible():
            self._render_token(*self._last)
        elif self._pending is None:
            self._pending = self._last

    @property
    def member_shown(self) -> tuple[str, str] | None:
        """The member highlighted, when the token holds it."""
        return self._member if self._member_line is not None else None

    _member_line: int | None = None

    def _render_token(self, report: Report | None, options: Options | None) -> None:
        self._last = (report, options)
        width = self._width()
        shown = (*_what_is_shown(report, options), width, self._member)
        if shown == self._shown:
            return
        self._shown = shown
        body = self.query_one("#token-body", Static)
        if report is None or report.token is None or options is None:
            self._member_line = None
            body.update(EMPTY)
            return
        content, line = token_sheet(report.token, report, options, width, self._member)
        self._member_line = line
        body.update(content)
        if line is not None and self._scrolled_to != self._member:
            self._scrolled_to = self._member  # once: the clock re-draws it every second
            self.call_after_refresh(self._scroll_to_line, line)

    def _scroll_to_line(self, line: int) -> None:
        """Bring a line into view, a little context above it."""
        top, height = self.scroll_y, max(1, self.scrollable_content_region.height)
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(0, line - 2), animate=False)
