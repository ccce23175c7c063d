// Reports a CSP manager sends on: the business plan table for the year,
// ready to print on A4 or save as PDF.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('a manager prints the business plan table for 2019-20', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Reports' }).click();
  await expectPage(page, 'Reports');
  await expectAccessible(page, 'the reports page');

  await page.getByRole('link', { name: 'Business plan table' }).click();
  await expectPage(page, 'Business plan 2019-20');
  const table = page.getByRole('table', { name: 'Key actions and their progress' });
  await expect(table.getByRole('row')).toHaveCount(14);
  const pilot = table.getByRole('row').filter({ hasText: 'Pilot area for targeted activity' });
  await expect(pilot).toContainText('Inspector, Bedfordshire Police');
  await expect(pilot).toContainText('Operation Octans');
  await expect(pilot).toContainText('28 February 2020');
  await expectAccessible(page, 'the business plan table');

  // The print button opens the browser's print window.
  await page.evaluate(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);

  // On paper: the table without the app's navigation and controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(table).toBeVisible();
  await expectAccessible(page, 'the printed business plan table');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('another year shows only that year\'s progress', async ({ page }) => {
  await openDemo(page);
  await page.goto('/#/reports/business-plan');
  await expectPage(page, 'Business plan 2019-20');
  // This financial year is always offered, and the demo has no progress in it.
  const now = new Date();
  const start = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  const thisYear = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  await page.getByLabel('Financial year').selectOption(thisYear);
  await expectPage(page, `Business plan ${thisYear}`);
  await expect(page.getByText('No progress reported this year.').first()).toBeVisible();
  await expect(page.getByText('Operation Octans')).toHaveCount(0);
});

test('business-as-usual work is tracked but left out of the business plan', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/actions/new');
  await page.getByLabel('Key action or major project').fill('Weekly partnership tasking meeting');
  await page.getByLabel('This is business as usual').check();
  await page.getByRole('button', { name: 'Save action' }).click();
  await expectPage(page, 'Weekly partnership tasking meeting');
  await expect(page.getByText('Business as usual', { exact: true })).toBeVisible();
  await expectAccessible(page, 'a business-as-usual action');

  await page.goto('/#/reports/business-plan');
  await expectPage(page, 'Business plan 2019-20');
  const table = page.getByRole('table', { name: 'Key actions and their progress' });
  await expect(table.getByRole('row')).toHaveCount(14);
  await expect(table).not.toContainText('Weekly partnership tasking meeting');
});

test('a manager writes the recommendations and prints the annual overview for scrutiny', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/reports');
  await page.getByRole('link', { name: 'Annual overview for scrutiny' }).click();
  await expectPage(page, 'Annual overview 2019-20');
  await expect(page.getByRole('table', { name: 'Priority themes' }).getByRole('rowheader')).toHaveCount(7);
  await expect(page.getByRole('heading', { name: 'Actions completed in 2019-20' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Actions carried forward' })).toBeVisible();
  await expect(page.getByText('8 meetings and campaigns were held during the year.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Indicators at the latest quarter of the year' }).getByRole('rowheader')).toHaveCount(10);
  await expectAccessible(page, 'the annual overview');

  await page.getByRole('link', { name: 'Write recommendations' }).click();
  await expectPage(page, 'Recommendations');
  await expectAccessible(page, 'the report section form');
  await page.getByLabel('What the report should say').fill(
    '- Endorse the Community Safety Partnership Plan 2020 - 2024\n- Theme leads develop robust performance monitoring',
  );
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page.getByText('Section saved')).toBeVisible();
  await expectPage(page, 'Annual overview 2019-20');
  await expect(page.getByRole('listitem').filter({ hasText: 'Theme leads develop robust performance monitoring' })).toBeVisible();

  await page.reload();
  await expect(page.getByText('Endorse the Community Safety Partnership Plan 2020 - 2024')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Write recommendations' })).toBeHidden();
  await expectAccessible(page, 'the printed annual overview');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
