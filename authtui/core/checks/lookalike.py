"""Values that look identical but are not: the code points that differ, named.

An ``aud`` or ``iss`` with a Cyrillic ``а`` for a Latin ``a``, a zero-width space,
or ``é`` written as ``e`` plus a combining accent prints exactly like the expected
value, and a server comparing code points refuses it. :func:`lookalike` says why
two different strings look the same and names each code point that differs
(``U+0430 CYRILLIC SMALL LETTER A``), so a person can see what no screen shows.
"""

from __future__ import annotations

import unicodedata

HOMOGLYPHS: dict[str, str] = {
    # Cyrillic (and Armenian) letters drawn like Latin ones
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    "ո": "n", "ց": "g", "ս": "u",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "У": "Y", "Ԛ": "Q",
    "Ԝ": "W", "Ӏ": "I",
    # Greek letters drawn like Latin ones
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin letters that pass for others
    "ı": "i", "ȷ": "j", "ɡ": "g", "ɑ": "a", "ʏ": "y",
}  # fmt: skip
"""Letters of other scripts that look like Latin ones (after Unicode's confusables)."""

_MAX_SHOWN = 4


def code_point(char: str) -> str:
    """``U+0430 CYRILLIC SMALL LETTER A``."""
    name = unicodedata.name(char, "") or f"category {unicodedata.category(char)}"
    return f"U+{ord(char):04X} {name}"


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Zl", "Zp") or char in "\u115f\u1160\u3164"


def _skeleton(text: str) -> str:
    if text.isascii():
        return text  # no invisible character, NFKC leaves it as it is, no homoglyph
    normal = unicodedata.normalize("NFKC", "".join(c for c in text if not _invisible(c)))
    return "".join(HOMOGLYPHS.get(c, c) for c in normal)


def _differences(actual: str, expected: str) -> list[str]:
    """Each place the two differ, with the code points on both sides."""
    if len(actual) == len(expected):
        found = [
            f"character {i + 1}: {code_point(a)} where the expected value has {code_point(e)}"
            for i, (a, e) in enumerate(zip(actual, expected, strict=True))
            if a != e
        ]
        return found[:_MAX_SHOWN] + (
            [f"and {len(found) - _MAX_SHOWN} more"] if len(found) > _MAX_SHOWN else []
        )
    start = 0
    while start < min(len(actual), len(expected)) and actual[start] == expected[start]:
        start += 1
    end = 0
    while end < min(len(actual), len(expected)) - start and actual[-1 - end] == expected[-1 - end]:
        end += 1
    got, want = actual[start : len(actual) - end], expected[start : len(expected) - end]

    def listed(part: str) -> str:
        shown = [code_point(c) for c in part[:_MAX_SHOWN]]
        more = f" and {len(part) - _MAX_SHOWN} more" if len(part) > _MAX_SHOWN else ""
        return " + ".join(shown) + more if shown else "nothing"

    where = f"from character {start + 1}"
    return [f"{where}: {listed(got)} where the expected value has {listed(want)}"]


def lookalike(expected: str, actual: str) -> str | None:
    """Why ``actual`` looks like ``expected`` yet differs, with the code points that
    differ; ``None`` when they are equal or do not look alike."""
    if actual == expected or len(actual) > 2048 or len(expected) > 2048:
        return None
    if _skeleton(actual) != _skeleton(expected):
        return None
    kinds: list[str] = []
    if any(_invisible(c) for c in actual + expected):
        kinds.append("an invisible character (zero-width or formatting)")
    visible_a = "".join(c for c in actual if not _invisible(c))
    visible_e = "".join(c for c in expected if not _invisible(c))
    if unicodedata.normalize("NFKC", visible_a) == unicodedata.normalize("NFKC", visible_e):
        if visible_a != visible_e:
            nfc = unicodedata.normalize("NFC", visible_a) == unicodedata.normalize("NFC", visible_e)
            kinds.append(
                "another Unicode normalisation (composed vs decomposed: NFC vs NFD)"
                if nfc
                else "a compatibility form (NFKC: a ligature, full-width or styled letter)"
            )
    elif visible_a != visible_e:
        kinds.append("a letter of another script drawn like a Latin one (a homoglyph)")
    return (
        "looks identical but differs in code points: "
        + " and ".join(kinds)
        + "; "
        + "; ".join(_differences(actual, expected))
    )
