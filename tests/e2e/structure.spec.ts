// The partnership's structure: member organisations and the sub-groups
// that own the themes, with their chairs and meetings.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('a manager records a new member and a sub-group with its chair and themes', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/');
  await page.getByRole('link', { name: 'Members and sub-groups of the partnership' }).click();
  await expectPage(page, 'Partnership structure');
  const members = page.getByRole('table', { name: 'Member organisations' });
  await expect(members.getByRole('rowheader')).toHaveCount(10);
  const groups = page.getByRole('table', { name: 'Sub-groups' });
  await expect(groups.getByRole('row').filter({ hasText: 'High Town Joint Action Group' })).toContainText('Inspector, Bedfordshire Police');
  await expect(groups.getByRole('link', { name: '2 meetings of High Town Joint Action Group' })).toBeVisible();
  await expectAccessible(page, 'the partnership structure');

  await page.getByRole('link', { name: 'Add a member organisation' }).click();
  await expectPage(page, 'Add a member organisation');
  await page.getByLabel('Name of the organisation').fill('Bedfordshire Police');
  await page.getByRole('button', { name: 'Save member' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Bedfordshire Police is already a member of the partnership' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Select the kind of organisation' })).toBeVisible();
  await expectAccessible(page, 'the member form with errors');
  await page.getByLabel('Name of the organisation').fill('Luton Rights');
  await page.getByLabel('Voluntary and community sector').check();
  await page.getByLabel('Role in the partnership (optional)').fill('Delivery partner: hate crime reporting centre');
  await page.getByRole('button', { name: 'Save member' }).click();
  await expect(page.getByText('Member saved')).toBeVisible();
  await expect(members.getByRole('rowheader')).toHaveCount(11);

  await page.getByRole('link', { name: 'Add a sub-group' }).click();
  await expectPage(page, 'Add a sub-group');
  await page.getByLabel('Name of the sub-group').fill('Hate Crime, Extremism and Intolerance Group');
  await page.getByLabel('Chair (optional)').fill('Prevent Co-ordinator, Luton Council');
  await page.getByLabel('Extremism').check();
  await expectAccessible(page, 'the sub-group form');
  await page.getByRole('button', { name: 'Save sub-group' }).click();
  await expect(page.getByText('Sub-group saved')).toBeVisible();
  const hate = groups.getByRole('row').filter({ hasText: 'Hate Crime, Extremism and Intolerance Group' });
  await expect(hate).toContainText('Prevent Co-ordinator, Luton Council');
  await expect(hate).toContainText('Extremism');

  // Its meetings go in the calendar, linked to it.
  await page.goto('/#/calendar/new');
  await page.getByLabel('Title').fill('Hate Crime, Extremism and Intolerance Group');
  await page.getByLabel('Date', { exact: true }).fill('2099-05-12');
  await page.getByLabel('Sub-group (optional)').selectOption({ label: 'Hate Crime, Extremism and Intolerance Group' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Added to the calendar')).toBeVisible();
  await page.goto('/#/structure');
  await expect(groups.getByRole('link', { name: '1 meetings of Hate Crime, Extremism and Intolerance Group' })).toBeVisible();

  await page.reload();
  await hate.getByRole('link', { name: /Remove/ }).click();
  await expectPage(page, 'Remove Hate Crime, Extremism and Intolerance Group from the partnership?');
  await expectAccessible(page, 'the remove sub-group confirmation');
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText('Removed')).toBeVisible();
  await expect(hate).toHaveCount(0);
});
