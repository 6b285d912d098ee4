"""Matching normalised text against the table: the first row that applies, and companions."""

from __future__ import annotations

import functools
from collections.abc import Collection

from authtui.core.words.pattern import Pattern, normalise
from authtui.core.words.table import PATTERNS


def match_text(text: str, challenge_errors: Collection[str] = ()) -> list[Pattern]:
    """The rows that explain ``text``: the first matching row, then any companions."""
    return match_normalised(normalise(text), challenge_errors)


def match_normalised(normalised: str, challenge_errors: Collection[str] = ()) -> list[Pattern]:
    """:func:`match_text` for text already :func:`normalise`-d."""
    groups, rows_of = _index()
    # The table's words are grouped by their first two characters: one ``in`` per
    # group rules most of them out at once. Then only rows with a needle present
    # can apply; they are tried in table order, as if every row were.
    present = {
        word for head, words in groups if head in normalised for word in words if word in normalised
    }
    candidates = sorted({i for word in present for i in rows_of.get(word, ())})
    primary: Pattern | None = None
    companions: list[Pattern] = []
    for i in candidates:
        row = PATTERNS[i]
        if row.companion:
            if row.applies(present, challenge_errors):
                companions.append(row)
        elif primary is None and row.applies(present, challenge_errors):
            primary = row
    if primary is None:
        return companions
    return [primary, *companions]


@functools.cache
def _all_words() -> frozenset[str]:
    """Every needle, ``also`` and ``unless`` word of the table, once."""
    return frozenset(w for row in PATTERNS for w in (*row.needles, *row.also, *row.unless))


@functools.cache
def _index() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], dict[str, tuple[int, ...]]]:
    """The table's words grouped by their first two characters, and for each needle
    the rows (by position in :data:`PATTERNS`) it can make apply. Built once."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(_all_words()):
        grouped.setdefault(word[:2], []).append(word)
    rows_of: dict[str, list[int]] = {}
    for i, row in enumerate(PATTERNS):
        for needle in dict.fromkeys(row.needles):
            rows_of.setdefault(needle, []).append(i)
    groups = tuple((head, tuple(words)) for head, words in grouped.items())
    return groups, {word: tuple(rows) for word, rows in rows_of.items()}
