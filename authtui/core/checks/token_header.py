"""Checks: the token's JOSE header. Critical extensions, keys it names, a suspicious kid.

Each check reads ``ctx.token``; nothing a header points to is ever fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.checks.evidence import shown, where
from authtui.core.context import Context
from authtui.core.model import Finding, Severity

_REGISTERED_HEADER = frozenset(
    [
        "alg",
        "enc",
        "zip",
        "jku",
        "jwk",
        "kid",
        "x5u",
        "x5c",
        "x5t",
        "x5t#S256",
        "typ",
        "cty",
        "crit",
        "epk",
        "apu",
        "apv",
        "iv",
        "tag",
        "p2s",
        "p2c",
    ]
)

_KEY_REFS = ("jku", "x5u", "jwk", "x5c")

_SQL_WORDS = ("union select", "' or ", "or 1=1", "'1'='1", "drop table", "sleep(", "--", "/*")


def _crit_problem(header: dict[str, Any]) -> str | None:
    crit = header["crit"]
    if not isinstance(crit, list) or not crit or not all(isinstance(n, str) for n in crit):
        return f"crit must be a non-empty array of names, got {shown(crit)}"
    registered = [n for n in crit if n in _REGISTERED_HEADER]
    if registered:
        return "crit lists names the JWS spec defines itself: " + ", ".join(registered)
    absent = [n for n in crit if n not in header]
    if absent:
        return "crit lists names absent from the header: " + ", ".join(absent)
    return None


def check_crit(ctx: Context) -> Iterator[Finding]:
    """``token.crit``: extensions the recipient must understand, or a broken crit."""
    token = ctx.token
    if token is None or token.header is None or "crit" not in token.header:
        return
    problem = _crit_problem(token.header)
    crit = token.header["crit"]
    yield Finding(
        "token.crit",
        Severity.ERROR if problem else Severity.WARNING,
        "The header's crit is malformed" if problem else "The header names critical extensions",
        detail=(
            (problem + ": a correct server rejects the token.")
            if problem
            else "A server that does not understand every name in crit must reject the token."
        ),
        evidence=f"{where(token)}: crit={shown(crit)}",
        fix=(
            "Have the issuer drop crit, or make sure the API's JWT library supports "
            "each listed extension."
        ),
        refs=("RFC 7515 §4.1.11",),
        source=sources.jose_header(token, "crit"),
    )


def check_key_reference(ctx: Context) -> Iterator[Finding]:
    """``token.key_reference``: jku, x5u, jwk or x5c in the header."""
    token = ctx.token
    if token is None or token.header is None:
        return
    present = [name for name in _KEY_REFS if name in token.header]
    if not present:
        return
    listed = []
    for name in present:
        value = token.header[name]
        if name == "x5c" and isinstance(value, list):
            listed.append(f"x5c=[{len(value)} certificate(s)]")
        else:
            listed.append(f"{name}={shown(value)}")
    yield Finding(
        "token.key_reference",
        Severity.WARNING,
        "The header points to its own key: " + ", ".join(present),
        detail=(
            "A key named by the token itself proves nothing: anyone can sign a token and "
            "point to their own key. A server must verify with keys it already trusts; one "
            "that fetches jku/x5u is open to key injection and SSRF. Shown only, never "
            "fetched here."
        ),
        evidence=f"{where(token)}: " + "; ".join(listed),
        fix=(
            "Make sure the API ignores these and verifies with its configured JWKS; check "
            "the kid against that JWKS instead."
        ),
        refs=("RFC 8725 §3.10", "RFC 7515 §4.1.2", "RFC 7515 §4.1.5"),
        source=sources.jose_header(token, present[0]),
    )


def _kid_problems(kid: str) -> list[str]:
    low = kid.lower()
    found = []
    if "://" in kid:
        found.append("a URL")
    if ".." in kid:
        found.append("'..' (path traversal)")
    if "/" in kid or "\\" in kid:
        found.append("a path separator")
    if any(q in kid for q in "'\"`"):
        found.append("a quote")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in kid):
        found.append("control characters")
    if any(word in low for word in _SQL_WORDS):
        found.append("SQL-like text")
    return found


def check_kid_suspicious(ctx: Context) -> Iterator[Finding]:
    """``token.kid_suspicious``: a kid that looks like an injection attempt."""
    token = ctx.token
    if token is None or token.header is None or "kid" not in token.header:
        return
    kid = token.header["kid"]
    problems = _kid_problems(kid) if isinstance(kid, str) else ["a non-string value"]
    if not problems:
        return
    yield Finding(
        "token.kid_suspicious",
        Severity.WARNING,
        "The kid holds " + ", ".join(problems),
        detail=(
            "A kid is a plain key identifier. Paths, URLs, quotes or SQL in it are the "
            "signature of an injection attempt against servers that use kid in a file "
            "path or a query, and no real issuer writes them."
        ),
        evidence=f"{where(token)}: kid={kid!r}"[:200],
        fix=(
            "Do not trust this token. Make sure the API looks kid up only in its own "
            "JWKS, as an opaque string."
        ),
        refs=("RFC 8725 §3.10", "RFC 7515 §4.1.4"),
        source=sources.jose_header(token, "kid"),
    )


CHECKS: tuple[Check, ...] = (check_crit, check_key_reference, check_kid_suspicious)
"""The header checks, in the order they read best."""
