// What checking a file in the file worker first adds to opening it: the
// time from choosing a partner's whole-partnership file on the Open file
// page to its preview ("… holds …"), for the demo partnership (16 KB) and
// the large one (500 actions, 5,000 updates), on each build given (for
// example the build before the worker, then this one), in one run.
// Prints figures only.
//
// Usage: node tests/bench/file-check.mjs [dist-before] [dist]   (RUNS=5)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eachBuild, launchChromium, median, openLargePartnership, saveDetails, serveDir as serve } from './browser.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const runs = Number(process.env.RUNS ?? 5);

/** The whole-partnership file of the demo, or of the large partnership. */
async function wholeFile(browser, baseURL, large) {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    // Files name who made them.
    await saveDetails(page);
    await page.goto('/');
    if (large) {
      await openLargePartnership(page);
    } else {
      await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
      await page.getByText('All changes saved on this device').waitFor({ timeout: 60_000 });
    }
    await page.goto('/#/share');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Download the whole partnership' }).click();
    return readFileSync(await (await download).path());
  } finally {
    await context.close();
  }
}

/** Milliseconds from choosing `file` on the Open file page to its preview. */
async function timeToPreview(browser, baseURL, file) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto('/#/open');
    await page.getByRole('heading', { level: 1, name: 'Open a file from a partner' }).waitFor();
    // Let a worker started with the page finish loading, as it would while
    // someone looks for the file.
    await page.waitForTimeout(1500);
    const start = performance.now();
    await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(file);
    await page.getByRole('heading', { name: / holds / }).waitFor({ timeout: 120_000 });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

async function main() {
  const browser = await launchChromium();
  try {
    const last = await serve(dists[dists.length - 1]);
    const files = {
      'demo partnership': { name: 'demo.saferplan', mimeType: 'application/octet-stream', buffer: await wholeFile(browser, last.baseURL, false) },
      'large partnership': { name: 'large.saferplan', mimeType: 'application/octet-stream', buffer: await wholeFile(browser, last.baseURL, true) },
    };
    last.stop();
    console.log(`Choose a whole-partnership file to its preview, median of ${runs}, Chromium ${browser.version()}, loopback:`);
    await eachBuild(dists, async (baseURL, dir) => {
      for (const [what, file] of Object.entries(files)) {
        const times = [];
        for (let r = 0; r < runs; r++) times.push(await timeToPreview(browser, baseURL, file));
        console.log(`  ${dir.padEnd(28)} ${what.padEnd(18)} ${(file.buffer.length / 1024).toFixed(0).padStart(4)} KB  ${median(times).toFixed(0).padStart(6)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})`);
      }
    });
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`file-check benchmark failed: ${err.stack ?? err}`);
  process.exit(1);
});
