#!/usr/bin/env bash
cd "$HERE" || exit 1
KEYS="$CAP/keys" nohup rackup -E deployment -s webrick -o 127.0.0.1 -p "$PORT" "$HERE/config.ru" >"$LOG" 2>&1 &
echo $! >"$PIDFILE"
