"""The context every check reads: the paste, parsed once, and the options."""

from __future__ import annotations

from dataclasses import dataclass, field

from authtui.core.clock import Reading
from authtui.core.model import (
    Challenge,
    Credentials,
    Exchange,
    Finding,
    Note,
    Paste,
    SignatureStatus,
    Token,
)
from authtui.core.options import FrontEnd, Options


@dataclass(frozen=True, slots=True)
class SignatureResult:
    """What checking the token's signature against the user's keys gave."""

    status: SignatureStatus = SignatureStatus.NOT_CHECKED
    findings: tuple[Finding, ...] = ()
    """``sig.*`` findings (key errors included)."""
    matched: str | None = None
    """Which key verified the token, in words."""
    notes: tuple[Note, ...] = ()
    """How the keys were read leniently (a PEM with literal ``\\n``, on one line)."""


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a check may look at. Built once per diagnosis."""

    options: Options
    paste: Paste
    exchange: Exchange
    now: float
    """Evaluation clock (epoch seconds)."""
    skew: float
    server_now: float | None
    """The server's clock when it answered (``Date`` plus ``Age``), when readable."""
    challenges: tuple[Challenge, ...] = ()
    """Every challenge of every WWW-Authenticate / Proxy-Authenticate field, in order."""
    challenge_notes: tuple[Note, ...] = ()
    """Deviations read leniently in the challenge fields (field level and per challenge)."""
    credentials: tuple[Credentials, ...] = ()
    """Every credential the request carried, in order of appearance
    (Authorization first, then non-standard headers, query and form); at most
    :data:`~authtui.core.limits.MAX_CREDENTIALS_PER_FIELD` of each kind of field."""
    credential_total: int = 0
    """How many credentials meant for the API (not a proxy's, not cookies) the request
    carries in all, read or not."""
    token: Token | None = None
    """The access token under diagnosis: the request's, else the one pasted alone."""
    request_token: Token | None = None
    """The token the request carried, when it did."""
    pasted_token: Token | None = None
    """The token given on its own (option, token pane, or bare in the paste)."""
    dpop_proofs: tuple[Token, ...] = ()
    """Decoded ``DPoP`` request header values (proof JWTs)."""
    signature: SignatureResult = field(default_factory=SignatureResult)
    server_findings: tuple[Finding, ...] = ()
    """``server.*`` findings: what the server's own words mean (read once)."""
    server_read_token: bool = False
    """The server's words judge a token (its expiry, signature, claims or form): the
    server received and read one, whatever its challenge says."""
    server_schemes: frozenset[str] = frozenset()
    """Authorization schemes the server's words ask for (``Authorization: Bearer
    <token>``, "must start with Bearer"), lower-cased."""
    server_wants_token: bool = False
    """The server's words say no token reached it ("no authorization token provided")."""
    server_talks_token: bool = False
    """The server's words speak of a token ("Invalid token"): it works with tokens."""
    token_roles: tuple[tuple[str, Token], ...] = ()
    """The tokens of a token endpoint's answer in the paste, decoded, with the member
    each came from (``access_token``, ``id_token``, ``refresh_token``)."""
    hidden: str | None = None
    """The shape that hides an auth failure behind a 2xx or 3xx (``graphql``,
    ``login_redirect``, ``login_form``), when the exchange has one."""
    reading: Reading | None = None
    """How the evaluation clock was chosen (:func:`authtui.core.clock.decide`);
    ``None`` for a context built by hand: :attr:`now` is then a time given."""

    @property
    def clock(self) -> Reading:
        """The evaluation clock's reading (a time given when none was decided)."""
        if self.reading is not None:
            return self.reading
        return Reading.fixed(self.now, self.server_now, self.skew)

    @property
    def front(self) -> FrontEnd:
        """Which front end asks (advice names its controls)."""
        return self.options.front

    @property
    def status(self) -> int | None:
        """The response status, when pasted."""
        return self.exchange.status

    @property
    def primary(self) -> Credentials | None:
        """The credential that matters most: the first one."""
        return self.credentials[0] if self.credentials else None

    @property
    def refused(self) -> bool:
        """True when the answer refused the request: 401, 403, 407, or a shape that
        hides a refusal behind a 2xx or 3xx."""
        return self.exchange.status in (401, 403, 407) or self.hidden is not None

    def challenge_errors(self) -> list[str]:
        """The ``error`` parameter of every challenge that has one, in order."""
        return [c.params["error"] for c in self.challenges if "error" in c.params]
