#!/usr/bin/env bash
# Driver: install, start, capture and stop each stack.
#
#   WORK=/some/work/dir OUT=/path/to/corpus capture/run.sh [--no-install] [slug ...]
#
# WORK (default: ./work) holds the Python venv (WORK/venv), the Node projects
# (WORK/node/<slug>), built binaries, server configs, logs and pid files.
# OUT (default: the folder above capture/) receives OUT/<slug>/*.txt,
# cases.json, stack.json and keys/.
# With no slug, every folder under capture/stacks/ is run.
set -euo pipefail
CAP="$(cd "$(dirname "$0")" && pwd)"
export WORK="${WORK:-$PWD/work}"
export OUT="${OUT:-$(dirname "$CAP")}"
export CAP
INSTALL=1
if [[ "${1:-}" == "--no-install" ]]; then INSTALL=0; shift; fi
mkdir -p "$WORK"/{run,logs,node,etc}
WORK="$(cd "$WORK" && pwd)"

# The venv that mints tokens and runs the Python stacks.
if [[ ! -x "$WORK/venv/bin/python" ]]; then
  python3 -m venv "$WORK/venv"
fi
"$WORK/venv/bin/python" -c 'import jwt, cryptography' 2>/dev/null ||
  "$WORK/venv/bin/pip" install -q "PyJWT[crypto]"
PY="$WORK/venv/bin/python"

# Loopback JWKS / OIDC-metadata server for stacks that fetch keys by URI.
# (Python's http.server, stopped by its pid at exit.)
JWKS_PORT=9400
mkdir -p "$WORK/jwks/.well-known"
cp "$CAP/keys/jwks.json" "$WORK/jwks/jwks.json"
cp "$CAP/keys/jwks.json" "$WORK/jwks/.well-known/jwks.json"
"$PY" - "$WORK/jwks/.well-known/openid-configuration" <<'EOF'
import json, sys
json.dump({"issuer": "https://issuer.authtui.test/",
           "jwks_uri": "http://127.0.0.1:9400/.well-known/jwks.json",
           "id_token_signing_alg_values_supported": ["RS256"]}, open(sys.argv[1], "w"))
EOF
# It is also the plain origin behind the proxies and gateways (GET /items, /admin).
printf '{"items":["a","b"]}\n' >"$WORK/jwks/items"
printf '{"admin":true}\n' >"$WORK/jwks/admin"
"$PY" -m http.server --bind 127.0.0.1 "$JWKS_PORT" --directory "$WORK/jwks" \
  >"$WORK/logs/jwks.log" 2>&1 &
JWKS_PID=$!
echo "jwks server pid $JWKS_PID"

stop_pid() {  # stop one server by its pid, wait until it is gone
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
trap 'stop_pid $JWKS_PID' EXIT

wait_port() {  # wait_port PORT SECONDS
  "$PY" - "$1" "$2" <<'EOF'
import socket, sys, time
port, limit = int(sys.argv[1]), float(sys.argv[2])
end = time.time() + limit
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), 0.5).close(); sys.exit(0)
    except OSError:
        time.sleep(0.3)
sys.exit(1)
EOF
}

if [[ $# -eq 0 ]]; then
  set -- $(ls "$CAP/stacks")
fi
wait_port "$JWKS_PORT" 10

for slug in "$@"; do
  dir="$CAP/stacks/$slug"
  echo "=== $slug"
  export PORT; PORT="$("$PY" "$CAP/lib/capture.py" port "$slug")"
  export HERE="$dir" PIDFILE="$WORK/run/$slug.pid" LOG="$WORK/logs/$slug.log" PY
  if [[ $INSTALL -eq 1 && -x "$dir/install.sh" ]]; then
    "$dir/install.sh" >"$WORK/logs/$slug.install.log" 2>&1 ||
      { echo "install failed, see $WORK/logs/$slug.install.log"; continue; }
  fi
  rm -f "$PIDFILE"
  "$dir/start.sh"
  pid="$(cat "$PIDFILE")"
  echo "server pid $pid on 127.0.0.1:$PORT"
  if wait_port "$PORT" "${START_TIMEOUT:-90}"; then
    sleep "${SETTLE:-1}"
    "$PY" "$CAP/lib/capture.py" run "$slug" "$OUT" || echo "capture failed for $slug"
  else
    echo "server for $slug did not come up; see $LOG"
  fi
  stop_pid "$pid"
  if [[ -x "$dir/stop.sh" ]]; then "$dir/stop.sh" || true; fi
  if wait_port "$PORT" 1; then
    echo "WARNING: something still listens on 127.0.0.1:$PORT after stopping pid $pid" >&2
  fi
done
