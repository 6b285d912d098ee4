"""The three renderings: JSON in the contract's shape, Markdown escaped, text safe for a tty."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import jwt
import pytest

from authtui.core.diagnose import diagnose
from authtui.core.model import Finding, Report, Severity
from authtui.core.options import Options, Secret
from authtui.core.render import FORMATS, render
from authtui.core.render.json import SCHEMA, report_dict

NOW = 1735689600
BIG = 123456789012345678901234567890
TOKEN = jwt.encode(
    {"sub": "u1", "exp": NOW - 840, "iat": NOW - 4440, "big": BIG, "ratio": 0.1, "scope": "a b"},
    "k" * 32,
    "HS256",
    headers={"kid": "key-1"},
)
PASTE = (
    "GET /orders HTTP/1.1\nHost: api.test\n"
    f"Authorization: Bearer {TOKEN}\n\n"
    "HTTP/1.1 401 Unauthorized\n"
    "Date: Wed, 01 Jan 2025 00:00:00 GMT\n"
    'WWW-Authenticate: Bearer Realm="api", ERROR="invalid_token", Error_Description="expired"\n'
    "\n"
    '{"error":"invalid_token"}'
)
ESC = "\x1b"


def report(text: str = PASTE, **options: Any) -> Report:
    return diagnose(text, Options(now=NOW, **options))


def as_json(rep: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(rep, "json"))
    return data


# --- JSON -------------------------------------------------------------------------------


def test_json_top_level_shape() -> None:
    data = as_json(report())
    contract = {
        "schema",
        "verdict",
        "findings",
        "exchange",
        "challenges",
        "credentials",
        "token",
        "clock",
    }
    assert contract <= set(data)
    assert data["schema"] == SCHEMA == "authtui.report/1"


def test_json_verdict() -> None:
    verdict = as_json(report())["verdict"]
    assert {"status", "kind", "headline", "causes"} <= set(verdict)
    assert verdict["status"] == 401
    assert verdict["kind"] == "authentication"
    assert verdict["causes"][0] == "time.expired"
    assert isinstance(verdict["headline"], str) and verdict["headline"]


def test_json_findings_have_exactly_the_contract_fields() -> None:
    findings = as_json(report())["findings"]
    assert findings
    for f in findings:
        assert set(f) == {
            "code",
            "severity",
            "title",
            "detail",
            "evidence",
            "fix",
            "refs",
            "confirms",
            "source",
        }
        assert f["severity"] in {"error", "warning", "info", "ok"}
        assert isinstance(f["refs"], list)
    assert findings[0]["code"] == "time.expired"
    assert "RFC 7519 §4.1.4" in findings[0]["refs"]


def test_json_exchange() -> None:
    ex = as_json(report())["exchange"]
    assert ex["status"] == 401
    assert ex["reason"] == "Unauthorized"
    assert ex["request"]["method"] == "GET"
    assert ex["request"]["target"] == "/orders"
    assert ["Date", "Wed, 01 Jan 2025 00:00:00 GMT"] in ex["headers"]
    assert all(isinstance(h, list) and len(h) == 2 for h in ex["headers"])


def test_json_challenges_keys_lower_cased_values_unquoted() -> None:
    (challenge,) = as_json(report())["challenges"]
    assert challenge["scheme"] == "Bearer"
    assert challenge["token68"] is None
    assert challenge["params"] == {
        "realm": "api",
        "error": "invalid_token",
        "error_description": "expired",
    }


def test_json_credentials_redacted() -> None:
    creds = as_json(report())["credentials"]
    assert {"scheme", "token68", "params"} <= set(creds)
    assert creds["scheme"] == "Bearer"
    assert creds["token68"].endswith("…(redacted)")
    assert creds["token68"].startswith("eyJ")
    assert creds["params"] == {}


def test_json_token() -> None:
    tok = as_json(report())["token"]
    assert {"form", "header", "claims", "signature"} <= set(tok)
    assert tok["form"] == "jws"
    assert tok["header"] == {"alg": "HS256", "kid": "key-1", "typ": "JWT"}
    assert tok["claims"]["sub"] == "u1"
    assert tok["signature"] == "not-checked"


def test_json_large_integers_stay_exact() -> None:
    text = render(report(), "json")
    assert str(BIG) in text
    assert as_json(report())["token"]["claims"]["big"] == BIG
    assert as_json(report())["token"]["claims"]["ratio"] == 0.1


def test_json_clock() -> None:
    clock = as_json(report())["clock"]
    assert clock == {
        "now": NOW,
        "server_now": NOW,
        "skew": 60,
        "basis": "given",
        "captured_at": NOW,
    }
    assert isinstance(clock["now"], int)


def test_json_no_token_no_credentials() -> None:
    data = as_json(report("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n"))
    assert data["credentials"] is None
    assert data["token"]["form"] == "none"
    assert data["token"]["claims"] is None
    assert data["clock"]["server_now"] is None


def test_json_fractional_now_kept() -> None:
    data = json.loads(render(diagnose("", Options(now=NOW + 0.5)), "json"))
    assert data["clock"]["now"] == NOW + 0.5


def test_report_dict_matches_rendered_json() -> None:
    rep = report()
    assert json.loads(render(rep, "json")) == json.loads(json.dumps(report_dict(rep)))


# --- Markdown ---------------------------------------------------------------------------

HOSTILE = "x *bold* _em_ [link](http://e.test) <script>alert(1)</script> # h | pipe"
HOSTILE_PASTE = (
    "HTTP/1.1 401 Unauthorized\n"
    f'WWW-Authenticate: Bearer error="invalid_token", error_description="{HOSTILE}"\n\n'
)


def test_markdown_escapes_untrusted_text() -> None:
    md = render(report(HOSTILE_PASTE), "markdown")
    assert "<script>" not in md.replace("`", "").split("**Evidence:**")[0]
    detail_line = next(line for line in md.splitlines() if "The server adds" in line)
    assert r"\*bold\*" in detail_line
    assert r"\_em\_" in detail_line
    assert r"\[link\]" in detail_line
    assert r"\<script\>" in detail_line
    assert r"\|" in detail_line


def test_markdown_evidence_in_code_span() -> None:
    md = render(report(HOSTILE_PASTE), "markdown")
    evidence = next(line for line in md.splitlines() if line.startswith("- **Evidence:**"))
    assert evidence.startswith("- **Evidence:** `") and evidence.endswith("`")


def test_markdown_structure() -> None:
    md = render(report(), "markdown")
    assert md.startswith("## authtui diagnosis\n")
    assert "**Likely causes:** `time.expired`" in md
    assert "## Errors" in md
    assert "(`time.expired`)" in md
    assert "Tokens redacted" in md
    assert md.endswith("\n")


def _with_evidence(evidence: str) -> Report:
    rep = report("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n")
    finding = Finding("x.y", Severity.ERROR, "t", evidence=evidence, fix="f")
    return replace(rep, findings=(finding,))


def test_markdown_code_span_survives_a_backtick() -> None:
    md = render(_with_evidence("a `b` c"), "markdown")
    assert "- **Evidence:** ``a `b` c``" in md


def test_markdown_code_span_survives_double_backticks() -> None:
    md = render(_with_evidence("a ``*b*`` c"), "markdown")
    line = next(line for line in md.splitlines() if line.startswith("- **Evidence:**"))
    fence = line.removeprefix("- **Evidence:** ").split("a", 1)[0].strip()
    assert len(fence) > 2


def test_markdown_drops_control_characters() -> None:
    text = HOSTILE_PASTE.replace("x *bold*", "x \x1b[31mred\x1b[0m")
    assert ESC not in render(report(text), "markdown")


# --- text -------------------------------------------------------------------------------


def test_text_shows_control_characters_from_untrusted_text_as_escapes() -> None:
    text = HOSTILE_PASTE.replace("x *bold*", "x \x1b[2J\x1b]0;title\x07\x7f")
    out = render(report(text), "text")
    assert ESC not in out and "\x07" not in out and "\x7f" not in out
    assert "\\x1b[2J" in out


def test_text_strips_control_characters_from_the_token_line() -> None:
    token = jwt.encode({"sub": "u"}, "k" * 32, "HS256", headers={"kid": "k\x1b]0;pwned\x07"})
    assert ESC not in render(report(token), "text")


def test_text_has_no_colour_unless_asked() -> None:
    rep = report()
    assert ESC not in render(rep, "text")
    coloured = render(rep, "text", color=True)
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured
    plain_again = coloured
    for code in ("\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"):
        plain_again = plain_again.replace(code, "")
    assert plain_again == render(rep, "text")


def test_text_structure() -> None:
    out = render(report(), "text")
    lines = out.splitlines()
    assert lines[0] == "401 Unauthorized · authentication"
    assert lines[1] == report().verdict.headline
    assert lines[2].startswith("Next: ")
    assert lines[3].startswith("Likely causes: time.expired")
    assert "Errors (" in out and "✗ time.expired" in out
    assert "Token: jws, alg HS256, kid key-1, signature not-checked" in out
    assert "Clock: evaluated at 2025-01-01T00:00:00Z, skew allowance 60 s" in out
    assert "server Date 2025-01-01T00:00:00Z" in out


def test_ok_findings_are_brief_in_text() -> None:
    secret_token = jwt.encode({"sub": "u", "exp": NOW + 60}, "k" * 32, "HS256")

    out = render(report(secret_token, secret=Secret(b"k" * 32)), "text")
    block = out.split("Checked and ruled out", 1)[1]
    ok_line = next(line for line in block.splitlines() if "sig.valid" in line)
    following = block.splitlines()[block.splitlines().index(ok_line) + 1]
    assert not following.startswith("      evidence")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    out = render(diagnose("", Options(now=NOW)), fmt)
    assert out.endswith("\n") or fmt == "json"
    assert out


def test_unknown_format_falls_back_to_text() -> None:
    rep = report()
    assert render(rep, "nonsense") == render(rep, "text")


def test_markdown_keeps_the_tools_code_spans_and_escapes_the_rest() -> None:
    finding = Finding(
        "authz.no_scheme",
        Severity.ERROR,
        "A *bare* token",
        fix="Send `Authorization: Bearer <token>` and not <b>this</b>",
    )
    text = render(replace(report(), findings=(finding,)), "markdown")
    assert "`Authorization: Bearer <token>`" in text
    assert "\\<b\\>this\\</b\\>" in text
    assert "A \\*bare\\* token" in text


def test_markdown_unpaired_backtick_is_escaped() -> None:
    finding = Finding("authz.no_scheme", Severity.ERROR, "odd ` tick", fix="x")
    text = render(replace(report(), findings=(finding,)), "markdown")
    assert "odd \\` tick" in text


@pytest.mark.parametrize(
    ("options", "basis", "words"),
    [
        ({"now": NOW}, "given", "judged at the time given"),
        (
            {"now": None, "device_now": NOW + 7 * 86400},
            "capture",
            "judged at the capture time, 7 days ago",
        ),
        (
            {"now": None, "device_now": NOW + 60},
            "device",
            "judged by the device clock (the paste is fresh)",
        ),
        (
            {"now": None, "reading": "device", "device_now": NOW + 7 * 86400},
            "device",
            "the paste may simply be 7 days old",
        ),
    ],
)
def test_every_format_says_the_clock_basis(options: dict[str, Any], basis: str, words: str) -> None:
    rep = diagnose(PASTE, Options(**options))
    data = json.loads(render(rep, "json"))
    assert data["clock"]["basis"] == basis
    assert data["clock"]["captured_at"] == NOW
    for fmt in ("text", "markdown"):
        clock_lines = [line for line in render(rep, fmt).splitlines() if "Clock:" in line]
        assert len(clock_lines) == 1 and words in clock_lines[0], (fmt, clock_lines)


# --- the ticket's summary ----------------------------------------------------------


def test_markdown_shows_the_request_the_response_and_the_claims() -> None:
    token = jwt.encode(
        {
            "sub": "u-1",
            "client_id": "web",
            "aud": "https://api",
            "scope": "a b",
            "exp": 1_700_000_600,
        },
        "k" * 32,
        "HS256",
    )
    paste = (
        f"POST /orders?x=1 HTTP/1.1\nHost: api.test\nAuthorization: Bearer {token}\n\n"
        'HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error="insufficient_scope"\n'
    )
    md = render(diagnose(paste, Options(now=1_700_000_000)), "markdown")
    assert "- **Request:** `POST https://api.test/orders?x=1`" in md
    assert "- **Response:** `HTTP/1.1 403 Forbidden`" in md
    assert "- **Clock:** evaluated at 2023-11-14T22:13:20Z" in md
    assert "| `sub` | u-1 |" in md and "| `client_id` | web |" in md
    assert "| `scope` | a b |" in md
    assert "| `exp` | 1700000600 = 2023-11-14T22:23:20Z (in 10 min) |" in md


def test_a_claim_value_cannot_break_the_markdown_table() -> None:
    token = jwt.encode({"sub": "a|b`|`c\nd"}, "k" * 32, "HS256")
    md = render(diagnose(token, Options(now=1_700_000_000)), "markdown")
    row = next(line for line in md.splitlines() if line.startswith("| `sub` |"))
    assert row.count("|") - row.count("\\|") == 3
