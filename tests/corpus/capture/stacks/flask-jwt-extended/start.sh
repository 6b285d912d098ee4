#!/usr/bin/env bash
KEYS="$CAP/keys" nohup "$WORK/venv/bin/python" "$HERE/app.py" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
