// After one visit the whole app works with the network off — in a church
// hall or on a high street with no signal — files are still checked in the
// file worker, the parts the file worker makes (a protected file, its QR
// codes, the calendar, the workbook) are made from the cache, and nothing
// typed offline is lost when the network comes back. The service worker's precache list is
// made at build time from the files Trunk produced.
import { readFile } from 'node:fs/promises';
import { chromium, expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';

async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the app installs its files, works offline on every main page, and keeps what was typed @tablet', async ({
  page,
  context,
}) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await controlledByServiceWorker(page);

  // What the browser needs to offer "Add to home screen".
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('safer-plan-')) ?? '');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(cached).toContain('/index.html');
  // The QR reader is loaded only when a tablet scans codes, so it is
  // cached up front: at an event there may be no network to fetch it.
  expect(cached).toEqual(expect.arrayContaining(['/qr-worker.js', '/qr-reader.js', '/qr-reader_bg.wasm']));
  // So is the file worker, which checks every file before the page reads it.
  expect(cached).toEqual(expect.arrayContaining(['/file-worker.js', '/file-checks.js', '/file-checks_bg.wasm']));

  await context.setOffline(true);
  await page.reload();
  await expectPage(page, 'Settings');
  for (const [route, heading] of [
    ['/plan', 'Luton Community Safety Partnership'],
    ['/dashboard', 'Dashboard'],
    ['/actions', /^Action plan/],
    ['/indicators', 'Indicators'],
    ['/calendar', 'Calendar'],
    ['/reports', 'Reports'],
    ['/share', 'Share with partners'],
    ['/history', 'History'],
    ['/settings', 'Settings'],
    // Every part loaded on demand (src/ui/lazy_pages.rs) came with the
    // first visit's precache.
    ['/plan/document', 'Community Safety Partnership Plan 2020 – 2024'],
    ['/consultation', 'Resident consultation'],
    ['/workshops', 'Partner workshops'],
    ['/assessment', 'Strategic assessment'],
    ['/structure', 'Partnership structure'],
    ['/open', 'Open a file from a partner'],
    ['/share/redacted', 'Make a redacted copy'],
    ['/support/performance', 'Performance check'],
  ] as const) {
    await visit(page, route);
    await expectPage(page, heading);
  }
  await expectAccessible(page, 'a page loaded offline');

  // Files from partners and spreadsheets are checked offline too: the file
  // worker starts from the cache.
  await visit(page, '/share');
  await page
    .getByLabel('Choose the file a partner sent, or a backup')
    .setInputFiles('fuzz/corpus/open_file/whole-small.saferplan');
  await expect(
    page.getByRole('heading', { name: 'whole-small.saferplan is for Luton CSP, not the partnership open now' }),
  ).toBeVisible();
  await visit(page, '/spreadsheets');
  await page.getByLabel('Choose the performance return').setInputFiles({
    name: 'q4-return.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Indicator,Quarter,Value\nBurglary,Q4 2019-20,"1,012"\n'),
  });
  await expect(page.getByRole('heading', { name: '1 value will be recorded from q4-return.csv' })).toBeVisible();
  await expectAccessible(page, 'a spreadsheet checked offline');

  // What the file worker makes for the page works offline too: the
  // workbook, a passphrase-protected file and its QR codes, the calendar.
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download workbook (.xlsx)' }).click();
  expect((await readFile((await (await workbook).path()) as string)).subarray(0, 2).toString()).toBe('PK');
  await visit(page, '/share');
  await page.getByLabel('Protect the file with a passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill('river lamp orchard seven');
  const protectedFile = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the whole partnership' }).click();
  const bytes = await readFile((await (await protectedFile).path()) as string);
  expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
  await expect(page.getByRole('heading', { name: 'File downloaded' })).toBeVisible();
  await page.getByRole('button', { name: 'Show as QR codes for a tablet' }).click();
  await expect(page.getByText(/^Code 1 of \d+$/)).toBeVisible();
  await expect(page.getByRole('img', { name: /^Code 1 of/ })).toBeVisible();
  await expectAccessible(page, 'a protected file and its QR codes made offline');
  await visit(page, '/calendar');
  const calendar = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Outlook (.ics)' }).click();
  expect(await readFile((await (await calendar).path()) as string, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  await expectAccessible(page, 'the calendar made offline');

  // Work done offline is stored like any other.
  await visit(page, '/actions/action-08/progress');
  await expectPage(page, 'Add a progress update');
  await page.getByLabel('Date of the update').fill('2020-03-04');
  await page.getByLabel('On track').check();
  await page.getByLabel('What has happened since the last update?').fill('Spoke to residents at the High Town day of action, with no signal.');
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByText('Progress update added')).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByText('Spoke to residents at the High Town day of action, with no signal.')).toBeVisible();

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByText('Spoke to residents at the High Town day of action, with no signal.')).toBeVisible();
  await expectSaved(page);
});

test('Chromium would offer to install the app', async ({ baseURL }, info) => {
  // Chromium never offers installation in an incognito profile, which is
  // what Playwright's contexts are: this one keeps a profile on disk.
  const context = await chromium.launchPersistentContext(info.outputPath('profile'), {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expectPage(page, "Plan and account for your partnership's work");
    await controlledByServiceWorker(page);
    // Chromium's own check, the one behind "Install app" and "Add to home
    // screen": manifest, icons, service worker, secure origin.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors, 'reasons Chromium gives for not offering to install').toEqual([]);
  } finally {
    await context.close();
  }
});
