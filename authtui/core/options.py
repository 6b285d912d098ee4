"""What the user set beside the paste: clock, expectations, keys, secret."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Reading = Literal["auto", "capture", "device"]
"""Which clock judges when no time is given: the rule of the contract's Clock
section (``auto``), the paste's own time (``--now capture``) or the device clock
(``--now device``)."""
FrontEnd = Literal["cli", "tui"]
"""Which front end asks: advice names its controls (``--now`` or
``Settings › Evaluation time``)."""

DEFAULT_SKEW = 60.0
"""Clock-skew allowance in seconds when none is given (Spring's default)."""


class Secret:
    """An HMAC secret. Its value never appears in a repr, a str or a report."""

    __slots__ = ("_value",)

    def __init__(self, value: bytes) -> None:
        self._value = value

    def reveal(self) -> bytes:
        """The secret bytes, for the one place that verifies with them."""
        return self._value

    def __len__(self) -> int:
        return len(self._value)

    def __repr__(self) -> str:
        return f"Secret(<{len(self._value)} bytes hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", len(self._value)))


@dataclass(frozen=True, slots=True)
class KeyInput:
    """Key material as the user gave it: a file's bytes or pasted text."""

    name: str
    """Where it came from (a path, ``pasted key``), for messages."""
    data: bytes


@dataclass(frozen=True, slots=True)
class Options:
    """Everything beside the paste. The device clock is passed in
    (:attr:`device_now`); the core reads the wall clock only when it is not."""

    now: float | None = None
    """Evaluation time given (``--now TIME``), epoch seconds: basis ``given``.
    ``None``: :attr:`reading` decides."""
    reading: Reading = "auto"
    """Without :attr:`now`: which clock judges (see :mod:`authtui.core.clock`)."""
    device_now: float | None = None
    """The device clock, epoch seconds, passed in by the front end (tests pass a
    fixed one). ``None``: the diagnosis reads the wall clock once, at its start."""
    skew: float = DEFAULT_SKEW
    audiences: tuple[str, ...] = ()
    """Audiences the API accepts (any one may match)."""
    issuer: str | None = None
    scopes: tuple[str, ...] = ()
    """Scopes or roles the endpoint requires (all of them)."""
    keys: tuple[KeyInput, ...] = ()
    secret: Secret | None = None
    token: str | None = None
    """A token given on its own (``--token``, the token pane)."""
    entry: int | None = None
    """Which exchange of the paste to diagnose (HAR entries); ``None``: the default."""
    redact: bool = True
    """Redact tokens and credentials in the report (passwords and secrets always are)."""
    front: FrontEnd = "cli"
    """Which front end asks, so that advice names the control the user has."""
