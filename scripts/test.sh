#!/usr/bin/env bash
# One command runs every test: formatting, lints and the code documentation,
# native tests (model, document, storage logic, demo), browser storage tests
# in headless Chromium, then the release build and the Playwright journeys
# with axe-core.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step "Checking formatting and lints"
cargo fmt --all -- --check
leptosfmt --check --quiet src
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "Checking the code documentation builds with no broken links or warnings"
# Native for the core crates, then wasm for the browser half (storage, ui).
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc --target wasm32-unknown-unknown --lib --no-deps -p safer-plan

step "Native tests: model, workspace, chunk log, demo data, QR codes"
cargo test --workspace

step "Interoperability: the .automerge download in @automerge/automerge (Node) and back"
bash scripts/interop.sh

step "Interoperability: the app's sync client and @automerge/automerge-repo (Node) through the sync server"
bash scripts/repo-interop.sh

step "Browser storage tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test storage

step "Building the release app"
trunk build --release --offline

step "End-to-end journeys (Playwright + axe-core in headless Chromium)"
npx playwright test
