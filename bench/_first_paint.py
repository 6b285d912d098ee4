"""Start an app headless, wait for its first screen, exit (run by startup.py).

``python bench/_first_paint.py authtui PASTE JWKS``: import authtui's TUI, open it
on the paste with the JWKS as key (as ``authtui PASTE --key JWKS`` would), run it
under ``App.run_test`` until the first ``await pilot.pause()`` returns (the
screen is composed, mounted, the first diagnosis shown and a refresh processed),
then exit.

``python bench/_first_paint.py minimal PASTE``: the same for a minimal Textual
app that shows one ``TextArea`` holding the paste.

``python bench/_first_paint.py minimal-terminal PASTE``: that minimal app run for
real (``App.run``, Textual's own driver) on the terminal it was given, until it is
killed: the floor of the first screen in a terminal, beside ``authtui PASTE``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def _authtui(paste: str, jwks: Path) -> None:
    from authtui.core.options import KeyInput, Options
    from authtui.tui.app import AuthTUI

    options = Options(now=1_750_000_000.0, keys=(KeyInput(str(jwks), jwks.read_bytes()),))
    app = AuthTUI(paste, options, tick=False, environ={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.report is not None


async def _minimal(paste: str) -> None:
    app = _minimal_app(paste)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()


def _minimal_app(paste: str):  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(paste, id="paste")

    return Minimal()


def main(argv: list[str]) -> int:
    """Run the app named by ``argv[0]`` to its first screen."""
    paste = Path(argv[1]).read_text(encoding="utf-8")
    if argv[0] == "authtui":
        asyncio.run(_authtui(paste, Path(argv[2])))
    elif argv[0] == "minimal-terminal":
        _minimal_app(paste).run()
    else:
        asyncio.run(_minimal(paste))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
