#!/usr/bin/env bash
# Everything CI checks, in one command: format, lint, types, import layers, tests, acceptance.
set -euo pipefail
cd "$(dirname "$0")/.."
ruff format --check .
ruff check .
mypy
lint-imports
python -m pytest -q -p no:cacheprovider
acceptance=../shared/acceptance/run.py
if [ -f "$acceptance" ]; then
    python "$acceptance"
else
    echo "acceptance cases not found at $acceptance: skipped" >&2
fi
