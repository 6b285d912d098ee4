"""Where the members of a JSON text are: offsets of the values a reader cares about.

``json`` decodes a HAR file fast but forgets where each value was written. This
module walks the same text once more, as tokens (strings, brackets, colons, commas;
one regular expression does the scanning), and keeps the stretch of each value whose
path a caller asks for: ``("log", "entries", 3, "request", "headers", 0)`` ->
``(start, end)``, from the member's key (or the element's first character) to the
end of its value. The text is JSON a decoder already accepted; on anything else the
walk still ends, linear in the text, and may simply find less. Never raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

Path = tuple[str | int, ...]
"""Keys and indices from the document's root to a value."""

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]')
_SPACE = " \t\r\n"


class _Frame:
    """One open object or array, and the member or element being read in it."""

    __slots__ = ("at", "is_object", "open", "scalar", "start", "want_key")

    def __init__(self, is_object: bool, scalar: int) -> None:
        self.is_object = is_object
        self.at: str | int = -1 if is_object else 0
        """The key of the member being read, or the index of the element."""
        self.start = -1
        """Where that member (its key) or element begins."""
        self.open = False
        """A string, object or array value has begun for it."""
        self.scalar = scalar
        """Where a scalar value may begin (after ``:``, ``[`` or ``,``); -1: none."""
        self.want_key = is_object


def _key(token: str) -> str:
    try:
        key = json.loads(token)
    except ValueError:
        return token
    return key if isinstance(key, str) else token


def value_spans(
    text: str, start: int, end: int, wanted: Callable[[Path], bool]
) -> dict[Path, tuple[int, int]]:
    """The stretch of every value in ``text[start:end]`` whose path ``wanted`` accepts:
    an object's member from its key to the end of its value, an array's element from its
    first character to its last (the root value itself is never asked about)."""
    found: dict[Path, tuple[int, int]] = {}
    frames: list[_Frame] = []

    def close(value_end: int) -> None:
        if not frames:
            return
        frame = frames[-1]
        path = tuple(f.at for f in frames)
        if frame.start >= 0 and wanted(path):
            found[path] = (frame.start, value_end)

    def scalar(upto: int) -> None:
        """A number, ``true``, ``false`` or ``null`` ends before ``upto``."""
        frame = frames[-1]
        if frame.open or frame.scalar < 0:
            return
        segment = text[frame.scalar : upto]
        if segment.strip(_SPACE):
            if not frame.is_object:
                frame.start = frame.scalar + len(segment) - len(segment.lstrip(_SPACE))
            close(frame.scalar + len(segment.rstrip(_SPACE)))

    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        pos = match.start()
        head = token[0]
        frame = frames[-1] if frames else None
        if head == '"':
            if frame is not None and frame.want_key:
                frame.at, frame.start, frame.want_key = _key(token), pos, False
                continue
            if frame is not None:
                frame.open = True
                frame.start = pos if not frame.is_object else frame.start
                close(match.end())
        elif head in "{[":
            if frame is not None:
                frame.open = True
                frame.start = pos if not frame.is_object else frame.start
            frames.append(_Frame(head == "{", match.end() if head == "[" else -1))
        elif head in "}]":
            if frame is None:
                break
            scalar(pos)
            frames.pop()
            close(match.end())
            if not frames:
                break
        elif frame is None:
            continue
        elif head == ":":
            frame.scalar, frame.open = match.end(), False
        else:  # ","
            scalar(pos)
            frame.open = False
            if frame.is_object:
                frame.want_key, frame.scalar = True, -1
            else:
                frame.at = int(frame.at) + 1
                frame.scalar, frame.start = match.end(), -1
    return found
