"""The reader of server words: what the server's own messages mean, as findings.

Each message the server gave (:mod:`.sources`: challenges, error headers, bodies of any
shape) is read twice over: the vendor table (:mod:`.table`) first, for what only a table
knows (``IDX10214``, ``AADSTS``, AWS error types, a vendor's odd wording); then, when no
row speaks, the general reader (:mod:`.meaning`), which reads the sentence for its
subject and predicate. Each ``server.*`` code is reported once, quoting every message
that said it and where. A message about authentication that neither can place on one
cause is quoted in ``server.message`` (info): shown, never guessed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus

from authtui.core import sources
from authtui.core.controls import CONTROLS, control, via
from authtui.core.model import Challenge, Exchange, Finding, Severity
from authtui.core.options import FrontEnd
from authtui.core.place import Source
from authtui.core.words import meaning
from authtui.core.words import pattern as sp
from authtui.core.words import vocabulary as vocab
from authtui.core.words.bodies import ServerText
from authtui.core.words.match import match_normalised
from authtui.core.words.sources import RFC6750_ERRORS, error_texts

EVIDENCE_CAP = 300
"""Longest quoted message in a finding's evidence."""
_MAX_EVIDENCE = 3


@dataclass(frozen=True, slots=True)
class _CodeText:
    title: str
    fix: str
    """May name controls: ``{key}`` (the control), ``{via_key}`` (``with --key``, ``in
    Settings › Verification key``), filled for the front end that asks."""
    refs: tuple[str, ...]

    def fix_for(self, front: FrontEnd) -> str:
        """The fix, naming the controls of ``front``."""
        names = {name: control(name, front) for name in CONTROLS}
        names.update({f"via_{name}": via(name, front) for name in CONTROLS})
        return self.fix.format_map(names)


_CODE_TEXTS: dict[str, _CodeText] = {
    sp.EXPIRED: _CodeText(
        "The server says the token expired",
        "Get a fresh token (refresh it or sign in again) and retry. If a fresh token fails "
        "too, compare the server's clock with the issuer's (see the time.* findings).",
        ("RFC 7519 §4.1.4", "RFC 6750 §3.1"),
    ),
    sp.NOT_YET_VALID: _CodeText(
        "The server says the token is not valid yet",
        "The token's nbf/iat lie in the server's future: sync the issuer's, client's and "
        "server's clocks (NTP), backdate iat/nbf a little, or allow clock skew on the server.",
        ("RFC 7519 §4.1.5", "RFC 7519 §4.1.6"),
    ),
    sp.BAD_SIGNATURE: _CodeText(
        "The server says the token's signature is invalid",
        "Check the token comes unaltered from the issuer this API trusts, and that the "
        "server allows its alg; verify it here with the issuer's JWKS ({key}) to see which "
        "side is wrong.",
        ("RFC 7515 §5.2", "RFC 8725 §3.1"),
    ),
    sp.UNKNOWN_KEY: _CodeText(
        "The server found no key to verify the token",
        "Compare the token's kid and alg with the keys the server loads from its configured "
        "issuer (authority, tenant, realm, JWKS URL); a rotated key needs a metadata refresh. "
        "Give the JWKS {via_key} to check.",
        ("RFC 7515 §4.1.4", "RFC 7517 §5", "RFC 8725 §3.1"),
    ),
    sp.AUDIENCE: _CodeText(
        "The server says the token's audience is wrong",
        "Request the token for this API (the audience, resource or API scope parameter at "
        "the token endpoint), or add the token's aud to the API's accepted audiences. Give "
        "the expected audience {via_aud} to compare.",
        ("RFC 7519 §4.1.3", "RFC 8725 §3.9"),
    ),
    sp.ISSUER: _CodeText(
        "The server says the token's issuer is wrong",
        "Get the token from the issuer the API trusts, or configure the API to trust this "
        "one: the match is exact (scheme, host, path, trailing slash, /v2.0). Give the "
        "expected issuer {via_iss} to compare.",
        ("RFC 7519 §4.1.1", "RFC 8725 §3.8"),
    ),
    sp.SCOPE: _CodeText(
        "The server says the token lacks the scope or permission needed",
        "Request the token with the scope or role this endpoint needs (and consent to it), "
        "or grant it to the client or user. Give the required scope {via_scope} to compare.",
        ("RFC 6750 §3.1", "RFC 6749 §3.3"),
    ),
    sp.MALFORMED: _CodeText(
        "The server says the token or its header is malformed",
        "Send exactly 'Authorization: Bearer <token>' with the whole token (a JWT has three "
        "dot-separated parts), no quotes, no line breaks.",
        ("RFC 6750 §2.1", "RFC 7515 §7.1"),
    ),
    sp.MISSING_TOKEN: _CodeText(
        "The server says no token reached it",
        "Check the request carries 'Authorization: Bearer <token>' all the way to the app: "
        "a proxy, a redirect, CORS or the WSGI/CGI layer may strip the header.",
        ("RFC 6750 §2.1", "RFC 6750 §3.1", "RFC 9110 §11.6.2"),
    ),
    sp.WRONG_TOKEN_TYPE: _CodeText(
        "The server says this is the wrong kind of token",
        "Send the kind of token the server expects: an access token for APIs (not the ID or "
        "refresh token), or an ID token where the service demands one.",
        ("RFC 8725 §3.11", "RFC 9068 §2.1"),
    ),
}


MESSAGE = "server.message"
"""The server's words that no rule places on one cause, quoted (info)."""

_MAY_BE_THE_HEADER = frozenset({sp.MISSING_TOKEN, sp.MALFORMED})
"""Table codes that do not show the server read a token."""

_STATUS_PHRASES = frozenset(status.phrase.lower() for status in HTTPStatus)
"""Standard reason phrases: a body that only repeats one says nothing more."""


@dataclass(frozen=True, slots=True)
class _Source:
    """Why some words mean a code: a table row or a general reading."""

    code: str
    meaning: str
    vendor: str = ""
    hint: bool = False
    title: str = ""
    fix: str = ""


@dataclass(slots=True)
class _Hits:
    """Everything the server said that maps to one code."""

    code: str
    sources: list[_Source] = field(default_factory=list)
    texts: list[ServerText] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ServerWords:
    """What the server's words say, for the checks and the verdict."""

    findings: tuple[Finding, ...] = ()
    """``server.*`` findings, in order of first mention (``server.message`` last)."""
    schemes: frozenset[str] = frozenset()
    """Authorization schemes the words ask for (``Authorization: Bearer <token>``)."""
    read_token: bool = False
    """The words judge a token (its expiry, signature, claims, form): the server read one."""
    wants_token: bool = False
    """The words say a token was missing ("no authorization token provided")."""
    talks_token: bool = False
    """The words speak of a token at all ("Invalid token", ``FST_JWT_...``): the server
    works with tokens, not passwords."""


@dataclass(slots=True)
class _State:
    """The state of one reading of a response's words."""

    hits: dict[str, _Hits] = field(default_factory=dict)
    unplaced: list[ServerText] = field(default_factory=list)
    schemes: set[str] = field(default_factory=set)
    read_token: bool = False
    wants_token: bool = False
    talks_token: bool = False

    def add(self, source: _Source, item: ServerText) -> None:
        entry = self.hits.setdefault(source.code, _Hits(source.code))
        entry.sources.append(source)
        entry.texts.append(item)


def _skipped(normalised: str, errors: Collection[str]) -> bool:
    """A bare RFC 6750 code, or the very error code of a challenge (``insufficient_claims``),
    is the challenge check's to report. A sentence in a challenge's ``error`` ("Expired
    token") is the server's words, and read."""
    if normalised in errors and " " not in normalised:
        return True
    return normalised in RFC6750_ERRORS and normalised != "insufficient_scope"


def _from_row(row: sp.Pattern) -> _Source:
    return _Source(row.code, row.meaning, row.vendor, row.hint, row.title, row.fix)


def _from_reading(reading: meaning.Reading) -> _Source:
    if reading.subject == vocab.ANONYMOUS:
        return _Source(reading.code, vocab.ANONYMOUS_MEANING)
    said = f'(Read from the words "{reading.words}".)'
    specific = vocab.SPECIFIC.get((reading.subject, reading.predicate))
    if specific is not None:
        title, means, fix = specific
        return _Source(reading.code, f"{means} {said}", title=title, fix=fix)
    return _Source(reading.code, f"{vocab.MEANINGS[reading.code]} {said}")


def _read_all(texts: Sequence[ServerText], errors: Collection[str]) -> _State:
    state = _State()
    # Servers often say the same words twice (challenge and body): read them once.
    table: dict[str, list[sp.Pattern]] = {}
    general: dict[str, meaning.Meaning] = {}
    for item in texts:
        state.schemes |= meaning.asked_schemes(item.text)
        normalised = sp.normalise(item.text)
        if _skipped(normalised, errors):
            continue
        rows = table.get(normalised)
        if rows is None:
            rows = table[normalised] = match_normalised(normalised, errors)
        read = general.get(normalised)
        if read is None:
            read = general[normalised] = meaning.read(item.text)
        if any(not row.companion for row in rows):
            # A vendor's malformed may be the header's: the general reader's read_token tells.
            state.read_token |= any(row.code not in _MAY_BE_THE_HEADER for row in rows)
        else:
            for reading in read.readings:
                state.add(_from_reading(reading), item)
            # "No authorization token provided", "FST_JWT_NO_AUTHORIZATION": missing, and a token.
            missing_credentials = any(r.code == sp.MISSING_TOKEN for r in read.readings)
            state.wants_token |= missing_credentials and vocab.TOKEN in read.subjects
            if not read.readings and read.mentions_subject and not _says_nothing(normalised):
                state.unplaced.append(item)
        state.read_token |= read.read_token
        state.talks_token |= vocab.TOKEN in read.subjects
        for row in rows:
            state.add(_from_row(row), item)
    missing = state.hits.get(sp.MISSING_TOKEN)
    if state.read_token and missing is not None:
        # Words that judge a token show one arrived: a "missing" beside them is the
        # server's stock wording ("Missing authentication"), quoted, not believed.
        del state.hits[sp.MISSING_TOKEN]
        state.unplaced[:0] = [t for t in missing.texts if t not in state.unplaced]
    return state


def _says_nothing(normalised: str) -> bool:
    """Only a status phrase ("401 Unauthorized") or an RFC 6750 code."""
    bare = " ".join(w for w in normalised.replace(":", " ").split() if not w.isdigit())
    return bare in _STATUS_PHRASES or bare in RFC6750_ERRORS


def server_findings(
    texts: Sequence[ServerText], challenge_errors: Collection[str] = (), front: FrontEnd = "cli"
) -> list[Finding]:
    """One finding per ``server.*`` code the texts support, in order of first mention,
    then ``server.message`` quoting what could not be placed.

    ``challenge_errors`` are the (lower-cased) ``error`` codes of the challenges: a
    text that only repeats an RFC 6750 code is left to the challenge check. ``front`` is
    the front end that asks (advice names its controls).
    """
    return list(_findings(_read_all(texts, _lowered(challenge_errors)), front))


def _lowered(errors: Collection[str]) -> set[str]:
    return {e.strip().lower() for e in errors}


def _findings(state: _State, front: FrontEnd) -> list[Finding]:
    """A finding per code; the unplaced words quoted only when nothing was placed (beside
    a reading, they are the server's generic wording of the same refusal)."""
    found = [_finding(entry, front) for entry in state.hits.values()]
    if state.unplaced and not found:
        found.append(_message(state.unplaced))
    return found


def _finding(hits: _Hits, front: FrontEnd) -> Finding:
    statements = [source for source in hits.sources if not source.hint]
    lead = statements[0] if statements else hits.sources[0]
    base = _CODE_TEXTS[hits.code]
    return Finding(
        code=hits.code,
        severity=Severity.ERROR if statements else Severity.WARNING,
        title=lead.title or base.title,
        detail=_detail(lead, hits.sources),
        evidence=_evidence(hits.texts),
        fix=lead.fix or base.fix_for(front),
        refs=base.refs,
        source=_source(hits.texts),
    )


def _message(texts: Sequence[ServerText]) -> Finding:
    return Finding(
        code=MESSAGE,
        severity=Severity.INFO,
        title="What the server said, in its own words",
        detail=(
            "The server's message does not say which check failed (an invalid token, a "
            "failed authentication, a bad password...), so authtui does not guess a cause "
            "from it: read it beside the other findings."
        ),
        evidence=_evidence(texts),
        fix="When the words are vague, the server's log usually names the check that failed "
        "(exp, aud, iss, signature, kid, scope).",
        refs=("RFC 9110 §15.5.2", "RFC 6750 §3.1"),
        source=_source(texts),
    )


def _source(texts: Sequence[ServerText]) -> Source | None:
    """Where the first message that said it was read (its header line, the body...)."""
    return sources.first(*(sources.paste(item.span) for item in texts))


def _detail(lead: _Source, sources: Sequence[_Source]) -> str:
    parts = [lead.meaning]
    if lead.vendor:
        parts.append(f"(Recognised as the wording of {lead.vendor}.)")
    other = next((s for s in sources if s.meaning != lead.meaning), None)
    if other is not None:
        parts.append(f"Another message: {other.meaning}")
    return " ".join(parts)


def _evidence(texts: Sequence[ServerText]) -> str:
    """Each distinct message once, with every place that said it; a message already
    contained in a longer one (an HTML heading in the page text) is not repeated."""
    places: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    for item in texts:
        norm = sp.normalise(item.text)
        if any(norm != seen and (norm in seen or seen in norm) for seen in places):
            continue
        places.setdefault(norm, [])
        if item.where not in places[norm]:
            places[norm].append(item.where)
        first.setdefault(norm, item.text)
    shown = [
        f'{", ".join(wheres)}: "{shorten(first[norm])}"'
        for norm, wheres in list(places.items())[:_MAX_EVIDENCE]
    ]
    if len(places) > _MAX_EVIDENCE:
        shown.append(f"and {len(places) - _MAX_EVIDENCE} more")
    return "; ".join(shown)


def shorten(text: str, limit: int = EVIDENCE_CAP) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def read_words(
    exchange: Exchange, challenges: Sequence[Challenge], front: FrontEnd = "cli"
) -> ServerWords:
    """What the server's own messages say (nothing for 1xx-3xx answers); ``front`` is the
    front end that asks (advice names its controls)."""
    status = exchange.status
    if status is not None and status < 400:
        return ServerWords()
    texts = error_texts(exchange, challenges)
    errors = _lowered([c.params["error"] for c in challenges if "error" in c.params])
    state = _read_all(texts, errors)
    return ServerWords(
        findings=tuple(_findings(state, front)),
        schemes=frozenset(state.schemes),
        read_token=state.read_token,
        wants_token=state.wants_token,
        talks_token=state.talks_token,
    )
