// The dashboard a CSP manager checks before the executive: actions by theme,
// and who to chase.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('a manager sees actions by theme and chases overdue and silent actions', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expectPage(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Town Centre & Neighbourhood Crime' })).toContainText('3 On track');
  await expect(page.getByRole('region', { name: 'Domestic Abuse' })).toContainText('2 Complete');
  await expectAccessible(page, 'the dashboard');

  // Every demo indicator is waiting for last quarter's value.
  await expect(page.getByRole('table', { name: 'Indicators missing a value' }).getByRole('rowheader')).toHaveCount(10);

  // The demo's 2019-20 plan is long past due: its 8 open actions are overdue.
  const overdue = page.getByRole('table', { name: 'Overdue actions' });
  await expect(overdue.getByRole('row')).toHaveCount(9);
  const silent = page.getByRole('table', { name: 'Open actions with no update this quarter' });
  await expect(silent.getByRole('row')).toHaveCount(9);

  // An update today takes action 1 off the "no update" list.
  await silent.getByRole('link', { name: /Ending Adult Exploitation/ }).click();
  await page.getByRole('link', { name: 'Add a progress update' }).click();
  await page.getByLabel('What has happened since the last update?').fill('Delivery plan reviewed with the new lead.');
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByText('Progress update added')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(silent.getByRole('row')).toHaveCount(8);
  await expect(silent).not.toContainText('Ending Adult Exploitation');
});
