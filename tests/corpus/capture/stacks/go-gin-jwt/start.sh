#!/usr/bin/env bash
KEYS="$CAP/keys" nohup "$WORK/go/bin/authtui-gin-jwt" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
