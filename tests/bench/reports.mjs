// Browser benchmark for reports and imports: opens the app's "Performance
// check" support page (release build in dist/) in headless Chromium, runs it,
// and prints the table it measures (medians of 5 runs, in the page's own
// wasm). Figures only; fails only if the page cannot be served or run.
//
// Usage: node tests/bench/reports.mjs   (PORT=4181 by default)
import { launchChromium, serveDist } from './browser.mjs';

const server = await serveDist(Number(process.env.PORT ?? 4181));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.baseURL}#/support/performance`);
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
  server.stop();
}
