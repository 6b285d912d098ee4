"""A whole report made safe: every field scrubbed, then the backstop over every string.

:func:`redact_report` applies the scrubber (:mod:`.secrets`) to the report's exchange,
credentials and token, lists what it hid (``Report.redactions``), and ends with a value
search (:mod:`.backstop`) for the long credentials and the secrets it met, as a backstop
for free text (a body that quotes the token back): the tokens and credentials of the
request, the HMAC secret in each spelling, the private material of a key file.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from functools import lru_cache

from authtui.core.context import Context
from authtui.core.model import Finding, Note, Report, Tier
from authtui.core.safety.backstop import Backstop
from authtui.core.safety.secrets import (
    Scrubber,
    changed,
    fingerprint,
    redacted_form,
    scrubber_for,
)
from authtui.core.safety.shapes import scrub_json


def _long_needles(scrub: Scrubber, ctx: Context) -> dict[str, str]:
    """The values the backstop hunts in every string, headers included: the tokens and
    credentials of the request, and the HMAC secret in each spelling."""
    found: dict[str, str] = {}

    def add(value: str, tier: Tier) -> None:
        if value and (tier is Tier.SECRET or scrub.redact):
            found[value] = str(fingerprint(value)) if tier is Tier.SECRET else redacted_form(value)

    for cred in ctx.credentials:
        for part, tier in scrub.hidden_parts(cred):
            add(part, tier)
    companions = (token for _, token in ctx.token_roles)
    for token in (ctx.token, ctx.request_token, ctx.pasted_token, *ctx.dpop_proofs, *companions):
        if token is not None:
            add(token.raw, Tier.CREDENTIAL)
            if len(token.segments) >= 3:
                add(token.segments[-1], Tier.CREDENTIAL)
    add((ctx.options.token or "").strip(), Tier.CREDENTIAL)
    for key in ctx.options.keys:
        found.update(_private_key_needles(scrub, key.name, key.data))
    secret = ctx.options.secret
    if secret is not None:
        raw = secret.reveal()
        scrub.mark("HMAC secret", Tier.SECRET)
        shown = str(fingerprint(raw))
        for spelling in (
            raw.decode("utf-8", errors="replace"),
            raw.decode("latin-1"),
            base64.b64encode(raw).decode(),
            base64.urlsafe_b64encode(raw).decode().rstrip("="),
        ):
            found[spelling] = shown
    return found


def _private_key_needles(scrub: Scrubber, name: str, data: bytes) -> dict[str, str]:
    """A key file's private material, should the paste repeat it: the lines of a PEM
    private key, the private members of a JWK (each listed as a hidden secret)."""
    found, hidden = _key_material(name, data, scrub.redact)
    for where, tier in hidden:
        scrub.mark(where, tier)
    return dict(found)


@lru_cache(maxsize=8)
def _key_material(
    name: str, data: bytes, redact: bool
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, Tier], ...]]:
    """The needles of one key file (value, shown) and the fields its reading hides.

    Read once per distinct file (name, bytes and redaction): the TUI re-diagnoses at
    every keystroke with the same key, and walking a JWKS costs as much as the rest of
    the redaction. Bounded to the last few key files: the private lines it holds are
    in the options' key bytes already, for as long as the front end keeps them.
    """
    text = data[:1_000_000].decode("utf-8", errors="replace")
    probe = Scrubber(redact)
    found: dict[str, str] = {}
    if text.lstrip().startswith(("{", "[")):
        scrub_json(text, f"key {name}", probe.hide)
        found = {v: s for v, s in probe.needles().items() if s.startswith("(secret")}
    elif "PRIVATE KEY-----" in text:
        probe.mark(f"key {name}", Tier.SECRET)
        lines = (line.strip() for line in text.splitlines())
        found = {line: str(fingerprint(line)) for line in lines if len(line) >= 16}
        found = {line: shown for line, shown in found.items() if "-----" not in line}
    hidden = tuple((item.where, item.tier) for item in probe.redactions)
    return tuple(found.items()), hidden


def _finding(scrub: Scrubber, finding: Finding) -> Finding:
    """A finding with the URLs its evidence and detail quote scrubbed."""
    quoted = finding.evidence + finding.detail
    if "?" not in quoted and "#" not in quoted and "@" not in quoted:
        return finding
    evidence, detail = scrub.text(finding.evidence), scrub.text(finding.detail)
    if evidence is finding.evidence and detail is finding.detail:
        return finding
    return replace(finding, evidence=evidence, detail=detail)


def _note(scrub: Scrubber, note: Note) -> Note:
    """A reader's note with the piece of the paste it quotes scrubbed."""
    evidence = scrub.line(note.evidence) if note.evidence else note.evidence
    return note if evidence == note.evidence else replace(note, evidence=evidence)


def redact_report(report: Report, ctx: Context) -> Report:
    """The report with every credential and secret hidden by field, and the list of
    what was hidden; then the backstop over every string."""
    scrub = scrubber_for(ctx)
    exchange = scrub.exchange(report.exchange)
    credentials = scrub.credentials(report.credentials)
    token = scrub.token(report.token)
    entries = tuple(scrub.text(e) for e in report.entries)
    findings = tuple(_finding(scrub, f) for f in report.findings)
    notes = tuple(_note(scrub, n) for n in report.notes)
    long = _long_needles(scrub, ctx)
    every = Backstop({**scrub.needles(), **long})
    headers = Backstop(long)  # many, and scrubbed by field: only the long values hunted
    exchange = changed(
        exchange,
        request_headers=headers.headers(exchange.request_headers),
        response_headers=headers.headers(exchange.response_headers),
        target=every.walk(exchange.target),
        url=every.walk(exchange.url),
        request_body=every(exchange.request_body),
        body=every(exchange.body),
        label=every(exchange.label),
        reason=every.walk(exchange.reason),
    )
    return replace(
        report,
        verdict=every.walk(report.verdict),
        findings=every.walk(findings),
        exchange=exchange,
        credentials=every.walk(credentials),
        token=every.walk(token),
        notes=every.walk(notes),
        entries=every.walk(entries),
        redactions=scrub.redactions,
    )
