#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "aiohttp==3.14.5" "aiohttp-basicauth==1.2.0"
