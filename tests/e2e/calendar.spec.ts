// The partnership calendar: meetings and awareness campaigns, downloaded as
// an .ics file that Outlook opens.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

test('a manager adds the next executive meeting and sends the calendar to Outlook', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expectPage(page, 'Calendar');
  await expect(page.getByRole('table', { name: 'Past meetings and campaigns' })).toContainText('Hate Crime Awareness Week');
  await expect(page.getByRole('cell', { name: '12 to 19 October 2019', exact: true })).toBeVisible();
  await expectAccessible(page, 'the calendar');

  await page.getByRole('link', { name: 'Add a meeting or campaign' }).click();
  await expectPage(page, 'Add a meeting or campaign');
  await page.getByLabel('Date', { exact: true }).fill('2099-04-28');
  await page.getByLabel('Start time (optional)').fill('25:00');
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a title for the meeting or campaign' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter a time in 24-hour format, like 09:30 or 14:00' })).toBeVisible();
  await expectAccessible(page, 'the calendar form with errors');

  await page.getByLabel('Title').fill('Community Safety Partnership Executive');
  await page.getByLabel('Start time (optional)').fill('10:00');
  await page.getByLabel('Where (optional)').fill('Luton Town Hall');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Added to the calendar')).toBeVisible();
  const upcoming = page.getByRole('table', { name: 'Coming up' });
  await expect(upcoming).toContainText('28 April 2099, 10:00');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for Outlook (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Luton-Community-Safety-Partnership-calendar.ics');
  const ics = await readFile((await file.path()) as string, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(ics).toContain('SUMMARY:Community Safety Partnership Executive');
  expect(ics).toContain('DTSTART:20990428T100000');
  expect(ics).toContain('DTSTART;VALUE=DATE:20191012');

  await page.reload();
  await upcoming.getByRole('link', { name: /Edit Community Safety Partnership Executive/ }).click();
  await expectPage(page, 'Edit a meeting or campaign');
  await expectAccessible(page, 'the calendar edit form');
  await page.getByLabel('Start time (optional)').fill('14:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Calendar updated')).toBeVisible();
  await expect(upcoming).toContainText('28 April 2099, 14:00');

  await upcoming.getByRole('link', { name: /Remove Community Safety Partnership Executive/ }).click();
  await expectPage(page, /Remove Community Safety Partnership Executive/);
  await expectAccessible(page, 'the remove confirmation');
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByText('Removed from the calendar')).toBeVisible();
  await expect(page.getByText('Nothing is planned yet.')).toBeVisible();
});
