"""F1: what each pane takes, the keys, and how pasting works over SSH."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# authtui: why was this request refused?

Nothing you paste leaves this machine: no URL in a token, header or key is fetched.

## The panes

- **Paste**: whatever you copied: a status line and headers, a request and its
  response, a `curl -v` / `curl -i` / HTTPie transcript, headers from the browser,
  a bare `WWW-Authenticate` or `Authorization` value, a bare token, or a whole
  HAR file. A HAR file's first failing entry is diagnosed; pick another above the pane.
- **Token**: the token, when it is not in the paste.
- **Settings**: clock-skew allowance (quick steps 0 / 60 / 300 s), the evaluation
  time (*now*, epoch seconds or RFC 3339), the audience(s), issuer and scopes the
  API expects, a verification key (a file path, or pasted PEM / JWK / JWKS) and an
  HMAC secret (masked; never shown, saved or copied).
- **Verdict**: the status, whether it is an authentication or an authorization
  failure, and the headline.
- **Findings**: ranked, errors first. Passed checks are folded at the end: they
  show what was ruled out. Highlight one to see its evidence, fix and specs.
- **Decoded**: the token's header and claims as exact JSON, with the times in
  UTC, local and relative, scopes as a list, audience and issuer checked.

Every edit re-runs the diagnosis at once; with the evaluation time at *now*,
relative times tick every second.

## Pasting, also over SSH and tmux

Paste with your terminal (Ctrl+Shift+V, Cmd+V, right click, tmux prefix+]):
the terminal's bracketed paste always arrives, through any number of SSH hops
and tmux. **F5** reads the system clipboard instead; it needs a display and
says so plainly when none is reachable.

Copying the report (**F2**) sends it to the terminal's clipboard with OSC 52
(works if your terminal allows it; inside tmux, also through tmux's
passthrough) and to the system clipboard when a display exists. **F3** always
works: it saves the report to a file you name. Tokens are redacted unless you
turned redaction off (F8); the HMAC secret never appears.

## Keys

{keys}

**Ctrl+P** opens the command palette: every action, named like `report: copy as Markdown`.
**Tab** / **Shift+Tab** move between fields; the mouse works too.
"""


class HelpScreen(ModalScreen[None]):
    """Help as Markdown; Escape, F1 or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        """The help text, with the live key bindings."""
        rows = "\n".join(f"| {key} | {what} |" for key, what in self._keys)
        table = "| key | action |\n|---|---|\n" + rows
        with VerticalScroll(id="help-scroll"):
            yield Markdown(HELP.format(keys=table), id="help-text")

    def on_mount(self) -> None:
        """Focus the text so the arrow keys scroll it."""
        self.query_one("#help-scroll").focus()

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
