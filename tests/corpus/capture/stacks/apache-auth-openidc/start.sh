#!/usr/bin/env bash
set -e
mkdir -p "$WORK/www/apache-auth-openidc"
printf '{"items":["a","b"]}\n' >"$WORK/www/apache-auth-openidc/items.json"
printf '{"admin":true}\n' >"$WORK/www/apache-auth-openidc/admin.json"
"$CAP/lib/render.sh" "$HERE/httpd.conf.in" "$WORK/etc/apache-auth-openidc.conf"
nohup apache2 -f "$WORK/etc/apache-auth-openidc.conf" -DFOREGROUND >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
