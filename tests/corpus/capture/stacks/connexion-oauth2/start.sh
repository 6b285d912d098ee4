#!/usr/bin/env bash
cd "$HERE" || exit 1
KEYS="$CAP/keys" nohup "$WORK/venv/bin/python" "$HERE/app.py" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
