// First run: choose the demo or a new partnership; the demo is the Luton
// plan with its seven priority themes and thirteen actions.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, visit } from './helpers';

test('first run offers the demo or a new partnership @tablet', async ({ page }) => {
  await page.goto('/');
  await expectPage(page, "Plan and account for your partnership's work");
  await expect(page).toHaveTitle('Welcome – Safer Plan');
  await expect(page.getByRole('button', { name: 'Explore the demo partnership' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start a new partnership' })).toBeVisible();
  await expectAccessible(page, 'the welcome page');
});

test('the demo partnership has the plan, its 7 themes and 13 actions @tablet', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByText('The demo partnership is ready to explore')).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  const themes = page.getByRole('table', { name: 'Priority themes and their actions' }).getByRole('rowheader');
  await expect(themes).toHaveText([
    'Violence & Exploitation',
    'Youth Offending',
    'Extremism',
    'Town Centre & Neighbourhood Crime',
    'Reducing Re-offending',
    'Drugs / alcohol / mental health',
    'Domestic Abuse',
    'Cross-cutting actions (no theme)',
  ]);
  for (const value of ['Trust', 'Accountability', 'Delivery', 'Outcomes', 'Collaboration']) {
    await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${value}$`) })).toBeVisible();
  }
  await expectAccessible(page, 'the plan overview');

  await page.getByRole('link', { name: 'See all actions' }).click();
  await expectPage(page, 'Action plan 2019-20');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
  await expectAccessible(page, 'the action list');
});

test('a theme page shows its lead, aims, commitments and actions', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('link', { name: 'Youth Offending', exact: true }).click();
  await expectPage(page, 'Youth Offending');
  await expect(page.getByText('Head of Youth Offending Service, Luton Council').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What we aim to achieve' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What we will do' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Measured quarterly through' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Review of the strategic position in relation to youth violence/ })).toBeVisible();
  await expectAccessible(page, 'a theme page');
});

test('the demo stays after the tab is closed and reopened', async ({ page, context }) => {
  await openDemo(page);
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await expectPage(again, 'Luton Community Safety Partnership');
  await visit(again, '/actions');
  await expect(again.getByText('Showing all 13 actions')).toBeVisible();
});
