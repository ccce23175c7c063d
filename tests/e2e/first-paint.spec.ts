// On a slow connection (a church hall, weak 4G) the first visit sees the
// start page at once, drawn by index.html before the app's wasm has
// downloaded; the app then takes over without anything moving, and a device
// that already keeps a partnership sees a plain "Opening Safer Plan" frame
// instead of the start page. The page's wasm is held back here to see the
// page as it is before the app arrives.
//
// The first test is also what keeps index.html's start page true to the
// app's (src/ui/workspaces.rs, src/ui/layout.rs): it fails when their words
// or the place of anything on the page differ.
import { expect, test, type Page, type Route } from '@playwright/test';
import { expectAccessible, expectPage, openDemo } from './helpers';

// A service worker would answer from its cache, where the page cannot hold
// the wasm back; the offline journey covers the service worker.
test.use({ serviceWorkers: 'block' });

/** Holds every request for the page's wasm until `release` is called. */
async function holdTheApp(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/safer-plan-[0-9a-f]+_bg\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  return {
    release: async () => {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

/** Records layout shifts and largest-paint candidates from the first paint on. */
async function watchPaints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[]; largest: { at: number; size: number; text: string }[] };
    w.shifts = [];
    w.largest = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { size: number; element: Element | null })[]) {
        w.largest.push({ at: e.startTime, size: e.size, text: e.element?.textContent?.slice(0, 40) ?? '' });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** Where each part of the start page is, and what the page says, as the person sees it. */
async function startPageAsSeen(page: Page) {
  const parts = {
    header: page.locator('header'),
    service: page.getByRole('region', { name: 'Service information' }),
    status: page.getByRole('region', { name: 'Partnership status' }),
    heading: page.getByRole('heading', { level: 1 }),
    howToStart: page.getByRole('heading', { name: 'How do you want to start?' }),
    demo: page.getByRole('button', { name: 'Explore the demo partnership' }),
    start: page.getByRole('link', { name: 'Start a new partnership' }),
    open: page.getByRole('link', { name: 'Open a file from a partner' }),
    main: page.getByRole('main'),
    footer: page.getByRole('contentinfo'),
  };
  const boxes: Record<string, unknown> = {};
  // A part missing from either page fails here, not after the test's time runs out.
  for (const [name, locator] of Object.entries(parts)) boxes[name] = await locator.boundingBox({ timeout: 2_000 });
  const text = await page.evaluate(() => document.body.innerText);
  return { boxes, text };
}

/** The app has replaced the shell and shows `heading`: one page, not two. */
async function expectTakenOver(page: Page, heading: string): Promise<void> {
  await expect(page.locator('#app-shell')).toHaveCount(0, { timeout: 20_000 });
  await expectPage(page, heading);
  await expect(page.getByRole('heading', { name: 'Opening Safer Plan' })).toHaveCount(0);
  for (const part of ['main', 'h1', 'header', 'footer', '.govuk-skip-link']) await expect(page.locator(part)).toHaveCount(1);
}

/** Waits until the browser has painted twice more, so any later paint has been reported. */
async function afterPaints(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)))),
  );
}

test('a first visit shows the start page before the app has downloaded, and the app takes over without anything moving @tablet', async ({
  page,
}) => {
  await watchPaints(page);
  const app = await holdTheApp(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });

  await expectPage(page, "Plan and account for your partnership's work");
  await expect(page).toHaveTitle('Welcome – Safer Plan');
  await expect(page.getByRole('button', { name: 'Explore the demo partnership' })).toBeEnabled();
  await expect(page.getByRole('link', { name: 'Start a new partnership' })).toBeVisible();
  await expect(page.getByText('No partnership open')).toBeVisible();
  await expectAccessible(page, 'the start page before the app has arrived');
  // Still the static page: nothing of the app has run.
  await expect(page.locator('#app-shell')).toHaveCount(1);
  const before = await startPageAsSeen(page);

  const releasedAt = await page.evaluate(() => performance.now());
  await app.release();
  await expectTakenOver(page, "Plan and account for your partnership's work");
  await afterPaints(page);
  await expect(page).toHaveTitle('Welcome – Safer Plan');

  // The same words in the same places: nothing moved, nothing larger appeared.
  const after = await startPageAsSeen(page);
  expect(after.text).toBe(before.text);
  expect(after.boxes).toEqual(before.boxes);
  const { shifts, largest } = await page.evaluate(() => {
    const w = window as unknown as { shifts: number[]; largest: { at: number; size: number; text: string }[] };
    return { shifts: w.shifts, largest: w.largest };
  });
  expect(shifts.reduce((sum, s) => sum + s, 0)).toBe(0);
  expect(largest.length).toBeGreaterThan(0);
  expect(largest.filter((e) => e.at >= releasedAt), 'largest paints after the app arrived').toEqual([]);
  await expectAccessible(page, 'the start page once the app has taken over');

  // And the app now does what the button says.
  await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
  await expectPage(page, 'Luton Community Safety Partnership');
});

test("the start page is painted before the app's code is requested, and the code is downloaded once", async ({ page }) => {
  await page.goto('/');
  await expectPage(page, "Plan and account for your partnership's work");
  await expect(page.locator('#app-shell')).toHaveCount(0, { timeout: 20_000 });
  const { paint, wasm } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasm: performance
      .getEntriesByType('resource')
      .filter((r) => /\/safer-plan-[0-9a-f]+_bg\.wasm$/.test(r.name))
      .map((r) => r.startTime),
  }));
  expect(paint, 'the first contentful paint').toBeDefined();
  // One request, made after the shell was on screen: on a slow connection
  // the page's wasm does not compete with the first paint.
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toBeGreaterThanOrEqual(paint as number);
});

test('a link chosen before the app has arrived opens its page when the app starts', async ({ page }) => {
  const app = await holdTheApp(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expectPage(page, "Plan and account for your partnership's work");

  // The skip link moves focus without changing the address.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');

  await page.getByRole('link', { name: 'Start a new partnership' }).click();
  await expectPage(page, 'Opening Safer Plan');
  await expect(page.getByRole('button', { name: 'Explore the demo partnership' })).toHaveCount(0);
  await expectAccessible(page, 'the opening frame after a link was chosen');

  await app.release();
  await expectTakenOver(page, 'Start a new partnership');
});

test('choosing the demo before the app has arrived opens the demo once it has', async ({ page }) => {
  const app = await holdTheApp(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
  await expectPage(page, 'Opening Safer Plan');
  await expectAccessible(page, 'the opening frame after the demo was chosen');

  await app.release();
  await expectTakenOver(page, 'Luton Community Safety Partnership');
  await expect(page.getByText('The demo partnership is ready to explore')).toBeVisible();
  await expect(page.getByText('All changes saved on this device')).toBeVisible();

  // Made once, not once by the shell and again by the app.
  await page.goto('/#/workspaces');
  await expectPage(page, 'Your partnerships');
  const partnerships = page.getByRole('table', { name: 'Partnerships on this device' }).getByRole('rowheader');
  await expect(partnerships).toHaveText([/^Luton Community Safety Partnership/]);
});

test('a returning visit shows "Opening Safer Plan", not the start page, until the plan opens', async ({ page }) => {
  await openDemo(page);
  const app = await holdTheApp(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });

  await expectPage(page, 'Opening Safer Plan');
  await expect(page).toHaveTitle('Safer Plan');
  await expect(page.getByRole('heading', { name: "Plan and account for your partnership's work" })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Explore the demo partnership' })).toHaveCount(0);
  await expect(page.getByText('No partnership open')).toHaveCount(0);
  await expectAccessible(page, 'the opening frame on a returning visit');

  await app.release();
  await expectTakenOver(page, 'Luton Community Safety Partnership');
  await expectAccessible(page, 'the plan once the app has taken over');
});

test('a first visit whose connection drops before the app has downloaded says so, and a reload then works', async ({ page }) => {
  // The connection drops while the app's code is on its way.
  await page.route(/\/safer-plan-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/', { waitUntil: 'domcontentloaded' });

  await expectPage(page, 'Safer Plan could not finish loading');
  await expect(page.getByText('Check the connection, then reload the page.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Explore the demo partnership' })).toHaveCount(0);
  await expect(page).toHaveTitle('Safer Plan could not finish loading – Safer Plan');
  await expectAccessible(page, 'the message when the app could not be downloaded');

  // Back on line, a reload opens the start page as usual.
  await page.unroute(/\/safer-plan-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await expectTakenOver(page, "Plan and account for your partnership's work");
});

test("a first visit whose network answers with something other than the app's code says so", async ({ page }) => {
  // A hall's Wi-Fi sign-in page answers every request with its own page;
  // a site mid-update answers an old page's request with "Not found".
  const answers = [
    { status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in to the hall Wi-Fi</title>' },
    { status: 404, contentType: 'text/plain', body: 'Not found' },
  ];
  for (const answer of answers) {
    await page.route(/\/safer-plan-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill(answer));
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expectPage(page, 'Safer Plan could not finish loading');
    await expect(page.getByText('Nothing kept on this device has been changed.')).toBeVisible();
    await page.unroute(/\/safer-plan-[0-9a-f]+_bg\.wasm$/);
  }
  await expectAccessible(page, 'the message when the app could not be downloaded');

  await page.reload();
  await expectTakenOver(page, "Plan and account for your partnership's work");
});
