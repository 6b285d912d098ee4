#!/usr/bin/env bash
set -e
command -v lighttpd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends lighttpd apache2-utils
