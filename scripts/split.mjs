// Trunk post-build hook: splits the page's wasm so the pages most sessions
// never open (src/ui/lazy_pages.rs) are fetched the first time they open,
// not on every first visit. Trunk cannot split (its own wasm-bindgen step
// knows nothing of wasm-split), so this does what `cargo leptos --split`
// does, on the wasm Cargo built for Trunk, and puts the result in place of
// Trunk's page files:
//   1. `wasm-split-cli` (crate wasm_split_cli_support, pinned in
//      scripts/setup.sh) cuts the raw wasm, linked with `--emit-relocs`
//      (build.rs), into the main module, one `split_<area>.wasm` per
//      `#[wasm_split(area)]` function and `chunk_*.wasm` for code two areas
//      share, and writes the loader `__wasm_split.js`, which fetches a
//      module relative to its own address and instantiates it against the
//      main module's memory and function table;
//   2. wasm-bindgen (the pinned CLI Trunk also uses) makes the main
//      module's JavaScript, keeping the exports the modules link to;
//   3. wasm-opt -Oz (binaryen from npm, as for Trunk) shrinks every module;
//   4. every file is named with a content hash, as Trunk names its own
//      (the service worker fetches such files with cache: 'force-cache'),
//      and index.html's module script and modulepreload (with their
//      integrity hashes) are pointed at the new files;
//   5. the page's wasm is fetched after the first paint instead of
//      preloaded, and compiled off the main thread (loadWasmAfterFirstPaint).
// Trunk's `TrunkApplicationStarted` event and the first-paint hand-over are
// untouched: index.html's loader is Trunk's; only the names and when the
// wasm is fetched change. The service worker's precache
// (scripts/precache.mjs, run after this) lists every file in the staging
// directory, the modules included.
// Prints each file's size. Run by Trunk with TRUNK_STAGING_DIR set.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STEM = 'safer-plan';
const LOADER = '__wasm_split';
// The flags index.html gives Trunk's wasm-opt for the workers' wasm.
// PROFILE_NAMES=1 keeps the functions' names (wasm-opt -g), so a CPU profile
// of a release build names them; the files are then larger than shipped.
const WASM_OPT = [
  '-Oz',
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  ...(process.env.PROFILE_NAMES === '1' ? ['-g'] : []),
];

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: this runs as a Trunk post_build hook');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const targetDir = JSON.parse(run('cargo', ['metadata', '--format-version=1', '--no-deps'])).target_directory;
const raw = join(targetDir, 'wasm32-unknown-unknown', profile, `${STEM}.wasm`);

const work = mkdtempSync(join(tmpdir(), 'safer-plan-split-'));
try {
  run(process.env.WASM_SPLIT_CLI ?? 'wasm-split-cli', [raw, work, '--out-name', STEM, '--target', 'web']);
  const modules = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${STEM}.wasm`);
  if (!modules.some((f) => f.startsWith('split_'))) {
    throw new Error(`wasm-split found no split point in ${raw}: was it linked with --emit-relocs (build.rs)?`);
  }
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', [
    '--target=web',
    '--keep-lld-exports',
    '--no-demangle',
    `--out-name=${STEM}`,
    `--out-dir=${bindgen}`,
    join(work, `${STEM}.wasm`),
  ]);
  const mainWasm = join(bindgen, `${STEM}_bg.wasm`);
  for (const file of [mainWasm, ...modules.map((f) => join(work, f))]) {
    run('wasm-opt', [...WASM_OPT, file, '-o', file]);
  }

  const hash = (...parts) => {
    const h = createHash('sha256');
    for (const p of parts) h.update(p);
    return h.digest('hex').slice(0, 16);
  };
  // Each module is named by its own content; the loader names them.
  let loader = readFileSync(join(work, `${LOADER}.js`), 'utf8');
  const out = new Map();
  for (const file of modules) {
    const bytes = readFileSync(join(work, file));
    const name = file.replace(/\.wasm$/, `-${hash(bytes)}.wasm`);
    loader = replaceOnce(loader, `"./${file}"`, `"./${name}"`);
    out.set(name, bytes);
  }
  // The page's script and the loader import each other, so the two and the
  // main wasm share one hash made from all three.
  let script = readFileSync(join(bindgen, `${STEM}.js`), 'utf8');
  const wasm = readFileSync(mainWasm);
  const shared = hash(wasm, script, loader);
  const names = { js: `${STEM}-${shared}.js`, wasm: `${STEM}-${shared}_bg.wasm`, loader: `${LOADER}-${shared}.js` };
  // wasm-bindgen imports the loader once for each area (`import * as importN
  // from "./__wasm_split.js"`); the keys of the wasm's import object keep the
  // module name the wasm itself asks for.
  const importLoader = `from "./${LOADER}.js"`;
  if (!script.includes(importLoader)) throw new Error(`the page's script does not import ${LOADER}.js`);
  script = script.replaceAll(importLoader, `from "./${names.loader}"`);
  loader = replaceOnce(loader, `"./${STEM}.js"`, `"./${names.js}"`);
  out.set(names.js, script).set(names.wasm, wasm).set(names.loader, loader);

  // Trunk's page files give way to these; index.html names the new ones.
  const trunkJs = readdirSync(staging).find((f) => new RegExp(`^${STEM}-[0-9a-f]+\\.js$`).test(f));
  if (!trunkJs) throw new Error(`Trunk staged no ${STEM}-<hash>.js`);
  const trunkStem = trunkJs.replace(/\.js$/, '');
  unlinkSync(join(staging, trunkJs));
  unlinkSync(join(staging, `${trunkStem}_bg.wasm`));
  let html = readFileSync(join(staging, 'index.html'), 'utf8');
  if (!html.includes(`${trunkStem}_bg.wasm`)) throw new Error(`index.html does not load ${trunkStem}_bg.wasm`);
  html = html.replaceAll(`${trunkStem}_bg.wasm`, names.wasm).replaceAll(`${trunkStem}.js`, names.js);
  const sri = (name) => `sha384-${createHash('sha384').update(out.get(name)).digest('base64')}`;
  // Trunk's integrity attributes, recomputed for the files they now name.
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const href = /href="\/?([^"]+)"/.exec(tag)?.[1];
    if (!href || !out.has(href) || !/integrity="/.test(tag)) return tag;
    return tag.replace(/integrity="[^"]*"/, `integrity="${sri(href)}"`);
  });
  html = loadWasmAfterFirstPaint(html, names.wasm);
  for (const [name, content] of out) writeFileSync(join(staging, name), content);
  writeFileSync(join(staging, 'index.html'), html);

  const kb = (n) => (n / 1024).toFixed(1);
  for (const [name, content] of [...out].sort()) console.log(`split: ${name} ${kb(Buffer.byteLength(content))} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The page's wasm is fetched once index.html's shell has painted, not
// preloaded beside the stylesheet: on a slow connection a preload of the
// page's wasm (the largest file) competes with the render-blocking CSS
// for the first paint, and Lighthouse's simulation counts any download
// that finished before the paint as holding it up (on loopback the
// preloaded wasm sometimes did, which read as a 5 s LCP on the mobile
// preset). "Painted" is the browser's own first-contentful-paint entry
// (Paint Timing), not a guess from frames: the frame callbacks ran before
// the paint was on screen, by 20-40 ms on a busy machine. A tab opened in
// the background does not paint, so it starts after 1 s instead; a browser
// without Paint Timing starts after its next frame.
//
// The bytes are then compiled with `WebAssembly.compile`, which decodes
// the module off the main thread, and carry no integrity hash. Both keep
// the start from blocking the page: checking a sha384 hash holds the whole
// 3 MB response and hashes it in one main-thread task, and streaming
// compilation then decodes it there too (one task of 70-110 ms on this
// machine, 300-500 ms on Lighthouse's simulated phone; without the hash and
// the streaming decode the longest is under 30 ms). Subresource Integrity
// guards files from another origin (a CDN); this file comes from the same
// host as index.html, which names it by its content hash. A failed
// download (an HTTP error, or bytes that are not this module) rejects, and
// index.html's shell says the app could not finish loading.
function loadWasmAfterFirstPaint(html, wasm) {
  const preload = new RegExp(`<link rel="preload" href="/${wasm}"[^>]*>`);
  if (!preload.test(html)) throw new Error(`index.html does not preload ${wasm}`);
  html = html.replace(preload, '');
  return replaceOnce(
    html,
    `const wasm = await init({ module_or_path: '/${wasm}' });`,
    'await new Promise((painted) => {\n' +
      "  try { new PerformanceObserver((list, o) => list.getEntriesByName('first-contentful-paint').length && (o.disconnect(), painted())).observe({ type: 'paint', buffered: true }); }\n" +
      '  catch { requestAnimationFrame(() => setTimeout(painted)); }\n' +
      '  setTimeout(painted, 1000);\n' +
      '});\n' +
      `const response = await fetch('/${wasm}');\n` +
      "if (!response.ok) throw new Error(`Safer Plan's code did not download (HTTP ${response.status})`);\n" +
      'const wasm = await init({ module_or_path: await WebAssembly.compile(await response.arrayBuffer()) });'
  );
}

// Replaces the one occurrence of `from` (a file name the tools wrote),
// failing loudly if a new tool version writes it differently.
function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected ${from} exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
