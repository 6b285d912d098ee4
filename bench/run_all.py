"""Run every bench script, one after another: ``python bench/run_all.py``.

Each script prints its figures and its ratio as its last line; this prints each
script's output in turn, then the ratio lines together. Always exits 0.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("core_floor.py", "scale.py", "startup.py", "typing_speed.py", "big_paste.py")


def main() -> int:
    """Run every script; always exit 0."""
    ratios: list[str] = []
    for name in SCRIPTS:
        print(f"== bench/{name}", flush=True)
        result = subprocess.run(
            [sys.executable, str(HERE / name)], capture_output=True, text=True, check=False
        )
        sys.stdout.write(result.stdout)
        if result.returncode:
            sys.stdout.write(result.stderr)
        ratios += [line for line in result.stdout.splitlines() if line.startswith("RATIO")]
    print("== summary")
    print("\n".join(ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
