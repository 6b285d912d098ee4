"""``authtui serve`` in a real browser: headless Chromium loads the printed URL.

Each test reads the verdict from the terminal on the page (xterm.js's buffer)
and records every request the page made (DevTools Network events): each one
must go to the served address. Without Chromium these tests skip, or fail
when ``AUTHTUI_REQUIRE_BROWSER=1`` (as CI sets it after scripts/install-browser.sh).

Set ``AUTHTUI_BROWSER_SCREENSHOT=FILE`` to keep the demo's screenshot there
(screenshots/browser.png was made so).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.web.browser import Page, chromium_page, require_chromium
from tests.web.serving import Served, serving

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TYPED_PASTE = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n'
FILE_PASTE = (
    "HTTP/1.1 403 Forbidden\n"
    'WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"\n'
)


@pytest.fixture
def chromium() -> str:
    """Chromium's path (skip, or fail under AUTHTUI_REQUIRE_BROWSER=1, without it)."""
    return require_chromium()


@asynccontextmanager
async def browsing(chromium: str, *args: str) -> AsyncIterator[tuple[Served, Page]]:
    """``authtui serve ARGS`` and a browser tab on its URL; both stopped afterwards."""
    async with serving(*args) as served, chromium_page(chromium) as page:
        await page.open(served.url)
        yield served, page


def assert_only_the_served_address(page: Page, served: Served) -> None:
    """Every request the page made went to the served address, with its token."""
    assert page.requests, "the page made no request at all"
    websocket = f"ws://{served.netloc}/" + served.url.split("/", 3)[3]
    for url in page.requests:
        assert url.startswith((served.url, websocket)) or url.startswith("data:"), url
    assert any(url.startswith(websocket) for url in page.requests), "no websocket"
    assert page.problems == []


async def test_demo_in_the_browser(chromium: str, tmp_path: Path) -> None:
    async with browsing(chromium, "--demo", "expired") as (served, page):
        screen = await page.wait_for_text("401 Unauthorized", "The token expired", "time.expired")
        assert "Paste" in screen and "Findings" in screen
        shot = tmp_path / "browser.png"
        await page.screenshot(shot)
        await page.press("F3")
        await page.wait_for_text("Saving is off")
        assert_only_the_served_address(page, served)
    assert shot.read_bytes().startswith(PNG_MAGIC)
    assert shot.stat().st_size > 20_000  # a rendered screen, not a blank page
    keep = os.environ.get("AUTHTUI_BROWSER_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


async def test_paste_file_in_the_browser(chromium: str, tmp_path: Path) -> None:
    paste = tmp_path / "forbidden.txt"
    paste.write_text(FILE_PASTE, encoding="utf-8")
    async with browsing(chromium, str(paste)) as (served, page):
        await page.wait_for_text("403 Forbidden", "lacks the scope", "challenge.insufficient_scope")
        assert_only_the_served_address(page, served)


async def test_empty_start_then_a_typed_paste(chromium: str) -> None:
    async with browsing(chromium) as (served, page):
        await page.wait_for_text("Paste here (Ctrl+V")
        await page.paste(TYPED_PASTE)
        screen = await page.wait_for_text(
            "401 Unauthorized", "rejected the token (invalid_token)", "challenge.invalid_token"
        )
        assert 'error="invalid_token"' in screen
        assert_only_the_served_address(page, served)


def test_missing_chromium_skips_or_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("AUTHTUI_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"install-browser\.sh"):
        require_chromium()
    monkeypatch.setenv("AUTHTUI_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="AUTHTUI_REQUIRE_BROWSER=1"):
        require_chromium()
