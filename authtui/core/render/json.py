"""The JSON report of the contract (``schema: authtui.report/1``)."""

from __future__ import annotations

from typing import Any

from authtui.core.codec.jsonexact import dumps_exact
from authtui.core.model import Challenge, Credentials, Exchange, Finding, Report, Token, Totals
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
    return {
        "form": t.form.value,
        "source": t.source,
        "raw": t.raw,
        "header": t.header,
        "claims": t.claims,
        "signature": signature,
        "notes": [n.message for n in t.notes],
    }


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
