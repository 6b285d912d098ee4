#!/usr/bin/env bash
set -e
"$CAP/lib/render.sh" "$HERE/haproxy.cfg.in" "$WORK/etc/haproxy-basic.cfg"
nohup haproxy -db -f "$WORK/etc/haproxy-basic.cfg" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
