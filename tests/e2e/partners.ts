// Partners on devices of their own: each is a fresh browser context with its
// own storage, exactly as separate laptops are, exchanging downloaded files.
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { expectSaved, openDemo, setIdentity, sharePage } from './helpers';

export const PARTNERSHIP = 'Luton Community Safety Partnership';
// Identities must match member names in core/src/demo/structure.rs exactly, so
// the Share page leaves the person's own organisation out of its list.
export const COUNCIL = 'Luton Council';
export const POLICE = 'Bedfordshire Police';

/** A partner on a device of their own, with their identity set (and the demo open unless `demo` is false). */
export async function partner(browser: Browser, name: string, organisation: string, demo = true): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (demo) await openDemo(page);
  await setIdentity(page, name, organisation);
  return page;
}

export interface Sent {
  path: string;
  name: string;
}

let saved = 0;
/** Keeps a download under the name the app gave it, as the partner receives it. */
export async function keep(file: Download): Promise<Sent> {
  const name = file.suggestedFilename();
  const path = test.info().outputPath(`partners-${++saved}`, name);
  await file.saveAs(path);
  return { path, name };
}

/** Makes a file for `to` from the Share page, with what the page chooses by default. */
export async function sendTo(page: Page, to: string): Promise<Sent> {
  await sharePage(page);
  await page.getByLabel('Who is the file for?').selectOption(to);
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download file for ${to}`, exact: true }).click();
  const sent = await keep(await waiting);
  await expect(page.locator('#sent-confirmation')).toContainText(sent.name);
  return sent;
}

/**
 * The council sends the whole demo partnership to the police, who open it
 * as a partnership of their own: from then on both copies are the same
 * partnership and exchange changes.
 */
export async function sharedPartnership(browser: Browser): Promise<{ council: Page; police: Page }> {
  const council = await partner(browser, 'Jo Coordinator', COUNCIL);
  const whole = await sendTo(council, POLICE);
  const police = await partner(browser, 'Sam Inspector', POLICE);
  await sharePage(police);
  await police.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(whole.path);
  await police.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expect(police.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  await expectSaved(police);
  return { council, police };
}
