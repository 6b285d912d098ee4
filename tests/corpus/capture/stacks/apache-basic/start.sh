#!/usr/bin/env bash
set -e
mkdir -p "$WORK/www/apache-basic"
printf '{"items":["a","b"]}\n' >"$WORK/www/apache-basic/items.json"
htpasswd -bcB "$WORK/etc/apache-basic.htpasswd" alice s3cret-pass 2>/dev/null
chmod 644 "$WORK/etc/apache-basic.htpasswd"
"$CAP/lib/render.sh" "$HERE/httpd.conf.in" "$WORK/etc/apache-basic.conf"
nohup apache2 -f "$WORK/etc/apache-basic.conf" -DFOREGROUND >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
