// A CSP manager sends the reports to committees as they are: each prints
// from the browser as a committee paper (cover block, page numbers and the
// partnership in a running footer, no controls), the business plan on at
// most five landscape pages, the annual overview with each action once,
// and the whole plan as a document.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';
import { expectNoControls, expectNoHeadingAtFoot, expectRunningFooter, occurrences, printToPdf } from './print';

const DEMO = 'Luton Community Safety Partnership';
const COMMITTEE = 'Overview and Scrutiny Board (Crime and Disorder Committee)';

test('a manager enters the cover details and prints the annual overview as a committee paper', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await visit(page, '/reports/annual');
  await expectPage(page, 'Annual overview 2019-20');
  await page.getByRole('link', { name: 'Add the cover details' }).click();
  await expectPage(page, 'Cover details');
  await expectAccessible(page, 'the cover details form');

  // The committee is needed; a date must be real.
  await page.getByLabel('Report author’s role (optional)').fill('Community Safety Partnership Manager');
  await page.getByRole('button', { name: 'Save cover details' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the committee or board the report goes to');
  await expectAccessible(page, 'the cover details form with an error');

  await page.getByLabel('Committee or board').fill(COMMITTEE);
  await page.getByLabel('Date of meeting (optional)').fill('2020-03-02');
  await page.getByLabel('Report of (optional)').fill('Community Safety Partnership Executive');
  await page
    .getByLabel('Purpose (optional)')
    .fill('To give the Crime and Disorder Committee an opportunity to review the partnership’s year.');
  // The annual overview's recommendations are its own section, not a second copy on the cover.
  await expect(page.getByLabel('Recommendations (optional)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save cover details' }).click();
  await expect(page.getByText('Cover details saved')).toBeVisible();
  await expectPage(page, 'Annual overview 2019-20');
  await expectSaved(page);
  await expect(page.getByText(COMMITTEE)).toBeVisible();
  await expect(page.getByText('2 March 2020')).toBeVisible();

  await page.getByRole('link', { name: 'Write recommendations' }).click();
  await page.getByLabel('What the report should say').fill('- Endorse the Community Safety Partnership Plan 2020 - 2024\n- Note the year ahead');
  await page.getByRole('button', { name: 'Save section' }).click();
  await expectPage(page, 'Annual overview 2019-20');
  const recommendations = page.getByRole('list').filter({ hasText: 'Note the year ahead' });
  await expect(recommendations.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'the annual overview with its cover');

  // Remembered: the form opens with what was saved.
  await page.reload();
  await expectPage(page, 'Annual overview 2019-20');
  await page.getByRole('link', { name: 'Change the cover details' }).click();
  await expect(page.getByLabel('Committee or board')).toHaveValue(COMMITTEE);
  await expect(page.getByLabel('Date of meeting (optional)')).toHaveValue('2020-03-02');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expectPage(page, 'Annual overview 2019-20');

  const printed = await printToPdf(page, 'annual-overview-with-cover');
  expect(printed.text, 'the cover on paper').toContain(COMMITTEE);
  expect(occurrences(printed.text, 'Endorse the Community Safety Partnership Plan 2020 - 2024')).toBe(1);
  // Each cover line reads across: its label, then its value.
  for (const line of [/Date of meeting +2 March 2020/, /Report of +Community Safety Partnership Executive/,
    /Report author +Community Safety Partnership Manager/, /Subject +Annual overview 2019-20/]) {
    expect(printed.pageTexts[0], 'the cover on page 1').toMatch(line);
  }
  expect(occurrences(printed.text, 'Note the year ahead'), 'recommendations printed once').toBe(1);
  expectRunningFooter(printed, DEMO, 'the annual overview');
  expectNoControls(printed, 'the annual overview');
});

test('each report prints for the demo without controls, the business plan on five landscape pages at most', async ({ page }) => {
  test.slow();
  await openDemo(page);
  await visit(page, '/reports/business-plan');
  await expectPage(page, 'Business plan 2019-20');
  const table = page.getByRole('table', { name: 'Key actions and their progress' });
  const titles = (await table.locator('tbody').getByRole('link').allTextContents()).map((t) => t.trim());
  expect(titles).toHaveLength(13);

  // The title is the most prominent text in its row when printed.
  await page.emulateMedia({ media: 'print' });
  const row = table.getByRole('row').filter({ hasText: 'Deliver key communications messages' });
  const size = (locator: import('@playwright/test').Locator) =>
    locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const titleSize = await size(row.getByRole('link'));
  const detailSize = await size(row.getByText('e. Town centre focus.'));
  const progressSize = await size(row.getByRole('cell').last().locator('p').last());
  expect(titleSize, 'title larger than its detail').toBeGreaterThan(detailSize);
  expect(titleSize, 'title larger than its progress').toBeGreaterThan(progressSize);
  // Printed with backgrounds on, nothing greys the paper behind the report.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await expectAccessible(page, 'the printed business plan');
  await page.emulateMedia({ media: null });

  const plan = await printToPdf(page, 'business-plan-2019-20');
  expect(plan.pages, 'business plan pages').toBeLessThanOrEqual(5);
  expect(plan.landscape.every(Boolean), 'every page landscape').toBe(true);
  for (const title of titles) expect(occurrences(plan.text, title), title).toBe(1);
  expectRunningFooter(plan, DEMO, 'the business plan');
  expectNoControls(plan, 'the business plan');

  await visit(page, '/reports/annual');
  await expectPage(page, 'Annual overview 2019-20');
  await expect(page.getByRole('heading', { name: 'Actions completed in 2019-20' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Actions carried forward' })).toBeVisible();
  await expect(page.getByText('8 actions are still open at the end of the year')).toBeVisible();
  const annual = await printToPdf(page, 'annual-overview-2019-20');
  // Every action exactly once: completed, or carried forward.
  for (const title of titles) expect(occurrences(annual.text, title), title).toBe(1);
  expectRunningFooter(annual, DEMO, 'the annual overview');
  expectNoControls(annual, 'the annual overview');
  expectNoHeadingAtFoot(annual, ['Recommendations', 'Successes', 'The year ahead', 'Actions carried forward', 'Performance indicators'], 'the annual overview');

  await visit(page, '/reports/quarterly?theme=domestic-abuse&quarter=2019-20-Q3');
  await expectPage(page, 'Domestic Abuse: quarterly report Q3 2019-20');
  const quarterly = await printToPdf(page, 'quarterly-domestic-abuse-2019-20-Q3');
  expectRunningFooter(quarterly, DEMO, 'the quarterly report');
  expectNoControls(quarterly, 'the quarterly report');
  expectNoHeadingAtFoot(quarterly, ['Actions', 'Performance indicators', 'Theme lead’s commentary'], 'the quarterly report');

  // An action's page prints without its delete links and buttons.
  await visit(page, '/actions/action-02');
  await expectPage(page, 'Deliver key communications messages for the partnership for 19-20.');
  await expect(page.getByRole('link', { name: /Delete/ }).first()).toBeVisible();
  const action = await printToPdf(page, 'action-02');
  expectNoControls(action, 'an action');
});

test('the plan document reads like the published plan and prints a priority a page', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'The plan as a document to print or save as PDF' }).click();
  await expectPage(page, 'Community Safety Partnership Plan 2020 – 2024');
  await expect(page.getByRole('heading', { name: 'Our vision' })).toBeVisible();
  // The plan's own statutory duties, as the partnership wrote them.
  await expect(page.getByRole('listitem').filter({ hasText: /^Reduce re-offending$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Our values' })).toBeVisible();
  const youth = page.getByRole('region', { name: /Priority \d: Youth Offending/ });
  await expect(youth).toContainText('Theme lead: Head of Youth Offending Service, Luton Council');
  for (const part of ['Why this is a priority', 'What we aim to achieve', 'What we will do', 'Measured through']) {
    await expect(youth.getByRole('heading', { name: part })).toBeVisible();
  }
  await expect(youth).toContainText('Maintain a low level of first time entrants');
  const structure = page.getByRole('region', { name: 'How the partnership works' });
  await expect(structure.getByRole('table', { name: 'Members' }).getByRole('rowheader')).toHaveCount(10);
  await expect(structure.getByRole('heading', { name: 'MARAC Sub Group' })).toBeVisible();
  await expectAccessible(page, 'the plan document');

  // From the reports page too.
  await visit(page, '/reports');
  await page.getByRole('link', { name: 'Plan document' }).click();
  await expectPage(page, 'Community Safety Partnership Plan 2020 – 2024');
  const printed = await printToPdf(page, 'plan-document');
  expect(printed.pages, 'a page for the opening, one per priority, one for the structure').toBeGreaterThanOrEqual(9);
  for (const priority of ['Violence & Exploitation', 'Youth Offending', 'Domestic Abuse']) {
    expect(printed.pageTexts.some((t) => /Priority \d: /.test(t) && t.includes(priority))).toBe(true);
  }
  expectRunningFooter(printed, DEMO, 'the plan document');
  expectNoControls(printed, 'the plan document');

  // The plan overview itself prints without its links to other pages.
  await visit(page, '/');
  await expectPage(page, DEMO);
  const overview = await printToPdf(page, 'plan-overview');
  expect(overview.text).not.toContain('See all actions');
  expect(overview.text).not.toContain('The plan as a document');
});
