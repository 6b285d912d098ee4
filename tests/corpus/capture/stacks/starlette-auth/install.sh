#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "starlette==1.10.0" "uvicorn==0.54.0" "PyJWT[crypto]"
