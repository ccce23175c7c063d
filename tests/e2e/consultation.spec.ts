// A consultation stall where residents may want to hear back: the organiser
// adds the consent question and the contact question; contact details are
// kept only from residents who tick yes, never appear among the
// suggestions, and the kiosk shows nothing of the last resident.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, expectTouchTargets, leaveKiosk, openDemo, setIdentity, startKiosk, visit } from './helpers';

const TITLE = 'How safe do you feel in High Town?';

test('contact details are asked only after consent and kept only from residents who agree @tablet @landscape', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Community Safety Officer', 'Luton Council');
  await visit(page, '/consultation');
  await expectPage(page, 'Resident consultation');
  const section = page.getByRole('region', { name: TITLE });
  await expect(section).toContainText('It collects no names or contact details.');
  await section.getByRole('button', { name: 'Add questions for residents who want a reply' }).click();
  await expect(page.getByText('Contact questions added')).toBeVisible();
  await expectSaved(page);
  await expect(section.getByText('Residents who asked for a reply (0)')).toBeVisible();
  await expectAccessible(page, 'a questionnaire asking for contact details');

  await startKiosk(page, TITLE);
  // Nothing leads a resident from the questionnaire into the plan.
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link')).toHaveCount(0);
  const contact = page.getByLabel('Your email address or phone number');
  // Not asked until the resident agrees.
  await expect(contact).toHaveCount(0);
  await page.getByLabel('Yes, contact me').check();
  await expect(contact).toBeVisible();
  await expectAccessible(page, 'the kiosk asking for contact details');
  await expectTouchTargets(page, 'main', 'the kiosk asking for contact details');
  await page.getByRole('group', { name: 'How safe do you feel in your area?' }).getByLabel('3').check();
  await contact.fill('resident.one@example.org');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();

  // The next resident sees none of it, and changes their mind: they type
  // details, then untick; nothing of theirs is kept.
  await page.getByRole('button', { name: 'Next person' }).click();
  await expect(page.getByLabel('Yes, contact me')).not.toBeChecked();
  await expect(contact).toHaveCount(0);
  await page.getByLabel('Yes, contact me').check();
  await expect(contact).toHaveValue('');
  await contact.fill('changed.my.mind@example.org');
  await page.getByLabel('Yes, contact me').uncheck();
  await expect(contact).toHaveCount(0);
  await page.getByRole('group', { name: 'How safe do you feel in your area?' }).getByLabel('4').check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectSaved(page);

  await leaveKiosk(page);
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeVisible();
  await section.getByText('Residents who asked for a reply (1)').click();
  await expect(section.locator('.govuk-details__text')).toContainText('resident.one@example.org');
  await expect(page.getByText('changed.my.mind@example.org')).toHaveCount(0);
  await expect(section.locator('ul.govuk-list--bullet')).not.toContainText('resident.one@example.org');
  await expectAccessible(page, 'the contact details residents left');
});
