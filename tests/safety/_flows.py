"""The flows the safety tests drive: the CLI's commands and the TUI under Pilot.

Secrets are made here so every test knows exactly what must never show: an HMAC
secret, a Basic password, and an HS256 token signed with the secret.
"""

from __future__ import annotations

import base64
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import jwt
from textual.widgets import TextArea

from authtui.cli import main
from authtui.core.options import Options, Secret
from authtui.tui.app import AuthTUI
from authtui.tui.widgets.panes import Panes

NOW = 1_750_000_000.0
SECRET = "Hm4cS3cretValue9zQ7wL2pX8vN5tK1rJ6uB"
"""The HMAC secret: 36 bytes, long enough that PyJWT does not warn."""
PASSWORD = "Pa55wordXyz7Qm"
BASIC = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
TOKEN = jwt.encode(
    {
        "iss": "https://auth.shop.test/",
        "sub": "alice",
        "aud": "https://api.shop.test",
        "iat": int(NOW) - 60,
        "exp": int(NOW) + 600,
        "scope": "orders:read",
    },
    SECRET,
    algorithm="HS256",
)
SIGNATURE = TOKEN.rsplit(".", 1)[1]
BEARER_PASTE = (
    "GET /orders HTTP/1.1\r\nHost: api.shop.test\r\n"
    f"Authorization: Bearer {TOKEN}\r\n\r\n"
    'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token"\r\n\r\n'
)
BASIC_PASTE = (
    f"GET /orders HTTP/1.1\r\nHost: api.shop.test\r\nAuthorization: Basic {BASIC}\r\n\r\n"
    'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="api"\r\n\r\n'
)
RESPONSE_ONLY = BEARER_PASTE.split("\r\n\r\n", 1)[1]
"""The response alone: the token then goes in the token pane (hidden tab)."""


def options(**changes: Any) -> Options:
    """Options with the secret set, evaluated at ``NOW``."""
    return Options(now=NOW, secret=Secret(SECRET.encode()), **changes)


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run ``authtui`` in this process; exit status and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue() + err.getvalue()


def cli_flows(tmp: Path) -> list[str]:
    """Every CLI report of the Basic and Bearer pastes, in every format and mode."""
    secret_file = tmp / "secret.txt"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    outputs = []
    for name, paste in (("basic.txt", BASIC_PASTE), ("bearer.txt", BEARER_PASTE)):
        path = tmp / name
        path.write_text(paste, encoding="utf-8")
        for fmt in ("text", "json", "markdown"):
            base = ["diagnose", str(path), "--secret-file", str(secret_file), "--format", fmt]
            for extra in ([], ["--no-redact"]):
                status, printed = run_cli([*base, "--now", str(int(NOW)), *extra])
                assert status in (0, 1), printed
                outputs.append(("REDACTED " if not extra else "WHOLE ") + printed)
    outputs.append(run_cli(["demos"])[1])
    return outputs


class WatchedApp(AuthTUI):
    """AuthTUI that keeps every notification and every text sent to a clipboard."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("clock", lambda: NOW)
        kwargs.setdefault("tick", False)
        kwargs.setdefault("environ", {})
        kwargs.setdefault("clipboard_timeout", 0.2)
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []
        self.copied: list[str] = []
        self.screens: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        """Keep the notification's text (and its title) as well as showing it."""
        self.notes.append(f"{kwargs.get('title') or ''} {message}")
        super().notify(message, *args, **kwargs)

    def copy_to_clipboard(self, text: str) -> None:
        """Keep what would go to the terminal clipboard."""
        self.copied.append(text)
        super().copy_to_clipboard(text)

    def snap(self) -> None:
        """Keep the screen as rendered now (SVG text)."""
        self.screens.append(self.export_screenshot())


async def tui_flows(app: WatchedApp, save_to: Path | None = None) -> None:
    """Open the app and go through what a user does: every pane and tab, typing, F-keys."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.snap()
        results = app.query_one("#results", Panes)
        for tab in ("tab-findings", "tab-decoded"):
            results.active = tab
            await pilot.pause()
            app.snap()
        results.active = "tab-findings"
        app.action_focus_pane("findings")
        await pilot.press("down", "down", "enter")
        app.snap()
        app.query_one("#paste", TextArea).focus()
        await pilot.press("end", "x", "backspace")
        # F8 twice: redaction off and on again (snapped only once it is back on).
        for keys in (("f1",), ("escape",), ("f4",), ("escape",), ("f2",), ("f8", "f8"), ("f9",)):
            await pilot.press(*keys)
            await pilot.pause()
            app.snap()
        if save_to is not None:
            app.save_report_to(str(save_to))
        await pilot.press("ctrl+l")
        await pilot.pause()
        app.snap()
        await pilot.press("ctrl+q")


def all_text(app: WatchedApp) -> str:
    """Every screen, notification and copied text of a run, together."""
    return "\n".join([*app.screens, *app.notes, *app.copied])
