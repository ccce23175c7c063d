// Browser benchmark for reports and imports: opens the app's "Performance
// check" support page (release build in dist/) in headless Chromium, runs it,
// and prints the table it measures (medians of 5 runs, in the page's own
// wasm). Figures only; fails only if the page cannot be served or run.
//
// Usage: node tests/bench/reports.mjs   (PORT=4181 by default)
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 4181);
const server = spawn(process.execPath, [join(root, 'scripts/static-server.mjs'), join(root, 'dist'), String(port)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error('the static server did not start within 10 s')), 10_000);
  server.stdout.on('data', (chunk) => chunk.toString().includes('Serving') && (clearTimeout(timer), ok()));
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/#/support/performance`);
  await page.getByRole('button', { name: 'Run the performance check' }).click();
  const table = page.locator('#performance-results');
  await table.waitFor({ timeout: 120_000 });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]),
  );
  console.log('In headless Chromium (wasm release build), median of 5 runs:');
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(42)} ${ms.padStart(9)} ms`);
} finally {
  await browser.close();
  server.kill();
}
