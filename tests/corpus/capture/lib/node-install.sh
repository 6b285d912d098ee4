#!/usr/bin/env bash
# Copy a Node stack's package.json and sources to $WORK/node/<slug> and npm install there.
set -euo pipefail
slug="$(basename "$HERE")"
dest="$WORK/node/$slug"
mkdir -p "$dest"
cp "$HERE"/package.json "$dest/"
find "$HERE" -maxdepth 1 \( -name '*.js' -o -name '*.mjs' -o -name '*.ts' -o -name 'tsconfig.json' \) -exec cp {} "$dest/" \;
cd "$dest" && npm install --no-audit --no-fund
if [[ -f "$dest/tsconfig.json" ]]; then npx tsc -p "$dest"; fi
