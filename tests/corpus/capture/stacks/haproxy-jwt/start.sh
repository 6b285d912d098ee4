#!/usr/bin/env bash
set -e
"$CAP/lib/render.sh" "$HERE/haproxy.cfg.in" "$WORK/etc/haproxy-jwt.cfg"
nohup haproxy -db -f "$WORK/etc/haproxy-jwt.cfg" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
