#!/usr/bin/env bash
set -e
dpkg -s ruby-rack-oauth2 ruby-jwt ruby-sinatra ruby-webrick >/dev/null 2>&1 ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ruby-rack-oauth2 ruby-jwt ruby-sinatra ruby-webrick
