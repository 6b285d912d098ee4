#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "blacksheep==2.6.4" "uvicorn==0.54.0"
