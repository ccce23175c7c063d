#!/usr/bin/env bash
# Prints Safer Plan's performance figures; nothing here passes or fails on
# a number. Builds the release app, then prints:
# - the sizes of dist/'s wasm, JS and CSS (raw, gzip -9, brotli 11) and the
#   cold-load times in headless Chromium (first visit until interactive,
#   creating and storing the demo, reopening it from storage), 5 fresh
#   browser contexts each with medians (tests/bench/cold-load.mjs);
# - criterion times for saving, loading and one intent plus incremental
#   save on the demo partnership, natively, and its saved size in bytes
#   (benches/workspace.rs);
# - how many QR codes the demo partnership takes and how long the reader
#   takes per code, in headless Chromium (tests/bench/qr.mjs);
# - messages and bytes for two tabs to converge after 100 edits each, the
#   sync core against plain Automerge sync (tests/sync_figures.rs);
# - everything a first visit moves, page and service worker, brotli
#   (tests/bench/first-visit.mjs), and the time from choosing a partner's
#   file to its preview, checked in the file worker first
#   (tests/bench/file-check.mjs), and the large partnership in the page:
#   opening it beside automerge-js, opening pages, keypresses, one intent
#   (tests/bench/large-partnership.mjs), and previewing and merging a
#   partner's file of 1,000 changes to it beside automerge-js applyChanges
#   (tests/bench/large-exchange.mjs). Give either a build from before a change
#   as well to compare: node tests/bench/first-visit.mjs <old-dist> dist.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

bash scripts/build.sh

step "Cold load and download size of the release build"
node tests/bench/cold-load.mjs

step "Reports and imports on a large partnership, in the browser"
node tests/bench/reports.mjs

step "Everything a first visit moves over the network, page and service worker (brotli)"
node tests/bench/first-visit.mjs

step "The large partnership in the browser: opening it beside automerge-js, opening pages, keypresses, one intent"
node tests/bench/large-partnership.mjs

step "A partner's file of 1,000 changes to the large partnership: preview and merge beside automerge-js applyChanges"
node tests/bench/large-exchange.mjs

step "Choosing a partner's file to its preview, checked in the file worker first"
node tests/bench/file-check.mjs

step "QR codes between tablets: codes for the demo, time to show them and to read them in the worker"
node tests/bench/qr.mjs

step "Reports and imports on a large partnership, natively (criterion)"
cargo bench --bench reports

step "Workspace save, load and one intent on the demo partnership (native, criterion)"
cargo bench --bench workspace

step "Exchange files: sizes for 1/10/100 changed actions, merging 1,000 changes, passphrase (native, criterion)"
cargo bench --bench exchange

step "Two tabs in step after 100 edits each: the sync core against plain Automerge (native)"
cargo test --test sync_figures -- --ignored --nocapture
