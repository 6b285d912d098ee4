"""Where the members of a JSON text are: offsets of the values a reader cares about.

``json`` decodes a HAR file fast but forgets where each value was written. This
module walks the same text once more, keeping the stretch of each value whose path
a caller asks for: ``("log", "entries", 3, "request", "headers", 0)`` ->
``(start, end)``, from the member's key (or the element's first character) to the
end of its value. It descends only where the caller says a wanted path may lie
below; every other value is stepped over by ``json``'s own scanner, so the walk
costs little beside the decoding. The text is JSON a decoder already accepted; on
anything else the walk stops where it cannot go on and keeps what it found. Never
raises.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable

Path = tuple[str | int, ...]
"""Keys and indices from the document's root to a value."""

_SPACE = re.compile(r"[ \t\n\r]*").match
_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
"""``json``'s scanner: the value at an offset and the offset after it (StopIteration
when there is none)."""
_MAX_DEPTH = 64
"""Deeper than this the walk steps over values instead of descending."""


ANY = -1
"""The index ``wanted`` and ``descend`` are asked about for the elements of an array: what
they answer holds for every element (a path found keeps each element's own index)."""


def _always(_path: Path) -> bool:
    return True


class _Walk:
    """One walk over a JSON text."""

    def __init__(
        self, text: str, wanted: Callable[[Path], bool], descend: Callable[[Path], bool]
    ) -> None:
        self.text = text
        self.wanted = wanted
        self.descend = descend
        self.found: dict[Path, tuple[int, int]] = {}

    def into(self, i: int, path: Path, shape: Path) -> int:
        """Read the object or array at ``i`` (at ``path``; ``shape`` is the path with
        :data:`ANY` for each index); the offset just after it."""
        text, space = self.text, _SPACE
        close = "}" if text[i] == "{" else "]"
        i = space(text, i + 1).end()  # type: ignore[union-attr]  # "*" always matches
        if text[i] == close:
            return i + 1
        index = 0
        if close == "]":
            inner = (*shape, ANY)
            want = self.wanted(inner)
            down = len(inner) < _MAX_DEPTH and self.descend(inner)
        while True:
            start = i
            if close == "}":
                key, i = _SCAN(text, i)
                i = space(text, space(text, i).end() + 1).end()  # type: ignore[union-attr]
                child, inner = (*path, key), (*shape, key)
                want = self.wanted(inner)
                down = len(inner) < _MAX_DEPTH and self.descend(inner)
            else:
                child = (*path, index)
            end = self.into(i, child, inner) if down and text[i] in "{[" else _SCAN(text, i)[1]
            if want:
                self.found[child] = (start, end)
            i = space(text, end).end()  # type: ignore[union-attr]
            if text[i] != ",":
                return i + 1
            i, index = space(text, i + 1).end(), index + 1  # type: ignore[union-attr]


def value_spans(
    text: str,
    start: int,
    wanted: Callable[[Path], bool],
    descend: Callable[[Path], bool] = _always,
) -> dict[Path, tuple[int, int]]:
    """The stretch of every value of the JSON value at ``text[start]`` whose path
    ``wanted`` accepts: an object's member from its key to the end of its value, an
    array's element from its first character to its last (the root value itself is never
    asked about). ``descend`` says whether a wanted path may lie below a container's path;
    where it says no, the container is stepped over whole. Both are asked about paths
    whose indices are :data:`ANY`."""
    walk = _Walk(text, wanted, descend)
    # Not JSON after all: what was found so far stands.
    with contextlib.suppress(IndexError, ValueError, RecursionError, StopIteration):
        if text[start] in "{[" and descend(()):
            walk.into(start, (), ())
    return walk.found
