"""Source linking: each finding says where its evidence came from (a stretch of the
paste, a place in the token, a key input), in every shape of paste, and never points at
a place that does not hold it."""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.demos.catalog import DEMOS
from authtui.core.demos.model import Demo
from authtui.core.diagnose import diagnose
from authtui.core.model import Finding, Report, Token
from authtui.core.options import KeyInput, Options
from authtui.core.place import Source, Span, TokenPart
from authtui.core.read.jsonspans import value_spans
from authtui.core.read.paste import read_paste
from authtui.core.render.json import report_dict
from tests.core.test_clock import DEVICE, har, http_date, token

EXPIRED = token(iat=int(DEVICE) - 7200, exp=int(DEVICE) - 840, scope="cart:read")
AUTHZ = f"Authorization: Bearer {EXPIRED}"
CHALLENGE = 'WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired"'


def run(text: str, **options: Any) -> Report:
    options.setdefault("device_now", DEVICE)
    return diagnose(text, Options(**options))


def found(report: Report, code: str) -> Finding:
    return next(f for f in report.findings if f.code == code)


def shown(text: str, source: Source | None) -> str:
    """The stretch of the paste a source points at."""
    assert source is not None and source.paste is not None
    return text[source.paste.start : source.paste.end]


def http(*, crlf: bool = False, indent: str = "") -> str:
    lines = [
        "GET /cart HTTP/1.1",
        "Host: api.shop.test",
        AUTHZ,
        "",
        "HTTP/1.1 401 Unauthorized",
        f"Date: {http_date(DEVICE)}",
        CHALLENGE,
        "",
    ]
    end = "\r\n" if crlf else "\n"
    return end.join(indent + line if line else line for line in lines)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("plain", http()),
        ("CR LF", http(crlf=True)),
        ("indented block", http(indent="    ")),
        ("byte-order mark", "\ufeff" + http()),
    ],
)
def test_each_finding_points_at_its_line_of_the_paste(name: str, text: str) -> None:
    report = run(text)
    assert shown(text, found(report, "status.unauthorized").source) == "HTTP/1.1 401 Unauthorized"
    assert shown(text, found(report, "challenge.invalid_token").source) == CHALLENGE
    # The server's words point at the header that said them.
    assert shown(text, found(report, "server.expired").source) == CHALLENGE
    expired = found(report, "time.expired").source
    assert shown(text, expired) == AUTHZ
    assert expired is not None and expired.claim == ("claims", "exp")
    assert expired.token_part is TokenPart.PAYLOAD and expired.claim_path == "claims.exp"
    # Line numbers count the lines of the paste as written.
    assert found(report, "status.unauthorized").source.line == 5  # type: ignore[union-attr]
    assert expired.line == 3


def test_a_curl_transcript_points_at_its_prefixed_lines() -> None:
    text = "\n".join(
        [
            "*   Trying 10.0.0.8:443...",
            "> GET /cart HTTP/1.1",
            f"> {AUTHZ}",
            ">",
            "< HTTP/2 403",
            '< www-authenticate: Bearer error="insufficient_scope", scope="cart:write"',
            "<",
        ]
    )
    report = run(text)
    assert shown(text, found(report, "status.forbidden").source) == "< HTTP/2 403"
    assert shown(text, found(report, "challenge.insufficient_scope").source).startswith(
        "< www-authenticate: Bearer error="
    )
    scope = found(report, "scope.insufficient").source
    assert shown(text, scope) == f"> {AUTHZ}"
    assert scope is not None and scope.claim == ("claims", "scope")


def test_a_folded_header_spans_all_its_lines() -> None:
    text = (
        "HTTP/1.1 401 Unauthorized\n"
        'WWW-Authenticate: Bearer realm="api",\n'
        '  error="invalid_token"\n'
        "\n"
    )
    source = found(run(text), "challenge.invalid_token").source
    assert shown(text, source) == 'WWW-Authenticate: Bearer realm="api",\n  error="invalid_token"'
    assert source is not None and source.line == 2


def test_a_curl_command_points_at_the_line_of_each_header() -> None:
    text = (
        "curl -s https://api.shop.test/cart \\\n"
        f"  -H '{AUTHZ}' \\\n"
        "  -H 'Accept: application/json'\n"
        "HTTP/1.1 401 Unauthorized\n"
        f"{CHALLENGE}\n"
    )
    report = run(text)
    line = shown(text, found(report, "time.expired").source)
    assert line == f"-H '{AUTHZ}' \\"
    assert shown(text, found(report, "challenge.invalid_token").source) == CHALLENGE


def test_har_findings_point_at_the_json_members() -> None:
    text = json.dumps(json.loads(har(EXPIRED, DEVICE, DEVICE)), indent=2)
    report = run(text)
    challenge = json.loads(shown(text, found(report, "challenge.invalid_token").source))
    assert challenge == {"name": "WWW-Authenticate", "value": 'Bearer error="invalid_token"'}
    status = shown(text, found(report, "status.unauthorized").source)
    assert status == '"status": 401'
    authz = json.loads(shown(text, found(report, "time.expired").source))
    assert authz == {"name": "Authorization", "value": f"Bearer {EXPIRED}"}
    line = found(report, "status.unauthorized").source.line  # type: ignore[union-attr]
    assert text.splitlines()[line - 1].strip().startswith('"status": 401')


def test_har_entries_are_numbered_as_written() -> None:
    doc = json.loads(har(EXPIRED, DEVICE, DEVICE))
    ok = {"request": {"method": "GET", "url": "https://a.test/"}, "response": {"status": 200}}
    doc["log"]["entries"].insert(0, ok)
    text = json.dumps(doc)
    report = run(text)
    member = json.loads(shown(text, found(report, "challenge.invalid_token").source))
    assert member["name"] == "WWW-Authenticate"
    assert report.exchange.status_line is not None
    assert text[report.exchange.status_line.start :].startswith('"status": 401')


def test_a_bare_token_points_at_its_lines() -> None:
    wrapped = "\n".join(EXPIRED[i : i + 60] for i in range(0, len(EXPIRED), 60))
    text = f"{wrapped}\n\nHTTP/1.1 401 Unauthorized\n{CHALLENGE}\n"
    source = found(run(text), "time.expired").source
    assert shown(text, source) == wrapped
    assert source is not None and source.line == 1


def test_a_token_given_on_its_own_has_a_place_in_the_token_only() -> None:
    report = run("", token=EXPIRED)
    source = found(report, "time.expired").source
    assert source == Source(token_part=TokenPart.PAYLOAD, claim=("claims", "exp"))


def test_the_body_is_the_source_of_words_read_there() -> None:
    body = '{"error": "token_expired", "message": "JWT expired 14 minutes ago"}'
    text = f"HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{body}\n"
    assert shown(text, found(run(text), "server.expired").source) == body


def test_a_key_is_the_source_of_what_the_key_shows() -> None:
    report = run("", token=EXPIRED, keys=(KeyInput("broken.pem", b"not a key"),))
    source = found(report, "sig.key_error").source
    assert source is not None and source.key.startswith("broken.pem")
    assert source.paste is None


def test_findings_without_a_place_carry_none() -> None:
    report = run("", token=EXPIRED)
    # Nothing was pasted: no finding may point into the paste.
    assert all(f.source is None or f.source.paste is None for f in report.findings)
    unchecked = found(report, "claims.unchecked")
    assert unchecked.source is not None and unchecked.source.claim[0] == "claims"


def test_claim_paths_read_as_text() -> None:
    assert Source(claim=("claims", "aud")).claim_path == "claims.aud"
    assert Source(claim=("header", "kid")).claim_path == "header.kid"
    nested = Source(claim=("claims", "realm_access", "roles"))
    assert nested.claim_path == "claims.realm_access.roles"
    odd = Source(claim=("claims", "https://shop.test/roles"))
    assert odd.claim_path == 'claims["https://shop.test/roles"]'
    assert Source(paste=Span(1, 4, 2)).claim_path == ""


def test_json_findings_carry_their_source() -> None:
    text = http()
    data = report_dict(run(text))
    by_code = {f["code"]: f for f in data["findings"]}
    source = by_code["time.expired"]["source"]
    start, end = source["paste"]
    assert text[start:end] == AUTHZ
    assert source == {
        "paste": [start, end],
        "line": 3,
        "token_part": "payload",
        "claim": "claims.exp",
        "key": None,
    }
    alone = report_dict(run("", token=EXPIRED))["findings"]
    assert all(f["source"] is None or f["source"]["paste"] is None for f in alone)


# --- every source points at what holds it ------------------------------------------


def _member(token: Token, path: tuple[str, ...]) -> bool:
    """Whether the claim path names a member of the token's header or claims."""
    head, *rest = path
    value: Any = token.claims if head == "claims" else token.header
    for name in rest:
        if not isinstance(value, dict) or name not in value:
            return False
        value = value[name]
    return True


def assert_sources_hold(text: str, report: Report) -> None:
    """Each paste span lies in the text, starts its line, holds no white space at its
    ends; each claim path exists in the report's token."""
    for f in report.findings:
        source = f.source
        if source is None:
            continue
        assert source.paste or source.token_part or source.claim or source.key, f.code
        if source.paste is not None:
            start, end, line = source.paste
            assert 0 <= start < end <= len(text), f.code
            piece = text[start:end]
            assert piece == piece.strip(), (f.code, piece)
            before = text[:start]
            assert line == before.count("\n") + before.count("\r") - before.count("\r\n") + 1
        if source.claim:
            assert report.token is not None, f.code
            assert source.claim[0] in ("claims", "header"), f.code
            assert _member(report.token, source.claim), (f.code, source.claim)
            part = TokenPart.PAYLOAD if source.claim[0] == "claims" else TokenPart.HEADER
            assert source.token_part is part, f.code


@pytest.mark.parametrize("demo", DEMOS, ids=[d.name for d in DEMOS])
def test_every_workshop_case_points_at_real_places(demo: Demo) -> None:
    case = demo.build(DEVICE)
    report = diagnose(case.paste, dataclasses.replace(case.options(DEVICE), device_now=DEVICE))
    assert_sources_hold(case.paste, report)
    placed = [f for f in report.findings if f.source is not None]
    assert len(placed) >= len(report.findings) - 2, demo.name


ACCEPTANCE = Path("/work/shared/acceptance")


@pytest.mark.skipif(not ACCEPTANCE.exists(), reason="no shared acceptance cases")
def test_the_acceptance_pastes_point_at_real_places() -> None:
    from authtui.cli.args import decode_paste

    base = ACCEPTANCE
    seen = 0
    for name in ("cases.json", "cases-next.json"):
        for case in json.loads((base / name).read_text()):
            if "paste" in case:
                text = case["paste"]
            elif "paste_b64" in case:
                text = decode_paste(base64.b64decode(case["paste_b64"]))
            else:
                continue
            report = run(text, token=case.get("token"))
            assert_sources_hold(text, report)
            seen += 1
    assert seen >= 20


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab: \t\r\n{}[]",=eyJ.<>*HTTP/1 401')), max_size=300))
def test_spans_stay_inside_any_paste(text: str) -> None:
    paste = read_paste(text)
    spans = [
        s
        for e in paste.exchanges
        for s in (
            e.request_line,
            e.status_line,
            e.body_span,
            *(h.span for h in e.request_headers + e.response_headers),
        )
    ] + list(paste.token_spans)
    for span in spans:
        if span is not None:
            assert 0 <= span.start <= span.end <= len(text)
            assert span.line >= 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON.filter(lambda v: isinstance(v, dict | list)), st.sampled_from([None, 1]))
def test_json_value_spans_hold_each_value(doc: Any, indent: int | None) -> None:
    text = json.dumps(doc, indent=indent)
    spans = value_spans(text, 0, lambda path: True)
    for path, (start, end) in spans.items():
        value: Any = doc
        for key in path:
            value = value[key]
        piece = text[start:end]
        if isinstance(path[-1], str):  # an object's member: "key": value
            name, after = DECODER.raw_decode(piece)
            assert name == path[-1]
            rest = piece[after:].lstrip()
            assert rest.startswith(":")
            piece = rest[1:]
        assert json.loads(piece) == value


DECODER = json.JSONDecoder()
