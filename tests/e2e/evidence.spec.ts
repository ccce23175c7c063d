// What partners' sense-check workshops and residents' questionnaires said
// feeds the strategic assessment: the evidence issue by issue, and a public
// concern score suggested from residents' worries, which the analyst
// chooses to use and saves.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, leaveKiosk, openDemo, setIdentity, startKiosk, visit } from './helpers';

test('a resident’s answer and a partner’s dots change the evidence, and the suggested public concern score lifts an issue @tablet', async ({
  page,
}) => {
  test.slow();
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByRole('heading', { name: 'What workshops and residents said' })).toBeVisible();
  const said = page.getByRole('region', { name: 'Domestic abuse' });
  await expect(said).toContainText(
    'Partners’ sense-check of the assessment, February 2020: ranked 2nd of 7 (6 dots from 4 of 10 participants)',
  );
  await expect(said).toContainText(
    '“How safe do you feel in High Town?”: 4 of 12 residents who answered (33%) said this worries them',
  );
  await expect(said).toContainText('Residents’ answers suggest a public concern score of 3; it is scored 2.');
  // Residents were not offered knife crime by name, so only the workshop speaks for it.
  const knife = page.getByRole('region', { name: 'Knife crime' });
  await expect(knife).toContainText('ranked 1st of 7 (8 dots from 5 of 10 participants)');
  await expect(knife).not.toContainText('residents');
  const ranking = page.getByRole('table', { name: 'Issues ranked, 2020-21' });
  const daRank = ranking.getByRole('row', { name: /Domestic abuse/ }).locator('td').first();
  await expect(daRank).toHaveText('4');
  await expectAccessible(page, 'the assessment with what workshops and residents said');

  // A resident at the High Town stall worries about domestic abuse.
  await startKiosk(page, 'How safe do you feel in High Town?');
  await page.getByRole('group', { name: 'How safe do you feel in your area?' }).getByLabel('2').check();
  await page.getByLabel('Domestic Abuse').check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await leaveKiosk(page);

  // A partner who missed the workshop places their three dots afterwards.
  await visit(page, '/workshops');
  await expectPage(page, 'Partner workshops');
  await page.getByRole('link', { name: /sense-check of the assessment/ }).click();
  await expectPage(page, 'Partners’ sense-check of the assessment, February 2020');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add a dot to Domestic abuse' }).click();
  await page.getByRole('button', { name: 'Save my votes' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, participant 11' })).toBeVisible();
  await expectSaved(page);

  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await expect(said).toContainText('ranked 1st of 7 (9 dots from 5 of 11 participants)');
  await expect(said).toContainText('5 of 13 residents who answered (38%) said this worries them');
  await expect(knife).toContainText('ranked 2nd of 7 (8 dots from 5 of 11 participants)');
  await expect(daRank).toHaveText('4');
  await expectAccessible(page, 'the assessment after a new response and new votes');

  // The suggestion fills the field, but nothing is stored until the form is saved.
  await said.getByRole('link', { name: 'Domestic abuse' }).click();
  await expectPage(page, 'Score Domestic abuse');
  const concern = page.getByRole('group', { name: 'Public concern' });
  const residents = page.locator('#public_concern-evidence');
  await expect(concern.getByLabel('2')).toBeChecked();
  await expect(residents).toContainText('5 of 13 residents who answered (38%) said this worries them');
  await expect(residents).toContainText('Suggested score: 3 (38% of the 13 residents who answered).');
  await expectAccessible(page, 'the scoring form with what residents said');
  await page.getByRole('button', { name: 'Use the suggested score (3)' }).click();
  await expect(concern.getByLabel('3')).toBeChecked();
  await expect(concern.getByLabel('2')).not.toBeChecked();
  await expectAccessible(page, 'the scoring form with the suggested score chosen');
  await page.getByRole('link', { name: 'Back to the assessment' }).click();
  await expectPage(page, 'Strategic assessment');
  await expect(said).toContainText('it is scored 2.');

  await said.getByRole('link', { name: 'Domestic abuse' }).click();
  await expectPage(page, 'Score Domestic abuse');
  await page.getByRole('button', { name: 'Use the suggested score (3)' }).click();
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expect(page.getByText('Scores saved')).toBeVisible();
  await expectPage(page, 'Strategic assessment');
  // 37 points: level with drug-related harm, so they share 3rd (listed first, with more harm).
  await expect(daRank).toHaveText('3');
  await expect(ranking.getByRole('row', { name: /Drug-related harm/ }).locator('td').first()).toHaveText('3');
  await expect(said).toContainText('Residents’ answers suggest a public concern score of 3, as scored.');
  await expectSaved(page);
  await expectAccessible(page, 'the assessment after using the suggested score');
});

test('an issue nobody mentioned shows no evidence, and typing a name residents were offered finds what they said', async ({
  page,
}) => {
  await openDemo(page);
  await setIdentity(page, 'Business Intelligence Analyst', 'Luton Council');
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await page.getByRole('link', { name: 'Add an issue' }).click();
  await expectPage(page, 'Add an issue');
  const issue = page.getByLabel('Issue', { exact: true });
  const residents = page.locator('#public_concern-evidence');
  await issue.fill('Fly-tipping');
  await expect(residents).toHaveCount(0);
  // Residents were offered the theme "Youth Offending"; case and spacing do not matter.
  await issue.fill('  youth   OFFENDING ');
  await expect(residents).toContainText('1 of 12 residents who answered (8%) said this worries them');
  await expect(residents).toContainText('Suggested score: 1 (8% of the 12 residents who answered).');
  await expectAccessible(page, 'a new issue with what residents said');
  await issue.fill('Fly-tipping');
  await expect(residents).toHaveCount(0);
  // Placed under a priority theme, the theme's residents count too.
  const theme = page.getByLabel('Priority theme it comes under (optional)');
  await theme.selectOption({ label: 'Youth Offending' });
  await expect(residents).toContainText('1 of 12 residents who answered (8%) said this worries them');
  await expectAccessible(page, 'an issue placed under a theme');
  await theme.selectOption({ label: 'None yet' });
  await expect(residents).toHaveCount(0);
  await page.getByRole('group', { name: 'Public concern' }).getByLabel('4').check();
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expect(page.getByText('Scores saved')).toBeVisible();
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByRole('row', { name: /Fly-tipping/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Fly-tipping' })).toHaveCount(0);
});

test('a new partnership’s assessment says once that no workshop or resident has mentioned its issues', async ({ page }) => {
  await page.goto('/');
  await expectPage(page, "Plan and account for your partnership's work");
  await setIdentity(page, 'Community Safety Officer', 'Central Bedfordshire Council');
  await visit(page, '/workspaces/new');
  await expectPage(page, 'Start a new partnership');
  await page.getByLabel('Name of the partnership').fill('Dunstable Community Safety Partnership');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Dunstable Community Safety Partnership');
  await visit(page, '/assessment');
  await expectPage(page, 'Strategic assessment');
  await page.getByRole('button', { name: "Start this year's assessment" }).click();
  await page.getByRole('link', { name: 'Add an issue' }).click();
  await expectPage(page, 'Add an issue');
  await page.getByLabel('Issue', { exact: true }).fill('Knife crime');
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expect(page.getByText('Scores saved')).toBeVisible();
  await expectPage(page, 'Strategic assessment');
  await expect(page.getByText('No sense-check workshop or resident questionnaire has mentioned these issues yet.')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Knife crime' })).toHaveCount(0);
  await expectAccessible(page, 'an assessment nobody has commented on');
});
