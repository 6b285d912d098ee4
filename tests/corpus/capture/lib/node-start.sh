#!/usr/bin/env bash
# Start a Node stack's server ($1, default server.js) from $WORK/node/<slug>; pid to $PIDFILE.
slug="$(basename "$HERE")"
dest="$WORK/node/$slug"
cd "$dest" || exit 1
KEYS="$CAP/keys" JWKS_URL="http://127.0.0.1:9400/.well-known/jwks.json" \
  nohup node "${1:-server.js}" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
