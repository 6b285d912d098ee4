"""Copy and save the report, read the system clipboard: honest about what worked.

Also where every notification passes the terminal boundary (:meth:`ReportActions.notify`:
plain text, never markup). A mixin for :class:`~authtui.tui.app.AuthTUI`, kept apart
so app.py stays small.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import TextArea

from authtui.core.safety.terminal import one_line, printable
from authtui.tui.clipboard import (
    has_display,
    osc52,
    read_clipboard,
    tmux_passthrough,
    write_clipboard,
)
from authtui.tui.messages import ClipboardRead, ReportCopied
from authtui.tui.savefile import SaveError, replace_file, write_new
from authtui.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from authtui.core.model import Report
    from authtui.tui.screens.save import Saved

    _Base = App[int]
else:
    _Base = object

PASTE_TARGETS = ("paste", "token", "key")


def copy_size(text: str) -> str:
    """The size of what was copied, as the status line says it: ``3.0 KB`` (UTF-8)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} KB"
    return f"{size / 1_000_000:.1f} MB"


def report_markdown(report: Report) -> str:
    """The report as Markdown (already redacted as the options asked)."""
    from authtui.core.render.markdown import render_markdown

    return render_markdown(report)


class ReportActions(_Base):
    """Actions F2 (copy), F3 (save) and F5 (paste from the system clipboard)."""

    report: Report | None
    environ: Mapping[str, str]
    clipboard_timeout: float
    report_path: str
    reading: bool
    _paste_target: str = "paste"

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every message as one line in the status bar, never a toast over the findings.

        Messages quote file names, paths and exceptions: never markup (a path with
        ``[/]`` in it is a path), never a control character. ``title`` and ``markup``
        are ignored (the line says what it is about).
        """
        bars = list(self.screen_stack[0].query(StatusBar)) if self.screen_stack else []
        for bar in bars:
            bar.say(printable(message), severity, timeout)
        if not bars:  # before the screen is composed, or once it is gone
            super().notify(
                printable(message), title=one_line(title), severity=severity, markup=False
            )

    def _report_ready(self, what: str) -> bool:
        """True when there is a report to copy or save; else say why not."""
        if self.reading:
            self.notify(
                "Still reading the paste: the report will be ready with the findings.",
                severity="warning",
            )
            return False
        if self.report is None:
            self.notify(f"Nothing to {what} yet: paste something first.", severity="warning")
            return False
        return True

    def _markdown(self, what: str = "copy") -> str | None:
        if not self._report_ready(what) or self.report is None:
            return None
        return report_markdown(self.report)

    # -------------------------------------------------------------------- copy

    def action_copy_report(self) -> None:
        """F2: OSC 52 (and tmux passthrough), pyperclip when a display exists; one line
        says what was sent, and the report opens to copy by hand when nothing confirmed it."""
        text = self._markdown()
        if text is None:
            return
        self.copy_to_clipboard(text)
        via = "OSC 52"
        if self.environ.get("TMUX"):
            driver = self._driver
            if driver is not None:
                driver.write(tmux_passthrough(osc52(text)))
            via = "OSC 52 and tmux passthrough"
        redacted = (
            "redacted" if self.report is not None and self.report.redacted else "NOT redacted"
        )
        what = f"{copy_size(text)} Markdown"
        if has_display(self.environ):
            self._copy_system(text, what, via, redacted)
        else:
            said = f"Sent {what} via {via}, {redacted}; not confirmed (no system clipboard)"
            self.post_message(ReportCopied(said, False, text))

    @work(thread=True, exclusive=True, group="clipboard-copy")
    def _copy_system(self, text: str, what: str, via: str, redacted: str) -> None:
        result = write_clipboard(text, self.clipboard_timeout)
        if result.ok:
            said = f"Copied {what} to the system clipboard (and via {via}), {redacted}"
        else:
            said = f"Sent {what} via {via}, {redacted}; system clipboard failed: {result.reason}"
        self.post_message(ReportCopied(said, result.ok, text))

    def on_report_copied(self, event: ReportCopied) -> None:
        """Say what copying did; unconfirmed, open the report to copy by hand (a plain
        handler: ``@on`` is not seen in a mixin)."""
        from authtui.tui.screens.report_view import ReportView  # screens: when opened

        self.notify(event.summary, severity="information" if event.ok else "warning")
        if not event.ok and event.text and not isinstance(self.screen, ReportView):
            self.push_screen(ReportView(event.text, event.summary))

    # -------------------------------------------------------------------- save

    def action_save_report(self) -> None:
        """F3: ask for a file name; the dialog writes the report there (asking first
        before it replaces a file)."""
        if not self._report_ready("save") or self.report is None:
            return
        from authtui.tui.screens.save import SaveReport  # screens: when opened

        redacted = self.report.redacted

        def write(path: Path, replace: bool) -> str:
            return self.write_report(path, replace=replace)

        def saved(result: Saved | None) -> None:
            if result is not None:
                self._say_saved(result.path, result.replaced)

        self.push_screen(SaveReport(self.report_path, redacted, write=write), saved)

    def write_report(self, path: Path, *, replace: bool = False) -> str:
        """Write the report as Markdown, the one place a file is written: ``""`` or why not.

        A new file only, unless ``replace`` (the user confirmed): see :mod:`.savefile`.
        """
        text = self._markdown("save")
        if text is None:
            return "Nothing to save yet."
        try:
            if replace:
                replace_file(path, text)
            else:
                write_new(path, text)
        except SaveError as exc:
            return str(exc)
        self.report_path = str(path)
        return ""

    def save_report_to(self, path: str, *, replace: bool = False) -> Path | None:
        """Write the report to ``path`` and say what happened (no dialog: no asking)."""
        target = Path(path).expanduser()
        error = self.write_report(target, replace=replace)
        if error:
            self.notify(error, title="Save report", severity="error")
            return None
        self._say_saved(target, replace)
        return target

    def _say_saved(self, path: Path, replaced: bool) -> None:
        verb = "Replaced" if replaced else "Saved the report to"
        try:
            where = path.resolve()
        except (OSError, RuntimeError):
            where = path
        self.notify(f"{verb} {one_line(str(where))} (mode 0600)", title="Save report")

    # ------------------------------------------------------------------- paste

    def action_paste_clipboard(self) -> None:
        """F5: read the system clipboard into the focused text pane (or the paste pane)."""
        focused = self.focused
        target = focused.id if isinstance(focused, TextArea) else None
        self._paste_target = target if target in PASTE_TARGETS else "paste"
        self.notify("Reading the system clipboard…")
        self._read_system()

    @work(thread=True, exclusive=True, group="clipboard-paste")
    def _read_system(self) -> None:
        result = read_clipboard(self.clipboard_timeout)
        self.post_message(ClipboardRead(result.ok, result.text, result.reason))

    def on_clipboard_read(self, event: ClipboardRead) -> None:
        """Put what the clipboard held into the target pane, or say why not."""
        if not event.ok:
            self.notify(
                event.reason, title="Paste from clipboard", severity="warning", markup=False
            )
            return
        if not event.text:
            self.notify("The system clipboard is empty.", severity="warning")
            return
        area = self.query_one(f"#{self._paste_target}", TextArea)
        start, end = area.selection
        area.replace(event.text, start, end)
        self.notify(f"Pasted {len(event.text)} characters from the system clipboard.")
