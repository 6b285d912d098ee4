"""Source linking in the TUI: a chosen finding highlights where its evidence is."""

from __future__ import annotations

import jwt
import pytest
from textual.widgets import TextArea

from authtui.core.demos.catalog import DEMOS
from authtui.core.diagnose import diagnose
from authtui.core.options import Options
from authtui.core.place import Source, Span, TokenPart
from authtui.tui.source_places import NOWHERE, places, segment_stretch
from authtui.tui.widgets.findings import FindingList
from authtui.tui.widgets.marked_area import MarkedTextArea
from authtui.tui.widgets.token_view import TokenView
from tests.tui.conftest import NOW, make_app

SECRET = "s3cret-hmac-key-that-is-long-enough-for-hs256!!"


def _token(**claims: object) -> str:
    body = {"sub": "alice", "iss": "https://iss/", "aud": "api", "exp": NOW - 900, **claims}
    return jwt.encode(body, SECRET, algorithm="HS256")


TOKEN = _token()
PASTE = (
    "GET /orders HTTP/1.1\nHost: api.test\n"
    f"Authorization: Bearer {TOKEN}\n\n"
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n'
)


def test_segments_of_a_jws_and_a_jwe() -> None:
    jws = "aaa.bbbb.cc"
    assert [jws[slice(*segment_stretch(jws, p))] for p in TokenPart] == ["aaa", "bbbb", "cc"]  # type: ignore[misc]
    jwe = "hh.kk.iv.ct.tg"
    assert jwe[slice(*segment_stretch(jwe, TokenPart.PAYLOAD))] == "kk.iv.ct"  # type: ignore[misc]
    assert segment_stretch("hh.pp.", TokenPart.SIGNATURE) is None  # unsecured: none
    assert segment_stretch("opaque", TokenPart.HEADER) is None


def test_a_claim_finding_points_at_the_payload_in_its_header_line() -> None:
    report = diagnose(PASTE, Options(now=NOW))  # redacted: the signature is hidden
    expired = next(f for f in report.findings if f.code == "time.expired")
    found = places(expired.source, report.token, PASTE, "")
    assert found.paste is not None
    assert PASTE[slice(*found.paste)] == TOKEN.split(".")[1]
    assert found.member == ("claims", "exp") and found.token is None


def test_a_signature_finding_points_at_the_signature_even_redacted() -> None:
    source = Source(paste=Span(PASTE.index("Authorization"), PASTE.index("\n\n"), 3))
    report = diagnose(PASTE, Options(now=NOW))
    signature = Source(paste=source.paste, token_part=TokenPart.SIGNATURE)
    found = places(signature, report.token, PASTE, "")
    assert found.paste is not None and PASTE[slice(*found.paste)] == TOKEN.split(".")[2]


def test_a_header_finding_points_at_its_whole_line() -> None:
    report = diagnose(PASTE, Options(now=NOW))
    challenge = next(f for f in report.findings if f.code == "challenge.invalid_token")
    found = places(challenge.source, report.token, PASTE, "")
    assert found.paste is not None
    assert PASTE[slice(*found.paste)] == 'WWW-Authenticate: Bearer error="invalid_token"'
    assert found.member is None


def test_a_token_given_in_the_token_pane_is_highlighted_there() -> None:
    typed = f"  Bearer {TOKEN}\n"
    report = diagnose("HTTP/1.1 401 Unauthorized\n", Options(now=NOW, token=typed))
    expired = next(f for f in report.findings if f.code == "time.expired")
    found = places(expired.source, report.token, "HTTP/1.1 401 Unauthorized\n", typed)
    assert found.token is not None and typed[slice(*found.token)] == TOKEN.split(".")[1]
    assert found.paste is None


def test_no_source_highlights_nothing() -> None:
    assert places(None, None, PASTE, "") is NOWHERE
    out_of_range = Source(paste=Span(10_000, 10_010, 99))
    assert places(out_of_range, None, PASTE, "").paste is None


@pytest.mark.parametrize("demo", [d.name for d in DEMOS])
def test_every_workshop_finding_points_inside_its_paste(demo: str) -> None:
    case = next(d for d in DEMOS if d.name == demo).build(NOW)
    options = case.options(NOW)
    report = diagnose(case.paste, options)
    for finding in report.findings:
        found = places(finding.source, report.token, case.paste, options.token or "")
        if found.paste is not None:
            start, end = found.paste
            assert 0 <= start < end <= len(case.paste)
            assert case.paste[start:end].strip(), finding.code


async def _choose(app: object, code: str) -> None:
    findings = app.query_one(FindingList)  # type: ignore[attr-defined]
    index = next(
        i
        for i in range(findings.option_count)
        if getattr(findings.item_for(findings.get_option_at_index(i).id), "code", "") == code
    )
    findings.focus()
    findings.highlighted = index


async def test_choosing_a_finding_highlights_the_paste_and_the_claim() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        paste = app.query_one("#paste", MarkedTextArea)
        await _choose(app, "time.expired")
        await pilot.pause()
        start = PASTE.index(TOKEN.split(".")[1])
        row = PASTE[:start].count("\n")
        assert paste.source_shown is not None and paste.source_shown[0] == (row, 22 + 1 + 36)
        view = app.query_one(TokenView)
        app.action_focus_pane("decoded")
        await pilot.pause()
        assert view.member_shown == ("claims", "exp")
        line = view._member_line  # brought into view
        assert line is not None and view.scroll_y <= line < view.scroll_y + view.size.height
        await _choose(app, "status.unauthorized")  # (the challenge is folded under exp)
        await pilot.pause()
        assert paste.source_shown is not None and paste.source_shown[0][0] == 4
        assert view.member_shown is None


async def test_an_edited_paste_is_not_highlighted_by_a_stale_report() -> None:
    app = make_app(PASTE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app._linked = (app._linked[0], "something else", "")  # type: ignore[index]
        await _choose(app, "status.unauthorized")
        await pilot.pause()
        assert app.query_one("#paste", TextArea).source_shown is None  # type: ignore[attr-defined]
