// A theme lead's quarterly accountability report to the executive.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('the domestic abuse lead writes the Q4 commentary and prints the quarterly report @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Head of Strategic Safeguarding', 'Luton Council');
  await page.goto('/#/reports');
  await page.getByRole('link', { name: 'Quarterly theme report' }).click();
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Domestic Abuse' });
  await expect(page.getByRole('heading', { level: 1, name: /^Domestic Abuse: quarterly report/ })).toBeVisible();
  await page.getByLabel('Quarter', { exact: true }).selectOption({ label: 'Q4 2019-20 (January to March 2020)' });
  await expectPage(page, 'Domestic Abuse: quarterly report Q4 2019-20');
  const table = page.getByRole('table', { name: 'Actions this quarter' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'Publish the Domestic Homicide review' })).toContainText('not started → at risk');
  await expect(page.getByText('1 of 3 actions updated, 1 changed status, 2 with no update')).toBeVisible();
  await expectAccessible(page, 'the quarterly report');

  await page.getByRole('link', { name: 'Write the commentary' }).click();
  await expectPage(page, "Theme lead's commentary");
  await expectAccessible(page, 'the commentary form');
  await page.getByLabel('Commentary for the executive').fill(
    'DHR001/2016 publication is on hold for the family notification period.\n- The executive is asked to note the delay',
  );
  await page.getByRole('button', { name: 'Save commentary' }).click();
  await expect(page.getByText('Commentary saved')).toBeVisible();
  await expectPage(page, 'Domestic Abuse: quarterly report Q4 2019-20');
  await expect(page.getByText('DHR001/2016 publication is on hold')).toBeVisible();

  await page.reload();
  await expect(page.getByText('The executive is asked to note the delay')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Excel (.csv)' }).click();
  const file = await download;
  // Named after the theme as people know it, not its internal id.
  expect(file.suggestedFilename()).toBe('Domestic-Abuse-quarterly-report-2019-20-Q4.csv');
  const csv = await readFile((await file.path()) as string, 'utf8');
  expect(csv).toContain('The executive is asked to note the delay');
  expect(csv).toContain('Publish the Domestic Homicide review outcomes.');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Write the commentary' })).toBeHidden();
  await expectAccessible(page, 'the printed quarterly report');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
