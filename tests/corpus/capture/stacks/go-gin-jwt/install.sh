#!/usr/bin/env bash
# Build offline against Debian's Go packages (GOPATH mode, no module downloads).
set -e
dpkg -s golang-go golang-github-appleboy-gin-jwt-dev golang-github-gin-gonic-gin-dev >/dev/null 2>&1 ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends golang-go golang-github-appleboy-gin-jwt-dev golang-github-gin-gonic-gin-dev
mkdir -p "$WORK/go/src/authtui-gin-jwt" "$WORK/go/bin"
cp "$HERE/main.go" "$WORK/go/src/authtui-gin-jwt/"
cd "$WORK/go/src/authtui-gin-jwt"
GO111MODULE=off GOPATH="$WORK/go:/usr/share/gocode" GOCACHE="$WORK/go/cache" GOPROXY=off \
  go build -o "$WORK/go/bin/authtui-gin-jwt" .
