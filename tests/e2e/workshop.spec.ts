// Workshop mode on a tablet passed round the room: partners sense-check
// the assessed priorities with dots, or work through one priority's root
// causes and responses, and the facilitator shows the results.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectTouchTargets, openDemo, setIdentity, visit } from './helpers';

const DAY = 86_400;

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

  // Participant 1: three dots on knife crime, and then "+" is off.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add a dot to Knife crime' }).click();
  await expect(page.locator('#dots-left')).toHaveText('0 of 3 dots left');
  await expect(page.getByRole('button', { name: 'Add a dot to Knife crime' })).toBeDisabled();
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

test('a participant cannot place more dots than allowed, and the room sees no menu or backup reminder @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  // A backup is due: the organiser sees the reminder on their own pages.
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('safer-plan.last-workspace') ?? 'null'));
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [`safer-plan.backup.${id}`, JSON.stringify({ since: Math.floor(Date.now() / 1000) - 8 * DAY, backed_up: true, changes: 3 })],
  );
  await visit(page, '/workshops');
  await page.reload();
  await expectPage(page, 'Partner workshops');
  await expect(page.getByRole('region', { name: 'Backup due' })).toBeVisible();
  await page.getByLabel('Title').fill('March partner workshop');
  await page.getByRole('button', { name: 'Set up workshop' }).click();
  await expectPage(page, 'March partner workshop');

  // In front of participants: no menu, no section links, no reminder.
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: /Pages in/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Backup due' })).toHaveCount(0);

  // One dot each on three issues uses them all: every "+" is off, the counter stays at 0.
  const issues = ['Knife crime', 'Domestic abuse', 'Hate crime'];
  await expect(page.getByRole('button', { name: 'Take a dot from Knife crime' })).toBeDisabled();
  for (const issue of issues) await page.getByRole('button', { name: `Add a dot to ${issue}` }).click();
  await expect(page.locator('#dots-left')).toHaveText('0 of 3 dots left');
  for (const issue of [...issues, 'Drug-related harm']) {
    await expect(page.getByRole('button', { name: `Add a dot to ${issue}` })).toBeDisabled();
  }
  await expectAccessible(page, 'a ballot with every dot placed');
  await expectTouchTargets(page, 'main', 'a ballot with every dot placed');
  // Taking one back frees "+" again.
  await page.getByRole('button', { name: 'Take a dot from Hate crime' }).click();
  await expect(page.locator('#dots-left')).toHaveText('1 of 3 dots left');
  await expect(page.getByRole('button', { name: 'Add a dot to Drug-related harm' })).toBeEnabled();
  await page.getByRole('button', { name: 'Add a dot to Drug-related harm' }).click();
  await page.getByRole('button', { name: 'Save my votes' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you, participant 1' })).toBeVisible();

  // Back on the organiser's pages, the menu and the reminder return.
  await page.getByRole('link', { name: 'All workshops' }).click();
  await expectPage(page, 'Partner workshops');
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backup due' })).toBeVisible();
});
