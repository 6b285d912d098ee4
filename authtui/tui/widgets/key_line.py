"""One line under the verdict: where the verification key came from and what the
signature check said, so neither is hidden in the Settings tab or a folded finding.

Hidden while there is no key and no signature to speak of (no space taken).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from authtui.core.model import Report, SignatureStatus
from authtui.core.safety.terminal import one_line

WORDS = {
    SignatureStatus.VALID: ("signature valid", "bold $text-success"),
    SignatureStatus.INVALID: ("signature INVALID", "bold $text-error"),
    SignatureStatus.NO_KEY_MATCHED: ("no key matched the token", "bold $text-error"),
    SignatureStatus.UNSUPPORTED: ("signature not checkable (algorithm)", "$text-warning"),
    SignatureStatus.NOT_CHECKED: ("signature not checked", "$text-muted"),
}
"""What each signature result reads as, and its style."""


def key_line(report: Report | None, key_source: str) -> Content | None:
    """The line, or ``None`` when there is nothing to say: no key given and no
    signature checked (the Decoded view says "not checked"; a row is dear at 80x24)."""
    if report is None:
        return None
    if not key_source and report.signature is SignatureStatus.NOT_CHECKED:
        return None
    words, style = WORDS[report.signature]
    if report.token is None:
        words, style = "no token to check it against", "$text-muted"
    parts: list[str | tuple[str, str]] = []
    if key_source:
        parts += [("Key: ", "$text-muted"), one_line(key_source), "  ·  "]
    parts.append((words, style))
    return Content.assemble(*parts)


class KeyLine(Static):
    """Key source and signature result; redrawn only when they change."""

    DEFAULT_CSS = """
    KeyLine { height: auto; padding: 0 1; background: $boost; }
    """

    _shown: Content | None = None

    def show(self, report: Report | None, key_source: str) -> None:
        """Show the line for this report (hidden when there is nothing to say)."""
        content = key_line(report, key_source)
        self.display = content is not None
        if content is not None and content != self._shown:
            self._shown = content
            self.update(content)
