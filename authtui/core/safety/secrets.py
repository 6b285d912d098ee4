"""Redaction: tokens hidden by default, passwords and secrets always.

Two tiers:

* *always*: a Basic password (and the base64 that carries it), the HMAC secret.
  Never shown, even with ``--no-redact``.
* *by default*: every token and credential the paste carried, shortened to a
  recognisable prefix such as ``eyJhbGciOi…(redacted)``.

The report is built first, then every string in it is scrubbed in one pass, so
no renderer can forget to.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar

from authtui.core.context import Context
from authtui.core.model import (
    Challenge,
    Clock,
    Credentials,
    Finding,
    Header,
    Note,
    Report,
    Token,
    Verdict,
)

T = TypeVar("T")

HIDDEN = "(hidden)"
_MIN_NEEDLE = 6
"""Shorter values are not replaced everywhere: it would mangle ordinary words."""


def fingerprint(value: str) -> str:
    """A secret as the contract shows it: its length and the first 8 hex digits of its
    SHA-256, so that two pastes can be compared without revealing either."""
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"(secret {len(value)} chars sha256:{digest})"


def redacted_form(value: str) -> str:
    """A token shortened to a prefix that identifies it but cannot be used."""
    keep = min(10, len(value) // 4)
    return f"{value[:keep]}…(redacted)"


def _basic_secrets(cred: Credentials) -> list[str]:
    if cred.scheme_key != "basic" or not cred.token68:
        return []
    needles = [cred.token68]
    try:
        decoded = base64.b64decode(cred.token68 + "=" * (-len(cred.token68) % 4)).decode(
            "utf-8", errors="replace"
        )
    except (binascii.Error, ValueError):
        return needles
    _user, sep, password = decoded.partition(":")
    if sep:
        needles += [decoded, password]
    return needles


def _token_strings(token: Token | None) -> list[str]:
    if token is None or not token.raw:
        return []
    found = [token.raw]
    if len(token.segments) >= 3 and token.segments[-1]:
        found.append(token.segments[-1])
    return found


def url_passwords(text: str) -> list[tuple[str, str]]:
    """``:password@`` in every ``scheme://user:password@host`` of ``text``, with its
    replacement. Found with ``str.find`` only: linear, whatever the text."""
    found: list[tuple[str, str]] = []
    start = text.find("://")
    while start != -1 and len(found) < 64:
        begin = start + 3
        end = begin
        while end < len(text) and text[end] not in "/?# \t\r\n\"'<>":
            end += 1
        userinfo, at, _host = text[begin:end].rpartition("@")
        _user, colon, password = userinfo.partition(":")
        if at and colon and password:
            found.append((f":{password}@", f":{HIDDEN}@"))
        start = text.find("://", end)
    return found


class Scrubber:
    """Replaces every sensitive value in a string."""

    def __init__(
        self,
        always: Iterable[str],
        by_default: Iterable[str],
        redact: bool,
        exact: Iterable[tuple[str, str]] = (),
    ) -> None:
        pairs: dict[str, str] = dict(exact)
        if redact:
            for value in by_default:
                if len(value) >= _MIN_NEEDLE:
                    pairs[value] = redacted_form(value)
        for value in always:
            if len(value) >= 4:
                pairs[value] = HIDDEN
        # Longest first, so a whole token goes before the signature inside it.
        self._pairs = sorted(pairs.items(), key=lambda p: -len(p[0]))

    def __call__(self, text: str) -> str:
        for needle, replacement in self._pairs:
            if needle in text:
                text = text.replace(needle, replacement)
        return text

    def walk(self, value: T) -> T:
        """Scrub every string inside dataclasses, tuples, lists and mappings."""
        if not self._pairs:
            return value
        return self._walk(value, 0)  # type: ignore[no-any-return]

    def _walk(self, value: Any, depth: int) -> Any:
        kind = type(value)
        if kind is str:
            return self(value)
        if depth > 200 or kind in _ATOMS:
            return value
        if kind is tuple:
            return self._tuple(value, depth)
        names = _FIELD_NAMES[kind] if kind in _FIELD_NAMES else _field_names(kind)
        if names is not None:
            return self._dataclass(value, names, depth)
        if isinstance(value, Enum):
            return value
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self._walk(v, depth + 1) for v in value]
        if isinstance(value, Mapping):
            return {self._walk(k, depth + 1): self._walk(v, depth + 1) for k, v in value.items()}
        return value

    def _tuple(self, value: tuple[Any, ...], depth: int) -> tuple[Any, ...]:
        """A tuple with its items scrubbed; the same tuple when none changed. Its
        dataclass items (findings, headers, notes) go straight to :meth:`_dataclass`."""
        items = []
        changed = False
        for old in value:
            kind = type(old)
            names = _FIELD_NAMES.get(kind) if depth < 200 else None
            if names is not None:
                new = self._dataclass(old, names, depth + 1)
            else:
                new = self._walk(old, depth + 1)
            changed = changed or new is not old
            items.append(new)
        return tuple(items) if changed else value

    def _dataclass(self, value: Any, names: tuple[str, ...], depth: int) -> Any:
        """A dataclass with its fields scrubbed; the same object when none changed.
        String and atom fields (most of a report's values) are handled here, without
        a call each; the rest are walked."""
        changes = {}
        pairs = self._pairs
        for name in names:
            old = getattr(value, name)
            kind = type(old)
            if kind is str:
                new = old
                for needle, replacement in pairs:
                    if needle in new:
                        new = new.replace(needle, replacement)
            elif kind in _ATOMS:
                continue
            else:
                new = self._walk(old, depth + 1)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value


_ATOMS = frozenset({bytes, int, float, bool, type(None)})


# Fields that never hold a credential, so the walk need not visit them: challenges
# carry none (the contract shows them unredacted), a token's header and claims are
# what the tool exists to show, codes and references are the tool's own words.
_NOT_SENSITIVE: dict[type, frozenset[str]] = {
    Challenge: frozenset(f.name for f in dataclasses.fields(Challenge)),
    Clock: frozenset(f.name for f in dataclasses.fields(Clock)),
    Token: frozenset({"form", "header", "claims", "signature", "signing_input"}),
    Finding: frozenset({"code", "severity", "refs"}),
    Verdict: frozenset({"status", "kind", "causes"}),
    Header: frozenset({"name", "key"}),
    Note: frozenset({"code"}),
}
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass that may hold a sensitive value, read once per class;
    ``None`` for anything that is not a dataclass."""
    if cls in _FIELD_NAMES:
        return _FIELD_NAMES[cls]
    names: tuple[str, ...] | None = None
    if dataclasses.is_dataclass(cls):
        skip = _NOT_SENSITIVE.get(cls, frozenset())
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in skip)
    _FIELD_NAMES[cls] = names
    return names


def scrubber_for(ctx: Context) -> Scrubber:
    """The scrubber for one diagnosis: what it must always hide and what it may show."""
    always: list[str] = []
    by_default: list[str] = []
    for cred in ctx.credentials:
        always += _basic_secrets(cred)
        if cred.scheme_key != "basic":
            by_default += [v for v in (cred.token68, cred.raw) if v]
            by_default += [v for k, v in cred.params.items() if k in {"response", "password"}]
    for token in (ctx.token, ctx.request_token, ctx.pasted_token, *ctx.dpop_proofs):
        by_default += _token_strings(token)
    for value in ctx.exchange.request_header("Cookie"):
        by_default += [part.partition("=")[2].strip() for part in value.split(";")]
    if ctx.options.token:
        by_default.append(ctx.options.token.strip())
    exact: list[tuple[str, str]] = []
    for exchange in ctx.paste.exchanges or (ctx.exchange,):
        for text in (exchange.target, exchange.url, exchange.label):
            if text and "@" in text:
                exact += url_passwords(text)
    secret = ctx.options.secret
    if secret is not None:
        raw = secret.reveal()
        always += [raw.decode("utf-8", errors="replace"), raw.decode("latin-1")]
        always.append(base64.b64encode(raw).decode())
    return Scrubber(always, by_default, ctx.options.redact, exact)


def redact_report(report: Report, ctx: Context) -> Report:
    """The report with every sensitive value replaced."""
    scrub = scrubber_for(ctx)
    return scrub.walk(report)
