"""The verdict banner: status, kind and headline, coloured by outcome.

Everything in it that came from the paste (the reason phrase, words the server
chose inside the headline) is drawn through the terminal boundary.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Digits, Static

from authtui.core.clock import FRESH
from authtui.core.model import ClockBasis, Report
from authtui.core.safety.terminal import one_line, printable
from authtui.tui.keys import SWITCH_KEY, default_key
from authtui.tui.look import KIND_WORDS, outcome
from authtui.tui.token_headline import is_bare_token, token_headline

REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}
"""Reason phrases for HTTP/2 responses, which carry none."""
REASONS[407] = "Proxy Authentication Required"

WELCOME = Content.assemble(
    ("Paste a refused request", "bold"),
    " (401/403 response, curl -v transcript, HAR, WWW-Authenticate, a JWT) into the Paste pane.\n",
    "Your terminal's paste works everywhere, even over SSH and tmux. ",
    (default_key("demo.load"), "bold"),
    " loads a workshop case, ",
    (default_key("app.help"), "bold"),
    " shows help.",
)


def clock_words(report: Report) -> str:
    """Which clock judged, for the banner: said when it is not simply the device
    clock on a fresh paste (a capture time, a time given, a paste that may be old)."""
    clock = report.clock
    far = clock.captured_at is not None and clock.device is not None
    far = far and abs((clock.device or 0.0) - (clock.captured_at or 0.0)) > FRESH
    if clock.basis is ClockBasis.DEVICE and not far:
        return ""
    words = clock.summary[:1].upper() + clock.summary[1:]
    return f"{words}. {SWITCH_KEY} switches the reading." if far else f"{words}."


def _frame(report: Report) -> Content:
    """The banner's first line: the status and the kind of failure; for a paste that is
    only a token, the token itself (``RS256 JWS · expired 3 years ago · ...``)."""
    if is_bare_token(report):
        return Content.styled(token_headline(report), "bold")
    verdict = report.verdict
    status = "no status" if verdict.status is None else str(verdict.status)
    reason_text = one_line(report.exchange.reason or "") or REASONS.get(verdict.status or 0, "")
    reason = f" {reason_text}" if reason_text and verdict.status else ""
    kind = KIND_WORDS.get(verdict.kind, str(verdict.kind))
    return Content.assemble((f"{status}{reason}", "bold"), "  ·  ", (kind, "italic"))


class VerdictBanner(Horizontal):
    """Shows the report's verdict; a big status number in presenter mode."""

    _shown: tuple[object, ...] | None = None

    def __init__(self, *, digits: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._digits = digits

    def compose(self) -> ComposeResult:
        """Big digits (presenter mode only, ``digits=True``) beside the words."""
        if self._digits:
            yield Digits("", id="verdict-digits")
        yield Static(WELCOME, id="verdict-text", markup=False)

    def _show_digits(self, digits: str) -> None:
        if self._digits:
            self.query_one("#verdict-digits", Digits).update(digits)

    def show_welcome(self) -> None:
        """Nothing pasted yet: say what to do."""
        if self._shown == ():
            return
        self._shown = ()
        self.set_classes("-empty")
        self._show_digits("")
        self.query_one("#verdict-text", Static).update(WELCOME)

    def show_reading(self, size: str) -> None:
        """A big paste is being read in the background: say so (the rest stays)."""
        self._shown = None
        self.set_classes("-reading")
        self._show_digits("")
        reading = Content.assemble(
            (f"Reading {size}…", "bold"),
            "\nThe findings appear here when the paste has been read; keys work meanwhile.",
        )
        self.query_one("#verdict-text", Static).update(reading)

    def show(self, report: Report) -> None:
        """Show one report's verdict (nothing to do when it reads the same)."""
        verdict = report.verdict
        clock = clock_words(report)
        frame = _frame(report)
        shown = (verdict, frame.plain, outcome(report), clock)
        if shown == self._shown:
            return
        self._shown = shown
        lines = Content.assemble(frame, "\n", (printable(verdict.headline), "bold"))
        if clock:  # before the next step: it says how to read everything above and below
            lines = lines.append(Content.assemble("\n", ("Clock: ", "bold"), printable(clock)))
        if verdict.next_step:
            next_step = printable(verdict.next_step)
            lines = lines.append(Content.assemble("\n", ("Next: ", "bold"), next_step))
        self.set_classes(outcome(report))
        digits = "" if verdict.status is None else str(verdict.status)
        self._show_digits(digits)
        self.query_one("#verdict-text", Static).update(lines)
