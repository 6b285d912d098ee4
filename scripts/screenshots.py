"""Write screenshots/*.svg from the real app, with a frozen clock.

    python scripts/screenshots.py

Every case is built at the same fixed time, the one-second ticker is off and
local time is UTC, so the pictures only change when the app does. (Workshop
keys are generated per run, so token signatures differ between runs.)
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from authtui.core.options import Options  # noqa: E402
from authtui.tui.app import AuthTUI  # noqa: E402

NOW = 1_700_000_000.0
OUT = ROOT / "screenshots"


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, terminal size, how to get there."""

    name: str
    size: tuple[int, int]
    demo: str | None = None
    keys: tuple[str, ...] = ()
    presenter: bool = False
    paste: str = ""
    options: Options = field(default_factory=lambda: Options(now=NOW))
    """Without a time given (``Options()``), the paste's own Date decides the clock."""


CURL = """\
> GET /v1/orders HTTP/2
> Host: api.example.com
> authorization: bearer eyJhbGciOiJub25lIn0.\
eyJzdWIiOiJhbGljZSIsInNjb3BlIjoib3JkZXJzOnJlYWQiLCJleHAiOjE3MDAwMDAwMDB9.
>
< HTTP/2 403
< www-authenticate: Bearer error="insufficient_scope", scope="orders:write"
<
"""


def _old_capture() -> str:
    """A ``curl -v`` transcript from two days before NOW whose cause is the issuer."""
    from email.utils import formatdate

    import jwt

    then = int(NOW) - 2 * 86400
    claims = {"iss": "https://idp.shop.test", "aud": "api", "iat": then - 300, "exp": then + 3300}
    token = jwt.encode(claims, "a-workshop-secret-that-is-long-enough-000", algorithm="HS256")
    return (
        f"> GET /orders HTTP/1.1\n> Host: api.shop.test\n> Authorization: Bearer {token}\n>\n"
        f"< HTTP/1.1 401 Unauthorized\n< Date: {formatdate(then, usegmt=True)}\n"
        '< WWW-Authenticate: Bearer error="invalid_token",'
        ' error_description="The issuer is invalid"\n<\n'
    )


SHOTS = (
    Shot("empty", (100, 32)),
    Shot("expired-token", (120, 36), demo="expired"),
    Shot("finding-detail", (200, 50), demo="wrong-issuer", keys=("alt+r", "down")),
    Shot("decoded-token", (120, 36), demo="missing-scope", keys=("alt+d",)),
    Shot("presenter-light", (120, 36), demo="wrong-audience", presenter=True),
    Shot("small-80x24", (80, 24), demo="expired", keys=("alt+r",)),
    Shot("curl-transcript", (120, 36), paste=CURL, keys=("alt+r",)),
    Shot("help", (100, 32), keys=("f1",)),
    Shot("compare", (120, 36), demo="staging-vs-production", keys=("ctrl+o",)),
    Shot(
        "old-capture-80x24",
        (80, 24),
        paste=_old_capture(),
        keys=("alt+r",),
        options=Options(issuer="https://idp.shop.test/"),
    ),
)


async def take(shot: Shot) -> Path:
    """Run the app headless for one shot and save its SVG."""
    app = AuthTUI(
        shot.paste,
        shot.options,
        demo=shot.demo,
        presenter=shot.presenter,
        clock=lambda: NOW,
        tick=False,
        environ={},
    )
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        app.clear_notifications()
        for key in shot.keys:
            await pilot.press(key)
        await pilot.pause()
        path = app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT))
    return Path(path)


async def main() -> None:
    """Every shot, one after another."""
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        print(await take(shot))


if __name__ == "__main__":
    os.environ["TZ"] = "UTC"
    time.tzset()
    asyncio.run(main())
