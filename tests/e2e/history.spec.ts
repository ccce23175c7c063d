// Every edit is recorded with who made it and when; History narrows to
// "what changed since" a meeting or a date, and brings back what was deleted.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';

test('the partnership history lists each change with its author and organisation', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await visit(page, '/actions/action-05/edit');
  await page.getByLabel('Key action or major project').fill('Deliver the town centre workshop recommendations');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();

  await page.getByRole('link', { name: 'History' }).click();
  await expectPage(page, 'History');
  const first = page.getByRole('table').getByRole('row').nth(1);
  await expect(first).toContainText('Edited action 5');
  await expect(first).toContainText('Jo Coordinator');
  await expect(first).toContainText('Luton Council');
  // The demo's own updates are signed by the leads' roles.
  await expect(page.getByRole('table')).toContainText('Head of Youth Offending Service');
  await expectAccessible(page, 'the history page');
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Jan 2020 14:05" (the When column) as "2020-01-28", comparable as text. */
function isoDay(when: string): string {
  const m = when.trim().match(/^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) \d{2}:\d{2}$/);
  if (!m) throw new Error(`not a history date: ${JSON.stringify(when)}`);
  const month = MONTHS.indexOf(m[2]) + 1;
  expect(month, `month in ${when}`).toBeGreaterThan(0);
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** The number in the "N changes" heading. */
async function changeCount(page: Page): Promise<number> {
  const text = (await page.locator('#history-count').textContent()) ?? '';
  const m = text.match(/^(\d+) changes?/);
  if (!m) throw new Error(`unexpected count heading: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Every row of the history table is dated `from` or later, and there are `count` of them. */
async function expectRowsSince(table: Locator, from: string, count: number): Promise<void> {
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(count);
  const whens = await rows.locator('td:first-child').allTextContents();
  const early = whens.filter((w) => isoDay(w) < from);
  expect(early, `rows dated before ${from}`).toEqual([]);
}

test('what changed since the last executive meeting, or since a date I choose', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await visit(page, '/actions/action-05/edit');
  await expectPage(page, 'Edit action 5');
  await page.getByLabel('Key action or major project').fill('Deliver the town centre workshop recommendations');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  await expectSaved(page);

  await page.getByRole('link', { name: 'History' }).click();
  await expectPage(page, 'History');
  const count = page.locator('#history-count');
  await expect(count).toHaveText(/^\d+ changes$/);
  const all = await changeCount(page);
  const table = page.getByRole('table', { name: 'Changes' });

  // The meetings offered are the partnership's own past meetings.
  const show = page.getByLabel('Show');
  await expect(show.locator('option')).toContainText([
    'All changes',
    'Since the last Community Safety Partnership Executive (28 January 2020)',
    'Since a date I choose',
  ]);
  await show.selectOption({ label: 'Since the last Community Safety Partnership Executive (28 January 2020)' });
  await expect(count).toHaveText(/^\d+ changes since 28 January 2020$/);
  const since = await changeCount(page);
  expect(since).toBeLessThan(all);
  expect(since).toBeGreaterThan(0);
  await expectRowsSince(table, '2020-01-28', Math.min(since, 200));
  // Today's edit is among them, and the demo's January updates before the meeting are not.
  await expect(table).toContainText('Edited action 5');
  await expectAccessible(page, 'the history narrowed to the last executive meeting');

  // A date of my own.
  await show.selectOption({ label: 'Since a date I choose' });
  const date = page.getByLabel('Changes on or after');
  await expect(date).toBeVisible();
  await date.fill('1/3/2020');
  await date.press('Tab');
  await expect(count).toHaveText(/^\d+ changes? since 1 March 2020$/);
  const sinceMarch = await changeCount(page);
  expect(sinceMarch).toBeLessThan(since);
  await expectRowsSince(table, '2020-03-01', Math.min(sinceMarch, 200));
  await expect(page.locator('#error-summary')).toHaveCount(0);
  await expectAccessible(page, 'the history since a chosen date');

  // A date that does not exist is refused with a clear message.
  await date.fill('31 2 2020');
  await date.press('Tab');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a real date, for example 28 1 2020' })).toBeVisible();
  await expect(page.locator('#since-date-error')).toContainText('Enter a real date, for example 28 1 2020');
  await expectAccessible(page, 'the history with a date error');

  // Corrected, the error goes and the list narrows again.
  await date.fill('2020-03-01');
  await date.press('Tab');
  await expect(page.locator('#since-date-error')).toHaveCount(0);
  await expect(count).toHaveText(`${sinceMarch} change${sinceMarch === 1 ? '' : 's'} since 1 March 2020`);

  await show.selectOption({ label: 'All changes' });
  await expect(count).toHaveText(`${all} changes`);
});

/**
 * The Restore button of a history row. Its name is "Restore" plus a visually
 * hidden ": <summary>"; Chromium puts a space before the colon because the
 * hidden span is positioned out of flow, so either spelling is accepted.
 */
function restoreButton(page: Page, summary: string): Locator {
  const escaped = summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^Restore ?: ${escaped}$`) });
}

/** The progress updates listed on the open action page. */
function updates(page: Page): Locator {
  return page.locator('.app-timeline__item');
}

test('a deleted action and a deleted progress update come back from History', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  const title = 'Deliver key communications messages for the partnership for 19-20.';
  await visit(page, '/actions/action-02');
  await expectPage(page, title);
  const before = await updates(page).count();
  expect(before).toBeGreaterThan(1);
  const narratives = await updates(page).allTextContents();

  // Delete the whole action.
  await page.getByRole('link', { name: 'Delete action' }).click();
  await expectPage(page, `Are you sure you want to delete “${title}”?`);
  await page.getByRole('button', { name: 'Yes, delete this action' }).click();
  await expectPage(page, 'Action plan');
  await expect(page.getByText('Action deleted')).toBeVisible();
  await expectSaved(page);
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await page.getByRole('link', { name: 'History' }).click();
  await expectPage(page, 'History');
  const restoreAction = restoreButton(page, `Deleted action 2: ${title}`);
  await expect(restoreAction).toBeVisible();
  // Only deletions are restorable.
  await expect(page.getByRole('button', { name: /^Restore/ })).toHaveCount(1);
  await expectAccessible(page, 'the history with a restorable deletion');
  await restoreAction.click();

  await expectPage(page, title);
  await expect(page.getByText('Restored from history')).toBeVisible();
  await expectSaved(page);
  await expect(updates(page)).toHaveCount(before);
  expect(await updates(page).allTextContents()).toEqual(narratives);
  await expect(page.getByRole('table', { name: 'Changes to this action' })).toContainText(
    `Restored action 2: ${title}`,
  );

  // Delete one progress update: the latest.
  const deleteLink = updates(page).first().getByRole('link', { name: /^Delete update of / });
  const name = (await deleteLink.textContent()) ?? '';
  const date = name.replace(/^Delete update of /, '').trim();
  expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await deleteLink.click();
  await expectPage(page, new RegExp(`^Are you sure you want to delete the progress update of ${date} from .+\\?$`));
  await expectAccessible(page, 'the delete progress update confirmation');
  await page.getByRole('button', { name: 'Yes, delete this update' }).click();

  await expectPage(page, title);
  await expect(page.getByText('Progress update deleted. You can restore it from History.')).toBeVisible();
  await expectSaved(page);
  await expect(updates(page)).toHaveCount(before - 1);
  await expect(page.getByRole('link', { name: `Delete update of ${date}` })).toHaveCount(0);

  await page.getByRole('link', { name: 'History' }).click();
  await expectPage(page, 'History');
  // The action's deletion is no longer restorable: it is back.
  await expect(page.getByRole('button', { name: /^Restore ?: Deleted action/ })).toHaveCount(0);
  const restoreUpdate = restoreButton(page, 'Deleted a progress update from action 2');
  await expect(restoreUpdate).toHaveCount(1);
  await restoreUpdate.click();

  await expectPage(page, title);
  await expect(page.getByText('Restored from history')).toBeVisible();
  await expectSaved(page);
  await expect(updates(page)).toHaveCount(before);
  expect(await updates(page).allTextContents()).toEqual(narratives);

  // Both restores were stored, not just shown.
  await page.reload();
  await expectPage(page, title);
  await expect(updates(page)).toHaveCount(before);
  await visit(page, '/history');
  await expectPage(page, 'History');
  await expect(page.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
});
