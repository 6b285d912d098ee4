#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "PyJWT[crypto]" "flask==3.1.3" "flask-jwt-extended==4.7.4"
