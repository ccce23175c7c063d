// First-visit benchmark: everything a first visit moves over the network,
// the page and the service worker's precache together, as a web host would
// serve it (brotli, scripts/static-server.mjs --compress). Prints figures
// only; it fails only if a build cannot be served.
//
// Each build in the arguments (default: dist) is served twice, by a host
// that names each file's version (an ETag, so a browser can revalidate its
// copy and be told "not modified") and by one that does not, and visited
// twice on each in a fresh Chromium context: once with service workers blocked (what index.html and
// the welcome page load), once as a visitor gets it (the page, then the
// service worker installing and precaching every file). A counting proxy in
// front of the server adds up the response bodies (bytes on the wire,
// headers left out) and how often each file was sent (a "not modified"
// answer to a browser revalidating its copy sends none).
//
// Usage: node tests/bench/first-visit.mjs [dist-before] [dist]
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { children, freePort } from './browser.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const root = resolve(new URL('../..', import.meta.url).pathname);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

/** Starts the static server on `dir` (brotli) and a counting proxy in front of it. */
async function serve(dir, etags) {
  const port = await freePort();
  const server = spawn(process.execPath, [resolve(root, 'scripts/static-server.mjs'), resolve(dir), String(port), '--compress', ...(etags ? [] : ['--no-etag'])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(server);
  await new Promise((ok, fail) => {
    server.once('exit', (code) => fail(new Error(`the static server exited (code ${code})`)));
    server.stdout.on('data', (chunk) => chunk.toString().includes('Serving') && ok());
  });
  const sent = new Map();
  const proxy = createServer((req, res) => {
    const upstream = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      const path = new URL(req.url, 'http://x').pathname;
      const entry = sent.get(path) ?? { times: 0, bytes: 0 };
      // A "not modified" answer sends no file.
      if (up.statusCode === 200) entry.times += 1;
      up.on('data', (chunk) => (entry.bytes += chunk.length));
      sent.set(path, entry);
      up.pipe(res);
    });
    // A request the browser gives up on (its context closing) ends here.
    upstream.on('error', () => res.destroy());
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${proxy.address().port}/`,
    sent,
    close: () => {
      proxy.close();
      server.kill();
    },
  };
}

/** One first visit; with the service worker, until it has installed. */
async function visit(browser, served, serviceWorkers) {
  served.sent.clear();
  const context = await browser.newContext({ baseURL: served.url, serviceWorkers });
  try {
    const page = await context.newPage();
    await page.goto('/');
    // The app has drawn its first page (and, where index.html paints the
    // start page before the wasm arrives, taken over from it).
    await page.waitForFunction(() => !document.getElementById('app-shell') && document.querySelector('main h1'), null, {
      timeout: 60_000,
    });
    if (serviceWorkers === 'allow') await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1000);
    return new Map([...served.sent].map(([path, e]) => [path, { ...e }]));
  } finally {
    await context.close();
  }
}

const total = (sent) => [...sent.values()].reduce((sum, e) => sum + e.bytes, 0);

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const version = browser.version();
  const rows = [];
  try {
    for (const [dir, etags] of dists.flatMap((d) => [[d, true], [d, false]])) {
      const served = await serve(dir, etags);
      const name = `${dir}${etags ? '' : ' (no ETag)'}`;
      try {
        const page = await visit(browser, served, 'block');
        const all = await visit(browser, served, 'allow');
        const twice = [...all].filter(([, e]) => e.times > 1).map(([p, e]) => `${p} ×${e.times}`);
        rows.push([name, kb(total(page)), kb(total(all) - total(page)), kb(total(all)), twice.join(', ') || 'none']);
        console.log(`\n${name}: what a first visit with the service worker fetched (brotli bodies)`);
        for (const [path, e] of [...all].sort((a, b) => b[1].bytes - a[1].bytes)) {
          const byPage = page.get(path)?.times ?? 0;
          console.log(`  ${path.padEnd(44)} ${kb(e.bytes).padStart(8)}  sent ${e.times}× (${byPage} for the page)`);
        }
      } finally {
        served.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\nFirst visit, Chromium ${version}, brotli (1 KB = 1024 bytes):`);
  const head = ['build', 'page (index.html loads)', 'service worker adds', 'first visit in all', 'sent more than once'];
  const table = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table) console.log(r.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

main().catch((err) => {
  console.error(`first-visit benchmark failed: ${err.stack ?? err}`);
  process.exit(1);
});
