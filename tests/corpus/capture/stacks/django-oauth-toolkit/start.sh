#!/usr/bin/env bash
"$WORK/venv/bin/python" "$HERE/dotapp.py" migrate -v0
nohup "$WORK/venv/bin/python" "$HERE/dotapp.py" runserver --noreload "127.0.0.1:$PORT" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
