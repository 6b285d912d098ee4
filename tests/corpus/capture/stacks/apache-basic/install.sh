#!/usr/bin/env bash
set -e
command -v apache2 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends apache2 apache2-utils
