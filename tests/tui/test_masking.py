"""Presenter mode masks tokens in the editors: ends shown, the middle as •, text whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import TextArea

from authtui.tui.display_document import DisplayDocument
from authtui.tui.masking import MASK, mask_tokens
from tests.tui.conftest import make_app

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2ln"


@pytest.mark.parametrize(
    ("line", "kept", "hidden"),
    [
        (f"Authorization: Bearer {JWT}", "Authorization: Bearer eyJhbGci", "eyJzdWIi"),
        (JWT, "eyJhbGci", "c2lnbmF0"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic dXNl", "cjpwYXNz"),
        ("Authorization: DPoP opaque-token-1234567", "Authorization: DPoP opaq", "token-12"),
        ("x-api-key: a3f9c2d1e8b7a6f5c4d3e2f1a0b9c8d7e6f5", "x-api-key: a3f9c2d", "c4d3e2f1"),
    ],
)
def test_a_token_keeps_its_ends_only(line: str, kept: str, hidden: str) -> None:
    masked = mask_tokens(line)
    assert len(masked) == len(line)
    assert masked.startswith(kept) and hidden not in masked and MASK in masked


@pytest.mark.parametrize(
    "line",
    [
        "POST /cart/items HTTP/1.1",
        "Host: api.shop.test",
        "https://api.shop.test/orders/12345/items/67890?x=1",
        'WWW-Authenticate: Bearer realm="shop", error="invalid_token"',
        "WWW-Authenticate: Bearer realm=example-long, error=x",
        "The access token provided is expired",
    ],
)
def test_what_is_no_token_is_drawn_as_it_is(line: str) -> None:
    assert mask_tokens(line) == line


@given(st.text())
def test_the_mask_keeps_every_length(line: str) -> None:
    assert len(mask_tokens(line)) == len(line)


def test_the_document_draws_masked_and_keeps_the_text() -> None:
    text = f"GET / HTTP/1.1\nAuthorization: Bearer {JWT}\n"
    document = DisplayDocument(text, mask=mask_tokens)
    assert document.text == text
    assert JWT not in document.get_line(1) and MASK in document.get_line(1)
    assert document.get_text_range((1, 0), (1, len(document.get_line(1)))).endswith(JWT)
    document.replace_range((1, len(document.get_line(1))), (1, len(document.get_line(1))), "x")
    assert document.text == text.replace(JWT, JWT + "x") and MASK in document.get_line(1)


@pytest.mark.parametrize("presenter", [True, False], ids=["presenter", "plain"])
async def test_presenter_masks_the_token_in_the_editors(presenter: bool) -> None:
    app = make_app(demo="missing-scope", presenter=presenter)
    async with app.run_test(size=(120, 36)) as pilot:
        app.action_focus_pane("paste")  # opened: the editor shows the paste
        paste = app.query_one("#paste", TextArea)
        for _ in range(20):  # the inputs unfold at the next layout (later on a busy machine)
            await pilot.pause()
            if paste.content_region.height:
                break
        assert app.report is not None and app.report.token is not None
        raw = app.report.token.raw.split("…", 1)[0]
        middle = paste.text.split("Bearer ", 1)[1][20:60]
        strips = app.screen._compositor.render_strips()
        region = paste.content_region
        rows = [strips[y].text[region.x : region.right] for y in range(region.y, region.bottom)]
        drawn = "".join(row.strip() for row in rows)  # soft-wrapped rows, joined
        assert (middle in drawn) is not presenter
        assert (MASK in drawn) is presenter
        assert raw[:8] in paste.text  # the text is whole: the diagnosis reads it
        assert "scope.insufficient" in {f.code for f in app.report.findings}
