"""Start-up: whole processes, timed from spawn to exit (median of several runs).

1. ``authtui diagnose PASTE --key JWKS --format json`` on the typical case against
   ``python -c "import jwt"`` (goal: at most 1.5x).
2. authtui to its first screen with the typical case loaded against a minimal
   Textual app showing one ``TextArea`` (goal: at most 1.5x). Both run headless
   under ``App.run_test`` in ``bench/_first_paint.py`` until the first
   ``await pilot.pause()`` returns; the time is the whole subprocess's wall time.

Both floors load PyJWT, cryptography and Textual from site-packages, where pip
compiled their bytecode at install time. An editable install of authtui under
``PYTHONDONTWRITEBYTECODE=1`` (as on these machines) would instead recompile
every module of authtui on every start, which no installed copy does; so the
script compiles authtui's bytecode first, as ``pip install`` would, and says so.

Run: ``python bench/startup.py``. Ratios are printed last.
"""

from __future__ import annotations

import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _case

HERE = Path(__file__).resolve().parent
RUNS = 9


def _wall(argv: list[str], *, ok: tuple[int, ...] = (0,)) -> float:
    """Seconds from spawn to exit; a run that fails is no figure (it says why)."""
    start = time.perf_counter()
    run = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if run.returncode not in ok:
        tail = run.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(argv[:3])}... exited {run.returncode}: {' / '.join(tail)}")
    return wall


def _median_pair(a: list[str], b: list[str], *, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Median wall times of ``a`` and ``b``, run alternately after one warm-up each."""
    _wall(a, ok=ok), _wall(b)
    times_a, times_b = [], []
    for _ in range(RUNS):
        times_a.append(_wall(a, ok=ok))
        times_b.append(_wall(b))
    return statistics.median(times_a), statistics.median(times_b)


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
        check = subprocess.run(diag, capture_output=True, text=True, check=False)
        print(
            f"command: {' '.join(diag)} -> exit {check.returncode}, "
            f"{len(check.stdout)} chars of JSON {check.stderr.strip()}"
        )
        # diagnose exits 1 when the paste shows a failure, as this one does
        cli, floor = _median_pair(diag, [sys.executable, "-c", "import jwt"], ok=(0, 1))
        script = str(HERE / "_first_paint.py")
        tui, minimal = _median_pair(
            [sys.executable, script, "authtui", str(paste), str(jwks)],
            [sys.executable, script, "minimal", str(paste)],
        )
    _case.show("authtui diagnose --format json (whole process)", cli)
    _case.show('python -c "import jwt" (floor)', floor)
    _case.show("authtui TUI to first screen, case loaded", tui)
    _case.show("minimal Textual app, one TextArea (floor)", minimal)
    print(_case.ratio_line("start-up: diagnose vs import jwt", cli / floor, 1.5))
    print(_case.ratio_line("start-up: TUI first screen vs minimal app", tui / minimal, 1.5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
