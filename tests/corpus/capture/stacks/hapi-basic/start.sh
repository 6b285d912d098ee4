#!/usr/bin/env bash
exec "$CAP/lib/node-start.sh" server.js
