"""Read ``Authorization``-style credentials leniently, noting every deviation.

The cleaned token comes back ready to decode, and what had to be cleaned (quotes,
white space, a doubled or glued scheme, a missing scheme) is noted with the
contract's ``authz.*`` codes. Parameter credentials (Digest, OAuth 1) are read
with the challenge reader. Linear in the input, never raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import digits

from authtui.core.http.challenges import parse_challenges
from authtui.core.http.scan import (
    NEWLINES,
    STOP_VALUE,
    STOP_WORD,
    WS,
    is_token,
    peek,
    scan_until,
    skip_ws,
    visible,
)
from authtui.core.model import Credentials, Note

KNOWN_SCHEMES: frozenset[str] = frozenset(
    {
        "basic",
        "bearer",
        "digest",
        "dpop",
        "hoba",
        "mutual",
        "negotiate",
        "ntlm",
        "oauth",
        "scram-sha-1",
        "scram-sha-256",
        "vapid",
        "aws4-hmac-sha256",
        "token",
        "jwt",
        "apikey",
        "privatetoken",
        "concealed",
        "gnap",
    }
)
"""Lower-case authentication schemes seen in the wild (IANA registry and common ones)."""

_NOT_TOKEN68 = re.compile(r"[^A-Za-z0-9\-._~+/]")
"""One character outside ``TOKEN68_CHARS`` (a single class: linear, no backtracking)."""
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_PARAM_SCHEMES = frozenset({"digest", "oauth", "mutual", "hoba", "aws4-hmac-sha256"})
_TOKEN68_SCHEMES = frozenset({"bearer", "dpop", "basic", "negotiate", "ntlm", "token", "jwt"})
_GLUE_SCHEMES = ("bearer", "dpop", "basic")
_CASE_CHECKED = {"bearer": "Bearer", "dpop": "DPoP"}


def _first_invalid(token: str) -> tuple[int, str] | None:
    """Position (0-based) and character of the first char outside RFC 6750 b64token."""
    found = _NOT_TOKEN68.search(token.rstrip("="))
    return (found.start(), found.group()) if found else None


def _looks_like_token(word: str) -> bool:
    """A lone word that is a token rather than a scheme name."""
    bare = word.strip(_QUOTES)
    if not bare or not is_token(word):
        return bool(bare)
    return "." in bare or len(bare) > 20 or any(c in digits or c in "_~+/=" for c in bare)


def _glued(word: str) -> tuple[str, str] | None:
    """``Bearereyj…`` / ``Bearer{token}``: the scheme and what is glued to it."""
    lower = word.lower()
    for scheme in _GLUE_SCHEMES:
        if lower.startswith(scheme) and len(word) > len(scheme):
            rest = word[len(scheme) :]
            if len(rest) >= 8 or rest[0] in "{$<[(" + _QUOTES or rest.startswith("eyJ"):
                return word[: len(scheme)], rest
    return None


def _split_word(text: str) -> tuple[str, str, str]:
    """First word, the white space after it, and the rest."""
    end = scan_until(text, 0, WS)
    rest_at = skip_ws(text, end)
    return text[:end], text[end:rest_at], text[rest_at:]


def _describe_ws(ws: str) -> str:
    if "\n" in ws or "\r" in ws:
        return "a line break"
    if "\t" in ws:
        return "a tab"
    return f"{len(ws)} spaces"


def _clean_token(token: str, notes: list[Note]) -> str | None:
    """Remove quotes and white space from a token, noting each; flag invalid chars."""
    text = token
    if text and (text[0] in _QUOTES or text[-1] in _QUOTES):
        text = text.strip(_QUOTES)
        notes.append(
            Note(
                "authz.quoted_token",
                "The token is wrapped in quotes; they become part of what the server reads.",
                peek(token),
            )
        )
    if not WS.isdisjoint(text):
        where = "a line break inside" if not NEWLINES.isdisjoint(text) else "white space inside"
        notes.append(
            Note(
                "authz.whitespace",
                f"The token has {where} it; it was removed to read the token.",
                visible(peek(text)),
            )
        )
        text = "".join(c for c in text if c not in WS)
    if not text:
        notes.append(Note("authz.empty_credentials", "The credentials hold no token.", ""))
        return None
    bad = _first_invalid(text)
    if bad is not None:
        index, ch = bad
        window = text[max(0, index - 4) : index + 5]
        notes.append(
            Note(
                "authz.invalid_chars",
                f"The token holds {ch!r} at position {index + 1}, which RFC 6750 b64token "
                "does not allow.",
                visible(window),
            )
        )
    return text


def _split_multiple(rest: str) -> tuple[str, str | None]:
    """``x, Basic y``: the first credential's text and the next scheme, if any."""
    n = len(rest)
    pos = rest.find(",")
    while 0 <= pos < n:
        start = skip_ws(rest, pos + 1)
        end = scan_until(rest, start, STOP_VALUE)
        if rest[start:end].lower() in KNOWN_SCHEMES:
            return rest[:pos], rest[start:end]
        pos = rest.find(",", max(end, pos + 1))
    return rest, None


def _wants_params(scheme_key: str, rest: str) -> bool:
    if scheme_key in _PARAM_SCHEMES:
        return True
    if scheme_key in _TOKEN68_SCHEMES:
        return False
    name_end = scan_until(rest, 0, STOP_WORD)
    eq = skip_ws(rest, name_end)
    if name_end == 0 or eq >= len(rest) or rest[eq] != "=":
        return False
    value = skip_ws(rest, eq + 1)
    return value < len(rest) and rest[value] not in "=,"


@dataclass(slots=True)
class _Creds:
    """Credentials being read."""

    scheme: str | None = None
    token: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def _read_single(word: str, bare_ok: bool, out: _Creds) -> None:
    """A value of one word: a scheme alone, a glued scheme, or a bare token."""
    glued = _glued(word)
    if word.lower() in KNOWN_SCHEMES:
        out.scheme = word
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {word!r} has no token after it.", word)
        )
    elif glued is not None:
        out.scheme, rest = glued
        out.notes.append(
            Note(
                "authz.no_space",
                f"The token is glued to the scheme {out.scheme!r} with no space.",
                peek(word),
            )
        )
        out.token = _clean_token(rest, out.notes)
    elif bare_ok or _looks_like_token(word):
        _read_bare(word, bare_ok, out)
    else:
        out.scheme = word
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {word!r} has no token after it.", word)
        )


def _read_bare(text: str, bare_ok: bool, out: _Creds) -> None:
    if not bare_ok:
        out.notes.append(
            Note(
                "authz.no_scheme",
                "The token is sent bare, with no scheme such as 'Bearer ' in front.",
                peek(text),
            )
        )
    out.token = _clean_token(text, out.notes)


def _read_scheme_and_rest(scheme: str, ws: str, rest: str, out: _Creds) -> None:
    key = scheme.lower()
    out.scheme = scheme
    wanted = _CASE_CHECKED.get(key)
    if wanted is not None and scheme != wanted:
        out.notes.append(
            Note("authz.scheme_case", f"The scheme is written {scheme!r}, not {wanted!r}.", scheme)
        )
    if ws != " ":
        out.notes.append(
            Note(
                "authz.whitespace",
                f"The scheme is followed by {_describe_ws(ws)} instead of one space.",
                visible(f"{scheme}{ws}"),
            )
        )
    rest = _drop_double_scheme(scheme, rest, out)
    if not rest:
        out.notes.append(
            Note("authz.empty_credentials", f"The scheme {scheme!r} has no token after it.", scheme)
        )
    elif _wants_params(key, rest):
        _read_params(f"{scheme} {rest}", out)
    else:
        first, other = _split_multiple(rest)
        if other is not None:
            out.notes.append(
                Note(
                    "authz.multiple",
                    f"One value carries two credentials: {scheme} and {other}.",
                    f"{scheme} …, {other} …",
                )
            )
        out.token = _clean_token(first.strip(" \t"), out.notes)


def _drop_double_scheme(scheme: str, rest: str, out: _Creds) -> str:
    """``Bearer Bearer x``: drop the repeated scheme words."""
    key = scheme.lower()
    pos = 0
    while pos < len(rest):
        end = scan_until(rest, pos, WS)
        if rest[pos:end].lower().rstrip(":") != key:
            break
        pos = skip_ws(rest, end)
    if pos:
        out.notes.append(
            Note("authz.double_scheme", f"The scheme {scheme!r} is written twice.", scheme)
        )
    return rest[pos:]


def _read_params(text: str, out: _Creds) -> None:
    found, field_notes = parse_challenges(text, "Authorization")
    out.notes.extend(field_notes)
    if not found:
        return
    out.params = dict(found[0].params)
    out.token = found[0].token68
    out.notes.extend(found[0].notes)
    if len(found) > 1:
        out.notes.append(
            Note(
                "authz.multiple",
                f"One value carries more than one credential ({found[1].scheme} follows).",
                found[1].scheme,
            )
        )


def _colon_scheme(word: str) -> bool:
    """``Bearer:`` copied with the colon of a header line."""
    return word.endswith(":") and word[:-1].lower() in KNOWN_SCHEMES


def _parse(value: str, field_name: str, bare_ok: bool) -> Credentials:
    out = _Creds()
    text = value.strip(" \t\r\n")
    if text and value.rstrip(" \t\r\n") != value:
        out.notes.append(
            Note(
                "authz.whitespace",
                "The value ends with trailing white space.",
                visible(value[-12:]),
            )
        )
    if not text:
        out.notes.append(
            Note("authz.empty_credentials", f"The {field_name} value is empty.", repr(value))
        )
    else:
        first, ws, rest = _split_word(text)
        if not rest:
            _read_single(first, bare_ok, out)
        elif _colon_scheme(first):
            out.notes.append(
                Note(
                    "authz.invalid_chars",
                    f"A ':' follows the scheme {first[:-1]!r}; the server reads "
                    f"{first!r} as the scheme.",
                    first,
                )
            )
            _read_scheme_and_rest(first[:-1], ws, rest, out)
        elif first.lower() not in KNOWN_SCHEMES and (bare_ok or _looks_like_token(first)):
            _read_bare(text, bare_ok, out)
        else:
            _read_scheme_and_rest(first, ws, rest, out)
    return Credentials(
        scheme=out.scheme,
        token68=out.token,
        params=out.params,
        field_name=field_name,
        raw=value,
        notes=tuple(out.notes),
    )


def parse_credentials(value: str, field_name: str = "Authorization") -> Credentials:
    """Read an ``Authorization``-style value leniently.

    ``token68`` is the cleaned token (quotes, a doubled scheme and white space
    removed) so it can be decoded; ``raw`` is the value as given. Deviations are
    notes with the contract's ``authz.*`` codes. Never raises.
    """
    return _parse(value, field_name, bare_ok=False)


def parse_bare_credentials(value: str, field_name: str) -> Credentials:
    """Read a value that may carry a token with no scheme (a non-standard header,
    an ``access_token`` in a query or form): like :func:`parse_credentials`, but a
    bare token is expected and makes no ``authz.no_scheme`` note. Never raises.
    """
    return _parse(value, field_name, bare_ok=True)
