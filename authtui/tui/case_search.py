"""Finding a workshop case by any word of its name, title or summary.

"wrong aud" finds ``wrong-audience`` (Wrong audience), "scope" finds
``missing-scope``, "signing key" the unknown ``kid``: every word
typed must begin a word of the case (its name split at ``-``, its title, its
summary), in any order. The F4 list filters with it as you type and the command
palette finds cases with it. Textual-free, so it is tested like the core.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9]+")

Case = tuple[str, str, str]
"""A case as the lists show it: (name, title, summary)."""


def words(text: str) -> list[str]:
    """The words of a text, lower case: letters and digits (``kid``, ``hs256``)."""
    return _WORD.findall(text.lower())


def case_score(query: str, case: Case) -> float:
    """How well ``query`` names the case: 0 when some word of it begins no word of
    the case; else higher when the words hit the name and the title, not only the
    summary (1.0 at most)."""
    wanted = words(query)
    if not wanted:
        return 0.0
    name, title, summary = case
    places = (words(name), words(title), words(summary))
    weights = (1.0, 0.9, 0.5)
    total = 0.0
    for word in wanted:
        hits = [
            w for ws, w in zip(places, weights, strict=True) if any(x.startswith(word) for x in ws)
        ]
        if not hits:
            return 0.0
        total += max(hits)
    return total / len(wanted)


def filter_cases(query: str, cases: Sequence[Case]) -> list[Case]:
    """The cases ``query`` names, best first (all of them, in order, for no query)."""
    if not words(query):
        return list(cases)
    scored = [(case_score(query, case), index, case) for index, case in enumerate(cases)]
    return [case for score, _, case in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0]
