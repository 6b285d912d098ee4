"""A pasted curl command ("Copy as cURL" from a browser or Postman) as a request.

The command's words (see :mod:`shellwords`) are read the way curl reads its
options: ``-X``/``--request``, ``-H``/``--header``, ``-u``/``--user`` (a Basic
``Authorization``), ``--oauth2-bearer`` (a Bearer one), ``-d``/``--data*`` and
``--json`` (the body, form-urlencoded by default), ``-b``/``--cookie``, ``-G``,
``-I``. Nothing is run or fetched; values read from files are noted, not read.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from authtui.core.model import Header, Note
from authtui.core.read.shellwords import Split, split_command

_PROMPTS = ("$ ", "% ", "> ")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VALUE_SHORT = {
    "X": "request",
    "H": "header",
    "d": "data",
    "u": "user",
    "b": "cookie",
    "A": "user-agent",
    "e": "referer",
    "F": "form",
    "T": "upload-file",
    "K": "config",
    **dict.fromkeys("cCDEmoPQrtUwxyYz", ""),
}
_FLAG_SHORT = {"G": "get", "I": "head"}
_LONG_VALUE = _words(
    """url request header user oauth2-bearer data data-raw data-ascii data-binary
    data-urlencode json cookie user-agent referer form form-string upload-file config
    output write-out connect-timeout max-time cacert capath cert cert-type key key-type
    pass proxy proxy-user proxy-header resolve connect-to cookie-jar range retry
    retry-delay retry-max-time limit-rate max-redirs dump-header interface local-port
    speed-time speed-limit time-cond trace trace-ascii stderr continue-at aws-sigv4
    ciphers tls-max noproxy unix-socket abstract-unix-socket quote expect100-timeout
    happy-eyeballs-timeout-ms dns-servers variable url-query request-target pinnedpubkey
    crlfile proxy-cacert proxy-cert proxy-key max-filesize netrc-file output-dir socks5
    socks5-hostname socks4 socks4a preproxy login-options sasl-authzid service-name
    delegation krb tlsuser tlspassword ftp-port mail-from mail-rcpt mail-auth hostpubmd5
    hostpubsha256 engine keepalive-time etag-save etag-compare alt-svc hsts doh-url
    curves proto proto-default proto-redir rate parallel-max telnet-option"""
)
_DATA = frozenset({"data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "json"})
_RUNTIME_AUTH = frozenset({"digest", "ntlm", "ntlm-wb", "negotiate", "anyauth", "aws-sigv4"})
_FORM = "application/x-www-form-urlencoded"


def command_text(line: str) -> str | None:
    """The curl command on this line without its shell prompt, or None when the line
    does not start a curl command (``curl`` then an option, a quote or a URL)."""
    text = line.strip()
    if text.startswith(_PROMPTS):
        text = text[2:].lstrip()
    elif text[1:3] == ":\\" and ">" in text[:260]:  # C:\Users\me>curl ...
        text = text[text.index(">") + 1 :].lstrip()
    elif text.startswith("PS ") and "> " in text[:260]:
        text = text[text.index("> ") + 2 :].lstrip()
    if not text.startswith("curl"):
        return None
    rest = text[8:] if text[4:8] == ".exe" else text[4:]
    if rest[:1] not in (" ", "\t"):
        return None
    first = rest.split(None, 1)[0] if rest.strip() else ""
    if first[:1] in ("-", "'", '"', "^", "$") or "://" in first:
        return text
    return text if ("." in first or "/" in first) and first[:1].isalnum() else None


@dataclass(frozen=True, slots=True)
class CurlRequest:
    """The request a curl command would send (as far as the command shows it)."""

    method: str
    target: str
    """Origin form: path and query (``/orders?x=1``)."""
    url: str
    headers: tuple[Header, ...]
    body: str


@dataclass(frozen=True, slots=True)
class CurlRead:
    """What reading one curl command gave."""

    request: CurlRequest | None
    """None when the command names no URL."""
    end: int
    """Index of the first line after the command."""
    spanned: int = 0
    """Characters read inside quotes that ran over line breaks (counted against the
    paste's :data:`~authtui.core.limits.MAX_QUOTE_SPAN`)."""
    notes: tuple[Note, ...] = ()


@dataclass(slots=True)
class _Options:
    """What the options said, before the request is put together."""

    method: str | None = None
    urls: list[str] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    json: bool = False
    sends_data: bool = False
    """A data option was given (even one whose value is in a file)."""
    get: bool = False
    head: bool = False
    form: bool = False
    upload: bool = False
    user: str | None = None
    bearer: str | None = None
    runtime_auth: str | None = None
    cookies: list[str] = field(default_factory=list)
    extra: list[Header] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def note(self, code: str, message: str, evidence: str = "") -> None:
        """Add a reader note (a few of each code at most)."""
        if sum(n.code == code for n in self.notes) < 3:
            self.notes.append(Note(code, message, evidence[:120]))


def read_command(lines: Sequence[str], start: int, first: str, budget: int) -> CurlRead:
    """Read the curl command that starts on ``lines[start]`` (``first``: that line
    without its prompt, from :func:`command_text`); a quote may run over line breaks for
    ``budget`` characters. Never raises."""
    split = split_command(lines, start, first, budget)
    options = _Options()
    _read_options(split.words[1:], options)
    _split_notes(split, options)
    request = None
    if options.urls:
        request = _request(options)
    else:
        options.note("paste.curl_no_url", "A curl command names no URL; it was not read.")
    return CurlRead(request, split.end, split.spanned, tuple(options.notes))


def _split_notes(split: Split, options: _Options) -> None:
    if split.unclosed:
        options.note(
            "paste.curl_unclosed_quote",
            "A quote in the curl command is never closed; each line was read as if it "
            "closed at the line's end.",
        )
    for name in split.variables:
        options.note(
            "paste.curl_variable",
            f"The curl command uses the shell variable ${name}, which was not expanded: "
            "paste the command with its value (or echo it) to have it checked.",
            f"${name}",
        )
    if split.too_many:
        options.note(
            "paste.curl_too_long", "The curl command has too many words; the rest were ignored."
        )


def _read_options(words: list[str], options: _Options) -> None:
    i, n, only_urls = 0, len(words), False
    while i < n:
        word = words[i]
        value = words[i + 1] if i + 1 < n else None
        if only_urls or not word.startswith("-") or word == "-":
            options.urls.append(word)
        elif word == "--":
            only_urls = True
        elif word.startswith("--"):
            name = word[2:]
            if name in _LONG_VALUE:
                _apply(name, value, options)
                i += 1
            else:
                _flag(name, options)
        else:
            i += _short(word, value, options)
        i += 1


def _short(word: str, value: str | None, options: _Options) -> int:
    """A cluster of short options (``-sSL``, ``-XPOST``); returns 1 when it took the
    next word as its value."""
    for j in range(1, len(word)):
        letter = word[j]
        name = _VALUE_SHORT.get(letter)
        if name is not None:
            attached = word[j + 1 :]
            _apply(name, attached or value, options)
            return 0 if attached else 1
        _flag(_FLAG_SHORT.get(letter, ""), options)
    return 0


def _flag(name: str, options: _Options) -> None:
    if name == "get":
        options.get = True
    elif name == "head":
        options.head = True
    elif name in _RUNTIME_AUTH:
        options.runtime_auth = name


def _apply(name: str, value: str | None, options: _Options) -> None:
    if value is None:
        return
    if name == "url":
        options.urls.append(value)
    elif name == "request":
        options.method = value
    elif name == "header":
        _header(value, options)
    elif name == "user":
        options.user = value
    elif name == "oauth2-bearer":
        options.bearer = value
    elif name in _DATA:
        _data(name, value, options)
    elif name == "cookie":
        _cookie(value, options)
    elif name == "user-agent":
        options.extra.append(Header("User-Agent", value))
    elif name == "referer":
        options.extra.append(Header("Referer", value.removesuffix(";auto")))
    elif name in ("form", "form-string"):
        options.form = True
    elif name == "upload-file":
        options.upload = True
    elif name == "aws-sigv4":
        options.runtime_auth = name
    elif name == "config":
        _from_file(options, "-K " + value)


def _from_file(options: _Options, evidence: str) -> None:
    options.note(
        "paste.curl_file",
        "The curl command reads a value from a file, which is not in the paste; paste "
        "what the file holds to have it checked.",
        evidence,
    )


def _header(value: str, options: _Options) -> None:
    if value.startswith("@"):
        _from_file(options, "-H " + value)
        return
    name, colon, rest = value.partition(":")
    if colon:
        if rest.strip(" \t"):  # "Name:" with nothing after it removes a header
            options.headers.append(Header(name.strip(" \t"), rest.strip(" \t")))
        return
    if value.endswith(";") and value[:-1].strip():
        options.headers.append(Header(value[:-1].strip(), ""))  # "Name;": an empty header
        return
    options.note("paste.curl_bad_header", "A curl -H value has no colon; curl ignores it.", value)


def _data(name: str, value: str, options: _Options) -> None:
    options.sends_data = True
    if name == "json":
        options.json = True
    if name == "data-urlencode":
        value = _urlencode(value, options)
    elif name != "data-raw" and value.startswith("@"):
        _from_file(options, f"--{name} {value}")
        return
    options.data.append(value)


def _urlencode(value: str, options: _Options) -> str:
    key, eq, content = value.partition("=")
    if eq:
        return f"{key}={quote(content, safe='')}" if key else quote(content, safe="")
    if "@" in value:
        _from_file(options, "--data-urlencode " + value)
        return ""
    return quote(value, safe="")


def _cookie(value: str, options: _Options) -> None:
    if "=" in value:
        options.cookies.append(value)
    else:
        _from_file(options, "-b " + value)  # a cookie file


def _request(options: _Options) -> CurlRequest:
    if len(options.urls) > 1:
        options.note(
            "paste.curl_more_urls",
            f"The curl command names {len(options.urls)} URLs; only the first was read.",
            options.urls[1],
        )
    url, userinfo = _split_url(options.urls[0])
    body = "&".join(options.data)
    if options.get and options.data:
        url += ("&" if "?" in url else "?") + body
        body = ""
    headers = _auth_headers(options, userinfo) + options.headers
    keys = {h.key for h in headers}
    for header in _implied_headers(options, bool(body)):
        if header.key not in keys:
            headers.append(header)
    return CurlRequest(
        method=_method(options),
        target=_target(url),
        url=url,
        headers=tuple(headers),
        body=body,
    )


def _method(options: _Options) -> str:
    if options.method:
        return options.method
    if options.head:
        return "HEAD"
    if options.get:
        return "GET"
    if options.sends_data or options.form:
        return "POST"
    return "PUT" if options.upload else "GET"


def _split_url(raw: str) -> tuple[str, str | None]:
    """The URL curl would fetch (``http://`` when no scheme is given, no fragment, no
    user info) and the user info it carried."""
    url = raw.strip().partition("#")[0]
    scheme, sep, rest = url.partition("://")
    if not sep or not scheme.isalpha():
        scheme, rest = "http", url
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, tail = rest[:cut], rest[cut:]
    userinfo, at, host = authority.rpartition("@")
    if not at:
        return f"{scheme.lower()}://{authority}{tail}", None
    return f"{scheme.lower()}://{host}{tail}", userinfo


def _target(url: str) -> str:
    rest = url.partition("://")[2]
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    tail = rest[cut:]
    return tail if tail.startswith("/") else "/" + tail


def _auth_headers(options: _Options, userinfo: str | None) -> list[Header]:
    given = any(h.key == "authorization" for h in options.headers)
    user = options.user
    if user is None and userinfo is not None:
        user = unquote(userinfo)  # https://user:pass@host/: curl sends Basic credentials
    derived: list[Header] = []
    if options.bearer is not None:
        derived.append(Header("Authorization", f"Bearer {options.bearer}"))
    elif user is not None and options.runtime_auth:
        options.note(
            "paste.curl_auth_runtime",
            f"curl computes the Authorization header for --{options.runtime_auth} while it "
            "runs; paste the curl -v output to see what it sent.",
            f"--{options.runtime_auth}",
        )
    elif user is not None and ":" not in user:
        options.note(
            "paste.curl_user_no_password",
            "curl -u names a user but no password; curl asks for it when it runs, so the "
            "Authorization header it sends is not in the paste.",
            user,
        )
    elif user is not None:
        encoded = base64.b64encode(user.encode("utf-8", "surrogatepass")).decode("ascii")
        derived.append(Header("Authorization", f"Basic {encoded}"))
    if derived and given:
        options.note(
            "paste.curl_auth_overridden",
            "The curl command sets an Authorization header with -H and credentials with -u "
            "or --oauth2-bearer; curl sends the -H one, which was read.",
        )
        return []
    return derived


def _implied_headers(options: _Options, has_body: bool) -> list[Header]:
    """Headers curl adds from options: cookies, agent, referer, content type."""
    implied = list(options.extra)
    if options.cookies:
        implied.append(Header("Cookie", "; ".join(options.cookies)))
    if options.json:
        implied.append(Header("Content-Type", "application/json"))
        implied.append(Header("Accept", "application/json"))
    elif options.form:
        implied.append(Header("Content-Type", "multipart/form-data"))
    elif has_body:
        implied.append(Header("Content-Type", _FORM))
    return implied
