#!/usr/bin/env bash
set -e
: >"$WORK/logs/tinyproxy.tinyproxy.log"; chown nobody "$WORK/logs/tinyproxy.tinyproxy.log"
"$CAP/lib/render.sh" "$HERE/tinyproxy.conf.in" "$WORK/etc/tinyproxy.conf"
nohup tinyproxy -d -c "$WORK/etc/tinyproxy.conf" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
