#!/usr/bin/env bash
set -e
dpkg -s libapache2-mod-auth-openidc >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends apache2 libapache2-mod-auth-openidc
