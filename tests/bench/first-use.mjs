// Time to first use of the parts the file worker now makes for the page:
// the first passphrase-protected file, the first calendar (.ics) and the
// first workbook (.xlsx), from the click to the download starting; and the
// demo partnership, from "Explore the demo partnership" on the welcome
// page to "All changes saved" (cold only: the button then goes); with
// the page's CPU throttled 4× (DevTools' Emulation.setCPUThrottlingRate),
// over loopback. "Cold": a fresh browser context, the job's page just
// opened (the file worker is still being fetched and compiled); "warm":
// the same click again. Also the first opening of a page loaded on demand
// (reports, Share, History), from the address changing to its heading.
// Each build given is measured in the same run (for
// example main's dist, then this branch's). Prints figures only.
//
// DevTools' throttling slows the page's main thread; a dedicated worker's
// thread is not slowed by it, so the worker's own share is at this
// machine's speed.
//
// Usage: node tests/bench/first-use.mjs [dist-before] [dist]   (RUNS=3)
import { performance } from 'node:perf_hooks';
import { eachBuild, launchChromium, median, saveDetails } from './browser.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const runs = Number(process.env.RUNS ?? 3);

/** Each part: the page it is on, what to do first, and the button. */
const jobs = {
  'protected file': {
    route: '/#/share',
    heading: 'Share with partners',
    prepare: async (page) => {
      await page.getByLabel('Protect the file with a passphrase').check();
      await page.getByLabel('Passphrase', { exact: true }).fill('river lamp orchard seven');
    },
    button: 'Download the whole partnership',
  },
  'calendar (.ics)': { route: '/#/calendar', heading: 'Calendar', button: 'Download for Outlook (.ics)' },
  'workbook (.xlsx)': { route: '/#/spreadsheets', heading: 'Excel and CSV', button: 'Download workbook (.xlsx)' },
};

/** Milliseconds from the click to the download starting, cold then warm. */
async function firstUse(browser, baseURL, job) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await saveDetails(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
    await page.getByText('All changes saved on this device').waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(job.route);
    await page.getByRole('heading', { level: 1, name: job.heading }).waitFor();
    if (job.prepare) await job.prepare(page);
    const times = [];
    for (const _ of ['cold', 'warm']) {
      const download = page.waitForEvent('download', { timeout: 60_000 });
      const start = performance.now();
      await page.getByRole('button', { name: job.button }).click();
      await download;
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await context.close();
  }
}

/** Pages loaded on demand (src/ui/lazy_pages.rs): the address and its heading. */
const pages = {
  'Reports page': { route: '#/reports', heading: 'Reports' },
  'Share page': { route: '#/share', heading: 'Share with partners' },
  'History page': { route: '#/history', heading: 'History' },
};

/**
 * Milliseconds from the address changing (as a link does) to the page's
 * heading, from the dashboard: cold (its module fetched and compiled
 * first, in a build that splits) then warm (the same page again).
 */
async function pageFirstOpen(browser, baseURL, job) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
    await page.getByText('All changes saved on this device').waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times = [];
    for (const _ of ['cold', 'warm']) {
      await page.evaluate(() => (location.hash = '#/dashboard'));
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const start = performance.now();
      await page.evaluate((route) => (location.hash = route), job.route);
      await page.getByRole('heading', { level: 1, name: job.heading }).waitFor({ timeout: 60_000 });
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await context.close();
  }
}

/** Milliseconds from "Explore the demo partnership" to the demo saved. */
async function demoFirstUse(browser, baseURL) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('/');
    const button = page.getByRole('button', { name: 'Explore the demo partnership' });
    await button.waitFor();
    const start = performance.now();
    await button.click();
    await page.getByText('All changes saved on this device').waitFor({ timeout: 60_000 });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

async function main() {
  const browser = await launchChromium();
  try {
    console.log(`Click to download, CPU 4x slower, median of ${runs}, Chromium ${browser.version()}, loopback:`);
    await eachBuild(dists, async (baseURL, dir) => {
      const demo = [];
      for (let r = 0; r < runs; r++) demo.push(await demoFirstUse(browser, baseURL));
      console.log(`  ${dir.padEnd(24)} ${'demo partnership'.padEnd(17)} cold ${median(demo).toFixed(0).padStart(5)} ms (${demo.map((t) => t.toFixed(0)).join(', ')})`);
      for (const [what, job] of [...Object.entries(jobs), ...Object.entries(pages)]) {
        const cold = [];
        const warm = [];
        for (let r = 0; r < runs; r++) {
          const [c, w] = job.button ? await firstUse(browser, baseURL, job) : await pageFirstOpen(browser, baseURL, job);
          cold.push(c);
          warm.push(w);
        }
        const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
        console.log(
          `  ${dir.padEnd(24)} ${what.padEnd(17)} cold ${median(cold).toFixed(0).padStart(5)} ms (${list(cold)})  warm ${median(warm).toFixed(0).padStart(5)} ms (${list(warm)})`,
        );
      }
    });
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`first-use benchmark failed: ${err.stack ?? err}`);
  process.exit(1);
});
