"""The paste folded to one line once it has been diagnosed.

``POST https://api.shop.test/cart/items → 403 · Bearer eyJhbGciOiJS…``: the
method, the URL, the status and the token's first characters, so the rows the
pasted base64 took go to the answer. Focusing the line (Tab, a click, alt+p)
opens the paste again (:mod:`authtui.tui.answer`).

The URL passes the scrubber (a query may carry a credential) and everything
passes the terminal boundary: the line quotes the paste.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from authtui.core.model import Report
from authtui.core.safety.secrets import Scrubber
from authtui.core.safety.terminal import one_line
from authtui.tui.keys import default_key

TOKEN_PREFIX = 12
"""Characters of the token shown: enough to tell two tokens apart, too few to use."""
URL_ROOM = 72
"""The URL's share of the line at most (a long query is cut, the line stays one row)."""


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


def token_prefix(raw: str) -> str:
    """The token's first characters (a redacted token keeps only what it showed)."""
    shown = raw.split("…", 1)[0]
    return shown[:TOKEN_PREFIX] + "…"


def summary_parts(report: Report) -> list[str]:
    """What the line says, in order: method and URL, status, credential and token."""
    exchange = report.exchange
    parts: list[str] = []
    where = exchange.url or exchange.target
    request = " ".join(
        p for p in (exchange.method, where and Scrubber(redact=True).url(where)) if p
    )
    if request:
        parts.append(_short(one_line(request), URL_ROOM))
    if exchange.status is not None:
        parts.append(f"→ {exchange.status}")
    token = report.token
    credentials = report.credentials
    scheme = credentials.scheme if credentials is not None else None
    if token is not None and token.raw:
        prefix = token_prefix(one_line(token.raw))
        parts.append(f"{one_line(scheme)} {prefix}" if scheme else f"token {prefix}")
    elif scheme:
        parts.append(one_line(scheme))
    return parts


class PasteSummary(Static, can_focus=True):
    """One focusable row standing for the paste; hidden until the paste folds."""

    DEFAULT_CSS = """
    PasteSummary {
        display: none;
        height: 1;
        padding: 0 1;
        background: $boost;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    PasteSummary:focus {
        background: $block-cursor-background;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._said: str | None = None
        """What the line says now: the same words are not drawn again (a report
        comes at every keystroke)."""

    def show(self, report: Report | None) -> None:
        """Describe this report's request (``None``: nothing pasted)."""
        parts = summary_parts(report) if report is not None else []
        said = " ".join(parts) if parts else "the paste"
        if said == self._said:
            return
        self._said = said
        content = Content.assemble(
            ("▸ Paste: ", "bold"),
            said,
            (f"  {default_key('pane.go.paste')}: edit", "dim"),
        )
        self.update(content, layout=False)  # one row of a fixed height: no new layout
