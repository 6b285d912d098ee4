#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "connexion[uvicorn]==3.3.0" "PyJWT[crypto]"
