#!/usr/bin/env bash
set -e
dpkg -s tomcat10 >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tomcat10
