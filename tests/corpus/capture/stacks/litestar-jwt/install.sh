#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "litestar==2.25.0" "uvicorn==0.54.0" "PyJWT[crypto]"
