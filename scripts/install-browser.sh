#!/usr/bin/env bash
# Headless Chromium for the browser tests (tests/web/test_browser.py), from Debian's
# `chromium` package. Idempotent: does nothing when Chromium is already on PATH.
# It never downloads a browser build of its own (the tests drive this one over DevTools).
set -euo pipefail

for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
        echo "install-browser: $("$name" --version 2>/dev/null || echo "$name") already installed"
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: no apt-get here: install Chromium with this system's packages" >&2
    exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq chromium
echo "install-browser: $(chromium --version) installed"
