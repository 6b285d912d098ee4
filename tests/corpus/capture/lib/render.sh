#!/usr/bin/env bash
# render.sh TEMPLATE OUTPUT: replace @PORT@ @WORK@ @HERE@ @CAP@ @KEYS@ @SLUG@ in a config template.
set -euo pipefail
sed -e "s|@PORT@|$PORT|g" -e "s|@WORK@|$WORK|g" -e "s|@HERE@|$HERE|g" -e "s|@CAP@|$CAP|g" \
    -e "s|@KEYS@|$CAP/keys|g" -e "s|@SLUG@|$(basename "$HERE")|g" "$1" >"$2"
