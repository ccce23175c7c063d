// After one visit the whole app works with the network off — in a church
// hall or on a high street with no signal — and nothing typed offline is
// lost when the network comes back. The service worker's precache list is
// made at build time from the files Trunk produced.
import { expect, test, type Page } from '@playwright/test';
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
  ] as const) {
    await visit(page, route);
    await expectPage(page, heading);
  }
  await expectAccessible(page, 'a page loaded offline');

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
