"""How the token checks quote what they saw: where a token came from, a value shortened,
a token itself as redaction allows."""

from __future__ import annotations

from typing import Any

from authtui.core.model import Token
from authtui.core.safety.secrets import redacted_form


def where(token: Token) -> str:
    """Where the token was found, in words."""
    return token.source or "token"


def token_start(token: Token, width: int, redact: bool) -> str:
    """How evidence shows a token: a redacted prefix when redacting (never the whole of a
    short one), else its first ``width`` characters."""
    return redacted_form(token.raw) if redact else short(token.raw, width)


def short(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[:width] + "…"


def shown(value: Any) -> str:
    """A header or claim value in a line of evidence."""
    return short(value if isinstance(value, str) else repr(value), 80)
