#!/usr/bin/env bash
set -e
command -v squid >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends squid apache2-utils
