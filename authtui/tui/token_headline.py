"""A token in one line, for a paste that is nothing but a token, and atop the Decoded view.

    RS256 JWS · expired 3 years ago · signature not checked

What the line says of time is what the diagnosis found (``time.expired``,
``time.not_yet_valid``...), with the distance read from the claim itself; the
signature is the report's. A paste that is only a token (no status, no request
line, no response) is framed by this line instead of "no status · authentication".

Textual-free, so it is tested like the core.
"""

from __future__ import annotations

from typing import Any

from authtui.core import timefmt
from authtui.core.model import Report, SignatureStatus, Token, TokenForm
from authtui.core.safety.terminal import one_line

FORM_WORDS = {
    TokenForm.JWS: "JWS",
    TokenForm.JWE: "JWE",
    TokenForm.UNSECURED: "unsecured JWT",
    TokenForm.OPAQUE: "opaque token",
    TokenForm.MALFORMED: "malformed token",
    TokenForm.NONE: "no token",
}
SIGNATURE_WORDS = {
    SignatureStatus.VALID: "signature valid",
    SignatureStatus.INVALID: "signature invalid",
    SignatureStatus.NOT_CHECKED: "signature not checked",
    SignatureStatus.NO_KEY_MATCHED: "no key matched the signature",
    SignatureStatus.UNSUPPORTED: "signature algorithm not supported",
}


def is_bare_token(report: Report) -> bool:
    """The paste is a token and nothing else: no status, no request line, no response
    (an ``Authorization`` value on its own counts as a token)."""
    exchange = report.exchange
    if report.token is None or report.token.form is TokenForm.NONE:
        return False
    if exchange.status is not None or exchange.response_headers or report.challenges:
        return False
    return not exchange.method and not exchange.target


def _ago(seconds: float) -> str:
    """A distance in its largest unit: ``3 years``, ``14 min``."""
    words = timefmt.relative(seconds).split()
    return " ".join(words[:2])


def _number(claims: dict[str, Any] | None, name: str) -> float | None:
    value = (claims or {}).get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def validity(report: Report) -> str:
    """What the diagnosis made of the token's times, in a few words ("" when it has none)."""
    token = report.token
    if token is None or token.claims is None:
        return ""
    codes = {f.code for f in report.findings}
    now = report.clock.now
    exp, nbf = _number(token.claims, "exp"), _number(token.claims, "nbf")
    if "time.milliseconds" in codes:
        return "times in milliseconds"
    if exp is not None and "time.expired" in codes:
        return f"expired {_ago(now - exp)} ago"
    if exp is not None and "time.expired_within_skew" in codes:
        return f"expired {_ago(now - exp)} ago, within the skew"
    if nbf is not None and "time.not_yet_valid" in codes:
        return f"valid only in {_ago(nbf - now)}"
    if "time.iat_future" in codes:
        return "issued in the future"
    if exp is None:
        return "never expires (no exp)"
    if exp > now:
        return f"expires in {_ago(exp - now)}"
    return f"exp {_ago(now - exp)} ago"


def _form(token: Token) -> str:
    words = FORM_WORDS.get(token.form, str(token.form))
    alg = token.alg
    if token.form in (TokenForm.JWS, TokenForm.JWE) and alg:
        words = f"{one_line(alg)} {words}"
    if token.form is TokenForm.JWE:
        enc = (token.header or {}).get("enc")
        words += f" ({one_line(enc)})" if isinstance(enc, str) else ""
    return words


def token_headline(report: Report) -> str:
    """``RS256 JWS · expired 3 years ago · signature not checked`` ("" without a token)."""
    token = report.token
    if token is None or token.form is TokenForm.NONE:
        return ""
    parts = [_form(token)]
    time_words = validity(report)
    if time_words:
        parts.append(time_words)
    if token.form is TokenForm.JWS:
        parts.append(SIGNATURE_WORDS.get(report.signature, str(report.signature)))
    elif token.form is TokenForm.JWE:
        parts.append("encrypted: only the API can read the claims")
    elif token.form is TokenForm.OPAQUE:
        parts.append("only its issuer can check it")
    return " · ".join(parts)
