#!/usr/bin/env bash
set -e
mkdir -p "$WORK/www/apache-mod-oauth2"
printf '{"items":["a","b"]}\n' >"$WORK/www/apache-mod-oauth2/items.json"
printf '{"admin":true}\n' >"$WORK/www/apache-mod-oauth2/admin.json"
"$CAP/lib/render.sh" "$HERE/httpd.conf.in" "$WORK/etc/apache-mod-oauth2.conf"
nohup apache2 -f "$WORK/etc/apache-mod-oauth2.conf" -DFOREGROUND >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
