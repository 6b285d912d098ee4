"""The scrubber's backstop: a value search over every string of a report.

Redaction is by field (:mod:`.secrets`); this pass only catches the values the
fields held when free text repeats them (a response body that quotes the token
back, a server message naming the API key). Short values are not hunted in free
text: it would mangle ordinary words, and their fields already hid them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from authtui.core.model import (
    Challenge,
    Clock,
    ClockBasis,
    Finding,
    Header,
    Kind,
    Note,
    Redaction,
    Severity,
    SignatureStatus,
    Tier,
    Token,
    TokenForm,
    Verdict,
)
from authtui.core.place import Span, TokenPart

T = TypeVar("T")

MIN_NEEDLE = 4
"""Shorter values are never hunted in free text."""
MIN_CREDENTIAL = 6
"""Credentials (shown as a prefix ending ``…(redacted)``) shorter than this are not hunted."""


class Backstop:
    """Replaces each known value, wherever it appears in a string, longest first."""

    def __init__(self, replacements: Mapping[str, str]) -> None:
        pairs = {
            value: shown
            for value, shown in replacements.items()
            if len(value) >= (MIN_CREDENTIAL if shown.endswith("(redacted)") else MIN_NEEDLE)
            and value not in shown
        }
        # Longest first, so a whole token goes before the signature inside it.
        self._pairs = sorted(pairs.items(), key=lambda p: -len(p[0]))

    def __call__(self, text: str) -> str:
        for needle, replacement in self._pairs:
            if needle in text:
                text = text.replace(needle, replacement)
        return text

    def walk(self, value: T) -> T:
        """Every string inside dataclasses, tuples, lists and mappings searched."""
        if not self._pairs:
            return value
        return self._walk(value, 0)  # type: ignore[no-any-return]

    def headers(self, headers: tuple[Header, ...]) -> tuple[Header, ...]:
        """Header fields searched (their values; names are never sensitive): the same
        tuple when no value holds a needle, which one search over them all tells."""
        if not self._pairs:
            return headers
        joined = "\n".join(h.value for h in headers)
        if not any(needle in joined for needle, _ in self._pairs):
            return headers
        return self._walk(headers, 0)  # type: ignore[no-any-return]

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
        """A tuple with its items searched; the same tuple when none changed."""
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
        """A dataclass with its fields searched; the same object when none changed.
        String fields (most of a report's values) are handled here, without a call each."""
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


_ATOMS = frozenset(
    {bytes, int, float, bool, type(None), Span}
    | {Severity, Kind, SignatureStatus, TokenForm, Tier, ClockBasis, TokenPart}
)
"""Types that hold no string to search: a span is three numbers, and an enum member is
the tool's own word (the walk never searches one)."""


# Fields that never hold a credential, so the walk need not visit them: challenges
# carry none (the contract shows them unredacted), a token's header and claims are
# what the tool exists to show, codes and references are the tool's own words.
_NOT_SENSITIVE: dict[type, frozenset[str]] = {
    Challenge: frozenset(f.name for f in dataclasses.fields(Challenge)),
    Clock: frozenset(f.name for f in dataclasses.fields(Clock)),
    Redaction: frozenset(f.name for f in dataclasses.fields(Redaction)),
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
