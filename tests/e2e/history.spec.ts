// Every edit is recorded with who made it and when.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity, visit } from './helpers';

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
