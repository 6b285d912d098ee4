#!/usr/bin/env bash
set -e
"$WORK/venv/bin/pip" install "django==5.2.19" "django-oauth-toolkit==3.4.1"
