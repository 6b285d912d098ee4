"""The long fuzz run: the safety properties of tests/safety with many more examples.

``python bench/fuzz.py [EXAMPLES]`` (default 20000 per property) runs Hypothesis
over the whole diagnose path: arbitrary text, arbitrary bytes decoded as the CLI
decodes them, and mutations of real pastes; each must give a report without an
exception and without ``internal.check_failed``. Prints the count checked and any
failure, and exits 0 whatever it finds (its last line says what it found).
"""

from __future__ import annotations

import sys
import time
import traceback

import _case  # noqa: F401  (puts the repository on sys.path)
from hypothesis import HealthCheck, given, settings

from tests.safety.test_robustness import PROPERTIES


def main(argv: list[str]) -> int:
    """Run each property with many examples; always exit 0."""
    examples = int(argv[0]) if argv else 20_000
    profile = settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    failures = 0
    for name, (prop, strategies) in PROPERTIES.items():
        start = time.perf_counter()
        try:
            profile(given(*strategies)(prop))()
            print(f"{name}: {examples} examples, no failure ({time.perf_counter() - start:.0f} s)")
        except Exception:
            failures += 1
            print(f"{name}: FAILED")
            traceback.print_exc(file=sys.stdout)
    print(f"FUZZ {failures} failing properties of {len(PROPERTIES)}, {examples} examples each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
