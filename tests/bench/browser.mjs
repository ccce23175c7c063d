// Shared by the browser benchmarks: serves dist/ with scripts/static-server.mjs
// and launches Debian's headless Chromium as the Playwright tests do.
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Serves dist/ on `port`; resolves once it listens, with a way to stop it. */
export async function serveDist(port) {
  const server = spawn(process.execPath, [join(root, 'scripts/static-server.mjs'), join(root, 'dist'), String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the static server did not start within 10 s')), 10_000);
    server.stdout.on('data', (chunk) => chunk.toString().includes('Serving') && (clearTimeout(timer), ok()));
  });
  return { baseURL: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A port nothing listens on. */
export function freePort() {
  return new Promise((ok) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Child processes that stop with the script, however it ends. */
export const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill()));

/** Serves `dir` (any build's dist/) on a free port, with `args` for the server. */
export async function serveDir(dir, args = []) {
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'scripts/static-server.mjs'), resolve(dir), String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(server);
  await new Promise((ok) => server.stdout.on('data', (chunk) => chunk.toString().includes('Serving') && ok()));
  return { baseURL: `http://127.0.0.1:${port}/`, port, stop: () => server.kill() };
}

/** Runs `measure(baseURL, dir)` on each build in `dists`, each served in turn. */
export async function eachBuild(dists, measure) {
  for (const dir of dists) {
    const served = await serveDir(dir);
    try {
      await measure(served.baseURL, dir);
    } finally {
      served.stop();
    }
  }
}

/** Saves who is using the device (files and changes name their maker). */
export async function saveDetails(page, name = 'Jo Coordinator') {
  await page.goto('/#/settings');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your organisation').fill('Luton Council');
  await page.getByRole('button', { name: 'Save your details' }).click();
  await page.getByText('Your details have been saved on this device').waitFor();
}

/** Opens the performance check's large partnership (src/demo/large.rs). */
export async function openLargePartnership(page) {
  await page.goto('/#/support/performance');
  await page.getByRole('button', { name: 'Open the large partnership on this device' }).click();
  await page.getByText('The large test partnership is open on this device').waitFor({ timeout: 120_000 });
}

/** Opens the demo, then goes back to Your partnerships: the next open of the
 * large partnership then reads it from IndexedDB, not from the open copy. */
export async function backToPartnershipsFromDemo(page) {
  await page.goto('/#/workspaces');
  await page.getByRole('heading', { level: 1, name: 'Your partnerships' }).waitFor();
  await page.getByRole('button', { name: 'Open Luton Community Safety Partnership' }).click();
  await page.getByRole('heading', { level: 1, name: 'Luton Community Safety Partnership' }).waitFor();
  await page.goto('/#/workspaces');
  await page.getByRole('heading', { level: 1, name: 'Your partnerships' }).waitFor();
}

/** The middle of `xs` (the upper middle of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
