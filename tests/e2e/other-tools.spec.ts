// Partnership files made or changed outside Safer Plan: a plan another
// Automerge tool edited with plain JavaScript strings merges like a
// partner's file, and a file protected with rage in ASCII armour opens with
// its passphrase.
import { readFileSync, writeFileSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import { type Page, expect, test } from '@playwright/test';
import { expectAccessible, expectPage, expectSaved, openDemo, setIdentity, sharePage, visit } from './helpers';

const PARTNERSHIP = 'Luton Community Safety Partnership';
const TITLE = 'Review the youth violence strategy with the VERU (edited in a script)';
const NARRATIVE = 'The analyst updated this from the police data with a script.';

/** Opens the demo as Jo from Luton Council and downloads it from the Share
 * page as an `.automerge` file, loaded with @automerge/automerge as an
 * analyst's script would. */
async function downloadDemo(page: Page): Promise<Automerge.Doc<any>> {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await sharePage(page);
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Automerge document (.automerge)' }).click();
  const download = await waiting;
  return Automerge.load<any>(new Uint8Array(readFileSync((await download.path()) as string)));
}

test('a plan edited with another Automerge tool merges through the Share page', async ({ page }) => {
  const doc = await downloadDemo(page);

  // An analyst's script edits the download with @automerge/automerge, as
  // any JavaScript developer would: plain strings and numbers.
  const edited = Automerge.change(doc, { message: 'Updated from the police data', time: 1_700_000_000 }, (d) => {
    d.actions['action-04'].title = TITLE;
    d.actions['action-04'].progress['script-1'] = {
      id: 'script-1',
      date: '2020-03-25',
      status: 'at-risk',
      narrative: NARRATIVE,
      author_name: 'Analyst',
      author_organisation: 'Bedfordshire Police',
      recorded_at: 1_585_094_400,
    };
  });
  const path = test.info().outputPath('edited-with-a-script.automerge');
  writeFileSync(path, Automerge.save(edited));

  await sharePage(page);
  await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(path);
  const incoming = page.locator('#incoming');
  await expect(incoming).toContainText('What edited-with-a-script.automerge would change');
  await expect(incoming.getByRole('table', { name: 'Changes in the file' })).toContainText('Updated from the police data');
  await expectAccessible(page, 'the preview of a file another tool changed');
  await incoming.getByRole('button', { name: 'Merge 1 change' }).click();
  await expectPage(page, PARTNERSHIP);
  await expect(page.getByText('1 change merged from edited-with-a-script.automerge')).toBeVisible();
  await expectSaved(page);

  await visit(page, '/actions/action-04');
  await expectPage(page, TITLE);
  await expect(page.locator('.app-timeline')).toContainText(NARRATIVE);
  await expect(page.locator('.app-timeline')).toContainText('At risk');
  await expectAccessible(page, 'the action another tool changed');
});

test("an analyst's script of 120 changes is previewed 50 changes at a time and merges whole", async ({ page }) => {
  let doc = await downloadDemo(page);

  // The script retitles action 4 once a minute for two hours, one change each.
  for (let i = 1; i <= 120; i++) {
    doc = Automerge.change(doc, { message: `Scripted retitle ${i}`, time: 1_700_000_000 + 60 * i }, (d) => {
      d.actions['action-04'].title = `${TITLE}, pass ${i}`;
    });
  }
  const path = test.info().outputPath('retitled-by-a-script.automerge');
  writeFileSync(path, Automerge.save(doc));

  await sharePage(page);
  await page.getByLabel('Choose the file a partner sent, or a backup').setInputFiles(path);
  const incoming = page.locator('#incoming');
  await expect(incoming).toContainText('What retitled-by-a-script.automerge would change');
  const rows = incoming.getByRole('table', { name: 'Changes in the file' }).locator('tbody tr');
  await expect(incoming.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing the first 50 of 120 changes');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Scripted retitle 1');
  await expect(incoming.getByRole('button', { name: 'Show all 120 changes' })).toBeVisible();
  await expectAccessible(page, 'the preview of a file of 120 changes');

  await incoming.getByRole('button', { name: 'Show the next 50 changes' }).click();
  await expect(rows).toHaveCount(100);
  await expect(incoming.getByRole('button', { name: 'Show all 120 changes' })).toHaveCount(0);
  await incoming.getByRole('button', { name: 'Show the last 20 changes' }).click();
  await expect(rows).toHaveCount(120);
  await expect(rows.last()).toContainText('Scripted retitle 120');
  await expect(incoming.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing all 120 changes');
  await expect(incoming.getByRole('button', { name: /^Show / })).toHaveCount(0);

  await incoming.getByRole('button', { name: 'Merge 120 changes' }).click();
  await expect(page.getByText('120 changes merged from retitled-by-a-script.automerge')).toBeVisible();
  await expectSaved(page);
  await visit(page, '/actions/action-04');
  await expectPage(page, `${TITLE}, pass 120`);
});

test('a partnership protected with rage in ASCII armour opens with its passphrase', async ({ page }) => {
  await openDemo(page);
  await setIdentity(page, 'Jo Coordinator', 'Luton Council');
  await sharePage(page);
  await page
    .getByLabel('Choose the file a partner sent, or a backup')
    .setInputFiles('tests/fixtures/realworld/partnership-rage-armored.saferplan');
  const incoming = page.locator('#incoming');
  await expect(incoming).toContainText('partnership-rage-armored.saferplan is protected with a passphrase');
  // Safer Plan's own setting (2^15): quick, so no warning about the wait.
  await expect(page.locator('#slow-to-open')).toHaveCount(0);
  await expectAccessible(page, 'a protected file waiting for its passphrase');

  await page.getByLabel('Passphrase', { exact: true }).fill('river lamp orchard eight');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'That passphrase does not open this file.',
  );
  await expectAccessible(page, 'a wrong passphrase');

  await page.getByLabel('Passphrase', { exact: true }).fill('river lamp orchard seven');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(incoming).toContainText(/is for .+, not the partnership open now/);
  await incoming.getByRole('button', { name: /^Open .+ as a partnership on this device$/ }).click();
  await expect(page.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  await expectSaved(page);
});

test('a file protected with a stronger setting than Safer Plan uses says how long opening will take, then opens', async ({
  browser,
}) => {
  // Protected at 2^20 with age, as rage may do on a fast desktop
  // (tests/age_cli.rs writes it): 1 GiB of scrypt memory, the most a
  // browser can give. The file worker is given that memory for this file
  // only, then retired, on a device that has never run Safer Plan.
  test.setTimeout(240_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Open a file from a partner' }).click();
  await expectPage(page, 'Open a file from a partner');
  const choose = page.getByLabel('Choose the file a partner sent, or a backup');
  await choose.setInputFiles('tests/fixtures/protected-work-factor-20.saferplan');
  const incoming = page.locator('#incoming');
  await expect(incoming).toContainText('protected-work-factor-20.saferplan is protected with a passphrase');
  await expect(page.locator('#slow-to-open')).toHaveText(
    /^The partner chose a strong protection setting: opening this file may take about \d+ seconds on this device\.$/,
  );
  await expectAccessible(page, 'a protected file that is slow to open');
  await page.getByLabel('Passphrase', { exact: true }).fill('slow but sure passphrase');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(incoming).toContainText(`protected-work-factor-20.saferplan holds ${PARTNERSHIP}`, { timeout: 200_000 });
  await expectAccessible(page, 'a strongly protected file, opened');
  await page.getByRole('button', { name: `Open ${PARTNERSHIP} as a partnership on this device` }).click();
  await expectPage(page, PARTNERSHIP);
  await expect(page.getByText('Partnership opened from the file and saved on this device')).toBeVisible();
  await expectSaved(page);

  // 2^21 needs 2 GiB in one block, beyond any browser: said at once,
  // before anyone hunts for the passphrase, by a fresh worker.
  await sharePage(page);
  await choose.setInputFiles('tests/fixtures/protected-work-factor-21.saferplan');
  await expect(incoming).toContainText(
    "Opening this file needs 2048 MB of memory, more than this device can give Safer Plan. Ask the partner to protect it again from Safer Plan's Share page, or open it with age on a computer.",
  );
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
  await expectAccessible(page, 'a file protected beyond what a browser can open');
});
