// Two partners with no shared IT exchange files: each change arrives with a
// plain-English preview and is merged only on confirmation.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectPage, openDemo, setIdentity } from './helpers';

async function downloadPartnership(page: Page): Promise<string> {
  await page.goto('/#/share');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download this partnership (.saferplan)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.saferplan$/);
  return (await file.path()) as string;
}

test('the council and the police exchange files and both see each other\'s changes', async ({ browser }) => {
  const council = await (await browser.newContext()).newPage();
  await openDemo(council);
  await setIdentity(council, 'Jo Coordinator', 'Luton Council');
  await council.goto('/#/share');
  await expectPage(council, 'Share with partners');
  await expectAccessible(council, 'the share page');
  const fromCouncil = await downloadPartnership(council);

  // The police officer opens the council's file as a partnership of their own.
  const police = await (await browser.newContext()).newPage();
  await openDemo(police);
  await setIdentity(police, 'Inspector', 'Bedfordshire Police');
  await police.goto('/#/share');
  await police.getByLabel("Choose the file a partner sent").setInputFiles(fromCouncil);
  await police.getByRole('button', { name: 'Open Luton Community Safety Partnership as a partnership on this device' }).click();
  await expect(police.getByText('Partnership opened from the file')).toBeVisible();

  await police.goto('/#/actions/action-04/edit');
  await police.getByLabel('Key action or major project').fill('Review the serious youth violence strategy');
  await police.getByRole('button', { name: 'Save action' }).click();
  await expect(police.getByText('Action updated')).toBeVisible();
  const fromPolice = await downloadPartnership(police);

  // Back at the council: a preview first, then the merge.
  await council.goto('/#/share');
  await council.getByLabel("Choose the file a partner sent").setInputFiles(fromPolice);
  await expect(council.getByText('Bedfordshire Police: 1 action updated')).toBeVisible();
  await expectAccessible(council, 'the merge preview');
  await council.goto('/#/actions/action-04');
  await expectPage(council, 'Review of the strategic position in relation to youth violence. The current strategy ends in 2020.');
  await council.goto('/#/share');
  await council.getByLabel("Choose the file a partner sent").setInputFiles(fromPolice);
  await council.getByRole('button', { name: 'Merge 1 change' }).click();
  await expect(council.getByText('1 change merged from')).toBeVisible();
  await council.reload();
  await council.goto('/#/actions/action-04');
  await expectPage(council, 'Review the serious youth violence strategy');

  // The same file again brings nothing new.
  await council.goto('/#/share');
  await council.getByLabel("Choose the file a partner sent").setInputFiles(fromPolice);
  await expect(council.getByText('Nothing new: you already have every change in this file.')).toBeVisible();
});

test('a file that is not a Safer Plan file is refused and nothing changes', async ({ page }) => {
  await openDemo(page);
  await page.goto('/#/share');
  await page.getByLabel("Choose the file a partner sent").setInputFiles({
    name: 'minutes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 minutes of the executive'),
  });
  await expect(page.getByText('minutes.pdf: This is a PDF, not a Safer Plan file.')).toBeVisible();
  await expectAccessible(page, 'a refused file');
  await page.goto('/#/actions');
  await expect(page.getByText('Showing all 13 actions')).toBeVisible();
});
