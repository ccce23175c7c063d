// The strategic assessment sets the plan's priorities: issues scored on a
// documented matrix, ranked, compared with last year and promoted to
// priority themes; residents' views are gathered at events in kiosk mode.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, leaveKiosk, openDemo, setIdentity, startKiosk, visit } from './helpers';

test('issues are ranked against last year, rescored, and one becomes a priority theme @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Business Intelligence Analyst', 'Luton Council');
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByRole('heading', { name: '2020-21 assessment' })).toBeVisible();
  const ranking = page.getByRole('table', { name: 'Issues ranked, 2020-21' });
  const rows = ranking.locator('tbody tr');
  await expect(rows.first()).toContainText('Knife crime');
  await expect(rows.first()).toContainText('Up 3');
  await expect(ranking.getByRole('row', { name: /Exploitation and county lines/ })).toContainText('New this year');
  // Not fully scored: ranked last, with what is missing.
  await expect(rows.last()).toContainText('On-street sexual exploitation');
  await expect(rows.last()).toContainText('3 scores to add');
  await expect(page.getByText('Assessed last year but not this year: Fly-tipping.')).toBeVisible();
  await page.getByText('How issues are scored').click();
  await expect(page.getByText('1 = falling fast; 3 = steady; 5 = rising fast')).toBeVisible();
  await expectAccessible(page, 'the strategic assessment');

  // Finish scoring the half-scored issue; a score out of range cannot be typed, only chosen.
  await rows.last().getByRole('link', { name: 'On-street sexual exploitation' }).click();
  await expectPage(page, 'Score On-street sexual exploitation');
  await expectAccessible(page, 'the scoring form');
  for (const legend of ['Volume and frequency', 'Trend', "Partnership's capacity to act"]) {
    await page.getByRole('group', { name: legend }).getByLabel('5').check();
  }
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expect(page.getByText('Scores saved')).toBeVisible();
  await expectPage(page, 'Strategic assessment');
  const exploitation = page.getByRole('row', { name: /On-street sexual exploitation/ });
  await expect(exploitation).not.toContainText('to add');
  await expect(exploitation.locator('td').first()).not.toHaveText('7');

  // An issue name is required.
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await page.getByRole('link', { name: 'Add an issue' }).click();
  await expectPage(page, 'Add an issue');
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the issue, for example Knife crime');

  // Knife crime becomes a priority theme of the plan.
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await page.getByRole('button', { name: /Make a priority theme\s?: Knife crime/ }).click();
  await expect(page.getByText('Priority theme added to the plan')).toBeVisible();
  await expectPage(page, 'Knife crime');
  await expectSaved(page);
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByRole('row', { name: /Knife crime/ }).getByRole('link', { name: 'Theme: Knife crime' })).toBeVisible();
  await page.reload();
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByRole('link', { name: 'Theme: Knife crime' })).toBeVisible();
});

test('residents answer one after another in kiosk mode and the results add up @tablet @landscape', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  const section = page.getByRole('region', { name: 'How safe do you feel in High Town?' });
  await expect(section.getByRole('cell', { name: 'LU1', exact: true })).toBeVisible();
  await expect(section.locator('dd').first()).toHaveText('12');
  await expectAccessible(page, 'the consultation results');
  await startKiosk(page, 'How safe do you feel in High Town?');
  await expectAccessible(page, 'kiosk mode');
  await expectTouchTargets(page, 'main', 'kiosk mode');

  // First resident.
  await page.getByRole('group', { name: 'How safe do you feel in your area?' }).getByLabel('2').check();
  await page.getByLabel('Town Centre & Neighbourhood Crime').check();
  await page.getByLabel('What would make the biggest difference where you live?').fill('A kiosk answer nobody else should see');
  await page.getByLabel('The first part of your postcode (optional)').fill('LU4 9ZZ');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expect(page.getByText('A kiosk answer nobody else should see')).toHaveCount(0);
  await expectAccessible(page, 'the kiosk thank-you screen');
  await expectTouchTargets(page, 'main', 'the kiosk thank-you screen');

  // The next resident sees a blank questionnaire.
  await page.getByRole('button', { name: 'Next person' }).click();
  const safety = page.getByRole('group', { name: 'How safe do you feel in your area?' });
  for (const n of ['1', '2', '3', '4', '5']) await expect(safety.getByLabel(n)).not.toBeChecked();
  await expect(page.getByLabel('Town Centre & Neighbourhood Crime')).not.toBeChecked();
  await expect(page.getByLabel('What would make the biggest difference where you live?')).toHaveValue('');
  await expect(page.getByLabel('The first part of your postcode (optional)')).toHaveValue('');
  await safety.getByLabel('5').check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectSaved(page);

  await leaveKiosk(page);
  await expect(section.locator('dd').first()).toHaveText('14');
  // Only the district of the postcode is kept.
  await expect(section.getByRole('cell', { name: 'LU4', exact: true })).toBeVisible();
  await expect(page.getByText('LU4 9ZZ')).toHaveCount(0);
  await expect(section).toContainText('A kiosk answer nobody else should see');
});

test('a questionnaire needs a title, and an unknown one cannot open in kiosk mode', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a title residents will see');
  await expectAccessible(page, 'the questionnaire form with an error');
  await page.getByLabel('Title residents will see').fill('Lewsey Festival: how safe do you feel?');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByText('Questionnaire set up')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lewsey Festival: how safe do you feel?' })).toBeVisible();
  await visit(page, '/consultation/no-such-questionnaire/kiosk');
  await expectPage(page, 'That questionnaire cannot be found');
});
