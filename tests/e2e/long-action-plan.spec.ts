// A partnership with a long action plan: the list shows 50 actions at a
// time and says how many there are; "Show the next 50 actions" grows it in
// place and moves focus to the first new action; the search looks at every
// action, not just those on the page, and narrows the list as it is typed.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, setIdentity, visit } from './helpers';

/** Who leads action n: `LEADS[n % 7]`. */
const LEADS = [
  'Bedfordshire Police',
  'Bedfordshire Fire and Rescue Service',
  'Luton Council',
  'NHS Bedfordshire',
  'Probation Service',
  'Bedfordshire Youth Offending Service',
  'Luton Borough Housing',
];

/** A tracker of `count` actions numbered 1 to `count`, in seed 003's column layout. */
function tracker(count: number): Buffer {
  let csv = 'No.,Key actions and major projects,Partnership Leads,Due date\n';
  for (let n = 1; n <= count; n++) {
    csv += `${n},Key action ${n} of the long plan,"Lead officer, ${LEADS[n % 7]}",31/03/2021\n`;
  }
  return Buffer.from(csv);
}

async function partnershipWith120Actions(page: Page) {
  await page.goto('/');
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await visit(page, '/workspaces/new');
  await page.getByLabel('Name of the partnership').fill('Luton CSP (long plan)');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Luton CSP (long plan)');
  await visit(page, '/spreadsheets');
  await page.getByLabel('Choose the spreadsheet').setInputFiles({ name: 'long-plan.csv', mimeType: 'text/csv', buffer: tracker(120) });
  await page.getByRole('button', { name: 'Import 120 actions' }).click();
  await expect(page.getByText('120 actions imported from long-plan.csv')).toBeVisible();
  await expectSaved(page);
}

test('a long action plan shows 50 actions at a time, and the next 50 on request @tablet', async ({ page }) => {
  await partnershipWith120Actions(page);
  await visit(page, '/actions');
  await expectPage(page, 'Action plan');
  const table = page.getByRole('table', { name: 'Actions' });
  await expect(page.getByText('Showing the first 50 of 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.locator('tbody tr').last()).toContainText('Key action 50 of the long plan');
  await expectAccessible(page, 'a long action list, first 50');
  await expectTouchTargets(page, 'main .app-show-more', 'the buttons that show more actions');

  await page.getByRole('button', { name: 'Show the next 50 actions' }).click();
  await expect(page.getByText('Showing the first 100 of 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(100);
  // A keyboard or screen-reader user carries on from the first new action.
  await expect(page.getByRole('link', { name: 'Key action 51 of the long plan' })).toBeFocused();

  await page.getByRole('button', { name: 'Show the last 20 actions' }).click();
  await expect(page.getByText('Showing all 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(120);
  await expect(page.getByRole('link', { name: 'Key action 101 of the long plan' })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Show / })).toHaveCount(0);
  await expectAccessible(page, 'a long action list, all shown');

  // "Show all" is there for printing or finding on the page.
  await page.reload();
  await expect(page.getByText('Showing the first 50 of 120 actions')).toBeVisible();
  await page.getByRole('button', { name: 'Show all 120 actions' }).click();
  await expect(page.getByText('Showing all 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(120);
});

test('searching a long action plan looks at every action, as you type', async ({ page }) => {
  await partnershipWith120Actions(page);
  await visit(page, '/actions');
  await expect(page.getByText('Showing the first 50 of 120 actions')).toBeVisible();
  const table = page.getByRole('table', { name: 'Actions' });

  // Action 117 is not on the page until the search finds it; no button press needed.
  await page.getByLabel('Search actions').pressSequentially('action 117');
  await expect(page.getByText('Showing 1 of 120 actions')).toBeVisible();
  await expect(table.getByRole('link', { name: 'Key action 117 of the long plan' })).toBeVisible();
  await expectAccessible(page, 'a long action list searched');

  // Applying the filters keeps the search in the address, as before.
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=action/);
  await expect(page.getByText('Showing 1 of 120 actions')).toBeVisible();

  // Four of the seven leads are in Bedfordshire: 69 actions, more than one step of 50.
  await page.getByLabel('Search actions').fill('bedfordshire');
  await expect(page.getByText('Showing the first 50 of the 69 actions that match, out of 120')).toBeVisible();
  await page.getByRole('button', { name: 'Show the last 19 actions' }).click();
  await expect(page.getByText('Showing 69 of 120 actions')).toBeVisible();
  // The probation service leads actions 4, 11, 18 … 116.
  await page.getByLabel('Search actions').fill('probation');
  await expect(page.getByText('Showing 17 of 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('Key action 4 of the long plan');
  await page.getByLabel('Search actions').fill('no action says this');
  await expect(page.getByText('Showing 0 of 120 actions')).toBeVisible();
  await expect(page.getByText('No actions match these filters.')).toBeVisible();
  await page.getByLabel('Search actions').fill('');
  await expect(page.getByText('Showing the first 50 of 120 actions')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(50);
});
