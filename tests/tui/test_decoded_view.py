"""The Decoded view and the token headline: a bare token opens on it, segments coloured."""

from __future__ import annotations

import jwt
from textual.content import Content
from textual.widgets import Static, TextArea

from authtui.core.diagnose import diagnose
from authtui.core.options import Options
from authtui.tui.token_headline import is_bare_token, token_headline
from authtui.tui.widgets.marked_area import SEGMENT_COLOURS, MarkedTextArea
from authtui.tui.widgets.panes import Panes
from authtui.tui.widgets.token_view import token_content
from tests.tui.conftest import NOW, make_app

SECRET = "s3cret-hmac-key-that-is-long-enough-for-hs256!!"
YEAR = 365 * 86400


def _token(**claims: object) -> str:
    body = {"sub": "alice", "iss": "https://iss/", "aud": "api", "exp": NOW + 600, **claims}
    return jwt.encode(body, SECRET, algorithm="HS256")


def _plain(app: object, selector: str) -> str:
    content = app.query_one(selector, Static).content  # type: ignore[attr-defined]
    return content.plain if isinstance(content, Content) else str(content)


def test_the_headline_says_form_time_and_signature() -> None:
    report = diagnose(_token(exp=NOW - 2 * YEAR), Options(now=NOW))
    assert token_headline(report) == "HS256 JWS · expired 2 years ago · signature not checked"
    fresh = diagnose(_token(exp=NOW + 3600), Options(now=NOW))
    assert "expires in 1 h" in token_headline(fresh)
    forever = diagnose(jwt.encode({"sub": "a"}, SECRET, algorithm="HS256"), Options(now=NOW))
    assert "never expires (no exp)" in token_headline(forever)


def test_opaque_and_encrypted_tokens_say_what_can_be_known() -> None:
    opaque = diagnose("Authorization: Bearer 8f14e45fceea167a5a36dedd4bea2543", Options(now=NOW))
    assert token_headline(opaque) == "opaque token · only its issuer can check it"
    jwe = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn"
    headline = token_headline(diagnose(jwe, Options(now=NOW)))
    assert headline.startswith("dir JWE (A256GCM)") and "only the API" in headline


def test_only_a_paste_that_is_a_token_is_a_bare_token() -> None:
    token = _token()
    assert is_bare_token(diagnose(token, Options(now=NOW)))
    assert is_bare_token(diagnose(f"Authorization: Bearer {token}", Options(now=NOW)))
    full = f"GET / HTTP/1.1\nAuthorization: Bearer {token}\n\nHTTP/1.1 401 Unauthorized\n"
    assert not is_bare_token(diagnose(full, Options(now=NOW)))
    assert not is_bare_token(diagnose("HTTP/1.1 401 Unauthorized\n", Options(now=NOW)))


def test_a_failing_claim_is_red_with_its_name_in_words() -> None:
    report = diagnose(_token(exp=NOW - 900, tenant="t"), Options(now=NOW))
    content = token_content(report.token, report, Options(now=NOW), width=90)  # type: ignore[arg-type]
    text = content.plain
    assert text.startswith("HS256 JWS · expired 15 min ago")
    assert "Expiration Time" in text and "unregistered claim" in text and "Subject" in text
    assert "Algorithm" in text  # the header's members are named too


async def test_a_bare_token_opens_on_the_decoded_view() -> None:
    app = make_app(_token(exp=NOW - 2 * YEAR))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.query_one("#results", Panes).active == "tab-decoded"
        banner = _plain(app, "#verdict-text")
        assert banner.startswith("HS256 JWS · expired 2 years ago · signature not checked")
        assert "no status" not in banner
        assert "Expiration Time" in _plain(app, "#token-body")


async def test_a_full_exchange_stays_on_the_findings() -> None:
    token = _token(exp=NOW - 900)
    paste = f"GET / HTTP/1.1\nAuthorization: Bearer {token}\n\nHTTP/1.1 401 Unauthorized\n"
    app = make_app(paste)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.query_one("#results", Panes).active == "tab-findings"
        assert _plain(app, "#verdict-text").startswith("401 Unauthorized")


async def test_the_paste_colours_the_token_by_segment() -> None:
    token = _token()
    app = make_app(f"Authorization: Bearer {token}")
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        paste = app.query_one("#paste", TextArea)
        assert isinstance(paste, MarkedTextArea)
        line = paste.get_line(0)
        colours = SEGMENT_COLOURS[app.current_theme.dark]
        header_end = len("Authorization: Bearer ") + token.index(".")
        styles = {
            str(span.style.color.name).lower()  # type: ignore[union-attr]
            for span in line.spans
            if not isinstance(span.style, str) and span.style.color is not None
        }
        assert {c.lower() for c in colours.values()} <= styles
        header_spans = [s for s in line.spans if s.end == header_end]
        assert header_spans  # the header is marked up to its dot
        assert paste.text == f"Authorization: Bearer {token}"  # display only


async def test_a_source_is_highlighted_and_cleared() -> None:
    paste_text = "GET / HTTP/1.1\nHost: a.test\nAccept: */*\n"
    app = make_app(paste_text)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        paste = app.query_one("#paste", MarkedTextArea)
        start = paste_text.index("Host")
        paste.show_source(start, start + len("Host: a.test"))
        await pilot.pause()
        assert paste.source_shown == ((1, 0), (1, 12))
        backgrounds = [s for s in paste.get_line(1).spans if getattr(s.style, "bgcolor", None)]
        assert any(s.start == 0 and s.end == 12 for s in backgrounds)
        paste.clear_source()
        assert paste.source_shown is None


async def test_going_back_to_the_findings_stays_there_as_the_clock_ticks() -> None:
    app = make_app(_token(exp=NOW - 2 * YEAR))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        tabs = app.query_one("#results", Panes)
        tabs.active = "tab-findings"
        app.rediagnose()  # what each tick of the clock does
        await pilot.pause()
        assert tabs.active == "tab-findings"
