// A partnership's first day: reaching every area, a partner opening a file
// on a new device, and the things that go wrong when copies meet (the same
// action number twice, a field two partners changed) being said out loud.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, openDemo, setIdentity, visit } from './helpers';
import { COUNCIL, PARTNERSHIP, POLICE, keep, partner, sendTo, sharedPartnership } from './partners';

const ACTION_7 = 'Publish the Domestic Homicide review outcomes.';

test('a partner on a fresh device opens a file from the welcome page', async ({ browser }) => {
  const council = await partner(browser, 'Jo Coordinator', COUNCIL);
  await visit(council, '/share');
  const waiting = council.waitForEvent('download');
  await council.getByRole('button', { name: 'Download the whole partnership' }).click();
  const file = await keep(await waiting);

  // A police officer's laptop that has never run Safer Plan.
  const officer = await (await browser.newContext()).newPage();
  await officer.goto('/');
  await expectPage(officer, "Plan and account for your partnership's work");
  await expect(officer.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Share' })).toBeVisible();
  await expectAccessible(officer, 'the welcome page');
  await officer.getByRole('link', { name: 'Open a file from a partner' }).click();
  await expectPage(officer, 'Open a file from a partner');
  await expectAccessible(officer, 'the open a file page');
  await officer.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(file.path);
  const incoming = officer.locator('#incoming');
  await expect(incoming).toContainText(`${file.name} holds ${PARTNERSHIP}`);
  await expect(incoming).not.toContainText('not the partnership open now');
  await expectAccessible(officer, 'a file ready to open on a new device');
  await officer.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(officer, PARTNERSHIP);
  await expect(officer.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  await expectSaved(officer);
  await officer.reload();
  await expectPage(officer, PARTNERSHIP);
});

test('a new partnership is started before Settings knows who is using the device, without losing what was typed', async ({
  page,
}) => {
  await page.goto('/#/workspaces/new');
  await expectPage(page, 'Start a new partnership');
  await page.getByLabel('Name of the partnership').fill('Barking and Dagenham Community Safety Partnership');
  await page.getByLabel('Area it covers (optional)').fill('Barking and Dagenham');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: /Add your name and organisation above first/ }).click();
  await expect(page.getByLabel('Your name')).toBeFocused();
  await expectAccessible(page, 'the new partnership form asking who is making changes');

  const who = page.getByRole('form', { name: 'Who is making changes?' });
  await who.getByRole('button', { name: 'Save your details' }).click();
  await expect(who.getByText('Enter your name')).toBeVisible();
  await who.getByLabel('Your name').fill('Kim Manager');
  await who.getByLabel('Your organisation').fill('London Borough of Barking and Dagenham');
  await who.getByRole('button', { name: 'Save your details' }).click();
  await expect(who).toHaveCount(0);
  // What was typed into the partnership form is still there.
  await expect(page.getByLabel('Name of the partnership')).toHaveValue('Barking and Dagenham Community Safety Partnership');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Barking and Dagenham Community Safety Partnership');
  await expect(page.getByText('Partnership created')).toBeVisible();
  await visit(page, '/settings');
  await expect(page.getByLabel('Your organisation')).toHaveValue('London Borough of Barking and Dagenham');
});

/** Follows a link in the section's second row of links, or the menu, and checks where it lands. */
async function reach(page: Page, where: 'Menu' | string, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: where }).getByRole('link', { name: link, exact: true }).click();
  await expectPage(page, heading);
}

test('the menu reaches every area of the partnership on a tablet @tablet', async ({ page }) => {
  await openDemo(page);
  await expectTouchTargets(page, '.app-section-nav', 'the plan pages links');
  await expectAccessible(page, 'the plan with its section links');
  await reach(page, 'Pages in the plan', 'Members and sub-groups', 'Partnership structure');
  await reach(page, 'Pages in the plan', 'Overview', PARTNERSHIP);
  await reach(page, 'Menu', 'Actions', 'Action plan 2019-20');
  await reach(page, 'Menu', 'Indicators', 'Performance indicators');
  await reach(page, 'Menu', 'Dashboard', 'Dashboard');
  await reach(page, 'Menu', 'Reports', 'Reports');
  await reach(page, 'Pages in reports', 'Excel and CSV', 'Excel and CSV');
  await expectAccessible(page, 'the Excel and CSV page');
  await reach(page, 'Pages in reports', 'Committee reports', 'Reports');
  await reach(page, 'Menu', 'Calendar', /Calendar/);
  await reach(page, 'Menu', 'Assessment', /Strategic assessment/);
  await reach(page, 'Pages in assessment and engagement', 'Partner workshops', 'Partner workshops');
  await expectAccessible(page, 'the workshops page');
  await reach(page, 'Pages in assessment and engagement', 'Resident consultation', 'Resident consultation');
  await expectTouchTargets(page, '.app-section-nav', 'the assessment pages links');
  await reach(page, 'Menu', 'Share', 'Share with partners');
  await reach(page, 'Pages in sharing', 'Redacted copy', 'Make a redacted copy');
  await reach(page, 'Menu', 'History', 'History');
  await reach(page, 'Menu', 'Partnerships', 'Your partnerships');
  await reach(page, 'Menu', 'Settings', 'Settings');
});

test('the demo opens on its own year, and the action list sorts, shows due dates and finds my organisation’s actions', async ({
  page,
}) => {
  await openDemo(page);
  await setIdentity(page, 'Sam Inspector', POLICE);
  await visit(page, '/dashboard');
  await expectPage(page, 'Dashboard');
  await expect(page.getByText('Q4 2019-20: January to March 2020')).toBeVisible();
  await expect(page.getByText('Every quarterly indicator has its Q3 2019-20 value.')).toBeVisible();
  // Any quarter can be looked at, including the one running today.
  await page.getByLabel('Quarter').selectOption({ index: 0 });
  await expect(page.getByText('Q4 2019-20: January to March 2020')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Indicators missing a value' })).toBeVisible();
  await expectAccessible(page, 'the dashboard for the current quarter');

  await visit(page, '/reports/quarterly');
  await expect(page.getByLabel('Quarter')).toHaveValue('2019-20-Q4');

  await visit(page, '/actions');
  await expectPage(page, 'Action plan 2019-20');
  const table = page.getByRole('table', { name: 'Actions' });
  await expect(table.getByRole('columnheader', { name: 'Due' })).toBeVisible();
  await page.getByLabel('Sort by').selectOption('Due date (soonest first)');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/sort=due/);
  const dues = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  // Short UK dates such as "29 Feb 2020", soonest first, undated last.
  const times = dues.filter((d) => d !== 'None').map((d) => Date.parse(d));
  expect(times.every((t) => !Number.isNaN(t))).toBe(true);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(dues.slice(times.length).every((d) => d === 'None')).toBe(true);
  await expectAccessible(page, 'the action list sorted by due date');

  await page.getByLabel(`Only actions ${POLICE} leads or works on`).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/mine=1/);
  // The police lead actions 5 and 13 and work on 1, 2 and 4.
  await expect(page.getByText('Showing 5 of 13 actions')).toBeVisible();
  const numbers = await table.locator('tbody tr td:nth-child(1)').allTextContents();
  expect([...numbers].sort()).toEqual(['1', '13', '2', '4', '5']);
  // The sort stays with the filter, and both survive a reload.
  await page.reload();
  await expect(page.getByLabel(`Only actions ${POLICE} leads or works on`)).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('due');
});

test('restoring a deleted action whose number is used again offers the next free number', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', COUNCIL);
  await visit(page, '/actions/action-07/delete');
  await page.getByRole('button', { name: 'Yes, delete this action' }).click();
  await expect(page.getByText('Action deleted')).toBeVisible();
  await visit(page, '/actions/new');
  await page.getByLabel('Action number').fill('7');
  await page.getByLabel('Key action or major project').fill('Commission a new domestic abuse needs assessment');
  await page.getByLabel('Partnership leads').fill('Head of Strategic Safeguarding, Luton Council');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action added')).toBeVisible();
  await expectSaved(page);

  await visit(page, '/history');
  await page.getByRole('button', { name: `Restore: Deleted action 7: ${ACTION_7}` }).click();
  const clash = page.getByRole('region', { name: 'Choose a new number' });
  await expect(clash).toContainText('Action 7 is now used by another action');
  await expect(clash.getByLabel('Restore it as action number')).toHaveValue('14');
  await expectAccessible(page, 'the restore asking for a new number');
  await clash.getByLabel('Restore it as action number').fill('1');
  await clash.getByRole('button', { name: 'Restore with this number' }).click();
  await expect(clash.getByRole('alert')).toContainText('Action 1 already exists – use a different number, such as 14');
  await clash.getByLabel('Restore it as action number').fill('14');
  await clash.getByRole('button', { name: 'Restore with this number' }).click();
  await expectPage(page, ACTION_7);
  await expect(page.getByText('Action 14', { exact: true })).toBeVisible();
  await expect(page.getByText('Restored from history')).toBeVisible();
  await expectSaved(page);
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 14 actions')).toBeVisible();
});

test('a merge where two partners changed the same things lists them on the dashboard, and each is settled', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { council, police } = await sharedPartnership(browser);
  // Both give action 7 a new due date, and both add an action 14.
  for (const [page, due, title] of [
    [council, '2020-04-30', 'Council review of MARAC referrals'],
    [police, '2020-05-31', 'Police review of repeat domestic abuse callers'],
  ] as const) {
    await visit(page, '/actions/action-07/edit');
    await page.getByLabel('Due date (optional)').fill(due);
    await page.getByRole('button', { name: 'Save action' }).click();
    await expect(page.getByText('Action updated')).toBeVisible();
    await visit(page, '/actions/new');
    await page.getByLabel('Action number').fill('14');
    await page.getByLabel('Key action or major project').fill(title);
    await page.getByRole('button', { name: 'Save action' }).click();
    await expect(page.getByText('Action added')).toBeVisible();
    await expectSaved(page);
  }

  const fromPolice = await sendTo(police, COUNCIL);
  await visit(council, '/share');
  await council.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(fromPolice.path);
  const clashes = council.locator('#number-clashes');
  await expect(clashes).toContainText(
    'Action 14 is “Council review of MARAC referrals” on this device and “Police review of repeat domestic abuse callers” in the file. After merging, give one of them a new number: 15 is free.',
  );
  await expectAccessible(council, 'the preview warning of a shared number');
  await council.locator('#incoming').getByRole('button', { name: /^Merge \d+ changes?$/ }).click();

  // Straight to the dashboard, which lists what needs settling.
  await expectPage(council, 'Dashboard');
  await expect(council.getByText(/changes? merged from .*3 things need attention/)).toBeVisible();
  const list = council.getByRole('list', { name: 'Needs attention' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText(`Action 7: ${ACTION_7} – Due date changed by`);
  await expect(list).toContainText('2 actions are numbered 14: give one a new number');
  await expectAccessible(council, 'the dashboard listing what needs attention');

  await list.getByRole('link', { name: `Action 7: ${ACTION_7}` }).click();
  const banner = council.getByRole('region', { name: 'Changed by two partners' });
  await banner.getByLabel(/^“31 May 2020” – from Bedfordshire Police/).check();
  await banner.getByRole('button', { name: 'Keep this due date' }).click();
  await expect(council.getByText('Your choice was saved')).toBeVisible();

  await visit(council, '/dashboard');
  await list.getByRole('link', { name: 'Action 14: Police review of repeat domestic abuse callers' }).click();
  const duplicate = council.getByRole('region', { name: 'Two actions have the same number' });
  await expect(duplicate.getByRole('link', { name: 'Council review of MARAC referrals' })).toBeVisible();
  await expect(duplicate.getByLabel('New number for this action')).toHaveValue('15');
  await expectAccessible(council, 'an action sharing its number');
  await duplicate.getByRole('button', { name: 'Renumber this action' }).click();
  await expect(council.getByText('This action is now action 15')).toBeVisible();
  await expectSaved(council);
  await visit(council, '/dashboard');
  await expectPage(council, 'Dashboard');
  await expect(council.getByRole('list', { name: 'Needs attention' })).toHaveCount(0);
});
