#!/usr/bin/env bash
exec "$CAP/lib/node-install.sh"
