// QR transfer between tablets, in headless Chromium on the release build:
// how many codes the demo partnership takes, how long the first tablet
// takes to show them, and how long the second tablet's reader (the
// qr-reader wasm in a Web Worker) takes per code, from photos of the first
// tablet's screen. Figures only; fails only if the transfer does not work.
//
// Usage: node tests/bench/qr.mjs   (PORT=4182 by default)
import { performance } from 'node:perf_hooks';
import { launchChromium, saveDetails, serveDist } from './browser.mjs';

const server = await serveDist(Number(process.env.PORT ?? 4182));
const browser = await launchChromium();
const timeout = 120_000;

async function device(demo) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  if (demo) {
    await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
    await page.getByText('All changes saved on this device').waitFor({ timeout });
  }
  await saveDetails(page, 'Bench Mark');
  await page.goto('/#/share');
  await page.getByRole('heading', { level: 1, name: 'Share with partners' }).waitFor();
  return page;
}

try {
  const sender = await device(true);
  let start = performance.now();
  await sender.getByRole('button', { name: 'Show as QR codes for a tablet' }).click();
  const sequence = sender.locator('#qr-sequence');
  await sequence.locator('svg').waitFor();
  const shown = performance.now() - start;
  await sequence.getByRole('button', { name: 'Pause' }).click();
  const caption = sequence.locator('#qr-caption');
  const total = Number(/of (\d+)$/.exec(await caption.textContent())[1]);
  const modules = Number((await sequence.locator('svg').getAttribute('viewBox')).split(' ')[2]) - 8;
  const photos = [];
  for (let i = 0; i < total; i++) {
    photos.push({ name: `code-${i}.png`, mimeType: 'image/png', buffer: await sequence.locator('svg').screenshot() });
    await sequence.getByRole('button', { name: 'Next code' }).click();
  }

  const receiver = await device(false);
  const input = receiver.getByLabel('Or choose photos of the codes');
  const progress = receiver.locator('#qr-progress');
  start = performance.now();
  await input.setInputFiles(photos.slice(0, 1));
  await progress.getByText(`1 of ${total} codes scanned`).waitFor({ timeout });
  const first = performance.now() - start;
  start = performance.now();
  await input.setInputFiles(photos.slice(1));
  await receiver.locator('#incoming').getByRole('button').first().waitFor({ timeout });
  const rest = performance.now() - start;

  console.log(`QR transfer of the demo partnership (whole file), headless Chromium ${browser.version()}:`);
  console.log(`  codes                                   ${String(total).padStart(8)}`);
  console.log(`  modules per side (version ${(modules - 17) / 4})            ${String(modules).padStart(8)}`);
  console.log(`  make the file and show the first code   ${shown.toFixed(0).padStart(8)} ms`);
  console.log(`  read the first photo (starts the worker)${first.toFixed(0).padStart(8)} ms`);
  console.log(`  read the other ${total - 1} photos, check, preview ${rest.toFixed(0).padStart(8)} ms (${(rest / (total - 1)).toFixed(0)} ms a code)`);
} finally {
  await browser.close();
  server.stop();
}
