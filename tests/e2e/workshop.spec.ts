// Workshop mode on a tablet passed round the room: partners sense-check
// the assessed priorities with dots, or work through one priority's root
// causes and responses, and the facilitator shows the results.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectTouchTargets, openDemo, setIdentity, visit } from './helpers';

test('participants place their dots in turn and the results rank the issues @tablet @landscape', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/workshops');
  await expectPage(page, 'Partner workshops');
  await page.getByRole('button', { name: 'Set up workshop' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a title');
  await expectAccessible(page, 'the workshop set-up with an error');
  await page.getByLabel('Title').fill('February partner workshop');
  await page.getByRole('button', { name: 'Set up workshop' }).click();
  await expectPage(page, 'February partner workshop');
  await expectAccessible(page, 'workshop voting');
  await expectTouchTargets(page, 'main', 'workshop voting');

  // The facilitator fills the screen before passing the tablet round.
  await page.getByRole('button', { name: 'Use the full screen' }).click();
  await expect(page.getByRole('button', { name: 'Leave full screen' })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

  // Participant 1: three dots on knife crime... one too many is refused by the counter.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add a dot to Knife crime' }).click();
  await expect(page.locator('#dots-left')).toHaveText('0 of 3 dots left');
  await page.getByRole('button', { name: 'Save my votes' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, participant 1' })).toBeVisible();
  await expectTouchTargets(page, 'main', 'the thank-you screen between participants');
  await page.getByRole('button', { name: 'Next participant' }).click();
  await expect(page.locator('#dots-left')).toHaveText('3 of 3 dots left');

  // Participant 2 splits their dots.
  await page.getByRole('button', { name: 'Add a dot to Domestic abuse' }).click();
  await page.getByRole('button', { name: 'Add a dot to Domestic abuse' }).click();
  await page.getByRole('button', { name: 'Add a dot to Knife crime' }).click();
  await page.getByRole('button', { name: 'Save my votes' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, participant 2' })).toBeVisible();

  await page.getByRole('button', { name: 'Results' }).click();
  await expect(page.getByText('2 participants voted.')).toBeVisible();
  const first = page.locator('#workshop-results tbody tr').first();
  await expect(first).toContainText('Knife crime');
  await expect(first).toContainText('4');
  await expectAccessible(page, 'workshop results');
  await page.reload();
  await page.getByRole('button', { name: 'Results' }).click();
  await expect(page.getByText('2 participants voted.')).toBeVisible();
});

test('a problem-solving workshop captures causes by the triangle, then responses, then votes', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Inspector', 'Bedfordshire Police');
  await visit(page, '/workshops');
  await expectPage(page, 'Partner workshops');
  await page.getByLabel('Title').fill('High Town Joint Action Group');
  await page.getByLabel('Problem-solving for one priority').check();
  await page.getByRole('button', { name: 'Set up workshop' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the priority the workshop will work on');
  await page.getByLabel('Priority (for problem-solving)').selectOption({ label: 'Town Centre & Neighbourhood Crime' });
  await page.getByRole('button', { name: 'Set up workshop' }).click();
  await expectPage(page, 'High Town Joint Action Group');
  await expect(page.getByText('Where and when does it happen')).toBeVisible();
  await page.getByLabel('Add: location').fill('Unlit alleyways off Mussons Path');
  await page.getByLabel('Add: location').press('Enter');
  await expect(page.getByRole('region', { name: 'Location' })).toContainText('Unlit alleyways off Mussons Path');
  await expectAccessible(page, 'root causes');
  await page.getByRole('button', { name: 'Responses' }).click();
  await page.getByLabel('Add: response').fill('Fence off Mussons Path');
  await page.getByLabel('Add: response').press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Fence off Mussons Path' })).toBeVisible();
  await page.getByRole('button', { name: 'Vote' }).click();
  await page.getByRole('button', { name: 'Add a dot to Fence off Mussons Path' }).click();
  await page.getByRole('button', { name: 'Save my votes' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, participant 1' })).toBeVisible();
  await expectTouchTargets(page, 'main', 'the thank-you screen between participants');
  await page.getByRole('button', { name: 'Results' }).click();
  await expect(page.locator('#workshop-results')).toContainText('Fence off Mussons Path');
});
