// Cold-load benchmark: how long the release build in dist/ takes to become
// usable in headless Chromium, and how big it is on the wire. Prints figures
// only; it fails only if the app cannot be served or never shows up.
//
// Each run uses a brand-new browser context (empty storage and HTTP cache):
//   (a) first visit: goto('/') until "Explore the demo partnership" is visible;
//   (b) click it: until the demo's h1 is visible, then until the app reports
//       "All changes saved on this device" (the demo is stored in IndexedDB);
//   (c) reload: until the demo's h1 is visible again, read back from storage.
// Times are Node wall-clock around Playwright's waits, so they include a
// little automation overhead; DOMContentLoaded and load come from the
// browser's own navigation timing.
//
// Usage: node tests/bench/cold-load.mjs   (RUNS=5 and PORT=4180 by default)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
const runs = Number(process.env.RUNS ?? 5);
const timeout = 30_000;
const DEMO_BUTTON = 'Explore the demo partnership';
const DEMO_HEADING = 'Luton Community Safety Partnership';
const SAVED = 'All changes saved on this device';

/** Resolves to `preferred` if nothing listens there, otherwise any free port. */
function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((ok, fail) => {
      const probe = createServer();
      probe.once('error', fail);
      probe.listen(port, '127.0.0.1', () => {
        const { port: got } = probe.address();
        probe.close(() => ok(got));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** Starts scripts/static-server.mjs on dist/ and waits until it listens. */
function startServer(port) {
  const child = spawn(process.execPath, [join(root, 'scripts/static-server.mjs'), dist, String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the static server did not start within 10 s')), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the static server exited early (code ${code})`));
    });
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('Serving')) {
        clearTimeout(timer);
        ok();
      }
    });
  });
  return { child, ready };
}

/** Milliseconds taken by `fn`, measured in Node. */
async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The browser's navigation timing for the current document, in ms from navigation start. */
async function navigationTiming(page) {
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { dcl: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN };
  });
}

async function oneRun(browser, baseURL) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const button = page.getByRole('button', { name: DEMO_BUTTON });
    const heading = page.getByRole('heading', { level: 1, name: DEMO_HEADING });
    const saved = page.getByText(SAVED);

    const firstVisit = await timed(async () => {
      await page.goto('/', { waitUntil: 'commit', timeout });
      await button.waitFor({ state: 'visible', timeout });
    });
    const firstNav = await navigationTiming(page);

    const clickStart = performance.now();
    await button.click({ timeout });
    await heading.waitFor({ state: 'visible', timeout });
    const demoShown = performance.now() - clickStart;
    await saved.waitFor({ state: 'visible', timeout });
    const demoStored = performance.now() - clickStart;

    const reopen = await timed(async () => {
      await page.reload({ waitUntil: 'commit', timeout });
      await heading.waitFor({ state: 'visible', timeout });
    });
    const reopenNav = await navigationTiming(page);

    return { firstVisit, firstNav, demoShown, demoStored, reopen, reopenNav };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function printTable(samples) {
  const columns = [
    ['(a) first visit, interactive', (s) => s.firstVisit],
    ['  DCL', (s) => s.firstNav.dcl],
    ['  load', (s) => s.firstNav.load],
    ['(b) demo shown', (s) => s.demoShown],
    ['  demo stored', (s) => s.demoStored],
    ['(c) reopen, demo stored', (s) => s.reopen],
    ['  DCL', (s) => s.reopenNav.dcl],
    ['  load', (s) => s.reopenNav.load],
  ];
  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
  const rows = [
    ['', ...samples.map((_, i) => `run ${i + 1}`), 'median'],
    ...columns.map(([name, get]) => [name, ...samples.map((s) => ms(get(s))), ms(median(samples.map(get)))]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  console.log('DCL/load: the browser\'s navigation timing (DOMContentLoaded end, load end) for that page load.');
}

function printSizes() {
  const files = readdirSync(dist)
    .filter((f) => /\.(wasm|js|css)$/.test(f))
    .sort((a, b) => ['.wasm', '.js', '.css'].findIndex((e) => a.endsWith(e)) - ['.wasm', '.js', '.css'].findIndex((e) => b.endsWith(e)));
  if (!files.some((f) => f.endsWith('.wasm'))) throw new Error('no .wasm file in dist/');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [['file', 'raw', 'gzip -9', 'brotli 11']];
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    const gz = gzipSync(bytes, { level: 9 });
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    rows.push([f, `${kb(bytes.length)} (${bytes.length} B)`, kb(gz.length), kb(br.length)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log('\nRelease build sizes (1 KB = 1024 bytes):');
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

async function main() {
  printSizes();

  const port = await freePort(Number(process.env.PORT ?? 4180));
  const baseURL = `http://127.0.0.1:${port}/`;
  const server = startServer(port);
  let browser;
  try {
    await server.ready;
    browser = await chromium.launch({
      headless: true,
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    console.log(`\nCold load of dist/ from ${baseURL} in headless Chromium ${browser.version()}, ${runs} fresh contexts:`);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await oneRun(browser, baseURL));
    printTable(samples);
  } finally {
    await browser?.close();
    server.child.kill();
  }
}

main().catch((err) => {
  console.error(`cold-load benchmark failed: ${err.stack ?? err}`);
  process.exit(1);
});
