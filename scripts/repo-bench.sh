#!/usr/bin/env bash
# Figures for BENCHMARKS.md, "Sync through a server": on loopback, with
# scripts/sync-server.mjs and the app's client natively (tests/repo_interop.rs)
# 1. the time for an edit to reach the other partner (100 edits);
# 2. joining the large partnership by address, beside automerge-repo's own
#    Node client joining the same document in the same run;
# 3. the server's memory (VmRSS) with 50 partnerships.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/sync-server.sh
source scripts/lib/sync-server.sh
start_sync_server "${REPO_BENCH_PORT:-47321}" "$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$INTEROP_DIR"' EXIT
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$SERVER/status"; }
echo "server memory at start: $(rss)"

bench() { cargo test -q --test repo_interop -- --ignored --exact --nocapture "$1" 2>&1 | grep -E "ms|partnerships|panicked|error" || true; }
bench bench_an_edit_reaches_the_other_partner
bench bench_joining_the_large_partnership
node tests/interop/repo-node.mjs join-timed "$INTEROP_DIR" "$REPO_SERVER"
echo "server memory with the large partnership and the demo: $(rss)"
bench bench_fifty_partnerships_on_one_server
echo "server memory with 52 partnerships: $(rss)"
