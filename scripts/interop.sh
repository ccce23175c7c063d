#!/usr/bin/env bash
# Interoperability with @automerge/automerge (npm) under Node:
# 1. the app's "Download as Automerge document" file opens in Node, which
#    edits it with plain JavaScript strings and numbers and also builds a
#    new partnership from docs/FORMAT.md;
# 2. the app opens and merges both, then makes its own edits;
# 3. Node reads the app's edits back, and finds its text still text.
# Needs cargo and the npm packages (scripts/setup.sh installs both).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

INTEROP_DIR="$(mktemp -d)"
export INTEROP_DIR
trap 'echo "interop: FAILED (files kept in $INTEROP_DIR)" >&2' ERR

cargo test -q --test interop -- --ignored --exact write_demo_for_node
node tests/interop/node-roundtrip.mjs "$INTEROP_DIR"
cargo test -q --test interop -- --ignored --exact merge_what_node_changed
cargo test -q --test interop -- --ignored --exact open_the_partnership_node_made
node tests/interop/node-readback.mjs "$INTEROP_DIR"

rm -rf "$INTEROP_DIR"
echo "interop: OK: @automerge/automerge $(node -p 'require("./node_modules/@automerge/automerge/package.json").version') and the app read and merged each other's edits"
