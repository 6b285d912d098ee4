#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "falcon==4.4.0" "falcon-auth2==0.2.0" "joserfc==1.8.0"
