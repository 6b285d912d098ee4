#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "sanic==25.12.1" "sanic-jwt==1.8.0" "PyJWT[crypto]"
