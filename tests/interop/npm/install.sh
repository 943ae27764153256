#!/usr/bin/env bash
# Installs the pinned npm oracles (package.json) into tests/interop/npm/node_modules once; safe to call concurrently
# (flock). Tests call this before running read-mcap.mjs / foxglove-client.mjs. node_modules stays out of git.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js 18+ with npm (apt-get install nodejs npm) to run the interop checks" >&2
  exit 3
fi
exec 9>.install.lock
flock 9
if [ -f node_modules/@mcap/core/package.json ] && [ -f node_modules/@foxglove/ws-protocol/package.json ] && [ -f node_modules/ws/package.json ]; then
  exit 0
fi
npm install --no-audit --no-fund --no-save --loglevel=error
