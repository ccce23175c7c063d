// The action plan: add, validate, edit, record progress, filter, delete —
// and everything survives a reload because it is stored before the app says so.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';

test.beforeEach(async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Sam Officer', 'Bedfordshire Fire and Rescue Service');
});

test('an empty title is refused with a clear message and nothing is saved @tablet', async ({ page }) => {
  await visit(page, '/actions/new');
  await expectPage(page, 'Add an action');
  await expectAccessible(page, 'the new action form');
  await page.getByLabel('Action number').fill('14');
  await page.getByRole('button', { name: 'Save action' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter a title for the action' })).toBeVisible();
  await expect(page.locator('#title-error')).toContainText('Enter a title for the action');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page, 'the action form with errors');

  // The error summary link takes keyboard users to the field.
  await summary.getByRole('link', { name: 'Enter a title for the action' }).click();
  await expect(page.getByLabel('Key action or major project')).toBeFocused();

  await page.reload();
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
});

test('create an action, reload, and it is still there with its author', async ({ page }) => {
  await visit(page, '/actions');
  await page.getByRole('link', { name: 'Add an action' }).click();
  await expectPage(page, 'Add an action');
  await expect(page.getByLabel('Action number')).toHaveValue('14');
  await page.getByLabel('Key action or major project').fill('Run a fire safety and arson reduction campaign in High Town');
  await page.getByLabel('Priority theme').selectOption({ label: 'Town Centre & Neighbourhood Crime' });
  await page.getByLabel('Partnership leads').fill('Station Manager, Bedfordshire Fire and Rescue Service');
  await page.getByLabel('Linked documents (optional)').fill('Arson reduction plan | S:\\CSP\\Arson reduction plan.docx');
  await page.getByLabel('Other partners involved (optional)').fill('Bedfordshire Police\nLuton Council Community Safety');
  await page.getByLabel('Start date (optional)').fill('2019-11-01');
  await page.getByLabel('Due date (optional)').fill('2020-03-31');
  await page.getByLabel('Tags (optional)').fill('High Town, Arson');
  await page.getByRole('button', { name: 'Save action' }).click();

  await expectPage(page, 'Run a fire safety and arson reduction campaign in High Town');
  await expect(page.getByText('1 November 2019 to 31 March 2020')).toBeVisible();
  await expect(page.getByText('Luton Council Community Safety')).toBeVisible();
  await expect(page.getByText('Arson', { exact: true })).toBeVisible();
  await expect(page.getByText('Action added')).toBeVisible();
  await expectSaved(page);
  await expectAccessible(page, 'an action page');

  await page.reload();
  await expectPage(page, 'Run a fire safety and arson reduction campaign in High Town');
  await expect(page.getByText('Station Manager, Bedfordshire Fire and Rescue Service')).toBeVisible();
  await expect(page.getByText('31 March 2020')).toBeVisible();
  const history = page.getByRole('table', { name: 'Changes to this action' });
  await expect(history).toContainText('Sam Officer');
  await expect(history).toContainText('Bedfordshire Fire and Rescue Service');

  await visit(page, '/actions');
  await expect(page.getByText('Showing all 14 actions')).toBeVisible();
});

test('edit an action and add a dated progress update with a status @tablet', async ({ page }) => {
  await visit(page, '/actions/action-08');
  await expectPage(page, 'Deliver and implement a hate crime action plan for Luton.');
  await page.getByRole('link', { name: 'Edit action' }).click();
  await expectPage(page, 'Edit action 8');
  await expectAccessible(page, 'the edit action form');
  await page.getByLabel('Partnership leads').fill('Prevent Co-ordinator, Luton Council');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action updated')).toBeVisible();
  await expect(page.getByText('Prevent Co-ordinator, Luton Council')).toBeVisible();

  await page.getByRole('link', { name: 'Add a progress update' }).click();
  await expectPage(page, 'Add a progress update');
  await expectAccessible(page, 'the progress form');
  await page.getByLabel('Date of the update').fill('2020-02-14');
  await page.getByLabel('On track').check();
  await page.getByLabel('What has happened since the last update?').fill(
    'A Luton lead has been confirmed and the action plan was updated at the Pan Beds meeting.',
  );
  await page.getByRole('button', { name: 'Save update' }).click();

  await expect(page.getByText('Progress update added')).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await expectPage(page, 'Deliver and implement a hate crime action plan for Luton.');
  const latest = page.locator('.app-timeline__item').first();
  await expect(latest).toContainText('14 February 2020');
  await expect(latest).toContainText('On track');
  await expect(latest).toContainText('Recorded by Sam Officer, Bedfordshire Fire and Rescue Service');
  await expect(page.getByRole('table', { name: 'Changes to this action' })).toContainText('Added a progress update');
});

test('a progress update needs a date, a status and some words', async ({ page }) => {
  await visit(page, '/actions/action-03/progress');
  await expectPage(page, 'Add a progress update');
  // The form starts with today's date and the action's current status.
  await expect(page.getByLabel('On track')).toBeChecked();
  await page.getByLabel('Date of the update').fill('');
  await page.getByRole('button', { name: 'Save update' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter the date of the update' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter what has happened since the last update' })).toBeVisible();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expectAccessible(page, 'the progress form with errors');
  await page.getByLabel('Date of the update').fill('2099-01-01');
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.locator('#date-error')).toContainText('must be today or in the past');
});

test('filter actions by theme, status and lead, and search by text', async ({ page }) => {
  await visit(page, '/actions');
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Domestic Abuse' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/Showing 3 of 13 actions/)).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Complete' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/Showing 2 of 13 actions/)).toBeVisible();
  await expectAccessible(page, 'the filtered action list');

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await page.getByLabel('Lead organisation').selectOption({ label: 'Bedfordshire Police' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/Showing 2 of 13 actions/)).toBeVisible();

  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await page.getByLabel('Search actions').fill('Operation Octans');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/Showing 1 of 13 actions/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Pilot area for targeted activity/ })).toBeVisible();

  // The filters live in the address, so the browser's back button undoes them.
  await page.goBack();
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
});

test('delete an action only after confirming', async ({ page }) => {
  await visit(page, '/actions/action-10');
  await page.getByRole('link', { name: 'Delete action' }).click();
  await expectPage(page, /Are you sure you want to delete/);
  await expectAccessible(page, 'the delete action confirmation');
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expectPage(page, /Undertake the full strategic assessment/);

  await page.getByRole('link', { name: 'Delete action' }).click();
  await page.getByRole('button', { name: 'Yes, delete this action' }).click();
  await expect(page.getByText('Action deleted')).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 12 actions')).toBeVisible();
  await visit(page, '/actions/action-10');
  await expectPage(page, 'That action cannot be found');
  await expectAccessible(page, 'a missing action');
});

test('a sub-item 2a sits under action 2 in the list', async ({ page }) => {
  await visit(page, '/actions/new');
  await page.getByLabel('Action number').fill('2a');
  await page.getByLabel('Key action or major project').fill('Coercive and controlling behaviour campaign');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expect(page.getByText('Action added')).toBeVisible();
  await visit(page, '/actions');
  const rows = page.getByRole('table', { name: 'Actions' }).getByRole('row');
  await expect(rows.nth(3)).toContainText('2a');
  await expect(rows.nth(3)).toContainText('Sub-item of action 2: Coercive and controlling behaviour campaign');
  await expectAccessible(page, 'the action list with a sub-item');
});
