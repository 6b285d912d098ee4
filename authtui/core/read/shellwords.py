"""Shell words: split a pasted command line the way bash or Windows ``cmd`` would.

Hand-written scanners read one line at a time in a single pass (bash: single and
double quotes, ``$'...'`` ANSI-C quoting, backslash escapes and ``\\`` line
continuations; cmd: ``^`` escapes and continuations, then the Microsoft C runtime's
argument rules). Nothing is expanded or run; shell variables are listed. They never
raise, and their work is linear in the text they read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_WORDS = 4096
"""Most words kept from one command; the rest are dropped (``too_many`` is set)."""

_BASH_PLAIN = re.compile(r"[^ \t'\"\\$|;&<>()#]*")  # one class: no backtracking
_DOUBLE_PLAIN = re.compile(r"[^\"\\$]*")
_ANSI_PLAIN = re.compile(r"[^'\\]*")
_CMD_PLAIN = re.compile(r"[^\"^&|<>]*")
_CRT_PLAIN = re.compile(r"[^\\\" \t\n]*")
_CRT_QUOTED = re.compile(r"[^\\\"]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "e": "\x1b",
    "E": "\x1b",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "?": "?",
}
_HEX = frozenset("0123456789abcdefABCDEF")
_OCTAL = frozenset("01234567")


@dataclass(slots=True)
class Split:
    """The words of one command and where it ended."""

    words: list[str] = field(default_factory=list)
    end: int = 0
    """Index of the first line after the command."""
    unclosed: bool = False
    """A quote was still open where the command had to end."""
    variables: list[str] = field(default_factory=list)
    """Shell variables left as written (``$TOKEN``), in order, once each."""
    too_many: bool = False
    """Over :data:`MAX_WORDS` words: the rest were dropped."""
    spanned: int = 0
    """Characters read inside quotes that ran over a line break."""


class _Words:
    """Word assembly shared by the scanners."""

    def __init__(self) -> None:
        self.split = Split()
        self.parts: list[str] = []
        self.in_word = False

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.in_word = True

    def end_word(self) -> None:
        if not self.in_word:
            return
        if len(self.split.words) < MAX_WORDS:
            self.split.words.append("".join(self.parts))
        else:
            self.split.too_many = True
        self.parts = []
        self.in_word = False

    def variable(self, name: str) -> None:
        if name not in self.split.variables and len(self.split.variables) < 16:
            self.split.variables.append(name)


class _Bash(_Words):
    """bash's quoting rules, one line at a time."""

    def __init__(self, close_at_eol: bool) -> None:
        super().__init__()
        self.quote = ""  # "", "'", '"' or "$'"
        self.close_at_eol = close_at_eol
        self.stopped = False
        self.tail = -1

    def line(self, text: str) -> bool:
        """Read one line; True when the command goes on to the next line."""
        i, n = 0, len(text)
        self.tail = len(text.rstrip(" \t")) - 1  # a backslash here continues the line
        while i < n:
            if self.quote == "'":
                j = text.find("'", i)
                if j < 0:
                    self.add(text[i:])
                    i = n
                else:
                    self.add(text[i:j])
                    self.quote, i = "", j + 1
            elif self.quote == '"':
                i = self._double(text, i)
                if i < 0:
                    return True  # backslash-newline inside double quotes
            elif self.quote == "$'":
                i = self._ansi(text, i)
            else:
                i = self._plain(text, i)
                if i < 0:
                    return not self.stopped
        return self._eol()

    def _eol(self) -> bool:
        if self.quote and not self.close_at_eol:
            self.add("\n")
            return True
        if self.quote:
            self.quote, self.split.unclosed = "", True
        self.end_word()
        return False

    def _plain(self, text: str, i: int) -> int:
        """Unquoted text from ``i``; -1 when the line (and maybe the command) ends here."""
        j = _BASH_PLAIN.match(text, i)
        end = j.end() if j else i
        if end > i:
            self.add(text[i:end])
            return end
        c = text[i]
        if c in " \t":
            self.end_word()
        elif c == "'" or c == '"':
            self.quote = c
            self.add("")
        elif c == "\\":
            if i == self.tail:
                return -1  # a line continuation: the word goes on on the next line
            self.add(text[i + 1 : i + 2])
            return i + 2
        elif c == "$":
            return self._dollar(text, i)
        elif c == "#" and not self.in_word:
            self.end_word()
            self.stopped = True
            return -1
        elif c == "#":
            self.add(c)
        else:  # | ; & < > ( ): the command ends (a pipe, a redirection, the next command)
            if c in "<>" and "".join(self.parts).isdigit():
                self.parts, self.in_word = [], False  # 2>&1: a file descriptor, not a word
            self.end_word()
            self.stopped = True
            return -1
        return i + 1

    def _dollar(self, text: str, i: int) -> int:
        nxt = text[i + 1 : i + 2]
        if nxt == "'":
            self.quote = "$'"
            self.add("")
            return i + 2
        if nxt == '"':
            self.quote = '"'
            self.add("")
            return i + 2
        return self._variable(text, i)

    def _variable(self, text: str, i: int) -> int:
        """``$NAME`` or ``${NAME}``: kept as written, and listed."""
        brace = text[i + 1 : i + 2] == "{"
        found = _NAME.match(text, i + 1 + brace)
        if found is None:
            self.add("$")
            return i + 1
        end = found.end()
        if brace and text[end : end + 1] == "}":
            end += 1
        self.variable(found.group())
        self.add(text[i:end])
        return end

    def _double(self, text: str, i: int) -> int:
        """Inside double quotes from ``i``; -1 for a backslash-newline continuation."""
        j = _DOUBLE_PLAIN.match(text, i)
        end = j.end() if j else i
        if end > i:
            self.add(text[i:end])
            return end
        c = text[i]
        if c == '"':
            self.quote = ""
            return i + 1
        if c == "$":
            return self._variable(text, i)
        if i + 1 == len(text):
            return -1  # backslash at the end of the line: a continuation
        nxt = text[i + 1]
        self.add(nxt if nxt in '$`"\\' else "\\" + nxt)
        return i + 2

    def _ansi(self, text: str, i: int) -> int:
        """Inside ``$'...'`` from ``i``."""
        j = _ANSI_PLAIN.match(text, i)
        end = j.end() if j else i
        if end > i:
            self.add(text[i:end])
            return end
        if text[i] == "'":
            self.quote = ""
            return i + 1
        char, end = _ansi_escape(text, i + 1)
        self.add(char)
        return end


def _ansi_escape(text: str, i: int) -> tuple[str, int]:
    """The escape after a backslash at ``text[i - 1]`` in ``$'...'``; the text and where
    reading goes on."""
    if i >= len(text):
        return "\\", i
    c = text[i]
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c], i + 1
    if c in "xuU":
        width = {"x": 2, "u": 4, "U": 8}[c]
        end = i + 1
        while end < len(text) and end - i - 1 < width and text[end] in _HEX:
            end += 1
        if end == i + 1:
            return "\\" + c, i + 1
        return _char(int(text[i + 1 : end], 16)), end
    if c in _OCTAL:
        end = i
        while end < len(text) and end - i < 3 and text[end] in _OCTAL:
            end += 1
        return _char(int(text[i:end], 8) & 0xFF), end
    if c == "c" and i + 1 < len(text):
        return _char(ord(text[i + 1]) & 0x1F), i + 2
    return "\\" + c, i + 1


def _char(code: int) -> str:
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


class _Cmd:
    """cmd.exe's first pass: ``^`` escapes and continuations, quotes toggling it off."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.quote = False
        self.escape_next = False
        self.unclosed = False

    def line(self, text: str) -> bool:
        """Read one line; True when the command goes on to the next line."""
        i, n = 0, len(text)
        tail = len(text.rstrip(" \t")) - 1  # a caret here continues the line
        if self.escape_next:  # the first character after a ^ continuation is literal
            self.escape_next = False
            if not text:
                self.out.append("\n")  # ^ + two line breaks: a line break in a value
                return True
            self.out.append(text[0])
            i = 1
        while i < n:
            if self.quote:
                j = text.find('"', i)
                if j < 0:
                    self.out.append(text[i:])
                    break
                self.out.append(text[i : j + 1])
                self.quote, i = False, j + 1
                continue
            found = _CMD_PLAIN.match(text, i)
            end = found.end() if found else i
            self.out.append(text[i:end])
            if end >= n:
                break
            c = text[end]
            if c == '"':
                self.quote = True
                self.out.append(c)
                i = end + 1
            elif c == "^":
                if end == tail:
                    self.escape_next = True
                    return True
                self.out.append(text[end + 1])
                i = end + 2
            else:  # & | < >: the command ends
                return False
        if self.quote:
            self.quote, self.unclosed = False, True
        return False


def crt_words(text: str) -> list[str]:
    """Split a command line by the Microsoft C runtime's rules (after cmd's own pass):
    white space separates, ``"`` quotes, backslashes escape only before a quote, and
    ``""`` inside quotes is one quote."""
    words: _Words = _Words()
    i, n, quoted = 0, len(text), False
    while i < n:
        found = (_CRT_QUOTED if quoted else _CRT_PLAIN).match(text, i)
        end = found.end() if found else i
        if end > i:
            words.add(text[i:end])
            i = end
            continue
        c = text[i]
        if c == "\\":
            j = i
            while j < n and text[j] == "\\":
                j += 1
            count = j - i
            if j < n and text[j] == '"':
                words.add("\\" * (count // 2) + ('"' if count % 2 else ""))
                i = j + 1 if count % 2 else j
            else:
                words.add("\\" * count)
                i = j
        elif c == '"':
            if quoted and text[i + 1 : i + 2] == '"':
                words.add('"')
                i += 2
            else:
                words.add("")
                quoted, i = not quoted, i + 1
        else:
            words.end_word()
            i += 1
    words.end_word()
    return words.split.words


def is_cmd(first: str) -> bool:
    """Whether a command line is Windows cmd flavoured (``^`` continuations or escapes)."""
    return first.rstrip(" \t").endswith("^") or '^"' in first


def split_command(lines: Sequence[str], start: int, first: str, budget: int) -> Split:
    """Split the command that begins on ``lines[start]`` (``first`` is that line
    without its prompt), bash or cmd flavoured.

    A bash quote may run over line breaks for at most ``budget`` characters; past it,
    or when it never closes, quotes close at their line's end and ``unclosed`` is set.
    """
    if is_cmd(first):
        return _split_cmd(lines, start, first)
    split = _split_bash(lines, start, first, budget, close_at_eol=False)
    if split.unclosed:
        spanned = split.spanned
        split = _split_bash(lines, start, first, 0, close_at_eol=True)
        split.unclosed, split.spanned = True, spanned
    return split


def _split_bash(
    lines: Sequence[str], start: int, first: str, budget: int, close_at_eol: bool
) -> Split:
    bash = _Bash(close_at_eol)
    k, text = start, first
    while True:
        spanning = bool(bash.quote)
        if spanning:
            bash.split.spanned += len(text) + 1
        more = bash.line(text)
        k += 1
        if not more or k >= len(lines):
            break
        if bash.quote and bash.split.spanned > budget:
            bash.quote, bash.split.unclosed = "", True
            break
        text = lines[k]
    if bash.quote:
        bash.split.unclosed = True
    bash.end_word()
    bash.split.end = k
    return bash.split


def _split_cmd(lines: Sequence[str], start: int, first: str) -> Split:
    cmd = _Cmd()
    k, text = start, first
    while True:
        more = cmd.line(text)
        k += 1
        if not more or k >= len(lines):
            break
        text = lines[k]
    words = crt_words("".join(cmd.out))
    split = Split(words=words[:MAX_WORDS], end=k, unclosed=cmd.unclosed)
    split.too_many = len(words) > MAX_WORDS
    return split
