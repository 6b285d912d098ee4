"""One widget by its id, found the cheap way: code that runs at every keystroke."""

from __future__ import annotations

from typing import TypeVar

from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


def by_id(node: DOMNode, selector: str, kind: type[W]) -> W | None:
    """The widget ``selector`` (``#id``) under ``node``, or ``None`` (not composed yet,
    or the app is closing). Textual caches a ``query_one`` by id; ``query`` walks every
    widget of the screen, which costs a millisecond or more per call at every keystroke."""
    try:
        return node.query_one(selector, kind)
    except NoMatches:
        return None
