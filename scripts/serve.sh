#!/usr/bin/env bash
# One command to try Safer Plan: installs what is missing, builds the
# release app (with its embedded demo partnership) and serves it locally.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
port="${PORT:-8080}"
step "Serving Safer Plan"
echo "Open http://127.0.0.1:$port/ and choose \"Explore the demo partnership\". Press Ctrl+C to stop."
exec node scripts/static-server.mjs dist "$port"
