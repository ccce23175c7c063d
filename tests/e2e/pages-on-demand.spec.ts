// A first visit on a church hall's weak 4G downloads only what nearly every
// session uses; reports, sharing, history, the calendar, consultations and
// the other rarely used pages arrive the first time one of them opens
// (src/ui/lazy_pages.rs, split by scripts/split.mjs). Opening one must work
// on a brand-new device, from a link straight to it, and say plainly when
// its part cannot be downloaded. (Offline after one visit:
// offline.spec.ts.)
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, visit } from './helpers';

/** Records which split modules (`split_<area>`, `chunk_<n>`) the page fetches. */
function recordModules(page: Page): string[] {
  const modules: string[] = [];
  page.on('request', (request) => {
    const name = /\/(split_[a-z]+|chunk_\d+)-[0-9a-f]+\.wasm$/.exec(new URL(request.url()).pathname)?.[1];
    if (name) modules.push(name);
  });
  return modules;
}

// The service worker would fetch every module to precache it; without it
// the page's own downloads show what a visit needs.
test.use({ serviceWorkers: 'block' });

test('a first visit downloads the everyday pages only, and reports arrive the first time they are opened', async ({
  page,
}) => {
  const modules = recordModules(page);
  await openDemo(page);
  await visit(page, '/actions');
  await expectPage(page, /^Action plan/);
  await visit(page, '/dashboard');
  await expectPage(page, 'Dashboard');
  expect(modules, 'modules fetched for the everyday pages').toEqual([]);

  await page.getByRole('link', { name: 'Reports', exact: true }).first().click();
  await expectPage(page, 'Reports');
  expect(modules.filter((m) => m.startsWith('split_'))).toEqual(['split_reports']);
  await expectAccessible(page, 'the reports page, loaded when first opened');

  // Another page of the same part opens with nothing more to download.
  const fetched = modules.length;
  await page.getByRole('link', { name: 'Business plan table' }).click();
  await expectPage(page, 'Business plan 2019-20');
  await expect(page.getByRole('table').first()).toBeVisible();
  expect(modules).toHaveLength(fetched);
});

test('a link straight to a rarely used page works on a brand-new device', async ({ page }) => {
  const modules = recordModules(page);
  await page.goto('/#/share');
  await expectPage(page, 'Share with partners');
  await expect(page.getByText('Opening Safer Plan')).toHaveCount(0);
  expect(modules).toContain('split_files');
  // The page works, not just its heading: a partner's file is checked.
  await page
    .getByLabel('Choose the file a partner sent, or a backup')
    .setInputFiles('fuzz/corpus/open_file/whole-small.saferplan');
  await expect(page.getByRole('heading', { name: 'whole-small.saferplan holds Luton CSP' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Luton CSP as a partnership on this device' })).toBeVisible();
  await expectAccessible(page, 'Share opened from a link on a new device');
});

test('a page whose part cannot be downloaded says so, and opens on the next try', async ({ page }) => {
  await openDemo(page);
  const history = /\/split_history-[0-9a-f]+\.wasm$/;
  await page.route(history, (route) => route.abort('internetdisconnected'));
  await visit(page, '/history');
  await expectPage(page, 'This page could not be opened');
  await expect(page.getByText('Check the connection, then try again.')).toBeVisible();
  await expectAccessible(page, 'a page whose part could not be downloaded');

  // The app is still up, and the next try fetches the part again.
  await page.unroute(history);
  await visit(page, '/plan');
  await expectPage(page, 'Luton Community Safety Partnership');
  await visit(page, '/history');
  await expectPage(page, 'History');
});
