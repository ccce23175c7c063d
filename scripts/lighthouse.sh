#!/usr/bin/env bash
# Lighthouse (pinned 12.8.2, fetched by npx on first use) on the release
# build as a web host would serve it (brotli), with Debian's Chromium, for
# the mobile and desktop presets. Prints the category scores and the load
# metrics; nothing passes or fails on them. `npm run lighthouse` runs this;
# `bash scripts/lighthouse.sh <dir>` measures another build (default dist).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

dir=${1:-dist}
[[ $dir != dist || -f dist/index.html ]] || bash scripts/build.sh

port=4300
node scripts/static-server.mjs "$dir" "$port" --compress >/tmp/safer-plan-lighthouse-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
# The server compresses each file once, on its first request (the page's
# wasm takes seconds at quality 11); a web host serves files already
# compressed, so ask for every file once before measuring.
(cd "$dir" && find . -type f) | while read -r f; do
  curl -fs -H 'Accept-Encoding: br' "http://127.0.0.1:$port/${f#./}" >/dev/null
done

out=$(mktemp -d)
for preset in mobile desktop; do
  step "Lighthouse, $preset preset"
  extra=()
  [[ $preset == desktop ]] && extra=(--preset=desktop)
  CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12.8.2 "http://127.0.0.1:$port/" \
    --quiet --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices \
    --output=json --output-path="$out/$preset.json" "${extra[@]}"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = r.categories, a = r.audits;
    const score = (k) => Math.round(c[k].score * 100);
    console.log(`performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}`);
    for (const k of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
      console.log(`  ${a[k].title}: ${a[k].displayValue}`);
    const bytes = a["total-byte-weight"].numericValue;
    console.log(`  transferred: ${(bytes / 1024).toFixed(0)} KB`);
  ' "$out/$preset.json"
done
