#!/usr/bin/env bash
# Installs what building and testing Safer Plan needs, skipping what is
# already there. Safe to run again. Sourced by serve.sh, test.sh and bench.sh.
set -euo pipefail

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (Cargo.toml pins it).
WASM_BINDGEN_VERSION=0.2.130
# wasm-split-cli (crate wasm_split_cli_support), the cutter cargo-leptos uses for
# `#[lazy]`; it must read the split markers of wasm_split_helpers in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
# leptosfmt formats the `view!` blocks rustfmt leaves alone (leptosfmt.toml);
# scripts/test.sh checks them.
LEPTOSFMT_VERSION=0.1.33

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32 Rust target (about a minute)"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "Installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  # No --locked: one of its locked dependencies is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the page's wasm so rarely used pages load when first opened
# (scripts/split.mjs, run by Trunk after each build).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "Installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute and a half, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION"; then
  step "Installing leptosfmt $LEPTOSFMT_VERSION (about two minutes, once)"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
fi

# poppler-utils' pdfinfo and pdftotext read back the PDFs the print journeys
# make (tests/e2e/print.ts).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ]; then
  step "Installing Debian's chromium, chromium-driver and poppler-utils for browser tests"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver poppler-utils
fi

# tests/age_cli.rs checks passphrase-protected files against the real age
# CLI (Debian's small `age` package), driven through a terminal by `script`.
if ! command -v age >/dev/null || ! command -v script >/dev/null; then
  step "Installing Debian's age (and util-linux's script) for the age interoperability test"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q age bsdutils
fi

# npm ci only when package-lock.json differs from the one last installed.
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json; then
  step "Installing npm packages (govuk-frontend, sass, binaryen, Playwright, axe-core)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-package-lock.json
fi
