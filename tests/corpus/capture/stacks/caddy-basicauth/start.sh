#!/usr/bin/env bash
set -e
mkdir -p "$WORK/www/caddy-basicauth" "$WORK/caddy-data"
printf '{"items":["a","b"]}\n' >"$WORK/www/caddy-basicauth/items.json"
HASH="$(caddy hash-password --plaintext s3cret-pass)"
"$CAP/lib/render.sh" "$HERE/Caddyfile.in" "$WORK/etc/caddy-basicauth.Caddyfile.tmp"
sed "s|@HASH@|$HASH|" "$WORK/etc/caddy-basicauth.Caddyfile.tmp" >"$WORK/etc/caddy-basicauth.Caddyfile"
XDG_DATA_HOME="$WORK/caddy-data" XDG_CONFIG_HOME="$WORK/caddy-data" \
  nohup caddy run --config "$WORK/etc/caddy-basicauth.Caddyfile" --adapter caddyfile >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
