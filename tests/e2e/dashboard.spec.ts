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

  // The demo's 2019-20 year is over, so the dashboard shows it as it stood
  // at its end: Q4, with every Q3 indicator value in.
  await expect(page.getByText('Q4 2019-20: January to March 2020')).toBeVisible();
  await expect(page.getByText('Every quarterly indicator has its Q3 2019-20 value.')).toBeVisible();

  // Action 7 (due 29 February 2020) is the only open action past due.
  const overdue = page.getByRole('table', { name: 'Overdue actions' });
  await expect(overdue.getByRole('row')).toHaveCount(2);
  await expect(overdue).toContainText('Publish the Domestic Homicide review outcomes.');
  const silent = page.getByRole('table', { name: 'Open actions with no update this quarter' });
  await expect(silent.getByRole('row')).toHaveCount(3);

  // An update in March 2020 takes action 1 off the "no update" list.
  await silent.getByRole('link', { name: /Ending Adult Exploitation/ }).click();
  await page.getByRole('link', { name: 'Add a progress update' }).click();
  await page.getByLabel('Date of the update').fill('2020-03-16');
  await page.getByLabel('What has happened since the last update?').fill('Delivery plan reviewed with the new lead.');
  await page.getByRole('button', { name: 'Save update' }).click();
  await expect(page.getByText('Progress update added')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(silent.getByRole('row')).toHaveCount(2);
  await expect(silent).not.toContainText('Ending Adult Exploitation');

  // Today's quarter can be chosen too: long after 2019-20, its open actions
  // are all overdue and every indicator is waiting for a value.
  await page.getByLabel('Quarter').selectOption({ index: 0 });
  await expect(page.getByRole('table', { name: 'Indicators missing a value' }).getByRole('rowheader')).toHaveCount(10);
  await expect(overdue.getByRole('row')).toHaveCount(9);
});
