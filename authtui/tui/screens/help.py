"""F1: what each pane takes, the keys, and how pasting works over SSH."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from authtui.core.safety.terminal import one_line
from authtui.tui.keymap import Remap, binding_keys
from authtui.tui.keys import PANE_ALT_KEYS, all_bindings

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
and tmux. **{paste_clipboard}** reads the system clipboard instead; it needs a
display and says so plainly when none is reachable.

Copying the report (**{copy}**) sends it to the terminal's clipboard with OSC 52
(works if your terminal allows it; inside tmux, also through tmux's
passthrough) and to the system clipboard when a display exists. **{save}**
always works: it saves the report to a file you name. Tokens are redacted
unless you turned redaction off ({redact}); the HMAC secret never appears.

## Keys

Every action has a ctrl key that works while you type in the paste, on any
terminal, over SSH and in tmux: no alt (macOS Option is not Meta), no F-key
(the F-keys still work where your terminal lets them through). In the
read-only panes (findings, detail, decoded token) plain keys work too.

{keys}

**ctrl+p** opens the command palette: every action, with its key.
**Tab** / **Shift+Tab** move between fields; the mouse works too.

The editors give up what these keys did there: ctrl+d (delete right: use
Delete), ctrl+k and ctrl+u (delete to the line's end or start), ctrl+v and
ctrl+x (the editor's own paste and cut: paste with your terminal), ctrl+y
(redo). ctrl+a and ctrl+e still go to the line's start and end.
Where alt works, alt+p, alt+t, alt+s, alt+r and alt+d jump to the paste,
token, settings, findings and decoded panes as before.
In a browser (`authtui serve`) ctrl+t and ctrl+n belong to the browser: use F8
and Tab there.

## Your own keys

{remap}
"""

REMAP = """Put `{path}` in place (a TOML file) to move any key; the ids are in the table
above:

```toml
[keys]
"report.copy" = "ctrl+y"
"app.help" = ["ctrl+g", "f1"]
```

Read when authtui starts."""


def help_rows(remap: Remap) -> list[tuple[str, str, str]]:
    """(keys, what, id) of every binding with a description, the remap applied."""
    return [
        (" / ".join(binding_keys(b, remap.keymap)), b.description, b.id or "")
        for b in all_bindings()
        if b.description and b.id not in PANE_ALT_KEYS
    ]


def help_text(rows: list[tuple[str, str, str]], remap: Remap, labels: dict[str, str]) -> str:
    """The help as Markdown: the key table, where the keys file is, what it said."""
    table = "| key | action | id |\n|---|---|---|\n" + "\n".join(
        f"| {keys} | {what} | `{binding_id}` |" for keys, what, binding_id in rows
    )
    path = str(remap.path) if remap.path else "keys.toml (in your config directory)"
    text = REMAP.format(path=path)
    if remap.keymap:
        text += f" It remaps {len(remap.keymap)} binding(s) now."
    if remap.problems:
        text += "\n\nWhat it said wrong:\n\n" + "\n".join(
            f"- `{one_line(p)}`" for p in remap.problems
        )
    return HELP.format(keys=table, remap=text, **labels)


class HelpScreen(ModalScreen[None]):
    """Help as Markdown; Escape, ctrl+g, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g,f1,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, text: str) -> None:
        """``text``: the help as :func:`help_text` writes it."""
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        """The help text, with the live key bindings."""
        with VerticalScroll(id="help-scroll"):
            yield Markdown(self._text, id="help-text")

    def on_mount(self) -> None:
        """Focus the text so the arrow keys scroll it."""
        self.query_one("#help-scroll").focus()

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help screen."""
        self.dismiss(result)
