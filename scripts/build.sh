#!/usr/bin/env bash
# Builds the release app into dist/ without letting Trunk download anything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
step "Building the release app into dist/"
trunk build --release --offline
