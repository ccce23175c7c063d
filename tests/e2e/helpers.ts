// Shared steps for the end-to-end journeys. Every test starts in a fresh
// browser context, so storage is empty unless the test fills it.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Fails the test if axe-core finds any WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(found, `accessibility violations on ${what}`).toEqual([]);
}

/** Waits for the app to settle on a page whose main heading is `heading`. */
export async function expectPage(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Opens the app fresh and chooses the demo partnership on the welcome page. */
export async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore the demo partnership' }).click();
  await expectPage(page, 'Luton Community Safety Partnership');
  await expect(page.getByText('All changes saved on this device')).toBeVisible();
}

/** Records who is using this browser, as Settings asks. */
export async function setIdentity(page: Page, name: string, organisation: string): Promise<void> {
  await page.goto('/#/settings');
  await expectPage(page, 'Settings');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your organisation').fill(organisation);
  await page.getByRole('button', { name: 'Save your details' }).click();
  await expect(page.getByText('Your details have been saved on this device')).toBeVisible();
}

/** Goes to a page by its address inside the app (hash route). */
export async function visit(page: Page, route: string): Promise<void> {
  await page.goto(`/#${route}`);
}

/** Waits until the open partnership's changes are stored. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText('All changes saved on this device')).toBeVisible();
}

/** Opens the Share page. */
export async function sharePage(page: Page): Promise<void> {
  await visit(page, '/share');
  await expectPage(page, 'Share with partners');
}

/** Adds a progress update to an action from its "Add a progress update" page. */
export async function addProgress(page: Page, id: string, narrative: string): Promise<void> {
  await visit(page, `/actions/${id}/progress`);
  await expectPage(page, 'Add a progress update');
  await page.getByLabel('What has happened since the last update?').fill(narrative);
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByText('Progress update added')).toBeVisible();
  await expectSaved(page);
}

/**
 * On a touch screen, fails if any control inside `scope` is smaller than
 * 44 by 44 CSS pixels, as a tablet passed round a room needs. Links inside running text are
 * left out, as WCAG 2.5.8 allows.
 */
export async function expectTouchTargets(page: Page, scope: string, what: string): Promise<void> {
  // A mouse needs less: WCAG 2.5.8 asks 24 px, which GOV.UK's controls meet.
  if (!(await page.evaluate(() => matchMedia('(pointer: coarse)').matches))) return;
  const small = await page.locator(scope).first().evaluate((root) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
      if (box.width < 44 || box.height < 44) {
        const name = (el.textContent || el.getAttribute('aria-label') || el.id || '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(box.width)} x ${Math.round(box.height)}`);
      }
    }
    return found;
  });
  expect(small, `touch targets smaller than 44 px on ${what}`).toEqual([]);
}

/** From the results page, starts kiosk mode on the questionnaire titled `title`, with `pin` to leave it (blank for none). */
export async function startKiosk(page: Page, title: string, pin = '2468'): Promise<void> {
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  await page.getByRole('region', { name: title }).getByRole('link', { name: 'Open kiosk mode' }).click();
  await expectPage(page, 'Start kiosk mode');
  await page.getByLabel('PIN to leave kiosk mode (optional)').fill(pin);
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expectPage(page, title);
}

/** Leaves kiosk mode with the organiser's PIN, back on the results page. */
export async function leaveKiosk(page: Page, pin = '2468'): Promise<void> {
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await page.getByLabel('Organiser’s PIN').fill(pin);
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expectPage(page, 'Resident consultation');
}
