#!/usr/bin/env bash
set -e
htpasswd -bc "$WORK/etc/squid-proxy.htpasswd" alice s3cret-pass 2>/dev/null
chmod 644 "$WORK/etc/squid-proxy.htpasswd"
for f in cache.log access.log; do : >"$WORK/logs/squid-proxy.$f"; chown proxy "$WORK/logs/squid-proxy.$f"; done
"$CAP/lib/render.sh" "$HERE/squid.conf.in" "$WORK/etc/squid-proxy.conf"
nohup squid -N -f "$WORK/etc/squid-proxy.conf" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
