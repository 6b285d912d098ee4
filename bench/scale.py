"""Scale: the same diagnosis on pastes of 10 KB, 100 KB, 1 MB and 4 MB.

For each shape (the typical case padded with headers, and adversarial shapes:
commas, unterminated quotes, a token of dots, deep JSON) it prints the time per
byte at each size and the peak memory diagnose() allocated (tracemalloc, so the
interpreter's own baseline is left out). Goals: time per byte of the largest
within 2x of the smallest, for every shape; peak memory at most 10x the input.

Run: ``python bench/scale.py``. The worst time-per-byte ratio is the last line.
"""

from __future__ import annotations

import time
import tracemalloc

import _case
from _shapes import SHAPES

from authtui.core.diagnose import diagnose

SIZES = (10_000, 100_000, 1_000_000, 4_000_000)


def _seconds(text: str, options: object) -> float:
    """Best of a few runs (fewer for big inputs): seconds for one diagnosis."""
    runs = 5 if len(text) <= 1_000_000 else 2
    best = float("inf")
    diagnose(text, options)  # type: ignore[arg-type]
    for _ in range(runs):
        start = time.perf_counter()
        diagnose(text, options)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
    return best


def _peak_bytes(text: str, options: object) -> int:
    """Peak bytes allocated by one diagnosis (traced apart from the timing)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    diagnose(text, options)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    """Measure every shape at every size; always exit 0."""
    case = _case.build_case()
    options = _case.options(case)
    worst_time, worst_mem = 0.0, 0.0
    print(f"{'shape':<22}{'size':>10}{'ms':>10}{'ns/byte':>10}{'peak MB':>10}{'peak/in':>9}")
    for name, make in SHAPES.items():
        per_byte = []
        for size in SIZES:
            text = make(size, case)
            nbytes = len(text.encode("utf-8"))
            seconds = _seconds(text, options)
            peak = _peak_bytes(text, options)
            per_byte.append(seconds / nbytes)
            worst_mem = max(worst_mem, peak / nbytes)
            print(
                f"{name:<22}{nbytes:>10}{seconds * 1e3:>10.1f}{seconds / nbytes * 1e9:>10.1f}"
                f"{peak / 1e6:>10.2f}{peak / nbytes:>8.1f}x"
            )
        ratio = per_byte[-1] / per_byte[0]
        worst_time = max(worst_time, ratio)
        print(f"{name:<22} time per byte, 4 MB / 10 KB: {ratio:.2f}x")
    print(_case.ratio_line("peak memory / input (worst shape)", worst_mem, 10))
    print(_case.ratio_line("scale: time per byte 4 MB / 10 KB (worst shape)", worst_time, 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
