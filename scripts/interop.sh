#!/usr/bin/env bash
# Interoperability: the app's "Download as Automerge document" file opens in
# @automerge/automerge (npm) under Node, which reads the actions and edits
# action 4; the document it saves merges back into the app's copy.
# Needs cargo and the npm packages (scripts/setup.sh installs both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

INTEROP_DIR="$(mktemp -d)"
export INTEROP_DIR
trap 'echo "interop: FAILED (files kept in $INTEROP_DIR)" >&2' ERR

cargo test -q --test interop -- --ignored --exact write_demo_for_node
node tests/interop/node-roundtrip.mjs "$INTEROP_DIR"
cargo test -q --test interop -- --ignored --exact merge_what_node_changed

rm -rf "$INTEROP_DIR"
echo "interop: OK: @automerge/automerge $(node -p 'require("./node_modules/@automerge/automerge/package.json").version') read the app's .automerge export and its edit merged back"
