"""Tokens: clean what was pasted around them, classify, decode for display.

Nothing here validates a token; it says what the token *is* (JWS, JWE, unsecured,
opaque, malformed) and, for a malformed one, which segment fails and why. Work is
linear in the input: the token is split once and at most :data:`MAX_SEGMENTS`
segments are looked at.
"""

from __future__ import annotations

import json
import re
from typing import Any

from authtui.core.codec.b64 import decode_b64url
from authtui.core.codec.jsonexact import parse_json_object
from authtui.core.model import Note, Token, TokenForm

MAX_SEGMENTS = 16
"""Segments kept in :attr:`Token.segments`; the count itself is always exact."""

WHITESPACE_NOTE = "White space removed"
"""Start of the message of every note about white space taken out of a token."""

_SEGMENT_NAMES = ("header", "payload", "signature")
_JWE_NAMES = ("header", "encrypted key", "initialization vector", "ciphertext", "tag")
_B64URL_RUN = re.compile(r"[A-Za-z0-9_\-]*")
_JWT_SHAPE = re.compile(r"eyJ[A-Za-z0-9_\-=+/.]*")
_PREFIXES = re.compile(r"(?:authorization\s*:|bearer\s|dpop\s)", re.IGNORECASE)
_QUOTES = "'\"`"
_WRAPPER_KEY = "access_token"
_MAX_NOTES = 8


def _short(text: str, width: int = 24) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[:width] + "…"


# --- cleaning -------------------------------------------------------------------


def _unwrap_access_token(text: str) -> str | None:
    """The value of ``access_token=...`` or ``"access_token": "..."``, if present."""
    at = text.lower().find(_WRAPPER_KEY)
    if at < 0:
        return None
    rest = text[at + len(_WRAPPER_KEY) :].lstrip("\"' \t")
    if not rest or rest[0] not in ":=":
        return None
    rest = rest[1:].lstrip(" \t\r\n")
    if rest[:1] in ('"', "'"):
        end = rest.find(rest[0], 1)
        return rest[1:end] if end > 0 else rest[1:]
    end = len(rest)
    for stop in "&,;} \t\r\n":
        found = rest.find(stop)
        if 0 <= found < end:
            end = found
    return rest[:end]


def _strip_once(text: str, notes: list[Note]) -> str:
    """One pass of prefix, wrapper, quote and trailing-punctuation removal."""
    text = text.strip()
    if text.lower() in ("bearer", "dpop", "authorization:"):
        notes.append(Note("token.cleaned", f"'{text}' with no token after it."))
        return ""
    prefix = _PREFIXES.match(text)
    if prefix is not None:
        notes.append(Note("token.cleaned", f"removed '{prefix.group().strip()}' before the token."))
        return text[prefix.end() :]
    inner = _unwrap_access_token(text)
    if inner is not None and inner != text:
        notes.append(Note("token.cleaned", "took the value of access_token.", _short(text, 40)))
        return inner
    if text[-1:] in ",;":
        notes.append(Note("token.cleaned", f"removed a trailing '{text[-1]}'."))
        return text[:-1]
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] == text[0]:
        notes.append(Note("token.cleaned", f"removed the quotes ({text[0]}) around the token."))
        return text[1:-1]
    if text[:1] in _QUOTES or text[-1:] in _QUOTES:
        notes.append(Note("token.cleaned", "removed a stray quote at one end of the token."))
        return text.strip(_QUOTES)
    return text


def _join_words(words: list[str], text: str, notes: list[Note]) -> str:
    """Join a token broken by white space, noting each break (with its offset)."""
    joined: list[str] = []
    length = 0
    count = 0
    search_from = 0
    for i, word in enumerate(words):
        if i:
            count += 1
            if count <= _MAX_NOTES:
                at = text.find(word, search_from)
                gap = text[search_from:at]
                kind = "a line break" if "\n" in gap or "\r" in gap else "white space"
                notes.append(
                    Note(
                        "token.encoding",
                        f"{WHITESPACE_NOTE}: {kind} at offset {length} of the token "
                        "(tokens never contain white space; RFC 6750 §2.1).",
                        repr(gap),
                    )
                )
        search_from = text.find(word, search_from) + len(word)
        joined.append(word)
        length += len(word)
    if count > _MAX_NOTES:
        notes.append(
            Note("token.encoding", f"{WHITESPACE_NOTE}: {count - _MAX_NOTES} more breaks.")
        )
    return "".join(joined)


def _is_wrapped(text: str, words: list[str]) -> bool:
    """True when white space inside looks like one token broken across lines or spaces."""
    if looks_like_jwt(words[0]) and words[1].startswith("eyJ"):
        return False  # two whole JWTs, one after the other
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) == len(words):
        return all(_B64URL_RUN.fullmatch(w.rstrip("=")) or "." in w for w in words)
    return not looks_like_jwt(words[0]) and looks_like_jwt("".join(words))


def clean_token(text: str) -> tuple[str, tuple[Note, ...]]:
    """Take a token out of what was pasted around it.

    Strips ``Authorization:``, ``Bearer ``, ``DPoP `` (any case), quotes, a
    trailing comma or semicolon, and ``access_token=`` / ``"access_token": "..."``
    wrappers (notes ``token.cleaned``). White space inside a token broken over
    lines is removed (a ``token.encoding`` note per break, with its offset); when
    several separate words remain, only the first is kept (``token.extra_words``).
    """
    notes: list[Note] = []
    current = text.strip()
    for _ in range(6):
        if not current:
            break
        stripped = _strip_once(current, notes)
        if stripped == current:
            break
        current = stripped.strip()
    words = current.split()
    if len(words) <= 1:
        return (words[0] if words else ""), tuple(notes)
    if _is_wrapped(current, words):
        return _join_words(words, current, notes), tuple(notes)
    notes.append(
        Note(
            "token.extra_words",
            f"{len(words) - 1} more word(s) after the token were ignored; only the first "
            "word was read as the token.",
            _short(" ".join(words[1:4]), 60),
        )
    )
    first, more = clean_token(words[0])
    return first, (*notes, *more)


# --- classification -------------------------------------------------------------


def looks_like_jwt(text: str) -> bool:
    """Cheap test: ``eyJ`` then base64url segments joined by 2 or 4 dots."""
    text = text.strip()
    return text.count(".") in (2, 4) and _JWT_SHAPE.fullmatch(text) is not None


OPAQUE_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("ya29.", "Google OAuth access token", "access"),
    ("1//", "Google OAuth refresh token", "refresh"),
    ("gho_", "GitHub OAuth app token", "access"),
    ("ghp_", "GitHub personal access token (classic)", "access"),
    ("github_pat_", "GitHub fine-grained personal access token", "access"),
    ("ghu_", "GitHub App user access token", "access"),
    ("ghs_", "GitHub App installation token", "access"),
    ("ghr_", "GitHub App refresh token", "refresh"),
    ("glpat-", "GitLab personal access token", "access"),
    ("xoxb-", "Slack bot token", "access"),
    ("xoxp-", "Slack user token", "access"),
    ("xoxe-", "Slack refresh token", "refresh"),
    ("xapp-", "Slack app-level token", "access"),
    ("sl.", "Dropbox short-lived access token", "access"),
    ("ory_at_", "Ory access token", "access"),
    ("ory_rt_", "Ory refresh token", "refresh"),
    ("npm_", "npm access token", "access"),
    ("pypi-", "PyPI API token", "access"),
    ("shpat_", "Shopify access token", "access"),
    ("sk_live_", "Stripe secret key (an API key, not an OAuth token)", "key"),
    ("sk_test_", "Stripe test secret key (an API key, not an OAuth token)", "key"),
)
"""Recognisable opaque-token prefixes: (prefix, what it is, kind)."""


def opaque_issuer(raw: str) -> tuple[str, str] | None:
    """(what it is, kind) for a token with a recognisable prefix, else None.

    ``kind`` is ``access``, ``refresh`` or ``key``.
    """
    for prefix, label, kind in OPAQUE_PREFIXES:
        if raw.startswith(prefix):
            return label, kind
    return None


def _first_segment_is_json(segment: str) -> bool:
    """True when the start of ``segment`` decodes to text that opens a JSON object."""
    head = segment[:64]
    head = head[: len(head) - len(head) % 4] if len(head) >= 4 else head
    data, _ = decode_b64url(head)
    return data is not None and data.lstrip(b" \t\r\n").startswith(b"{")


def _tries_to_be_jwt(raw: str, parts: list[str], count: int) -> bool:
    if raw.startswith("eyJ") or _first_segment_is_json(parts[0]):
        return True
    if count < 3 or opaque_issuer(raw) is not None:
        return False
    return all(_B64URL_RUN.fullmatch(p.rstrip("=")) for p in parts)


class _Decoder:
    """One token's decoding: collects notes and malformed reasons."""

    def __init__(self, parts: list[str], names: tuple[str, ...]) -> None:
        self.parts = parts
        self.names = names
        self.notes: list[Note] = []
        self.broken = False
        self.payload = b""

    def label(self, index: int) -> str:
        name = self.names[index] if index < len(self.names) else "extra"
        return f"segment {index + 1} ({name})"

    def malformed(self, index: int | None, why: str, evidence: str = "") -> None:
        self.broken = True
        where = f"{self.label(index)}: " if index is not None else ""
        self.notes.append(Note("token.malformed", where + why, evidence))

    def segment_bytes(self, index: int, required: bool = True) -> bytes | None:
        text = self.parts[index]
        if not text:
            if required:
                self.malformed(index, "is empty.")
            return b"" if not required else None
        data, notes = decode_b64url(text)
        for note in notes:
            if note.code == "token.bad_base64":
                self.malformed(index, "bad base64url: " + note.message, note.evidence)
            else:
                self.notes.append(
                    Note("token.encoding", f"{self.label(index)}: {note.message}", note.evidence)
                )
        return data

    def json_object(self, index: int) -> dict[str, Any] | None:
        data = self.segment_bytes(index)
        if data is None:
            return None
        value, notes = parse_json_object(data)
        for note in notes:
            if note.code in ("token.duplicate_key", "token.big_number"):
                self.notes.append(
                    Note(note.code, f"{self.label(index)}: {note.message}", note.evidence)
                )
            else:
                self.malformed(index, note.message, note.evidence)
        return value


def _check_header(dec: _Decoder, header: dict[str, Any] | None, count: int) -> None:
    if header is None:
        return
    alg = header.get("alg")
    if "alg" not in header:
        dec.malformed(0, "the header has no alg (required, RFC 7515 §4.1.1).")
    elif not isinstance(alg, str):
        dec.malformed(0, f"alg is not a string: {alg!r}.")
    if count == 5 and "enc" not in header:
        dec.malformed(0, "five segments (a JWE) but the header has no enc (RFC 7516 §4.1.2).")
    if count == 3 and "enc" in header:
        dec.malformed(None, "the header has enc (a JWE) but the token has 3 segments, not 5.")


def _nested(header: dict[str, Any]) -> bool:
    cty = header.get("cty")
    return isinstance(cty, str) and cty.upper() in ("JWT", "APPLICATION/JWT")


def _describe_payload(data: bytes) -> tuple[str, str]:
    """(what the payload is, a short quote of it) for a payload that is no JSON object."""
    if not data:
        return "empty (a detached payload, RFC 7515 Appendix F)", ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return f"{len(data)} bytes of binary data", data[:24].hex(" ") + (
            " …" if len(data) > 24 else ""
        )
    quote = _short(text, 60)
    value, notes = parse_json_object(data)
    kinds = [n.message for n in notes if n.code == "token.payload_not_object"]
    if value is None and kinds:
        return "JSON, but " + kinds[0].removeprefix("the JSON is ").rstrip("."), quote
    return f"text, not JSON ({len(text)} characters)", quote


def _payload(dec: _Decoder, header: dict[str, Any] | None) -> dict[str, Any] | None:
    """The claims of a JWS payload that is a JSON object.

    RFC 7515 allows any payload: one that is valid JSON of another kind, text, binary
    data or empty keeps the token a JWS (its payload in :attr:`Token.payload`, a
    ``token.not_jwt`` note saying what it is). A payload that opens like a JSON
    object or array and breaks is a JWT cut or damaged: malformed.
    """
    data = dec.segment_bytes(1, required=False)
    if data is None:
        return None  # bad base64url: already noted as malformed
    opening = data.lstrip(b" \t\r\n")[:1]
    value, notes = parse_json_object(data) if data else (None, ())
    if value is not None or (opening in (b"{", b"[") and not _is_json_value(data)):
        for note in notes:
            if note.code in ("token.duplicate_key", "token.big_number"):
                dec.notes.append(Note(note.code, f"{dec.label(1)}: {note.message}", note.evidence))
            else:
                dec.malformed(1, note.message, note.evidence)
        return value
    what, quote = _describe_payload(data)
    dec.payload = data
    dec.notes.append(
        Note(
            "token.not_jwt",
            f"the payload is {what}: a JWS, but not a JWT (whose payload is a JSON object "
            "of claims, RFC 7519 §7.2).",
            quote,
        )
    )
    return None


def _is_json_value(data: bytes) -> bool:
    """True when ``data`` is one valid JSON value of any kind (checked only for payloads
    that open like an object or an array)."""
    try:
        json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


def _decode_jws(
    dec: _Decoder, header: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, bytes]:
    """Payload and signature of a three-segment token."""
    claims: dict[str, Any] | None = None
    if header is not None and _nested(header):
        inner = dec.segment_bytes(1)
        start = (inner or b"")[:12].decode("ascii", errors="replace")
        dec.notes.append(
            Note(
                "token.nested",
                f"the payload is itself a JWT (cty: {header.get('cty')}); "
                "its claims are inside the inner token (RFC 7519 §5.2).",
                start + "…",
            )
        )
    else:
        claims = _payload(dec, header)
    alg = (header or {}).get("alg")
    unsecured = isinstance(alg, str) and alg.lower() == "none"
    if not dec.parts[2] and not unsecured:
        if isinstance(alg, str):
            dec.malformed(2, f"is empty, yet alg is {alg}: the signature is missing or cut off.")
        return claims, b""
    return claims, dec.segment_bytes(2, required=False) or b""


def _form(header: dict[str, Any] | None, count: int, broken: bool) -> TokenForm:
    if broken or header is None:
        return TokenForm.MALFORMED
    if count == 5:
        return TokenForm.JWE
    alg = header.get("alg")
    if isinstance(alg, str) and alg.lower() == "none":
        return TokenForm.UNSECURED
    return TokenForm.JWS


def _count(number: int, noun: str) -> str:
    """``1 segment``, ``0 dots``: a count and its noun, singular for one."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _decode_jwt(raw: str, parts: list[str], count: int, source: str) -> Token:
    names = _JWE_NAMES if count == 5 else _SEGMENT_NAMES
    dec = _Decoder(parts, names)
    if count not in (3, 5):
        dec.malformed(
            None,
            f"{_count(count, 'segment')} (found {_count(count - 1, 'dot')}); a signed JWT "
            "(JWS) has 3 and an encrypted one (JWE) 5.",
        )
    header = dec.json_object(0)
    _check_header(dec, header, count)
    claims: dict[str, Any] | None = None
    signature = b""
    if count == 3:
        claims, signature = _decode_jws(dec, header)
    elif count == 5:
        for index in (1, 2, 3, 4):
            dec.segment_bytes(index, required=index == 3)
    form = _form(header, count, dec.broken)
    return Token(
        raw=raw,
        form=form,
        source=source,
        header=header,
        claims=claims if form in (TokenForm.JWS, TokenForm.UNSECURED) else None,
        segments=tuple(parts[:MAX_SEGMENTS]),
        signing_input=(parts[0] + "." + parts[1]).encode("utf-8", "replace")
        if len(parts) >= 2
        else b"",
        signature=signature if form is TokenForm.JWS else b"",
        notes=tuple(dec.notes),
        payload=dec.payload if form is TokenForm.JWS else b"",
    )


def decode_token(text: str, source: str = "") -> Token:
    """Clean ``text`` and classify and decode the token in it. Never raises.

    Forms: ``jws``, ``unsecured`` (alg none), ``jwe`` (header only), ``opaque``,
    ``malformed`` (notes ``token.malformed`` name the segment and the reason) and
    ``none`` (nothing there). Header and claims keep JSON values exactly.
    """
    raw, clean_notes = clean_token(text)
    if not raw:
        return Token(raw="", form=TokenForm.NONE, source=source, notes=clean_notes)
    count = raw.count(".") + 1
    parts = raw.split(".", MAX_SEGMENTS)[:MAX_SEGMENTS]
    if not _tries_to_be_jwt(raw, parts, count):
        return Token(
            raw=raw,
            form=TokenForm.OPAQUE,
            source=source,
            segments=tuple(parts),
            notes=clean_notes,
        )
    token = _decode_jwt(raw, parts, count, source)
    return Token(
        raw=token.raw,
        form=token.form,
        source=token.source,
        header=token.header,
        claims=token.claims,
        segments=token.segments,
        signing_input=token.signing_input,
        signature=token.signature,
        notes=(*clean_notes, *token.notes),
        payload=token.payload,
    )
