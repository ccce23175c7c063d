// Shared by the browser benchmarks: serves dist/ with scripts/static-server.mjs
// and launches Debian's headless Chromium as the Playwright tests do.
import { spawn } from 'node:child_process';
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
