"""Where named values sit inside a field's text, and each one replaced in place.

Every function here walks one shape of text (a URL and its query, a urlencoded
form, a JSON body, a multipart body, a cookie list, an ``Authorization`` value)
and hands each value whose name means a credential or a secret (see
:mod:`.names`) to ``hide``, which says what to show instead. Everything else of
the text is kept as it was written. Linear in the text, never raising.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, unquote_plus

from authtui.core.model import Tier
from authtui.core.safety.names import JWK_PRIVATE, Place, field_tier

Hide = Callable[[str, str, Tier], str]
"""``hide(where, value, tier)``: what to show in place of ``value`` (the field
``where`` holds it), recording that it was hidden."""

_PATH_CAP = 120
"""Longest JSON path named in a redaction (deep nesting is not spelled out)."""


def scrub_pairs(text: str, place: Place, prefix: str, hide: Hide, *, plus: bool) -> str:
    """``name=value&...`` (a query, a fragment, a form body) with sensitive values hidden."""
    if "=" not in text:
        return text
    decode = unquote_plus if plus else unquote
    parts = text.split("&")
    changed = False
    for i, part in enumerate(parts):
        name, eq, value = part.partition("=")
        core = value.rstrip(" \t\r\n")
        if not eq or not core:
            continue
        plain = decode(name).strip()
        tier = field_tier(plain, place)
        if tier is not None:
            shown = hide(f"{prefix} {plain}", decode(core), tier)
            parts[i] = f"{name}={shown}{value[len(core) :]}"
            changed = True
    return "&".join(parts) if changed else text


def scrub_url(url: str, hide: Hide) -> str:
    """A URL (absolute, or a path with a query) with its password and sensitive query
    and fragment values hidden; scheme, host, path and other parameters kept."""
    if "?" not in url and "#" not in url and "@" not in url:
        return url
    start = 0
    out = []
    sep = url.find("://")
    if sep > 0 and url[:sep].replace("+", "").replace("-", "").replace(".", "").isalnum():
        begin = sep + 3
        end = begin
        while end < len(url) and url[end] not in "/?#":
            end += 1
        authority = url[begin:end]
        userinfo, at, host = authority.rpartition("@")
        user, colon, password = userinfo.partition(":")
        if at and colon and password:
            shown = hide("url password", unquote(password), Tier.SECRET)
            authority = f"{user}:{shown}@{host}"
        out.append(url[:begin] + authority)
        start = end
    rest = url[start:]
    before, hash_, fragment = rest.partition("#")
    path, question, query = before.partition("?")
    out.append(path)
    if question:
        out.append("?" + scrub_pairs(query, Place.QUERY, "query", hide, plus=False))
    if hash_:
        out.append("#" + scrub_pairs(fragment, Place.QUERY, "fragment", hide, plus=False))
    return "".join(out)


_WORD = re.compile(r"[^\s\"'<>`]+")


def scrub_urls_in(text: str, hide: Hide) -> str:
    """Free text with every URL in it scrubbed (``https://...``, ``/path?query``)."""
    if "?" not in text and "#" not in text and "@" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        word = match.group()
        if "://" in word or (word.startswith("/") and ("?" in word or "#" in word)):
            return scrub_url(word, hide)
        return word

    return _WORD.sub(one, text)


def scrub_pem(text: str, where: str, hide: Hide) -> str:
    """Every PEM private key block in ``text`` with its base64 body hidden (its
    ``-----BEGIN ... PRIVATE KEY-----`` lines kept, so the reader sees what it was)."""
    if "PRIVATE KEY-----" not in text:
        return text
    out, pos = [], 0
    while True:
        begin = text.find("-----BEGIN ", pos)
        if begin < 0:
            break
        label_end = text.find("-----", begin + 11)
        if label_end < 0:
            break
        label = text[begin + 11 : label_end]
        body_start = label_end + 5
        end = text.find("-----END ", body_start)
        if "PRIVATE KEY" not in label or len(label) > 40 or end < 0:
            out.append(text[pos:body_start])
            pos = body_start
            continue
        inner = text[body_start:end]
        core = inner.strip()
        lead = inner[: inner.find(core)] if core else inner
        shown = hide(f"{where} private key", core, Tier.SECRET) if core else ""
        out += [text[pos:body_start], lead, shown, inner[len(lead) + len(core) :]]
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- JSON --------------------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[{}\[\],:]|[^\s{}\[\],:"]++')
"""One JSON token: a string (its closing quote optional), a structural character, or a
bare word (number, true, null, or junk). Possessive: never backtracks."""


@dataclass(slots=True)
class _Frame:
    """An open JSON object or array."""

    kind: str
    path: str
    key: str | None = None
    """The member being read (an object), or the key the array sits under."""
    expect_key: bool = False
    kty: bool = False
    jwk: list[tuple[int, int, str, str]] = field(default_factory=list)
    """Private JWK members, hidden if the object turns out to have ``kty``."""


def _unquote_json(literal: str) -> str:
    if "\\" in literal:
        try:
            value = json.loads(literal)
        except ValueError:
            value = None
        if isinstance(value, str):
            return value
    return literal[1:-1] if len(literal) > 1 and literal.endswith('"') else literal[1:]


def _member(frame: _Frame) -> str:
    """The path step to what ``frame`` is reading: its key, or ``[]`` in an array."""
    return (frame.key or "") if frame.kind == "{" else "[]"


def _join(path: str, part: str) -> str:
    if len(path) > _PATH_CAP:
        return path
    return f"{path}.{part}" if path and not part.startswith("[") else path + part


def scrub_json(text: str, where: str, hide: Hide) -> str:
    """A JSON body (read leniently: broken JSON is walked as far as it goes) with the
    values of sensitive keys hidden at any depth, and the private members of a JWK."""
    spans: list[tuple[int, int, str]] = []
    stack: list[_Frame] = []
    tiers: dict[str, Tier | None] = {}

    def value(start: int, end: int, literal: str, is_string: bool) -> None:
        top = stack[-1] if stack else None
        if top is None or top.key is None:
            return
        raw = _unquote_json(literal) if is_string else literal
        if not raw or (not is_string and raw in ("null", "true", "false")):
            return
        key = top.key
        tier = tiers[key] if key in tiers else tiers.setdefault(key, field_tier(key, Place.JSON))
        path = _join(top.path, _member(top))
        lower = key.lower()
        if lower.endswith("authorization") or lower in ("cookie", "set-cookie"):
            named = f"{where} {path}"
            shown = (
                scrub_authorization(raw, named, hide)
                if lower.endswith("authorization")
                else scrub_cookies(raw, named, hide, set_cookie=lower == "set-cookie")
            )
            if shown != raw:
                spans.append((start, end, json.dumps(shown, ensure_ascii=False)))
        elif tier is not None:
            shown = hide(f"{where} {path}", raw, tier)
            spans.append((start, end, json.dumps(shown, ensure_ascii=False)))
        elif top.kind == "{" and key in JWK_PRIVATE:
            top.jwk.append((start, end, path, raw))
        elif is_string and ("?" in raw or "#" in raw or "@" in raw):
            shown = scrub_urls_in(raw, hide)  # a signed URL in a body: {"href": "...?sig="}
            if shown != raw:
                spans.append((start, end, json.dumps(shown, ensure_ascii=False)))

    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        top = stack[-1] if stack else None
        first = token[0]
        if first == '"':
            if top is not None and top.kind == "{" and top.expect_key:
                top.key = _unquote_json(token)
                top.expect_key = False
                top.kty = top.kty or top.key == "kty"
            else:
                value(match.start(), match.end(), token, True)
        elif first in "{[":
            path = "" if top is None else _join(top.path, _member(top))
            inherited = top.key if top is not None and first == "[" else None
            stack.append(_Frame(first, path, inherited, expect_key=first == "{"))
        elif first in "}]":
            if stack:
                closed = stack.pop()
                if closed.kty:
                    for start, end, path, raw in closed.jwk:
                        shown = hide(f"{where} {path}", raw, Tier.SECRET)
                        spans.append((start, end, json.dumps(shown, ensure_ascii=False)))
        elif first == ",":
            if top is not None and top.kind == "{":
                top.expect_key = True
                top.key = None
        elif first != ":":
            value(match.start(), match.end(), token, False)
    if not spans:
        return text
    spans.sort()
    out, pos = [], 0
    for start, end, shown in spans:
        out += [text[pos:start], shown]
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- multipart ---------------------------------------------------------------------------

_PART_NAME = re.compile(r'(?:^|[;\s])name\s*=\s*(?:"([^"\r\n]*)"|([^;\s]+))', re.IGNORECASE)
_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))', re.IGNORECASE)


def multipart_boundary(content_type: str, body: str) -> str | None:
    """The boundary of a multipart body: from its Content-Type, else its first line."""
    found = _BOUNDARY.search(content_type)
    if found:
        return found.group(1) or found.group(2)
    first = body.lstrip("\r\n").split("\n", 1)[0].strip()
    if first.startswith("--") and len(first) > 2 and "content-disposition" in body[:4096].lower():
        return first[2:]
    return None


def scrub_multipart(text: str, boundary: str, hide: Hide) -> str:
    """A ``multipart/form-data`` body with the content of sensitive parts hidden."""
    delimiter = "--" + boundary
    parts = text.split(delimiter)
    for i in range(1, len(parts)):
        part = parts[i]
        head_end, gap = part.find("\r\n\r\n"), 4
        if head_end < 0:
            head_end, gap = part.find("\n\n"), 2
        if head_end < 0:
            continue
        named = _PART_NAME.search(part[:head_end])
        name = (named.group(1) or named.group(2) or "") if named else ""
        tier = field_tier(name, Place.FORM) if name else None
        content = part[head_end + gap :]
        core = content.rstrip("\r\n")
        if tier is not None and core:
            shown = hide(f"form {name}", core, tier)
            parts[i] = part[: head_end + gap] + shown + content[len(core) :]
    return delimiter.join(parts)


# --- cookies -----------------------------------------------------------------------------


def scrub_cookies(value: str, where: str, hide: Hide, *, set_cookie: bool) -> str:
    """``Cookie: a=1; b=2`` with every value hidden (credentials; secrets where the name
    says so); for ``Set-Cookie`` the first pair only, its attributes kept."""
    parts = value.split(";")
    for i, part in enumerate(parts[:1] if set_cookie else parts):
        name, eq, raw = part.partition("=")
        core = raw.strip()
        if not eq or not core:
            continue
        tier = field_tier(name.strip(), Place.HEADER)
        shown = hide(f"{where} {name.strip()}", core, tier or Tier.CREDENTIAL)
        start = raw.find(core)
        parts[i] = f"{name}={raw[:start]}{shown}{raw[start + len(core) :]}"
    return ";".join(parts)


# --- Authorization values ----------------------------------------------------------------

SCHEMES = frozenset(
    {
        "basic",
        "bearer",
        "digest",
        "dpop",
        "negotiate",
        "ntlm",
        "hoba",
        "mutual",
        "scram-sha-1",
        "scram-sha-256",
        "vapid",
        "token",
        "jwt",
        "oauth",
        "hawk",
        "aws4-hmac-sha256",
        "signature",
        "apikey",
        "sharedkey",
        "sharedkeylite",
        "ssws",
    }
)
"""Schemes seen in the wild, to tell a second credential in one value from a parameter."""
_PARAM_SCHEMES = frozenset({"digest", "oauth", "hawk", "aws4-hmac-sha256", "signature"})
_SECRET_SCHEMES = frozenset({"ssws"})
"""Schemes whose token is an API key though their name does not say so (Okta's SSWS)."""


def scheme_tier(scheme: str) -> Tier:
    """The tier of what follows a scheme: a secret for API-key schemes (``ApiKey``,
    ``SharedKey``, Okta's ``SSWS``), a credential for the rest (``Bearer``, ``Negotiate``)."""
    if scheme.lower() in _SECRET_SCHEMES:
        return Tier.SECRET
    return field_tier(scheme, Place.SCHEME) or Tier.CREDENTIAL


def decode_basic(token: str) -> str | None:
    """The text a Basic token68 carries (lenient: padding, either alphabet), or ``None``."""
    text = token.strip().strip("\"'")
    padded = text + "=" * (-len(text) % 4)
    try:
        data = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def scrub_basic(rest: str, where: str, hide: Hide) -> str:
    """What follows ``Basic``: ``user:<password hidden>`` when it decodes to
    user:password, else all of it hidden as a secret."""
    core = rest.strip()
    if not core:
        return rest
    first, _, extra = core.partition(" ")
    decoded = decode_basic(first)
    user, colon, password = (decoded or "").partition(":")
    if decoded is None or not colon:
        shown = hide(where, core, Tier.SECRET)
    else:
        user = user if len(user) <= 64 else user[:64] + "…"
        shown = f"{user}:{hide(f'{where} password', password, Tier.SECRET)}"
        if extra.strip():
            shown += " " + hide(where, extra.strip(), Tier.SECRET)
    start = rest.find(core)
    return rest[:start] + shown + rest[start + len(core) :]


_PARAM_START = re.compile(r'[^ \t,="]++[ \t]*=[ \t]*[^=, \t]')
"""``name=value`` at the start of a credential (a token68 may end in ``=``, never so)."""


def _params_shaped(rest: str) -> bool:
    """``name=value...`` rather than a token68 (which may end in ``=``)."""
    return _PARAM_START.match(rest) is not None


def scrub_params(rest: str, where: str, hide: Hide) -> str:
    """``name=value, name="value"`` with the sensitive values hidden (quotes kept)."""
    out: list[str] = []
    pos, n = 0, len(rest)
    while pos < n:
        eq = rest.find("=", pos)
        if eq < 0:
            break
        name = rest[pos:eq].strip(" \t,")
        start = eq + 1
        while start < n and rest[start] in " \t":
            start += 1
        if start < n and rest[start] == '"':
            end = start + 1
            while end < n and rest[end] != '"':
                end += 2 if rest[end] == "\\" else 1
            inner = (start + 1, min(end, n))
            end = min(end + 1, n)
        else:
            end = start
            while end < n and rest[end] not in ", \t":
                end += 1
            inner = (start, end)
        value = rest[inner[0] : inner[1]]
        tier = field_tier(name, Place.PARAM) if value else None
        out.append(rest[pos : inner[0]])
        out.append(hide(f"{where} {name}", value, tier) if tier is not None else value)
        out.append(rest[inner[1] : end])
        pos = end
    out.append(rest[pos:])
    return "".join(out)


def _split_credentials(rest: str) -> list[tuple[str, str]]:
    """``x, Basic y``: (text of this credential, separator and next scheme...) pieces."""
    pieces: list[tuple[str, str]] = []
    start, pos = 0, rest.find(",")
    while pos >= 0:
        word_start = pos + 1
        while word_start < len(rest) and rest[word_start] in " \t":
            word_start += 1
        word_end = word_start
        while word_end < len(rest) and rest[word_end] not in " \t,=":
            word_end += 1
        word = rest[word_start:word_end].lower()
        if word in SCHEMES and word_end < len(rest) and rest[word_end] in " \t":
            pieces.append((rest[start:pos], rest[pos:word_start]))
            start = word_start
        pos = rest.find(",", max(word_end, pos + 1))
    pieces.append((rest[start:], ""))
    return pieces


_WORD_END = re.compile(r"[ \t]")


def _one_credential(text: str, where: str, hide: Hide) -> str:
    """One ``scheme rest`` credential with its secret or credential parts hidden."""
    lead = len(text) - len(text.lstrip(" \t"))
    body = text[lead:]
    end = _WORD_END.search(body)
    first, rest = (body[: end.start()], body[end.start() :]) if end else (body, "")
    key = first.lower().rstrip(":")
    if not rest.strip():
        if key in SCHEMES or not first:
            return text
        return text[:lead] + hide(where, first, Tier.CREDENTIAL) + rest
    sep_end = len(rest) - len(rest.lstrip(" \t"))
    head, tail = first + rest[:sep_end], rest[sep_end:]
    if key == "basic":
        shown = scrub_basic(tail, where, hide)
    elif key in _PARAM_SCHEMES or key.startswith(("aws4-", "goog4-")) or _params_shaped(tail):
        shown = scrub_params(tail, where, hide)
    else:
        core = tail.rstrip(" \t\r\n")
        shown = hide(where, core, scheme_tier(first.rstrip(":"))) + tail[len(core) :]
    return text[:lead] + head + shown


def scrub_authorization(value: str, where: str, hide: Hide) -> str:
    """An ``Authorization``-style value: Basic as ``user:<password>`` (or all secret),
    Digest ``response``, SigV4 ``Signature`` and kin as secrets, tokens as credentials;
    the scheme and the visible parameters (``Credential`` scope, ``SignedHeaders``) kept."""
    return "".join(
        _one_credential(piece, where, hide) + sep for piece, sep in _split_credentials(value)
    )
