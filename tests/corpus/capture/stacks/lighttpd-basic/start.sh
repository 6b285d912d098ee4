#!/usr/bin/env bash
set -e
mkdir -p "$WORK/www/lighttpd-basic"
printf '{"items":["a","b"]}\n' >"$WORK/www/lighttpd-basic/items.json"
htpasswd -bcm "$WORK/etc/lighttpd-basic.htpasswd" alice s3cret-pass 2>/dev/null
chmod 644 "$WORK/etc/lighttpd-basic.htpasswd"
: >"$WORK/logs/lighttpd-basic.error.log"; chown www-data "$WORK/logs/lighttpd-basic.error.log"
"$CAP/lib/render.sh" "$HERE/lighttpd.conf.in" "$WORK/etc/lighttpd-basic.conf"
nohup lighttpd -D -f "$WORK/etc/lighttpd-basic.conf" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
