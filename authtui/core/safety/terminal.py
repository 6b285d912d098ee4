"""The terminal boundary: untrusted text made safe to show.

Every path from pasted bytes to a terminal goes through :func:`printable`.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """Untrusted text must not drive the terminal it is printed to: C0 and C1
    control characters (ESC, CSI...) become ``?``; line breaks and tabs stay."""
    return "".join(
        "?" if (ch < " " and ch not in "\n\t") or "\x7f" <= ch <= "\x9f" else ch for ch in text
    )
