"""From pasted text and options to a :class:`~authtui.core.model.Report`.

The one entry point every front end uses::

    report = diagnose(text, Options(now=1735689600, audiences=("https://api",)))

The pipeline runs one way: read the paste, parse challenges and credentials,
decode the tokens, check the signature once, run every registered check,
judge, rank, list (a report lists the first few hundred challenges and headers and
the highest ranked findings of each code, and counts every one), redact.
"""

from __future__ import annotations

import time as _time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from authtui.core import clock
from authtui.core.checks import Check, all_checks
from authtui.core.context import Context
from authtui.core.http.challenges import challenges_of
from authtui.core.http.request import credential_total, request_credentials
from authtui.core.jose import signature, tokens
from authtui.core.limits import SHOWN_CHALLENGES, SHOWN_FINDINGS_PER_CODE, SHOWN_HEADERS
from authtui.core.model import (
    Challenge,
    Clock,
    Credentials,
    Exchange,
    ExchangeKey,
    Finding,
    Note,
    Paste,
    Report,
    Severity,
    Token,
    Totals,
)
from authtui.core.options import FrontEnd, Options
from authtui.core.read import paste
from authtui.core.read.hidden import hidden_failure
from authtui.core.safety.redact import redact_report
from authtui.core.verdict import judge, order_findings, settle
from authtui.core.words.reader import ServerWords, read_words

# Schemes whose token68 is a token to decode (the rest carry passwords or tickets).
_TOKEN_SCHEMES = frozenset({"", "bearer", "dpop", "jwt", "token", "oauth", "oauth2", "pop"})


def diagnose(text: str, options: Options | None = None) -> Report:
    """Diagnose one paste. Never raises on user input."""
    return diagnose_paste(paste.read_paste(text), options)


def diagnose_paste(pasted: Paste, options: Options | None = None) -> Report:
    """Diagnose a paste already read by :func:`~authtui.core.read.paste.read_paste`.

    For front ends that re-diagnose often while the paste itself does not change
    (the TUI, as the user types a token or a setting): they read it once.
    """
    return diagnose_with_context(pasted, options)[0]


def diagnose_with_context(pasted: Paste, options: Options | None = None) -> tuple[Report, Context]:
    """The report and the context it was built from (the context is not redacted).

    For stages above the diagnosis that look at what the report hides on purpose:
    :mod:`~authtui.core.compare` compares two secrets by their fingerprints.
    """
    options = options or Options()
    ctx = context_for(pasted, options)
    findings = settle(ctx, run_checks(ctx, all_checks()))
    verdict = judge(ctx, findings)
    ranked = order_findings(findings, verdict.causes)
    listed, omitted = _listed_findings(ranked)
    exchange = ctx.exchange
    totals = Totals(
        challenges=len(ctx.challenges),
        request_headers=len(exchange.request_headers),
        response_headers=len(exchange.response_headers),
        findings=len(ranked),
        findings_omitted=omitted,
    )
    cut = (
        omitted
        or totals.challenges > SHOWN_CHALLENGES
        or max(totals.request_headers, totals.response_headers) > SHOWN_HEADERS
    )
    if cut:
        exchange = replace(
            exchange,
            request_headers=exchange.request_headers[:SHOWN_HEADERS],
            response_headers=exchange.response_headers[:SHOWN_HEADERS],
        )
    report = Report(
        verdict=verdict,
        findings=listed,
        exchange=exchange,
        challenges=ctx.challenges[:SHOWN_CHALLENGES],
        credentials=ctx.primary,
        token=ctx.token,
        signature=ctx.signature.status,
        clock=_clock(ctx),
        notes=ctx.paste.notes + ctx.signature.notes,
        entries=tuple(e.label or f"entry {i + 1}" for i, e in enumerate(ctx.paste.exchanges)),
        selected=_selected_index(ctx),
        redacted=options.redact,
        totals=totals if cut else None,
    )
    return redact_report(report, ctx), ctx


def _listed_findings(
    ranked: tuple[Finding, ...],
) -> tuple[tuple[Finding, ...], tuple[tuple[str, int], ...]]:
    """The findings a report lists (the first of each code, in rank order), and how
    many of each code it leaves out."""
    seen: dict[str, int] = {}
    listed: list[Finding] = []
    for finding in ranked:
        count = seen.get(finding.code, 0) + 1
        seen[finding.code] = count
        if count <= SHOWN_FINDINGS_PER_CODE:
            listed.append(finding)
    omitted = tuple(
        (code, count - SHOWN_FINDINGS_PER_CODE)
        for code, count in seen.items()
        if count > SHOWN_FINDINGS_PER_CODE
    )
    return tuple(listed), omitted


def build_context(text: str, options: Options) -> Context:
    """Read everything once; checks only look."""
    return context_for(paste.read_paste(text), options)


def context_for(pasted: Paste, options: Options) -> Context:
    """The context for a paste already read."""
    device = options.device_now if options.device_now is not None else _time.time()
    exchange = _pick(pasted.exchanges, options.entry, pasted.selected)
    key = ExchangeKey.of(exchange)
    read = _read_exchange(exchange, options.front) if key is None else _kept(key, options.front)
    roles = tuple(
        (role, _clean_and_decode(value, f"{role} of the token endpoint's answer"))
        for role, value in pasted.token_roles
    )
    pasted_token = _pasted_token(options.token, pasted, roles)
    token = read.request_token or pasted_token
    reading = clock.decide(exchange, token, options, float(device))
    words = read.words
    return Context(
        options=options,
        paste=pasted,
        exchange=exchange,
        now=reading.now,
        skew=float(options.skew),
        server_now=reading.server_now,
        challenges=read.challenges,
        challenge_notes=read.challenge_notes,
        credentials=read.credentials,
        credential_total=read.credential_total,
        token=token,
        request_token=read.request_token,
        pasted_token=pasted_token,
        dpop_proofs=read.proofs,
        signature=signature.check_signature(
            token, options.keys, options.secret, options.front, reading.now
        ),
        server_findings=words.findings,
        server_read_token=words.read_token,
        server_schemes=words.schemes,
        server_wants_token=words.wants_token,
        server_talks_token=words.talks_token,
        reading=reading,
        token_roles=roles,
        hidden=hidden_failure(exchange),
    )


@dataclass(frozen=True, slots=True)
class _ExchangeRead:
    """What the diagnosis reads from the exchange alone (not from the options)."""

    challenges: tuple[Challenge, ...]
    challenge_notes: tuple[Note, ...]
    credentials: tuple[Credentials, ...]
    credential_total: int
    request_token: Token | None
    proofs: tuple[Token, ...]
    words: ServerWords


@lru_cache(maxsize=4)
def _kept(key: ExchangeKey, front: FrontEnd) -> _ExchangeRead:
    """:func:`_read_exchange`, once per distinct exchange (and front end: advice names
    its controls), as the TUI re-diagnoses the same paste at every keystroke in the
    token pane or a setting. Bounded: it holds the last few exchanges' credentials and
    tokens, which the pastes they came from hold already."""
    return _read_exchange(key.exchange, front)


def _read_exchange(exchange: Exchange, front: FrontEnd) -> _ExchangeRead:
    """Challenges, credentials, the request's token and DPoP proofs, and the server's
    words: what the diagnosis reads from the exchange alone."""
    challenges, challenge_notes = challenges_of(exchange.response_headers)
    all_notes = list(challenge_notes)
    for challenge in challenges:
        all_notes.extend(challenge.notes)
    credentials = request_credentials(exchange)
    return _ExchangeRead(
        challenges=challenges,
        challenge_notes=tuple(all_notes),
        credentials=credentials,
        credential_total=credential_total(exchange),
        request_token=_request_token(credentials),
        proofs=tuple(
            replace(_clean_and_decode(h.value, "DPoP header"), span=h.span)
            for h in exchange.request_headers
            if h.key == "dpop"
        ),
        words=read_words(exchange, challenges, front),
    )


def _clock(ctx: Context) -> Clock:
    """The report's clock: the evaluation time, where it came from, and in words."""
    reading = ctx.clock
    return Clock(
        now=ctx.now,
        server_now=ctx.server_now,
        skew=ctx.skew,
        basis=reading.basis,
        captured_at=reading.captured_at,
        device=reading.device,
        summary=clock.summary(reading, ctx.token),
    )


def run_checks(ctx: Context, checks: Iterable[Check]) -> Iterable[Finding]:
    """Run each check. A check that breaks costs one finding, never the report."""
    for check in checks:
        try:
            yield from check(ctx)
        except Exception as exc:
            yield Finding(
                code="internal.check_failed",
                severity=Severity.WARNING,
                title=f"authtui could not finish one check ({check.__module__}.{check.__name__})",
                detail="This is a bug in authtui, not in your request. The other checks ran.",
                evidence=f"{type(exc).__name__}: {exc}"[:300],
                fix="Report it with the paste (redacted) so it can be fixed.",
            )


def _pick(exchanges: tuple[Exchange, ...], entry: int | None, default: int) -> Exchange:
    if not exchanges:
        return Exchange()
    index = default if entry is None or not 0 <= entry < len(exchanges) else entry
    return exchanges[min(max(index, 0), len(exchanges) - 1)]


def _selected_index(ctx: Context) -> int:
    for i, exchange in enumerate(ctx.paste.exchanges):
        if exchange is ctx.exchange:
            return i
    return 0


def _request_token(credentials: tuple[Credentials, ...]) -> Token | None:
    for cred in credentials:
        if cred.token68 and cred.scheme_key in _TOKEN_SCHEMES:
            where = cred.field_name if " " in cred.field_name else f"{cred.field_name} header"
            return replace(tokens.decode_token(cred.token68, source=where), span=cred.span)
    return None


def _pasted_token(
    option: str | None, pasted: Paste, roles: tuple[tuple[str, Token], ...]
) -> Token | None:
    if option and option.strip():
        return _clean_and_decode(option, "token given on its own")
    found = pasted.tokens
    if not found:
        return None
    span = pasted.token_spans[0] if pasted.token_spans else None
    for _role, decoded in roles:
        if decoded.raw == tokens.clean_token(found[0])[0]:
            return replace(decoded, span=span)
    return replace(_clean_and_decode(found[0], "token in the paste"), span=span)


def _clean_and_decode(text: str, source: str) -> Token:
    """Decode a token pasted on its own, keeping what cleaning it took.

    Read once per text and source while under 64 KiB (an LRU of 8): the TUI diagnoses
    again at every keystroke in a setting, the token unchanged. The tokens it holds are
    the last few the front end gave, which it holds itself.
    """
    if len(text) > _DECODED_CHARS:
        return _decode(text, source)
    return _decoded(text, source)


_DECODED_CHARS = 64 * 1024
"""Longest token text kept decoded (:func:`_clean_and_decode`)."""


@lru_cache(maxsize=8)
def _decoded(text: str, source: str) -> Token:
    return _decode(text, source)


def _decode(text: str, source: str) -> Token:
    cleaned, notes = tokens.clean_token(text)
    token = tokens.decode_token(cleaned, source=source)
    return replace(token, notes=notes + token.notes) if notes else token
