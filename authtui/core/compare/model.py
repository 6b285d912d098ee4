"""What a comparison gives: the differences, which side works, one headline.

Codes and their ranking are the contract's (``compare``); nothing here imports
beyond the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from authtui.core.model import Report, Severity

CODES: tuple[str, ...] = (
    "diff.scheme",
    "diff.header",
    "diff.host",
    "diff.token_form",
    "diff.alg",
    "diff.kid",
    "diff.iss",
    "diff.aud",
    "diff.scope",
    "diff.client",
    "diff.typ",
    "diff.expiry",
    "diff.lifetime",
    "diff.challenge",
    "diff.server",
    "diff.clock",
    "diff.status",
    "diff.kind",
)
"""Every difference code, ranked by how well it explains a failure (contract)."""

SYMPTOMS = frozenset({"diff.status", "diff.kind"})
"""What the failure looks like rather than why: never the headline when anything else
differs."""

_RANK = {code: i for i, code in enumerate(CODES)}


def code_rank(code: str) -> int:
    """The contract's rank of a code (lower explains more)."""
    return _RANK.get(code, len(CODES))


class Working(StrEnum):
    """Which side works (contract: ``working``), from the two verdicts."""

    A = "a"
    B = "b"
    BOTH = "both"
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the two sides differ that can matter, with both values."""

    code: str
    """One of :data:`CODES`."""
    severity: Severity
    """``error``: explains why one side fails; ``warning``: may matter; ``info``: context."""
    title: str
    """One sentence, from the failing side's point of view when one side works
    (``B's token lacks orders:write, which A's has``)."""
    a: str
    """Side A's value, as a report shows it (redacted the same way)."""
    b: str
    """Side B's value."""
    detail: str = ""
    """Why it matters, and what to do about it."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole comparison, ready for any renderer. Both reports already redacted."""

    a: Report
    b: Report
    working: Working
    headline: str
    """One sentence: the top difference that explains the failure."""
    differences: tuple[Difference, ...] = ()
    """Ranked: what explains the failure first (severity, then the contract's rank)."""
    cause: str | None = None
    """The code of the difference the headline names; ``None`` when it names none
    (the failing side's own diagnosis, or both sides' verdicts)."""
