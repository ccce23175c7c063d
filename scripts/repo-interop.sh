#!/usr/bin/env bash
# The app's automerge-repo client (natively, tests/repo_interop.rs) and the
# reference client (@automerge/automerge-repo under Node) sync through
# scripts/sync-server.mjs on loopback, both ways:
# 1. the app turns on sync and uploads the demo partnership;
# 2. Node joins by its sync address, checks it and renames it;
# 3. the app reconnects, receives Node's edit and answers with its own;
# 4. Node reads the answer back, and a second app device joins by address.
# Needs cargo and the npm packages (scripts/setup.sh installs both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/sync-server.sh
source scripts/lib/sync-server.sh
start_sync_server "${REPO_INTEROP_PORT:-47311}" "$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
trap 'echo "repo interop: FAILED (files kept in $INTEROP_DIR)" >&2' ERR

run() { cargo test -q --test repo_interop -- --ignored --exact "$1"; }
run app_uploads_the_partnership_for_node
node tests/interop/repo-node.mjs edit "$INTEROP_DIR" "$REPO_SERVER"
run app_receives_what_node_changed_and_answers
node tests/interop/repo-node.mjs readback "$INTEROP_DIR" "$REPO_SERVER"
run a_partner_joins_by_address_and_gets_the_whole_partnership

rm -rf "$INTEROP_DIR"
echo "repo interop: OK: @automerge/automerge-repo $(node -p 'require("./node_modules/@automerge/automerge-repo/package.json").version') and the app synced through the server both ways"
