"""One rule of the server-words table, and how text is normalised before it is matched.

A :class:`Pattern` states the rule behind a family of messages as lower-case
substrings, matched against :func:`normalise`-d text. No regular expressions: every
test is ``in``, so matching is linear.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

EXPIRED = "server.expired"
NOT_YET_VALID = "server.not_yet_valid"
BAD_SIGNATURE = "server.bad_signature"
UNKNOWN_KEY = "server.unknown_key"
AUDIENCE = "server.audience"
ISSUER = "server.issuer"
SCOPE = "server.scope"
MALFORMED = "server.malformed"
MISSING_TOKEN = "server.missing_token"
WRONG_TOKEN_TYPE = "server.wrong_token_type"

CODES = (
    EXPIRED,
    NOT_YET_VALID,
    BAD_SIGNATURE,
    UNKNOWN_KEY,
    AUDIENCE,
    ISSUER,
    SCOPE,
    MALFORMED,
    MISSING_TOKEN,
    WRONG_TOKEN_TYPE,
)
"""Every code a row may carry (contract: ``server.*``)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One rule: messages that contain a needle (and an ``also``) mean ``meaning``."""

    code: str
    """The contract code (``server.expired``...)."""
    vendor: str
    """Whose wording it is, in words; empty for a generic rule."""
    needles: tuple[str, ...]
    """Normalised substrings; any one of them matches."""
    meaning: str
    """What the message means, in plain words (one or two sentences)."""
    also: tuple[str, ...] = ()
    """When given, the text must also contain one of these."""
    unless: tuple[str, ...] = ()
    """The text must contain none of these."""
    hint: bool = False
    """A reading rather than the server's statement: reported as a warning."""
    companion: bool = False
    """Fires beside the text's first match instead of competing with it."""
    when_challenge: str = ""
    """Only when a challenge carries this ``error`` code."""
    title: str = ""
    """Overrides the code's usual title when the words say something narrower."""
    fix: str = ""
    """Overrides the code's usual fix."""

    def matches(self, normalised: str, challenge_errors: Collection[str] = ()) -> bool:
        """True when this row applies to already :func:`normalise`-d text."""
        present = {w for w in (*self.needles, *self.also, *self.unless) if w in normalised}
        return self.applies(present, challenge_errors)

    def applies(self, present: Collection[str], challenge_errors: Collection[str] = ()) -> bool:
        """True when this row applies, given the words found in the text."""
        if self.when_challenge and self.when_challenge not in challenge_errors:
            return False
        if (
            present.isdisjoint(self.needles)
            if isinstance(present, set)
            else not any(n in present for n in self.needles)
        ):
            return False
        if self.also and not any(word in present for word in self.also):
            return False
        return not any(word in present for word in self.unless)


_QUOTES = str.maketrans(dict.fromkeys('"`\u2018\u2019\u201c\u201d', "'"))


def normalise(text: str) -> str:
    """Lower case, every quote mark as ``'``, white space collapsed to one space."""
    return " ".join(text.lower().translate(_QUOTES).split())
