"""One app in a real terminal, typed into by typing_speed.py (run by it, not by hand).

``python bench/_typing_child.py authtui PASTE JWKS RESULT`` runs authtui's TUI on
the paste (its token pane focused, the JWKS as key, the clock fixed);
``python bench/_typing_child.py minimal RESULT`` runs a Textual app with one
focused ``TextArea``. Each runs with Textual's own terminal driver on the
terminal it was given (the bench's pty), until ctrl+q. On the way out it writes
to RESULT, as JSON, what the focused editor holds and how many diagnoses ran,
so the bench can check that every key was typed and diagnosed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import _case  # also puts the repository first on sys.path
from textual.app import App, ComposeResult
from textual.widgets import TextArea


class Minimal(App[None]):
    """One TextArea that echoes what is typed (the floor)."""

    def compose(self) -> ComposeResult:
        yield TextArea(id="token")


def count_diagnoses(app: Any) -> list[int]:
    """Count the diagnoses authtui's ``app`` runs: ``[count]``, kept up to date."""
    diagnoses = [0]
    original = app.rediagnose

    def counted() -> None:
        original()
        diagnoses[0] += 1

    app.rediagnose = counted
    return diagnoses


def _authtui(paste_path: str, jwks_path: str) -> tuple[App[object], list[int]]:
    from authtui.core.options import KeyInput, Options  # not imported by the floor
    from authtui.tui.app import AuthTUI

    paste = Path(paste_path).read_text(encoding="utf-8")
    jwks = Path(jwks_path).read_bytes()
    options = Options(now=_case.NOW, keys=(KeyInput("jwks.json", jwks),))
    app = AuthTUI(paste, options, tick=False, environ={})
    app.call_after_refresh(lambda: app.query_one("#token", TextArea).focus())
    return app, count_diagnoses(app)


def main(argv: list[str]) -> int:
    """Run the named app until it quits; write what was typed to the result file."""
    if argv[0] == "authtui":
        from authtui import startup

        startup.pause()  # as the console script does; the app resumes at its first frame
        app, diagnoses = _authtui(argv[1], argv[2])
    else:
        app, diagnoses = Minimal(), [0]
    texts: list[str] = []
    exit_app = app.exit

    def exit_keeping_text(*args: object, **kwargs: object) -> None:
        texts.append(app.query_one("#token", TextArea).text)  # before the DOM goes
        exit_app(*args, **kwargs)  # type: ignore[arg-type]

    app.exit = exit_keeping_text  # type: ignore[method-assign]
    app.run()
    result = {"text": texts[-1] if texts else "", "diagnoses": diagnoses[0]}
    Path(argv[-1]).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
