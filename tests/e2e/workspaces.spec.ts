// Several partnerships side by side: create, open, rename and delete, with
// the person's details remembered on this device.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity, visit } from './helpers';

test('settings remember who you are on this device', async ({ page }) => {
  await page.goto('/#/settings');
  await expectPage(page, 'Settings');
  await expectAccessible(page, 'settings');
  await page.getByRole('button', { name: 'Save your details' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expectAccessible(page, 'settings with errors');

  await setIdentity(page, 'Priya Analyst', 'Bedfordshire Police');
  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Priya Analyst');
  await expect(page.getByLabel('Your organisation')).toHaveValue('Bedfordshire Police');
});

test('a new partnership needs your details first, then a name', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start a new partnership' }).click();
  await expectPage(page, 'Start a new partnership');
  await expectAccessible(page, 'the new partnership form');
  await page.getByLabel('Name of the partnership').fill('Dunstable Community Safety Partnership');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expect(page.getByRole('link', { name: /Add your name and organisation above first/ })).toBeVisible();

  await setIdentity(page, 'Chris Manager', 'Central Bedfordshire Council');
  await visit(page, '/workspaces/new');
  await expect(page.getByRole('form', { name: 'Who is making changes?' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expect(page.getByRole('link', { name: 'Enter the name of the partnership' })).toBeVisible();
  await page.getByLabel('Name of the partnership').fill('Dunstable Community Safety Partnership');
  await page.getByLabel('Area it covers (optional)').fill('Central Bedfordshire');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Dunstable Community Safety Partnership');
  await expect(page.getByText('Partnership created')).toBeVisible();
  await expect(page.getByText('This plan has no priority themes yet.')).toBeVisible();
  await expectAccessible(page, 'an empty plan overview');
});

test('keep several partnerships side by side: list, open, rename, delete @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Chris Manager', 'Central Bedfordshire Council');
  await visit(page, '/workspaces/new');
  await page.getByLabel('Name of the partnership').fill('Dunstable CSP');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Dunstable CSP');

  await page.getByRole('link', { name: 'Partnerships' }).click();
  await expectPage(page, 'Your partnerships');
  const table = page.getByRole('table', { name: 'Partnerships on this device' });
  await expect(table.getByRole('rowheader')).toHaveCount(2);
  await expectAccessible(page, 'the partnership list');

  // Open the demo again from the list.
  await table.getByRole('button', { name: 'Open Luton Community Safety Partnership' }).click();
  await expectPage(page, 'Luton Community Safety Partnership');

  await visit(page, '/workspaces');
  await table.getByRole('link', { name: 'Rename Dunstable CSP' }).click();
  await expectPage(page, 'Rename partnership');
  await expectAccessible(page, 'the rename form');
  await page.getByLabel('New name').fill('');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: 'Enter a name for the partnership' })).toBeVisible();
  await page.getByLabel('New name').fill('Dunstable and Houghton Regis CSP');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Partnership renamed')).toBeVisible();
  await expect(table).toContainText('Dunstable and Houghton Regis CSP');

  await table.getByRole('link', { name: 'Delete Dunstable and Houghton Regis CSP' }).click();
  await expectPage(page, /Are you sure you want to delete Dunstable and Houghton Regis CSP/);
  await expectAccessible(page, 'the delete partnership confirmation');
  await page.getByRole('button', { name: 'Yes, delete this partnership' }).click();
  await expect(page.getByText('Partnership deleted from this device')).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveCount(1);

  await page.reload();
  await visit(page, '/workspaces');
  await expect(page.getByRole('table', { name: 'Partnerships on this device' }).getByRole('rowheader')).toHaveCount(1);
});
