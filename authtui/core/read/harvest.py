"""Token harvesting for the paste reader: bare tokens, tokens wrapped over lines,
tokens that stand as a whole body, and JWTs inside text the reader could not parse.
"""

from __future__ import annotations

import json
import re

from authtui.core.limits import MAX_TOKEN_CHARS, MAX_TOKENS
from authtui.core.place import Span
from authtui.core.read.lines import TOKEN_CHARS, is_tokenish
from authtui.core.read.message import Notes
from authtui.core.read.places import Places

_JWT_WORD = re.compile(r"eyJ[A-Za-z0-9\-._~+/=]*")  # one class, no backtracking
ROLES = ("access_token", "id_token", "refresh_token")
"""The tokens of a token endpoint's answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3),
in the order they are judged: the access token is the one an API receives."""
_ROLE_KEYS = {role.replace("_", ""): role for role in ROLES}
_MAX_BODY = 64 * 1024


class Harvest:
    """The standalone tokens of one paste, and the lines of a token still being read."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.found: list[str] = []
        self.pending: list[str] = []
        self.pending_dots = 0
        self.pending_chars = 0
        self.roles: list[tuple[str, str]] = []
        """(member name, token) of each token taken from a token endpoint's answer."""
        self.spans: dict[str, Span] = {}
        """Where a token was read, when it stood on lines of its own."""
        self.places: Places | None = None
        """Where each line is in the paste (set with the reader's)."""
        self.pending_lines = (-1, -1)
        """The first and last line index of the token being read."""

    def continues(self, stripped: str) -> bool:
        """A JWT wrapped over several lines: equal-length lines of token characters."""
        first, last = self.pending[0], self.pending[-1]
        if not stripped or not set(stripped) <= TOKEN_CHARS or len(last) < 40:
            return False
        if len(last) != len(first) or len(stripped) > len(first):
            return False
        if self.pending_chars + len(stripped) > MAX_TOKEN_CHARS:
            return False
        return not stripped.startswith("eyJ") or self.pending_dots < 2 or last.endswith(".")

    def pend(self, stripped: str, at: int = -1) -> None:
        """Hold a line that may be the start (or the next part) of a token; ``at`` is the
        line's index, for :attr:`places`."""
        first = self.pending_lines[0] if self.pending else at
        self.pending_lines = (first, at)
        self.pending.append(stripped)
        self.pending_dots += stripped.count(".")
        self.pending_chars += len(stripped)

    def flush(self) -> None:
        """Keep the token held so far (joined, with a note when it was wrapped)."""
        if not self.pending:
            return
        if len(self.pending) > 1:
            self.notes.add(
                "paste.token_wrapped",
                f"A token broken over {len(self.pending)} lines was joined; remove the line "
                "breaks before sending it.",
                self.pending[0],
            )
        first, last = self.pending_lines
        at = self.places.span(first, last) if self.places is not None and first >= 0 else None
        self.add("\n".join(self.pending), at)
        self.pending = []
        self.pending_dots = self.pending_chars = 0

    def add(self, token: str, span: Span | None = None) -> None:
        """Keep a token (once; at most :data:`~authtui.core.limits.MAX_TOKENS`), and where
        it was read when ``span`` says."""
        if token in self.found:
            return
        if len(self.found) >= MAX_TOKENS:
            self.notes.add("paste.too_many_tokens", f"Only the first {MAX_TOKENS} tokens are kept.")
            return
        self.found.append(token)
        if span is not None:
            self.spans[token] = span

    def add_roles(self, roles: list[tuple[str, str]]) -> None:
        """Keep the tokens of a token endpoint's answer, with the member each came from.
        The access token goes first, so it is the one judged."""
        ordered = sorted(roles, key=lambda pair: ROLES.index(pair[0]))
        for _role, token in ordered:
            if token in self.found:
                self.found.remove(token)
        self.found[:0] = [token for _, token in ordered]
        del self.found[MAX_TOKENS:]
        self.roles.extend(roles)


def token_response(doc: object) -> list[tuple[str, str]]:
    """(member, token) of a token endpoint's answer: ``access_token``, ``id_token`` and
    ``refresh_token`` at the top of a JSON object or one level down (AWS Cognito's
    ``AuthenticationResult`` with ``AccessToken``, ``IdToken``, ``RefreshToken``), in the
    order written. Empty when ``doc`` is no such answer."""
    if not isinstance(doc, dict):
        return []
    for holder in (doc, *(v for v in doc.values() if isinstance(v, dict))):
        found = [
            (_ROLE_KEYS[key.replace("_", "").lower()], value.strip())
            for key, value in holder.items()
            if isinstance(key, str)
            and key.replace("_", "").lower() in _ROLE_KEYS
            and isinstance(value, str)
            and value.strip()
        ]
        if found:
            return list(dict(found).items())
    return []


def body_token_response(body: str) -> list[tuple[str, str]]:
    """The tokens of a response body that is a token endpoint's JSON answer."""
    stripped = body.strip()
    if not stripped.startswith("{") or len(stripped) > _MAX_BODY or "token" not in stripped:
        return []
    try:
        doc = json.loads(stripped)
    except (ValueError, RecursionError):
        return []
    return token_response(doc)


def take_tokens(body: str, harvest: Harvest, span: Span | None = None) -> str:
    """A body that is only a token is a token; so is a JWT alone in the last paragraph.
    ``span`` is where the body was read (then the token's place, when it is the body).

    Returns the body without the token taken from it.
    """
    stripped = body.strip()
    if stripped and " " not in stripped and "\n" not in stripped and is_tokenish(stripped):
        harvest.add(stripped, span)
        return ""
    head, sep, last = body.rpartition("\n\n")
    last = last.strip()
    if sep and last.startswith("eyJ") and " " not in last and is_tokenish(last):
        harvest.add(last)
        return head.rstrip()
    return body


def jwt_words(text: str) -> list[str]:
    """Every ``eyJ...`` run of token characters with two dots or more, in one pass."""
    found: list[str] = []
    for match in _JWT_WORD.finditer(text):
        if match.group().count(".") >= 2:
            found.append(match.group())
            if len(found) >= MAX_TOKENS:
                break
    return found
