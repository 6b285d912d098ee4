#!/usr/bin/env bash
set -e
command -v haproxy >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy
