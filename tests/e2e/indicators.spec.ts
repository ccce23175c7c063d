// Performance indicators: a theme lead enters a quarter's values, sees RAG
// and direction of travel, and prints the quarterly report with them.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('a theme lead records a quarter\'s indicator values and prints the quarterly report @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Chief Inspector', 'Bedfordshire Police');
  await page.goto('/');
  await page.getByRole('link', { name: 'Indicators' }).click();
  await expectPage(page, 'Performance indicators');
  await expect(page.getByRole('table', { name: 'Indicators: Town Centre & Neighbourhood Crime' }).getByRole('rowheader')).toHaveCount(3);
  await expectAccessible(page, 'the indicator list');

  await page.getByRole('link', { name: "Enter a quarter's values" }).click();
  await expectPage(page, "Enter a quarter's values");
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Town Centre & Neighbourhood Crime' });
  await expect(page).toHaveURL(/theme=town-centre/);
  await expect(page.getByRole('group', { name: 'Burglary' })).toBeVisible();
  await page.getByLabel('Quarter', { exact: true }).selectOption({ label: 'Q4 2019-20 (January to March 2020)' });
  const burglary = page.getByRole('group', { name: 'Burglary' });
  await expect(burglary.getByLabel('Value for Q4 2019-20')).toHaveValue('');
  await burglary.getByLabel('Value for Q4 2019-20').fill('three hundred');
  await page.getByRole('group', { name: 'Criminal damage' }).getByLabel('Value for Q4 2019-20').fill('1,012');
  await page.getByRole('button', { name: 'Save values' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Burglary must be a number, like 1250 or 12.5' })).toBeVisible();
  await expect(burglary).toContainText('Error: Burglary must be a number');
  await expectAccessible(page, 'value entry with an error');

  await burglary.getByLabel('Value for Q4 2019-20').fill('372');
  await burglary.getByLabel('Note (optional)').fill('Provisional: March not yet validated');
  await page.getByRole('group', { name: 'Anti-social behaviour in the town centre' }).getByLabel('Value for Q4 2019-20').fill('330');
  await page.getByRole('button', { name: 'Save values' }).click();
  await expect(page.getByText('3 values saved for Q4 2019-20')).toBeVisible();

  await page.goto('/#/reports/quarterly?theme=town-centre&quarter=2019-20-Q4');
  await expectPage(page, 'Town Centre & Neighbourhood Crime: quarterly report Q4 2019-20');
  const indicators = page.getByRole('table', { name: 'Indicators in Q4 2019-20' });
  const row = indicators.getByRole('row').filter({ hasText: 'Burglary' });
  await expect(row).toContainText('372 crimes');
  await expect(row).toContainText('Green');
  await expect(indicators.getByRole('row').filter({ hasText: 'Criminal damage' })).toContainText('1,012 crimes');
  await expect(indicators.getByRole('row').filter({ hasText: 'Criminal damage' })).toContainText('Red');
  await expectAccessible(page, 'the quarterly report with indicators');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'the printed quarterly report with indicators');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The indicator page shows the new value in its chart and table, with who entered it.
  await page.emulateMedia({ media: 'screen' });
  await row.getByRole('link', { name: 'Burglary' }).click();
  await expectPage(page, 'Burglary');
  await expect(page.getByRole('img', { name: 'Burglary by quarter' })).toBeVisible();
  const values = page.getByRole('table', { name: 'Burglary: values by quarter' });
  await expect(values.getByRole('row').nth(1)).toContainText('Q4 2019-20');
  await expect(values.getByRole('row').nth(1)).toContainText('Chief Inspector, Bedfordshire Police');
  await expectAccessible(page, 'an indicator page');
});

test('a manager defines, edits and deletes an indicator', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.goto('/#/indicators/new');
  await expectPage(page, 'Add an indicator');
  await page.getByLabel('Name of the indicator').fill('Deliberate fires');
  await page.getByLabel('Priority theme').selectOption({ label: 'Town Centre & Neighbourhood Crime' });
  await page.getByLabel('Baseline (optional)').fill('0');
  await page.getByLabel('A % change on the baseline').check();
  await page.getByLabel('Target', { exact: true }).fill('-10');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: /A % change from a baseline of 0 is always 0/ })).toBeVisible();
  await expectAccessible(page, 'the indicator form with errors');

  await page.getByLabel('Baseline (optional)').fill('48');
  await page.getByLabel('Unit (optional)').fill('fires');
  await page.getByLabel('Data source (optional)').fill('Bedfordshire Fire and Rescue Service incident data');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('Indicator saved')).toBeVisible();
  await expectPage(page, 'Deliberate fires');
  await expect(page.getByText('Reduce by 10% on the baseline (to 43.2 fires)')).toBeVisible();
  await expect(page.getByText('No values have been entered yet.')).toBeVisible();

  await page.getByRole('link', { name: 'Edit indicator' }).click();
  await page.getByLabel('A number to reach').check();
  await page.getByLabel('Target', { exact: true }).fill('40');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('At most 40 fires')).toBeVisible();

  await page.getByRole('link', { name: 'Delete indicator' }).click();
  await expectPage(page, /Are you sure you want to delete “Deliberate fires”/);
  await expectAccessible(page, 'the delete indicator confirmation');
  await page.getByRole('button', { name: 'Yes, delete this indicator' }).click();
  await expect(page.getByText('Indicator deleted')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Deliberate fires' })).toHaveCount(0);
});
