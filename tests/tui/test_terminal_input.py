"""Bracketed pastes as the terminal sends them: one Paste, byte for byte, never keys."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from authtui.tui.launch import paste_safe_driver
from authtui.tui.terminal_input import HOLD, PasteParser, PasteSafeDriver, marker_prefix
from tests.hostile import HOSTILE

START, END = "\x1b[200~", "\x1b[201~"
PASTE = 'X-Client: \x1b]52;c;cHduZWQ=\x07\r\nHTTP/1.1 401 No\x1b[2J\x11\x0c\r\u202enimda\x00"'
"""ESC sequences, Ctrl+Q and Ctrl+L after an ESC, CR line ends, bidi, NUL."""


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _events(chunks: list[str], clock: Clock | None = None) -> list[object]:
    parser = PasteParser(clock=clock or Clock())
    out: list[object] = []
    for chunk in chunks:
        out += list(parser.feed(chunk))
        out += list(parser.tick())
    return out


def _pastes(found: list[object]) -> list[str]:
    return [e.text for e in found if isinstance(e, events.Paste)]


def _keys(found: list[object]) -> list[str]:
    return [e.key for e in found if isinstance(e, events.Key)]


def test_a_hostile_paste_is_one_paste_event_with_every_byte() -> None:
    found = _events([f"a{START}{PASTE}{END}b"])
    assert _pastes(found) == [PASTE]
    assert _keys(found) == ["a", "b"]  # nothing of the paste became a key


def test_textual_s_own_parser_turns_such_a_paste_into_keys() -> None:
    parser = XTermParser()
    found = list(parser.feed(f"{START}{PASTE}{END}"))
    assert _pastes(found) != [PASTE]  # why the app reads with its own parser
    assert any(isinstance(e, events.Key) for e in found)


@pytest.mark.parametrize("cut", range(2, len(START + PASTE + END)))
def test_a_paste_split_over_two_reads_anywhere_is_still_whole(cut: int) -> None:
    """Anywhere but just after the first ESC: a read that ends with a lone ESC is
    the Escape key, given to Textual at once (the terminal writes the marker whole)."""
    sent = f"{START}{PASTE}{END}"
    clock = Clock()
    parser = PasteParser(clock=clock)
    found = list(parser.feed(sent[:cut])) + list(parser.tick())
    found += list(parser.feed(sent[cut:])) + list(parser.tick())
    assert _pastes(found) == [PASTE]
    assert _keys(found) == []


@pytest.mark.parametrize(
    "name", ["header-value-tmux-passthrough", "reason-osc52-clipboard", "har-c1-csi"]
)
def test_the_hostile_corpus_arrives_whole(name: str) -> None:
    paste = HOSTILE[name].replace("\n", "\r")  # terminals send CR for each line end
    chunks = [START + paste[:4000], paste[4000:] + END]
    assert _pastes(_events(chunks)) == [paste]


def test_keys_around_pastes_and_a_lone_escape_are_keys() -> None:
    found = _events(["x\x1b[A", f"{START}one{END}{START}two{END}", "y"])
    assert _pastes(found) == ["one", "two"]
    assert "x" in _keys(found) and "up" in _keys(found) and "y" in _keys(found)
    parser = PasteParser(clock=Clock())
    list(parser.feed("\x1b"))
    assert parser._held == ""  # the Escape key goes to Textual at once, not held


def test_a_held_start_of_a_marker_that_gets_no_rest_is_typed_after_all() -> None:
    clock = Clock()
    parser = PasteParser(clock=clock)
    assert list(parser.feed("\x1b[2")) == []  # may be the start of ESC[200~
    assert list(parser.tick()) == []
    clock.now += HOLD
    found = list(parser.tick())
    assert not _pastes(found)


def test_input_that_ends_inside_a_paste_gives_what_was_pasted() -> None:
    parser = PasteParser(clock=Clock())
    list(parser.feed(f"{START}half a paste\x1b[20"))
    assert _pastes(list(parser.feed(""))) == ["half a paste\x1b[20"]


def test_marker_prefixes() -> None:
    assert marker_prefix("abc\x1b[20", END) == 4
    assert marker_prefix("abc\x1b", END) == 1
    assert marker_prefix("abc", END) == 0
    assert marker_prefix(END, END) == 0  # a whole marker is found, not held


def test_the_launcher_reads_the_terminal_with_the_paste_safe_driver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert paste_safe_driver() is PasteSafeDriver
    monkeypatch.setattr("textual.constants.DRIVER", "some.module:Driver")
    assert paste_safe_driver() is None  # TEXTUAL_DRIVER wins
