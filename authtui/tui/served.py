"""The app in a browser (``authtui serve``): no file written, no server clipboard, no links.

Served, the app runs on the server while the person sits at a browser, maybe on
another machine. The actions that would write the server's files, read or write
its clipboard, or have the browser open a link, say that they are off instead.
Everything else is the terminal app unchanged. Reading key files typed into the
key field is off too: see ``key_paths`` in :func:`authtui.tui.fields.build_options`.
"""

from __future__ import annotations

from pathlib import Path

from authtui.tui.keys import default_key
from authtui.tui.reporting import ReportActions

SERVED_PASTE_PLACEHOLDER = (
    "Paste here (Ctrl+V, Cmd+V or the browser's Paste): a 401/403 response with its\n"
    "headers, the request too if you have it, a curl -v transcript, a HAR file, a\n"
    f"WWW-Authenticate value or a bare token. {default_key('demo.load')} loads a workshop case."
)
SAVE_OFF = (
    "Saving is off in the browser: the app writes no file on the server. "
    f"{default_key('report.copy')} copies the report instead."
)
CLIPBOARD_OFF = (
    "Reading the system clipboard is off in the browser: it would read the server's"
    " clipboard, not yours. "
    "Paste into the page with Ctrl+V or Cmd+V."
)
LINKS_OFF = "Links are not opened from the app in the browser: copy the address instead."


class ServedMode(ReportActions):
    """Report actions and link opening that stay off while ``served`` is true."""

    served: bool = False

    def action_save_report(self) -> None:
        """F3: off when served (it would write a file on the server)."""
        if self.served:
            self.notify(SAVE_OFF, title="Save report", severity="warning", markup=False)
            return
        super().action_save_report()

    def save_report_to(self, path: str, *, replace: bool = False) -> Path | None:
        """Save without the dialog: never when served."""
        if self.served:
            self.notify(SAVE_OFF, title="Save report", severity="warning", markup=False)
            return None
        return super().save_report_to(path, replace=replace)

    def write_report(self, path: Path, *, replace: bool = False) -> str:
        """The one place a file is written: never when served."""
        if self.served:
            return SAVE_OFF
        return super().write_report(path, replace=replace)

    def action_copy_report(self) -> None:
        """F2 when served: only the browser's clipboard (OSC 52), never the server's."""
        if not self.served:
            super().action_copy_report()
            return
        text = self._markdown()
        if text is None:
            return
        self.copy_to_clipboard(text)
        redacted = (
            "redacted" if self.report is not None and self.report.redacted else "NOT redacted"
        )
        self.notify(
            f"Asked the browser to copy the report (OSC 52); it may ask for permission. "
            f"Report {redacted}.",
            title="Copy report",
            markup=False,
            timeout=8,
        )

    def action_paste_clipboard(self) -> None:
        """F5: off when served (the server's clipboard is not the person's)."""
        if self.served:
            self.notify(CLIPBOARD_OFF, title="Paste from clipboard", severity="warning")
            return
        super().action_paste_clipboard()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Never ask the browser to open a page when served: nothing leaves the served address."""
        if self.served:
            self.notify(LINKS_OFF, severity="warning")
            return
        super().open_url(url, new_tab=new_tab)
