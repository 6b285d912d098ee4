#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "flask==3.1.3" "flask-httpauth==4.8.1"
