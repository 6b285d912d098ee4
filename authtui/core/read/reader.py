"""The paste reader's state machine: plain lines and ``curl -v`` lines in, messages out.

It reads one line at a time and never looks back, so a paste is read in linear time.
"""

from __future__ import annotations

from authtui.core.model import Header
from authtui.core.place import Span
from authtui.core.read.harvest import Harvest
from authtui.core.read.lines import (
    REQUEST,
    RESPONSE,
    Field,
    Start,
    bearer_credential,
    curl_connected,
    curl_tls,
    header_line,
    is_challenge,
    is_tokenish,
    named_without_colon,
    path_of,
    plausible,
    scheme_known,
    side_of,
    start_line,
)
from authtui.core.read.message import Msg, Notes, has_body, status_code
from authtui.core.read.places import Places

IDLE, HEADERS, BODY = "idle", "headers", "body"
"""The reader's states: between messages, in a header section, in a body."""


class Reader:
    """A line-by-line state machine over one paste."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.messages: list[Msg] = []
        self.msg: Msg | None = None
        self.state = IDLE
        self.harvest = Harvest(notes)
        self.curl_host: str | None = None
        self.curl_port: int | None = None
        self.curl_tls: bool | None = None
        """Whether curl spoke of TLS after its last ``Connected to`` (None: none seen)."""
        self.ignored = 0
        self.first_ignored = ""
        self.binary = 0
        self.places: Places | None = None
        """Where each line is in the paste (set by the caller before feeding lines)."""
        self.at = 0
        """The index of the line being read, for :attr:`places`."""
        self.body_first = self.body_last = -1
        """The first and last non-blank body lines of the open message (-1: none yet)."""

    def _span(self) -> Span | None:
        """Where the line being read is in the paste."""
        return self.places.span(self.at) if self.places is not None else None

    # -- entry points

    def feed(self, prefix: str | None, text: str) -> None:
        """Read one line; ``prefix`` is curl's ``>``, ``<`` or ``*``, else None."""
        if prefix is None:
            self._plain(text)
            return
        self.harvest.flush()
        if prefix == "*":
            self._curl_info(text)
        else:
            self._curl_line(REQUEST if prefix == ">" else RESPONSE, text)

    def may_start_command(self) -> bool:
        """Whether a command line here may start a command (rather than go on a body)."""
        return self.state != BODY or self.msg is None or not self.msg.body_text

    def command(self, msg: Msg) -> None:
        """Take a whole message read elsewhere (the request of a curl command)."""
        self.harvest.flush()
        self._end()
        self.messages.append(msg)

    def finish(self) -> None:
        """Close what is still open."""
        self.harvest.flush()
        self._end()
        if self.ignored:
            self.notes.add(
                "paste.ignored_text",
                f"{self.ignored} line(s) were not HTTP, a challenge or a token, and were ignored.",
                self.first_ignored,
            )
        if self.binary:
            self.notes.add(
                "paste.binary",
                f"{self.binary} line(s) held NUL bytes (binary data) and were ignored.",
            )

    # -- curl transcripts

    def _curl_info(self, text: str) -> None:
        connected = curl_connected(text)
        if connected is not None:
            self.curl_host, self.curl_port = connected
            self.curl_tls = False
        elif self.curl_tls is False and curl_tls(text):
            self.curl_tls = True

    def _curl_line(self, side: str, text: str) -> None:
        stripped = text.strip()
        msg = self.msg
        current = msg is not None and msg.kind == side and msg.source == "curl"
        if not stripped:
            if current and self.state == HEADERS:
                self.state = BODY if side == RESPONSE else IDLE
            return
        start = start_line(stripped)
        if start is not None:
            self._begin(start, "curl", stripped)
            return
        if not current or self.state != HEADERS:
            self._open(Msg(side, "curl"))
        self._header_section(text)

    # -- plain lines

    def _plain(self, line: str) -> None:
        stripped = line.strip()
        if self.harvest.pending:
            if self.harvest.continues(stripped):
                self.harvest.pend(stripped, self.at)
                return
            self.harvest.flush()
        if stripped.startswith("```"):
            self._end()
            return
        if "\x00" in line:
            self.binary += 1
            return
        msg = self.msg
        if self.state == BODY and msg is not None and self._body_takes(msg, stripped):
            msg.body.append(line)
            msg.body_text = msg.body_text or bool(stripped)
            if stripped:
                self._body_line()
            return
        if self.state == HEADERS:
            if not stripped:
                if msg is not None and not has_body(msg):
                    self._end()
                else:
                    self.state = BODY
                return
            if self._header_section(line):
                return
        self._classify(stripped)

    def _header_section(self, line: str) -> bool:
        """Read a line inside a header section; False when it is no header line at all."""
        msg = self.msg
        assert msg is not None
        if line[:1] in (" ", "\t"):
            self._fold(msg, line)
            return True
        found = header_line(line)
        if found is None:
            found = named_without_colon(line.strip())
            if found is not None:
                self.notes.add(
                    "paste.header_no_colon",
                    f"The {found.name} line has no colon after the name; read leniently.",
                    line,
                )
        if found is not None:
            self._add_header(msg, found, line)
            return True
        if msg.source == "curl":
            self.notes.add("paste.unreadable_line", "A header line has no colon.", line)
            return True
        return False

    def _fold(self, msg: Msg, line: str) -> None:
        if not msg.headers:
            self.notes.add("paste.unreadable_line", "An indented line follows no header.", line)
            return
        last = msg.headers[-1]
        msg.fold(line.strip(), self._span())
        self.notes.add(
            "paste.obs_fold",
            f"The {last.name} field continues on an indented line (obsolete line folding, "
            "RFC 9112 §5.2); the lines were joined with one space.",
            line,
        )

    def _body_takes(self, msg: Msg, stripped: str) -> bool:
        """Whether a line after the blank line still belongs to the message's body."""
        if start_line(stripped) is not None:
            return False
        if not stripped or msg.body_text:
            return True
        request_like = msg.kind == REQUEST or (msg.kind == "block" and not msg.has_response())
        found = header_line(stripped)
        if found is not None:
            key = found.name.lower()
            # Developer-tools header blocks come without bodies: another block of
            # headers after a blank line is more headers (Chrome's General, Response
            # Headers and Request Headers sections), not a body.
            block = msg.kind == "block"
            if ((request_like or block) and plausible(key)) or side_of(key) == REQUEST:
                return False
        return not (request_like and (is_challenge(stripped) or bearer_credential(stripped)))

    def _classify(self, stripped: str) -> None:
        """A line outside any header section or body (or one that ended it)."""
        if not stripped:
            self._end()
            return
        start = start_line(stripped)
        if start is not None:
            self._begin(start, "http", stripped)
            return
        in_headers = self.state == HEADERS and self.msg is not None
        if in_headers:
            assert self.msg is not None
            if self._in_section(self.msg, stripped):
                return
        elif self._starts_block(stripped):
            return
        if is_challenge(stripped) and (not in_headers or scheme_known(stripped)):
            self._bare_challenge(stripped)
        elif bearer_credential(stripped):
            self._end()
            self.harvest.add(stripped, self._span())
        elif scheme_known(stripped) and " " in stripped:
            self._end()
            self.notes.add(
                "paste.bare_credentials",
                "A scheme and credentials without a header name were ignored: paste them with "
                "their header (Authorization: ... or WWW-Authenticate: ...).",
                stripped,
            )
        elif " " not in stripped and is_tokenish(stripped):
            self._end()
            self.harvest.pend(stripped, self.at)
        elif in_headers:
            self.notes.add(
                "paste.unreadable_line", "A line inside a header block has no colon.", stripped
            )
        else:
            self._end()
            self.ignored += 1
            self.first_ignored = self.first_ignored or stripped

    def _in_section(self, msg: Msg, stripped: str) -> bool:
        """Lines in a header section that are not ``Name: value`` but still belong."""
        if not (is_challenge(stripped) and scheme_known(stripped)) or msg.kind == REQUEST:
            return False
        if msg.source != "challenge":
            self.notes.add(
                "paste.bare_challenge",
                "A challenge without its header name was read as a WWW-Authenticate field.",
                stripped,
            )
        msg.add(Header("WWW-Authenticate", stripped, self._span()))
        return True

    def _starts_block(self, stripped: str) -> bool:
        found = header_line(stripped)
        if found is None:
            found = named_without_colon(stripped)
            if found is not None:
                self.notes.add(
                    "paste.header_no_colon",
                    f"The {found.name} line has no colon after the name; read leniently.",
                    stripped,
                )
        if found is None or not (found.name.startswith(":") or plausible(found.name.lower())):
            return False
        self._open(Msg("block", "headers"))
        assert self.msg is not None
        self._add_header(self.msg, found, stripped)
        return True

    def _bare_challenge(self, stripped: str) -> None:
        msg = self.msg
        if not (self.state == HEADERS and msg is not None and msg.source == "challenge"):
            self._open(Msg("block", "challenge"))
            msg = self.msg
            assert msg is not None
        msg.add(Header("WWW-Authenticate", stripped, self._span()))

    # -- headers and messages

    def _add_header(self, msg: Msg, found: Field, line: str) -> None:
        if found.name.startswith(":"):
            self._pseudo(msg, found, line)
            return
        if found.spaced:
            self.notes.add(
                "paste.header_space",
                f"White space stands between {found.name} and its colon (not allowed by "
                "RFC 9112 §5.1); read leniently.",
                line,
            )
        header = Header(found.name, found.value, self._span())
        key = header.key
        if key == "www-authentication":
            self.notes.add(
                "challenge.header_misspelled",
                f"The header is named {found.name}; the standard name is WWW-Authenticate "
                "(RFC 9110 §11.6.1), and clients ignore the misspelling.",
                line,
            )
        if key == "status" and msg.kind == "block" and msg.status is None:
            msg.status = status_code(found.value.split(" ", 1)[0], self.notes, line)
            msg.status_span = header.span
        msg.add(header)

    def _pseudo(self, msg: Msg, found: Field, line: str) -> None:
        key, value = found.name.lower(), found.value
        if key == ":status":
            code, _, reason = value.partition(" ")
            msg.status = status_code(code, self.notes, line)
            msg.reason = reason.strip() or msg.reason
            msg.status_span = self._span()
        elif key == ":method":
            msg.method = value or None
            msg.start_span = msg.start_span or self._span()
        elif key == ":path":
            msg.target = value or None
        elif key == ":authority":
            msg.authority = value or None
        elif key == ":scheme":
            msg.scheme = value or None
        elif key == ":url" and value:
            msg.url = value
            msg.target = msg.target or path_of(value)
        if key in (":status", ":method", ":path", ":authority", ":url"):
            msg.add(Header(key, value, self._span()))  # a side marker, dropped later

    def _begin(self, start: Start, source: str, line: str) -> None:
        msg = Msg(start.kind, source, method=start.method, target=start.target)
        msg.version = start.version
        msg.start_span = self._span()
        if start.kind == RESPONSE:
            msg.status = status_code(start.code or "", self.notes, line)
            msg.reason = start.reason
        self._open(msg)

    def _open(self, msg: Msg) -> None:
        self._end()
        if msg.source == "curl" and msg.kind == REQUEST:
            msg.curl_host, msg.curl_port = self.curl_host, self.curl_port
            msg.curl_tls = self.curl_tls
        self.msg = msg
        self.state = HEADERS

    def _body_line(self) -> None:
        """A non-blank body line: the body's span runs from the first to this one."""
        if self.body_first < 0:
            self.body_first = self.at
        self.body_last = self.at

    def _end(self) -> None:
        msg = self.msg
        if msg is not None:
            if self.body_first >= 0 and self.places is not None:
                msg.body_span = self.places.span(self.body_first, self.body_last)
            self.messages.append(msg)
        self.msg = None
        self.state = IDLE
        self.body_first = self.body_last = -1
