"""The JSON of the contract: reports (``authtui.report/1``) and comparisons
(``authtui.compare/1``)."""

from __future__ import annotations

from typing import Any

from authtui.core.codec.jsonexact import dumps_exact
from authtui.core.compare.model import Comparison
from authtui.core.model import (
    Challenge,
    Credentials,
    Exchange,
    Finding,
    Report,
    Token,
    TokenForm,
    Totals,
)
from authtui.core.place import Source
from authtui.core.safety.terminal import json_safe

SCHEMA = "authtui.report/1"
_BODY_LIMIT = 64 * 1024


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "title": f.title,
        "detail": f.detail,
        "evidence": f.evidence,
        "fix": f.fix,
        "refs": list(f.refs),
        "confirms": list(f.confirms),
        "source": _source(f.source),
    }


def _source(s: Source | None) -> dict[str, Any] | None:
    """Where the evidence came from: offsets into the paste (``[start, end]``) and the
    line, the token segment, the claim path, the key input; ``null`` where unknown."""
    if s is None:
        return None
    return {
        "paste": [s.paste.start, s.paste.end] if s.paste is not None else None,
        "line": s.line,
        "token_part": s.token_part.value if s.token_part is not None else None,
        "claim": s.claim_path or None,
        "key": s.key or None,
    }


def _exchange(e: Exchange, counts: Totals) -> dict[str, Any]:
    return {
        "status": e.status,
        "reason": e.reason,
        "http_version": e.http_version,
        "request": {
            "method": e.method,
            "target": e.target,
            "url": e.url,
            "headers": [[h.name, h.value] for h in e.request_headers],
            "headers_total": counts.request_headers,
        },
        "headers": [[h.name, h.value] for h in e.response_headers],
        "headers_total": counts.response_headers,
        "body": e.body[:_BODY_LIMIT],
        "source": e.source,
    }


def _challenge(c: Challenge) -> dict[str, Any]:
    return {
        "scheme": c.scheme,
        "token68": c.token68,
        "params": dict(c.params),
        "field": c.field_name,
    }


def _credentials(c: Credentials | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "scheme": c.scheme,
        "token68": c.token68,
        "params": dict(c.params),
        "field": c.field_name,
    }


def _token(t: Token | None, signature: str) -> dict[str, Any]:
    if t is None:
        return {"form": "none", "header": None, "claims": None, "signature": signature}
    shown: dict[str, Any] = {
        "form": t.form.value,
        "source": t.source,
        "raw": t.raw,
        "header": t.header,
        "claims": t.claims,
        "signature": signature,
        "notes": [n.message for n in t.notes],
    }
    if t.form is TokenForm.JWS and t.claims is None and t.header is not None:
        # A JWS that is no JWT: its payload, as text (binary bytes replaced).
        shown["payload"] = t.payload[:_BODY_LIMIT].decode("utf-8", errors="replace")
    return shown


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in the contract's shape."""
    v = report.verdict
    counts = report.counts()
    return {
        "schema": SCHEMA,
        "verdict": {
            "status": v.status,
            "kind": v.kind.value,
            "headline": v.headline,
            "causes": list(v.causes),
            "next_step": v.next_step,
        },
        "findings": [_finding(f) for f in report.findings],
        "findings_total": counts.findings,
        "findings_omitted": dict(counts.findings_omitted),
        "exchange": _exchange(report.exchange, counts),
        "challenges": [_challenge(c) for c in report.challenges],
        "challenges_total": counts.challenges,
        "credentials": _credentials(report.credentials),
        "token": _token(report.token, report.signature.value),
        "clock": {
            "now": _number(report.clock.now),
            "server_now": _number(report.clock.server_now),
            "skew": _number(report.clock.skew),
            "basis": report.clock.basis.value,
            "captured_at": _number(report.clock.captured_at),
        },
        "notes": [
            {"code": n.code, "message": n.message, "evidence": n.evidence} for n in report.notes
        ],
        "entries": list(report.entries),
        "selected": report.selected,
        "redacted": report.redacted,
        "redactions": [{"where": r.where, "tier": r.tier.value} for r in report.redactions],
    }


def render_json(report: Report) -> str:
    """The JSON text (claims kept exactly: large integers stay exact).

    Characters that could drive a terminal are written as ``\\uXXXX`` escapes, so a
    report printed to a terminal or read by ``jq`` shows them, never acts on them.
    """
    return json_safe(dumps_exact(report_dict(report), indent=2))


COMPARE_SCHEMA = "authtui.compare/1"


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """A comparison as plain JSON-ready data (contract: ``compare``): each side's full
    report, which side works, the headline and the ranked differences."""
    return {
        "schema": COMPARE_SCHEMA,
        "a": report_dict(comparison.a),
        "b": report_dict(comparison.b),
        "working": comparison.working.value,
        "headline": comparison.headline,
        "cause": comparison.cause,
        "differences": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "title": d.title,
                "a": d.a,
                "b": d.b,
                "detail": d.detail,
            }
            for d in comparison.differences
        ],
    }


def render_comparison_json(comparison: Comparison) -> str:
    """The comparison's JSON text, through the same terminal boundary as a report's."""
    return json_safe(dumps_exact(comparison_dict(comparison), indent=2))
