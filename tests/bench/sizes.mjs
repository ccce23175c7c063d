// Prints the size of every script, stylesheet and wasm in a built dist/
// (raw, gzip -9 and brotli 11 with Node's zlib, KB = 1,024 bytes), which
// files index.html loads, and their brotli total: the figures BENCHMARKS.md
// tables. Prints, never asserts.
//   node tests/bench/sizes.mjs [dist-directory]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist');
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
const kb = (n) => (n / 1024).toFixed(1);
// The page's own files are content-hashed and named in index.html, and its
// script imports the wasm-split loader (scripts/split.mjs); the split
// modules are fetched when a page of theirs first opens, the workers' files
// by the workers when first needed.
const named = (f) => index.includes(f) || (f.endsWith('_bg.wasm') && index.includes(f.replace('_bg.wasm', '.js')));
const imported = new Set(
  files
    .filter((f) => f.endsWith('.js') && named(f))
    .flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1])),
);
const loadedByIndex = (f) => named(f) || imported.has(f);
let total = 0;
console.log(`${dist}\nfile | raw KB | gzip KB | brotli KB | loaded by index.html`);
for (const f of files) {
  const bytes = readFileSync(join(dist, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  const page = loadedByIndex(f);
  if (page) total += br;
  console.log(`${f} | ${kb(bytes.length)} | ${kb(gz)} | ${kb(br)} | ${page ? 'yes' : 'no'}`);
}
console.log(`everything index.html loads (scripts, styles, wasm), brotli: ${kb(total)} KB`);
