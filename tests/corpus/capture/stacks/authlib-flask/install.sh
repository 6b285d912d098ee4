#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "flask==3.1.3" "authlib==1.9.10"
