// A consultation stall residents cannot break: the organiser words the
// worries residents see, starts kiosk mode with a PIN (or none), and only
// the organiser can leave it, back to their results.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, openDemo, setIdentity, startKiosk, visit } from './helpers';

const TITLE = 'How safe do you feel in High Town?';
const REWORDED = 'People leaving prison and committing crime again';

test('residents see the organiser’s words for each worry, and leaving kiosk mode needs the PIN @tablet', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  await page.getByRole('region', { name: TITLE }).getByRole('link', { name: 'Word the worries residents see' }).click();
  await expectPage(page, 'Word the worries residents see');
  await expect(page.getByLabel('Words for Reducing Re-offending')).toHaveValue('Reducing Re-offending');
  await expectAccessible(page, 'the worry wording form');

  // Two worries worded alike would be one choice to a resident.
  await page.getByLabel('Words for Reducing Re-offending').fill('Extremism');
  await page.getByRole('button', { name: 'Save wording' }).click();
  await expect(page.getByRole('alert')).toContainText('Words for Reducing Re-offending are the same as another worry’s');
  await expectAccessible(page, 'the worry wording form with an error');
  await page.getByLabel('Words for Reducing Re-offending').fill(REWORDED);
  await page.getByRole('button', { name: 'Save wording' }).click();
  await expect(page.getByText('Wording saved')).toBeVisible();
  await expectPage(page, 'Resident consultation');
  await expectSaved(page);

  await page.getByRole('region', { name: TITLE }).getByRole('link', { name: 'Open kiosk mode' }).click();
  await expectPage(page, 'Start kiosk mode');
  await expectAccessible(page, 'starting kiosk mode');
  await page.getByLabel('PIN to leave kiosk mode (optional)').fill('12');
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expect(page.getByRole('alert')).toContainText('PIN must be 4 to 8 numbers, or leave it blank');
  await page.getByLabel('PIN to leave kiosk mode (optional)').fill('2468');
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expectPage(page, TITLE);

  // The resident reads the organiser's words and Luton's own postcode example.
  await expect(page.getByLabel(REWORDED)).toBeVisible();
  await expect(page.getByLabel('Reducing Re-offending')).toHaveCount(0);
  await expect(page.getByText('For example, LU1. Only this part is kept, never your full postcode')).toBeVisible();
  await expectAccessible(page, 'kiosk mode with reworded worries');
  await expectTouchTargets(page, 'main', 'kiosk mode with a PIN');
  await page.getByLabel(REWORDED).check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectSaved(page);

  // Back, an address typed in, or a reload: still the questionnaire, with no menu.
  await page.goBack();
  await expectPage(page, TITLE);
  await visit(page, '/actions');
  await expectPage(page, TITLE);
  await page.reload();
  await expectPage(page, TITLE);
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  const pin = page.getByLabel('Organiser’s PIN');
  await expect(pin).toBeFocused();
  await pin.fill('1111');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(page.getByText('The PIN is not right. Ask the organiser to enter it')).toBeVisible();
  await expectPage(page, TITLE);
  await expectAccessible(page, 'a wrong PIN');
  await pin.fill('2468');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();

  // Back on the organiser's results, where the answer counts for the theme.
  await expectPage(page, 'Resident consultation');
  await expect(page.getByText('You have left kiosk mode')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeVisible();
  const row = page.getByRole('region', { name: TITLE }).getByRole('row', { name: /Reducing Re-offending/ });
  await expect(row).toContainText(`Residents saw “${REWORDED}”`);
  await expectAccessible(page, 'the results after kiosk mode');
  await visit(page, '/actions');
  await expectPage(page, 'Action plan');
});

test('without a PIN, leaving kiosk mode takes a 3-second hold and a confirmation @tablet', async ({ page }) => {
  await openDemo(page);
  await startKiosk(page, TITLE, '');
  const leave = page.getByRole('button', { name: 'Leave kiosk mode' });

  // A tap only says how.
  await leave.click();
  await expect(page.getByText('Keep pressing for 3 seconds to leave.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Leave kiosk mode?' })).toHaveCount(0);

  // Let go too soon: nothing.
  await leave.hover();
  await page.mouse.down();
  await expect(page.getByText('Keep holding…')).toBeVisible();
  await page.waitForTimeout(1_500);
  await page.mouse.up();
  await page.waitForTimeout(2_000);
  await expect(page.getByRole('heading', { name: 'Leave kiosk mode?' })).toHaveCount(0);

  // Held for 3 seconds: asked to confirm, and "no" stays.
  await leave.hover();
  await page.mouse.down();
  await expect(page.getByRole('heading', { name: 'Leave kiosk mode?' })).toBeVisible({ timeout: 5_000 });
  await page.mouse.up();
  await expectAccessible(page, 'confirming leaving kiosk mode');
  await expectTouchTargets(page, 'main', 'confirming leaving kiosk mode');
  await page.getByRole('button', { name: 'No, stay in kiosk mode' }).click();
  await expectPage(page, TITLE);

  // By keyboard: Enter held down.
  await leave.focus();
  await page.keyboard.down('Enter');
  await expect(page.getByRole('heading', { name: 'Leave kiosk mode?' })).toBeVisible({ timeout: 5_000 });
  await page.keyboard.up('Enter');
  await page.getByRole('button', { name: 'Yes, leave kiosk mode' }).click();
  await expectPage(page, 'Resident consultation');
  await expect(page.getByText('You have left kiosk mode')).toBeVisible();
});

test('the postcode question gives no example for an area it does not know', async ({ page }) => {
  await page.goto('/');
  await setIdentity(page, 'Community Safety Officer', 'Central Bedfordshire Council');
  await visit(page, '/workspaces/new');
  await expectPage(page, 'Start a new partnership');
  await page.getByLabel('Name of the partnership').fill('Dunstable Community Safety Partnership');
  await page.getByLabel('Area it covers (optional)').fill('Central Bedfordshire');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Dunstable Community Safety Partnership');
  // A first priority, from the assessment, for residents to choose.
  await visit(page, '/assessment');
  await page.getByRole('button', { name: "Start this year's assessment" }).click();
  await page.getByRole('link', { name: 'Add an issue' }).click();
  await page.getByLabel('Issue', { exact: true }).fill('Knife crime');
  await page.getByRole('button', { name: 'Save scores' }).click();
  await expectPage(page, 'Strategic assessment');
  await page.getByRole('button', { name: /Make a priority theme\s?: Knife crime/ }).click();
  await expect(page.getByText('Priority theme added to the plan')).toBeVisible();

  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  await page.getByLabel('Title residents will see').fill('How safe do you feel in Dunstable?');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByText('Questionnaire set up')).toBeVisible();
  await page.getByRole('region', { name: 'How safe do you feel in Dunstable?' }).getByRole('link', { name: 'Open kiosk mode' }).click();
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await expectPage(page, 'How safe do you feel in Dunstable?');
  await expect(page.getByLabel('Knife crime')).toBeVisible();
  const postcode = page.getByLabel('The first part of your postcode (optional)');
  await expect(postcode).toBeVisible();
  await expect(page.getByText('Only this part is kept, never your full postcode')).toBeVisible();
  await expect(page.getByText(/For example/)).toHaveCount(0);
  await expect(page.getByText('LU1')).toHaveCount(0);
  await expectAccessible(page, 'kiosk mode for an area with no postcode example');
});

test('a questionnaire with no worries to pick from is not opened to residents, and the organiser is told why', async ({ page }) => {
  await page.goto('/');
  await setIdentity(page, 'Community Safety Officer', 'Central Bedfordshire Council');
  await visit(page, '/workspaces/new');
  await page.getByLabel('Name of the partnership').fill('Dunstable Community Safety Partnership');
  await page.getByRole('button', { name: 'Create partnership' }).click();
  await expectPage(page, 'Dunstable Community Safety Partnership');
  // No priority themes yet, so the worries question has nothing to pick from.
  await visit(page, '/consultation');
  await page.getByLabel('Title residents will see').fill('How safe do you feel in Dunstable?');
  await page.getByRole('button', { name: 'Set up questionnaire' }).click();
  await expect(page.getByText('Questionnaire set up')).toBeVisible();
  await page.getByRole('region', { name: 'How safe do you feel in Dunstable?' }).getByRole('link', { name: 'Open kiosk mode' }).click();
  await expectPage(page, 'Start kiosk mode');
  const notReady = 'This questionnaire is not ready for residents yet';
  const why = 'A “pick from a list” question has nothing to pick from. Add its options first.';
  const summary = page.getByRole('alert').filter({ hasText: notReady });
  await expect(summary.getByRole('heading', { name: notReady })).toBeVisible();
  await expect(summary).toContainText(why);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Start kiosk mode' })).toHaveCount(0);
  await expectAccessible(page, 'starting kiosk mode on a questionnaire that is not ready');

  // The questionnaire's own address says the same, and keeps no kiosk lock.
  await page.goto(page.url().replace(/\/start$/, '/kiosk'));
  await expectPage(page, 'How safe do you feel in Dunstable?');
  await expect(page.getByRole('alert').filter({ hasText: notReady })).toContainText(why);
  await expect(page.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);
  await expectAccessible(page, 'a questionnaire that is not ready');
  await page.getByRole('link', { name: 'Back' }).click();
  await expectPage(page, 'Resident consultation');
});
