// Nothing is lost when things go wrong: a storage failure keeps the work open
// and offers a download; a crash shows a way back; a bad address is handled.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, visit } from './helpers';

test('a failed write shows a banner, keeps the change open, and saving again works', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Sam Officer', 'Luton Council');
  await visit(page, '/actions/action-01/edit');
  await expectPage(page, 'Edit action 1');

  // The browser refuses every write, as it does when the disk is full.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    (window as any).__restorePut = () => {
      IDBObjectStore.prototype.put = original;
    };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Key action or major project').fill('Deliver the Ending Adult Exploitation plan (revised)');
  await page.getByRole('button', { name: 'Save action' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'Your latest changes are not saved on this device' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('run out of space');
  await expect(page.getByText('Changes not saved')).toBeVisible();
  await expectPage(page, 'Deliver the Ending Adult Exploitation plan (revised)');
  await expectAccessible(page, 'the storage failure banner');

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a copy' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.automerge$/);

  await page.evaluate(() => (window as any).__restorePut());
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await expect(banner).toBeHidden();
  await expectSaved(page);
  await page.reload();
  await expectPage(page, 'Deliver the Ending Adult Exploitation plan (revised)');
});

test('when nothing can be written, the last saved plan is what comes back', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Sam Officer', 'Luton Council');
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await visit(page, '/actions/action-02/delete');
  await page.getByRole('button', { name: 'Yes, delete this action' }).click();
  await expect(page.getByText('Action deleted, but not yet saved on this device')).toBeVisible();
  await page.reload();
  await visit(page, '/actions');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
});

test('a crash shows a calm recovery page with a working reload button', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openDemo(page);
  await visit(page, '/support/crash-test');
  await expectPage(page, 'Something went wrong — your saved work is safe');
  expect(errors.join('\n')).toContain('crash test requested');
  await expectAccessible(page, 'the crash page');
  await page.getByRole('button', { name: 'Reload Safer Plan' }).click();
  await expectPage(page, 'Luton Community Safety Partnership');
});

test('an unknown address says so and links back to the plan', async ({ page }) => {
  await openDemo(page);
  await visit(page, '/no/such/page');
  await expectPage(page, 'That page cannot be found');
  await expect(page).toHaveTitle('Page not found – Safer Plan');
  await expectAccessible(page, 'the not found page');
  await page.getByRole('link', { name: 'Go to the plan overview' }).click();
  await expectPage(page, 'Luton Community Safety Partnership');
});

test('the performance check times reports on a large partnership without storing anything', async ({ page }) => {
  // Five runs of every report on 500 actions: about 20 s here, 31 s on CI's machine.
  test.setTimeout(120_000);
  await page.goto('/#/support/performance');
  await expectPage(page, 'Performance check');
  await page.getByRole('button', { name: 'Run the performance check' }).click();
  const table = page.getByRole('table', { name: 'Median of 5 runs' });
  await expect(table.getByRole('row').filter({ hasText: 'Annual overview' })).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole('row').filter({ hasText: 'Import preview, the workbook (.xlsx)' })).toBeVisible();
  await expectAccessible(page, 'the performance check');
  await page.goto('/#/workspaces');
  await expectPage(page, "Plan and account for your partnership's work");
});
