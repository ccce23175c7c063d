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
  // A baseline and target must say what period they describe, and values what they count.
  await expect(summary.getByRole('link', { name: 'Select whether the baseline and target are for a year, a quarter, or a rate' })).toBeVisible();
  await expect(summary.getByRole('link', { name: "Select what each quarter's value counts" })).toBeVisible();
  await expectAccessible(page, 'the indicator form with errors');

  await page.getByLabel(/^A whole year/).check();
  await page.getByLabel(/^That quarter on its own/).check();
  await page.getByLabel('Baseline (optional)').fill('48');
  await page.getByLabel('Unit (optional)').fill('fires');
  await page.getByLabel('Data source (optional)').fill('Bedfordshire Fire and Rescue Service incident data');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('Indicator saved')).toBeVisible();
  await expectPage(page, 'Deliberate fires');
  await expect(page.getByText('Reduce by 10% on the baseline (to 43.2 fires a year)')).toBeVisible();
  await expect(page.getByText('No values have been entered yet.')).toBeVisible();

  await page.getByRole('link', { name: 'Edit indicator' }).click();
  await page.getByLabel('A number to reach').check();
  await page.getByLabel('Target', { exact: true }).fill('40');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('At most 40 fires a year')).toBeVisible();

  await page.getByRole('link', { name: 'Delete indicator' }).click();
  await expectPage(page, /Are you sure you want to delete “Deliberate fires”/);
  await expectAccessible(page, 'the delete indicator confirmation');
  await page.getByRole('button', { name: 'Yes, delete this indicator' }).click();
  await expect(page.getByText('Indicator deleted')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Deliberate fires' })).toHaveCount(0);
});

/** The financial-year quarter three years before today's, as the quarter picker's value ("2023-24-Q2") and as shown. */
function quarterThreeYearsBack(): { code: string; shown: string } {
  const today = new Date();
  const month = today.getMonth() + 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  const start = (month >= 4 ? today.getFullYear() : today.getFullYear() - 1) - 3;
  const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return { code: `${year}-Q${quarter}`, shown: `Q${quarter} ${year}` };
}

test('a manager sets a yearly baseline, a theme lead enters quarters, and the page says how each was rated', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'CSP Manager', 'Luton Council');
  await page.goto('/#/indicators/new');
  await expectPage(page, 'Add an indicator');
  await page.getByLabel('Name of the indicator').fill('Anti-social behaviour incidents');
  await page.getByLabel('Priority theme').selectOption({ label: 'Town Centre & Neighbourhood Crime' });
  await page.getByLabel('Unit (optional)').fill('incidents');
  await page.getByLabel(/^A whole year/).check();
  await page.getByLabel('Baseline (optional)').fill('2,150');
  await page.getByLabel('Baseline period (optional)').fill('2016-17');
  await page.getByLabel('A % change on the baseline').check();
  await page.getByLabel('Target', { exact: true }).fill('-5');
  await page.getByLabel('Every quarter').check();
  await page.getByLabel(/^That quarter on its own/).check();
  // The form states the baseline and target for their period before saving.
  await expect(page.getByText('Baseline: 2,150 incidents in the year 2016-17')).toBeVisible();
  await expect(page.getByText('Target: Reduce by 5% on 2016-17 (to 2,042.5 incidents a year)')).toBeVisible();
  await expectAccessible(page, 'the indicator form with a yearly baseline');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('Indicator saved')).toBeVisible();
  await expectPage(page, 'Anti-social behaviour incidents');
  await expect(page.getByText('2,150 incidents in the year 2016-17')).toBeVisible();
  await expect(page.getByText('Each quarter on its own')).toBeVisible();

  // Q1 2019-20: 561 incidents is worse than a quarter's share of both the target and the baseline.
  await page.getByRole('link', { name: "Enter a quarter's values" }).click();
  await expectPage(page, "Enter a quarter's values");
  await page.getByLabel('Quarter', { exact: true }).selectOption('2019-20-Q1');
  const asb = page.getByRole('group', { name: 'Anti-social behaviour incidents', exact: true });
  await expect(asb).toContainText('Enter Q1 2019-20 on its own: April to June 2019, in incidents.');
  await expect(asb).toContainText('Target for the period: at most 510.63 incidents');
  await asb.getByLabel('Value for Q1 2019-20').fill('561');
  await expectAccessible(page, 'value entry for an older quarter');
  await page.getByRole('button', { name: 'Save values' }).click();
  await expect(page.getByText('1 value saved for Q1 2019-20')).toBeVisible();

  await page.goto('/#/indicators');
  await page.getByRole('link', { name: 'Anti-social behaviour incidents', exact: true }).click();
  await expectPage(page, 'Anti-social behaviour incidents');
  await expect(page.getByRole('heading', { name: 'How the Q1 2019-20 rating was worked out' })).toBeVisible();
  await expect(page.getByText(
    "Q1 2019-20: 561 incidents. A quarter's share of the 2019-20 target is 511 incidents (2,042.5 ÷ 4); " +
      "the baseline's quarter share is 538 incidents (2,150 ÷ 4). 561 is worse than both, so Red.",
  )).toBeVisible();
  const values = page.getByRole('table', { name: 'Anti-social behaviour incidents: values by quarter' });
  await expect(values.getByRole('row').filter({ hasText: 'Q1 2019-20' })).toContainText('Red');
  await expect(page.getByRole('img', { name: 'Anti-social behaviour incidents by quarter' })).toBeVisible();
  await expectAccessible(page, 'an indicator page with its working');

  // A quarter three years back can be entered too, not only the last eight.
  const back = quarterThreeYearsBack();
  await page.getByRole('link', { name: "Enter a quarter's values" }).click();
  await expectPage(page, "Enter a quarter's values");
  await page.getByLabel('Quarter', { exact: true }).selectOption(back.code);
  await expect(page).toHaveURL(new RegExp(`quarter=${back.code}`));
  await asb.getByLabel(`Value for ${back.shown}`).fill('530');
  await page.getByRole('button', { name: 'Save values' }).click();
  await expect(page.getByText(`1 value saved for ${back.shown}`)).toBeVisible();
  await page.goto('/#/indicators');
  await page.getByRole('link', { name: 'Anti-social behaviour incidents', exact: true }).click();
  await expectPage(page, 'Anti-social behaviour incidents');
  await expect(page.getByRole('heading', { name: `How the ${back.shown} rating was worked out` })).toBeVisible();
  await expect(page.getByText('530 misses the target but is no worse than the baseline, so Amber.')).toBeVisible();
  await expect(values.getByRole('row').filter({ hasText: back.shown })).toContainText('Amber');

  // The edit form is filled in with what is stored; saving it untouched changes nothing.
  await page.getByRole('link', { name: 'Edit indicator' }).click();
  await expectPage(page, 'Edit indicator');
  await expect(page.getByLabel('Baseline (optional)')).toHaveValue('2,150');
  await expect(page.getByLabel(/^A whole year/)).toBeChecked();
  await expect(page.getByLabel(/^That quarter on its own/)).toBeChecked();
  await expectAccessible(page, 'the edit form filled in');
  await page.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByText('Indicator saved')).toBeVisible();
  await expect(page.getByText('2,150 incidents in the year 2016-17')).toBeVisible();
});
