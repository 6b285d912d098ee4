"""Start-up: whole processes, timed from spawn (medians of runs taken in turn).

1. ``authtui diagnose PASTE --key JWKS --format json`` on the typical case against
   ``python -c "import jwt"`` (goal: at most 1.5x).
2. authtui to its first screen with the typical case loaded, against a minimal
   Textual app showing one ``TextArea`` with the paste (goal: at most 1.5x).
   **In a terminal** (the goal's figure): ``authtui PASTE --key JWKS`` as a person
   types it, and the floor (``bench/_first_paint.py minimal-terminal``), each
   spawned on its own pseudo-terminal with Textual's real driver; the time runs
   from spawn until the terminal's output shows the verdict's headline (authtui)
   or the paste's second line (the floor). Then the process is killed: how long
   an app takes to exit is not its first screen. **Headless** (for reference, the
   figure of earlier runs): both under ``App.run_test`` in ``bench/_first_paint.py``
   until the first ``await pilot.pause()`` returns, timed from spawn to exit.

Both floors load PyJWT, cryptography and Textual from site-packages, where pip
compiled their bytecode at install time. An editable install of authtui under
``PYTHONDONTWRITEBYTECODE=1`` (as on these machines) would instead recompile
every module of authtui on every start, which no installed copy does; so the
script compiles authtui's bytecode first, as ``pip install`` would, and says so.

Run: ``python bench/startup.py``. Ratios are printed last.
"""

from __future__ import annotations

import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _case
from _terminal import Terminal

HERE = Path(__file__).resolve().parent
RUNS = 9
VERDICT = "audience is wrong"
"""In the headline of the typical case's verdict: shown once the diagnosis is."""
FLOOR_TEXT = "Host: api.shop.test"
"""The paste's second line, which the floor's TextArea shows."""


def _wall(argv: list[str], *, ok: tuple[int, ...] = (0,)) -> float:
    """Seconds from spawn to exit; a run that fails is no figure (it says why)."""
    start = time.perf_counter()
    run = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if run.returncode not in ok:
        tail = run.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(argv[:3])}... exited {run.returncode}: {' / '.join(tail)}")
    return wall


def _paired(a: Callable[[], float], b: Callable[[], float]) -> tuple[float, float, float]:
    """Median times of ``a`` and ``b``, run in turn (a b a b ...) after one warm-up
    each, and the median of their ratios pair by pair, which a machine whose speed
    drifts during the runs moves less than the ratio of the medians."""
    a(), b()
    pairs = [(a(), b()) for _ in range(RUNS)]
    return (
        statistics.median(x for x, _ in pairs),
        statistics.median(y for _, y in pairs),
        statistics.median(x / y for x, y in pairs),
    )


def _first_screen(argv: list[str], text: str) -> float:
    """Seconds from spawning ``argv`` on a terminal until its output shows ``text``."""
    terminal = Terminal(argv)
    try:
        return terminal.wait_for_text(text)
    finally:
        terminal.close()


def main() -> int:
    """Measure both start-ups; always exit 0."""
    case = _case.build_case()
    package = _case.ROOT / "authtui"
    compiled = compileall.compile_dir(str(package), quiet=1)
    print(f"bytecode of {package} compiled first, as pip install does: {bool(compiled)}")
    exe = shutil.which("authtui") or ""
    authtui = [exe] if exe else [sys.executable, "-m", "authtui"]
    with tempfile.TemporaryDirectory() as tmp:
        paste, jwks = Path(tmp, "paste.txt"), Path(tmp, "jwks.json")
        paste.write_text(case.paste, encoding="utf-8")
        jwks.write_text(case.jwks, encoding="utf-8")
        diag = [*authtui, "diagnose", str(paste), "--key", str(jwks), "--format", "json"]
        diag += ["--now", str(int(_case.NOW))]
        script = str(HERE / "_first_paint.py")
        check = subprocess.run(diag, capture_output=True, text=True, check=False)
        print(
            f"command: {' '.join(diag)} -> exit {check.returncode}, "
            f"{len(check.stdout)} chars of JSON {check.stderr.strip()}"
        )
        try:
            json.loads(check.stdout)["findings"]
        except (ValueError, KeyError, TypeError):
            # exit 1 is also what a traceback gives: only a report makes the run a figure
            raise SystemExit("diagnose printed no JSON report: no figure") from None
        # diagnose exits 1 when the paste shows a failure, as this one does
        cli, floor, cli_ratio = _paired(
            lambda: _wall(diag, ok=(0, 1)), lambda: _wall([sys.executable, "-c", "import jwt"])
        )
        ours = [*authtui, str(paste), "--key", str(jwks), "--now", str(int(_case.NOW))]
        floor_app = [sys.executable, script, "minimal-terminal", str(paste)]
        shown, floor_shown, shown_ratio = _paired(
            lambda: _first_screen(ours, VERDICT), lambda: _first_screen(floor_app, FLOOR_TEXT)
        )
        tui, minimal, headless_ratio = _paired(
            lambda: _wall([sys.executable, script, "authtui", str(paste), str(jwks)]),
            lambda: _wall([sys.executable, script, "minimal", str(paste)]),
        )
    _case.show("authtui diagnose --format json (whole process)", cli)
    _case.show('python -c "import jwt" (floor)', floor)
    _case.show("headless: authtui to first screen and exit (reference)", tui)
    _case.show("headless: one-TextArea app, the same (reference)", minimal)
    print(f"headless first screen and exit, for reference: {headless_ratio:.2f}x")
    _case.show("terminal: authtui PASTE --key JWKS to its verdict", shown)
    _case.show("terminal: one-TextArea app to its text (floor)", floor_shown)
    print("ratios: the median of the ratios of runs taken in turn")
    print(_case.ratio_line("start-up: diagnose vs import jwt", cli_ratio, 1.5))
    print(_case.ratio_line("start-up: TUI first screen vs minimal app", shown_ratio, 1.5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
